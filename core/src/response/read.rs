//! Reading a response in one pass of serde over the text.
//!
//! Each section of the file has a visitor that fills the typed [`Response`] directly.
//! A value of the wrong kind is written down as a [`FieldError`] with its path and
//! reading goes on, so that every problem is named at once; only text that is not JSON
//! at all stops the reading. Keys are borrowed from the text, answers are looked up by
//! id in the instrument's index, and unknown fields are kept as raw JSON text.
//!
//! Rules that hostile files taught us:
//! - a key given twice is refused, naming it (JSON itself would keep the last);
//! - answers are whole numbers: `3.0` is refused, as `version: 1.0` is;
//! - a version that is negative or beyond any version gets a message that says so;
//! - a UTF-8 byte order mark is allowed, as browsers allow it.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{
    Answer, Extra, FieldError, InstrumentRef, Interests, LadderAnswer, Migration, Respondent,
    Response, ResponseError, MAX_RESPONSE_BYTES, RESPONSE_FORMAT, RESPONSE_VERSION,
};
use crate::instrument::{Instrument, Previous};
// What kind of JSON value was found, for messages: the instrument reader's kinds, so a
// response and an instrument say "een getal" / "a number" alike.
use crate::instrument::JsonKind as Kind;
use crate::likert::Likert;
use crate::model::{
    Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung, Sector,
};
use crate::text::Text;

/// Reads a response file's text: the fast reader ([`super::fast`]) for the plain
/// common case, else the general one.
pub(super) fn response(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    checked(text, instrument, true)
}

/// The general reader, for every text the fast one leaves: checked and named field by
/// field. The same as [`response`] on every text, without the fast path.
pub(super) fn general(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    checked(text, instrument, false)
}

/// The fast reader with the checks [`response`] puts around it: `Some` only for a text
/// that [`response`] reads, and then the same response.
pub(super) fn fast_only(text: &str, instrument: &Instrument) -> Option<Response> {
    if text.len() > MAX_RESPONSE_BYTES {
        return None;
    }
    let response = super::fast::read(text, instrument)?;
    fits(text, &response, instrument).ok()?;
    Some(response)
}

fn checked(text: &str, instrument: &Instrument, fast: bool) -> Result<Response, ResponseError> {
    if text.len() > MAX_RESPONSE_BYTES {
        return Err(ResponseError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ResponseError::Empty);
    }
    let fast = if fast {
        super::fast::read(text, instrument)
    } else {
        None
    };
    let response = match fast {
        Some(response) => response,
        None => passes(text, instrument)?,
    };
    fits(text, &response, instrument)?;
    Ok(response)
}

/// What is read must be written again within the limit (the page saves what it opened,
/// and must be able to open that file again: finding F3 of FUZZING.md). Writing adds
/// every section a file left out, and a migrated response's new item ids, so a text
/// close to the limit is also measured as it will be written: the writer's compact
/// form must fit too.
fn fits(text: &str, response: &Response, instrument: &Instrument) -> Result<(), ResponseError> {
    if text.len().saturating_add(instrument.growth_bound()) > MAX_RESPONSE_BYTES {
        let written = super::write::to_json(response, instrument, false).len();
        if written > MAX_RESPONSE_BYTES {
            return Err(ResponseError::TooLargeWritten {
                bytes: text.len(),
                written,
            });
        }
    }
    Ok(())
}

/// The general reader's passes over a text of any size.
fn passes(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    // Most files answer the current version; the rare older one is read a second time
    // with its version's id map, once the first pass has found out which version it is.
    match pass(text, instrument, None)? {
        Pass::Done(result) => result.map(|r| *r),
        Pass::Version0 => version0(text, instrument),
        Pass::Previous(previous) => match pass(text, instrument, Some(previous))? {
            Pass::Done(result) => result.map(|r| *r),
            // The second pass knows the version, so it cannot ask for another.
            Pass::Version0 | Pass::Previous(_) => Err(ResponseError::NotAResponse(Text::new(
                "de versie van het instrument is niet te bepalen",
                "the instrument version cannot be determined",
            ))),
        },
    }
}

enum Pass<'i> {
    Done(Result<Box<Response>, ResponseError>),
    /// The file is the prototype's version 0: migrate it first.
    Version0,
    /// The file answers this earlier instrument version: read again with its id map.
    Previous(&'i Previous),
}

fn syntax(e: &serde_json::Error) -> ResponseError {
    ResponseError::Syntax {
        line: e.line(),
        column: e.column(),
        message: super::strip_position(&e.to_string()),
    }
}

fn pass<'i>(
    text: &str,
    instrument: &'i Instrument,
    previous: Option<&'i Previous>,
) -> Result<Pass<'i>, ResponseError> {
    let mut reader = Reader {
        instrument,
        previous,
        errors: Vec::new(),
        left_out: 0,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let top = TopSeed { r: &mut reader }
        .deserialize(&mut de)
        .map_err(|e| syntax(&e))?;
    de.end().map_err(|e| syntax(&e))?;
    match top {
        Top::Object(top) => finish(*top, reader),
        Top::NotObject(kind) => Ok(Pass::Done(Err(ResponseError::NotAResponse(Text::new(
            format!("verwacht een JSON-object, gevonden: {}", kind.nl()),
            format!("expected a JSON object, found {}", kind.en()),
        ))))),
    }
}

fn finish(top: TopFields, mut reader: Reader<'_>) -> Result<Pass<'_>, ResponseError> {
    let not = |nl: String, en: String| {
        Ok(Pass::Done(Err(ResponseError::NotAResponse(Text::new(
            nl, en,
        )))))
    };
    match top.format {
        Some(Any::Str(f)) if f == RESPONSE_FORMAT => {}
        Some(other) => {
            let shown = other.shown();
            return not(
                format!("format is {shown}, verwacht \"{RESPONSE_FORMAT}\""),
                format!("format is {shown}, expected \"{RESPONSE_FORMAT}\""),
            );
        }
        None => {
            return not(
                format!("het veld \"format\" ontbreekt (verwacht \"{RESPONSE_FORMAT}\")"),
                format!("the field \"format\" is missing (expected \"{RESPONSE_FORMAT}\")"),
            )
        }
    }
    let version = match top.version {
        Some(Any::U64(v)) => v,
        Some(Any::I64(v)) => {
            return not(
                format!("version {v} is geen versienummer (verwacht een geheel getal van 0 tot en met {RESPONSE_VERSION})"),
                format!("version {v} is not a version number (expected a whole number from 0 to {RESPONSE_VERSION})"),
            )
        }
        Some(Any::F64(f)) if f.fract() == 0.0 && f >= 18_446_744_073_709_551_616.0 => {
            return Ok(Pass::Done(Err(ResponseError::NewerVersion {
                found: format!("{f:.0}"),
            })))
        }
        Some(Any::F64(f)) if f.fract() == 0.0 => {
            return not(
                format!("version {f:?} heeft decimalen; schrijf de versie zonder decimalen, zoals {RESPONSE_VERSION}"),
                format!("version {f:?} has decimals; write the version without decimals, such as {RESPONSE_VERSION}"),
            )
        }
        Some(Any::F64(f)) => {
            return not(
                format!("version {f:?} is geen geheel getal; schrijf de versie zonder decimalen, zoals {RESPONSE_VERSION}"),
                format!("version {f:?} is not a whole number; write the version without decimals, such as {RESPONSE_VERSION}"),
            )
        }
        Some(other) => {
            let shown = other.shown();
            return not(
                format!("version is {shown}, verwacht een getal zoals {RESPONSE_VERSION}"),
                format!("version is {shown}, expected a number such as {RESPONSE_VERSION}"),
            );
        }
        None => {
            return not(
                "het veld \"version\" ontbreekt".into(),
                "the field \"version\" is missing".into(),
            )
        }
    };
    if version > RESPONSE_VERSION {
        return Ok(Pass::Done(Err(ResponseError::NewerVersion {
            found: version.to_string(),
        })));
    }
    if version == 0 && reader.previous.is_none() {
        return Ok(Pass::Version0);
    }
    let instrument = reader.instrument;
    let mut response = top.response;
    match top.instrument {
        // A value of the wrong kind is reported already; no reference to check then.
        None if reader.errors.iter().any(|e| e.path == "instrument") => {}
        None => reader.error(
            "instrument".into(),
            "ontbreekt (verwacht {\"id\": ..., \"version\": ...})".into(),
            "is missing (expected {\"id\": ..., \"version\": ...})".into(),
        ),
        Some(r) => {
            if r.id != instrument.id() {
                reader.error(
                    "instrument.id".into(),
                    format!(
                        "dit bestand beantwoordt het instrument \"{}\", niet \"{}\"",
                        r.id,
                        instrument.id()
                    ),
                    format!(
                        "this file answers the instrument \"{}\", not \"{}\"",
                        r.id,
                        instrument.id()
                    ),
                );
            } else if r.version != instrument.version() {
                match (reader.previous, instrument.previous(&r.version)) {
                    (None, Some(previous)) => return Ok(Pass::Previous(previous)),
                    (Some(_), Some(_)) => {}
                    (_, None) => {
                        let known: Vec<&str> = std::iter::once(instrument.version())
                            .chain(
                                instrument
                                    .file()
                                    .previous
                                    .iter()
                                    .map(|p| p.version.as_ref()),
                            )
                            .collect();
                        reader.error(
                            "instrument.version".into(),
                            format!(
                                "dit bestand beantwoordt versie \"{}\" van het instrument; deze Netwerkscan kent versie {}",
                                r.version,
                                known.join(", ")
                            ),
                            format!(
                                "this file answers version \"{}\" of the instrument; this Netwerkscan knows version {}",
                                r.version,
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
            response.instrument = r;
        }
    }
    if !top.answers_seen {
        reader.error(
            "answers".into(),
            "ontbreekt (verwacht een object met de antwoorden per vraag)".into(),
            "is missing (expected an object of item answers)".into(),
        );
    }
    if version < 2 {
        // Version 1 had no "weet niet" on the ladder or the position: null meant "not chosen".
        for a in [&mut response.ladder.current, &mut response.ladder.desired] {
            if *a == Answer::Unknown {
                *a = Answer::Unanswered;
            }
        }
        if response.respondent.position == Answer::Unknown {
            response.respondent.position = Answer::Unanswered;
        }
    }
    // Brought to this version now, or in an earlier session and saved again since.
    let earlier = match (reader.previous, response.instrument.from.as_deref()) {
        (Some(previous), _) => Some(previous),
        (None, Some(from)) => {
            let known = instrument.previous(from);
            if known.is_none() {
                reader.error(
                    "instrument.from".into(),
                    format!("versie \"{from}\" van het instrument is onbekend"),
                    format!("version \"{from}\" of the instrument is not known"),
                );
            }
            known
        }
        (None, None) => {
            if response.instrument.left_out.is_some() {
                reader.error(
                    "instrument.left_out".into(),
                    "hoort alleen bij \"from\" (de eerdere versie waarvan de antwoorden komen)"
                        .into(),
                    "belongs only with \"from\" (the earlier version the answers come from)".into(),
                );
            }
            None
        }
    };
    if let Some(previous) = earlier {
        let mut asked = vec![false; instrument.statement_count()];
        for new in previous.items.iter().filter_map(|(_, new)| new.as_ref()) {
            if let Some(slot) = instrument.slot(new) {
                asked[usize::from(slot)] = true;
            }
        }
        // Left out now, or when the file was first brought here (it says so since).
        let before = response.instrument.left_out.take().unwrap_or(0);
        response.migrated = Some(Migration {
            from: previous.version.to_string(),
            left_out: reader.left_out.saturating_add(before),
            asked,
        });
        instrument
            .version()
            .clone_into(&mut response.instrument.version);
        response.instrument.from = Some(previous.version.to_string());
    }
    if reader.errors.is_empty() {
        response.comments.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Pass::Done(Ok(Box::new(response))))
    } else {
        Ok(Pass::Done(Err(ResponseError::Fields(reader.errors))))
    }
}

/// Version 0 was the prototype's draft: `scores` instead of `answers`, and the ladder
/// as two flat fields. It is rewritten as version 1 and read again. Values are moved as
/// their raw text, so unknown fields keep every digit, as in any other version.
fn version0(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    use std::collections::BTreeMap;
    let raw = |json: &str| RawValue::from_string(json.to_owned()).map_err(|e| syntax(&e));
    let mut top: BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(text).map_err(|e| syntax(&e))?;
    if !top.contains_key("answers") {
        if let Some(scores) = top.remove("scores") {
            top.insert("answers".into(), scores);
        }
    }
    let current = top.remove("ladder_current");
    let desired = top.remove("ladder_desired");
    if (current.is_some() || desired.is_some()) && !top.contains_key("ladder") {
        let get = |v: &Option<Box<RawValue>>| v.as_ref().map_or("null", |v| v.get()).to_owned();
        let ladder = format!(
            "{{\"current\":{},\"desired\":{}}}",
            get(&current),
            get(&desired)
        );
        top.insert("ladder".into(), raw(&ladder)?);
    }
    top.insert("version".into(), raw("1")?);
    let text = serde_json::to_string(&top).map_err(|e| syntax(&e))?;
    passes(&text, instrument)
}

/// Collects field errors and resolves answer ids.
struct Reader<'i> {
    instrument: &'i Instrument,
    /// The id map of the earlier version the file answers, in the second pass.
    previous: Option<&'i Previous>,
    errors: Vec<FieldError>,
    /// Answers to items that this version replaced.
    left_out: usize,
}

impl Reader<'_> {
    fn error(&mut self, path: String, nl: String, en: String) {
        self.errors.push(FieldError {
            path,
            problem: Text::new(nl, en),
        });
    }

    fn wrong_kind(&mut self, path: String, expected_nl: &str, expected_en: &str, found: Kind) {
        self.error(
            path,
            format!("verwacht {expected_nl}, gevonden: {}", found.nl()),
            format!("expected {expected_en}, found {}", found.en()),
        );
    }

    fn duplicate(&mut self, path: String) {
        self.error(
            path,
            "staat twee keer in hetzelfde object; laat er één staan".into(),
            "appears twice in the same object; keep one".into(),
        );
    }

    fn likert(&mut self, path: impl FnOnce() -> String, v: &Any<'_>) -> Answer<Likert> {
        match v {
            Any::Null => Answer::Unknown,
            Any::U64(n) => match u8::try_from(*n).ok().and_then(Likert::new) {
                Some(l) => Answer::Given(l),
                None => {
                    self.error(
                        path(),
                        format!("{n} ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")"),
                        format!("{n} is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")"),
                    );
                    Answer::Unanswered
                }
            },
            Any::I64(n) => {
                self.error(
                    path(),
                    format!("{n} ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")"),
                    format!("{n} is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")"),
                );
                Answer::Unanswered
            }
            // 3.0 is a whole number written with decimals; the format writes integers.
            Any::F64(f) if f.fract() == 0.0 && (1.0..=5.0).contains(f) => {
                self.error(
                    path(),
                    format!("{f:?} heeft decimalen; schrijf {f:.0} (zonder decimalen) of null"),
                    format!("{f:?} has decimals; write {f:.0} (without decimals) or null"),
                );
                Answer::Unanswered
            }
            Any::F64(f) if f.fract() == 0.0 => {
                self.error(
                    path(),
                    format!("{f:?} ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")"),
                    format!("{f:?} is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")"),
                );
                Answer::Unanswered
            }
            Any::F64(f) => {
                self.error(
                    path(),
                    format!("{f:?} is geen geheel getal; schrijf 1, 2, 3, 4 of 5 zonder decimalen, of null"),
                    format!("{f:?} is not a whole number; write 1, 2, 3, 4 or 5 without decimals, or null"),
                );
                Answer::Unanswered
            }
            Any::Str(s) => {
                self.error(
                    path(),
                    format!("\"{s}\" is tekst; schrijf het getal zonder aanhalingstekens (1..5) of null"),
                    format!("\"{s}\" is text; write the number without quotes (1..5) or null"),
                );
                Answer::Unanswered
            }
            other => {
                let kind = other.kind();
                self.wrong_kind(
                    path(),
                    "een getal 1..5 of null",
                    "a number 1..5 or null",
                    kind,
                );
                Answer::Unanswered
            }
        }
    }

    fn string(&mut self, path: impl FnOnce() -> String, v: Any<'_>) -> String {
        match v {
            Any::Null => String::new(),
            Any::Str(s) => s.into_owned(),
            other => {
                self.wrong_kind(path(), "tekst", "text", other.kind());
                String::new()
            }
        }
    }

    fn id<T>(
        &mut self,
        path: impl FnOnce() -> String,
        v: Any<'_>,
        parse: fn(&str) -> Option<T>,
        ids: fn() -> String,
    ) -> Answer<T> {
        match v {
            Any::Null => Answer::Unknown,
            Any::Str(s) => match parse(&s) {
                Some(id) => Answer::Given(id),
                None => {
                    let ids = ids();
                    self.error(
                        path(),
                        format!("onbekende waarde \"{s}\" (verwacht een van {ids})"),
                        format!("unknown value \"{s}\" (expected one of {ids})"),
                    );
                    Answer::Unanswered
                }
            },
            other => {
                let ids = ids();
                self.error(
                    path(),
                    format!(
                        "verwacht een van {ids} of null, gevonden: {}",
                        other.kind().nl()
                    ),
                    format!("expected one of {ids} or null, found {}", other.kind().en()),
                );
                Answer::Unanswered
            }
        }
    }

    /// The answer slot of an answer key, or why it has none.
    fn slot(&mut self, key: &str, hint: usize) -> Target {
        let instrument = self.instrument;
        let Some(previous) = self.previous else {
            // Files list the answers in the instrument's order, so the next slot is
            // nearly always the one: one comparison instead of a hash lookup.
            if instrument.statement(hint).is_some_and(|s| s.id == key) {
                return Target::Slot(hint);
            }
            if let Some(slot) = instrument.slot(key) {
                return Target::Slot(usize::from(slot));
            }
            if instrument.open_question(key).is_some() {
                self.error(
                    format!("answers.{key}"),
                    format!("\"{key}\" is een open vraag; het antwoord hoort als tekst in comments.{key}"),
                    format!("\"{key}\" is an open question; its answer belongs as text in comments.{key}"),
                );
                return Target::Unknown;
            }
            self.error(
                format!("answers.{key}"),
                format!(
                    "onbekende vraag (instrument {} {} heeft geen vraag \"{key}\")",
                    instrument.id(),
                    instrument.version()
                ),
                format!(
                    "unknown item (instrument {} {} has no item \"{key}\")",
                    instrument.id(),
                    instrument.version()
                ),
            );
            return Target::Unknown;
        };
        match previous
            .items
            .iter()
            .enumerate()
            .find(|(_, (old, _))| old == key)
        {
            Some((_, (_, Some(new)))) => instrument
                .slot(new)
                .map_or(Target::Unknown, |s| Target::Slot(usize::from(s))),
            Some((i, (_, None))) => Target::Replaced(i),
            None => {
                self.error(
                    format!("answers.{key}"),
                    format!("onbekende vraag (versie {} van het instrument {} heeft geen vraag \"{key}\")", previous.version, instrument.id()),
                    format!("unknown item (version {} of the instrument {} has no item \"{key}\")", previous.version, instrument.id()),
                );
                Target::Unknown
            }
        }
    }
}

/// Where an answer key leads.
enum Target {
    /// The answer slot of a statement of this version.
    Slot(usize),
    /// An item of the earlier version that this version replaced: its index in the
    /// `previous` table. The answer is checked and counted, then left out.
    Replaced(usize),
    /// No such item (already reported).
    Unknown,
}

/// Where a section reports a value of the wrong kind.
trait Sink {
    fn wrong_kind(&mut self, path: String, expected_nl: &str, expected_en: &str, found: Kind);
}

impl Sink for Reader<'_> {
    fn wrong_kind(&mut self, path: String, expected_nl: &str, expected_en: &str, found: Kind) {
        Reader::wrong_kind(self, path, expected_nl, expected_en, found);
    }
}

/// Any scalar value, with lists and objects skipped over.
#[derive(Debug)]
enum Any<'de> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(Cow<'de, str>),
    List,
    Object,
}

impl Any<'_> {
    fn kind(&self) -> Kind {
        match self {
            Any::Null => Kind::Null,
            Any::Bool(_) => Kind::Bool,
            Any::U64(_) | Any::I64(_) | Any::F64(_) => Kind::Number,
            Any::Str(_) => Kind::Text,
            Any::List => Kind::List,
            Any::Object => Kind::Object,
        }
    }

    /// The value as it would read in the file, for messages.
    fn shown(&self) -> String {
        match self {
            Any::Null => "null".into(),
            Any::Bool(b) => b.to_string(),
            Any::U64(n) => n.to_string(),
            Any::I64(n) => n.to_string(),
            Any::F64(f) => format!("{f:?}"),
            Any::Str(s) => format!("\"{s}\""),
            Any::List => "[...]".into(),
            Any::Object => "{...}".into(),
        }
    }
}

struct AnySeed;

impl<'de> DeserializeSeed<'de> for AnySeed {
    type Value = Any<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Any<'de>, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
}

struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = Any<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Any<'de>, E> {
        Ok(Any::Null)
    }
    fn visit_none<E>(self) -> Result<Any<'de>, E> {
        Ok(Any::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Any<'de>, E> {
        Ok(Any::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Any<'de>, E> {
        Ok(Any::U64(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Any<'de>, E> {
        Ok(if v >= 0 {
            Any::U64(v as u64)
        } else {
            Any::I64(v)
        })
    }
    fn visit_f64<E>(self, v: f64) -> Result<Any<'de>, E> {
        Ok(Any::F64(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Any<'de>, E> {
        Ok(Any::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Any<'de>, E> {
        Ok(Any::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Any<'de>, E> {
        Ok(Any::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Any::List)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Any::Object)
    }
}

/// A key, borrowed from the text where it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

fn next_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Cow<'de, str>>, A::Error> {
    map.next_key_seed(KeySeed)
}

fn next_any<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Any<'de>, A::Error> {
    map.next_value_seed(AnySeed)
}

fn next_raw<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Box<RawValue>, A::Error> {
    map.next_value::<Box<RawValue>>()
}

/// The keys of one object's unknown fields, to find one given twice: the fields
/// themselves while they are few, a hash set once they are many (a file of a megabyte
/// can have 90,000 of them; comparing each with all before it took minutes: finding F8).
#[derive(Default)]
struct ExtraKeys(std::collections::HashSet<String>);

impl ExtraKeys {
    /// Above this many fields, the hash set.
    const FEW: usize = 16;

    /// Whether `key` is among the fields of `extra` already; if not, it is noted, and
    /// the caller adds it.
    fn seen(&mut self, extra: &Extra, key: &str) -> bool {
        if extra.0.len() < Self::FEW {
            return extra.0.iter().any(|(k, _)| k == key);
        }
        if self.0.is_empty() {
            self.0.extend(extra.0.iter().map(|(k, _)| k.clone()));
        }
        !self.0.insert(key.to_owned())
    }
}

/// Keeps an unknown field; a key given twice is an error, not a silent overwrite.
fn keep<'de, A: MapAccess<'de>>(
    r: &mut Reader<'_>,
    (extra, keys): (&mut Extra, &mut ExtraKeys),
    path: impl FnOnce() -> String,
    key: Cow<'de, str>,
    map: &mut A,
) -> Result<(), A::Error> {
    let raw = next_raw(map)?;
    if keys.seen(extra, &key) {
        r.duplicate(path());
    } else {
        extra.0.push((key.into_owned(), raw));
    }
    Ok(())
}

/// A section of the file that should be an object: a visitor that calls `body` for an
/// object, takes `null` as empty and writes down anything else.
trait Section<'de>: Sized {
    type Out: Default;
    fn path(&self) -> String;
    fn sink(&mut self) -> &mut dyn Sink;
    fn body<A: MapAccess<'de>>(self, map: A) -> Result<Self::Out, A::Error>;
}

struct Obj<S>(S);

impl<'de, S: Section<'de>> Obj<S> {
    #[allow(clippy::unnecessary_wraps)] // Visitor methods return this Result.
    fn wrong<E>(mut self, kind: Kind) -> Result<S::Out, E> {
        let path = self.0.path();
        self.0
            .sink()
            .wrong_kind(path, "een object", "an object", kind);
        Ok(S::Out::default())
    }
}

impl<'de, S: Section<'de>> DeserializeSeed<'de> for Obj<S> {
    type Value = S::Out;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Out, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Section<'de>> Visitor<'de> for Obj<S> {
    type Value = S::Out;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S::Out, A::Error> {
        self.0.body(map)
    }
    fn visit_unit<E>(self) -> Result<S::Out, E> {
        Ok(S::Out::default())
    }
    fn visit_none<E>(self) -> Result<S::Out, E> {
        Ok(S::Out::default())
    }
    fn visit_bool<E>(self, _: bool) -> Result<S::Out, E> {
        self.wrong(Kind::Bool)
    }
    fn visit_u64<E>(self, _: u64) -> Result<S::Out, E> {
        self.wrong(Kind::Number)
    }
    fn visit_i64<E>(self, _: i64) -> Result<S::Out, E> {
        self.wrong(Kind::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<S::Out, E> {
        self.wrong(Kind::Number)
    }
    fn visit_str<E>(self, _: &str) -> Result<S::Out, E> {
        self.wrong(Kind::Text)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<S::Out, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.wrong(Kind::List)
    }
}

// ----- the top level -----

enum Top {
    Object(Box<TopFields>),
    NotObject(Kind),
}

#[derive(Default)]
struct TopFields {
    format: Option<Any<'static>>,
    version: Option<Any<'static>>,
    instrument: Option<InstrumentRef>,
    answers_seen: bool,
    response: Response,
}

struct TopSeed<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> DeserializeSeed<'de> for TopSeed<'_, '_> {
    type Value = Top;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Top, D::Error> {
        d.deserialize_any(self)
    }
}

fn owned(a: Any<'_>) -> Any<'static> {
    match a {
        Any::Null => Any::Null,
        Any::Bool(b) => Any::Bool(b),
        Any::U64(n) => Any::U64(n),
        Any::I64(n) => Any::I64(n),
        Any::F64(f) => Any::F64(f),
        Any::Str(s) => Any::Str(Cow::Owned(s.into_owned())),
        Any::List => Any::List,
        Any::Object => Any::Object,
    }
}

impl<'de> Visitor<'de> for TopSeed<'_, '_> {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a netwerkscan response object")
    }
    fn visit_unit<E>(self) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Null))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Bool))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Number))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Number))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Number))
    }
    fn visit_str<E>(self, _: &str) -> Result<Top, E> {
        Ok(Top::NotObject(Kind::Text))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Top::NotObject(Kind::List))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        const KEYS: [&str; 10] = super::TOP_LEVEL_FIELDS;
        let r = self.r;
        let n = r.instrument.statement_count();
        let mut top = TopFields::default();
        let mut extra_keys = ExtraKeys::default();
        top.response.answers = vec![Answer::Unanswered; n];
        // Which known keys were seen, to refuse one given twice.
        let mut seen = 0u16;
        while let Some(key) = next_key(&mut map)? {
            let Some(k) = KEYS.iter().position(|x| *x == key) else {
                keep(
                    r,
                    (&mut top.response.extra, &mut extra_keys),
                    || key.to_string(),
                    key.clone(),
                    &mut map,
                )?;
                continue;
            };
            if seen & (1 << k) != 0 {
                r.duplicate(KEYS[k].to_owned());
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            seen |= 1 << k;
            match k {
                0 => top.format = Some(owned(next_any(&mut map)?)),
                1 => top.version = Some(owned(next_any(&mut map)?)),
                2 => top.instrument = map.next_value_seed(Obj(InstrumentSection { r: &mut *r }))?,
                3 => {
                    top.response.respondent =
                        map.next_value_seed(Obj(RespondentSection { r: &mut *r }))?;
                }
                4 => {
                    let v = next_any(&mut map)?;
                    top.response.form = r.id(|| "form".into(), v, Form::parse, Form::ids);
                }
                5 => {
                    top.answers_seen = true;
                    let answers = std::mem::take(&mut top.response.answers);
                    top.response.answers = map.next_value_seed(Obj(AnswersSection {
                        r: &mut *r,
                        answers,
                    }))?;
                    if top.response.answers.len() != n {
                        // `null` gives an empty list; keep one slot per statement.
                        top.response.answers = vec![Answer::Unanswered; n];
                    }
                }
                6 => {
                    top.response.importance =
                        map.next_value_seed(Obj(ImportanceSection { r: &mut *r }))?;
                }
                7 => {
                    top.response.comments =
                        map.next_value_seed(Obj(CommentsSection { r: &mut *r }))?;
                }
                8 => {
                    top.response.ladder = map.next_value_seed(Obj(LadderSection { r: &mut *r }))?;
                }
                _ => {
                    top.response.interests =
                        map.next_value_seed(Obj(InterestsSection { r: &mut *r }))?;
                }
            }
        }
        Ok(Top::Object(Box::new(top)))
    }
}

// ----- sections -----

struct InstrumentSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for InstrumentSection<'_, '_> {
    /// `None` when the value is not an object (`null`, or a wrong kind, reported).
    type Out = Option<InstrumentRef>;
    fn path(&self) -> String {
        "instrument".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<InstrumentRef>, A::Error> {
        let r = self.r;
        let mut out = InstrumentRef::default();
        let mut extra_keys = ExtraKeys::default();
        let mut seen = [false; 4];
        while let Some(key) = next_key(&mut map)? {
            let k = match key.as_ref() {
                "id" => 0,
                "version" => 1,
                "from" => 2,
                "left_out" => 3,
                _ => {
                    keep(
                        r,
                        (&mut out.extra, &mut extra_keys),
                        || format!("instrument.{key}"),
                        key.clone(),
                        &mut map,
                    )?;
                    continue;
                }
            };
            if std::mem::replace(&mut seen[k], true) {
                r.duplicate(format!("instrument.{key}"));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v = next_any(&mut map)?;
            if k == 3 {
                out.left_out = match v {
                    Any::Null => None,
                    Any::U64(n) => Some(usize::try_from(n).unwrap_or(usize::MAX)),
                    other => {
                        r.wrong_kind(
                            "instrument.left_out".into(),
                            "een heel getal van 0 of meer",
                            "a whole number of 0 or more",
                            other.kind(),
                        );
                        None
                    }
                };
            } else if k == 2 {
                out.from = match v {
                    Any::Null => None,
                    Any::U64(n) => Some(n.to_string()),
                    other => Some(r.string(|| "instrument.from".into(), other)),
                };
            } else if k == 0 {
                out.id = r.string(|| "instrument.id".into(), v);
            } else {
                out.version = match v {
                    Any::U64(n) => n.to_string(),
                    other => r.string(|| "instrument.version".into(), other),
                };
            }
        }
        Ok(Some(out))
    }
}

struct RespondentSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for RespondentSection<'_, '_> {
    type Out = Respondent;
    fn path(&self) -> String {
        "respondent".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Respondent, A::Error> {
        const KEYS: [&str; 6] = super::RESPONDENT_FIELDS;
        let r = self.r;
        let mut out = Respondent::default();
        let mut extra_keys = ExtraKeys::default();
        let mut seen = [false; 6];
        while let Some(key) = next_key(&mut map)? {
            let Some(k) = KEYS.iter().position(|x| *x == key) else {
                keep(
                    r,
                    (&mut out.extra, &mut extra_keys),
                    || format!("respondent.{key}"),
                    key.clone(),
                    &mut map,
                )?;
                continue;
            };
            if std::mem::replace(&mut seen[k], true) {
                r.duplicate(format!("respondent.{key}"));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            match k {
                0 => {
                    let v = next_any(&mut map)?;
                    out.alias = r.string(|| "respondent.alias".into(), v);
                }
                1 => {
                    let v = next_any(&mut map)?;
                    out.organisation = r.string(|| "respondent.organisation".into(), v);
                }
                2 => out.roles = map.next_value_seed(RolesSeed { r: &mut *r })?,
                3 => {
                    let v = next_any(&mut map)?;
                    out.position = r.id(
                        || "respondent.position".into(),
                        v,
                        Position::parse,
                        Position::ids,
                    );
                }
                4 => {
                    let v = next_any(&mut map)?;
                    out.sector = r.id(|| "respondent.sector".into(), v, Sector::parse, Sector::ids);
                }
                _ => {
                    let v = next_any(&mut map)?;
                    out.level = r.id(|| "respondent.level".into(), v, Level::parse, Level::ids);
                }
            }
        }
        Ok(out)
    }
}

struct RolesSeed<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> DeserializeSeed<'de> for RolesSeed<'_, '_> {
    type Value = Vec<Role>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Role>, D::Error> {
        d.deserialize_any(self)
    }
}

impl RolesSeed<'_, '_> {
    #[allow(clippy::unnecessary_wraps)] // Visitor methods return this Result.
    fn wrong<E>(self, kind: Kind) -> Result<Vec<Role>, E> {
        self.r.wrong_kind(
            "respondent.roles".into(),
            "een lijst van rollen",
            "a list of roles",
            kind,
        );
        Ok(Vec::new())
    }
}

impl<'de> Visitor<'de> for RolesSeed<'_, '_> {
    type Value = Vec<Role>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of roles")
    }
    fn visit_unit<E>(self) -> Result<Vec<Role>, E> {
        Ok(Vec::new())
    }
    fn visit_none<E>(self) -> Result<Vec<Role>, E> {
        Ok(Vec::new())
    }
    fn visit_bool<E>(self, _: bool) -> Result<Vec<Role>, E> {
        self.wrong(Kind::Bool)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Vec<Role>, E> {
        self.wrong(Kind::Number)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Vec<Role>, E> {
        self.wrong(Kind::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Vec<Role>, E> {
        self.wrong(Kind::Number)
    }
    fn visit_str<E>(self, _: &str) -> Result<Vec<Role>, E> {
        self.wrong(Kind::Text)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Role>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.wrong(Kind::Object)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Role>, A::Error> {
        let mut roles = Vec::new();
        let mut i = 0;
        while let Some(v) = seq.next_element_seed(AnySeed)? {
            if let Answer::Given(role) = self.r.id(
                || format!("respondent.roles[{i}]"),
                v,
                Role::parse,
                Role::ids,
            ) {
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
            i += 1;
        }
        roles.sort();
        Ok(roles)
    }
}

struct AnswersSection<'r, 'i> {
    r: &'r mut Reader<'i>,
    answers: Vec<Answer<Likert>>,
}

impl<'de> Section<'de> for AnswersSection<'_, '_> {
    type Out = Vec<Answer<Likert>>;
    fn path(&self) -> String {
        "answers".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Answer<Likert>>, A::Error> {
        let r = self.r;
        let mut answers = self.answers;
        let mut seen = vec![false; answers.len()];
        let mut replaced_seen: Vec<usize> = Vec::new();
        let mut hint = 0;
        while let Some(key) = next_key(&mut map)? {
            let v = next_any(&mut map)?;
            let slot = match r.slot(&key, hint) {
                Target::Slot(slot) => slot,
                Target::Replaced(i) => {
                    if replaced_seen.contains(&i) {
                        r.duplicate(format!("answers.{key}"));
                    } else {
                        replaced_seen.push(i);
                        // Left out, but a value off the scale is still a problem of the file.
                        if r.likert(|| format!("answers.{key}"), &v).is_answered() {
                            r.left_out += 1;
                        }
                    }
                    continue;
                }
                Target::Unknown => continue,
            };
            hint = slot + 1;
            if std::mem::replace(&mut seen[slot], true) {
                r.duplicate(format!("answers.{key}"));
                continue;
            }
            answers[slot] = r.likert(|| format!("answers.{key}"), &v);
        }
        Ok(answers)
    }
}

struct ImportanceSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for ImportanceSection<'_, '_> {
    type Out = [Answer<Likert>; Concept::COUNT];
    fn path(&self) -> String {
        "importance".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Out, A::Error> {
        let r = self.r;
        let mut out = [Answer::Unanswered; Concept::COUNT];
        let mut seen = [false; Concept::COUNT];
        while let Some(key) = next_key(&mut map)? {
            let v = next_any(&mut map)?;
            let Some(c) = Concept::parse(&key) else {
                r.error(
                    format!("importance.{key}"),
                    format!("onbekend begrip (verwacht een van {})", Concept::ids()),
                    format!("unknown concept (expected one of {})", Concept::ids()),
                );
                continue;
            };
            if std::mem::replace(&mut seen[c.index()], true) {
                r.duplicate(format!("importance.{key}"));
                continue;
            }
            out[c.index()] = r.likert(|| format!("importance.{key}"), &v);
        }
        Ok(out)
    }
}

struct CommentsSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for CommentsSection<'_, '_> {
    type Out = Vec<(String, String)>;
    fn path(&self) -> String {
        "comments".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Out, A::Error> {
        let r = self.r;
        let mut out: Vec<(String, String)> = Vec::new();
        // Every key seen, null ones included, to refuse one given twice.
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = next_key(&mut map)? {
            let v = next_any(&mut map)?;
            let known = Concept::parse(&key).is_some()
                || Module::parse(&key).is_some()
                || r.instrument.open_question(&key).is_some();
            if !known {
                let open: Vec<&str> = r
                    .instrument
                    .open_questions()
                    .map(|q| q.id.as_ref())
                    .collect();
                r.error(
                    format!("comments.{key}"),
                    format!(
                        "opmerkingen horen bij een begrip ({}), een onderdeel ({}) of een open vraag ({})",
                        Concept::ids(),
                        Module::ids(),
                        open.join(", ")
                    ),
                    format!(
                        "comments belong to a concept ({}), a module ({}) or an open question ({})",
                        Concept::ids(),
                        Module::ids(),
                        open.join(", ")
                    ),
                );
                continue;
            }
            if seen.iter().any(|k| *k == key) {
                r.duplicate(format!("comments.{key}"));
                continue;
            }
            seen.push(key.to_string());
            if matches!(v, Any::Null) {
                continue;
            }
            let text = r.string(|| format!("comments.{key}"), v);
            out.push((key.into_owned(), text));
        }
        Ok(out)
    }
}

struct LadderSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for LadderSection<'_, '_> {
    type Out = LadderAnswer;
    fn path(&self) -> String {
        "ladder".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<LadderAnswer, A::Error> {
        let r = self.r;
        let mut out = LadderAnswer::default();
        let mut extra_keys = ExtraKeys::default();
        let mut seen = [false; 2];
        while let Some(key) = next_key(&mut map)? {
            let k = match key.as_ref() {
                "current" => 0,
                "desired" => 1,
                _ => {
                    keep(
                        r,
                        (&mut out.extra, &mut extra_keys),
                        || format!("ladder.{key}"),
                        key.clone(),
                        &mut map,
                    )?;
                    continue;
                }
            };
            if std::mem::replace(&mut seen[k], true) {
                r.duplicate(format!("ladder.{key}"));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v = next_any(&mut map)?;
            let answer = r.id(|| format!("ladder.{key}"), v, Rung::parse, Rung::ids);
            if k == 0 {
                out.current = answer;
            } else {
                out.desired = answer;
            }
        }
        Ok(out)
    }
}

struct InterestsSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for InterestsSection<'_, '_> {
    type Out = Interests;
    fn path(&self) -> String {
        "interests".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Interests, A::Error> {
        let r = self.r;
        let mut out = Interests::default();
        let mut extra_keys = ExtraKeys::default();
        let mut seen = [false; InterestQuestion::COUNT + 1];
        while let Some(key) = next_key(&mut map)? {
            if key == "influence" {
                if std::mem::replace(&mut seen[InterestQuestion::COUNT], true) {
                    r.duplicate("interests.influence".into());
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
                let (influence, extra) =
                    map.next_value_seed(Obj(InfluenceSection { r: &mut *r }))?;
                out.influence = influence;
                out.influence_extra = extra;
                continue;
            }
            let Some(q) = InterestQuestion::parse(&key) else {
                keep(
                    r,
                    (&mut out.extra, &mut extra_keys),
                    || format!("interests.{key}"),
                    key.clone(),
                    &mut map,
                )?;
                continue;
            };
            if std::mem::replace(&mut seen[q.index()], true) {
                r.duplicate(format!("interests.{key}"));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v = next_any(&mut map)?;
            out.answers[q.index()] = r.likert(|| format!("interests.{key}"), &v);
        }
        Ok(out)
    }
}

struct InfluenceSection<'r, 'i> {
    r: &'r mut Reader<'i>,
}

impl<'de> Section<'de> for InfluenceSection<'_, '_> {
    type Out = ([Answer<Likert>; InfluenceSource::COUNT], Extra);
    fn path(&self) -> String {
        "interests.influence".into()
    }
    fn sink(&mut self) -> &mut dyn Sink {
        self.r
    }
    fn body<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Out, A::Error> {
        let r = self.r;
        let mut out = [Answer::Unanswered; InfluenceSource::COUNT];
        let mut extra = Extra::default();
        let mut extra_keys = ExtraKeys::default();
        let mut seen = [false; InfluenceSource::COUNT];
        while let Some(key) = next_key(&mut map)? {
            let Some(s) = InfluenceSource::parse(&key) else {
                keep(
                    r,
                    (&mut extra, &mut extra_keys),
                    || format!("interests.influence.{key}"),
                    key.clone(),
                    &mut map,
                )?;
                continue;
            };
            if std::mem::replace(&mut seen[s.index()], true) {
                r.duplicate(format!("interests.influence.{key}"));
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v = next_any(&mut map)?;
            out[s.index()] = r.likert(|| format!("interests.influence.{key}"), &v);
        }
        Ok((out, extra))
    }
}
