//! The instrument: every question, label, advice text and report word of the scan.
//!
//! The built-in instrument is written in `core/instrument/netwerkscan.json` and compiled
//! into `builtin.rs` as Rust statics, so the program never parses or validates it at
//! run time (a test keeps the two in step and validates the file). A trainer's own file
//! is read by [`Instrument::from_json`], which names every problem it finds.

mod builtin;
pub mod file;
mod json;
mod problem;
mod read;
mod validate;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub use file::*;
pub use json::{Json, JsonKind, SyntaxError, SyntaxProblem};
pub use problem::InstrumentProblem;
pub use validate::{MIN_ITEMS_OPGAVE, MIN_ITEMS_ORGANISATIE, MIN_ITEMS_PER_CONCEPT};

use crate::advice::Trigger;
use crate::model::{
    Band, Concept, Form, InfluenceSource, Level, Module, Position, Role, Rung, Sector,
};
use crate::response::{clip, MAX_LISTED_PROBLEMS};
use crate::text::{Lang, Text};
use crate::words::Word;

/// An instrument file larger than this is refused before parsing.
pub const MAX_INSTRUMENT_BYTES: usize = 1024 * 1024;

/// Why an instrument could not be loaded. `Display` gives the English message;
/// [`InstrumentError::message`] gives it in Dutch too.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InstrumentError {
    /// The text is not JSON.
    #[error("instrument: not valid JSON at line {line}, column {column}: {problem}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong there.
        problem: SyntaxProblem,
    },
    /// The file is too large to be an instrument.
    #[error("instrument: the file is {bytes} bytes; an instrument is at most {MAX_INSTRUMENT_BYTES} bytes")]
    TooLarge {
        /// Size of the rejected text.
        bytes: usize,
    },
    /// The file breaks the rules; every problem is kept here, and the message spells
    /// out the first [`MAX_LISTED_PROBLEMS`].
    #[error("instrument: {}:\n- {}", problems(.0.len(), Lang::En), listed(.0, Lang::En))]
    Invalid(Vec<InstrumentProblem>),
}

impl InstrumentError {
    /// The message in `lang` (English for any language but Dutch); `Display` gives the
    /// English one. serde_json's own description of a syntax error stays English.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if !lang.is_dutch() {
            return self.to_string();
        }
        match self {
            InstrumentError::Syntax {
                line,
                column,
                problem,
            } => match problem {
                SyntaxProblem::Json(message) => format!(
                    "instrument: geen geldige JSON op regel {line}, kolom {column} ({message})"
                ),
                SyntaxProblem::KeyTwice(key) => format!(
                    "instrument: geen geldige JSON op regel {line}, kolom {column}: de sleutel \"{}\" staat twee keer in één object",
                    clip(key, json::MAX_SHOWN_KEY)
                ),
            },
            InstrumentError::TooLarge { bytes } => format!(
                "instrument: het bestand is {bytes} bytes; een instrument is hoogstens {MAX_INSTRUMENT_BYTES} bytes"
            ),
            InstrumentError::Invalid(list) => format!(
                "instrument: {}:\n- {}",
                problems(list.len(), lang),
                listed(list, lang)
            ),
        }
    }

    /// Every problem, when the file breaks the rules.
    #[must_use]
    pub fn problems(&self) -> &[InstrumentProblem] {
        match self {
            InstrumentError::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// "1 problem", "3 problems"; in Dutch "1 probleem", "3 problemen".
fn problems(n: usize, lang: Lang) -> String {
    match (n, lang.is_dutch()) {
        (1, true) => "1 probleem".to_owned(),
        (n, true) => format!("{n} problemen"),
        (1, false) => "1 problem".to_owned(),
        (n, false) => format!("{n} problems"),
    }
}

/// The first problems, one per line, each cut to a readable length, and how many more:
/// a file of a megabyte of problems gives a message of a few kilobytes.
fn listed(problems: &[InstrumentProblem], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = problems
        .iter()
        .take(MAX_LISTED_PROBLEMS)
        .map(|p| p.message(lang))
        .collect::<Vec<_>>()
        .join("\n- ");
    let more = problems.len().saturating_sub(MAX_LISTED_PROBLEMS);
    if more > 0 {
        let _ = if lang.is_dutch() {
            write!(out, "\n- en nog {more}")
        } else {
            write!(out, "\n- and {more} more")
        };
    }
    out
}

/// A Likert item's place in a response's answers, with how it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The index into the response's answers (the n-th statement of the instrument).
    pub index: u16,
    /// Counts as `6 - v`.
    pub reverse: bool,
}

/// What scoring the concepts of one response needs from the built-in instrument, and
/// what its radar shows, without the rest of the instrument: the page draws its first
/// chart from this before anything else has loaded.
#[derive(Debug)]
pub struct ConceptKey {
    /// The instrument's id.
    pub id: &'static str,
    /// The instrument's version.
    pub version: &'static str,
    /// The statement ids, in answer-slot order.
    pub statements: &'static [&'static str],
    /// Per concept, its statements' slots.
    pub concepts: [&'static [Slot]; Concept::COUNT],
    /// The concept labels.
    pub labels: [Text; Concept::COUNT],
    /// The radar's title.
    pub title: Text,
    /// "geen score".
    pub missing: Text,
    /// The decimal separator.
    pub decimal: Text,
}

/// The built-in instrument's [`ConceptKey`].
pub static BUILTIN_CONCEPTS: &ConceptKey = &builtin::CONCEPTS;

/// A small, fast hash for the short item ids: every response looks its answers up by id.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // FNV-1a: plenty for a few dozen distinct keys, and cheap.
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type IdMap<V> = HashMap<Box<str>, V, BuildHasherDefault<IdHasher>>;

/// A validated instrument, with the indexes that scoring needs.
///
/// ```
/// use netwerkregie::{Concept, Instrument};
/// let instrument = Instrument::builtin();
/// assert_eq!(instrument.id(), "netwerkscan");
/// assert!(instrument.concept_slots(Concept::Vertrouwen).len() >= 3);
/// ```
#[derive(Debug, Clone)]
pub struct Instrument {
    file: InstrumentFile,
    /// Indexes into `file.items` of the statements, in order: slot `i` is `statements[i]`.
    statements: Vec<usize>,
    /// Every statement's slot, in order.
    slots: Vec<Slot>,
    slot_by_id: IdMap<u16>,
    /// Open questions by id, as indexes into `file.items`.
    open_by_id: IdMap<usize>,
    concepts: [Vec<Slot>; Concept::COUNT],
    modules: [Vec<Slot>; 3],
    connection: [Option<Slot>; Role::COUNT],
    /// How many bytes longer than its text a response's compact form can be (see
    /// [`Instrument::growth_bound`]); counted once, not per response read.
    growth_bound: usize,
}

impl PartialEq for Instrument {
    fn eq(&self, other: &Instrument) -> bool {
        self.file == other.file
    }
}

impl Instrument {
    /// The built-in Netwerkscan instrument. It costs no parsing: the file was compiled in.
    #[must_use]
    pub fn builtin() -> &'static Instrument {
        static BUILTIN: OnceLock<Instrument> = OnceLock::new();
        BUILTIN.get_or_init(|| Instrument::index(builtin::instrument()))
    }

    /// The text of the built-in instrument file, for tests and for the page's build.
    #[must_use]
    pub fn builtin_json() -> &'static str {
        include_str!("../../instrument/netwerkscan.json")
    }

    /// Reads and validates a trainer's instrument file; the error lists every problem.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        if text.len() > MAX_INSTRUMENT_BYTES {
            return Err(InstrumentError::TooLarge { bytes: text.len() });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let json = Json::parse(text).map_err(|e| InstrumentError::Syntax {
            line: e.line,
            column: e.column,
            problem: e.problem,
        })?;
        let mut problems = Vec::new();
        let file = read::instrument(&mut problems, json);
        validate::validate(&file, &mut problems);
        if problems.is_empty() {
            Ok(Instrument::index(file))
        } else {
            Err(InstrumentError::Invalid(problems))
        }
    }

    /// Checks an instrument that is already in memory (such as one built in code).
    pub fn from_file(file: InstrumentFile) -> Result<Instrument, InstrumentError> {
        let mut problems = Vec::new();
        validate::validate(&file, &mut problems);
        if problems.is_empty() {
            Ok(Instrument::index(file))
        } else {
            Err(InstrumentError::Invalid(problems))
        }
    }

    /// Builds the indexes of a valid file.
    fn index(file: InstrumentFile) -> Instrument {
        let mut statements = Vec::new();
        let mut slots = Vec::new();
        let mut slot_by_id = IdMap::default();
        let mut open_by_id = IdMap::default();
        let mut concepts: [Vec<Slot>; Concept::COUNT] = Default::default();
        let mut modules: [Vec<Slot>; 3] = Default::default();
        let mut connection = [None; Role::COUNT];
        for (i, item) in file.items.iter().enumerate() {
            if item.kind == ItemType::Open {
                open_by_id.insert(item.id.as_ref().into(), i);
                continue;
            }
            let slot = Slot {
                index: statements.len() as u16,
                reverse: item.reverse,
            };
            statements.push(i);
            slots.push(slot);
            slot_by_id.insert(item.id.as_ref().into(), slot.index);
            if let Some(c) = item.concept {
                concepts[c.index()].push(slot);
            }
            if let Some(m) = item.module.and_then(scored_index) {
                modules[m].push(slot);
            }
            if let Some(role) = item.role {
                connection[role.index()] = Some(slot);
            }
        }
        let answers: usize = statements
            .iter()
            .filter_map(|&i| file.items.get(i))
            .map(|item| item.id.len() + 8)
            .sum();
        let versions: usize = file.previous.iter().map(|p| p.version.len() + 8).sum();
        let growth_bound = 4096 + file.id.len() + file.version.len() + versions + answers;
        Instrument {
            file,
            statements,
            slots,
            slot_by_id,
            open_by_id,
            concepts,
            modules,
            connection,
            growth_bound,
        }
    }

    /// How many bytes longer than its text the compact form of a response can be: the
    /// sections a file may leave out, an instrument version written as text, `from`,
    /// and the answers (an answer to an earlier version is written under its new id,
    /// `"id":null,` at most). Everything else is written no longer than it was read:
    /// keys and strings with the fewest escapes, unknown fields as their raw text.
    pub(crate) fn growth_bound(&self) -> usize {
        self.growth_bound
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

    /// How many statements (Likert items) there are: the length of a response's answers.
    #[must_use]
    pub fn statement_count(&self) -> usize {
        self.statements.len()
    }

    /// The statement in answer slot `index`.
    #[must_use]
    pub fn statement(&self, index: usize) -> Option<&ItemDef> {
        self.statements.get(index).map(|&i| &self.file.items[i])
    }

    /// Every statement, in answer-slot order.
    #[must_use]
    pub fn statements(&self) -> impl ExactSizeIterator<Item = &ItemDef> + '_ {
        self.statements.iter().map(|&i| &self.file.items[i])
    }

    /// Every statement's slot (its index and whether it is reverse-worded), in order.
    #[must_use]
    pub fn statement_slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The answer slot of a statement id.
    #[must_use]
    pub fn slot(&self, id: &str) -> Option<u16> {
        self.slot_by_id.get(id).copied()
    }

    /// The open question with this id.
    #[must_use]
    pub fn open_question(&self, id: &str) -> Option<&ItemDef> {
        self.open_by_id.get(id).map(|&i| &self.file.items[i])
    }

    /// Every open question, in order.
    pub fn open_questions(&self) -> impl Iterator<Item = &ItemDef> + '_ {
        self.file.items.iter().filter(|i| i.kind == ItemType::Open)
    }

    /// The statements of a concept.
    #[must_use]
    pub fn concept_slots(&self, concept: Concept) -> &[Slot] {
        &self.concepts[concept.index()]
    }

    /// The statements of a scored module; empty for the other modules.
    #[must_use]
    pub fn module_slots(&self, module: Module) -> &[Slot] {
        scored_index(module).map_or(&[], |i| &self.modules[i])
    }

    /// The statement that rates the connection to one group around the problem.
    #[must_use]
    pub fn connection_slot(&self, role: Role) -> Option<Slot> {
        self.connection[role.index()]
    }

    /// How the item ids of an earlier version map onto this one.
    #[must_use]
    pub fn previous(&self, version: &str) -> Option<&Previous> {
        self.file.previous.iter().find(|p| p.version == version)
    }

    /// The most specific advice for a finding: band and form, then band, then form,
    /// then neither. A valid instrument has one for every finding.
    #[must_use]
    pub fn advice(
        &self,
        when: Trigger,
        band: Option<Band>,
        form: Option<Form>,
    ) -> Option<&AdviceDef> {
        self.file
            .advice
            .iter()
            .filter(|a| a.when == when)
            .filter(|a| a.band.is_none() || a.band == band)
            .filter(|a| a.form.is_none() || a.form == form)
            .max_by_key(|a| 2 * u8::from(a.band.is_some()) + u8::from(a.form.is_some()))
    }

    /// A word of the report.
    #[must_use]
    pub fn word(&self, word: Word) -> &Text {
        self.file.words.get(word)
    }

    /// A word of the report in `lang`.
    #[must_use]
    pub fn say(&self, word: Word, lang: Lang) -> &str {
        self.file.words.get(word).get(lang)
    }

    /// The decimal separator in `lang`.
    #[must_use]
    pub fn decimal(&self, lang: Lang) -> char {
        self.say(Word::Decimal, lang).chars().next().unwrap_or('.')
    }

    /// The languages this instrument speaks: Dutch, English and any its title adds.
    #[must_use]
    pub fn languages(&self) -> Vec<Lang> {
        let mut langs = vec![Lang::Nl, Lang::En];
        langs.extend(
            self.file
                .title
                .more
                .iter()
                .filter_map(|(c, _)| Lang::parse(c)),
        );
        langs
    }

    /// The label of a concept.
    #[must_use]
    pub fn concept_label(&self, concept: Concept) -> &Text {
        self.file
            .concepts
            .iter()
            .find(|c| c.id == concept)
            .map_or(self.word(Word::ScoreMissing), |c| &c.label)
    }

    /// The label of a module.
    #[must_use]
    pub fn module_label(&self, module: Module) -> &Text {
        self.module_def(module)
            .map_or(self.word(Word::ScoreMissing), |m| &m.label)
    }

    /// The short label of a module, for charts.
    #[must_use]
    pub fn module_short_label(&self, module: Module) -> &Text {
        self.module_def(module)
            .map_or(self.word(Word::ScoreMissing), |m| &m.short)
    }

    fn module_def(&self, module: Module) -> Option<&ModuleDef> {
        self.file.modules.iter().find(|m| m.id == module)
    }

    /// The label of a rung.
    #[must_use]
    pub fn rung_label(&self, rung: Rung) -> &Text {
        self.file
            .ladder
            .rungs
            .iter()
            .find(|r| r.id == rung)
            .map_or(self.word(Word::ScoreMissing), |r| &r.label)
    }

    /// The short label of a source of influence.
    #[must_use]
    pub fn influence_label(&self, source: InfluenceSource) -> &Text {
        self.file
            .interests
            .influence
            .sources
            .iter()
            .find(|s| s.id == source)
            .map_or(self.word(Word::ScoreMissing), |s| &s.label)
    }

    /// The label of a split group's value: a position, role, sector or level's choice
    /// label; `None` for an organisation (its name is its label) or an unknown value.
    #[must_use]
    pub fn value_label(&self, dimension: crate::split::Dimension, value: &str) -> Option<&Text> {
        use crate::split::Dimension;
        fn find<T: Copy + PartialEq>(choices: &[ChoiceDef<T>], value: Option<T>) -> Option<&Text> {
            let value = value?;
            choices.iter().find(|c| c.id == value).map(|c| &c.label)
        }
        let r = &self.file.respondent;
        match dimension {
            Dimension::Organisation => None,
            Dimension::Position => find(&r.position.choices, Position::parse(value)),
            Dimension::Role => find(&r.roles.choices, Role::parse(value)),
            Dimension::Sector => find(&r.sector.choices, Sector::parse(value)),
            Dimension::Level => find(&r.level.choices, Level::parse(value)),
        }
    }

    /// The label of a role.
    #[must_use]
    pub fn role_label(&self, role: Role) -> &Text {
        self.file
            .respondent
            .roles
            .choices
            .iter()
            .find(|r| r.id == role)
            .map_or(self.word(Word::ScoreMissing), |r| &r.label)
    }
}

/// The index of a scored module in [`Module::SCORED`].
#[must_use]
pub fn scored_index(module: Module) -> Option<usize> {
    Module::SCORED.iter().position(|m| *m == module)
}
