//! The rules an instrument file must keep, beyond its shape. Every problem is pushed;
//! nothing returns early, so a trainer sees the whole list at once.

use std::collections::{BTreeMap, BTreeSet};

use super::file::{ChoiceDef, InstrumentFile, ItemType, DEFAULT_SCALE};
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

/// Checks every rule of `file`, pushing one line per problem.
pub(super) fn validate(file: &InstrumentFile, problems: &mut Vec<String>) {
    let mut v = Check { problems };
    let sources: BTreeSet<&str> = file.sources.iter().map(|s| s.id.as_ref()).collect();
    let mut ids = BTreeSet::new();
    for (i, s) in file.sources.iter().enumerate() {
        v.id(&format!("sources[{i}].id"), &s.id, &mut ids);
    }
    let source = |v: &mut Check<'_>, path: &str, id: &str| {
        if !id.is_empty() && !sources.contains(id) {
            v.push(format!("{path}.source: unknown source \"{id}\""));
        }
    };

    // Scales: every one has five labels; the ones referred to exist.
    let scales: BTreeSet<&str> = file.scales.iter().map(|s| s.id.as_ref()).collect();
    for s in file.scales.iter() {
        if s.labels.len() != 5 {
            v.push(format!(
                "scales.{}.labels: needs 5 labels (for 1..5), found {}",
                s.id,
                s.labels.len()
            ));
        }
    }
    let scale = |v: &mut Check<'_>, path: &str, id: &str| {
        if !id.is_empty() && !scales.contains(id) {
            v.push(format!(
                "{path}: unknown scale \"{id}\" (the scales are {})",
                scales.iter().copied().collect::<Vec<_>>().join(", ")
            ));
        }
    };
    if !scales.contains(DEFAULT_SCALE) {
        v.push(format!(
            "scales: \"{DEFAULT_SCALE}\" is missing (the agreement scale of the statements)"
        ));
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
                        v.push(format!("{path}.{what}: an open question has no {what}"));
                    }
                }
            }
            ItemType::Likert => {
                if let Some(s) = &item.scale {
                    scale(&mut v, &format!("{path}.scale"), s);
                }
                let Some(module) = item.module else {
                    v.push(format!(
                        "{path}.module: a statement needs a module (opgave, organisatie or relaties)"
                    ));
                    continue;
                };
                if !module.is_scored() {
                    v.push(format!(
                        "{path}.module: \"{module}\" has no statements; use opgave, organisatie or relaties"
                    ));
                    continue;
                }
                per_module[module.index()] += 1;
                match (item.concept, module) {
                    (Some(c), Module::Relaties) => per_concept[c.index()] += 1,
                    (None, Module::Relaties) => {
                        v.push(format!(
                            "{path}.concept: a statement in relaties needs a concept"
                        ));
                    }
                    (Some(c), _) => v.push(format!(
                        "{path}.concept: only statements in relaties have a concept, found \"{c}\""
                    )),
                    (None, _) => {}
                }
                if let Some(check) = item.check {
                    if module == Module::Opgave {
                        checks[usize::from(check.clamp(1, 3)) - 1] += 1;
                    } else {
                        v.push(format!(
                            "{path}.check: only statements in opgave are checks"
                        ));
                    }
                }
                if let Some(role) = item.role {
                    if module == Module::Opgave {
                        roles[role.index()] += 1;
                    } else {
                        v.push(format!(
                            "{path}.role: only statements in opgave rate the connection to a group"
                        ));
                    }
                }
            }
        }
    }
    for (n, count) in checks.iter().enumerate() {
        if *count != 1 {
            v.push(format!(
                "items: check {} of the functional system must appear exactly once in opgave, found {count}",
                n + 1
            ));
        }
    }
    for (role, count) in Role::ALL.iter().zip(roles) {
        if count != 1 {
            v.push(format!(
                "items: the connection to the {role}s (role \"{role}\") must be rated by exactly one statement in opgave, found {count}"
            ));
        }
    }
    for concept in Concept::ALL {
        let n = per_concept[concept.index()];
        if n < MIN_ITEMS_PER_CONCEPT {
            v.push(format!(
                "items: concept {concept} has {n} statement(s), needs at least {MIN_ITEMS_PER_CONCEPT}"
            ));
        }
    }
    for (module, min) in [
        (Module::Opgave, MIN_ITEMS_OPGAVE),
        (Module::Organisatie, MIN_ITEMS_ORGANISATIE),
    ] {
        let n = per_module[module.index()];
        if n < min {
            v.push(format!(
                "items: module {module} has {n} statement(s), needs at least {min}"
            ));
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
        v.push(format!(
            "ladder.rungs: must be in order from lowest to highest: {}",
            Rung::ids()
        ));
    }

    advice(file, &mut v, &mut ids, &source);

    // Earlier versions.
    let mut versions = BTreeSet::new();
    for (i, p) in file.previous.iter().enumerate() {
        let path = format!("previous[{i}]");
        if p.version == file.version {
            v.push(format!(
                "{path}.version: \"{}\" is this instrument's own version",
                p.version
            ));
        }
        if !versions.insert(p.version.as_ref()) {
            v.push(format!("{path}.version: \"{}\" appears twice", p.version));
        }
        let mut targets: BTreeMap<&str, &str> = BTreeMap::new();
        for (old, new) in p.items.iter() {
            let Some(new) = new else { continue };
            match file.items.iter().find(|it| it.id == *new) {
                None => v.push(format!(
                    "{path}.items.{old}: maps to \"{new}\", which is not an item of this version"
                )),
                Some(it) if it.kind != ItemType::Likert => v.push(format!(
                    "{path}.items.{old}: maps to \"{new}\", which is an open question"
                )),
                Some(_) => {}
            }
            if let Some(first) = targets.insert(new.as_ref(), old.as_ref()) {
                v.push(format!(
                    "{path}.items.{old}: maps to \"{new}\", as \"{first}\" does already; two answers cannot become one"
                ));
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
                v.push(format!(
                    "words.{}: has no \"{code}\" text, though the title has one",
                    word.id()
                ));
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
            v.push(format!(
                "{path}: a second advice for \"{}\"{}{}",
                a.when,
                a.band.map(|b| format!(", band {b}")).unwrap_or_default(),
                a.form.map(|f| format!(", form {f}")).unwrap_or_default()
            ));
        }
        if let Some(band) = a.band {
            if !a.when.variant_bands().contains(&Some(band)) {
                v.push(format!(
                    "{path}.band: \"{band}\" does not apply to \"{}\"",
                    a.when
                ));
            }
        }
        if a.finding.own.is_none() && !a.when.group_only() {
            v.push(format!(
                "{path}.finding.own: missing (one respondent can have this finding; say it to them: \"Jij ziet ...\")"
            ));
        }
    }
    for t in Trigger::all() {
        for band in t.variant_bands() {
            let covered = seen
                .iter()
                .any(|(w, b, f)| *w == t && f.is_none() && (b.is_none() || *b == *band));
            if !covered {
                let which = band
                    .map(|b| format!(" with band \"{b}\""))
                    .unwrap_or_default();
                v.push(format!("advice: no advice for \"{t}\"{which}"));
            }
        }
    }
}

struct Check<'a> {
    problems: &'a mut Vec<String>,
}

impl Check<'_> {
    fn push(&mut self, problem: String) {
        self.problems.push(problem);
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
            self.push(format!("{path}: \"{id}\" must be made of a-z, 0-9 and -"));
        }
        if !seen.insert(id.to_owned()) {
            self.push(format!("{path}: duplicate id \"{id}\""));
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
                0 => self.push(format!("{path}: \"{id}\" is missing")),
                1 => {}
                n => self.push(format!("{path}: \"{id}\" appears {n} times")),
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
