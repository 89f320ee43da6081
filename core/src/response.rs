//! One respondent's answers: the interchange format between page, facilitator and CLI.
//!
//! Reading walks the JSON by hand rather than through derived `Deserialize`, so that
//! every problem names its field (`answers.opgave-1: 7 is not on the scale 1..5`) and
//! all problems of a file are reported at once. Fields this version does not know are
//! kept and written back unchanged.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::instrument::Instrument;
use crate::likert::Likert;
use crate::model::{Concept, InfluenceSource, InterestQuestion, Module, Position, Role, Rung};
use crate::text::{Lang, Text};

/// The `format` marker of a response file.
pub const RESPONSE_FORMAT: &str = "netwerkscan-response";
/// The response format version this crate writes.
pub const RESPONSE_VERSION: u64 = 1;
/// A response larger than this is refused before parsing: a full scan with long
/// comments is a few kilobytes.
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// One problem in a response, with the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {}", problem.en)]
pub struct FieldError {
    /// Dotted path to the field, such as `answers.opgave-1`.
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
    #[error("not a netwerkscan response: {}", .0.en)]
    NotAResponse(Text),
    /// A newer Netwerkscan wrote the file.
    #[error("version: this file has response format version {found}; this Netwerkscan reads up to version {RESPONSE_VERSION}. Update Netwerkscan to open it")]
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// The file is a response but some fields are wrong; all are listed.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Fields(Vec<FieldError>),
}

impl ResponseError {
    /// The message in `lang`; `Display` gives the English one.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (ResponseError::Empty, Lang::Nl) => {
                "het bestand is leeg; verwacht een netwerkscan-antwoordbestand (JSON)".into()
            }
            (ResponseError::TooLarge { bytes }, Lang::Nl) => format!(
                "het bestand is {bytes} bytes; een antwoordbestand is hoogstens {MAX_RESPONSE_BYTES} bytes"
            ),
            (ResponseError::Syntax { line, column, message }, Lang::Nl) => format!(
                "geen geldige JSON op regel {line}, kolom {column} ({message})"
            ),
            (ResponseError::NotAResponse(t), Lang::Nl) => {
                format!("geen netwerkscan-antwoordbestand: {}", t.nl)
            }
            (ResponseError::NewerVersion { found }, Lang::Nl) => format!(
                "version: dit bestand heeft antwoordformaat versie {found}; deze Netwerkscan leest tot en met versie {RESPONSE_VERSION}. Werk Netwerkscan bij om het te openen"
            ),
            (ResponseError::Fields(fields), Lang::Nl) => fields
                .iter()
                .map(|f| format!("{}: {}", f.path, f.problem.nl))
                .collect::<Vec<_>>()
                .join("; "),
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

/// Which instrument a response answers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InstrumentRef {
    /// The instrument's id.
    pub id: String,
    /// The instrument's version.
    pub version: String,
    /// Fields this version does not know, kept for the round trip.
    pub extra: Map<String, Value>,
}

/// Who answered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Respondent {
    /// A name or nickname; may be empty.
    pub alias: String,
    /// The organisation the respondent speaks for.
    pub organisation: String,
    /// The roles the organisation has around the problem.
    pub roles: Vec<Role>,
    /// Core or ring.
    pub position: Option<Position>,
    /// Fields this version does not know.
    pub extra: Map<String, Value>,
}

/// Where the government stands on the participation ladder, and where it should.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LadderAnswer {
    /// Now.
    pub current: Option<Rung>,
    /// Wanted.
    pub desired: Option<Rung>,
    /// Fields this version does not know.
    pub extra: Map<String, Value>,
}

/// The organisation's interest in the joint task, and its influence.
///
/// Like `answers`, a question that is absent was not answered and `None` is
/// "weet niet"; a file written back keeps that difference.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interests {
    /// Answers to interest, give, take and passion.
    pub answers: BTreeMap<InterestQuestion, Option<Likert>>,
    /// Influence per source.
    pub influence: BTreeMap<InfluenceSource, Option<Likert>>,
    /// Fields of `interests` this version does not know.
    pub extra: Map<String, Value>,
    /// Fields of `interests.influence` this version does not know.
    pub influence_extra: Map<String, Value>,
}

impl Interests {
    /// The answer to one question, if one on the scale was given.
    #[must_use]
    pub fn get(&self, q: InterestQuestion) -> Option<Likert> {
        self.answers.get(&q).copied().flatten()
    }

    /// The influence through one source, if one on the scale was given.
    #[must_use]
    pub fn influence(&self, s: InfluenceSource) -> Option<Likert> {
        self.influence.get(&s).copied().flatten()
    }
}

/// One respondent's complete (or partial) scan.
///
/// ```
/// use netwerkregie::{Instrument, Response};
/// let instrument = Instrument::builtin();
/// let text = r#"{"format": "netwerkscan-response", "version": 1,
///   "instrument": {"id": "netwerkscan", "version": "1"},
///   "answers": {"opgave-1": 4, "opgave-2": null}}"#;
/// let response = Response::from_json(text, instrument).unwrap();
/// assert_eq!(response.answer("opgave-1").map(|l| l.get()), Some(4));
/// let bad = text.replace(": 4", ": 7");
/// let err = Response::from_json(&bad, instrument).unwrap_err();
/// assert!(err.to_string().contains("answers.opgave-1"));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    /// The instrument answered.
    pub instrument: InstrumentRef,
    /// Who answered.
    pub respondent: Respondent,
    /// Item id to answer; `None` is "weet niet". Absent items are unanswered.
    pub answers: BTreeMap<String, Option<Likert>>,
    /// Importance per concept, `None` for "weet niet".
    pub importance: BTreeMap<Concept, Option<Likert>>,
    /// Free comments per concept or module id.
    pub comments: BTreeMap<String, String>,
    /// The participation ladder.
    pub ladder: LadderAnswer,
    /// Interests and influence.
    pub interests: Interests,
    /// Top-level fields this version does not know.
    pub extra: Map<String, Value>,
}

impl Response {
    /// An empty response to `instrument`.
    #[must_use]
    pub fn new(instrument: &Instrument) -> Response {
        Response {
            instrument: InstrumentRef {
                id: instrument.id().to_owned(),
                version: instrument.version().to_owned(),
                extra: Map::new(),
            },
            ..Response::default()
        }
    }

    /// The answer to an item, if one on the scale was given.
    #[must_use]
    pub fn answer(&self, item: &str) -> Option<Likert> {
        self.answers.get(item).copied().flatten()
    }

    /// Reads a response file's text.
    pub fn from_json(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
        if text.len() > MAX_RESPONSE_BYTES {
            return Err(ResponseError::TooLarge { bytes: text.len() });
        }
        if text.trim().is_empty() {
            return Err(ResponseError::Empty);
        }
        let value: Value = serde_json::from_str(text).map_err(|e| ResponseError::Syntax {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        Response::from_value(value, instrument)
    }

    /// Reads a response that is already parsed as JSON (as the wasm binding gets it).
    pub fn from_value(value: Value, instrument: &Instrument) -> Result<Response, ResponseError> {
        let Value::Object(mut top) = value else {
            return Err(ResponseError::NotAResponse(Text {
                nl: format!(
                    "verwacht een JSON-object, gevonden: {}",
                    kind(&value, Lang::Nl)
                ),
                en: format!("expected a JSON object, found {}", kind(&value, Lang::En)),
            }));
        };
        match top.remove("format") {
            Some(Value::String(f)) if f == RESPONSE_FORMAT => {}
            Some(other) => {
                return Err(ResponseError::NotAResponse(Text {
                    nl: format!("format is {other}, verwacht \"{RESPONSE_FORMAT}\""),
                    en: format!("format is {other}, expected \"{RESPONSE_FORMAT}\""),
                }))
            }
            None => {
                return Err(ResponseError::NotAResponse(Text {
                    nl: format!("het veld \"format\" ontbreekt (verwacht \"{RESPONSE_FORMAT}\")"),
                    en: format!("the field \"format\" is missing (expected \"{RESPONSE_FORMAT}\")"),
                }))
            }
        }
        let version = match top.remove("version") {
            Some(Value::Number(n)) => n.as_u64().ok_or_else(|| {
                ResponseError::NotAResponse(Text {
                    nl: format!("version {n} is geen geheel getal"),
                    en: format!("version {n} is not a whole number"),
                })
            })?,
            Some(other) => {
                return Err(ResponseError::NotAResponse(Text {
                    nl: format!("version is {other}, verwacht een getal zoals {RESPONSE_VERSION}"),
                    en: format!("version is {other}, expected a number such as {RESPONSE_VERSION}"),
                }))
            }
            None => {
                return Err(ResponseError::NotAResponse(Text::new(
                    "het veld \"version\" ontbreekt",
                    "the field \"version\" is missing",
                )))
            }
        };
        if version > RESPONSE_VERSION {
            return Err(ResponseError::NewerVersion { found: version });
        }
        if version == 0 {
            migrate_v0(&mut top);
        }
        let mut r = Reader::default();
        let response = r.response(top, instrument);
        if r.errors.is_empty() {
            Ok(response)
        } else {
            Err(ResponseError::Fields(r.errors))
        }
    }

    /// The response as JSON, in the current format version, unknown fields kept.
    #[must_use]
    pub fn to_value(&self) -> Value {
        let mut top = Map::new();
        top.insert("format".into(), RESPONSE_FORMAT.into());
        top.insert("version".into(), RESPONSE_VERSION.into());

        let mut instrument = Map::new();
        instrument.insert("id".into(), self.instrument.id.clone().into());
        instrument.insert("version".into(), self.instrument.version.clone().into());
        extend(&mut instrument, &self.instrument.extra);
        top.insert("instrument".into(), instrument.into());

        let p = &self.respondent;
        let mut respondent = Map::new();
        respondent.insert("alias".into(), p.alias.clone().into());
        respondent.insert("organisation".into(), p.organisation.clone().into());
        respondent.insert(
            "roles".into(),
            p.roles.iter().map(|r| Value::from(r.id())).collect(),
        );
        respondent.insert("position".into(), p.position.map(Position::id).into());
        extend(&mut respondent, &p.extra);
        top.insert("respondent".into(), respondent.into());

        top.insert(
            "answers".into(),
            self.answers
                .iter()
                .map(|(k, v)| (k.clone(), likert_value(*v)))
                .collect::<Map<_, _>>()
                .into(),
        );
        top.insert(
            "importance".into(),
            self.importance
                .iter()
                .map(|(k, v)| (k.id().to_owned(), likert_value(*v)))
                .collect::<Map<_, _>>()
                .into(),
        );
        top.insert(
            "comments".into(),
            self.comments
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                .collect::<Map<_, _>>()
                .into(),
        );

        let mut ladder = Map::new();
        ladder.insert("current".into(), self.ladder.current.map(Rung::id).into());
        ladder.insert("desired".into(), self.ladder.desired.map(Rung::id).into());
        extend(&mut ladder, &self.ladder.extra);
        top.insert("ladder".into(), ladder.into());

        let mut interests = Map::new();
        for (q, v) in &self.interests.answers {
            interests.insert(q.id().into(), likert_value(*v));
        }
        let mut influence = Map::new();
        for (source, v) in &self.interests.influence {
            influence.insert(source.id().into(), likert_value(*v));
        }
        extend(&mut influence, &self.interests.influence_extra);
        interests.insert("influence".into(), influence.into());
        extend(&mut interests, &self.interests.extra);
        top.insert("interests".into(), interests.into());

        extend(&mut top, &self.extra);
        Value::Object(top)
    }

    /// The response as pretty-printed JSON text, ready to save.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        // Serialising a `Value` cannot fail: all keys are strings.
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }
}

fn extend(into: &mut Map<String, Value>, extra: &Map<String, Value>) {
    for (k, v) in extra {
        into.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

fn likert_value(v: Option<Likert>) -> Value {
    v.map_or(Value::Null, |l| Value::from(l.get()))
}

/// serde_json appends " at line L column C"; the error carries those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Version 0 was the prototype's draft: `scores` instead of `answers`, and the ladder
/// as two flat fields.
fn migrate_v0(top: &mut Map<String, Value>) {
    if !top.contains_key("answers") {
        if let Some(scores) = top.remove("scores") {
            top.insert("answers".into(), scores);
        }
    }
    let current = top.remove("ladder_current");
    let desired = top.remove("ladder_desired");
    if (current.is_some() || desired.is_some()) && !top.contains_key("ladder") {
        let mut ladder = Map::new();
        ladder.insert("current".into(), current.unwrap_or(Value::Null));
        ladder.insert("desired".into(), desired.unwrap_or(Value::Null));
        top.insert("ladder".into(), ladder.into());
    }
}

fn kind(v: &Value, lang: Lang) -> &'static str {
    let (nl, en) = match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("true/false", "true/false"),
        Value::Number(_) => ("een getal", "a number"),
        Value::String(_) => ("tekst", "text"),
        Value::Array(_) => ("een lijst", "a list"),
        Value::Object(_) => ("een object", "an object"),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// Walks a response object, collecting every field problem.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn error(&mut self, path: &str, nl: String, en: String) {
        self.errors.push(FieldError {
            path: path.to_owned(),
            problem: Text { nl, en },
        });
    }

    fn response(&mut self, mut top: Map<String, Value>, instrument: &Instrument) -> Response {
        let instrument_ref = match top.remove("instrument") {
            Some(v) => self.instrument_ref(v, instrument),
            None => {
                self.error(
                    "instrument",
                    "ontbreekt (verwacht {\"id\": ..., \"version\": ...})".into(),
                    "is missing (expected {\"id\": ..., \"version\": ...})".into(),
                );
                InstrumentRef::default()
            }
        };
        let answers = match top.remove("answers") {
            Some(Value::Null) => {
                self.error(
                    "answers",
                    "is null; verwacht een object met de antwoorden per vraag".into(),
                    "is null; expected an object of item answers".into(),
                );
                BTreeMap::new()
            }
            Some(v) => self.answers(v, instrument),
            None => {
                self.error(
                    "answers",
                    "ontbreekt (verwacht een object met de antwoorden per vraag)".into(),
                    "is missing (expected an object of item answers)".into(),
                );
                BTreeMap::new()
            }
        };
        let respondent = match top.remove("respondent") {
            Some(v) => self.respondent(v),
            None => Respondent::default(),
        };
        let importance = match top.remove("importance") {
            Some(v) => self.importance(v),
            None => BTreeMap::new(),
        };
        let comments = match top.remove("comments") {
            Some(v) => self.comments(v),
            None => BTreeMap::new(),
        };
        let ladder = match top.remove("ladder") {
            Some(v) => self.ladder(v),
            None => LadderAnswer::default(),
        };
        let interests = match top.remove("interests") {
            Some(v) => self.interests(v),
            None => Interests::default(),
        };
        Response {
            instrument: instrument_ref,
            respondent,
            answers,
            importance,
            comments,
            ladder,
            interests,
            extra: top,
        }
    }

    fn object(&mut self, path: &str, v: Value) -> Option<Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            Value::Null => Some(Map::new()),
            other => {
                self.error(
                    path,
                    format!("verwacht een object, gevonden: {}", kind(&other, Lang::Nl)),
                    format!("expected an object, found {}", kind(&other, Lang::En)),
                );
                None
            }
        }
    }

    fn string(&mut self, path: &str, v: Option<Value>) -> String {
        match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s,
            Some(other) => {
                self.error(
                    path,
                    format!("verwacht tekst, gevonden: {}", kind(&other, Lang::Nl)),
                    format!("expected text, found {}", kind(&other, Lang::En)),
                );
                String::new()
            }
        }
    }

    fn likert(&mut self, path: &str, v: &Value) -> Option<Likert> {
        match v {
            Value::Null => None,
            Value::Number(n) => {
                let whole = n.as_u64().or_else(|| {
                    n.as_f64()
                        .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                        .map(|f| f as u64)
                });
                match whole {
                    Some(w) => match u8::try_from(w).ok().and_then(Likert::new) {
                        Some(l) => Some(l),
                        None => {
                            self.error(
                                path,
                                format!("{n} ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")"),
                                format!("{n} is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")"),
                            );
                            None
                        }
                    },
                    None => {
                        self.error(
                            path,
                            format!("{n} is geen geheel getal op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null)"),
                            format!("{n} is not a whole number on the scale 1..5 (use 1, 2, 3, 4, 5 or null)"),
                        );
                        None
                    }
                }
            }
            Value::String(s) => {
                self.error(
                    path,
                    format!("\"{s}\" is tekst; schrijf het getal zonder aanhalingstekens (1..5) of null"),
                    format!("\"{s}\" is text; write the number without quotes (1..5) or null"),
                );
                None
            }
            other => {
                self.error(
                    path,
                    format!(
                        "verwacht een getal 1..5 of null, gevonden: {}",
                        kind(other, Lang::Nl)
                    ),
                    format!(
                        "expected a number 1..5 or null, found {}",
                        kind(other, Lang::En)
                    ),
                );
                None
            }
        }
    }

    fn id<T>(
        &mut self,
        path: &str,
        v: Value,
        parse: fn(&str) -> Option<T>,
        ids: &str,
    ) -> Option<T> {
        match v {
            Value::Null => None,
            Value::String(s) => {
                let found = parse(&s);
                if found.is_none() {
                    self.error(
                        path,
                        format!("onbekende waarde \"{s}\" (verwacht een van {ids})"),
                        format!("unknown value \"{s}\" (expected one of {ids})"),
                    );
                }
                found
            }
            other => {
                self.error(
                    path,
                    format!(
                        "verwacht een van {ids} of null, gevonden: {}",
                        kind(&other, Lang::Nl)
                    ),
                    format!(
                        "expected one of {ids} or null, found {}",
                        kind(&other, Lang::En)
                    ),
                );
                None
            }
        }
    }

    fn instrument_ref(&mut self, v: Value, instrument: &Instrument) -> InstrumentRef {
        let Some(mut m) = self.object("instrument", v) else {
            return InstrumentRef::default();
        };
        let id = self.string("instrument.id", m.remove("id"));
        let version = match m.remove("version") {
            Some(Value::Number(n)) => n.to_string(),
            other => self.string("instrument.version", other),
        };
        if id != instrument.id() {
            self.error(
                "instrument.id",
                format!(
                    "dit bestand beantwoordt het instrument \"{id}\", niet \"{}\"",
                    instrument.id()
                ),
                format!(
                    "this file answers the instrument \"{id}\", not \"{}\"",
                    instrument.id()
                ),
            );
        }
        InstrumentRef {
            id,
            version,
            extra: m,
        }
    }

    fn answers(&mut self, v: Value, instrument: &Instrument) -> BTreeMap<String, Option<Likert>> {
        let mut answers = BTreeMap::new();
        let Some(m) = self.object("answers", v) else {
            return answers;
        };
        for (item, value) in m {
            let path = format!("answers.{item}");
            if instrument.item(&item).is_none() {
                self.error(
                    &path,
                    format!(
                        "onbekende vraag (instrument {} {} heeft geen vraag \"{item}\")",
                        instrument.id(),
                        instrument.version()
                    ),
                    format!(
                        "unknown item (instrument {} {} has no item \"{item}\")",
                        instrument.id(),
                        instrument.version()
                    ),
                );
                continue;
            }
            let answer = self.likert(&path, &value);
            answers.insert(item, answer);
        }
        answers
    }

    fn respondent(&mut self, v: Value) -> Respondent {
        let Some(mut m) = self.object("respondent", v) else {
            return Respondent::default();
        };
        let alias = self.string("respondent.alias", m.remove("alias"));
        let organisation = self.string("respondent.organisation", m.remove("organisation"));
        let mut roles = Vec::new();
        match m.remove("roles") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for (i, r) in list.into_iter().enumerate() {
                    if let Some(role) = self.id(
                        &format!("respondent.roles[{i}]"),
                        r,
                        Role::parse,
                        &Role::ids(),
                    ) {
                        if !roles.contains(&role) {
                            roles.push(role);
                        }
                    }
                }
            }
            Some(other) => self.error(
                "respondent.roles",
                format!(
                    "verwacht een lijst van rollen, gevonden: {}",
                    kind(&other, Lang::Nl)
                ),
                format!("expected a list of roles, found {}", kind(&other, Lang::En)),
            ),
        }
        roles.sort();
        let position = m
            .remove("position")
            .and_then(|p| self.id("respondent.position", p, Position::parse, &Position::ids()));
        Respondent {
            alias,
            organisation,
            roles,
            position,
            extra: m,
        }
    }

    fn importance(&mut self, v: Value) -> BTreeMap<Concept, Option<Likert>> {
        let mut out = BTreeMap::new();
        let Some(m) = self.object("importance", v) else {
            return out;
        };
        for (key, value) in m {
            let path = format!("importance.{key}");
            match Concept::parse(&key) {
                Some(c) => {
                    let l = self.likert(&path, &value);
                    out.insert(c, l);
                }
                None => self.error(
                    &path,
                    format!("onbekend begrip (verwacht een van {})", Concept::ids()),
                    format!("unknown concept (expected one of {})", Concept::ids()),
                ),
            }
        }
        out
    }

    fn comments(&mut self, v: Value) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(m) = self.object("comments", v) else {
            return out;
        };
        for (key, value) in m {
            let path = format!("comments.{key}");
            if Concept::parse(&key).is_none() && Module::parse(&key).is_none() {
                self.error(
                    &path,
                    format!(
                        "opmerkingen horen bij een begrip ({}) of een onderdeel ({})",
                        Concept::ids(),
                        Module::ids()
                    ),
                    format!(
                        "comments belong to a concept ({}) or a module ({})",
                        Concept::ids(),
                        Module::ids()
                    ),
                );
                continue;
            }
            let text = self.string(&path, Some(value));
            out.insert(key, text);
        }
        out
    }

    fn ladder(&mut self, v: Value) -> LadderAnswer {
        let Some(mut m) = self.object("ladder", v) else {
            return LadderAnswer::default();
        };
        let current = m
            .remove("current")
            .and_then(|c| self.id("ladder.current", c, Rung::parse, &Rung::ids()));
        let desired = m
            .remove("desired")
            .and_then(|c| self.id("ladder.desired", c, Rung::parse, &Rung::ids()));
        LadderAnswer {
            current,
            desired,
            extra: m,
        }
    }

    fn interests(&mut self, v: Value) -> Interests {
        let mut out = Interests::default();
        let Some(mut m) = self.object("interests", v) else {
            return out;
        };
        for q in InterestQuestion::ALL {
            if let Some(value) = m.remove(q.id()) {
                let answer = self.likert(&format!("interests.{q}"), &value);
                out.answers.insert(*q, answer);
            }
        }
        if let Some(inf) = m.remove("influence") {
            if let Some(mut inf) = self.object("interests.influence", inf) {
                for s in InfluenceSource::ALL {
                    if let Some(value) = inf.remove(s.id()) {
                        let answer = self.likert(&format!("interests.influence.{s}"), &value);
                        out.influence.insert(*s, answer);
                    }
                }
                out.influence_extra = inf;
            }
        }
        out.extra = m;
        out
    }
}
