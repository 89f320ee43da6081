//! Texts that people read: always Dutch and English, and any further language an
//! instrument file adds.
//!
//! A third language is a data change: an instrument whose texts carry `"fy": "..."`
//! next to `nl` and `en` can be shown in Frisian, with English wherever a text lacks it.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// A string that is either static (the built-in instrument) or read at run time.
pub type Str = Cow<'static, str>;

/// A language code such as `nl`, `en` or `fy`: 2 to 8 lowercase ASCII letters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangCode {
    bytes: [u8; 8],
    len: u8,
}

impl LangCode {
    /// Parses a code of 2 to 8 lowercase ASCII letters.
    #[must_use]
    pub fn parse(code: &str) -> Option<LangCode> {
        let b = code.as_bytes();
        if !(2..=8).contains(&b.len()) || !b.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut bytes = [0; 8];
        bytes[..b.len()].copy_from_slice(b);
        Some(LangCode {
            bytes,
            len: b.len() as u8,
        })
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language something is shown in. Dutch comes first: the users are Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Nederlands.
    #[default]
    Nl,
    /// English, and the fallback for a text that lacks a further language.
    En,
    /// A further language that an instrument file brings.
    Other(LangCode),
}

impl Lang {
    /// Parses a language code: `nl`, `en`, or any other code of 2 to 8 lowercase letters.
    #[must_use]
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            other => LangCode::parse(other).map(Lang::Other),
        }
    }

    /// The code, such as `nl`.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Other(c) => c.as_str(),
        }
    }

    /// Whether messages written in code (not in the instrument) read Dutch: only in Dutch.
    #[must_use]
    pub fn is_dutch(self) -> bool {
        self == Lang::Nl
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A text in Dutch and English, and in any further languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Dutch.
    pub nl: Str,
    /// English.
    pub en: Str,
    /// Further languages, as (code, text), in the order of the file.
    pub more: Cow<'static, [(Str, Str)]>,
}

impl Text {
    /// A text from its two translations.
    #[must_use]
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nl: Cow::Owned(nl.into()),
            en: Cow::Owned(en.into()),
            more: Cow::Borrowed(&[]),
        }
    }

    /// A text from two static translations (usable in statics).
    #[must_use]
    pub const fn borrowed(nl: &'static str, en: &'static str) -> Text {
        Text {
            nl: Cow::Borrowed(nl),
            en: Cow::Borrowed(en),
            more: Cow::Borrowed(&[]),
        }
    }

    /// The text in `lang`; English where a further language is missing.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
            Lang::Other(code) => self
                .more
                .iter()
                .find(|(c, _)| c == code.as_str())
                .map_or(&self.en, |(_, t)| t),
        }
    }

    /// Whether the text has its own translation for `lang`.
    #[must_use]
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Nl | Lang::En => true,
            Lang::Other(code) => self.more.iter().any(|(c, _)| c == code.as_str()),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2 + self.more.len()))?;
        map.serialize_entry("nl", &self.nl)?;
        map.serialize_entry("en", &self.en)?;
        for (code, text) in self.more.iter() {
            map.serialize_entry(code, text)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_lowercase_words() {
        assert_eq!(Lang::parse("nl"), Some(Lang::Nl));
        assert_eq!(
            Lang::parse("fy").map(|l| l.code().to_owned()),
            Some("fy".into())
        );
        assert_eq!(Lang::parse("FY"), None);
        assert_eq!(Lang::parse("f"), None);
        assert_eq!(Lang::parse("abcdefghi"), None);
        assert_eq!(Lang::parse("d\u{e9}"), None);
    }

    #[test]
    fn a_missing_further_language_falls_back_to_english() {
        let mut text = Text::new("Vertrouwen", "Trust");
        let fy = Lang::parse("fy").unwrap_or_default();
        assert_eq!(text.get(fy), "Trust");
        assert!(!text.has(fy));
        text.more = Cow::Owned(vec![(Cow::Borrowed("fy"), Cow::Borrowed("Fertrouwen"))]);
        assert_eq!(text.get(fy), "Fertrouwen");
        assert_eq!(text.get(Lang::Nl), "Vertrouwen");
        let json = serde_json::to_string(&text).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"nl":"Vertrouwen","en":"Trust","fy":"Fertrouwen"}"#
        );
    }
}
