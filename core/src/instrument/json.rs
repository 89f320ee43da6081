//! A JSON tree that keeps keys in order and refuses a key given twice.
//!
//! `serde_json::Value` keeps the last of two equal keys without a word; a trainer who
//! wrote `"text"` twice would lose one silently. Reading into this tree instead names
//! the key, with serde_json's line and column.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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

impl Json {
    /// Parses `text`, refusing duplicate keys and nesting deeper than serde_json allows.
    pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// What kind of value this is, for messages.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
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
        while let Some(item) = seq.next_element()? {
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
                return Err(de::Error::custom(format_args!(
                    "the key \"{key}\" appears twice in one object"
                )));
            }
            let value = map.next_value()?;
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
        assert!(err.to_string().contains("\"a\" appears twice"), "{err}");
        assert_eq!(err.line(), 2);
    }
}
