//! A JSON tree that keeps keys in order and refuses a key given twice.
//!
//! `serde_json::Value` keeps the last of two equal keys without a word; a trainer who
//! wrote `"text"` twice would lose one silently. Reading into this tree instead names
//! the key, with serde_json's line and column.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::response::clip;

/// A key is quoted up to this many characters in a message: a file may hold a key of
/// half a megabyte.
pub(super) const MAX_SHOWN_KEY: usize = 120;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as serde_json read it.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in file order, each key once.
    Object(Vec<(String, Json)>),
}

/// What kind of value a [`Json`] is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind in Dutch, as a message says what it found: "een getal".
    #[must_use]
    pub fn nl(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true/false",
            JsonKind::Number => "een getal",
            JsonKind::Text => "tekst",
            JsonKind::List => "een lijst",
            JsonKind::Object => "een object",
        }
    }

    /// The kind in English: "a number".
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "true/false",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        }
    }
}

/// Why a text is not a JSON document, with where serde_json stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong there.
    pub problem: SyntaxProblem,
}

/// What is wrong in a text that is not a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// serde_json's own description (in English), such as "expected value".
    Json(String),
    /// A key given twice in one object: JSON would keep the last one silently.
    KeyTwice(String),
}

impl fmt::Display for SyntaxProblem {
    /// The problem in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxProblem::Json(message) => f.write_str(message),
            SyntaxProblem::KeyTwice(key) => write!(
                f,
                "the key \"{}\" appears twice in one object",
                clip(key, MAX_SHOWN_KEY)
            ),
        }
    }
}

impl Json {
    /// Parses `text`, refusing duplicate keys and nesting deeper than serde_json allows.
    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        // The visitor says which key came twice through `twice`: serde's error carries
        // only words, and the words are English.
        let twice = Cell::new(None);
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = Seed { twice: &twice }
            .deserialize(&mut de)
            .and_then(|json| de.end().map(|()| json));
        parsed.map_err(|e| SyntaxError {
            line: e.line(),
            column: e.column(),
            problem: match twice.take() {
                Some(key) => SyntaxProblem::KeyTwice(key),
                None => SyntaxProblem::Json(crate::response::strip_position(&e.to_string())),
            },
        })
    }

    /// What kind of value this is, for messages.
    #[must_use]
    pub fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Number(_) => JsonKind::Number,
            Json::String(_) => JsonKind::Text,
            Json::Array(_) => JsonKind::List,
            Json::Object(_) => JsonKind::Object,
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Seed {
            twice: &Cell::new(None),
        }
        .deserialize(d)
    }
}

/// Reads one value; a key given twice anywhere below is left in `twice`.
#[derive(Clone, Copy)]
struct Seed<'a> {
    twice: &'a Cell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(v)
            .map(Json::Number)
            .ok_or_else(|| E::custom("the number is out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries: Vec<(String, Json)> = Vec::new();
        // The keys, to find one given twice: compared one by one while they are few, in
        // a hash set once they are many (90,000 keys in a file of a megabyte took half a
        // minute compared one by one: finding F8 of FUZZING.md).
        let mut keys: std::collections::HashSet<String> = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let twice = if entries.len() < 16 {
                entries.iter().any(|(k, _)| *k == key)
            } else {
                if keys.is_empty() {
                    keys.extend(entries.iter().map(|(k, _)| k.clone()));
                }
                !keys.insert(key.clone())
            };
            if twice {
                let error = de::Error::custom(SyntaxProblem::KeyTwice(key.clone()));
                self.twice.set(Some(key));
                return Err(error);
            }
            let value = map.next_value_seed(self)?;
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_refuses_duplicate_keys() {
        let j = Json::parse(r#"{"b": 1, "a": [true, null, "x"]}"#).expect("parses");
        let Json::Object(entries) = j else {
            panic!("an object")
        };
        assert_eq!(entries[0].0, "b");
        let err = Json::parse("{\"a\": 1,\n \"a\": 2}").expect_err("duplicate");
        assert_eq!(err.problem, SyntaxProblem::KeyTwice("a".into()));
        assert_eq!(err.line, 2);
        assert_eq!(
            err.problem.to_string(),
            "the key \"a\" appears twice in one object"
        );
        // serde_json's own problems keep its words, without the position.
        let err = Json::parse("{\"a\": }").expect_err("not JSON");
        assert_eq!(err.problem, SyntaxProblem::Json("expected value".into()));
        assert_eq!((err.line, err.column), (1, 7));
    }
}
