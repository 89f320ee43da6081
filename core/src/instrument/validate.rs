//! The rules an instrument file must keep, beyond its shape. Every problem is pushed;
//! nothing returns early, so a trainer sees the whole list at once.

use std::collections::{BTreeMap, BTreeSet};

use super::file::{ChoiceDef, InstrumentFile, ItemType, DEFAULT_SCALE};
use super::problem::{InstrumentProblem, Wrong};
use crate::advice::Trigger;
use crate::model::{
    Band, Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung,
    Sector,
};
use crate::text::Lang;
use crate::words::Word;

/// Minimum number of Likert items per concept.
pub const MIN_ITEMS_PER_CONCEPT: usize = 3;
/// Minimum number of Likert items in `opgave`.
pub const MIN_ITEMS_OPGAVE: usize = 5;
/// Minimum number of Likert items in `organisatie`.
pub const MIN_ITEMS_ORGANISATIE: usize = 4;

/// Checks every rule of `file`, pushing one problem per broken rule.
pub(super) fn validate(file: &InstrumentFile, problems: &mut Vec<InstrumentProblem>) {
    let mut v = Check { problems };
    let sources: BTreeSet<&str> = file.sources.iter().map(|s| s.id.as_ref()).collect();
    let mut ids = BTreeSet::new();
    for (i, s) in file.sources.iter().enumerate() {
        v.id(&format!("sources[{i}].id"), &s.id, &mut ids);
    }
    let source = |v: &mut Check<'_>, path: &str, id: &str| {
        if !id.is_empty() && !sources.contains(id) {
            v.push(format!("{path}.source"), &Wrong::UnknownSource(id));
        }
    };

    // Scales: every one has five labels; the ones referred to exist.
    let scales: BTreeSet<&str> = file.scales.iter().map(|s| s.id.as_ref()).collect();
    for s in file.scales.iter() {
        if s.labels.len() != 5 {
            v.push(
                format!("scales.{}.labels", s.id),
                &Wrong::LabelCount(s.labels.len()),
            );
        }
    }
    let scale = |v: &mut Check<'_>, path: &str, id: &str| {
        if !id.is_empty() && !scales.contains(id) {
            let scales = scales.iter().copied().collect::<Vec<_>>().join(", ");
            v.push(
                path,
                &Wrong::UnknownScale {
                    id,
                    scales: &scales,
                },
            );
        }
    };
    if !scales.contains(DEFAULT_SCALE) {
        v.push("scales", &Wrong::NoDefaultScale);
    }
    scale(&mut v, "importance.scale", &file.importance.scale);

    v.vocabulary("modules", file.modules.iter().map(|m| m.id), Module::ALL);
    v.vocabulary("concepts", file.concepts.iter().map(|c| c.id), Concept::ALL);
    for (i, c) in file.concepts.iter().enumerate() {
        source(&mut v, &format!("concepts[{i}]"), &c.source);
    }

    // Items.
    let mut checks = [0usize; 3];
    let mut roles = [0usize; 3];
    let mut per_concept = [0usize; Concept::COUNT];
    let mut per_module = [0usize; Module::COUNT];
    for (i, item) in file.items.iter().enumerate() {
        let path = format!("items[{i}] ({})", item.id);
        v.id(&format!("items[{i}].id"), &item.id, &mut ids);
        source(&mut v, &path, &item.source);
        match item.kind {
            ItemType::Open => {
                for (bad, what) in [
                    (item.reverse, "reverse"),
                    (item.check.is_some(), "check"),
                    (item.role.is_some(), "role"),
                    (item.scale.is_some(), "scale"),
                    (item.concept.is_some(), "concept"),
                ] {
                    if bad {
                        v.push(format!("{path}.{what}"), &Wrong::OpenQuestionHas(what));
                    }
                }
            }
            ItemType::Likert => {
                if let Some(s) = &item.scale {
                    scale(&mut v, &format!("{path}.scale"), s);
                }
                let Some(module) = item.module else {
                    v.push(format!("{path}.module"), &Wrong::NoModule);
                    continue;
                };
                if !module.is_scored() {
                    v.push(format!("{path}.module"), &Wrong::UnscoredModule(module));
                    continue;
                }
                per_module[module.index()] += 1;
                match (item.concept, module) {
                    (Some(c), Module::Relaties) => per_concept[c.index()] += 1,
                    (None, Module::Relaties) => {
                        v.push(format!("{path}.concept"), &Wrong::NoConcept);
                    }
                    (Some(c), _) => {
                        v.push(format!("{path}.concept"), &Wrong::ConceptOutsideRelaties(c));
                    }
                    (None, _) => {}
                }
                if let Some(check) = item.check {
                    if module == Module::Opgave {
                        checks[usize::from(check.clamp(1, 3)) - 1] += 1;
                    } else {
                        v.push(format!("{path}.check"), &Wrong::CheckOutsideOpgave);
                    }
                }
                if let Some(role) = item.role {
                    if module == Module::Opgave {
                        roles[role.index()] += 1;
                    } else {
                        v.push(format!("{path}.role"), &Wrong::RoleOutsideOpgave);
                    }
                }
            }
        }
    }
    for (n, found) in checks.into_iter().enumerate() {
        if found != 1 {
            v.push(
                "items",
                &Wrong::CheckCount {
                    check: n + 1,
                    found,
                },
            );
        }
    }
    for (role, found) in Role::ALL.iter().copied().zip(roles) {
        if found != 1 {
            v.push("items", &Wrong::RoleCount { role, found });
        }
    }
    for concept in Concept::ALL.iter().copied() {
        let found = per_concept[concept.index()];
        if found < MIN_ITEMS_PER_CONCEPT {
            v.push("items", &Wrong::TooFewForConcept { concept, found });
        }
    }
    for (module, min) in [
        (Module::Opgave, MIN_ITEMS_OPGAVE),
        (Module::Organisatie, MIN_ITEMS_ORGANISATIE),
    ] {
        let found = per_module[module.index()];
        if found < min {
            v.push("items", &Wrong::TooFewForModule { module, found, min });
        }
    }

    v.choices("form.choices", &file.form.choices, Form::ALL);
    source(&mut v, "form", &file.form.source);

    v.vocabulary(
        "interests.questions",
        file.interests.questions.iter().map(|q| q.id),
        InterestQuestion::ALL,
    );
    for (i, q) in file.interests.questions.iter().enumerate() {
        let path = format!("interests.questions[{i}]");
        source(&mut v, &path, &q.source);
        scale(&mut v, &format!("{path}.scale"), &q.scale);
    }
    scale(
        &mut v,
        "interests.influence.scale",
        &file.interests.influence.scale,
    );
    v.vocabulary(
        "interests.influence.sources",
        file.interests.influence.sources.iter().map(|s| s.id),
        InfluenceSource::ALL,
    );
    for (i, s) in file.interests.influence.sources.iter().enumerate() {
        source(
            &mut v,
            &format!("interests.influence.sources[{i}]"),
            &s.source,
        );
    }

    let r = &file.respondent;
    v.choices("respondent.roles.choices", &r.roles.choices, Role::ALL);
    v.choices(
        "respondent.position.choices",
        &r.position.choices,
        Position::ALL,
    );
    v.choices("respondent.sector.choices", &r.sector.choices, Sector::ALL);
    v.choices("respondent.level.choices", &r.level.choices, Level::ALL);

    v.choices("ladder.rungs", &file.ladder.rungs, Rung::ALL);
    let order: Vec<Rung> = file.ladder.rungs.iter().map(|c| c.id).collect();
    if order.len() == Rung::COUNT && order != Rung::ALL {
        v.push("ladder.rungs", &Wrong::RungOrder);
    }

    advice(file, &mut v, &mut ids, &source);

    // Earlier versions.
    let mut versions = BTreeSet::new();
    for (i, p) in file.previous.iter().enumerate() {
        let path = format!("previous[{i}]");
        if p.version == file.version {
            v.push(format!("{path}.version"), &Wrong::OwnVersion(&p.version));
        }
        if !versions.insert(p.version.as_ref()) {
            v.push(format!("{path}.version"), &Wrong::VersionTwice(&p.version));
        }
        let mut targets: BTreeMap<&str, &str> = BTreeMap::new();
        for (old, new) in p.items.iter() {
            let Some(new) = new else { continue };
            let at = format!("{path}.items.{old}");
            match file.items.iter().find(|it| it.id == *new) {
                None => v.push(at.as_str(), &Wrong::MapsToUnknown(new)),
                Some(it) if it.kind != ItemType::Likert => {
                    v.push(at.as_str(), &Wrong::MapsToOpen(new));
                }
                Some(_) => {}
            }
            if let Some(first) = targets.insert(new.as_ref(), old.as_ref()) {
                v.push(at, &Wrong::MapsTwice { new, first });
            }
        }
    }

    // A further language in the title promises the report's words in it too.
    for (code, _) in file.title.more.iter() {
        let Some(lang) = Lang::parse(code) else {
            continue;
        };
        for word in Word::ALL {
            if !file.words.get(*word).has(lang) {
                v.push(
                    format!("words.{}", word.id()),
                    &Wrong::WordLacksLanguage(code),
                );
            }
        }
    }
}

fn advice(
    file: &InstrumentFile,
    v: &mut Check<'_>,
    ids: &mut BTreeSet<String>,
    source: &dyn Fn(&mut Check<'_>, &str, &str),
) {
    let mut seen: BTreeSet<(Trigger, Option<Band>, Option<Form>)> = BTreeSet::new();
    for (i, a) in file.advice.iter().enumerate() {
        let path = format!("advice[{i}] ({})", a.id);
        v.id(&format!("advice[{i}].id"), &a.id, ids);
        source(v, &path, &a.source);
        if !seen.insert((a.when, a.band, a.form)) {
            let (when, band, form) = (a.when, a.band, a.form);
            v.push(path.as_str(), &Wrong::SecondAdvice { when, band, form });
        }
        if let Some(band) = a.band {
            if !a.when.variant_bands().contains(&Some(band)) {
                let when = a.when;
                v.push(
                    format!("{path}.band"),
                    &Wrong::BandDoesNotApply { band, when },
                );
            }
        }
        if a.finding.own.is_none() && !a.when.group_only() {
            v.push(format!("{path}.finding.own"), &Wrong::NoOwnFinding);
        }
    }
    for t in Trigger::all() {
        for band in t.variant_bands() {
            let covered = seen
                .iter()
                .any(|(w, b, f)| *w == t && f.is_none() && (b.is_none() || *b == *band));
            if !covered {
                v.push(
                    "advice",
                    &Wrong::NoAdvice {
                        when: t,
                        band: *band,
                    },
                );
            }
        }
    }
}

struct Check<'a> {
    problems: &'a mut Vec<InstrumentProblem>,
}

impl Check<'_> {
    fn push(&mut self, path: impl Into<String>, wrong: &Wrong<'_>) {
        self.problems.push(InstrumentProblem::new(path, wrong));
    }

    /// Ids are unique across sources, items and advice, and made of a-z, 0-9 and -.
    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>) {
        if id.is_empty() {
            return; // Reported as empty when read.
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.push(path, &Wrong::IdCharacters(id));
        }
        if !seen.insert(id.to_owned()) {
            self.push(path, &Wrong::DuplicateId(id));
        }
    }

    /// A list holds each value of a fixed vocabulary exactly once.
    fn vocabulary<T: Copy + Eq + std::fmt::Display>(
        &mut self,
        path: &str,
        found: impl Iterator<Item = T>,
        all: &[T],
    ) {
        let found: Vec<T> = found.collect();
        for id in all {
            match found.iter().filter(|f| *f == id).count() {
                0 => self.push(path, &Wrong::Absent(&id.to_string())),
                1 => {}
                times => self.push(
                    path,
                    &Wrong::Repeated {
                        id: &id.to_string(),
                        times,
                    },
                ),
            }
        }
    }

    fn choices<T: Copy + Eq + std::fmt::Display>(
        &mut self,
        path: &str,
        choices: &[ChoiceDef<T>],
        all: &[T],
    ) {
        self.vocabulary(path, choices.iter().map(|c| c.id), all);
    }
}
