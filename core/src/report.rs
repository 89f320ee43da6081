//! The report: the picture of one respondent or of a group, as the page, the CLI and
//! the JSON show it. [`crate::Group`] makes it; this module holds its shape.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::advice::Advice;
use crate::keyed::{ByConcept, ByInfluence, ByModule, ByRole, ByRung};
use crate::model::{
    Band, Concept, CoverageStatus, Form, InterestFlag, LadderFlag, Module, Role, TrustFlag, View,
};
use crate::stats::Stats;

/// The instrument a report is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentId {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// A concept's statistics plus how much it matters to the partners.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Trust {
    /// Mean of the other five concept means, when all five have one.
    pub foundation: Option<f64>,
    /// The band of the foundation.
    pub foundation_band: Option<Band>,
    /// Vertrouwen mean minus foundation.
    pub gap: Option<f64>,
    /// `voor` when gap >= 0.75, `achter` when gap <= -0.75.
    pub flag: Option<TrustFlag>,
}

/// The ladder as one group of respondents sees it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LadderView {
    /// Respondents who answered either ladder question.
    pub n: usize,
    /// How many put the government on each rung now.
    pub current: ByRung<usize>,
    /// How many want it on each rung.
    pub desired: ByRung<usize>,
    /// How many answered "weet niet" now and wanted.
    pub unknown: (usize, usize),
    /// Mean of current minus desired rung, over respondents who gave both.
    pub mean_gap: Option<f64>,
}

/// The participation ladder: everyone, and the government's own view apart.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LadderReport {
    /// Everyone.
    #[serde(flatten)]
    pub all: LadderView,
    /// What stands out, over everyone.
    pub flags: Vec<LadderFlag>,
    /// Respondents of sector `overheid`.
    pub government: LadderView,
    /// Everyone else.
    pub partners: LadderView,
}

/// How the respondents typed the collaboration: chain, network or both.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormReport {
    /// Respondents per form, by [`Form::index`].
    pub counts: [usize; Form::COUNT],
    /// The form more than half of those who chose one chose.
    pub dominant: Option<Form>,
}

impl Serialize for FormReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Counts<'a>(&'a [usize; Form::COUNT]);
        impl Serialize for Counts<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(Form::COUNT))?;
                for f in Form::ALL {
                    map.serialize_entry(f.id(), &self.0[f.index()])?;
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("counts", &Counts(&self.counts))?;
        map.serialize_entry("dominant", &self.dominant)?;
        map.end()
    }
}

/// How the network reaches one group around the problem.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RoleCoverage {
    /// The organisations that say they hold the role, as first spelled, sorted by name
    /// whatever its case (as the interests table).
    pub holders: Vec<String>,
    /// How the respondents rate the network's connection to this group.
    pub connection: Stats,
    /// What the two together say; `None` when neither says anything.
    pub status: Option<CoverageStatus>,
}

/// Which organisations hold each role around the problem, and how well the network
/// is connected to each group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    /// How many organisations responded.
    pub organisations: usize,
    /// Per role.
    pub roles: ByRole<RoleCoverage>,
    /// Roles with status `ontbreekt`: the network is not connected to that group.
    pub missing: Vec<Role>,
}

impl Serialize for Coverage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("organisations", &self.organisations)?;
        // The holders per role at the top, as version 1 reports had them.
        for (id, role) in self.roles.iter() {
            map.serialize_entry(id, &role.holders)?;
        }
        map.serialize_entry("roles", &self.roles)?;
        map.serialize_entry("missing", &self.missing)?;
        map.end()
    }
}

/// One organisation's interests, averaged over its respondents.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub influence: ByInfluence<Option<f64>>,
    /// Give minus take.
    pub balance: Option<f64>,
    /// One of its respondents places it in the complementary ring.
    pub ring: bool,
    /// `onbalans` and `vrijblijvend`; only in a group report.
    pub flags: Vec<InterestFlag>,
}

/// The comments given under one key (a concept, a module or an open question).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Comments {
    /// How many respondents wrote one.
    pub count: usize,
    /// The texts, in the order of the respondents, at most [`crate::group::MAX_COMMENTS`].
    pub texts: Vec<String>,
}

/// Responses that answered an earlier instrument version and were brought to this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Migrated {
    /// The earlier version.
    pub from: String,
    /// How many responses answered it.
    pub responses: usize,
    /// Answers to replaced items, left out.
    pub left_out: usize,
}

/// A score before and after: the baseline (nulmeting) and now.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Delta {
    /// The baseline's mean.
    pub baseline: Option<f64>,
    /// The current mean.
    pub now: Option<f64>,
    /// Now minus baseline.
    pub delta: Option<f64>,
}

impl Delta {
    /// The change from `baseline` to `now`.
    #[must_use]
    pub fn of(baseline: Option<f64>, now: Option<f64>) -> Delta {
        Delta {
            baseline,
            now,
            delta: baseline.zip(now).map(|(b, n)| n - b),
        }
    }
}

/// The change against a baseline, per concept and module.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Change {
    /// How many respondents the baseline has.
    pub baseline_respondents: usize,
    /// Per concept.
    pub concepts: ByConcept<Delta>,
    /// Per scored module.
    pub modules: ByModule<Delta>,
}

/// One group of a split (for example the respondents in the strategic core).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SplitGroup {
    /// The value they share, such as `kern`, or an organisation's name; `None` for
    /// respondents who did not say.
    pub value: Option<String>,
    /// How many respondents.
    pub n: usize,
    /// Fewer than the minimum group size: no scores are shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
    /// Per concept, when not withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concepts: Option<ByConcept<ConceptStats>>,
    /// Per scored module, when not withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modules: Option<ByModule<Stats>>,
}

/// Everyone outside one split group (for example everyone but the government), to set
/// that group against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestGroup {
    /// The split dimension, such as `sector`.
    pub by: String,
    /// The value of the group left out, such as `overheid`; `None` when the group is
    /// the respondents who did not say.
    pub except: Option<String>,
    /// How many respondents are outside the group.
    pub n: usize,
    /// Fewer than the minimum group size, outside the group or in it (everyone's mean
    /// less the rest's would give a small group away): no scores are shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub withheld: bool,
    /// Per concept, when not withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concepts: Option<ByConcept<ConceptStats>>,
    /// Per scored module, when not withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modules: Option<ByModule<Stats>>,
}

/// The picture of one respondent or of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The instrument answered.
    pub instrument: InstrumentId,
    /// One respondent's own view, or a group's.
    pub view: View,
    /// How many responses were added.
    pub respondents: usize,
    /// Responses to earlier instrument versions, brought to this one.
    pub migrated: Vec<Migrated>,
    /// Per concept.
    pub concepts: ByConcept<ConceptStats>,
    /// Per scored module.
    pub modules: ByModule<Stats>,
    /// Per statement, by id in the instrument's order; reverse items count as 6 - v, so
    /// higher is healthier everywhere.
    pub items: ItemStats,
    /// Trust against its foundation.
    pub trust: Trust,
    /// The participation ladder.
    pub ladder: LadderReport,
    /// Chain or network.
    pub form: FormReport,
    /// The groups around the problem.
    pub coverage: Coverage,
    /// Influence per source over all respondents.
    pub influence: ByInfluence<Stats>,
    /// Per organisation.
    pub interests: Vec<OrganisationInterests>,
    /// Comments per concept, module and open question.
    pub comments: CommentsByKey,
    /// Scored concepts, most urgent first.
    pub priorities: Vec<Concept>,
    /// Advice, most important first; show the first three first.
    pub advice: Vec<Advice>,
    /// Splits, when asked for: per dimension, one group per value.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "splits")]
    pub splits: Vec<(String, Vec<SplitGroup>)>,
    /// Everyone outside one split group, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest: Option<RestGroup>,
    /// The change against a baseline, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

fn splits<S: Serializer>(splits: &[(String, Vec<SplitGroup>)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(splits.len()))?;
    for (by, groups) in splits {
        map.serialize_entry(by, groups)?;
    }
    map.end()
}

/// Statistics per statement, written as an object keyed by item id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemStats(pub Vec<(String, Stats)>);

impl ItemStats {
    /// The statistics of one item.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Stats> {
        self.0.iter().find(|(i, _)| i == id).map(|(_, s)| s)
    }
}

impl Serialize for ItemStats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, stats) in &self.0 {
            map.serialize_entry(id, stats)?;
        }
        map.end()
    }
}

/// Comments per key, written as an object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommentsByKey(pub Vec<(String, Comments)>);

impl CommentsByKey {
    /// The comments under one key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Comments> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, c)| c)
    }
}

impl Serialize for CommentsByKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, comments) in &self.0 {
            map.serialize_entry(key, comments)?;
        }
        map.end()
    }
}

impl Report {
    /// The mean score of a concept.
    #[must_use]
    pub fn concept_mean(&self, c: Concept) -> Option<f64> {
        self.concepts[c].stats.mean
    }

    /// The mean score of a scored module.
    #[must_use]
    pub fn module_mean(&self, m: Module) -> Option<f64> {
        Module::SCORED
            .contains(&m)
            .then(|| self.modules[crate::keyed::Scored(m)].mean)
            .flatten()
    }
}
