//! One respondent's answers: the interchange format between page, facilitator and CLI.
//!
//! Reading is one pass of serde over the text into typed fields (`read`): no JSON tree
//! is built, and a field that is wrong is written down with its path
//! (`answers.opgave-eigen: 7 ligt niet op de schaal 1..5`) while reading goes on, so
//! every problem of a file is reported at once. Fields this version does not know are
//! kept as their raw JSON text and written back unchanged, to the last digit.

mod fast;
mod read;
mod write;

use std::hash::{BuildHasher, Hasher};

use serde_json::value::RawValue;

use crate::instrument::Instrument;
use crate::likert::Likert;
use crate::model::{
    Concept, Form, InfluenceSource, InterestQuestion, Level, Position, Role, Rung, Sector,
};
use crate::text::{Lang, Text};

/// The `format` marker of a response file.
pub const RESPONSE_FORMAT: &str = "netwerkscan-response";
/// The response format version this crate writes. Version 2 added the respondent's
/// sector and level, the typing question, open questions and "weet niet" on the ladder.
pub const RESPONSE_VERSION: u64 = 2;

/// The top-level fields of a response, in the order both readers number them (the fast
/// scanner and the general reader match on the position).
pub const TOP_LEVEL_FIELDS: [&str; 10] = [
    "format",
    "version",
    "instrument",
    "respondent",
    "form",
    "answers",
    "importance",
    "comments",
    "ladder",
    "interests",
];

/// The fields of `respondent`, in the order both readers number them.
pub const RESPONDENT_FIELDS: [&str; 6] = [
    "alias",
    "organisation",
    "roles",
    "position",
    "sector",
    "level",
];

/// A response larger than this is refused before parsing: a full scan with long
/// comments is a few kilobytes.
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// At most this many field problems are spelt out in an error's message; the rest are
/// counted ("and 12 more"). [`ResponseError::fields`] keeps every one.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// One problem in a response, with the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", clip(path, MAX_SHOWN_PATH), clip(&problem.en, MAX_SHOWN_PROBLEM))]
pub struct FieldError {
    /// Dotted path to the field, such as `answers.opgave-eigen`.
    pub path: String,
    /// What is wrong, in a sentence, in Dutch and English.
    pub problem: Text,
}

/// Why a response could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResponseError {
    /// The text is empty.
    #[error("the file is empty; expected a netwerkscan response (JSON)")]
    Empty,
    /// The text is too large to be a response.
    #[error("the file is {bytes} bytes; a response is at most {MAX_RESPONSE_BYTES} bytes")]
    TooLarge {
        /// Size of the rejected text.
        bytes: usize,
    },
    /// The text is within the limit, but the response would be written larger than
    /// that (every section written out, answers under their current ids), and could
    /// then not be opened again.
    #[error("the file is {bytes} bytes, and written out as a response it would be {written} bytes; a response is at most {MAX_RESPONSE_BYTES} bytes")]
    TooLargeWritten {
        /// Size of the text read.
        bytes: usize,
        /// Size of the response as the writer would write it, compactly.
        written: usize,
    },
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// The JSON is not a response file at all.
    #[error("not a netwerkscan response: {}", clip(&.0.en, MAX_SHOWN_PROBLEM))]
    NotAResponse(Text),
    /// A newer Netwerkscan wrote the file.
    #[error("version: this file has response format version {found}; this Netwerkscan reads up to version {RESPONSE_VERSION}. Update Netwerkscan to open it")]
    NewerVersion {
        /// The version in the file, as written.
        found: String,
    },
    /// The file is a response but some fields are wrong; all are kept here, and the
    /// message spells out the first [`MAX_LISTED_PROBLEMS`].
    #[error("{}", listed(.0, Lang::En))]
    Fields(Vec<FieldError>),
}

impl ResponseError {
    /// The message in `lang` (English for any language but Dutch); `Display` gives the
    /// English one.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if !lang.is_dutch() {
            return self.to_string();
        }
        match self {
            ResponseError::Empty => {
                "het bestand is leeg; verwacht een netwerkscan-antwoordbestand (JSON)".into()
            }
            ResponseError::TooLarge { bytes } => format!(
                "het bestand is {bytes} bytes; een antwoordbestand is hoogstens {MAX_RESPONSE_BYTES} bytes"
            ),
            ResponseError::TooLargeWritten { bytes, written } => format!(
                "het bestand is {bytes} bytes, en als antwoordbestand weggeschreven zou het {written} bytes zijn; een antwoordbestand is hoogstens {MAX_RESPONSE_BYTES} bytes"
            ),
            ResponseError::Syntax {
                line,
                column,
                message,
            } => format!("geen geldige JSON op regel {line}, kolom {column} ({message})"),
            ResponseError::NotAResponse(t) => {
                format!(
                    "geen netwerkscan-antwoordbestand: {}",
                    clip(&t.nl, MAX_SHOWN_PROBLEM)
                )
            }
            ResponseError::NewerVersion { found } => format!(
                "version: dit bestand heeft antwoordformaat versie {found}; deze Netwerkscan leest tot en met versie {RESPONSE_VERSION}. Werk Netwerkscan bij om het te openen"
            ),
            ResponseError::Fields(fields) => listed(fields, lang),
        }
    }

    /// The field problems, when the error is about fields.
    #[must_use]
    pub fn fields(&self) -> &[FieldError] {
        match self {
            ResponseError::Fields(f) => f,
            _ => &[],
        }
    }
}

/// A field's path is shown up to this many characters in a message.
const MAX_SHOWN_PATH: usize = 120;
/// A problem (which may quote the file's text) is shown up to this many characters.
const MAX_SHOWN_PROBLEM: usize = 600;

/// `text` cut to `max` characters, with "…" where it was cut: a message quotes what a
/// file says, and a file may say a megabyte.
pub(crate) fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

/// The message of a list of field problems: the first [`MAX_LISTED_PROBLEMS`] spelt
/// out, the rest counted, so that a file of a megabyte of problems gives a message of
/// a few kilobytes.
fn listed(fields: &[FieldError], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = fields
        .iter()
        .take(MAX_LISTED_PROBLEMS)
        .map(|f| {
            format!(
                "{}: {}",
                clip(&f.path, MAX_SHOWN_PATH),
                clip(f.problem.get(lang), MAX_SHOWN_PROBLEM)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let more = fields.len().saturating_sub(MAX_LISTED_PROBLEMS);
    if more > 0 {
        let _ = match (lang.is_dutch(), more) {
            (true, 1) => write!(out, "; en nog 1 probleem"),
            (true, _) => write!(out, "; en nog {more} problemen"),
            (false, 1) => write!(out, "; and 1 more problem"),
            (false, _) => write!(out, "; and {more} more problems"),
        };
    }
    out
}

/// An answer to one question: not given, "weet niet", or a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Answer<T> {
    /// The question was not answered (absent from the file).
    #[default]
    Unanswered,
    /// "Weet niet" (`null` in the file).
    Unknown,
    /// An answer.
    Given(T),
}

impl<T: Copy> Answer<T> {
    /// The value, when one was given.
    #[must_use]
    pub fn value(self) -> Option<T> {
        match self {
            Answer::Given(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the question was answered ("weet niet" counts as an answer).
    #[must_use]
    pub fn is_answered(self) -> bool {
        !matches!(self, Answer::Unanswered)
    }
}

/// Fields this version does not know, as their raw JSON text, in file order.
#[derive(Debug, Clone, Default)]
pub struct Extra(pub Vec<(String, Box<RawValue>)>);

impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((ka, va), (kb, vb))| ka == kb && va.get() == vb.get())
    }
}

impl Extra {
    /// Whether there are no unknown fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The raw JSON text of an unknown field.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.get())
    }
}

/// Which instrument a response answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InstrumentRef {
    /// The instrument's id.
    pub id: String,
    /// The instrument's version (after migration: the instrument's current version).
    pub version: String,
    /// The earlier version the answers were given to, for a response brought to this
    /// version (`"from": "1"` in the file): its scores count only the items that version
    /// asked, also after it was saved again.
    pub from: Option<String>,
    /// With `from`: how many answers to replaced items were left out when the response
    /// was first brought to this version (`"left_out": 3`), so the report can still say
    /// so after it was saved again.
    pub left_out: Option<usize>,
    /// Fields this version does not know.
    pub extra: Extra,
}

/// Who answered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Respondent {
    /// A name or nickname; may be empty.
    pub alias: String,
    /// The organisation the respondent speaks for.
    pub organisation: String,
    /// The roles the organisation has around the problem, in model order, each once.
    pub roles: Vec<Role>,
    /// Core or ring.
    pub position: Answer<Position>,
    /// The organisation's sector.
    pub sector: Answer<Sector>,
    /// The level the respondent works at.
    pub level: Answer<Level>,
    /// Fields this version does not know.
    pub extra: Extra,
}

/// Where the government stands on the participation ladder, and where it should.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LadderAnswer {
    /// Now.
    pub current: Answer<Rung>,
    /// Wanted.
    pub desired: Answer<Rung>,
    /// Fields this version does not know.
    pub extra: Extra,
}

/// The organisation's interest in the joint task, and its influence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interests {
    /// Interest, give, take, passion, by [`InterestQuestion::index`].
    pub answers: [Answer<Likert>; InterestQuestion::COUNT],
    /// Influence per source, by [`InfluenceSource::index`].
    pub influence: [Answer<Likert>; InfluenceSource::COUNT],
    /// Fields of `interests` this version does not know.
    pub extra: Extra,
    /// Fields of `interests.influence` this version does not know.
    pub influence_extra: Extra,
}

impl Interests {
    /// The answer to one question, if one on the scale was given.
    #[must_use]
    pub fn get(&self, q: InterestQuestion) -> Option<Likert> {
        self.answers[q.index()].value()
    }

    /// The influence through one source, if one on the scale was given.
    #[must_use]
    pub fn influence(&self, s: InfluenceSource) -> Option<Likert> {
        self.influence[s.index()].value()
    }
}

/// How a response to an earlier instrument version was brought to this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The instrument version the file answered.
    pub from: String,
    /// Answers to items that this version replaced, left out.
    pub left_out: usize,
    /// Per answer slot, whether the earlier version asked it (had an item that maps to
    /// it). Scores count "at least half answered" among the asked items only: a
    /// respondent cannot have answered a question that did not exist.
    pub asked: Vec<bool>,
}

/// One respondent's complete (or partial) scan.
///
/// ```
/// use netwerkregie::{Instrument, Response};
/// let instrument = Instrument::builtin();
/// let text = r#"{"format": "netwerkscan-response", "version": 2,
///   "instrument": {"id": "netwerkscan", "version": "2"},
///   "answers": {"opgave-eigen": 4, "opgave-samen": null}}"#;
/// let response = Response::from_json(text, instrument).unwrap();
/// assert_eq!(response.answer(instrument, "opgave-eigen").map(|l| l.get()), Some(4));
/// let bad = text.replace(": 4", ": 7");
/// let err = Response::from_json(&bad, instrument).unwrap_err();
/// assert!(err.to_string().contains("answers.opgave-eigen"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    /// The instrument answered.
    pub instrument: InstrumentRef,
    /// Who answered.
    pub respondent: Respondent,
    /// Chain or network.
    pub form: Answer<Form>,
    /// The statements' answers, by answer slot ([`Instrument::slot`]).
    pub answers: Vec<Answer<Likert>>,
    /// Importance per concept, by [`Concept::index`].
    pub importance: [Answer<Likert>; Concept::COUNT],
    /// Free text per concept, module or open question id, sorted by id.
    pub comments: Vec<(String, String)>,
    /// The participation ladder.
    pub ladder: LadderAnswer,
    /// Interests and influence.
    pub interests: Interests,
    /// Top-level fields this version does not know.
    pub extra: Extra,
    /// Set when the file answered an earlier instrument version.
    pub migrated: Option<Migration>,
}

impl Response {
    /// An empty response to `instrument`.
    #[must_use]
    pub fn new(instrument: &Instrument) -> Response {
        Response {
            instrument: InstrumentRef {
                id: instrument.id().to_owned(),
                version: instrument.version().to_owned(),
                from: None,
                left_out: None,
                extra: Extra::default(),
            },
            answers: vec![Answer::Unanswered; instrument.statement_count()],
            ..Response::default()
        }
    }

    /// The answer to a statement, if one on the scale was given.
    #[must_use]
    pub fn answer(&self, instrument: &Instrument, item: &str) -> Option<Likert> {
        let slot = instrument.slot(item)?;
        self.answers.get(usize::from(slot)).and_then(|a| a.value())
    }

    /// The importance given to a concept.
    #[must_use]
    pub fn importance(&self, concept: Concept) -> Option<Likert> {
        self.importance[concept.index()].value()
    }

    /// The comment or open answer under `key`.
    #[must_use]
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.comments[i].1.as_str())
    }

    /// Reads a response file's text (a UTF-8 byte order mark is allowed).
    pub fn from_json(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
        read::response(text, instrument)
    }

    /// The response as compact JSON, in the current format version, unknown fields kept.
    #[must_use]
    pub fn to_json(&self, instrument: &Instrument) -> String {
        write::to_json(self, instrument, false)
    }

    /// The response as pretty-printed JSON text, ready to save. A response that would
    /// be larger than [`MAX_RESPONSE_BYTES`] pretty-printed is written compactly, so
    /// that every response that was read is written so that it reads again.
    #[must_use]
    pub fn to_json_pretty(&self, instrument: &Instrument) -> String {
        let pretty = write::to_json(self, instrument, true);
        if pretty.len() > MAX_RESPONSE_BYTES {
            return write::to_json(self, instrument, false);
        }
        pretty
    }

    /// A 64-bit fingerprint of the content: equal responses have equal fingerprints,
    /// however their files were formatted, so the same response given twice can be
    /// found without keeping the responses. Use one `hasher` (a [`FingerprintState`])
    /// for every response of a run: with a hash keyed at random, nobody can craft a
    /// response that collides with another one they have not seen.
    #[must_use]
    pub fn fingerprint<S: BuildHasher>(&self, hasher: &S) -> u64 {
        // Everything goes into one buffer and through the hasher once: a keyed hash
        // costs per call, and a response is a few hundred small values.
        fn byte<T: Copy>(a: Answer<T>, code: impl Fn(T) -> u8) -> u8 {
            match a {
                Answer::Unanswered => 0,
                Answer::Unknown => 0xff,
                Answer::Given(v) => code(v).wrapping_add(1),
            }
        }
        fn answer<T: Copy>(out: &mut Vec<u8>, a: Answer<T>, code: impl Fn(T) -> u8) {
            out.push(byte(a, code));
        }
        fn text(out: &mut Vec<u8>, s: &str) {
            out.extend_from_slice(&(s.len() as u64).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        fn extra(out: &mut Vec<u8>, e: &Extra) {
            out.extend_from_slice(&(e.0.len() as u64).to_le_bytes());
            for (k, v) in &e.0 {
                text(out, k);
                text(out, v.get());
            }
        }
        let likert = |l: Likert| l.get();
        let mut out = Vec::with_capacity(256 + self.answers.len());
        let r = &self.respondent;
        text(&mut out, &self.instrument.id);
        extra(&mut out, &self.instrument.extra);
        text(&mut out, &r.alias);
        text(&mut out, &r.organisation);
        out.push(
            r.roles
                .iter()
                .fold(0u8, |bits, role| bits | 1 << role.index()),
        );
        answer(&mut out, r.position, |p| p.index() as u8);
        answer(&mut out, r.sector, |p| p.index() as u8);
        answer(&mut out, r.level, |p| p.index() as u8);
        extra(&mut out, &r.extra);
        answer(&mut out, self.form, |f| f.index() as u8);
        // In one go: the answers are most of the bytes.
        out.extend(self.answers.iter().map(|a| byte(*a, likert)));
        for a in self.importance {
            answer(&mut out, a, likert);
        }
        out.extend_from_slice(&(self.comments.len() as u64).to_le_bytes());
        for (k, v) in &self.comments {
            text(&mut out, k);
            text(&mut out, v);
        }
        answer(&mut out, self.ladder.current, |r| r.index() as u8);
        answer(&mut out, self.ladder.desired, |r| r.index() as u8);
        extra(&mut out, &self.ladder.extra);
        for a in self
            .interests
            .answers
            .iter()
            .chain(&self.interests.influence)
        {
            answer(&mut out, *a, likert);
        }
        extra(&mut out, &self.interests.extra);
        extra(&mut out, &self.interests.influence_extra);
        extra(&mut out, &self.extra);
        let mut h = hasher.build_hasher();
        h.write(&out);
        h.finish()
    }
}

/// A keyed 64-bit hash for [`Response::fingerprint`]: fast over a few hundred bytes
/// (eight at a time, folded through a 128-bit multiply), and seeded at random per run,
/// so a response cannot be made to pass for another that one has not seen.
#[derive(Debug, Clone, Copy)]
pub struct FingerprintState {
    seed: u64,
}

impl FingerprintState {
    /// A state with a random seed.
    #[must_use]
    pub fn new() -> FingerprintState {
        use std::hash::BuildHasher as _;
        // The standard library's random keys, without asking the OS again.
        let seed =
            std::collections::hash_map::RandomState::new().hash_one(0x6e65_7477_6572_6b73u64);
        FingerprintState { seed }
    }

    /// A state with a fixed seed (tests, reproducible runs).
    #[must_use]
    pub fn with_seed(seed: u64) -> FingerprintState {
        FingerprintState { seed }
    }
}

impl Default for FingerprintState {
    fn default() -> Self {
        FingerprintState::new()
    }
}

impl BuildHasher for FingerprintState {
    type Hasher = FingerprintHasher;

    fn build_hasher(&self) -> FingerprintHasher {
        FingerprintHasher {
            h: self.seed ^ 0xa076_1d64_78bd_642f,
            len: 0,
        }
    }
}

/// The hasher of [`FingerprintState`].
#[derive(Debug, Clone, Copy)]
pub struct FingerprintHasher {
    h: u64,
    len: u64,
}

/// Multiplies in 128 bits and folds: the mixing step of wyhash.
fn mum(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

impl Hasher for FingerprintHasher {
    fn write(&mut self, bytes: &[u8]) {
        const P1: u64 = 0xe703_7ed1_a0b4_28db;
        const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
        let mut chunks = bytes.chunks_exact(16);
        for c in &mut chunks {
            let a = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            let b = u64::from_le_bytes([c[8], c[9], c[10], c[11], c[12], c[13], c[14], c[15]]);
            self.h = mum(a ^ P1, b ^ self.h);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut tail = [0u8; 16];
            tail[..rest.len()].copy_from_slice(rest);
            let a = u64::from_le_bytes([
                tail[0], tail[1], tail[2], tail[3], tail[4], tail[5], tail[6], tail[7],
            ]);
            let b = u64::from_le_bytes([
                tail[8], tail[9], tail[10], tail[11], tail[12], tail[13], tail[14], tail[15],
            ]);
            self.h = mum(a ^ P2, b ^ self.h ^ rest.len() as u64);
        }
        self.len = self.len.wrapping_add(bytes.len() as u64);
    }

    fn finish(&self) -> u64 {
        mum(
            self.h ^ 0x5899_65cc_7537_4cc3,
            self.len ^ 0x1d8e_4e27_c47d_124f,
        )
    }
}

/// The fast reader alone: `Some` when it reads `text` (no byte order mark) itself, `None`
/// when it leaves it to the general reader. For tests and the fuzzer, which check that
/// the two agree. With the size checks of [`Response::from_json`] around it.
#[doc(hidden)]
#[must_use]
pub fn read_fast(text: &str, instrument: &Instrument) -> Option<Response> {
    read::fast_only(text, instrument)
}

/// The general reader alone, without the fast path: the same as
/// [`Response::from_json`] on every text. For tests and the fuzzer.
#[doc(hidden)]
pub fn read_general(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    read::general(text, instrument)
}

/// serde_json appends " at line L column C"; the error carries those separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
