//! Netwerkscan's fuzz targets share their checks and their JSON mutator here.
//!
//! A target is one file in `fuzz/fuzz_targets/` (Cargo finds it through the `src/bin`
//! symlink) that calls [`fuzz_target!`] with a check of `&[u8]`:
//!
//! ```ignore
//! #![cfg_attr(fuzzing, no_main)]
//! netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_response_json(data));
//! ```
//!
//! Built by `cargo fuzz` (`--cfg fuzzing`, nightly) that is a libFuzzer target with the
//! structure-aware mutator of [`mutate`]. Built by plain cargo on stable it is a
//! program that runs the same check under proptest for a given time ([`fallback`]).
//! `cargo xtask fuzz` picks whichever the machine can run.
//!
//! A check panics on a broken invariant; that is the crash the fuzzer reports.

pub mod mutate;

#[cfg(not(fuzzing))]
pub mod fallback;

#[cfg(fuzzing)]
pub use libfuzzer_sys;

use netwerkregie::response::MAX_RESPONSE_BYTES;
use netwerkregie::{
    advice, chart, Concept, Group, InfluenceSource, Instrument, InstrumentError, InterestQuestion,
    Lang, Likert, Response, ResponseError, Rung,
};

/// Declares a fuzz target: `fuzz_target!(|data| check(data));` with `data: &[u8]`.
#[macro_export]
macro_rules! fuzz_target {
    (|$data:ident| $body:expr) => {
        #[cfg(fuzzing)]
        $crate::libfuzzer_sys::fuzz_target!(|$data: &[u8]| {
            $body;
        });

        #[cfg(fuzzing)]
        $crate::libfuzzer_sys::fuzz_mutator!(|data: &mut [u8],
                                              size: usize,
                                              max_size: usize,
                                              seed: u32| {
            $crate::libfuzzer_mutate(data, size, max_size, seed)
        });

        #[cfg(not(fuzzing))]
        fn main() -> std::process::ExitCode {
            $crate::fallback::main(env!("CARGO_BIN_NAME"), |$data: &[u8]| {
                $body;
            })
        }
    };
}

/// libFuzzer's custom mutator: mostly structure-aware JSON changes, and libFuzzer's
/// own byte mutations for a quarter of the time or when the input is not JSON.
#[cfg(fuzzing)]
#[must_use]
pub fn libfuzzer_mutate(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    let mut split_mix = mutate::SplitMix::new(u64::from(seed));
    let rng: &mut dyn mutate::Entropy = &mut split_mix;
    if !rng.one_in(4) {
        let mut input = data[..size].to_vec();
        let rounds = 1 + rng.below(3);
        let mut changed = false;
        for _ in 0..rounds {
            changed |= mutate::mutate_json(&mut input, rng, max_size);
        }
        if changed && input.len() <= max_size {
            data[..input.len()].copy_from_slice(&input);
            return input.len();
        }
    }
    libfuzzer_sys::fuzzer_mutate(data, size, max_size)
}

/// The text of an input: JSON files are UTF-8; other bytes are read with replacement
/// characters so that the input still exercises the reader.
fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The sections a field error may name: every error names its field.
const RESPONSE_SECTIONS: &[&str] = &[
    "instrument",
    "respondent",
    "answers",
    "importance",
    "comments",
    "ladder",
    "interests",
];

/// Checks an error of the response reader: a sentence in both languages, and field
/// errors that name a field of a known section.
///
/// # Panics
/// When the error breaks one of these rules.
pub fn check_response_error(err: &ResponseError) {
    for lang in [Lang::Nl, Lang::En] {
        let message = err.message(lang);
        assert!(
            !message.trim().is_empty(),
            "empty {lang:?} error message for {err:?}"
        );
    }
    assert!(!err.to_string().trim().is_empty(), "empty Display: {err:?}");
    match err {
        ResponseError::Fields(fields) => {
            assert!(!fields.is_empty(), "Fields error without fields");
            for f in fields {
                let section = f.path.split(['.', '[']).next().unwrap_or_default();
                assert!(
                    RESPONSE_SECTIONS.contains(&section),
                    "field error names no known field: {f:?}"
                );
                assert!(
                    !f.problem.nl.trim().is_empty() && !f.problem.en.trim().is_empty(),
                    "field error without a problem: {f:?}"
                );
            }
        }
        ResponseError::Syntax { line, message, .. } => {
            assert!(*line >= 1, "syntax error at line 0: {err:?}");
            assert!(!message.trim().is_empty(), "syntax error without message");
        }
        ResponseError::TooLarge { bytes } => assert!(*bytes > MAX_RESPONSE_BYTES),
        ResponseError::Empty
        | ResponseError::NotAResponse(_)
        | ResponseError::NewerVersion { .. } => {}
    }
}

/// Finding F1 (FUZZING.md): `serde_json::Map::remove` is `swap_remove` with
/// `preserve_order`, so reading a response moves its unknown fields around and every
/// save reorders them. Set to true when core/src/response.rs uses `shift_remove`.
pub const CHECK_FIELD_ORDER: bool = false;

/// Finding F3 (FUZZING.md): a response that reads can be written (`to_json_pretty`)
/// larger than `MAX_RESPONSE_BYTES`, and then no longer reads. Set to true when fixed.
pub const CHECK_PRETTY_SIZE: bool = false;

/// Checks a response the reader accepted: it is written and read back unchanged
/// (through text and through a value), the writer is stable, and it scores, groups
/// and ranks advice without panicking.
///
/// # Panics
/// When the response does not survive its own round trip.
pub fn check_accepted_response(response: &Response, instrument: &Instrument) {
    let text = response.to_json_pretty();
    assert!(!text.is_empty(), "a response was written as nothing");
    let back = match Response::from_json(&text, instrument) {
        Ok(back) => back,
        // Finding F3 (FUZZING.md): the pretty text of a response read near the size
        // limit can be over it. Known and reported; its test is in fuzz_regressions.rs.
        Err(ResponseError::TooLarge { .. }) if !CHECK_PRETTY_SIZE => return,
        Err(e) => panic!(
            "an accepted response does not read back after to_json_pretty: {e}\n{}",
            excerpt(&text)
        ),
    };
    assert_eq!(
        &back,
        response,
        "to_json_pretty then from_json changed the response\n{}",
        excerpt(&text)
    );
    // The writer is stable: writing what was read back gives the same JSON. Compared as
    // text once finding F1 (unknown fields change order on every read) is fixed.
    if CHECK_FIELD_ORDER {
        assert_eq!(back.to_json_pretty(), text, "the writer is not stable");
    } else {
        assert_eq!(
            back.to_value(),
            response.to_value(),
            "the writer is not stable"
        );
    }
    match Response::from_value(response.to_value(), instrument) {
        Ok(again) => assert_eq!(&again, response, "to_value then from_value changed it"),
        Err(e) => panic!("to_value then from_value refused it: {e}"),
    }
    let _ = netwerkregie::Scores::of(instrument, response);
}

fn excerpt(text: &str) -> String {
    let end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    if end < text.len() {
        format!("{} ... ({} bytes)", &text[..end], text.len())
    } else {
        text.to_owned()
    }
}

/// Reads one response text; checks the error, or the accepted response.
///
/// # Panics
/// On a broken invariant (see [`check_response_error`], [`check_accepted_response`]).
#[must_use]
pub fn check_response_text(text: &str, instrument: &Instrument) -> Option<Response> {
    match Response::from_json(text, instrument) {
        Ok(response) => {
            check_accepted_response(&response, instrument);
            Some(response)
        }
        Err(err) => {
            check_response_error(&err);
            None
        }
    }
}

/// Target `response_json`: one response file.
pub fn check_response_json(data: &[u8]) {
    let instrument = Instrument::builtin();
    if let Some(response) = check_response_text(&text_of(data), instrument) {
        let report = Group::report_of(instrument, &[response]);
        let _ = advice::rank(instrument, &report);
    }
}

/// One record of a JSON Lines input: its 1-based line number and its text, or why it
/// cannot be read.
pub type LineRecord = (usize, Result<String, String>);

/// ==> SWITCH-TO-LIBRARY: the JSON Lines reader of the CLI is being rewritten into
/// `netwerkscan::input::json_lines(reader: impl BufRead, ...)`. When it lands, make
/// this function call it (`json_lines(std::io::Cursor::new(data), ...)`) and map its
/// items to `LineRecord`, or replace `check_response_lines` with a loop over it; the
/// target file, the seeds and the xtask command stay as they are.
///
/// Until then this is the CLI's current behaviour (cli/src/input.rs): split at `\n`,
/// skip blank lines, refuse a line longer than a response may be, and refuse a file
/// without any response as empty.
#[must_use]
pub fn json_lines(data: &[u8]) -> Vec<LineRecord> {
    let mut records = Vec::new();
    let mut any = false;
    for (i, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        if line.len() > MAX_RESPONSE_BYTES + 1 {
            records.push((
                number,
                Err(ResponseError::TooLarge { bytes: line.len() }.message(Lang::En)),
            ));
            break;
        }
        let Ok(text) = std::str::from_utf8(line) else {
            records.push((number, Err("stream did not contain valid UTF-8".to_owned())));
            break;
        };
        if text.trim().is_empty() {
            continue;
        }
        any = true;
        records.push((number, Ok(text.to_owned())));
    }
    if !any {
        records.push((0, Err(ResponseError::Empty.message(Lang::En))));
    }
    records
}

/// Target `response_lines`: a JSON Lines file, each line a response, grouped as the
/// CLI's `report` does.
///
/// # Panics
/// On a broken invariant of any line, or an error without a message.
pub fn check_response_lines(data: &[u8]) {
    let instrument = Instrument::builtin();
    let mut group = Group::new(instrument);
    for (number, record) in json_lines(data) {
        match record {
            Ok(text) => {
                if let Some(response) = check_response_text(&text, instrument) {
                    group.add_numbered(&response, number as u64);
                }
            }
            Err(message) => assert!(!message.trim().is_empty(), "line {number}: empty error"),
        }
    }
    let report = group.report();
    let _ = advice::rank(instrument, &report);
}

/// Target `instrument_json`: a trainer's instrument file. An accepted instrument
/// re-validates from its own JSON as the same instrument, and a full response to it
/// reads, scores, groups, ranks advice and lays out charts.
///
/// # Panics
/// On a broken invariant.
pub fn check_instrument_json(data: &[u8]) {
    match Instrument::from_json(&text_of(data)) {
        Ok(instrument) => check_accepted_instrument(&instrument),
        Err(err) => {
            assert!(!err.to_string().trim().is_empty(), "empty message: {err:?}");
            match &err {
                InstrumentError::Invalid(problems) => {
                    assert!(!problems.is_empty(), "Invalid without problems");
                    for p in problems {
                        assert!(!p.trim().is_empty(), "an empty problem in {problems:?}");
                    }
                }
                InstrumentError::Syntax(message) => assert!(!message.trim().is_empty()),
                InstrumentError::TooLarge { .. } => {}
            }
        }
    }
}

/// The checks of an accepted instrument.
///
/// # Panics
/// When the instrument's own JSON does not re-validate, or using it panics.
pub fn check_accepted_instrument(instrument: &Instrument) {
    for pretty in [false, true] {
        let json = if pretty {
            serde_json::to_string_pretty(instrument.file())
        } else {
            serde_json::to_string(instrument.file())
        }
        .unwrap_or_else(|e| panic!("an accepted instrument does not serialise: {e}"));
        match Instrument::from_json(&json) {
            Ok(again) => assert_eq!(
                &again, instrument,
                "an accepted instrument changed through its own JSON"
            ),
            Err(e) => panic!("an accepted instrument's own JSON does not re-validate: {e}"),
        }
    }
    let response = full_response(instrument);
    let back = check_response_text(&response.to_json_pretty(), instrument)
        .unwrap_or_else(|| panic!("a full response to an accepted instrument is refused"));
    assert_eq!(back, response);
    let report = Group::report_of(instrument, &[back, Response::new(instrument)]);
    let _ = advice::rank(instrument, &report);
    for lang in [Lang::Nl, Lang::En] {
        let _ = chart::concepts_radar(&report, instrument, lang);
        let _ = chart::modules_radar(&report, instrument, lang);
        let _ = chart::influence_radar(&report, instrument, lang);
        let _ = chart::ladder_chart(&report, instrument, lang);
    }
}

/// A response that answers everything the instrument asks, with varied answers.
#[must_use]
pub fn full_response(instrument: &Instrument) -> Response {
    let likert = |i: usize| Likert::new((i % 5) as u8 + 1);
    let mut response = Response::new(instrument);
    for (i, item) in instrument.items().iter().enumerate() {
        response.answers.insert(item.id.clone(), likert(i));
    }
    for (i, c) in Concept::ALL.iter().enumerate() {
        response.importance.insert(*c, likert(i + 2));
    }
    for (i, q) in InterestQuestion::ALL.iter().enumerate() {
        response.interests.answers.insert(*q, likert(i + 1));
    }
    for (i, s) in InfluenceSource::ALL.iter().enumerate() {
        response.interests.influence.insert(*s, likert(i + 3));
    }
    response.ladder.current = Rung::ALL.first().copied();
    response.ladder.desired = Rung::ALL.last().copied();
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_instrument_passes_its_checks() {
        check_instrument_json(Instrument::builtin_json().as_bytes());
    }

    #[test]
    fn json_lines_follow_the_cli() {
        let records = json_lines(b"{}\n\n  \r\n{\"a\":1}");
        let numbers: Vec<usize> = records.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 4]);
        assert!(json_lines(b"\n \n").iter().all(|(_, r)| r.is_err()));
    }
}
