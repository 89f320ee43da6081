//! Advice: which findings matter most, and what the instrument says to do about them.
//!
//! "Choose your battles" (seed 001): every finding gets a band and a severity, so a low
//! concept that matters, fragile trust, a government on the wrong rung, a group around
//! the problem that nobody reaches and an imbalance of give and take can be ranked
//! together. The first three are shown first.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::instrument::{Instrument, Slot};
use crate::keyed::Scored;
use crate::model::{
    rank_key, Band, Concept, CoverageStatus, InterestFlag, LadderFlag, Module, Role, TrustFlag,
    View,
};
use crate::report::Report;
use crate::stats::Stats;
use crate::text::Text;

/// Severity of a group around the problem that nobody reaches: a network only works
/// when it is connected to owners, causers and solvers alike (seed 000).
pub const SEVERITY_MISSING_ROLE: f64 = 12.0;
/// Severity of a non-committal partner.
pub const SEVERITY_NON_COMMITTAL: f64 = 6.0;
/// How much the joint task weighs against the concepts (the highest importance): the
/// task leads (tip 1).
pub const WEIGHT_OPGAVE: f64 = 5.0;
/// How much the organisation of the collaboration weighs.
pub const WEIGHT_ORGANISATIE: f64 = 4.0;

/// The finding an advice answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trigger {
    /// A concept below sterk.
    Concept(Concept),
    /// `opgave` or `organisatie` below sterk.
    Module(Module),
    /// Trust runs ahead of, or lags behind, its foundation.
    Trust(TrustFlag),
    /// The ladder shows a gap or no shared picture.
    Ladder(LadderFlag),
    /// Nobody holds a role and the connection to that group is rated low or not at all.
    Role(Role),
    /// A partner holds a role, but the connection to that group is rated low.
    Connection(Role),
    /// An organisation's interests stand out.
    Interests(InterestFlag),
    /// Perspectives differ ("meervoudig kijken").
    Divergent,
}

impl Trigger {
    /// Every trigger an instrument must have advice for.
    #[must_use]
    pub fn all() -> Vec<Trigger> {
        let mut all: Vec<Trigger> = Concept::ALL.iter().map(|c| Trigger::Concept(*c)).collect();
        all.extend([
            Trigger::Module(Module::Opgave),
            Trigger::Module(Module::Organisatie),
        ]);
        all.extend(TrustFlag::ALL.iter().map(|f| Trigger::Trust(*f)));
        all.extend(LadderFlag::ALL.iter().map(|f| Trigger::Ladder(*f)));
        all.extend(Role::ALL.iter().map(|r| Trigger::Role(*r)));
        all.extend(Role::ALL.iter().map(|r| Trigger::Connection(*r)));
        all.extend(InterestFlag::ALL.iter().map(|f| Trigger::Interests(*f)));
        all.push(Trigger::Divergent);
        all
    }

    /// Parses `kind:id` (such as `concept:respect`) or `divergent`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Trigger> {
        if s == "divergent" {
            return Some(Trigger::Divergent);
        }
        let (kind, id) = s.split_once(':')?;
        match kind {
            "concept" => Concept::parse(id).map(Trigger::Concept),
            "module" => Module::parse(id)
                .filter(|m| matches!(m, Module::Opgave | Module::Organisatie))
                .map(Trigger::Module),
            "trust" => TrustFlag::parse(id).map(Trigger::Trust),
            "ladder" => LadderFlag::parse(id).map(Trigger::Ladder),
            "role" => Role::parse(id).map(Trigger::Role),
            "connection" => Role::parse(id).map(Trigger::Connection),
            "interests" => InterestFlag::parse(id).map(Trigger::Interests),
            _ => None,
        }
    }

    /// The bands an advice entry for this trigger may be limited to; `[None]` where the
    /// band plays no part. A valid instrument covers each.
    #[must_use]
    pub fn variant_bands(self) -> &'static [Option<Band>] {
        match self {
            Trigger::Concept(_) | Trigger::Module(_) | Trigger::Trust(TrustFlag::Achter) => {
                &[Some(Band::Aandacht), Some(Band::Zorg)]
            }
            _ => &[None],
        }
    }

    /// Findings that only a group can have, never one respondent alone.
    #[must_use]
    pub fn group_only(self) -> bool {
        matches!(
            self,
            Trigger::Role(_)
                | Trigger::Ladder(LadderFlag::GeenBeeld | LadderFlag::GeenBeeldGewenst)
                | Trigger::Interests(_)
                | Trigger::Divergent
        )
    }
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::Concept(c) => write!(f, "concept:{c}"),
            Trigger::Module(m) => write!(f, "module:{m}"),
            Trigger::Trust(t) => write!(f, "trust:{t}"),
            Trigger::Ladder(l) => write!(f, "ladder:{l}"),
            Trigger::Role(r) => write!(f, "role:{r}"),
            Trigger::Connection(r) => write!(f, "connection:{r}"),
            Trigger::Interests(i) => write!(f, "interests:{i}"),
            Trigger::Divergent => f.write_str("divergent"),
        }
    }
}

impl Serialize for Trigger {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The lowest-scoring statement of a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LowestItem {
    /// Its id.
    pub id: String,
    /// The statement.
    pub text: Text,
    /// Its mean (reverse items counted as 6 - v).
    pub mean: f64,
}

/// What led to a coverage finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// Which organisations say they hold the role.
    Roles,
    /// How the respondents rate the network's connection to the group.
    Connection,
}

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// The advice's id in the instrument.
    pub id: String,
    /// The finding it answers.
    pub when: Trigger,
    /// How serious the finding is: `zorg` findings come before `aandacht` ones.
    pub band: Band,
    /// How much it matters within its band, on the scale of concept priority (0..20).
    pub severity: f64,
    /// What it is about: concept, module or item ids, or organisation names.
    pub subjects: Vec<String>,
    /// A few words.
    pub title: Text,
    /// What was found, said to the respondent or about the group.
    pub finding: Text,
    /// What to do.
    pub text: Text,
    /// The lowest-scoring statement, for concept and module findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lowest: Option<LowestItem>,
    /// The statements on which perspectives differ, for divergence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// What led to a coverage finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The source it rests on.
    pub source: String,
}

/// A finding before its advice is looked up.
struct Found {
    when: Trigger,
    /// The band that picks the advice variant.
    variant: Option<Band>,
    /// The band the finding is ranked in.
    band: Band,
    severity: f64,
    spread: f64,
    subjects: Vec<String>,
    lowest: Option<LowestItem>,
    items: Vec<String>,
    evidence: Vec<Evidence>,
}

impl Found {
    fn new(when: Trigger, band: Band, severity: f64) -> Found {
        Found {
            when,
            variant: None,
            band,
            severity,
            spread: 0.0,
            subjects: Vec::new(),
            lowest: None,
            items: Vec::new(),
            evidence: Vec::new(),
        }
    }
}

/// Collects the findings of `report`, most important first.
///
/// Ranking: a `zorg` finding always comes before an `aandacht` finding; within a band
/// a weak joint task comes first (tip 1: the task leads), then the higher severity, then
/// the larger spread between respondents, then the model's order. Severities, all on
/// the 0..20 scale of concept priority:
/// - a concept below `sterk`: its priority, importance x (5 - mean), in its own band;
/// - `opgave` below `sterk`: 5 x (5 - mean); `organisatie`: 4 x (5 - mean);
/// - trust `voor` / `achter`: 6 + 4 x |gap| (aandacht);
/// - ladder `te_hoog` / `te_laag`: 6 + 4 x |mean gap|; `geen_beeld` and
///   `geen_beeld_gewenst`: 4 + 2 x rungs apart (aandacht);
/// - a group nobody reaches, once two or more organisations responded: 12 (zorg);
///   a weak connection to a group a partner holds: 6 + 2 x (3 - connection) (aandacht);
/// - `onbalans`: 4 + 2 x the largest |give - take|; `vrijblijvend`: 6 (aandacht);
/// - divergence on a concept or module, or on its statements: 5 + 2 x the largest sd
///   (aandacht).
#[must_use]
pub fn rank(instrument: &Instrument, report: &Report) -> Vec<Advice> {
    let mut found: Vec<Found> = Vec::new();
    concepts_and_modules(instrument, report, &mut found);
    if let (Some(flag), Some(gap)) = (report.trust.flag, report.trust.gap) {
        let mut f = Found::new(Trigger::Trust(flag), Band::Aandacht, 6.0 + 4.0 * gap.abs());
        if flag == TrustFlag::Achter {
            // "De basis is goed" only where the foundation is at least aandacht.
            f.variant = Some(match report.trust.foundation_band {
                Some(Band::Zorg) => Band::Zorg,
                _ => Band::Aandacht,
            });
        }
        found.push(f);
    }
    for flag in &report.ladder.flags {
        let ladder = &report.ladder.all;
        let apart = |counts: &[usize]| {
            let used: Vec<usize> = (0..counts.len()).filter(|i| counts[*i] > 0).collect();
            used.last().zip(used.first()).map_or(0, |(hi, lo)| hi - lo)
        };
        let severity = match flag {
            LadderFlag::TeHoog | LadderFlag::TeLaag => {
                6.0 + 4.0 * ladder.mean_gap.unwrap_or(0.0).abs()
            }
            LadderFlag::GeenBeeld => 4.0 + 2.0 * apart(&ladder.current.values) as f64,
            LadderFlag::GeenBeeldGewenst => 4.0 + 2.0 * apart(&ladder.desired.values) as f64,
        };
        found.push(Found::new(Trigger::Ladder(*flag), Band::Aandacht, severity));
    }
    for role in Role::ALL {
        let coverage = &report.coverage.roles[*role];
        let mut evidence = vec![Evidence::Roles];
        if coverage.connection.n > 0 {
            evidence.push(Evidence::Connection);
        }
        let f = match coverage.status {
            Some(CoverageStatus::Ontbreekt) if report.coverage.organisations >= 2 => {
                Found::new(Trigger::Role(*role), Band::Zorg, SEVERITY_MISSING_ROLE)
            }
            Some(CoverageStatus::Zwak) => {
                let c = coverage.connection.mean.unwrap_or(0.0);
                Found::new(
                    Trigger::Connection(*role),
                    Band::Aandacht,
                    6.0 + 2.0 * (3.0 - c),
                )
            }
            _ => continue,
        };
        found.push(Found {
            subjects: vec![role.id().to_owned()],
            evidence,
            ..f
        });
    }
    for flag in InterestFlag::ALL {
        let orgs: Vec<_> = report
            .interests
            .iter()
            .filter(|o| o.flags.contains(flag))
            .collect();
        if orgs.is_empty() {
            continue;
        }
        let severity = match flag {
            InterestFlag::Onbalans => {
                let worst = orgs
                    .iter()
                    .filter_map(|o| o.balance)
                    .fold(0.0f64, |a, b| a.max(b.abs()));
                4.0 + 2.0 * worst
            }
            InterestFlag::Vrijblijvend => SEVERITY_NON_COMMITTAL,
        };
        found.push(Found {
            subjects: orgs.iter().map(|o| o.organisation.clone()).collect(),
            ..Found::new(Trigger::Interests(*flag), Band::Aandacht, severity)
        });
    }
    divergence(instrument, report, &mut found);

    found.sort_by(|a, b| {
        band_rank(a.band)
            .cmp(&band_rank(b.band))
            .then(leads(b).cmp(&leads(a)))
            .then(rank_key(b.severity).cmp(&rank_key(a.severity)))
            .then(rank_key(b.spread).cmp(&rank_key(a.spread)))
            .then(a.when.cmp(&b.when))
            .then(a.subjects.cmp(&b.subjects))
    });
    let form = report.form.dominant;
    found
        .into_iter()
        .filter_map(|f| {
            let def = instrument.advice(f.when, f.variant, form)?;
            let finding = match (report.view, &def.finding.own) {
                (View::Respondent, Some(own)) => own.clone(),
                _ => def.finding.group.clone(),
            };
            Some(Advice {
                id: def.id.to_string(),
                when: f.when,
                band: f.band,
                severity: f.severity,
                subjects: f.subjects,
                title: def.title.clone(),
                finding,
                text: def.text.clone(),
                lowest: f.lowest,
                items: f.items,
                evidence: f.evidence,
                source: def.source.to_string(),
            })
        })
        .collect()
}

/// `zorg` before `aandacht`.
fn band_rank(band: Band) -> u8 {
    match band {
        Band::Zorg => 0,
        Band::Aandacht => 1,
        Band::Sterk => 2,
    }
}

/// Whether a finding is the weak joint task, which leads within its band.
fn leads(f: &Found) -> bool {
    f.when == Trigger::Module(Module::Opgave)
}

fn concepts_and_modules(instrument: &Instrument, report: &Report, found: &mut Vec<Found>) {
    for c in Concept::ALL {
        let s = &report.concepts[*c];
        let (Some(priority), Some(band)) = (s.priority, s.stats.band) else {
            continue;
        };
        if band == Band::Sterk {
            continue;
        }
        found.push(Found {
            variant: Some(band),
            spread: s.stats.sd.unwrap_or(0.0),
            subjects: vec![c.id().to_owned()],
            lowest: lowest(instrument, report, instrument.concept_slots(*c)),
            ..Found::new(Trigger::Concept(*c), band, priority)
        });
    }
    for (m, weight) in [
        (Module::Opgave, WEIGHT_OPGAVE),
        (Module::Organisatie, WEIGHT_ORGANISATIE),
    ] {
        let s = &report.modules[Scored(m)];
        let (Some(mean), Some(band)) = (s.mean, s.band) else {
            continue;
        };
        if band == Band::Sterk {
            continue;
        }
        found.push(Found {
            variant: Some(band),
            spread: s.sd.unwrap_or(0.0),
            subjects: vec![m.id().to_owned()],
            lowest: lowest(instrument, report, instrument.module_slots(m)),
            ..Found::new(Trigger::Module(m), band, weight * (5.0 - mean))
        });
    }
}

/// The statement with the lowest mean among `slots`; the first in order on a tie.
fn lowest(instrument: &Instrument, report: &Report, slots: &[Slot]) -> Option<LowestItem> {
    let mut best: Option<(&crate::instrument::ItemDef, f64)> = None;
    for slot in slots {
        let Some(item) = instrument.statement(usize::from(slot.index)) else {
            continue;
        };
        let Some(mean) = report.items.get(&item.id).and_then(|s| s.mean) else {
            continue;
        };
        if best.is_none_or(|(_, m)| rank_key(mean) < rank_key(m)) {
            best = Some((item, mean));
        }
    }
    best.map(|(item, mean)| LowestItem {
        id: item.id.to_string(),
        text: item.text.clone(),
        mean,
    })
}

/// One finding per concept or module on which the respondents differ, itself or on
/// some of its statements (tip 2, "meervoudig kijken").
fn divergence(instrument: &Instrument, report: &Report, found: &mut Vec<Found>) {
    let mut check = |subject: &str, own: &Stats, slots: &[Slot]| {
        let items: Vec<(String, f64)> = slots
            .iter()
            .filter_map(|slot| instrument.statement(usize::from(slot.index)))
            .filter_map(|item| {
                let s = report.items.get(&item.id)?;
                s.divergent
                    .then(|| (item.id.to_string(), s.sd.unwrap_or(0.0)))
            })
            .collect();
        if !own.divergent && items.is_empty() {
            return;
        }
        let sd = items
            .iter()
            .map(|(_, sd)| *sd)
            .chain(own.divergent.then(|| own.sd.unwrap_or(0.0)))
            .fold(0.0f64, f64::max);
        found.push(Found {
            spread: sd,
            subjects: vec![subject.to_owned()],
            items: items.into_iter().map(|(id, _)| id).collect(),
            ..Found::new(Trigger::Divergent, Band::Aandacht, 5.0 + 2.0 * sd)
        });
    };
    for m in [Module::Opgave, Module::Organisatie] {
        check(
            m.id(),
            &report.modules[Scored(m)],
            instrument.module_slots(m),
        );
    }
    for c in Concept::ALL {
        check(
            c.id(),
            &report.concepts[*c].stats,
            instrument.concept_slots(*c),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_round_trip() {
        let all = Trigger::all();
        assert_eq!(all.len(), 6 + 2 + 2 + 4 + 3 + 3 + 2 + 1);
        for t in all {
            assert_eq!(Trigger::parse(&t.to_string()), Some(t));
        }
        assert_eq!(
            Trigger::parse("interests:vrijblijvend"),
            Some(Trigger::Interests(InterestFlag::Vrijblijvend))
        );
        assert_eq!(Trigger::parse("module:ladder"), None);
        assert_eq!(Trigger::parse("concept:liefde"), None);
        assert_eq!(Trigger::parse("divergent"), Some(Trigger::Divergent));
    }
}
