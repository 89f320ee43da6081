//! The response format, version 2: reading, every error named by its field in Dutch and
//! English, strict types, duplicate keys, versions, and round trips that lose nothing.

mod common;

use std::collections::hash_map::RandomState;

use common::*;
use netwerkregie::response::{MAX_RESPONSE_BYTES, RESPONSE_VERSION};
use netwerkregie::{
    Answer, Concept, Form, Lang, Level, Likert, Position, Response, ResponseError, Role, Rung,
    Sector,
};
use serde_json::{json, Value};

fn base() -> Value {
    doc(&json!({"answers": {"opgave-eigen": 4, "opgave-samen": null}}))
}

/// The base response with `answers.opgave-eigen` set to `value` (raw JSON text).
fn with_opgave_eigen(value: &str) -> String {
    format!(
        r#"{{"format": "netwerkscan-response", "version": 2,
            "instrument": {{"id": "netwerkscan", "version": "2"}},
            "answers": {{"opgave-eigen": {value}, "opgave-samen": null}}}}"#
    )
}

fn parse(text: &str) -> Result<Response, ResponseError> {
    Response::from_json(text, instrument())
}

#[track_caller]
fn error_of(text: &str) -> ResponseError {
    match parse(text) {
        Ok(r) => panic!("expected an error, got {r:?}"),
        Err(e) => e,
    }
}

#[track_caller]
fn assert_mentions(err: &ResponseError, needles: &[&str]) {
    let message = err.to_string();
    for n in needles {
        assert!(message.contains(n), "{n:?} not in {message:?}");
    }
}

fn paths(err: &ResponseError) -> Vec<&str> {
    err.fields().iter().map(|f| f.path.as_str()).collect()
}

// ---------------------------------------------------------------- reading

#[test]
fn a_version_2_response_reads_into_typed_fields() {
    let r = read(&doc(&json!({
        "respondent": {"alias": "Anna", "organisation": "Gemeente Zuiderveen",
                       "roles": ["oplosser", "eigenaar"], "position": "kern",
                       "sector": "overheid", "level": "management"},
        "form": "netwerk",
        "answers": {"opgave-eigen": 4, "opgave-samen": null},
        "importance": {"respect": 5, "vertrouwen": null},
        "comments": {"respect": "Waarden bespreken.", "opgave-wat": "Eenzaamheid terugdringen."},
        "ladder": {"current": "regisseren", "desired": null},
        "interests": {"interest": 5, "give": null, "influence": {"authority": 3}}
    })));
    let i = instrument();
    assert_eq!(r.instrument.id, "netwerkscan");
    assert_eq!(r.instrument.version, "2");
    assert_eq!(r.respondent.roles, [Role::Eigenaar, Role::Oplosser]);
    assert_eq!(r.respondent.position, Answer::Given(Position::Kern));
    assert_eq!(r.respondent.sector, Answer::Given(Sector::Overheid));
    assert_eq!(r.respondent.level, Answer::Given(Level::Management));
    assert_eq!(r.form, Answer::Given(Form::Netwerk));
    assert_eq!(r.answer(i, "opgave-eigen").map(Likert::get), Some(4));
    // "weet niet" is kept apart from "not answered".
    let slot = |id: &str| usize::from(i.slot(id).expect("a statement"));
    assert_eq!(r.answers[slot("opgave-samen")], Answer::Unknown);
    assert_eq!(r.answers[slot("opgave-rol")], Answer::Unanswered);
    assert_eq!(r.answers.len(), 42);
    assert_eq!(r.importance(Concept::Respect).map(Likert::get), Some(5));
    assert_eq!(r.importance[Concept::Vertrouwen.index()], Answer::Unknown);
    assert_eq!(r.importance[Concept::Vrijheid.index()], Answer::Unanswered);
    assert_eq!(r.comment("opgave-wat"), Some("Eenzaamheid terugdringen."));
    assert_eq!(r.comment("respect"), Some("Waarden bespreken."));
    assert_eq!(r.comment("opgave"), None);
    assert_eq!(r.ladder.current, Answer::Given(Rung::Regisseren));
    assert_eq!(r.ladder.desired, Answer::Unknown, "null is weet niet");
    assert_eq!(r.interests.answers[1], Answer::Unknown);
    assert_eq!(r.interests.answers[2], Answer::Unanswered);
    assert!(r.migrated.is_none());
}

#[test]
fn the_examples_read() {
    let rs = examples();
    assert_eq!(rs[0].respondent.alias, "Anna");
    assert_eq!(rs[4].ladder.current, Answer::Unknown, "Eva: weet niet");
    assert!(rs
        .iter()
        .all(|r| r.migrated.is_none() && r.extra.is_empty()));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", base());
    let r = parse(&text).expect("read with a BOM");
    assert_eq!(r, parse(&base().to_string()).expect("valid"));
    // A BOM and nothing else is an empty file.
    assert_eq!(error_of("\u{feff}  "), ResponseError::Empty);
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let err = error_of("{\"format\": \"netwerkscan-response\", ");
    assert!(
        matches!(err, ResponseError::Syntax { line: 1, .. }),
        "{err:?}"
    );
    assert_mentions(&err, &["not valid JSON", "line 1"]);
    assert!(err
        .message(Lang::Nl)
        .starts_with("geen geldige JSON op regel 1, kolom"));

    let err = error_of("{\n  \"format\": \"netwerkscan-response\",\n  \"version\": 2,\n  oops\n}");
    assert!(
        matches!(
            err,
            ResponseError::Syntax {
                line: 4,
                column: 3,
                ..
            }
        ),
        "{err:?}"
    );
    // Trailing text after the object.
    let err = error_of(&format!("{} x", base()));
    assert!(matches!(err, ResponseError::Syntax { .. }), "{err:?}");
}

#[test]
fn json_that_is_not_a_response() {
    let err = error_of("[1, 2, 3]");
    assert!(matches!(err, ResponseError::NotAResponse(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "not a netwerkscan response: expected a JSON object, found a list"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "geen netwerkscan-antwoordbestand: verwacht een JSON-object, gevonden: een lijst"
    );
    assert_mentions(&error_of("42"), &["a number"]);

    let text = base()
        .to_string()
        .replace("netwerkscan-response", "netwerkscan-instrument");
    assert_eq!(
        error_of(&text).to_string(),
        "not a netwerkscan response: format is \"netwerkscan-instrument\", expected \"netwerkscan-response\""
    );
    let mut v = base();
    v.as_object_mut().expect("object").remove("format");
    assert_mentions(&error_of(&v.to_string()), &["\"format\" is missing"]);
}

#[test]
fn empty_and_too_large_texts() {
    for text in ["", "   ", "\n\n", "\t \r\n"] {
        let err = error_of(text);
        assert_eq!(err, ResponseError::Empty, "{text:?}");
        assert_eq!(
            err.message(Lang::Nl),
            "het bestand is leeg; verwacht een netwerkscan-antwoordbestand (JSON)"
        );
    }
    let big = format!("{}{}", base(), " ".repeat(2 * 1024 * 1024));
    let err = error_of(&big);
    assert_eq!(err, ResponseError::TooLarge { bytes: big.len() });
    assert_mentions(&err, &[&big.len().to_string(), "bytes"]);
    // Exactly the limit is still read.
    let mut padded = base().to_string();
    padded.push_str(&" ".repeat(MAX_RESPONSE_BYTES - padded.len()));
    assert!(parse(&padded).is_ok());
    padded.push(' ');
    assert!(matches!(error_of(&padded), ResponseError::TooLarge { .. }));
}

// ---------------------------------------------------------------- field errors

#[test]
fn an_unknown_item_is_named_in_both_languages() {
    let mut v = base();
    v["answers"]["opgave-99"] = json!(3);
    let err = error_of(&v.to_string());
    assert_eq!(paths(&err), ["answers.opgave-99"]);
    assert_eq!(
        err.to_string(),
        "answers.opgave-99: unknown item (instrument netwerkscan 2 has no item \"opgave-99\")"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "answers.opgave-99: onbekende vraag (instrument netwerkscan 2 heeft geen vraag \"opgave-99\")"
    );
    // A version 1 id in a version 2 file is unknown too.
    let mut v = base();
    v["answers"]["respect-1"] = json!(3);
    assert_eq!(paths(&error_of(&v.to_string())), ["answers.respect-1"]);
}

#[test]
fn an_open_question_in_answers_points_to_comments() {
    let mut v = base();
    v["answers"]["opgave-wat"] = json!("Eenzaamheid terugdringen.");
    let err = error_of(&v.to_string());
    assert_eq!(paths(&err), ["answers.opgave-wat"]);
    assert_eq!(
        err.to_string(),
        "answers.opgave-wat: \"opgave-wat\" is an open question; its answer belongs as text in comments.opgave-wat"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "answers.opgave-wat: \"opgave-wat\" is een open vraag; het antwoord hoort als tekst in comments.opgave-wat"
    );
}

#[test]
fn answers_off_the_scale() {
    for bad in ["7", "0", "6", "-1", "255", "256", "18446744073709551615"] {
        let err = error_of(&with_opgave_eigen(bad));
        assert_eq!(paths(&err), ["answers.opgave-eigen"], "{bad}");
        assert_eq!(
            err.to_string(),
            format!("answers.opgave-eigen: {bad} is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")")
        );
    }
    let err = error_of(&with_opgave_eigen("7"));
    assert_eq!(
        err.message(Lang::Nl),
        "answers.opgave-eigen: 7 ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")"
    );
}

#[test]
fn an_answer_must_be_a_whole_number() {
    // 3.0 is refused, as `version: 1.0` is: the format writes integers. The message
    // says what to write instead.
    for (bad, en, nl) in [
        (
            "3.0",
            "3.0 has decimals; write 3 (without decimals) or null",
            "3.0 heeft decimalen; schrijf 3 (zonder decimalen) of null",
        ),
        (
            "5e0",
            "5.0 has decimals; write 5 (without decimals) or null",
            "5.0 heeft decimalen; schrijf 5 (zonder decimalen) of null",
        ),
        (
            "2.5",
            "2.5 is not a whole number; write 1, 2, 3, 4 or 5 without decimals, or null",
            "2.5 is geen geheel getal; schrijf 1, 2, 3, 4 of 5 zonder decimalen, of null",
        ),
        (
            "1e3",
            "1000.0 is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")",
            "1000.0 ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")",
        ),
    ] {
        let err = error_of(&with_opgave_eigen(bad));
        assert_eq!(paths(&err), ["answers.opgave-eigen"]);
        assert_eq!(err.to_string(), format!("answers.opgave-eigen: {en}"));
        assert_eq!(err.message(Lang::Nl), format!("answers.opgave-eigen: {nl}"));
    }
    let err = error_of(&with_opgave_eigen("\"4\""));
    assert_eq!(
        err.to_string(),
        "answers.opgave-eigen: \"4\" is text; write the number without quotes (1..5) or null"
    );
    for other in ["true", "[4]", "{\"v\": 4}"] {
        let err = error_of(&with_opgave_eigen(other));
        assert_eq!(paths(&err), ["answers.opgave-eigen"], "{other}");
        assert_mentions(&err, &["expected a number 1..5 or null"]);
    }
}

#[test]
fn required_fields() {
    for (field, message) in [
        (
            "version",
            "not a netwerkscan response: the field \"version\" is missing",
        ),
        (
            "instrument",
            "instrument: is missing (expected {\"id\": ..., \"version\": ...})",
        ),
        (
            "answers",
            "answers: is missing (expected an object of item answers)",
        ),
    ] {
        let mut v = base();
        v.as_object_mut().expect("object").remove(field);
        assert_eq!(error_of(&v.to_string()).to_string(), message);
    }
    // A null instrument is a missing one, not an instrument with the id "".
    let mut v = base();
    v["instrument"] = Value::Null;
    assert_eq!(
        error_of(&v.to_string()).to_string(),
        "instrument: is missing (expected {\"id\": ..., \"version\": ...})"
    );
    // The other sections are optional.
    let r = parse(&base().to_string()).expect("valid");
    assert!(r.respondent.roles.is_empty());
    assert_eq!(r.ladder.current, Answer::Unanswered);
    assert_eq!(r.form, Answer::Unanswered);
}

#[test]
fn wrong_types_name_their_field() {
    let cases: &[(&str, Value, &str)] = &[
        ("answers", json!([4, 5]), "answers"),
        ("instrument", json!("netwerkscan"), "instrument"),
        ("respondent", json!({"alias": 5}), "respondent.alias"),
        (
            "respondent",
            json!({"organisation": ["a"]}),
            "respondent.organisation",
        ),
        (
            "respondent",
            json!({"roles": "eigenaar"}),
            "respondent.roles",
        ),
        (
            "respondent",
            json!({"roles": ["baas"]}),
            "respondent.roles[0]",
        ),
        (
            "respondent",
            json!({"position": "midden"}),
            "respondent.position",
        ),
        ("respondent", json!({"sector": "kerk"}), "respondent.sector"),
        ("respondent", json!({"level": 3}), "respondent.level"),
        ("form", json!("boom"), "form"),
        ("importance", json!({"liefde": 3}), "importance.liefde"),
        ("importance", json!({"respect": 9}), "importance.respect"),
        ("comments", json!({"respect": 3}), "comments.respect"),
        ("ladder", json!({"current": "bovenaan"}), "ladder.current"),
        ("ladder", json!({"desired": 2}), "ladder.desired"),
        ("interests", json!({"give": 0}), "interests.give"),
        ("interests", json!({"passion": 2.0}), "interests.passion"),
        (
            "interests",
            json!({"influence": {"authority": "veel"}}),
            "interests.influence.authority",
        ),
        ("interests", json!({"influence": 3}), "interests.influence"),
        ("ladder", json!([]), "ladder"),
    ];
    for (field, value, path) in cases {
        let mut v = base();
        v[*field] = value.clone();
        let err = error_of(&v.to_string());
        assert_eq!(paths(&err), [*path], "{field}: {value}");
    }
    let mut v = base();
    v["respondent"] = json!({"sector": "kerk"});
    assert_eq!(
        error_of(&v.to_string()).to_string(),
        "respondent.sector: unknown value \"kerk\" (expected one of overheid, maatschappelijk, bedrijf, bewoners)"
    );
    v["respondent"] = json!({"alias": 5});
    let err = error_of(&v.to_string());
    assert_eq!(
        err.to_string(),
        "respondent.alias: expected text, found a number"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "respondent.alias: verwacht tekst, gevonden: een getal"
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let text = r#"{
        "format": "netwerkscan-response",
        "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2"},
        "respondent": {"alias": "Anna", "roles": ["eigenaar", "baas"], "position": "midden", "level": "top"},
        "form": "boom",
        "answers": {"opgave-eigen": 7, "opgave-samen": "4", "opgave-rol": 2.5, "opgave-belang": 0,
                    "liefde-1": 3, "opgave-balans": 3, "eerste-stap": 2},
        "importance": {"respect": 9},
        "comments": {"ladder-1": "x"},
        "ladder": {"current": "bovenaan", "desired": "faciliteren"},
        "interests": {"give": 6, "influence": {"resources": -2}}
    }"#;
    let err = error_of(text);
    let mut found = paths(&err);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "answers.eerste-stap",
            "answers.liefde-1",
            "answers.opgave-belang",
            "answers.opgave-eigen",
            "answers.opgave-rol",
            "answers.opgave-samen",
            "comments.ladder-1",
            "form",
            "importance.respect",
            "interests.give",
            "interests.influence.resources",
            "ladder.current",
            "respondent.level",
            "respondent.position",
            "respondent.roles[1]",
        ]
    );
    // Both messages list them all.
    for lang in [Lang::En, Lang::Nl] {
        let message = err.message(lang);
        for p in &found {
            assert!(message.contains(p), "{p} not in {message}");
        }
    }
    // Every field error has its text in both languages.
    for f in err.fields() {
        assert!(!f.problem.nl.is_empty() && !f.problem.en.is_empty());
        assert_ne!(f.problem.nl, f.problem.en, "{}", f.path);
    }
}

#[test]
fn the_instrument_must_match() {
    let mut v = base();
    v["instrument"]["id"] = json!("andere-scan");
    let err = error_of(&v.to_string());
    assert_eq!(
        err.to_string(),
        "instrument.id: this file answers the instrument \"andere-scan\", not \"netwerkscan\""
    );
    let mut v = base();
    v["instrument"]["version"] = json!("7");
    let err = error_of(&v.to_string());
    assert_eq!(
        err.to_string(),
        "instrument.version: this file answers version \"7\" of the instrument; this Netwerkscan knows version 2, 1"
    );
    assert!(err
        .message(Lang::Nl)
        .contains("deze Netwerkscan kent versie 2, 1"));
}

#[test]
fn comments_belong_to_a_concept_a_module_or_an_open_question() {
    let r = read(&doc(&json!({"comments": {
        "gelijkwaardigheid": "a", "opgave": "b", "ladder": "c", "belangen": "d",
        "opgave-wat": "e", "eerste-stap": "f"
    }})));
    assert_eq!(r.comments.len(), 6);
    // Sorted by key.
    let keys: Vec<&str> = r.comments.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "belangen",
            "eerste-stap",
            "gelijkwaardigheid",
            "ladder",
            "opgave",
            "opgave-wat"
        ]
    );
    for key in ["opgave-eigen", "vertrouwen-agenda", "liefde", ""] {
        let mut v = base();
        v["comments"] = json!({ key: "x" });
        let err = error_of(&v.to_string());
        assert_eq!(paths(&err), [format!("comments.{key}").as_str()]);
        assert_eq!(
            err.to_string(),
            format!("comments.{key}: comments belong to a concept (gelijkwaardigheid, respect, vrijheid, verantwoording, transparantie, vertrouwen), a module (opgave, organisatie, relaties, belangen, ladder) or an open question (opgave-wat, eerste-stap)")
        );
    }
}

// ---------------------------------------------------------------- duplicate keys

#[test]
fn a_key_given_twice_is_refused_by_name_at_every_level() {
    let cases: &[(&str, &str)] = &[
        (
            r#""answers": {"opgave-eigen": 4}, "answers": {"opgave-eigen": 5}"#,
            "answers",
        ),
        (
            r#""answers": {"opgave-eigen": 4, "opgave-eigen": 5}"#,
            "answers.opgave-eigen",
        ),
        (
            r#""answers": {}, "importance": {"respect": 4, "respect": 5}"#,
            "importance.respect",
        ),
        (
            r#""answers": {}, "comments": {"respect": "a", "respect": "b"}"#,
            "comments.respect",
        ),
        (
            r#""answers": {}, "ladder": {"current": "loslaten", "current": "reguleren"}"#,
            "ladder.current",
        ),
        (
            r#""answers": {}, "ladder": {"x-note": 1, "x-note": 2}"#,
            "ladder.x-note",
        ),
        (
            r#""answers": {}, "interests": {"give": 1, "give": 2}"#,
            "interests.give",
        ),
        (
            r#""answers": {}, "interests": {"influence": {}, "influence": {}}"#,
            "interests.influence",
        ),
        (
            r#""answers": {}, "interests": {"influence": {"authority": 1, "authority": 1}}"#,
            "interests.influence.authority",
        ),
        (
            r#""answers": {}, "respondent": {"alias": "A", "alias": "B"}"#,
            "respondent.alias",
        ),
        (
            r#""answers": {}, "respondent": {"sector": "bedrijf", "sector": "overheid"}"#,
            "respondent.sector",
        ),
        (
            r#""answers": {}, "form": "keten", "form": "netwerk""#,
            "form",
        ),
        (r#""answers": {}, "x-extra": 1, "x-extra": 1"#, "x-extra"),
    ];
    for (body, path) in cases {
        let text = format!(
            r#"{{"format": "netwerkscan-response", "version": 2,
                "instrument": {{"id": "netwerkscan", "version": "2"}}, {body}}}"#
        );
        let err = error_of(&text);
        assert_eq!(paths(&err), [*path], "{body}");
        assert_eq!(
            err.to_string(),
            format!("{path}: appears twice in the same object; keep one")
        );
        assert_eq!(
            err.message(Lang::Nl),
            format!("{path}: staat twee keer in hetzelfde object; laat er één staan")
        );
    }
    // The instrument reference and the version.
    let err = error_of(
        r#"{"format": "netwerkscan-response", "version": 2, "version": 2,
            "instrument": {"id": "netwerkscan", "id": "netwerkscan", "version": "2"},
            "answers": {}}"#,
    );
    let mut found = paths(&err);
    found.sort_unstable();
    assert_eq!(found, ["instrument.id", "version"]);
}

#[test]
fn a_comment_given_twice_is_refused_even_when_the_first_is_null() {
    let err = error_of(
        r#"{"format": "netwerkscan-response", "version": 2,
            "instrument": {"id": "netwerkscan", "version": "2"}, "answers": {},
            "comments": {"respect": null, "respect": "b"}}"#,
    );
    assert_eq!(paths(&err), ["comments.respect"]);
}

// ---------------------------------------------------------------- versions

#[test]
fn versions_the_reader_cannot_read_are_named_truly() {
    let with_version = |v: &str| {
        format!(
            r#"{{"format": "netwerkscan-response", "version": {v},
                "instrument": {{"id": "netwerkscan", "version": "2"}}, "answers": {{}}}}"#
        )
    };
    assert_eq!(RESPONSE_VERSION, 2);
    let err = error_of(&with_version("1.0"));
    assert_eq!(
        err.to_string(),
        "not a netwerkscan response: version 1.0 has decimals; write the version without decimals, such as 2"
    );
    assert!(err
        .message(Lang::Nl)
        .contains("version 1.0 heeft decimalen"));
    let err = error_of(&with_version("1.5"));
    assert_eq!(
        err.to_string(),
        "not a netwerkscan response: version 1.5 is not a whole number; write the version without decimals, such as 2"
    );

    let err = error_of(&with_version("-1"));
    assert_eq!(
        err.to_string(),
        "not a netwerkscan response: version -1 is not a version number (expected a whole number from 0 to 2)"
    );
    assert!(!err.to_string().contains("whole number;"));

    // 2^64 does not fit any integer type, but it is a whole number: a newer version.
    let err = error_of(&with_version("18446744073709551616"));
    assert_eq!(
        err,
        ResponseError::NewerVersion {
            found: "18446744073709551616".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "version: this file has response format version 18446744073709551616; this Netwerkscan reads up to version 2. Update Netwerkscan to open it"
    );
    assert!(!err.to_string().contains("whole number"));

    let err = error_of(&with_version("3"));
    assert_eq!(err, ResponseError::NewerVersion { found: "3".into() });
    assert_eq!(
        err.message(Lang::Nl),
        "version: dit bestand heeft antwoordformaat versie 3; deze Netwerkscan leest tot en met versie 2. Werk Netwerkscan bij om het te openen"
    );
    // A newer file is refused whole, not half-read: its other problems are not listed.
    let text = with_version("3").replace("\"answers\": {}", "\"answers\": {\"x\": 9}");
    assert_eq!(
        error_of(&text),
        ResponseError::NewerVersion { found: "3".into() }
    );

    let err = error_of(&with_version("\"2\""));
    assert_eq!(
        err.to_string(),
        "not a netwerkscan response: version is \"2\", expected a number such as 2"
    );
}

#[test]
fn version_0_the_prototypes_draft_is_migrated() {
    let text = r#"{
        "format": "netwerkscan-response",
        "version": 0,
        "instrument": {"id": "netwerkscan", "version": "1"},
        "respondent": {"alias": "Oud", "organisation": "Prototype"},
        "scores": {"respect-2": 4, "respect-3": null, "opgave-2": 2, "respect-1": 5},
        "ladder_current": "regisseren",
        "ladder_desired": "faciliteren"
    }"#;
    let r = parse(text).expect("migrated");
    let i = instrument();
    // Through the version 1 map: respect-2 -> respect-visie, respect-3 -> respect-voeten,
    // opgave-2 -> opgave-positiespel; respect-1 was replaced.
    assert_eq!(r.answer(i, "respect-visie").map(Likert::get), Some(4));
    assert_eq!(
        r.answers[usize::from(i.slot("respect-voeten").expect("slot"))],
        Answer::Unknown
    );
    assert_eq!(r.answer(i, "opgave-positiespel").map(Likert::get), Some(2));
    assert_eq!(r.ladder.current, Answer::Given(Rung::Regisseren));
    assert_eq!(r.ladder.desired, Answer::Given(Rung::Faciliteren));
    assert!(r.extra.is_empty(), "old fields are gone: {:?}", r.extra);
    let m = r.migrated.as_ref().expect("migrated");
    assert_eq!((m.from.as_str(), m.left_out), ("1", 1));

    // Written back as version 2, saying the answers were given to version 1 and one
    // was left out.
    let v: Value = serde_json::from_str(&r.to_json(i)).expect("JSON");
    assert_eq!(v["version"], json!(2));
    assert_eq!(
        v["instrument"],
        json!({"id": "netwerkscan", "version": "2", "from": "1", "left_out": 1})
    );
    assert_eq!(v["answers"]["respect-visie"], json!(4));
    assert_eq!(
        v["ladder"],
        json!({"current": "regisseren", "desired": "faciliteren"})
    );
    for old in ["scores", "ladder_current", "ladder_desired"] {
        assert!(v.get(old).is_none(), "{old}");
    }

    // Version 0 values are checked like any other.
    let err = error_of(
        r#"{"format": "netwerkscan-response", "version": 0,
            "instrument": {"id": "netwerkscan", "version": "1"},
            "scores": {"respect-2": 8}}"#,
    );
    assert_eq!(paths(&err), ["answers.respect-2"]);
}

#[test]
fn version_0_keeps_unknown_numbers_to_the_last_digit() {
    // Found by the round-trip property: the draft was rewritten through serde_json's
    // Value, which read 3.979597035332209e146 one unit in the last place off, so the
    // unknown field changed value on reading.
    for raw in [
        "3.979597035332209e146",
        "0.1000000000000000055511151231257827",
        "123456789012345678901234567890",
        "[1E+2, {\"a\": -0.0}]",
    ] {
        let text = format!(
            r#"{{"format": "netwerkscan-response", "version": 0,
                "instrument": {{"id": "netwerkscan", "version": "1"}},
                "scores": {{}}, "x-extra": {raw}, "ladder_current": "loslaten"}}"#
        );
        let r = parse(&text).expect("migrated");
        assert_eq!(r.extra.get("x-extra"), Some(raw));
        assert_eq!(r.ladder.current, Answer::Given(Rung::Loslaten));
        let again = parse(&r.to_json_pretty(instrument())).expect("reads back");
        assert_eq!(again.extra, r.extra);
    }
}

#[test]
fn a_null_on_the_ladder_is_weet_niet_in_version_2_and_unanswered_in_version_1() {
    let v2 = read(&doc(
        &json!({"ladder": {"current": null, "desired": "loslaten"},
                               "respondent": {"position": null}}),
    ));
    assert_eq!(v2.ladder.current, Answer::Unknown);
    assert_eq!(v2.respondent.position, Answer::Unknown);
    let written: Value = serde_json::from_str(&v2.to_json(instrument())).expect("JSON");
    assert_eq!(
        written["ladder"],
        json!({"current": null, "desired": "loslaten"})
    );
    assert_eq!(written["respondent"]["position"], Value::Null);

    let v1 = read(&json!({
        "format": "netwerkscan-response", "version": 1,
        "instrument": {"id": "netwerkscan", "version": "1"},
        "respondent": {"position": null},
        "answers": {},
        "ladder": {"current": null, "desired": "loslaten"}
    }));
    assert_eq!(v1.ladder.current, Answer::Unanswered);
    assert_eq!(v1.respondent.position, Answer::Unanswered);
    let written: Value = serde_json::from_str(&v1.to_json(instrument())).expect("JSON");
    assert_eq!(written["ladder"], json!({"desired": "loslaten"}));
    assert!(written["respondent"].get("position").is_none());
    // In a report, the version 2 null is counted as weet niet, the version 1 one not at all.
    let r = report(&[v2, v1]);
    assert_eq!(r.ladder.all.unknown, (1, 0));
}

// ---------------------------------------------------------------- round trips

/// A complete response plus unknown fields at every level, as raw text: numbers that
/// an f64 cannot hold, big integers and nested objects.
const FULL: &str = r#"{
  "format": "netwerkscan-response",
  "version": 2,
  "instrument": {"id": "netwerkscan", "version": "2", "checksum": "abc123"},
  "respondent": {
    "alias": "Anna",
    "organisation": "Gemeente",
    "roles": ["eigenaar", "oplosser"],
    "position": "kern",
    "sector": "overheid",
    "level": "bestuur",
    "email": "anna@example.org",
    "x-team": {"naam": "Sociaal domein", "leden": [1, 2, {"a": null}]}
  },
  "form": "mix",
  "answers": {"opgave-eigen": 4, "opgave-samen": null, "respect-voeten": 1},
  "importance": {"respect": 5, "vertrouwen": null},
  "comments": {"opgave-wat": "tekst met \"quotes\", é en \\ en \u0001", "respect": ""},
  "ladder": {"current": "regisseren", "desired": null, "toelichting": "nog onduidelijk"},
  "interests": {
    "interest": 4, "give": 3, "take": null, "passion": 5,
    "influence": {"resources": 3, "authority": null, "information": 4, "communication": 2,
                  "netwerk": 0.1000000000000000055511151231257827},
    "notitie": ["a", "b"]
  },
  "x-trainer": {"sessie": 3, "datum": "2024-05-01", "vlag": true, "getal": 2.50},
  "x-big": 123456789012345678901234567890,
  "x-exp": 1E+2,
  "zz-last": null
}"#;

#[test]
fn unknown_fields_survive_the_round_trip_byte_for_byte() {
    let i = instrument();
    let r = parse(FULL).expect("valid");
    assert_eq!(r.instrument.extra.get("checksum"), Some("\"abc123\""));
    assert_eq!(
        r.respondent.extra.get("email"),
        Some("\"anna@example.org\"")
    );
    assert_eq!(
        r.respondent.extra.get("x-team"),
        Some(r#"{"naam": "Sociaal domein", "leden": [1, 2, {"a": null}]}"#)
    );
    assert_eq!(
        r.ladder.extra.get("toelichting"),
        Some("\"nog onduidelijk\"")
    );
    assert_eq!(r.interests.extra.get("notitie"), Some(r#"["a", "b"]"#));
    assert_eq!(
        r.interests.influence_extra.get("netwerk"),
        Some("0.1000000000000000055511151231257827")
    );
    assert_eq!(r.extra.get("x-big"), Some("123456789012345678901234567890"));
    assert_eq!(r.extra.get("x-exp"), Some("1E+2"));
    assert_eq!(r.extra.get("zz-last"), Some("null"));
    let keys: Vec<&str> = r.extra.0.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        ["x-trainer", "x-big", "x-exp", "zz-last"],
        "file order"
    );

    for text in [r.to_json_pretty(i), r.to_json(i)] {
        for raw in [
            "0.1000000000000000055511151231257827",
            "123456789012345678901234567890",
            "1E+2",
            "2.50",
        ] {
            assert!(text.contains(raw), "{raw} in {text}");
        }
        let again = parse(&text).expect("reads back");
        assert_eq!(again, r);
        assert_eq!(again.to_json_pretty(i), r.to_json_pretty(i));
    }
    // As JSON values (numbers compared as serde_json reads them), nothing is lost or
    // added.
    let original: Value = serde_json::from_str(FULL).expect("JSON");
    let written: Value = serde_json::from_str(&r.to_json_pretty(i)).expect("JSON");
    assert_eq!(written, original);
}

#[test]
fn a_sparse_response_is_written_in_full_and_reads_back_equal() {
    let i = instrument();
    let r = parse(&base().to_string()).expect("valid");
    let v: Value = serde_json::from_str(&r.to_json_pretty(i)).expect("JSON");
    assert_eq!(
        v,
        json!({
            "format": "netwerkscan-response",
            "version": 2,
            "instrument": {"id": "netwerkscan", "version": "2"},
            "respondent": {"alias": "", "organisation": "", "roles": []},
            "answers": {"opgave-eigen": 4, "opgave-samen": null},
            "importance": {},
            "comments": {},
            "ladder": {},
            "interests": {"influence": {}}
        })
    );
    assert_eq!(parse(&r.to_json_pretty(i)).expect("reads back"), r);
}

#[test]
fn answers_are_written_in_the_instruments_order() {
    let r = read(&doc(&json!({"answers": {
        "vertrouwen-agenda": 2, "opgave-eigen": 4, "respect-waarden": 3
    }})));
    let text = r.to_json(instrument());
    let at = |k: &str| text.find(k).unwrap_or_else(|| panic!("{k}"));
    assert!(at("opgave-eigen") < at("respect-waarden"));
    assert!(at("respect-waarden") < at("vertrouwen-agenda"));
}

#[test]
fn roles_are_deduplicated_and_ordered() {
    let r = read(&doc(
        &json!({"respondent": {"roles": ["oplosser", "eigenaar", "oplosser"]}}),
    ));
    assert_eq!(r.respondent.roles, [Role::Eigenaar, Role::Oplosser]);
}

#[test]
fn interests_keep_weet_niet_apart_from_unanswered() {
    let r = read(&doc(&json!({"interests": {
        "give": null, "take": 4, "influence": {"authority": null}
    }})));
    let back: Value = serde_json::from_str(&r.to_json(instrument())).expect("JSON");
    assert_eq!(
        back["interests"],
        json!({"give": null, "take": 4, "influence": {"authority": null}})
    );
    assert_eq!(read(&back), r);
}

// ---------------------------------------------------------------- fingerprints

#[test]
fn the_fingerprint_sees_content_not_formatting() {
    let hasher = RandomState::new();
    let i = instrument();
    let compact = r#"{"format":"netwerkscan-response","version":2,"instrument":{"id":"netwerkscan","version":"2"},"respondent":{"alias":"Anna","roles":["oplosser","eigenaar"]},"answers":{"opgave-eigen":4,"respect-voeten":null},"comments":{"respect":"x","opgave":"y"}}"#;
    // The same response: other whitespace, other key order, roles in another order.
    let reformatted = r#"{
        "answers": {"respect-voeten": null, "opgave-eigen": 4},
        "comments": {"opgave": "y", "respect": "x"},
        "respondent": {"roles": ["eigenaar", "oplosser"], "alias": "Anna"},
        "instrument": {"version": "2", "id": "netwerkscan"},
        "version": 2, "format": "netwerkscan-response"
    }"#;
    let a = parse(compact).expect("valid");
    let b = parse(reformatted).expect("valid");
    assert_eq!(a, b);
    assert_eq!(a.fingerprint(&hasher), b.fingerprint(&hasher));
    let written = parse(&a.to_json_pretty(i)).expect("valid");
    assert_eq!(a.fingerprint(&hasher), written.fingerprint(&hasher));

    // One answer different, "weet niet" against unanswered, one comment different.
    for other in [
        compact.replace("\"opgave-eigen\":4", "\"opgave-eigen\":5"),
        compact.replace(",\"respect-voeten\":null", ""),
        compact.replace("\"x\"", "\"z\""),
        compact.replace("Anna", "Anne"),
    ] {
        let c = parse(&other).expect("valid");
        assert_ne!(a, c);
        assert_ne!(a.fingerprint(&hasher), c.fingerprint(&hasher), "{other}");
    }
}
