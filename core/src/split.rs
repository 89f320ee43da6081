//! Splits: the group picture per organisation, position, role, sector or level, so that
//! a facilitator can set the government against the partners, or the board against the
//! shop floor. A split group smaller than the minimum size shows no scores at all, so
//! that nobody's answers can be read from a small group.

use std::collections::BTreeMap;

use crate::group::{display_name, Group};
use crate::instrument::Instrument;
use crate::keyed::ByModule;
use crate::keyed::{ByConcept, Scored};
use crate::model::vocabulary;
use crate::model::{Concept, Module};
use crate::report::{Change, Delta, Report, RestGroup, SplitGroup};
use crate::response::{Answer, Response};
use crate::text::Lang;
use crate::words::Word;

/// The smallest group whose scores a split shows, unless the facilitator sets another.
pub const DEFAULT_MIN_GROUP: usize = 3;

vocabulary! {
    /// What respondents can be split by.
    Dimension {
        /// The organisation they speak for.
        Organisation = "organisation",
        /// Strategic core or complementary ring.
        Position = "position",
        /// The roles their organisation holds (a respondent can be in several groups).
        Role = "role",
        /// Government, societal organisation, company, residents.
        Sector = "sector",
        /// Board, management, shop floor.
        Level = "level",
    }
}

fn id_of<T: Copy + std::fmt::Display>(a: Answer<T>) -> Vec<Option<String>> {
    vec![a.value().map(|v| v.to_string())]
}

/// The values a response has on a dimension: one, several (roles), or `[None]` when
/// the respondent did not say.
#[must_use]
pub fn values(dimension: Dimension, response: &Response) -> Vec<Option<String>> {
    let r = &response.respondent;
    match dimension {
        Dimension::Organisation => {
            let name = display_name(response);
            vec![(!name.is_empty()).then(|| name.to_owned())]
        }
        Dimension::Position => id_of(r.position),
        Dimension::Sector => id_of(r.sector),
        Dimension::Level => id_of(r.level),
        Dimension::Role if r.roles.is_empty() => vec![None],
        Dimension::Role => r
            .roles
            .iter()
            .map(|role| Some(role.id().to_owned()))
            .collect(),
    }
}

/// One group of a split while it fills.
#[derive(Debug, Clone)]
struct Part<'a> {
    /// The value as first spelled (organisations differ in case).
    value: Option<String>,
    first: u64,
    group: Group<'a>,
}

/// The groups of one dimension, by their sort key.
type Parts<'a> = BTreeMap<(u8, String), Part<'a>>;

/// Fills one group per value of each dimension asked for.
#[derive(Debug, Clone)]
pub struct Splitter<'a> {
    instrument: &'a Instrument,
    min_group: usize,
    dimensions: Vec<(Dimension, Parts<'a>)>,
    /// Everyone outside one group, when asked for ([`Splitter::with_rest`]).
    rest: Option<(Rest, Group<'a>)>,
    /// Every respondent added, in the groups or not.
    added: usize,
}

impl<'a> Splitter<'a> {
    /// Splits by `dimensions`, showing scores for groups of at least `min_group`.
    #[must_use]
    pub fn new(
        instrument: &'a Instrument,
        dimensions: &[Dimension],
        min_group: usize,
    ) -> Splitter<'a> {
        Splitter {
            instrument,
            min_group: min_group.max(1),
            dimensions: dimensions.iter().map(|d| (*d, BTreeMap::new())).collect(),
            rest: None,
            added: 0,
        }
    }

    /// Also fills the group of everyone outside `rest`'s group ([`Splitter::rest`]).
    #[must_use]
    pub fn with_rest(mut self, rest: Rest) -> Splitter<'a> {
        self.rest = Some((rest, Group::new(self.instrument)));
        self
    }

    /// Adds the respondent with sequence number `seq`.
    pub fn add_numbered(&mut self, response: &Response, seq: u64) {
        self.added += 1;
        if let Some((rest, group)) = &mut self.rest {
            if rest.includes(response) {
                group.add_numbered(response, seq);
            }
        }
        for (dimension, parts) in &mut self.dimensions {
            for value in values(*dimension, response) {
                let key = sort_key(*dimension, value.as_deref());
                let part = parts.entry(key).or_insert_with(|| Part {
                    value: value.clone(),
                    first: seq,
                    group: Group::new(self.instrument),
                });
                if seq < part.first {
                    part.value = value;
                    part.first = seq;
                }
                part.group.add_numbered(response, seq);
            }
        }
    }

    /// Takes in a splitter filled elsewhere (same dimensions).
    pub fn merge(&mut self, other: Splitter<'_>) {
        self.added += other.added;
        if let (Some((_, mine)), Some((_, theirs))) = (&mut self.rest, other.rest) {
            mine.merge(theirs);
        }
        for ((_, mine), (_, theirs)) in self.dimensions.iter_mut().zip(other.dimensions) {
            for (key, part) in theirs {
                match mine.get_mut(&key) {
                    Some(m) => {
                        if part.first < m.first {
                            m.value = part.value;
                            m.first = part.first;
                        }
                        m.group.merge(part.group);
                    }
                    None => {
                        // Re-home the group on this instrument reference.
                        let mut group = Group::new(self.instrument);
                        group.merge(part.group);
                        mine.insert(
                            key,
                            Part {
                                value: part.value,
                                first: part.first,
                                group,
                            },
                        );
                    }
                }
            }
        }
    }

    /// The group of everyone outside the group of [`Splitter::with_rest`], if asked for.
    #[must_use]
    pub fn rest(&self) -> Option<RestGroup> {
        let (rest, group) = self.rest.as_ref()?;
        Some(rest.finish(group, self.added, self.min_group))
    }

    /// Every dimension's groups, in the model's order (organisations by name), the
    /// respondents who did not say last.
    #[must_use]
    pub fn report(&self) -> Vec<(String, Vec<SplitGroup>)> {
        self.dimensions
            .iter()
            .map(|(dimension, parts)| {
                let groups = parts
                    .values()
                    .map(|part| {
                        let n = part.group.respondents();
                        if n < self.min_group {
                            return SplitGroup {
                                value: part.value.clone(),
                                n,
                                withheld: true,
                                concepts: None,
                                modules: None,
                            };
                        }
                        let report = part.group.report();
                        SplitGroup {
                            value: part.value.clone(),
                            n,
                            withheld: false,
                            concepts: Some(report.concepts),
                            modules: Some(report.modules),
                        }
                    })
                    .collect();
                (dimension.id().to_owned(), groups)
            })
            .collect()
    }
}

/// Orders values: the model's order for fixed vocabularies, names for organisations,
/// and no value last.
fn sort_key(dimension: Dimension, value: Option<&str>) -> (u8, String) {
    let Some(value) = value else {
        return (u8::MAX, String::new());
    };
    let index = match dimension {
        Dimension::Organisation => None,
        Dimension::Position => {
            crate::model::Position::parse(value).map(crate::model::Position::index)
        }
        Dimension::Role => crate::model::Role::parse(value).map(crate::model::Role::index),
        Dimension::Sector => crate::model::Sector::parse(value).map(crate::model::Sector::index),
        Dimension::Level => crate::model::Level::parse(value).map(crate::model::Level::index),
    };
    match index {
        Some(i) => (i as u8, String::new()),
        None => (0, value.to_lowercase()),
    }
}

/// The change from a baseline report (nulmeting) to the current one.
#[must_use]
pub fn change(baseline: &Report, now: &Report) -> Change {
    Change {
        baseline_respondents: baseline.respondents,
        concepts: ByConcept::new(std::array::from_fn(|i| {
            let c = Concept::ALL[i];
            Delta::of(baseline.concepts[c].stats.mean, now.concepts[c].stats.mean)
        })),
        modules: ByModule::new(std::array::from_fn(|i| {
            let m = Scored(Module::SCORED[i]);
            Delta::of(baseline.modules[m].mean, now.modules[m].mean)
        })),
    }
}

/// What a facilitator asks of a group report beyond the picture itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Split by these dimensions.
    pub by: Vec<Dimension>,
    /// The smallest split group that shows scores ([`DEFAULT_MIN_GROUP`] when 0).
    pub min_group: usize,
    /// Everyone outside one split group, to set that group against (for example the
    /// government against the partners): the report then carries [`Report::rest`].
    pub rest: Option<Rest>,
}

/// One split group whose complement is asked for: everyone whose values on `dimension`
/// do not include `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rest {
    /// The dimension of the group.
    pub dimension: Dimension,
    /// The group's value (such as `overheid`, or an organisation's name in any case);
    /// `None` for the respondents who did not say.
    pub value: Option<String>,
}

impl Rest {
    /// Whether `response` is outside the group: none of its values on the dimension is
    /// the group's. A respondent holding several roles is outside a role's group only
    /// when none of them is that role; organisations compare whatever their case, as the
    /// split does.
    #[must_use]
    pub fn includes(&self, response: &Response) -> bool {
        let key = sort_key(self.dimension, self.value.as_deref());
        values(self.dimension, response)
            .iter()
            .all(|v| sort_key(self.dimension, v.as_deref()) != key)
    }

    /// Everyone outside the split group, filled into `group`, out of `all` respondents:
    /// withheld (no scores) when it has fewer than `min_group` respondents, or when the
    /// split group itself has (everyone's mean less the rest's would give it away).
    fn finish(&self, group: &Group<'_>, all: usize, min_group: usize) -> RestGroup {
        let n = group.respondents();
        let min_group = min_group.max(1);
        let (concepts, modules) = if n < min_group || all - n < min_group {
            (None, None)
        } else {
            let report = group.report();
            (Some(report.concepts), Some(report.modules))
        };
        RestGroup {
            by: self.dimension.id().to_owned(),
            except: self.value.clone(),
            n,
            withheld: concepts.is_none(),
            concepts,
            modules,
        }
    }
}

/// The report of `responses`, with the splits asked for and, given a baseline set, the
/// change since then.
#[must_use]
pub fn analyse(
    instrument: &Instrument,
    responses: &[Response],
    options: &Options,
    baseline: Option<&[Response]>,
) -> Report {
    let min_group = if options.min_group == 0 {
        DEFAULT_MIN_GROUP
    } else {
        options.min_group
    };
    let mut group = Group::new(instrument);
    let mut splitter = Splitter::new(instrument, &options.by, min_group);
    if let Some(rest) = &options.rest {
        splitter = splitter.with_rest(rest.clone());
    }
    for (seq, r) in responses.iter().enumerate() {
        group.add_numbered(r, seq as u64);
        splitter.add_numbered(r, seq as u64);
    }
    let mut report = group.report();
    report.splits = splitter.report();
    report.rest = splitter.rest();
    if let Some(base) = baseline {
        let base = Group::report_of(instrument, base);
        report.change = Some(change(&base, &report));
    }
    report
}

/// How everyone outside `group` (its label or id) is named in tables and the CSV, as the
/// page's split table names it: "alle anderen (buiten Overheid)".
#[must_use]
pub fn rest_label(instrument: &Instrument, lang: Lang, group: &str) -> String {
    let rest = instrument.say(Word::SplitRest, lang);
    if lang.is_dutch() {
        format!("{rest} (buiten {group})")
    } else {
        format!("{rest} (outside {group})")
    }
}

/// How a respondent is named in a legend: the alias, else the organisation, else the
/// respondent's number (1-based).
#[must_use]
pub fn respondent_label(response: &Response, index: usize) -> String {
    let r = &response.respondent;
    for name in [&r.alias, &r.organisation] {
        if !name.trim().is_empty() {
            return name.trim().to_owned();
        }
    }
    format!("#{}", index + 1)
}
