//! The CLI's one door to the core's response reader.
//!
//! Everything the CLI needs from a response (reading it, its identity, who answered)
//! goes through the few functions here, so a change in the core's response types is
//! met in this file.

use std::collections::hash_map::RandomState;
use std::sync::OnceLock;

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

/// How many statements have an answer on the scale.
#[must_use]
pub fn answered(response: &Response) -> usize {
    response
        .answers
        .iter()
        .filter(|a| a.value().is_some())
        .count()
}

/// The identity of a response: the core's 64-bit fingerprint of its content, so two
/// files that say the same (reformatted, or a copy) are one response. One keyed hasher
/// for the whole run, shared by every thread: with a random key, nobody can craft a
/// response that passes for another.
#[must_use]
pub fn fingerprint(response: &Response) -> u64 {
    static HASHER: OnceLock<RandomState> = OnceLock::new();
    response.fingerprint(HASHER.get_or_init(RandomState::new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reformatted_text_is_the_same_response() {
        let instrument = Instrument::builtin();
        let a = r#"{"format": "netwerkscan-response", "version": 2,
            "instrument": {"id": "netwerkscan", "version": "2"},
            "answers": {"opgave-eigen": 4, "opgave-samen": null}}"#;
        let b = r#"{"version":2,"format":"netwerkscan-response","answers":{"opgave-samen":null,"opgave-eigen":4},
            "instrument":{"version":"2","id":"netwerkscan"}}"#;
        let c = a.replace(": 4", ": 3");
        let fp = |t: &str| fingerprint(&parse(t, instrument, Lang::En).expect("valid"));
        assert_eq!(fp(a), fp(b));
        assert_ne!(fp(a), fp(&c));
    }
}
