//! The group picture: many responses aggregated into one [`Report`].
//!
//! [`Group`] accumulates one response at a time and keeps only running sums, so a
//! report over a million responses needs memory for the organisations, not the
//! responses. Every sum is an array indexed by the model's enums.

use std::collections::BTreeMap;

use crate::advice;
use crate::instrument::Instrument;
use crate::keyed::{ByConcept, ByInfluence, ByModule, ByRole, ByRung, Keyed, Scored};
use crate::likert::Likert;
use crate::model::{
    Band, Concept, CoverageStatus, Form, InfluenceSource, InterestFlag, InterestQuestion,
    LadderFlag, Module, Position, Role, Rung, Sector, TrustFlag, View, EPSILON,
};
use crate::report::{
    Comments, CommentsByKey, ConceptStats, Coverage, FormReport, InstrumentId, ItemStats,
    LadderReport, LadderView, Migrated, OrganisationInterests, Report, RoleCoverage, Trust,
};
use crate::response::{Answer, Response};
use crate::score::Scores;
use crate::stats::{Stats, Summary, Tally};

/// Importance assumed where nobody rated a concept: the middle of the scale.
pub const DEFAULT_IMPORTANCE: f64 = 3.0;
/// Trust counts as running ahead of (or behind) its foundation from this gap on.
pub const TRUST_GAP: f64 = 0.75;
/// The mean ladder gap from which government stands too high (or too low).
pub const LADDER_GAP: f64 = 0.5;
/// Rungs this far apart mean the group has no shared picture.
pub const LADDER_SPREAD: usize = 2;
/// Give minus take from which an organisation is out of balance.
pub const IMBALANCE: f64 = 2.0;
/// Interest, give and passion at or below this suggest a non-committal partner.
pub const NON_COMMITTAL: f64 = 2.0;
/// A connection to a group rated below this is weak (the `zorg` band).
pub const WEAK_CONNECTION: f64 = 3.0;
/// Comments kept per key; the rest are counted. A report over a million responses must
/// not hold a million comments.
pub const MAX_COMMENTS: usize = 500;

/// Accumulates responses into a report.
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
    concepts: [Summary; Concept::COUNT],
    importance: [Tally; Concept::COUNT],
    modules: [Summary; 3],
    items: Vec<Tally>,
    influence: [Summary; InfluenceSource::COUNT],
    ladder: [Ladder; 2],
    forms: [usize; Form::COUNT],
    organisations: BTreeMap<String, Organisation>,
    /// Respondents who gave neither an organisation nor an alias, each a partner of
    /// their own (by sequence number): nobody knows whether two of them work together.
    nameless: BTreeMap<u64, Organisation>,
    comments: BTreeMap<String, Noted>,
    migrated: BTreeMap<String, (usize, usize)>,
}

/// The comments under one key while the group fills: the texts with the sequence
/// number of their respondent, so that groups merged in any order keep the first
/// [`MAX_COMMENTS`] in the respondents' order.
#[derive(Debug, Clone, Default)]
struct Noted {
    count: usize,
    texts: Vec<(u64, String)>,
}

impl Noted {
    fn add(&mut self, seq: u64, text: &str) {
        self.count += 1;
        if self.texts.len() < MAX_COMMENTS {
            self.texts.push((seq, text.to_owned()));
        } else if let Some(last) = self.texts.iter_mut().max_by_key(|(s, _)| *s) {
            if seq < last.0 {
                *last = (seq, text.to_owned());
            }
        }
    }

    fn merge(&mut self, other: Noted) {
        self.count += other.count;
        self.texts.extend(other.texts);
        if self.texts.len() > MAX_COMMENTS {
            self.texts.sort_by_key(|(s, _)| *s);
            self.texts.truncate(MAX_COMMENTS);
        }
    }

    fn comments(&self) -> Comments {
        let mut texts = self.texts.clone();
        texts.sort_by_key(|(s, _)| *s);
        Comments {
            count: self.count,
            texts: texts.into_iter().map(|(_, t)| t).collect(),
        }
    }
}

/// Running ladder sums of one view (the government, or the partners).
#[derive(Debug, Clone, Copy, Default)]
struct Ladder {
    n: usize,
    current: [usize; Rung::COUNT],
    desired: [usize; Rung::COUNT],
    unknown: (usize, usize),
    gap: Summary,
}

impl Ladder {
    fn add(&mut self, current: Answer<Rung>, desired: Answer<Rung>) {
        if current.is_answered() || desired.is_answered() {
            self.n += 1;
        }
        match current {
            Answer::Given(c) => self.current[c.index()] += 1,
            Answer::Unknown => self.unknown.0 += 1,
            Answer::Unanswered => {}
        }
        match desired {
            Answer::Given(d) => self.desired[d.index()] += 1,
            Answer::Unknown => self.unknown.1 += 1,
            Answer::Unanswered => {}
        }
        if let (Answer::Given(c), Answer::Given(d)) = (current, desired) {
            self.gap.add(c.index() as f64 - d.index() as f64);
        }
    }

    fn merge(&mut self, other: &Ladder) {
        self.n += other.n;
        for (a, b) in self.current.iter_mut().zip(other.current) {
            *a += b;
        }
        for (a, b) in self.desired.iter_mut().zip(other.desired) {
            *a += b;
        }
        self.unknown.0 += other.unknown.0;
        self.unknown.1 += other.unknown.1;
        self.gap.merge(&other.gap);
    }

    fn view(&self) -> LadderView {
        LadderView {
            n: self.n,
            current: Keyed::new(self.current),
            desired: Keyed::new(self.desired),
            unknown: self.unknown,
            mean_gap: self.gap.mean(),
        }
    }
}

/// Running sums for one organisation.
#[derive(Debug, Clone, Default)]
struct Organisation {
    /// The spelling of its first respondent.
    name: String,
    /// The sequence number of that first respondent, so merged groups agree on it.
    first: u64,
    respondents: usize,
    roles: [bool; Role::COUNT],
    ring: bool,
    answers: [Tally; InterestQuestion::COUNT],
    influence: [Tally; InfluenceSource::COUNT],
}

impl Organisation {
    fn merge(&mut self, other: Organisation) {
        if other.first < self.first {
            self.name = other.name;
            self.first = other.first;
        }
        self.respondents += other.respondents;
        for (a, b) in self.roles.iter_mut().zip(other.roles) {
            *a |= b;
        }
        self.ring |= other.ring;
        for (a, b) in self.answers.iter_mut().zip(other.answers) {
            a.merge(&b);
        }
        for (a, b) in self.influence.iter_mut().zip(other.influence) {
            a.merge(&b);
        }
    }
}

fn likert(v: Answer<Likert>) -> Option<f64> {
    v.value().map(|l| f64::from(l.get()))
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
            items: vec![Tally::default(); instrument.statement_count()],
            influence: Default::default(),
            ladder: Default::default(),
            forms: [0; Form::COUNT],
            organisations: BTreeMap::new(),
            nameless: BTreeMap::new(),
            comments: BTreeMap::new(),
            migrated: BTreeMap::new(),
        }
    }

    /// The instrument this group is for.
    #[must_use]
    pub fn instrument(&self) -> &'a Instrument {
        self.instrument
    }

    /// How many responses were added.
    #[must_use]
    pub fn respondents(&self) -> usize {
        self.respondents
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
        for ((item, slot), answer) in self
            .items
            .iter_mut()
            .zip(self.instrument.statement_slots())
            .zip(&response.answers)
        {
            if let Answer::Given(v) = answer {
                item.add(if slot.reverse { v.reversed() } else { *v }.get());
            }
        }
        for (acc, answer) in self.importance.iter_mut().zip(response.importance) {
            if let Answer::Given(v) = answer {
                acc.add(v.get());
            }
        }
        for (acc, answer) in self.influence.iter_mut().zip(response.interests.influence) {
            acc.add_opt(likert(answer));
        }
        let view = usize::from(response.respondent.sector != Answer::Given(Sector::Overheid));
        self.ladder[view].add(response.ladder.current, response.ladder.desired);
        if let Answer::Given(f) = response.form {
            self.forms[f.index()] += 1;
        }
        for (key, text) in &response.comments {
            if text.trim().is_empty() {
                continue;
            }
            self.comments.entry(key.clone()).or_default().add(seq, text);
        }
        if let Some(m) = &response.migrated {
            let entry = self.migrated.entry(m.from.clone()).or_default();
            entry.0 += 1;
            entry.1 += m.left_out;
        }

        let name = display_name(response);
        let org = if name.is_empty() {
            // Named as the chart legends name such a respondent: by their number.
            Some(self.nameless.entry(seq).or_insert_with(|| Organisation {
                name: crate::split::respondent_label(response, seq as usize),
                first: seq,
                ..Organisation::default()
            }))
        } else {
            organisation(&mut self.organisations, name, seq)
        };
        if let Some(org) = org {
            if seq < org.first {
                name.clone_into(&mut org.name);
                org.first = seq;
            }
            org.respondents += 1;
            for role in &response.respondent.roles {
                org.roles[role.index()] = true;
            }
            org.ring |= response.respondent.position == Answer::Given(Position::Ring);
            for (acc, answer) in org
                .answers
                .iter_mut()
                .zip(response.interests.answers)
                .chain(org.influence.iter_mut().zip(response.interests.influence))
            {
                if let Answer::Given(v) = answer {
                    acc.add(v.get());
                }
            }
        }
    }

    /// Takes in a group filled elsewhere (on another thread, from other files).
    pub fn merge(&mut self, other: Group<'_>) {
        self.respondents += other.respondents;
        let pairs = self
            .concepts
            .iter_mut()
            .zip(&other.concepts)
            .chain(self.modules.iter_mut().zip(&other.modules))
            .chain(self.influence.iter_mut().zip(&other.influence));
        for (a, b) in pairs {
            a.merge(b);
        }
        for (a, b) in self
            .items
            .iter_mut()
            .zip(&other.items)
            .chain(self.importance.iter_mut().zip(&other.importance))
        {
            a.merge(b);
        }
        for (a, b) in self.ladder.iter_mut().zip(&other.ladder) {
            a.merge(b);
        }
        for (a, b) in self.forms.iter_mut().zip(other.forms) {
            *a += b;
        }
        for (key, org) in other.organisations {
            match self.organisations.get_mut(&key) {
                Some(mine) => mine.merge(org),
                None => {
                    self.organisations.insert(key, org);
                }
            }
        }
        for (seq, org) in other.nameless {
            match self.nameless.get_mut(&seq) {
                Some(mine) => mine.merge(org),
                None => {
                    self.nameless.insert(seq, org);
                }
            }
        }
        for (key, c) in other.comments {
            self.comments.entry(key).or_default().merge(c);
        }
        for (from, (n, left)) in other.migrated {
            let entry = self.migrated.entry(from).or_default();
            entry.0 += n;
            entry.1 += left;
        }
    }

    /// The report of everyone added so far.
    #[must_use]
    pub fn report(&self) -> Report {
        let view = if self.respondents == 1 {
            View::Respondent
        } else {
            View::Group
        };
        let concepts = ByConcept::new(std::array::from_fn(|i| {
            let stats = self.concepts[i].stats();
            let importance = self.importance[i].mean();
            let priority = stats
                .mean
                .map(|m| importance.unwrap_or(DEFAULT_IMPORTANCE) * (5.0 - m));
            ConceptStats {
                stats,
                importance,
                priority,
            }
        }));
        let modules = ByModule::new(std::array::from_fn(|i| self.modules[i].stats()));
        let items = ItemStats(
            self.instrument
                .statements()
                .zip(&self.items)
                .map(|(item, s)| (item.id.to_string(), s.item_stats()))
                .collect(),
        );
        let mut report = Report {
            instrument: InstrumentId {
                id: self.instrument.id().to_owned(),
                version: self.instrument.version().to_owned(),
            },
            view,
            respondents: self.respondents,
            migrated: self
                .migrated
                .iter()
                .map(|(from, (n, left))| Migrated {
                    from: from.clone(),
                    responses: *n,
                    left_out: *left,
                })
                .collect(),
            trust: trust(&concepts),
            priorities: priorities(&concepts),
            concepts,
            modules,
            items,
            ladder: self.ladder(),
            form: self.form(),
            coverage: Coverage::default(),
            // Each source of influence is one answer per respondent, so the rule of a statement.
            influence: ByInfluence::new(std::array::from_fn(|i| self.influence[i].item_stats())),
            interests: self.interests(view),
            comments: CommentsByKey(
                self.comments
                    .iter()
                    .map(|(k, c)| (k.clone(), c.comments()))
                    .collect(),
            ),
            advice: Vec::new(),
            splits: Vec::new(),
            rest: None,
            change: None,
        };
        report.coverage = self.coverage(&report.items);
        report.advice = advice::rank(self.instrument, &report);
        report
    }

    fn ladder(&self) -> LadderReport {
        let mut all = self.ladder[0];
        all.merge(&self.ladder[1]);
        let mut flags = Vec::new();
        if let Some(g) = all.gap.mean() {
            if g >= LADDER_GAP - EPSILON {
                flags.push(LadderFlag::TeHoog);
            } else if g <= -LADDER_GAP + EPSILON {
                flags.push(LadderFlag::TeLaag);
            }
        }
        if rungs_apart(&all.current) >= LADDER_SPREAD {
            flags.push(LadderFlag::GeenBeeld);
        }
        if rungs_apart(&all.desired) >= LADDER_SPREAD {
            flags.push(LadderFlag::GeenBeeldGewenst);
        }
        LadderReport {
            all: all.view(),
            flags,
            government: self.ladder[0].view(),
            partners: self.ladder[1].view(),
        }
    }

    fn form(&self) -> FormReport {
        let chosen: usize = self.forms.iter().sum();
        let dominant = Form::ALL
            .iter()
            .copied()
            .find(|f| 2 * self.forms[f.index()] > chosen);
        FormReport {
            counts: self.forms,
            dominant,
        }
    }

    fn coverage(&self, items: &ItemStats) -> Coverage {
        let roles_stated = self.partners().any(|o| o.roles.contains(&true));
        let roles: ByRole<RoleCoverage> = Keyed::new(std::array::from_fn(|i| {
            let role = Role::ALL[i];
            // Coverage names each organisation as first spelled and lists them like the
            // interests table: by name whatever its case (the map's order), so the order
            // does not depend on whose spelling came first.
            let holders: Vec<String> = self
                .partners()
                .filter(|o| o.roles[i])
                .map(|o| o.name.clone())
                .collect();
            let connection = self
                .instrument
                .connection_slot(role)
                .and_then(|slot| self.instrument.statement(usize::from(slot.index)))
                .and_then(|item| items.get(&item.id))
                .cloned()
                .unwrap_or_default();
            let status = coverage_status(!holders.is_empty(), roles_stated, connection.mean);
            RoleCoverage {
                holders,
                connection,
                status,
            }
        }));
        let missing = Role::ALL
            .iter()
            .copied()
            .filter(|r| roles[*r].status == Some(CoverageStatus::Ontbreekt))
            .collect();
        Coverage {
            organisations: self.organisations.len() + self.nameless.len(),
            roles,
            missing,
        }
    }

    /// Every partner: the organisations by name whatever its case, then the nameless
    /// respondents in the order they came.
    fn partners(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations.values().chain(self.nameless.values())
    }

    fn interests(&self, view: View) -> Vec<OrganisationInterests> {
        self.partners()
            .map(|o| {
                let get = |q: InterestQuestion| o.answers[q.index()].mean();
                let (interest, give, take, passion) = (
                    get(InterestQuestion::Interest),
                    get(InterestQuestion::Give),
                    get(InterestQuestion::Take),
                    get(InterestQuestion::Passion),
                );
                let balance = give.zip(take).map(|(g, t)| g - t);
                let mut flags = Vec::new();
                // Flags about organisations speak about partners: a group report only.
                if view == View::Group {
                    if balance.is_some_and(|b| b.abs() >= IMBALANCE - EPSILON) {
                        flags.push(InterestFlag::Onbalans);
                    }
                    let low = |v: Option<f64>| v.is_some_and(|v| v <= NON_COMMITTAL + EPSILON);
                    // Passion counts: a partner with energy for the task is not let go.
                    // Ring partners stay at a distance by definition.
                    if low(interest)
                        && low(give)
                        && passion.is_none_or(|p| p <= NON_COMMITTAL + EPSILON)
                        && !o.ring
                    {
                        flags.push(InterestFlag::Vrijblijvend);
                    }
                }
                OrganisationInterests {
                    organisation: o.name.clone(),
                    respondents: o.respondents,
                    interest,
                    give,
                    take,
                    passion,
                    influence: ByInfluence::new(std::array::from_fn(|i| o.influence[i].mean())),
                    balance,
                    ring: o.ring,
                    flags,
                }
            })
            .collect()
    }
}

/// How far apart the lowest and highest rung chosen are.
fn rungs_apart(counts: &[usize; Rung::COUNT]) -> usize {
    let used: Vec<usize> = (0..Rung::COUNT).filter(|i| counts[*i] > 0).collect();
    match (used.first(), used.last()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    }
}

/// What the self-declared roles and the rated connection together say about a group.
/// `roles_stated` is whether any organisation named a role at all: where nobody did and
/// nobody rated the connection, nothing is known, and nothing is called missing.
#[must_use]
pub fn coverage_status(
    held: bool,
    roles_stated: bool,
    connection: Option<f64>,
) -> Option<CoverageStatus> {
    let weak = connection.map(|c| c < WEAK_CONNECTION - EPSILON);
    match (held, weak) {
        (true, Some(true)) => Some(CoverageStatus::Zwak),
        (true, _) => Some(CoverageStatus::Gedekt),
        (false, Some(false)) => Some(CoverageStatus::Indirect),
        (false, Some(true)) => Some(CoverageStatus::Ontbreekt),
        (false, None) => roles_stated.then_some(CoverageStatus::Ontbreekt),
    }
}

/// The organisation `name` belongs to (names are the same in any case), added with
/// respondent `seq` as its first when it is new. Always `Some`.
fn organisation<'m>(
    organisations: &'m mut BTreeMap<String, Organisation>,
    name: &str,
    seq: u64,
) -> Option<&'m mut Organisation> {
    // A short ASCII name, nearly every one, is lowered on the stack: a known
    // organisation is then found without allocating.
    let mut stack = [0u8; 64];
    let lowered;
    let key = match stack.get_mut(..name.len()).filter(|_| name.is_ascii()) {
        Some(buf) => {
            buf.copy_from_slice(name.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).ok()?
        }
        None => {
            lowered = name.to_lowercase();
            &lowered
        }
    };
    if !organisations.contains_key(key) {
        let org = Organisation {
            name: name.to_owned(),
            first: seq,
            ..Organisation::default()
        };
        organisations.insert(key.to_owned(), org);
    }
    organisations.get_mut(key)
}

/// The name an organisation is known by in the report: its organisation, or the
/// respondent's alias when no organisation was given.
#[must_use]
pub fn display_name(response: &Response) -> &str {
    let org = response.respondent.organisation.trim();
    if org.is_empty() {
        response.respondent.alias.trim()
    } else {
        org
    }
}

fn trust(concepts: &ByConcept<ConceptStats>) -> Trust {
    let means: Option<Vec<f64>> = Concept::FOUNDATION
        .iter()
        .map(|c| concepts[*c].stats.mean)
        .collect();
    let foundation = means.map(|m| m.iter().sum::<f64>() / m.len() as f64);
    let gap = foundation
        .zip(concepts[Concept::Vertrouwen].stats.mean)
        .map(|(f, v)| v - f);
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
        foundation_band: foundation.map(Band::of),
        gap,
        flag,
    }
}

/// Concepts with a score, most urgent first: priority, then larger spread, then model order.
fn priorities(concepts: &ByConcept<ConceptStats>) -> Vec<Concept> {
    let mut scored: Vec<(Concept, f64, f64)> = Concept::ALL
        .iter()
        .filter_map(|c| {
            let s = &concepts[*c];
            Some((*c, s.priority?, s.stats.sd.unwrap_or(0.0)))
        })
        .collect();
    scored.sort_by(|a, b| {
        crate::model::rank_key(b.1)
            .cmp(&crate::model::rank_key(a.1))
            .then(crate::model::rank_key(b.2).cmp(&crate::model::rank_key(a.2)))
            .then(a.0.cmp(&b.0))
    });
    scored.into_iter().map(|(c, _, _)| c).collect()
}

/// The statistics of the scored modules, for callers that hold a module.
#[must_use]
pub fn module_stats(modules: &ByModule<Stats>, m: Module) -> Option<&Stats> {
    Module::SCORED.contains(&m).then(|| &modules[Scored(m)])
}

/// Per-rung counts as a list, lowest first.
#[must_use]
pub fn rung_counts(counts: &ByRung<usize>) -> Vec<usize> {
    counts.values.to_vec()
}
