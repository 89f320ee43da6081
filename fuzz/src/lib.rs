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

use std::io::{BufReader, Cursor};
use std::ops::ControlFlow;

use netwerkregie::response::{
    read_fast, read_general, FingerprintState, MAX_RESPONSE_BYTES, TOP_LEVEL_FIELDS,
};
use netwerkregie::split::{self, Dimension};
use netwerkregie::{
    advice, chart, export, Answer, Concept, Group, InfluenceSource, Instrument, InstrumentError,
    InterestQuestion, Lang, Likert, Response, ResponseError, Rung,
};
use netwerkscan::json_lines::{json_lines_limited, Line, LineProblem, BOM};
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

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

/// The longest error message any reader may give, in any language: a dialog or a
/// terminal line, not a copy of the file (finding F4).
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

/// One fingerprint key for the whole run: equal responses must hash equal under it.
fn fingerprints() -> &'static FingerprintState {
    static STATE: std::sync::OnceLock<FingerprintState> = std::sync::OnceLock::new();
    STATE.get_or_init(|| FingerprintState::with_seed(0x6675_7a7a))
}

/// Checks an error of the response reader: a sentence in Dutch and English of a
/// bounded size, and field errors that each name a field of a known section.
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
        assert!(
            message.len() <= MAX_MESSAGE_BYTES,
            "a {lang:?} error message of {} bytes (F4)",
            message.len()
        );
    }
    assert_eq!(
        err.to_string(),
        err.message(Lang::En),
        "Display is the English message"
    );
    match err {
        ResponseError::Fields(fields) => {
            assert!(!fields.is_empty(), "Fields error without fields");
            for f in fields {
                let field = f.path.split(['.', '[']).next().unwrap_or_default();
                // A top-level field this version does not know is named only when it
                // appears twice, by its key as it is (which may hold a `.` or `[`).
                let named =
                    TOP_LEVEL_FIELDS.contains(&field) || f.problem.en.contains("appears twice");
                assert!(named, "field error names no known field: {f:?}");
                assert!(
                    !f.problem.nl.trim().is_empty() && !f.problem.en.trim().is_empty(),
                    "field error without a problem in both languages: {f:?}"
                );
            }
        }
        ResponseError::Syntax { line, message, .. } => {
            assert!(*line >= 1, "syntax error at line 0: {err:?}");
            assert!(!message.trim().is_empty(), "syntax error without message");
        }
        ResponseError::TooLarge { bytes } => assert!(*bytes > MAX_RESPONSE_BYTES),
        ResponseError::TooLargeWritten { bytes, written } => {
            assert!(
                *bytes <= MAX_RESPONSE_BYTES && *written > MAX_RESPONSE_BYTES,
                "{err:?}"
            );
        }
        ResponseError::NotAResponse(text) => {
            assert!(
                !text.nl.trim().is_empty() && !text.en.trim().is_empty(),
                "{err:?}"
            );
        }
        ResponseError::Empty | ResponseError::NewerVersion { .. } => {}
    }
}

/// Checks a response the reader accepted: written compact and pretty, it reads back
/// equal, with the same fingerprint, within the size limit (finding F3); the writer is
/// stable; the response scores.
///
/// # Panics
/// When the response does not survive its own round trip.
pub fn check_accepted_response(response: &Response, instrument: &Instrument) {
    let fingerprint = response.fingerprint(fingerprints());
    for pretty in [false, true] {
        let text = if pretty {
            response.to_json_pretty(instrument)
        } else {
            response.to_json(instrument)
        };
        let how = if pretty { "to_json_pretty" } else { "to_json" };
        assert!(!text.is_empty(), "{how} wrote nothing");
        assert!(
            text.len() <= MAX_RESPONSE_BYTES,
            "{how} wrote {} bytes of an accepted response: more than it may read (F3)",
            text.len()
        );
        let back = match read_both(&text, instrument) {
            Ok(back) => back,
            Err(e) => panic!(
                "an accepted response does not read back after {how}: {e:.2000}\n{}",
                excerpt(&text)
            ),
        };
        assert_eq!(
            &comparable(&back),
            &comparable(response),
            "{how} then from_json changed the response\n{}",
            excerpt(&text)
        );
        // The writer is stable: what was read back is written the same.
        let again = if pretty {
            back.to_json_pretty(instrument)
        } else {
            back.to_json(instrument)
        };
        assert!(
            again == text,
            "{how} is not stable\n{}\n{}",
            excerpt(&text),
            excerpt(&again)
        );
        assert_eq!(
            back.fingerprint(fingerprints()),
            fingerprint,
            "the fingerprint changed through {how}"
        );
    }
    let _ = netwerkregie::Scores::of(instrument, response);
}

/// Finding F7 (FUZZING.md): a response migrated from an earlier version is written
/// without its answers to replaced items (they have no place in the current version),
/// so read again it has left none out: `migrated.left_out` goes to 0. Set to true when
/// the format keeps that count.
pub const CHECK_LEFT_OUT: bool = false;

/// The response as the round trip must keep it (all of it, once F7 is settled).
fn comparable(response: &Response) -> std::borrow::Cow<'_, Response> {
    match &response.migrated {
        Some(m) if !CHECK_LEFT_OUT && m.left_out > 0 => {
            let mut r = response.clone();
            if let Some(m) = &mut r.migrated {
                m.left_out = 0;
            }
            std::borrow::Cow::Owned(r)
        }
        _ => std::borrow::Cow::Borrowed(response),
    }
}

fn excerpt(text: &str) -> String {
    let end = text.char_indices().nth(600).map_or(text.len(), |(i, _)| i);
    if end < text.len() {
        format!("{} ... ({} bytes)", &text[..end], text.len())
    } else {
        text.to_owned()
    }
}

/// Reads `text` with `Response::from_json` (the fast reader for plain texts, else the
/// general one) and checks that the two readers agree: the general reader alone gives
/// the same result on every text, and whatever the fast reader accepts, `from_json`
/// accepts as the same response.
///
/// # Errors
/// The reader's error, when `from_json` refuses the text.
///
/// # Panics
/// When the readers disagree.
pub fn read_both(text: &str, instrument: &Instrument) -> Result<Response, ResponseError> {
    let full = Response::from_json(text, instrument);
    let general = read_general(text, instrument);
    assert!(
        full == general,
        "from_json and the general reader differ: {:.1000} against {:.1000}\n{}",
        format!("{full:?}"),
        format!("{general:?}"),
        excerpt(text)
    );
    if let Some(fast) = read_fast(text, instrument) {
        assert!(
            full.as_ref() == Ok(&fast),
            "the fast reader read what from_json reads otherwise: {:.1000}\n{}",
            format!("{full:?}"),
            excerpt(text)
        );
    }
    full
}

/// Reads one response text; checks the error, or the accepted response.
///
/// # Panics
/// On a broken invariant (see [`check_response_error`], [`check_accepted_response`]).
#[must_use]
pub fn check_response_text(text: &str, instrument: &Instrument) -> Option<Response> {
    match read_both(text, instrument) {
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

/// Everything a set of accepted responses goes through: the group report split by
/// every dimension with a baseline, advice, the CSV export and every chart drawn into
/// SVG, in each of `langs`.
///
/// # Panics
/// When any of it panics, or drawing a chart fails.
pub fn check_everything(instrument: &Instrument, responses: &[Response], langs: &[Lang]) {
    let mut group = Group::new(instrument);
    for (seq, r) in responses.iter().enumerate() {
        group.add_numbered(r, seq as u64);
    }
    // Everyone but the first respondent's organisation (in whatever case it was
    // written; none given: everyone who gave one).
    let rest = split::Rest {
        dimension: Dimension::Organisation,
        value: responses
            .first()
            .map(|r| r.respondent.organisation.clone())
            .filter(|o| !o.trim().is_empty()),
    };
    let options = split::Options {
        by: Dimension::ALL.to_vec(),
        min_group: 1,
        rest: Some(rest),
    };
    let report = split::analyse(instrument, responses, &options, Some(responses));
    assert_eq!(
        report.respondents,
        group.report().respondents,
        "analyse and the group count different respondents"
    );
    let _ = advice::rank(instrument, &report);
    let scores: Vec<(String, netwerkregie::Scores)> = responses
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                split::respondent_label(r, i),
                netwerkregie::Scores::of(instrument, r),
            )
        })
        .collect();
    // Two groups of the first split with groups, side by side.
    let compare = report
        .splits
        .iter()
        .find(|(_, groups)| !groups.is_empty())
        .map(|(by, groups)| {
            let value = |i: usize| groups.get(i).and_then(|g| g.value.clone());
            (by.clone(), value(0), value(1))
        });
    for &lang in langs {
        let csv = export::csv(&report, instrument, lang);
        assert!(!csv.is_empty(), "an empty CSV export");
        let mut radars = vec![
            chart::concepts_radar(&report, instrument, lang),
            chart::modules_radar(&report, instrument, lang),
            chart::influence_radar(&report, instrument, lang),
        ];
        for kind in [chart::RadarKind::Concepts, chart::RadarKind::Modules] {
            for chart in [
                chart::GroupChart {
                    respondents: (0..responses.len().min(8)).collect(),
                    compare: None,
                    baseline: true,
                    legend: true,
                    rest: false,
                },
                chart::GroupChart {
                    respondents: Vec::new(),
                    compare: compare.clone(),
                    baseline: false,
                    legend: true,
                    rest: false,
                },
                chart::GroupChart {
                    respondents: Vec::new(),
                    compare: report
                        .rest
                        .as_ref()
                        .map(|r| (r.by.clone(), r.except.clone(), None)),
                    baseline: false,
                    legend: true,
                    rest: true,
                },
            ] {
                radars.push(chart::group_radar(
                    kind, &report, instrument, lang, &scores, &chart,
                ));
            }
        }
        for radar in &radars {
            draw(|area| chart::draw_radar(area, radar).map_err(|e| e.to_string()));
        }
        let ladder = chart::ladder_chart(&report, instrument, lang);
        draw(|area| chart::draw_ladder(area, &ladder).map_err(|e| e.to_string()));
    }
}

type Area<'a> = plotters::drawing::DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Draws into an SVG string, as the CLI's `--svg` does; a drawing error is a finding.
fn draw(f: impl FnOnce(&Area<'_>) -> Result<(), String>) {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (640, 520)).into_drawing_area();
        if let Err(e) = f(&area) {
            panic!("drawing a chart failed: {e}");
        }
        if let Err(e) = area.present() {
            panic!("writing a chart's SVG failed: {e}");
        }
    }
    assert!(svg.starts_with("<svg"), "not an SVG: {}", excerpt(&svg));
}

/// Target `response_json`: one response file.
pub fn check_response_json(data: &[u8]) {
    let instrument = Instrument::builtin();
    if let Some(response) = check_response_text(&text_of(data), instrument) {
        check_everything(
            instrument,
            &[response.clone(), Response::new(instrument), response],
            &[Lang::Nl, Lang::En],
        );
    }
}

/// One line of a JSON Lines input as [`json_lines_limited`] hands it over, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineRecord {
    /// Line `number`'s text.
    Text(u64, String),
    /// Line `number` is longer than the limit: `bytes` without its line end.
    TooLong(u64, u64),
    /// Line `number` is not UTF-8 from its `byte` (1-based).
    NotUtf8(u64, usize),
}

/// What the JSON Lines reader must do, written as plainly as possible: split at `\n`,
/// drop one `\r` before it and a BOM at the start of line 1, skip lines of JSON
/// whitespace, refuse lines over `limit` bytes (their true size), then lines that are
/// not UTF-8. The library reads in bounded memory; this reference holds everything.
#[must_use]
pub fn reference_lines(data: &[u8], limit: usize) -> (Vec<LineRecord>, u64) {
    let mut records = Vec::new();
    let mut lines = 0;
    for (i, raw) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let number = i as u64 + 1;
        lines = number;
        let mut line = raw.strip_suffix(b"\n").unwrap_or(raw);
        if raw.ends_with(b"\n") {
            line = line.strip_suffix(b"\r").unwrap_or(line);
        }
        if number == 1 {
            line = line.strip_prefix(BOM).unwrap_or(line);
        }
        if line
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            continue;
        }
        records.push(if line.len() > limit {
            LineRecord::TooLong(number, line.len() as u64)
        } else {
            match std::str::from_utf8(line) {
                Ok(text) => LineRecord::Text(number, text.to_owned()),
                Err(e) => LineRecord::NotUtf8(number, e.valid_up_to() + 1),
            }
        });
    }
    (records, lines)
}

/// Reads `data` with the CLI's JSON Lines reader, through a buffer of `capacity` bytes.
fn library_lines(data: &[u8], limit: usize, capacity: usize) -> (Vec<LineRecord>, u64, u64) {
    let mut records = Vec::new();
    let reader = BufReader::with_capacity(capacity, Cursor::new(data));
    let seen = json_lines_limited(reader, limit, |line: Line<'_>| {
        records.push(match line.text {
            Ok(text) => LineRecord::Text(line.number, text.to_owned()),
            Err(LineProblem::TooLong { bytes }) => LineRecord::TooLong(line.number, bytes),
            Err(LineProblem::NotUtf8 { byte }) => LineRecord::NotUtf8(line.number, byte),
            Err(LineProblem::Unreadable(e)) => panic!("a slice cannot fail to read: {e}"),
        });
        ControlFlow::Continue(())
    });
    (records, seen.lines, seen.non_blank)
}

/// Target `response_lines`: a JSON Lines file read by the CLI's reader
/// (`netwerkscan::json_lines`), each line's text a response, checked as in
/// `response_json`; the accepted ones go through everything together. The reader is
/// also held against [`reference_lines`], at the real limit and at a small one that the
/// input picks (so that over-long lines are cheap to make), through buffers of several
/// sizes.
///
/// # Panics
/// On a broken invariant of any line, or when the reader and the reference disagree.
pub fn check_response_lines(data: &[u8]) {
    let instrument = Instrument::builtin();
    let small_limit = data.first().map_or(1, |b| usize::from(*b % 64) + 1);
    let capacity = data.last().map_or(1, |b| usize::from(*b % 16) + 1);
    for (limit, capacity) in [
        (MAX_RESPONSE_BYTES, 1 << 16),
        (small_limit, capacity),
        (small_limit, 1 << 16),
    ] {
        let (records, lines, non_blank) = library_lines(data, limit, capacity);
        let (expected, expected_lines) = reference_lines(data, limit);
        assert_eq!(
            records, expected,
            "json_lines (limit {limit}, buffer {capacity}) differs from the reference"
        );
        assert_eq!(lines, expected_lines, "Seen::lines (limit {limit})");
        assert_eq!(
            non_blank,
            expected.len() as u64,
            "Seen::non_blank (limit {limit})"
        );
    }
    let mut responses = Vec::new();
    let reader = BufReader::new(Cursor::new(data));
    let _ = netwerkscan::json_lines::json_lines(reader, |line: Line<'_>| {
        if let Ok(text) = line.text {
            // The line end is `\n` or `\r\n`; a further `\r` is JSON whitespace.
            assert!(
                !text.contains('\n'),
                "line {} keeps its line end",
                line.number
            );
            if let Some(response) = check_response_text(text, instrument) {
                responses.push(response);
            }
        }
        ControlFlow::Continue(())
    });
    if !responses.is_empty() {
        check_everything(instrument, &responses, &[Lang::En]);
    }
}

/// Target `instrument_json`: a trainer's instrument file. An error lists its problems
/// in a message of bounded size; an accepted instrument re-validates from its own JSON
/// as the same instrument, and a full response to it goes through everything.
///
/// # Panics
/// On a broken invariant.
pub fn check_instrument_json(data: &[u8]) {
    match Instrument::from_json(&text_of(data)) {
        Ok(instrument) => check_accepted_instrument(&instrument),
        Err(err) => {
            assert_eq!(err.message(Lang::En), err.to_string());
            for lang in [Lang::Nl, Lang::En] {
                let message = err.message(lang);
                assert!(!message.trim().is_empty(), "empty message: {err:?}");
                assert!(
                    message.len() <= MAX_MESSAGE_BYTES,
                    "an instrument error message of {} bytes in {lang} (F4)",
                    message.len()
                );
            }
            match &err {
                InstrumentError::Invalid(problems) => {
                    assert!(!problems.is_empty(), "Invalid without problems");
                    for p in problems {
                        // Every problem says what is wrong, in Dutch and in English.
                        assert!(
                            !p.problem.nl.trim().is_empty() && !p.problem.en.trim().is_empty(),
                            "an empty problem in {problems:?}"
                        );
                    }
                }
                InstrumentError::Syntax { line, problem, .. } => {
                    assert!(*line >= 1, "syntax error at line 0: {err:?}");
                    assert!(!problem.to_string().trim().is_empty());
                }
                InstrumentError::TooLarge { bytes } => {
                    assert!(*bytes > netwerkregie::instrument::MAX_INSTRUMENT_BYTES);
                }
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
            Err(e) => panic!(
                "an accepted instrument's own JSON (pretty: {pretty}) does not re-validate: {e:.3000}"
            ),
        }
    }
    let response = full_response(instrument);
    let back = check_response_text(&response.to_json_pretty(instrument), instrument)
        .unwrap_or_else(|| panic!("a full response to an accepted instrument is refused"));
    assert_eq!(back, response);
    let empty = Response::new(instrument);
    check_accepted_response(&empty, instrument);
    check_everything(
        instrument,
        &[back, empty, response],
        &instrument.languages(),
    );
}

/// A response that answers everything the instrument asks, with varied answers.
///
/// # Panics
/// Never: every answer is on the scale.
#[must_use]
pub fn full_response(instrument: &Instrument) -> Response {
    let likert = |i: usize| Answer::Given(Likert::new((i % 5) as u8 + 1).expect("1..=5"));
    let mut response = Response::new(instrument);
    for (i, a) in response.answers.iter_mut().enumerate() {
        *a = if i % 7 == 6 {
            Answer::Unknown
        } else {
            likert(i)
        };
    }
    for c in Concept::ALL {
        response.importance[c.index()] = likert(c.index() + 2);
    }
    for q in InterestQuestion::ALL {
        response.interests.answers[q.index()] = likert(q.index() + 1);
    }
    for s in InfluenceSource::ALL {
        response.interests.influence[s.index()] = likert(s.index() + 3);
    }
    response.ladder.current = Rung::ALL
        .first()
        .copied()
        .map_or(Answer::Unknown, Answer::Given);
    response.ladder.desired = Rung::ALL
        .last()
        .copied()
        .map_or(Answer::Unknown, Answer::Given);
    let mut comments: Vec<(String, String)> = instrument
        .open_questions()
        .map(|q| (q.id.to_string(), format!("antwoord op {}", q.id)))
        .chain(std::iter::once((
            Concept::ALL[0].id().to_owned(),
            "een opmerking".to_owned(),
        )))
        .collect();
    comments.sort();
    comments.dedup_by(|a, b| a.0 == b.0);
    response.comments = comments;
    "Fuzz".clone_into(&mut response.respondent.alias);
    "Organisatie".clone_into(&mut response.respondent.organisation);
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
    fn the_examples_pass_their_checks() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        for entry in std::fs::read_dir(dir).expect("examples/") {
            let data = std::fs::read(entry.expect("entry").path()).expect("readable");
            check_response_json(&data);
            let mut line = data.clone();
            line.retain(|b| *b != b'\n');
            line.push(b'\n');
            check_response_lines(&line.repeat(3));
        }
    }

    #[test]
    fn the_dictionary_has_every_word_of_the_vocabulary() {
        let dict = include_str!("../json.dict");
        let missing: Vec<&String> = mutate::vocabulary()
            .iter()
            .filter(|w| !dict.contains(&format!("\"\\\"{w}\\\"\"")))
            .collect();
        assert!(missing.is_empty(), "add to fuzz/json.dict: {missing:?}");
    }

    #[test]
    fn the_reference_reads_json_lines_as_the_cli_does() {
        let (records, lines) =
            reference_lines(b"\xef\xbb\xbf{}\r\n\n  \r\n{\"a\":1}\nab\xffc\n", 100);
        assert_eq!(
            records,
            [
                LineRecord::Text(1, "{}".to_owned()),
                LineRecord::Text(4, "{\"a\":1}".to_owned()),
                LineRecord::NotUtf8(5, 3),
            ]
        );
        assert_eq!(lines, 5);
        check_response_lines(b"\xef\xbb\xbf{}\r\n\n  \r\n{\"a\":1}\nab\xffc\n0123456789\r\n");
    }
}
