//! The instrument: every question, label and advice text of the scan, as data.
//!
//! The default instrument is `core/instrument/netwerkscan.json`, embedded at compile
//! time. A trainer can load their own file of the same format; [`Instrument::from_json`]
//! validates it and names every problem it finds, not only the first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::advice::Trigger;
use crate::model::{Concept, InfluenceSource, InterestQuestion, Module, Position, Role, Rung};
use crate::text::Text;

/// The `format` marker of an instrument file.
pub const INSTRUMENT_FORMAT: &str = "netwerkscan-instrument";

/// Minimum number of Likert items per concept.
pub const MIN_ITEMS_PER_CONCEPT: usize = 3;
/// Minimum number of Likert items in `opgave`.
pub const MIN_ITEMS_OPGAVE: usize = 5;
/// Minimum number of Likert items in `organisatie`.
pub const MIN_ITEMS_ORGANISATIE: usize = 4;
/// An instrument file larger than this is refused before parsing.
pub const MAX_INSTRUMENT_BYTES: usize = 1024 * 1024;

static BUILTIN_JSON: &str = include_str!("../instrument/netwerkscan.json");

/// Why an instrument could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InstrumentError {
    /// The text is not JSON of the instrument's shape.
    #[error("instrument: not a valid instrument file: {0}")]
    Syntax(String),
    /// The file is too large to be an instrument.
    #[error("instrument: the file is {bytes} bytes; an instrument is at most {MAX_INSTRUMENT_BYTES} bytes")]
    TooLarge {
        /// Size of the rejected text.
        bytes: usize,
    },
    /// The file parses but breaks the rules; every problem is listed.
    #[error("instrument: {} problem(s):\n- {}", .0.len(), .0.join("\n- "))]
    Invalid(Vec<String>),
}

/// A source article an item or advice rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Short id, such as `s000`.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Who wrote it.
    pub author: String,
    /// Where it was published.
    pub publisher: String,
}

/// Labels of a five-point scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// Labels for 1..=5, in order.
    pub labels: Vec<Text>,
    /// The label of "weet niet", where the scale offers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Text>,
}

/// The importance question asked per concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    /// The question.
    pub question: Text,
    /// Labels for 1..=5.
    pub labels: Vec<Text>,
}

/// The comment question offered when a concept scores low.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentQuestion {
    /// The question ("wat zou helpen?").
    pub question: Text,
}

/// A module's label and introduction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleDef {
    /// One of the five module ids.
    pub id: String,
    /// Its name.
    pub label: Text,
    /// A short name for charts, where the full name would crowd the axis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// A sentence or two for respondents.
    pub intro: Text,
}

/// A concept's label and description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptDef {
    /// One of the six concept ids.
    pub id: String,
    /// Its name.
    pub label: Text,
    /// What it means.
    pub description: Text,
    /// The source it rests on.
    pub source: String,
}

/// A Likert item as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDef {
    /// Unique id, such as `opgave-1`.
    pub id: String,
    /// The module it belongs to.
    pub module: String,
    /// The concept it measures (only in `relaties`).
    pub concept: Option<String>,
    /// Whether agreeing is the unhealthy answer, so it counts as `6 - v`.
    #[serde(default)]
    pub reverse: bool,
    /// Which of the three checks for a functional system this is (only in `opgave`).
    #[serde(default)]
    pub check: Option<u8>,
    /// The statement.
    pub text: Text,
    /// The source it rests on.
    pub source: String,
}

/// One question about interests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterestQuestionDef {
    /// `interest`, `give`, `take` or `passion`.
    pub id: String,
    /// The question.
    pub text: Text,
    /// The source it rests on.
    pub source: String,
}

/// One source of influence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfluenceDef {
    /// `resources`, `authority`, `information` or `communication`.
    pub id: String,
    /// Short name for charts.
    pub label: Text,
    /// The question.
    pub text: Text,
    /// The source it rests on.
    pub source: String,
}

/// The influence part of the interests module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfluenceBlock {
    /// Introduction.
    pub intro: Text,
    /// The four sources, in order.
    pub sources: Vec<InfluenceDef>,
}

/// The interests module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterestsDef {
    /// Labels of the 1..5 scale used here.
    pub scale: Scale,
    /// Interest, give, take, passion.
    pub questions: Vec<InterestQuestionDef>,
    /// The sources of influence.
    pub influence: InfluenceBlock,
}

/// A labelled choice: a role, position or rung.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceDef {
    /// The id used in responses.
    pub id: String,
    /// Its name.
    pub label: Text,
    /// A sentence explaining it.
    pub description: Text,
}

/// The ladder module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderDef {
    /// The question for the current rung.
    pub current: Text,
    /// The question for the desired rung.
    pub desired: Text,
    /// The five rungs, lowest first.
    pub rungs: Vec<ChoiceDef>,
}

/// One advice text and the finding that triggers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdviceDef {
    /// Unique id.
    pub id: String,
    /// The trigger, such as `concept:respect` or `trust:voor`.
    pub when: String,
    /// A few words.
    pub title: Text,
    /// The advice.
    pub text: Text,
    /// The source it rests on.
    pub source: String,
}

/// The instrument file as written: ids are still strings here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstrumentFile {
    /// Always [`INSTRUMENT_FORMAT`].
    pub format: String,
    /// The instrument's id; responses name it.
    pub id: String,
    /// The instrument's version; responses name it.
    pub version: String,
    /// The scan's title.
    pub title: Text,
    /// The articles everything rests on.
    pub sources: Vec<Source>,
    /// The agreement scale of the Likert items.
    pub scale: Scale,
    /// The importance question.
    pub importance: Importance,
    /// The comment question.
    pub comment: CommentQuestion,
    /// The five modules, in the order of the scan.
    pub modules: Vec<ModuleDef>,
    /// The six concepts.
    pub concepts: Vec<ConceptDef>,
    /// All Likert items, in the order they are asked.
    pub items: Vec<ItemDef>,
    /// The interests module.
    pub interests: InterestsDef,
    /// The three roles.
    pub roles: Vec<ChoiceDef>,
    /// The two positions.
    pub positions: Vec<ChoiceDef>,
    /// The participation ladder.
    pub ladder: LadderDef,
    /// The advice texts.
    pub advice: Vec<AdviceDef>,
}

/// A validated Likert item with typed module and concept.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Unique id.
    pub id: String,
    /// A scored module.
    pub module: Module,
    /// The concept, for items in `relaties`.
    pub concept: Option<Concept>,
    /// Counts as `6 - v`.
    pub reverse: bool,
}

/// A validated instrument.
///
/// ```
/// use netwerkregie::{Concept, Instrument};
/// let instrument = Instrument::builtin();
/// assert_eq!(instrument.id(), "netwerkscan");
/// assert!(instrument.items_of_concept(Concept::Vertrouwen).count() >= 3);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    file: InstrumentFile,
    items: Vec<Item>,
    index: HashMap<String, usize>,
    advice: BTreeMap<Trigger, usize>,
}

impl Instrument {
    /// The default Netwerkscan instrument, validated once.
    ///
    /// # Panics
    /// Never in a released build: the embedded file is checked by the crate's tests.
    #[must_use]
    pub fn builtin() -> &'static Instrument {
        static BUILTIN: OnceLock<Instrument> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Instrument::from_json(BUILTIN_JSON)
                .unwrap_or_else(|e| panic!("the built-in instrument is invalid: {e}"))
        })
    }

    /// The text of the built-in instrument file.
    #[must_use]
    pub fn builtin_json() -> &'static str {
        BUILTIN_JSON
    }

    /// Parses and validates an instrument file.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        if text.len() > MAX_INSTRUMENT_BYTES {
            return Err(InstrumentError::TooLarge { bytes: text.len() });
        }
        let file: InstrumentFile =
            serde_json::from_str(text).map_err(|e| InstrumentError::Syntax(e.to_string()))?;
        Instrument::from_file(file)
    }

    /// Validates an instrument that is already parsed.
    pub fn from_file(file: InstrumentFile) -> Result<Instrument, InstrumentError> {
        let mut problems = Vec::new();
        let items = validate(&file, &mut problems);
        let mut advice = BTreeMap::new();
        for (i, a) in file.advice.iter().enumerate() {
            if let Some(trigger) = Trigger::parse(&a.when) {
                advice.insert(trigger, i);
            }
        }
        if !problems.is_empty() {
            return Err(InstrumentError::Invalid(problems));
        }
        let index = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.clone(), i))
            .collect();
        Ok(Instrument {
            file,
            items,
            index,
            advice,
        })
    }

    /// The instrument as written, for serialising (`netwerkscan instrument --json`).
    #[must_use]
    pub fn file(&self) -> &InstrumentFile {
        &self.file
    }

    /// The instrument's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.file.id
    }

    /// The instrument's version.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.file.version
    }

    /// All Likert items, in order.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Looks up an item by id.
    #[must_use]
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    /// The items of a scored module.
    pub fn items_of_module(&self, module: Module) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.module == module)
    }

    /// The items of a concept.
    pub fn items_of_concept(&self, concept: Concept) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |i| i.concept == Some(concept))
    }

    /// The advice for a trigger. Every trigger has one in a valid instrument.
    #[must_use]
    pub fn advice(&self, trigger: Trigger) -> Option<&AdviceDef> {
        self.advice.get(&trigger).map(|&i| &self.file.advice[i])
    }

    /// The label of a concept.
    #[must_use]
    pub fn concept_label(&self, concept: Concept) -> Option<&Text> {
        label_of(&self.file.concepts, concept.id())
    }

    /// The label of a module.
    #[must_use]
    pub fn module_label(&self, module: Module) -> Option<&Text> {
        label_of(&self.file.modules, module.id())
    }

    /// The short label of a module for charts (its full label when it has none).
    #[must_use]
    pub fn module_short_label(&self, module: Module) -> Option<&Text> {
        self.file
            .modules
            .iter()
            .find(|m| m.id == module.id())
            .map(|m| m.short.as_ref().unwrap_or(&m.label))
    }

    /// The label of a rung.
    #[must_use]
    pub fn rung_label(&self, rung: Rung) -> Option<&Text> {
        label_of(&self.file.ladder.rungs, rung.id())
    }

    /// The short label of a source of influence.
    #[must_use]
    pub fn influence_label(&self, source: InfluenceSource) -> Option<&Text> {
        label_of(&self.file.interests.influence.sources, source.id())
    }

    /// The label of a role.
    #[must_use]
    pub fn role_label(&self, role: Role) -> Option<&Text> {
        label_of(&self.file.roles, role.id())
    }
}

/// An entry of the instrument with an id and a label.
trait Labelled {
    fn id(&self) -> &str;
    fn label(&self) -> &Text;
}

macro_rules! labelled {
    ($($t:ty),+) => {$(
        impl Labelled for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn label(&self) -> &Text {
                &self.label
            }
        }
    )+};
}

labelled!(ConceptDef, ModuleDef, ChoiceDef, InfluenceDef);

fn label_of<'a, T: Labelled>(list: &'a [T], id: &str) -> Option<&'a Text> {
    list.iter().find(|e| e.id() == id).map(Labelled::label)
}

/// Checks every rule and returns the typed items; problems are pushed, never returned early.
fn validate(file: &InstrumentFile, problems: &mut Vec<String>) -> Vec<Item> {
    if file.format != INSTRUMENT_FORMAT {
        problems.push(format!(
            "format: expected \"{INSTRUMENT_FORMAT}\", found \"{}\"",
            file.format
        ));
    }
    if file.id.trim().is_empty() {
        problems.push("id: is empty".into());
    }
    if file.version.trim().is_empty() {
        problems.push("version: is empty".into());
    }
    let mut texts = TextCheck { problems };
    texts.check("title", &file.title);

    let sources: BTreeSet<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
    let mut ids = IdCheck::default();
    for (i, s) in file.sources.iter().enumerate() {
        ids.check(&format!("sources[{i}]"), &s.id, texts.problems);
        if s.title.trim().is_empty() {
            texts.problems.push(format!("sources[{i}].title: is empty"));
        }
    }
    let source_check = |path: &str, source: &str, problems: &mut Vec<String>| {
        if !sources.contains(source) {
            problems.push(format!("{path}.source: unknown source \"{source}\""));
        }
    };

    check_labels(&mut texts, "scale.labels", &file.scale.labels);
    match &file.scale.unknown {
        Some(t) => texts.check("scale.unknown", t),
        None => texts
            .problems
            .push("scale.unknown: missing (the \"weet niet\" label)".into()),
    }
    texts.check("importance.question", &file.importance.question);
    check_labels(&mut texts, "importance.labels", &file.importance.labels);
    texts.check("comment.question", &file.comment.question);
    check_labels(
        &mut texts,
        "interests.scale.labels",
        &file.interests.scale.labels,
    );

    check_vocabulary(
        "modules",
        file.modules.iter().map(|m| m.id.as_str()),
        Module::ALL.iter().map(|m| m.id()),
        texts.problems,
    );
    for (i, m) in file.modules.iter().enumerate() {
        texts.check(&format!("modules[{i}].label"), &m.label);
        texts.check(&format!("modules[{i}].intro"), &m.intro);
        if let Some(short) = &m.short {
            texts.check(&format!("modules[{i}].short"), short);
        }
    }
    check_vocabulary(
        "concepts",
        file.concepts.iter().map(|c| c.id.as_str()),
        Concept::ALL.iter().map(|c| c.id()),
        texts.problems,
    );
    for (i, c) in file.concepts.iter().enumerate() {
        let path = format!("concepts[{i}]");
        texts.check(&format!("{path}.label"), &c.label);
        texts.check(&format!("{path}.description"), &c.description);
        source_check(&path, &c.source, texts.problems);
    }

    let mut items = Vec::with_capacity(file.items.len());
    let mut checks = [0usize; 3];
    for (i, def) in file.items.iter().enumerate() {
        let path = format!("items[{i}] ({})", def.id);
        ids.check(&format!("items[{i}]"), &def.id, texts.problems);
        texts.check(&format!("{path}.text"), &def.text);
        source_check(&path, &def.source, texts.problems);
        if let Some(item) = validate_item(&path, def, &mut checks, texts.problems) {
            items.push(item);
        }
    }
    for (n, count) in checks.iter().enumerate() {
        if *count != 1 {
            texts.problems.push(format!(
                "items: check {} of the functional system must appear exactly once in opgave, found {count}",
                n + 1
            ));
        }
    }
    check_counts(&items, texts.problems);

    check_vocabulary(
        "interests.questions",
        file.interests.questions.iter().map(|q| q.id.as_str()),
        InterestQuestion::ALL.iter().map(|q| q.id()),
        texts.problems,
    );
    for (i, q) in file.interests.questions.iter().enumerate() {
        let path = format!("interests.questions[{i}]");
        texts.check(&format!("{path}.text"), &q.text);
        source_check(&path, &q.source, texts.problems);
    }
    texts.check("interests.influence.intro", &file.interests.influence.intro);
    check_vocabulary(
        "interests.influence.sources",
        file.interests
            .influence
            .sources
            .iter()
            .map(|s| s.id.as_str()),
        InfluenceSource::ALL.iter().map(|s| s.id()),
        texts.problems,
    );
    for (i, s) in file.interests.influence.sources.iter().enumerate() {
        let path = format!("interests.influence.sources[{i}]");
        texts.check(&format!("{path}.label"), &s.label);
        texts.check(&format!("{path}.text"), &s.text);
        source_check(&path, &s.source, texts.problems);
    }

    check_choices(
        &mut texts,
        "roles",
        &file.roles,
        Role::ALL.iter().map(|r| r.id()),
    );
    check_choices(
        &mut texts,
        "positions",
        &file.positions,
        Position::ALL.iter().map(|p| p.id()),
    );
    texts.check("ladder.current", &file.ladder.current);
    texts.check("ladder.desired", &file.ladder.desired);
    check_choices(
        &mut texts,
        "ladder.rungs",
        &file.ladder.rungs,
        Rung::ALL.iter().map(|r| r.id()),
    );
    let order: Vec<&str> = file.ladder.rungs.iter().map(|r| r.id.as_str()).collect();
    let expected: Vec<&str> = Rung::ALL.iter().map(|r| r.id()).collect();
    if order.len() == expected.len() && order != expected {
        texts.problems.push(format!(
            "ladder.rungs: must be in order from lowest to highest: {}",
            expected.join(", ")
        ));
    }

    let mut seen = BTreeMap::new();
    for (i, a) in file.advice.iter().enumerate() {
        let path = format!("advice[{i}] ({})", a.id);
        ids.check(&format!("advice[{i}]"), &a.id, texts.problems);
        texts.check(&format!("{path}.title"), &a.title);
        texts.check(&format!("{path}.text"), &a.text);
        source_check(&path, &a.source, texts.problems);
        match Trigger::parse(&a.when) {
            Some(t) => {
                if seen.insert(t, i).is_some() {
                    texts.problems.push(format!(
                        "{path}.when: \"{}\" has more than one advice",
                        a.when
                    ));
                }
            }
            None => texts
                .problems
                .push(format!("{path}.when: unknown trigger \"{}\"", a.when)),
        }
    }
    for t in Trigger::all() {
        if !seen.contains_key(&t) {
            texts
                .problems
                .push(format!("advice: no advice for trigger \"{t}\""));
        }
    }
    items
}

fn validate_item(
    path: &str,
    def: &ItemDef,
    checks: &mut [usize; 3],
    problems: &mut Vec<String>,
) -> Option<Item> {
    let Some(module) = Module::parse(&def.module) else {
        problems.push(format!(
            "{path}.module: unknown module \"{}\" (expected one of {})",
            def.module,
            Module::ids()
        ));
        return None;
    };
    if !module.is_scored() {
        problems.push(format!(
            "{path}.module: \"{module}\" has no Likert items; use opgave, organisatie or relaties"
        ));
        return None;
    }
    let concept = match (&def.concept, module) {
        (Some(c), Module::Relaties) => {
            let Some(concept) = Concept::parse(c) else {
                problems.push(format!(
                    "{path}.concept: unknown concept \"{c}\" (expected one of {})",
                    Concept::ids()
                ));
                return None;
            };
            Some(concept)
        }
        (None, Module::Relaties) => {
            problems.push(format!(
                "{path}.concept: an item in relaties needs a concept"
            ));
            return None;
        }
        (Some(c), _) => {
            problems.push(format!(
                "{path}.concept: only items in relaties have a concept, found \"{c}\""
            ));
            return None;
        }
        (None, _) => None,
    };
    if let Some(check) = def.check {
        if module != Module::Opgave {
            problems.push(format!("{path}.check: only items in opgave are checks"));
        } else if (1..=3).contains(&check) {
            checks[usize::from(check) - 1] += 1;
        } else {
            problems.push(format!("{path}.check: {check} is not 1, 2 or 3"));
        }
    }
    Some(Item {
        id: def.id.clone(),
        module,
        concept,
        reverse: def.reverse,
    })
}

fn check_counts(items: &[Item], problems: &mut Vec<String>) {
    for concept in Concept::ALL {
        let of: Vec<&Item> = items
            .iter()
            .filter(|i| i.concept == Some(*concept))
            .collect();
        if of.len() < MIN_ITEMS_PER_CONCEPT {
            problems.push(format!(
                "items: concept {concept} has {} item(s), needs at least {MIN_ITEMS_PER_CONCEPT}",
                of.len()
            ));
        }
        if !of.is_empty() && !of.iter().any(|i| i.reverse) {
            problems.push(format!(
                "items: concept {concept} needs at least one reverse-worded item"
            ));
        }
    }
    for (module, min) in [
        (Module::Opgave, MIN_ITEMS_OPGAVE),
        (Module::Organisatie, MIN_ITEMS_ORGANISATIE),
    ] {
        let n = items.iter().filter(|i| i.module == module).count();
        if n < min {
            problems.push(format!(
                "items: module {module} has {n} item(s), needs at least {min}"
            ));
        }
    }
}

fn check_labels(texts: &mut TextCheck<'_>, path: &str, labels: &[Text]) {
    if labels.len() != 5 {
        texts.problems.push(format!(
            "{path}: needs 5 labels (for 1..5), found {}",
            labels.len()
        ));
    }
    for (i, l) in labels.iter().enumerate() {
        texts.check(&format!("{path}[{i}]"), l);
    }
}

fn check_choices<'a>(
    texts: &mut TextCheck<'_>,
    path: &str,
    choices: &'a [ChoiceDef],
    expected: impl Iterator<Item = &'a str>,
) {
    check_vocabulary(
        path,
        choices.iter().map(|c| c.id.as_str()),
        expected,
        texts.problems,
    );
    for (i, c) in choices.iter().enumerate() {
        texts.check(&format!("{path}[{i}].label"), &c.label);
        texts.check(&format!("{path}[{i}].description"), &c.description);
    }
}

/// Checks that a list holds exactly the fixed ids of the model, each once.
fn check_vocabulary<'a>(
    path: &str,
    found: impl Iterator<Item = &'a str>,
    expected: impl Iterator<Item = &'a str>,
    problems: &mut Vec<String>,
) {
    let expected: Vec<&str> = expected.collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for id in found {
        *counts.entry(id).or_default() += 1;
        if !expected.contains(&id) {
            problems.push(format!(
                "{path}: unknown id \"{id}\" (expected {})",
                expected.join(", ")
            ));
        }
    }
    for id in &expected {
        match counts.get(id) {
            None => problems.push(format!("{path}: \"{id}\" is missing")),
            Some(n) if *n > 1 => problems.push(format!("{path}: \"{id}\" appears {n} times")),
            Some(_) => {}
        }
    }
}

/// Collects missing translations.
struct TextCheck<'a> {
    problems: &'a mut Vec<String>,
}

impl TextCheck<'_> {
    fn check(&mut self, path: &str, text: &Text) {
        if text.nl.trim().is_empty() {
            self.problems
                .push(format!("{path}: missing Dutch text (nl)"));
        }
        if text.en.trim().is_empty() {
            self.problems
                .push(format!("{path}: missing English translation (en)"));
        }
    }
}

/// Collects duplicate and malformed ids across items, sources and advice.
#[derive(Default)]
struct IdCheck {
    seen: BTreeSet<String>,
}

impl IdCheck {
    fn check(&mut self, path: &str, id: &str, problems: &mut Vec<String>) {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!(
                "{path}.id: \"{id}\" must be made of a-z, 0-9 and -"
            ));
        }
        if !self.seen.insert(id.to_owned()) {
            problems.push(format!("{path}.id: duplicate id \"{id}\""));
        }
    }
}
