//! The CLI's one door to the core's response reader.
//!
//! Everything the CLI needs from a response (reading it, its identity, who answered)
//! goes through the few functions here, so a change in the core's response types is
//! met in this file.

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hasher};

use netwerkregie::{Instrument, Lang, Response, ResponseError};

/// A response larger than this is refused before parsing.
pub const MAX_RESPONSE_BYTES: usize = netwerkregie::response::MAX_RESPONSE_BYTES;

/// Reads one response's text; the error is a sentence in `lang` naming the field.
pub fn parse(text: &str, instrument: &Instrument, lang: Lang) -> Result<Response, String> {
    Response::from_json(text, instrument).map_err(|e| e.message(lang))
}

/// The message for a file or JSON Lines file without any response.
#[must_use]
pub fn empty(lang: Lang) -> String {
    ResponseError::Empty.message(lang)
}

/// The respondent's alias and organisation.
#[must_use]
pub fn who(response: &Response) -> (&str, &str) {
    (
        &response.respondent.alias,
        &response.respondent.organisation,
    )
}

/// How many items have an answer on the scale.
#[must_use]
pub fn answered(response: &Response) -> usize {
    response.answers.values().filter(|v| v.is_some()).count()
}

/// The identity of a response: a 64-bit hash of its canonical form, so two files that
/// say the same (reformatted, or a copy) are one response. The canonical form is for
/// now the compact JSON the core writes back (`Response::to_value`); only this function
/// knows that.
#[must_use]
pub fn fingerprint(response: &Response) -> u64 {
    thread_local! {
        /// The canonical text, in a buffer each thread reuses.
        static CANONICAL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    CANONICAL.with(|canonical| {
        let mut canonical = canonical.borrow_mut();
        canonical.clear();
        // Writing a `Value` to memory cannot fail: its keys are strings.
        let _ = serde_json::to_writer(&mut *canonical, &response.to_value());
        // `DefaultHasher::new` has fixed keys: the same text gives the same hash for
        // the whole run, which is all the identity needs. One call for the whole text
        // is much cheaper than one per piece the serializer writes.
        let mut hasher = DefaultHasher::new();
        hasher.write(&canonical);
        hasher.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reformatted_text_is_the_same_response() {
        let instrument = Instrument::builtin();
        let a = r#"{"format": "netwerkscan-response", "version": 1,
            "instrument": {"id": "netwerkscan", "version": "1"},
            "answers": {"opgave-1": 4, "opgave-2": null}}"#;
        let b = r#"{"version":1,"format":"netwerkscan-response","answers":{"opgave-2":null,"opgave-1":4},
            "instrument":{"version":"1","id":"netwerkscan"}}"#;
        let c = a.replace(": 4", ": 3");
        let fp = |t: &str| fingerprint(&parse(t, instrument, Lang::En).expect("valid"));
        assert_eq!(fp(a), fp(b));
        assert_ne!(fp(a), fp(&c));
    }
}
