//! Regression tests from fuzzing (FUZZING.md): the findings F1 to F8, and the edge
//! cases the fuzz targets' structure-aware mutator makes, each pinned to the behaviour
//! it must keep: no panic, and an error that names its field in a message of a
//! readable size, or a response that is written so that it reads back equal.
//!
//! A test marked `#[ignore = "F<n>: ..."]` describes a finding that waits for a
//! decision; it fails until that lands (`cargo test -p netwerkregie --test
//! fuzz_regressions -- --ignored`).

use std::time::{Duration, Instant};

use netwerkregie::response::{FingerprintState, MAX_LISTED_PROBLEMS, MAX_RESPONSE_BYTES};
use netwerkregie::{Instrument, InstrumentError, Lang, Response, ResponseError};
use serde_json::{json, Value};

fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

/// A small valid response, its members in the order the writer writes them.
const BASE: &str = r#"{"format":"netwerkscan-response","version":2,"instrument":{"id":"netwerkscan","version":"2"},"answers":{"opgave-eigen":4}}"#;

fn base() -> String {
    BASE.to_owned()
}

fn read(text: &str) -> Result<Response, ResponseError> {
    Response::from_json(text, instrument())
}

#[track_caller]
fn error_of(text: &str) -> ResponseError {
    match read(text) {
        Ok(r) => panic!("expected an error for {text:.300}, read {r:?}"),
        Err(e) => e,
    }
}

/// The error names every needle in English, and has a Dutch message too.
#[track_caller]
fn assert_names(err: &ResponseError, needles: &[&str]) {
    let en = err.to_string();
    for needle in needles {
        assert!(en.contains(needle), "`{needle}` not in: {en:.2000}");
    }
    assert!(!err.message(Lang::Nl).trim().is_empty());
}

/// The round trip of the fuzz targets: written compact and pretty, within the limit,
/// read back equal with an equal fingerprint, and written again the same.
#[track_caller]
fn assert_round_trip(r: &Response) {
    let hasher = FingerprintState::with_seed(8);
    for text in [r.to_json(instrument()), r.to_json_pretty(instrument())] {
        assert!(text.len() <= MAX_RESPONSE_BYTES, "{} bytes", text.len());
        let back = read(&text).unwrap_or_else(|e| panic!("does not read back: {e:.2000}"));
        assert_eq!(&back, r);
        assert_eq!(back.fingerprint(&hasher), r.fingerprint(&hasher));
        assert_eq!(back.to_json(instrument()), r.to_json(instrument()));
        assert_eq!(
            back.to_json_pretty(instrument()),
            r.to_json_pretty(instrument())
        );
    }
}

/// `base()` with `"answers": {"opgave-eigen": <raw>}`, the number as written.
fn with_answer(raw: &str) -> String {
    base().replace("\"opgave-eigen\":4", &format!("\"opgave-eigen\":{raw}"))
}

/// `base()` with the top-level member `"x": <raw>` added.
fn with_x(raw: &str) -> String {
    format!("{}, \"x\": {raw}}}", &BASE[..BASE.len() - 1])
}

// ---------------------------------------------------------------------------------
// Edge cases that behave as they must.

#[test]
fn numbers_that_are_no_answer_name_the_field() {
    for raw in [
        "0",
        "6",
        "-1",
        "-0",
        "-0.0",
        "3.0",
        "3e0",
        "30e-1",
        "3.5",
        "255",
        "256",
        "261",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "1e20",
        "1.7976931348623157e308",
        "5e-324",
    ] {
        let err = error_of(&with_answer(raw));
        assert_eq!(err.fields().len(), 1, "{raw}: {err}");
        assert_names(&err, &["answers.opgave-eigen"]);
    }
}

#[test]
fn numbers_json_cannot_hold_are_syntax_errors() {
    for raw in [
        "1e400", "-1e400", "NaN", "Infinity", "03", "1.", ".5", "+1", "0x3",
    ] {
        let err = error_of(&with_answer(raw));
        assert!(
            matches!(err, ResponseError::Syntax { line: 1, .. }),
            "{raw}: {err:?}"
        );
        assert_names(&err, &["line 1"]);
    }
}

#[test]
fn a_key_given_twice_is_refused_by_name() {
    let text = r#"{"format": "netwerkscan-response", "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2"},
        "answers": {"opgave-eigen": 2, "opgave-eigen": 3}, "x": 1, "x": 2}"#;
    let err = error_of(text);
    assert_names(&err, &["answers.opgave-eigen", "x: ", "twice"]);
    let text = with_x("{}").replace("\"answers\":", "\"answers\":{},\"answers\":");
    assert_names(&error_of(&text), &["answers", "twice"]);
    // An unknown key is named as it is, a dot and all (found by the fuzzer's check that
    // every path starts with a known field: this one names a key of the top level).
    let text = format!(
        "{}, \"col.interest\": 1, \"col.interest\": {{\"x\": 1}}}}",
        &BASE[..BASE.len() - 1]
    );
    let err = error_of(&text);
    assert_eq!(err.fields().len(), 1, "{err}");
    assert_eq!(err.fields()[0].path, "col.interest");
    assert_names(&err, &["col.interest: appears twice"]);
}

#[test]
fn string_escapes() {
    // A pair of surrogates is one character; a lone one is not text.
    let ok = base().replace(
        "\"answers\"",
        r#""respondent": {"alias": "\ud83d\ude00 \u00e9\u0000"}, "answers""#,
    );
    let r = read(&ok).expect("valid escapes");
    assert_eq!(r.respondent.alias, "\u{1f600} \u{e9}\u{0}");
    assert_round_trip(&r);
    for lone in [r"\ud800", r"\udc00", r"\ud800\u0041", r"\udc00\ud800"] {
        let text = base().replace(
            "\"answers\"",
            &format!(r#""respondent": {{"alias": "{lone}"}}, "answers""#),
        );
        let err = error_of(&text);
        assert!(matches!(err, ResponseError::Syntax { .. }), "{lone}: {err}");
        assert_names(&err, &["line 1", "escape"]);
    }
}

#[test]
fn a_control_character_in_a_string_is_a_syntax_error() {
    for c in ['\u{0}', '\u{1}', '\n', '\u{1f}'] {
        let text = base().replace(
            "\"answers\"",
            &format!(r#""respondent": {{"alias": "a{c}b"}}, "answers""#),
        );
        let err = error_of(&text);
        assert!(matches!(err, ResponseError::Syntax { .. }), "{c:?}: {err}");
        assert_names(&err, &["control character"]);
    }
}

#[test]
fn deep_nesting_is_no_stack_overflow() {
    let nest = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // An unknown field is kept as its raw text, skipped over without recursion: any
    // depth reads, and is written back as it was.
    for depth in [127, 128, 129, 10_000, 400_000] {
        let r = read(&with_x(&nest(depth))).unwrap_or_else(|e| panic!("{depth}: {e}"));
        assert_eq!(r.extra.get("x").map(str::len), Some(2 * depth));
        assert_round_trip(&r);
    }
    // Where a value is expected, a deep list is a value of the wrong kind.
    let deep = nest(400_000);
    let err = error_of(&base().replace(":4}", &format!(":{deep}}}")));
    assert_names(&err, &["answers.opgave-eigen", "a list"]);
    let err = error_of(&base().replace(
        "\"answers\"",
        &format!("\"respondent\":{{\"roles\":{deep}}},\"answers\""),
    ));
    assert_names(&err, &["respondent.roles[0]"]);
    assert!(matches!(error_of(&deep), ResponseError::NotAResponse(_)));
    // The instrument is read into a tree: serde_json's recursion limit stops it.
    let err = Instrument::from_json(&nest(100_000)).expect_err("not an instrument");
    assert!(matches!(err, InstrumentError::Syntax { .. }), "{err}");
    assert!(err.to_string().contains("recursion limit"), "{err}");
}

#[test]
fn the_size_limit_is_exact() {
    let text = base();
    let at_limit = format!("{text}{}", " ".repeat(MAX_RESPONSE_BYTES - text.len()));
    assert_round_trip(&read(&at_limit).expect("at the limit"));
    let over = format!("{at_limit} ");
    assert_eq!(
        error_of(&over),
        ResponseError::TooLarge {
            bytes: MAX_RESPONSE_BYTES + 1
        }
    );
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n\r\t ", "\u{feff}", "\u{feff} \n", "\u{3000}"] {
        let err = error_of(text);
        assert!(matches!(err, ResponseError::Empty), "{text:?}: {err:?}");
    }
    for text in ["\u{0}", "\u{feff}\u{feff}"] {
        let err = error_of(text);
        assert!(matches!(err, ResponseError::Syntax { .. }), "{err:?}");
    }
}

#[test]
fn a_key_that_is_a_known_field_in_disguise_is_unknown() {
    // Escaped spellings are the same key; other spellings are other keys.
    let escaped = base().replace("\"answers\"", r#""\u0061nswers""#);
    assert!(read(&escaped).is_ok());
    for key in ["Answers", "answers ", "answers\\u0000"] {
        let text = base().replace("\"answers\"", &format!("\"{key}\""));
        assert_names(&error_of(&text), &["answers", "missing"]);
    }
}

#[test]
fn the_builtin_instrument_re_validates_from_its_own_json() {
    let builtin = Instrument::builtin();
    for json in [
        serde_json::to_string(builtin.file()).expect("serialises"),
        serde_json::to_string_pretty(builtin.file()).expect("serialises"),
    ] {
        assert_eq!(
            &Instrument::from_json(&json).expect("re-validates"),
            builtin
        );
    }
}

// ---------------------------------------------------------------------------------
// The findings (FUZZING.md).

/// F1: reading moved unknown fields around (`serde_json::Map::remove` was
/// `swap_remove`), so each save of a response reordered them. Fixed by the one-pass
/// reader, which keeps them in file order as their raw text.
#[test]
fn f1_unknown_fields_keep_their_order() {
    let text = r#"{"format": "netwerkscan-response", "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2", "c": 1, "a": 2},
        "respondent": {"alias": "A", "b": 1, "a": 2.50},
        "answers": {}, "c": 1, "b": [2, 2.0], "a": {"z": 1, "y": 2}}"#;
    let r = read(text).expect("valid");
    let keys =
        |e: &netwerkregie::response::Extra| e.0.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&r.extra), ["c", "b", "a"]);
    assert_eq!(keys(&r.instrument.extra), ["c", "a"]);
    assert_eq!(keys(&r.respondent.extra), ["b", "a"]);
    // Raw text, to the last digit and the inner order.
    assert_eq!(r.respondent.extra.get("a"), Some("2.50"));
    assert_eq!(r.extra.get("a"), Some(r#"{"z": 1, "y": 2}"#));
    assert_round_trip(&r);
}

/// F2: a UTF-8 byte order mark (Windows editors write one) was refused as "not valid
/// JSON at line 1, column 1: expected value". Fixed by the rewrite: it is skipped.
#[test]
fn f2_a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", base());
    let r = read(&text).expect("a BOM before the JSON is not part of it");
    assert_eq!(r, read(&base()).expect("valid"));
    let instrument = format!("\u{feff}{}", Instrument::builtin_json());
    assert!(Instrument::from_json(&instrument).is_ok());
}

/// F3: a response just under the size limit, read and written again (the page does
/// this on "Antwoorden opslaan"), was pretty-printed to several times the limit and
/// could then not be opened. Fixed: `to_json_pretty` writes compactly when the pretty
/// form would be over the limit, and the reader refuses a text whose written form
/// would be (every section written out), so a saved file always opens again.
#[test]
fn f3_a_response_that_reads_is_written_so_that_it_reads_again() {
    // Many small unknown values: pretty-printing puts each on a line of its own.
    let text = with_x("[]");
    // Room for the sections the writer adds.
    let zeros = (MAX_RESPONSE_BYTES - text.len() - 1000) / 2;
    let big = text.replace(
        "\"x\": []",
        &format!("\"x\": [0{}]", ",0".repeat(zeros - 1)),
    );
    assert!(big.len() <= MAX_RESPONSE_BYTES);
    let r = read(&big).expect("under the limit");
    assert_round_trip(&r);
    // Raw values are written as they were read, so this one stays on one line; many
    // unknown members of a known section do not.
    // `"k000000":0,` is 12 bytes; room for the sections the writer adds.
    let n = (MAX_RESPONSE_BYTES - BASE.len() - 2000) / 12;
    let members: Vec<String> = (0..n).map(|i| format!("\"k{i:06}\":0")).collect();
    let many = base().replace(
        "\"answers\"",
        &format!("\"ladder\":{{{}}},\"answers\"", members.join(",")),
    );
    assert!(many.len() <= MAX_RESPONSE_BYTES);
    let r = read(&many).expect("under the limit");
    assert_eq!(r.ladder.extra.0.len(), n);
    let pretty = r.to_json_pretty(instrument());
    assert!(
        !pretty.contains('\n'),
        "written compactly: pretty would be over"
    );
    assert_round_trip(&r);
}

/// F3, the other side: a text within the limit that would be written larger than it
/// (the sections it leaves out are written out) is refused, saying both sizes.
#[test]
fn f3_a_text_whose_written_form_is_over_the_limit_is_refused() {
    let text = with_x("\"\"");
    let filler = "a".repeat(MAX_RESPONSE_BYTES - text.len());
    let full = text.replace("\"x\": \"\"", &format!("\"x\": \"{filler}\""));
    assert_eq!(full.len(), MAX_RESPONSE_BYTES);
    let err = error_of(&full);
    let ResponseError::TooLargeWritten { bytes, written } = err else {
        panic!("{err:?}");
    };
    assert_eq!(bytes, MAX_RESPONSE_BYTES);
    assert!(written > MAX_RESPONSE_BYTES);
    assert_names(&err, &[&bytes.to_string(), &written.to_string()]);
    assert!(err.message(Lang::Nl).contains("hoogstens"));
    // With room for the sections it reads, and is written within the limit.
    let fits = text.replace(
        "\"x\": \"\"",
        &format!("\"x\": \"{}\"", &filler[..filler.len() - 300]),
    );
    assert_round_trip(&read(&fits).expect("fits when written"));
}

/// F4: the error message was unbounded: every unknown item was listed, so a file of
/// 1 MB gave a message of several MB (the page shows it in a dialog), and a key or
/// value of a megabyte was quoted whole. Fixed: the first 50 problems are spelt out,
/// each cut to a readable length, and the rest counted, in both languages.
#[test]
fn f4_an_error_message_is_not_larger_than_a_few_kilobytes() {
    let items: Vec<String> = (0..20_000).map(|i| format!("\"q{i}\":1")).collect();
    let text = base().replace("\"opgave-eigen\":4", &items.join(","));
    let err = error_of(&text);
    assert_eq!(err.fields().len(), 20_000, "every problem stays available");
    for lang in [Lang::Nl, Lang::En] {
        let message = err.message(lang);
        assert!(message.len() < 48 * 1024, "{} bytes", message.len());
        assert!(
            message.contains("answers.q0:"),
            "the first problems are named"
        );
        assert!(message.contains(&format!("answers.q{}:", MAX_LISTED_PROBLEMS - 1)));
        assert!(!message.contains(&format!("answers.q{MAX_LISTED_PROBLEMS}:")));
    }
    assert!(
        err.to_string().ends_with("; and 19950 more problems"),
        "{err:.100}"
    );
    assert!(err.message(Lang::Nl).ends_with("; en nog 19950 problemen"));

    // One key and one value of half a megabyte each.
    let long = "k".repeat(MAX_RESPONSE_BYTES / 2 - 200);
    let text = base().replace("\"opgave-eigen\":4", &format!("\"{long}\":1"));
    let text = text.replace("\"netwerkscan-response\"", &format!("\"{long}\""));
    let err = error_of(&text);
    for lang in [Lang::Nl, Lang::En] {
        assert!(err.message(lang).len() < 4096, "{lang:?}: {err:.200}");
    }
    let err = error_of(&base().replace("\"opgave-eigen\":4", &format!("\"{long}\":1")));
    for lang in [Lang::Nl, Lang::En] {
        let message = err.message(lang);
        assert!(message.len() < 4096, "{lang:?}: {} bytes", message.len());
        assert!(message.starts_with("answers.kkkk"), "{message:.200}");
    }

    // The instrument's problems too.
    let mut v: Value = serde_json::from_str(Instrument::builtin_json()).expect("JSON");
    for i in 0..5_000 {
        v[format!("unknown-{i}")] = json!(long.len() % 7);
    }
    v[&long] = json!(1);
    let err = Instrument::from_json(&v.to_string()).expect_err("unknown fields");
    let InstrumentError::Invalid(problems) = &err else {
        panic!("{err:.300}")
    };
    assert_eq!(problems.len(), 5_001, "every problem stays available");
    let message = err.to_string();
    assert!(message.len() < 48 * 1024, "{} bytes", message.len());
    assert!(
        message.starts_with("instrument: 5001 problems:\n- "),
        "{message:.200}"
    );
    assert!(message.ends_with("\n- and 4951 more"), "{message:.200}");
    // In Dutch as well.
    let message = err.message(Lang::Nl);
    assert!(message.len() < 48 * 1024, "{} bytes", message.len());
    assert!(
        message.starts_with("instrument: 5001 problemen:\n- "),
        "{message:.200}"
    );
    assert!(message.ends_with("\n- en nog 4951"), "{message:.200}");
}

/// F5: `"version": 1.0` was refused as "not a whole number" while answers took `3.0`,
/// and `-1` got the same wrong reason. Fixed by the rewrite: the version is read like an
/// answer (the format says integers; `3.0` and `1.0` are both refused, naming the
/// field), and a negative version is "not a version number".
#[test]
fn f5_the_version_is_read_like_an_answer() {
    let version = |raw: &str| base().replace("\"version\":2,", &format!("\"version\":{raw},"));
    let err = error_of(&version("2.0"));
    assert_names(&err, &["version 2.0", "without decimals"]);
    assert_names(
        &error_of(&with_answer("3.0")),
        &["answers.opgave-eigen: 3.0", "without decimals"],
    );
    let err = error_of(&version("-1"));
    assert_names(&err, &["version -1 is not a version number"]);
    assert!(!err.to_string().contains("whole number is"), "{err}");
}

/// F6: an instrument value of the wrong type was named by line and column only
/// (`invalid value: integer 256, expected u8 at line 1 column 812`). Fixed by the
/// rewrite: the instrument reader names the field, and lists every problem.
#[test]
fn f6_an_instrument_type_error_names_its_field() {
    let mut v: Value = serde_json::from_str(Instrument::builtin_json()).expect("JSON");
    v["items"][0]["check"] = json!(256);
    v["items"][1]["reverse"] = json!("ja");
    v["title"] = json!(3);
    let err = Instrument::from_json(&v.to_string()).expect_err("wrong types");
    let InstrumentError::Invalid(problems) = &err else {
        panic!("{err}")
    };
    for field in ["items[0].check", "items[1].reverse", "title"] {
        assert!(
            problems
                .iter()
                .any(|p| p.path == field && !p.problem.nl.is_empty()),
            "{field} not named in {problems:?}"
        );
    }
}

/// F7: a response to version 1 is read as version 2 with its answers to replaced
/// questions left out, and the report says how many. Saved (the page's "Antwoorden
/// opslaan") it was a version 2 file with `"from": "1"` and without those answers, so
/// read again it had left out none: the count was lost on the first save. Fixed: the
/// file says `"left_out": n` beside `"from"`, and keeps saying it.
#[test]
fn f7_a_saved_migrated_response_still_says_how_many_answers_were_left_out() {
    let text = include_str!("fixtures/v1/anna-gemeente.json");
    let r = read(text).expect("version 1 reads");
    let left_out = r.migrated.as_ref().map_or(0, |m| m.left_out);
    assert!(left_out > 0);
    let saved = r.to_json_pretty(instrument());
    let v: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    assert_eq!(v["instrument"]["from"], "1");
    assert_eq!(v["instrument"]["left_out"], left_out);
    let back = read(&saved).expect("reads back");
    assert_eq!(back, r, "nothing lost, the count included");
    // Saved again, and again: still the same count, not doubled.
    let again = read(&back.to_json(instrument())).expect("reads back again");
    assert_eq!(again.migrated.as_ref().map(|m| m.left_out), Some(left_out));
    assert_eq!(again, r);
}

/// `left_out` belongs with `from`; alone, or not a count, it is named as a problem.
#[test]
fn f7_left_out_without_from_or_not_a_count_is_refused() {
    let alone = base().replace("\"version\":\"2\"}", "\"version\":\"2\",\"left_out\":2}");
    assert_ne!(alone, base(), "the fixture has the instrument as expected");
    assert_names(&error_of(&alone), &["instrument.left_out", "from"]);
    let text = include_str!("fixtures/v1/anna-gemeente.json");
    let saved = read(text).expect("reads").to_json(instrument());
    for bad in ["-1", "\"3\"", "1.5"] {
        let broken = saved.replacen("\"left_out\":", &format!("\"left_out\":{bad},\"x\":"), 1);
        assert_names(&error_of(&broken), &["instrument.left_out"]);
    }
}

/// F8: a key given twice was found by comparing each key with every key before it,
/// so a file of a megabyte of distinct unknown keys (90,000) took minutes to read,
/// in the response reader (unknown fields of every section) and in the instrument's
/// JSON reader (every object). Fixed: a hash set once an object has many keys.
#[test]
fn f8_many_distinct_keys_read_in_linear_time() {
    let members = |n: usize| {
        (0..n)
            .map(|i| format!("\"k{i}\":0"))
            .collect::<Vec<_>>()
            .join(",")
    };
    let n = 90_000;
    let started = Instant::now();
    for section in ["", "\"interests\":{\"influence\":{", "\"respondent\":{"] {
        let close = "}".repeat(section.matches('{').count());
        let text = base().replace(
            "\"answers\"",
            &format!("{section}{}{close},\"answers\"", members(n)),
        );
        let r = read(&text).unwrap_or_else(|e| panic!("{section}: {e:.300}"));
        let extra = [&r.extra, &r.interests.influence_extra, &r.respondent.extra]
            .iter()
            .map(|e| e.0.len())
            .sum::<usize>();
        assert_eq!(extra, n, "{section}");
        // One given twice among them is still found.
        let twice = text.replace("\"k89999\":0", "\"k0\":0");
        assert_names(&error_of(&twice), &["k0", "twice"]);
    }
    // Inside an unknown field's value (the fast reader checks those keys too).
    let text = base().replace(
        "\"answers\"",
        &format!("\"x\":{{{}}},\"answers\"", members(n)),
    );
    let r = read(&text).expect("valid");
    assert_eq!(
        r.extra.get("x").map(str::len),
        Some(text.len() - BASE.len() - 5)
    );
    let mut instrument = format!("{{{}}}", members(n));
    let _ = Instrument::from_json(&instrument).expect_err("not an instrument");
    instrument = instrument.replace("\"k89999\":0", "\"k0\":0");
    let err = Instrument::from_json(&instrument).expect_err("twice");
    assert!(
        err.to_string().contains("\"k0\" appears twice"),
        "{err:.300}"
    );
    // Quadratic took minutes (debug build); linear takes well under a second.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}
