//! The group picture: many responses aggregated into one [`Report`].
//!
//! [`Group`] accumulates one response at a time and keeps only running sums, so a
//! report over a million responses needs memory for the organisations, not the
//! responses.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::advice::{self, Advice};
use crate::instrument::Instrument;
use crate::model::{
    rank_key, Concept, InfluenceSource, InterestFlag, InterestQuestion, LadderFlag, Module, Role,
    Rung, TrustFlag, EPSILON,
};
use crate::response::Response;
use crate::score::Scores;
use crate::stats::{Stats, Summary};

/// Importance assumed where nobody rated a concept: the middle of the scale.
pub const DEFAULT_IMPORTANCE: f64 = 3.0;
/// Trust counts as running ahead of (or behind) its foundation from this gap on.
pub const TRUST_GAP: f64 = 0.75;
/// The mean ladder gap from which government stands too high (or too low).
pub const LADDER_GAP: f64 = 0.5;
/// Current rungs this far apart mean the group has no shared picture.
pub const LADDER_SPREAD: usize = 2;
/// Give minus take from which an organisation is out of balance.
pub const IMBALANCE: f64 = 2.0;
/// Interest and give at or below this suggest the partner may be let go.
pub const LET_GO: f64 = 2.0;

/// Accumulates responses into a group report.
///
/// ```
/// use netwerkregie::{Group, Instrument, Response};
/// let instrument = Instrument::builtin();
/// let mut group = Group::new(instrument);
/// group.add(&Response::new(instrument));
/// let report = group.report();
/// assert_eq!(report.respondents, 1);
/// ```
#[derive(Debug, Clone)]
pub struct Group<'a> {
    instrument: &'a Instrument,
    respondents: usize,
    concepts: [Summary; 6],
    importance: [Summary; 6],
    modules: [Summary; 3],
    influence: [Summary; 4],
    current: [usize; 5],
    desired: [usize; 5],
    gap: Summary,
    organisations: BTreeMap<String, Organisation>,
}

/// Running sums for one organisation.
#[derive(Debug, Clone, Default)]
struct Organisation {
    /// The spelling of its first respondent.
    name: String,
    /// The sequence number of that first respondent, so merged groups agree on it.
    first: u64,
    respondents: usize,
    roles: BTreeSet<Role>,
    answers: [Summary; 4],
    influence: [Summary; 4],
}

impl Organisation {
    fn merge(&mut self, other: Organisation) {
        if other.first < self.first {
            self.name = other.name;
            self.first = other.first;
        }
        self.respondents += other.respondents;
        self.roles.extend(other.roles);
        for (a, b) in self.answers.iter_mut().zip(other.answers) {
            a.merge(&b);
        }
        for (a, b) in self.influence.iter_mut().zip(other.influence) {
            a.merge(&b);
        }
    }
}

impl<'a> Group<'a> {
    /// An empty group for `instrument`.
    #[must_use]
    pub fn new(instrument: &'a Instrument) -> Group<'a> {
        Group {
            instrument,
            respondents: 0,
            concepts: Default::default(),
            importance: Default::default(),
            modules: Default::default(),
            influence: Default::default(),
            current: [0; 5],
            desired: [0; 5],
            gap: Summary::default(),
            organisations: BTreeMap::new(),
        }
    }

    /// Builds the report of `responses` in one call.
    #[must_use]
    pub fn report_of(instrument: &Instrument, responses: &[Response]) -> Report {
        let mut group = Group::new(instrument);
        for r in responses {
            group.add(r);
        }
        group.report()
    }

    /// Adds one respondent.
    pub fn add(&mut self, response: &Response) {
        self.add_numbered(response, self.respondents as u64);
    }

    /// Adds the respondent with sequence number `seq` (its place among all responses).
    /// Groups filled on several threads with numbered responses and then merged give
    /// the same report as one group filled in order.
    pub fn add_numbered(&mut self, response: &Response, seq: u64) {
        self.respondents += 1;
        let scores = Scores::of(self.instrument, response);
        for (acc, score) in self.concepts.iter_mut().zip(scores.concepts) {
            acc.add_opt(score);
        }
        for (acc, score) in self.modules.iter_mut().zip(scores.modules) {
            acc.add_opt(score);
        }
        for c in Concept::ALL {
            if let Some(Some(v)) = response.importance.get(c) {
                self.importance[c.index()].add(f64::from(v.get()));
            }
        }
        for s in InfluenceSource::ALL {
            self.influence[s.index()].add_opt(likert(response.interests.influence(*s)));
        }
        let ladder = &response.ladder;
        if let Some(c) = ladder.current {
            self.current[c.index()] += 1;
        }
        if let Some(d) = ladder.desired {
            self.desired[d.index()] += 1;
        }
        if let (Some(c), Some(d)) = (ladder.current, ladder.desired) {
            self.gap.add(c.index() as f64 - d.index() as f64);
        }

        let name = display_name(response);
        let org = self
            .organisations
            .entry(name.to_lowercase())
            .or_insert_with(|| Organisation {
                name: name.clone(),
                first: seq,
                ..Organisation::default()
            });
        if seq < org.first {
            org.name = name;
            org.first = seq;
        }
        org.respondents += 1;
        org.roles.extend(response.respondent.roles.iter().copied());
        for q in InterestQuestion::ALL {
            org.answers[q.index()].add_opt(likert(response.interests.get(*q)));
        }
        for s in InfluenceSource::ALL {
            org.influence[s.index()].add_opt(likert(response.interests.influence(*s)));
        }
    }

    /// Takes in a group filled elsewhere (on another thread, from other files).
    pub fn merge(&mut self, other: Group<'_>) {
        self.respondents += other.respondents;
        for (a, b) in self.concepts.iter_mut().zip(&other.concepts) {
            a.merge(b);
        }
        for (a, b) in self.importance.iter_mut().zip(&other.importance) {
            a.merge(b);
        }
        for (a, b) in self.modules.iter_mut().zip(&other.modules) {
            a.merge(b);
        }
        for (a, b) in self.influence.iter_mut().zip(&other.influence) {
            a.merge(b);
        }
        for (a, b) in self.current.iter_mut().zip(other.current) {
            *a += b;
        }
        for (a, b) in self.desired.iter_mut().zip(other.desired) {
            *a += b;
        }
        self.gap.merge(&other.gap);
        for (key, org) in other.organisations {
            match self.organisations.get_mut(&key) {
                Some(mine) => mine.merge(org),
                None => {
                    self.organisations.insert(key, org);
                }
            }
        }
    }

    /// The report of everyone added so far.
    #[must_use]
    pub fn report(&self) -> Report {
        let concepts: BTreeMap<Concept, ConceptStats> = Concept::ALL
            .iter()
            .map(|c| {
                let stats = self.concepts[c.index()].stats();
                let importance = self.importance[c.index()].mean();
                let priority = stats
                    .mean
                    .map(|m| importance.unwrap_or(DEFAULT_IMPORTANCE) * (5.0 - m));
                (
                    *c,
                    ConceptStats {
                        stats,
                        importance,
                        priority,
                    },
                )
            })
            .collect();
        let modules = Module::SCORED
            .iter()
            .enumerate()
            .map(|(i, m)| (*m, self.modules[i].stats()))
            .collect();
        let influence = InfluenceSource::ALL
            .iter()
            .map(|s| (*s, self.influence[s.index()].stats()))
            .collect();
        let trust = trust(&concepts);
        let ladder = self.ladder();
        let coverage = self.coverage();
        let interests = self.interests();
        let priorities = priorities(&concepts);
        let mut report = Report {
            instrument: InstrumentId {
                id: self.instrument.id().to_owned(),
                version: self.instrument.version().to_owned(),
            },
            respondents: self.respondents,
            concepts,
            modules,
            trust,
            ladder,
            coverage,
            influence,
            interests,
            priorities,
            advice: Vec::new(),
        };
        report.advice = advice::rank(self.instrument, &report);
        report
    }

    fn ladder(&self) -> LadderReport {
        let count = |counts: &[usize; 5]| -> BTreeMap<Rung, usize> {
            Rung::ALL.iter().map(|r| (*r, counts[r.index()])).collect()
        };
        let mean_gap = self.gap.mean();
        let mut flags = Vec::new();
        if let Some(g) = mean_gap {
            if g >= LADDER_GAP - EPSILON {
                flags.push(LadderFlag::TeHoog);
            } else if g <= -LADDER_GAP + EPSILON {
                flags.push(LadderFlag::TeLaag);
            }
        }
        let used: Vec<usize> = (0..5).filter(|i| self.current[*i] > 0).collect();
        if let (Some(lo), Some(hi)) = (used.first(), used.last()) {
            if hi - lo >= LADDER_SPREAD {
                flags.push(LadderFlag::GeenBeeld);
            }
        }
        LadderReport {
            current: count(&self.current),
            desired: count(&self.desired),
            mean_gap,
            flags,
        }
    }

    fn coverage(&self) -> Coverage {
        let holders: BTreeMap<Role, Vec<String>> = Role::ALL
            .iter()
            .map(|r| {
                // Coverage names each organisation as first spelled, like the interests table.
                let mut orgs: Vec<String> = self
                    .organisations
                    .values()
                    .filter(|o| o.roles.contains(r))
                    .map(|o| o.name.clone())
                    .collect();
                orgs.sort();
                (*r, orgs)
            })
            .collect();
        let missing = Role::ALL
            .iter()
            .copied()
            .filter(|r| holders.get(r).is_none_or(Vec::is_empty))
            .collect();
        Coverage {
            organisations: self.organisations.len(),
            holders,
            missing,
        }
    }

    fn interests(&self) -> Vec<OrganisationInterests> {
        self.organisations
            .values()
            .map(|o| {
                let get = |q: InterestQuestion| o.answers[q.index()].mean();
                let (interest, give, take) = (
                    get(InterestQuestion::Interest),
                    get(InterestQuestion::Give),
                    get(InterestQuestion::Take),
                );
                let balance = give.zip(take).map(|(g, t)| g - t);
                let mut flags = Vec::new();
                if balance.is_some_and(|b| b.abs() >= IMBALANCE - EPSILON) {
                    flags.push(InterestFlag::Onbalans);
                }
                if interest.is_some_and(|i| i <= LET_GO + EPSILON)
                    && give.is_some_and(|g| g <= LET_GO + EPSILON)
                {
                    flags.push(InterestFlag::Loslaten);
                }
                OrganisationInterests {
                    organisation: o.name.clone(),
                    respondents: o.respondents,
                    interest,
                    give,
                    take,
                    passion: get(InterestQuestion::Passion),
                    influence: InfluenceSource::ALL
                        .iter()
                        .map(|s| (*s, o.influence[s.index()].mean()))
                        .collect(),
                    balance,
                    flags,
                }
            })
            .collect()
    }
}

fn likert(v: Option<crate::Likert>) -> Option<f64> {
    v.map(|l| f64::from(l.get()))
}

/// The name an organisation is known by in the report: its organisation, or the
/// respondent's alias when no organisation was given.
fn display_name(response: &Response) -> String {
    let org = response.respondent.organisation.trim();
    if org.is_empty() {
        response.respondent.alias.trim().to_owned()
    } else {
        org.to_owned()
    }
}

fn trust(concepts: &BTreeMap<Concept, ConceptStats>) -> Trust {
    let means: Option<Vec<f64>> = Concept::FOUNDATION
        .iter()
        .map(|c| concepts.get(c).and_then(|s| s.stats.mean))
        .collect();
    let foundation = means.map(|m| m.iter().sum::<f64>() / m.len() as f64);
    let vertrouwen = concepts
        .get(&Concept::Vertrouwen)
        .and_then(|s| s.stats.mean);
    let gap = foundation.zip(vertrouwen).map(|(f, v)| v - f);
    let flag = gap.and_then(|g| {
        if g >= TRUST_GAP - EPSILON {
            Some(TrustFlag::Voor)
        } else if g <= -TRUST_GAP + EPSILON {
            Some(TrustFlag::Achter)
        } else {
            None
        }
    });
    Trust {
        foundation,
        gap,
        flag,
    }
}

/// Concepts with a score, most urgent first: priority, then larger spread, then model order.
fn priorities(concepts: &BTreeMap<Concept, ConceptStats>) -> Vec<Concept> {
    let mut scored: Vec<(Concept, f64, f64)> = concepts
        .iter()
        .filter_map(|(c, s)| Some((*c, s.priority?, s.stats.sd.unwrap_or(0.0))))
        .collect();
    scored.sort_by(|a, b| {
        rank_key(b.1)
            .cmp(&rank_key(a.1))
            .then(rank_key(b.2).cmp(&rank_key(a.2)))
            .then(a.0.cmp(&b.0))
    });
    scored.into_iter().map(|(c, _, _)| c).collect()
}

/// The instrument a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstrumentId {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// A concept's statistics plus how much it matters to the partners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptStats {
    /// The score statistics.
    #[serde(flatten)]
    pub stats: Stats,
    /// Mean importance; `None` when nobody rated it.
    pub importance: Option<f64>,
    /// Mean importance (3 when unrated) x (5 - mean score).
    pub priority: Option<f64>,
}

/// Trust against the five concepts it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trust {
    /// Mean of the other five concept means, when all five have one.
    pub foundation: Option<f64>,
    /// Vertrouwen mean minus foundation.
    pub gap: Option<f64>,
    /// `voor` when gap >= 0.75, `achter` when gap <= -0.75.
    pub flag: Option<TrustFlag>,
}

/// The participation ladder of the group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderReport {
    /// How many respondents put the government on each rung now.
    pub current: BTreeMap<Rung, usize>,
    /// How many want it on each rung.
    pub desired: BTreeMap<Rung, usize>,
    /// Mean of current minus desired rung index, over respondents who gave both.
    pub mean_gap: Option<f64>,
    /// What stands out.
    pub flags: Vec<LadderFlag>,
}

/// Which organisations hold each role around the problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// How many organisations responded.
    pub organisations: usize,
    /// Per role, the organisations that hold it.
    #[serde(flatten)]
    pub holders: BTreeMap<Role, Vec<String>>,
    /// Roles nobody holds: the network is not connected to that group.
    pub missing: Vec<Role>,
}

/// One organisation's interests, averaged over its respondents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationInterests {
    /// Its name (or the respondent's alias when no organisation was given).
    pub organisation: String,
    /// How many respondents spoke for it.
    pub respondents: usize,
    /// Interest in the joint task.
    pub interest: Option<f64>,
    /// What it brings in.
    pub give: Option<f64>,
    /// What it gets out.
    pub take: Option<f64>,
    /// Energy and passion.
    pub passion: Option<f64>,
    /// Influence per source.
    pub influence: BTreeMap<InfluenceSource, Option<f64>>,
    /// Give minus take.
    pub balance: Option<f64>,
    /// `onbalans` and `loslaten?`.
    pub flags: Vec<InterestFlag>,
}

/// The group picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The instrument answered.
    pub instrument: InstrumentId,
    /// How many responses were added.
    pub respondents: usize,
    /// Per concept.
    pub concepts: BTreeMap<Concept, ConceptStats>,
    /// Per scored module.
    pub modules: BTreeMap<Module, Stats>,
    /// Trust against its foundation.
    pub trust: Trust,
    /// The participation ladder.
    pub ladder: LadderReport,
    /// Roles around the problem.
    pub coverage: Coverage,
    /// Influence per source over all respondents.
    pub influence: BTreeMap<InfluenceSource, Stats>,
    /// Per organisation.
    pub interests: Vec<OrganisationInterests>,
    /// Scored concepts, most urgent first.
    pub priorities: Vec<Concept>,
    /// Advice, most important first; show the first three first.
    pub advice: Vec<Advice>,
}

impl Report {
    /// The mean score of a concept.
    #[must_use]
    pub fn concept_mean(&self, c: Concept) -> Option<f64> {
        self.concepts.get(&c).and_then(|s| s.stats.mean)
    }

    /// The mean score of a module.
    #[must_use]
    pub fn module_mean(&self, m: Module) -> Option<f64> {
        self.modules.get(&m).and_then(|s| s.mean)
    }
}
