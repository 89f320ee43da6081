//! Advice: which findings matter most, and what the instrument says to do about them.
//!
//! "Choose your battles" (seed 001): every finding gets a severity on one scale, so a
//! low concept that matters, fragile trust, a government on the wrong rung, a missing
//! group of stakeholders and an imbalance of give and take can be ranked together.
//! The first three are shown first.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::group::Report;
use crate::instrument::Instrument;
use crate::model::{rank_key, Band, Concept, InterestFlag, LadderFlag, Module, Role, TrustFlag};
use crate::text::Text;

/// Severity of a missing role: a network only works when it is connected to owners,
/// causers and solvers alike (seed 000).
pub const SEVERITY_MISSING_ROLE: f64 = 12.0;
/// Severity of a partner that may be let go.
pub const SEVERITY_LET_GO: f64 = 6.0;

/// The finding an advice answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trigger {
    /// A concept that needs attention.
    Concept(Concept),
    /// `opgave` or `organisatie` needs attention.
    Module(Module),
    /// Trust runs ahead of, or lags behind, its foundation.
    Trust(TrustFlag),
    /// The ladder shows a gap or no shared picture.
    Ladder(LadderFlag),
    /// Nobody holds a role.
    Role(Role),
    /// An organisation's interests stand out.
    Interests(InterestFlag),
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
        all.extend(InterestFlag::ALL.iter().map(|f| Trigger::Interests(*f)));
        all
    }

    /// Parses `kind:id`, such as `concept:respect` or `interests:loslaten`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Trigger> {
        let (kind, id) = s.split_once(':')?;
        match kind {
            "concept" => Concept::parse(id).map(Trigger::Concept),
            "module" => Module::parse(id)
                .filter(|m| matches!(m, Module::Opgave | Module::Organisatie))
                .map(Trigger::Module),
            "trust" => TrustFlag::parse(id).map(Trigger::Trust),
            "ladder" => LadderFlag::parse(id).map(Trigger::Ladder),
            "role" => Role::parse(id).map(Trigger::Role),
            "interests" => InterestFlag::ALL
                .iter()
                .find(|f| f.id().trim_end_matches('?') == id)
                .map(|f| Trigger::Interests(*f)),
            _ => None,
        }
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
            Trigger::Interests(i) => write!(f, "interests:{}", i.id().trim_end_matches('?')),
        }
    }
}

impl Serialize for Trigger {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Trigger {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Trigger::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown trigger {s}")))
    }
}

/// One piece of advice for the group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advice {
    /// The advice's id in the instrument.
    pub id: String,
    /// The finding it answers.
    pub when: Trigger,
    /// How much it matters, on the scale of concept priority (0..20).
    pub severity: f64,
    /// What it is about: a concept or module id, or organisation names.
    pub subjects: Vec<String>,
    /// A few words.
    pub title: Text,
    /// The advice.
    pub text: Text,
    /// The source it rests on.
    pub source: String,
}

/// Collects the findings of `report`, most severe first.
///
/// Severities, all on the 0..20 scale of concept priority:
/// - concept below `sterk`: its priority, importance x (5 - mean);
/// - `opgave` or `organisatie` below `sterk`: 3 x (5 - mean);
/// - trust `voor` / `achter`: 6 + 4 x |gap|;
/// - ladder `te_hoog` / `te_laag`: 6 + 4 x |mean gap|; `geen_beeld`: 4 + 2 x rungs apart;
/// - a missing role, once two or more organisations responded: 12;
/// - `onbalans`: 4 + 2 x the largest |give - take|; `loslaten?`: 6.
///
/// Ties go to the larger spread between respondents, then to the model's order.
#[must_use]
pub fn rank(instrument: &Instrument, report: &Report) -> Vec<Advice> {
    // (trigger, severity, spread, subjects)
    let mut found: Vec<(Trigger, f64, f64, Vec<String>)> = Vec::new();
    for (c, s) in &report.concepts {
        if let (Some(priority), Some(band)) = (s.priority, s.stats.band) {
            if band != Band::Sterk {
                let sd = s.stats.sd.unwrap_or(0.0);
                found.push((Trigger::Concept(*c), priority, sd, vec![c.id().to_owned()]));
            }
        }
    }
    for m in [Module::Opgave, Module::Organisatie] {
        if let Some(s) = report.modules.get(&m) {
            if let (Some(mean), Some(band)) = (s.mean, s.band) {
                if band != Band::Sterk {
                    let sd = s.sd.unwrap_or(0.0);
                    found.push((
                        Trigger::Module(m),
                        3.0 * (5.0 - mean),
                        sd,
                        vec![m.id().to_owned()],
                    ));
                }
            }
        }
    }
    if let (Some(flag), Some(gap)) = (report.trust.flag, report.trust.gap) {
        found.push((Trigger::Trust(flag), 6.0 + 4.0 * gap.abs(), 0.0, vec![]));
    }
    for flag in &report.ladder.flags {
        let severity = match flag {
            LadderFlag::TeHoog | LadderFlag::TeLaag => {
                6.0 + 4.0 * report.ladder.mean_gap.unwrap_or(0.0).abs()
            }
            LadderFlag::GeenBeeld => {
                let used: Vec<usize> = report
                    .ladder
                    .current
                    .iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(r, _)| r.index())
                    .collect();
                let apart = used.last().zip(used.first()).map_or(0, |(hi, lo)| hi - lo);
                4.0 + 2.0 * apart as f64
            }
        };
        found.push((Trigger::Ladder(*flag), severity, 0.0, vec![]));
    }
    if report.coverage.organisations >= 2 {
        for role in &report.coverage.missing {
            found.push((Trigger::Role(*role), SEVERITY_MISSING_ROLE, 0.0, vec![]));
        }
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
            InterestFlag::Loslaten => SEVERITY_LET_GO,
        };
        let names = orgs.iter().map(|o| o.organisation.clone()).collect();
        found.push((Trigger::Interests(*flag), severity, 0.0, names));
    }
    found.sort_by(|a, b| {
        rank_key(b.1)
            .cmp(&rank_key(a.1))
            .then(rank_key(b.2).cmp(&rank_key(a.2)))
            .then(a.0.cmp(&b.0))
    });
    found
        .into_iter()
        .filter_map(|(when, severity, _, subjects)| {
            let def = instrument.advice(when)?;
            Some(Advice {
                id: def.id.clone(),
                when,
                severity,
                subjects,
                title: def.title.clone(),
                text: def.text.clone(),
                source: def.source.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_round_trip() {
        let all = Trigger::all();
        assert_eq!(all.len(), 18);
        for t in all {
            assert_eq!(Trigger::parse(&t.to_string()), Some(t));
        }
        assert_eq!(
            Trigger::parse("interests:loslaten"),
            Some(Trigger::Interests(InterestFlag::Loslaten))
        );
        assert_eq!(Trigger::parse("module:ladder"), None);
        assert_eq!(Trigger::parse("concept:liefde"), None);
    }
}
