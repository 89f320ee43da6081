//! The `netwerkscan` binary, run as a user would: exit codes, stdout and stderr.

mod common;

use std::fs;
use std::path::Path;

use common::{assert_no_panic, examples, run, stderr, stdout, TempDir};
use serde_json::{json, Value};

fn close(actual: &Value, expected: f64, what: &str) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected a number, found {actual}"));
    assert!(
        (a - expected).abs() < 1e-12,
        "{what}: expected {expected}, found {a}"
    );
}

fn report_json(args: &[&str]) -> Value {
    let o = run(args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_no_panic(&o);
    serde_json::from_str(&stdout(&o)).expect("stdout is JSON")
}

// ---------------------------------------------------------------- report

#[test]
fn report_json_of_the_examples() {
    let report = report_json(&["report", "--json", "examples/"]);
    assert_eq!(report["respondents"], json!(5));
    assert_eq!(
        report["instrument"],
        json!({"id": "netwerkscan", "version": "1"})
    );

    // Hand-computed from the example files. Reverse items (`-3` of every concept,
    // opgave-2, organisatie-4) count as 6 - v; null is left out.
    //
    // gelijkwaardigheid
    //   Anna  5, 4, 2 -> 4        = 13/3
    //   Bram  4, 3, 3 -> 3        = 10/3
    //   Chris 3, 3, 3 -> 3        = 3
    //   Dewi  2, 2, 5 -> 1        = 5/3
    //   Eva   4, 3, null          = 7/2
    //   mean (13/3 + 10/3 + 3 + 5/3 + 7/2) / 5 = (95/6) / 5 = 19/6
    // respect
    //   Anna 4, 4, 2 -> 4 = 4; Bram 3, 3, 2 -> 4 = 10/3; Chris null, 3, 3 -> 3 = 3;
    //   Dewi 2, 3, 4 -> 2 = 7/3; Eva 3, 3, null = 3
    //   mean (4 + 10/3 + 3 + 7/3 + 3) / 5 = (47/3) / 5 = 47/15
    // vrijheid
    //   Anna 4, 4, 1 -> 5 = 13/3; Bram 3, 3, 3 = 3; Chris 3, null, 3 -> 3 = 3;
    //   Dewi 2, 2, 5 -> 1 = 5/3; Eva 4, 3, 2 -> 4 = 11/3
    //   mean (13/3 + 3 + 3 + 5/3 + 11/3) / 5 = (47/3) / 5 = 47/15
    // verantwoording
    //   Anna 4, 3, 2 -> 4 = 11/3; Bram 4, 3, 3 = 10/3; Chris 3, 3, 3 = 3;
    //   Dewi 4, 3, 3 = 10/3; Eva 4, 4, 2 -> 4 = 4
    //   mean (11/3 + 10/3 + 3 + 10/3 + 4) / 5 = (52/3) / 5 = 52/15
    // transparantie
    //   Anna 4, 4, 2 -> 4 = 4; Bram 3, 3, 3 = 3; Chris 2, null, 4 -> 2 = 2;
    //   Dewi 2, 2, 2 -> 4 = 8/3; Eva 3, 4, 2 -> 4 = 11/3
    //   mean (4 + 3 + 2 + 8/3 + 11/3) / 5 = (46/3) / 5 = 46/15
    // vertrouwen
    //   Anna 4, 3, 2 -> 4 = 11/3; Bram 4, 2, 2 -> 4 = 10/3; Chris 3, 3, null = 3;
    //   Dewi 3, 2, 3 -> 3 = 8/3; Eva 4, 3, 2 -> 4 = 11/3
    //   mean (11/3 + 10/3 + 3 + 8/3 + 11/3) / 5 = (49/3) / 5 = 49/15
    let concepts = &report["concepts"];
    for (id, mean) in [
        ("gelijkwaardigheid", 19.0 / 6.0),
        ("respect", 47.0 / 15.0),
        ("vrijheid", 47.0 / 15.0),
        ("verantwoording", 52.0 / 15.0),
        ("transparantie", 46.0 / 15.0),
        ("vertrouwen", 49.0 / 15.0),
    ] {
        close(&concepts[id]["mean"], mean, id);
        assert_eq!(concepts[id]["n"], json!(5), "{id}");
        assert_eq!(concepts[id]["band"], json!("aandacht"), "{id}");
    }
    // Concepts come in instrument order.
    let order: Vec<&str> = concepts
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        order,
        [
            "gelijkwaardigheid",
            "respect",
            "vrijheid",
            "verantwoording",
            "transparantie",
            "vertrouwen"
        ]
    );

    // opgave (6 items, half = 3)
    //   Anna 4, 2 -> 4, 3, 4, 4, 4 = 23/6; Bram 3, 3, 3, 3, 4, 3 = 19/6;
    //   Chris 3, 3 -> 3, null, null, 3, 3 = 12/4 = 3; Dewi 4, 4 -> 2, 2, 2, 2, 2 = 14/6 = 7/3;
    //   Eva 3, null, null, 3, 3, 3 = 3
    //   mean (23/6 + 19/6 + 3 + 7/3 + 3) / 5 = (46/3) / 5 = 46/15
    // organisatie (5 items, half rounded up = 3)
    //   Anna 4, 4, 4, 2 -> 4, 4 = 4; Bram 3, 3, 3, 3, 3 = 3;
    //   Chris 3, 2, 2, 4 -> 2, null = 9/4; Dewi 2, 2, 3, 4 -> 2, 2 = 11/5;
    //   Eva 3, null, null, 3, 3 = 3
    //   mean (4 + 3 + 9/4 + 11/5 + 3) / 5 = 14.45 / 5 = 2.89 (zorg)
    // relaties (18 items, the sums of the concepts above over the items answered)
    //   Anna 72/18 = 4; Bram 58/18 = 29/9; Chris 40/14 = 20/7; Dewi 43/18; Eva 58/16 = 29/8
    //   mean = (2016 + 1624 + 1440 + 1204 + 1827) / 504 / 5 = 8111/2520
    let modules = &report["modules"];
    close(&modules["opgave"]["mean"], 46.0 / 15.0, "opgave");
    close(&modules["organisatie"]["mean"], 2.89, "organisatie");
    assert_eq!(modules["organisatie"]["band"], json!("zorg"));
    close(&modules["relaties"]["mean"], 8111.0 / 2520.0, "relaties");

    // Trust: foundation (19/6 + 47/15 + 47/15 + 52/15 + 46/15) / 5 = 479/150,
    // gap 49/15 - 479/150 = 11/150 -> no flag.
    close(&report["trust"]["foundation"], 479.0 / 150.0, "foundation");
    close(&report["trust"]["gap"], 11.0 / 150.0, "gap");
    assert_eq!(report["trust"]["flag"], Value::Null);

    // Ladder: gaps 3-3, 3-2, 4-1, 3-1 (Eva has no current rung) = 0, 1, 3, 2 -> 1.5.
    close(&report["ladder"]["mean_gap"], 1.5, "mean_gap");
    assert_eq!(report["ladder"]["flags"], json!(["te_hoog"]));
    assert_eq!(
        report["ladder"]["current"],
        json!({"loslaten": 0, "faciliteren": 0, "stimuleren": 0, "regisseren": 3, "reguleren": 1})
    );
    assert_eq!(report["coverage"]["missing"], json!(["veroorzaker"]));

    // Advice: te_hoog 6 + 4 x 1.5 = 12, veroorzaker missing 12, onbalans 4 + 2 x 4 = 12;
    // the tie goes to model order.
    let ids: Vec<&str> = report["advice"]
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids[..3],
        [
            "advies-ladder-te-hoog",
            "advies-rol-veroorzaker",
            "advies-belangen-onbalans"
        ]
    );
}

#[test]
fn report_of_files_and_folders_alike() {
    let files: Vec<String> = [
        "anna-gemeente.json",
        "bram-zorgaanbieder.json",
        "chris-woningcorporatie.json",
    ]
    .iter()
    .map(|f| format!("examples/{f}"))
    .collect();
    let mut args = vec!["report", "--json"];
    args.extend(files.iter().map(String::as_str));
    let report = report_json(&args);
    assert_eq!(report["respondents"], json!(3));
    // gelijkwaardigheid (13/3 + 10/3 + 3) / 3 = (32/3) / 3 = 32/9
    close(
        &report["concepts"]["gelijkwaardigheid"]["mean"],
        32.0 / 9.0,
        "gelijkwaardigheid",
    );
}

const DUTCH_HEADINGS: [&str; 7] = [
    "Gezonde relaties",
    "Onderdelen",
    "Vertrouwen",
    "Participatieladder",
    "Dekking van de rollen",
    "Belangen per organisatie",
    "Advies",
];
const ENGLISH_HEADINGS: [&str; 7] = [
    "Healthy relations",
    "Modules",
    "Trust",
    "Participation ladder",
    "Coverage of roles",
    "Interests per organisation",
    "Advice",
];

#[test]
fn report_text_in_dutch() {
    let o = run(&["report", "examples"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Netwerkscan: 5 respondent(en)"), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    for h in DUTCH_HEADINGS {
        assert!(lines.contains(&h), "heading {h:?} in\n{out}");
    }
    for h in ENGLISH_HEADINGS
        .iter()
        .filter(|h| !DUTCH_HEADINGS.contains(h))
    {
        assert!(!lines.contains(h), "English heading {h:?} in\n{out}");
    }
    // Scores with a decimal comma: gelijkwaardigheid 19/6.
    assert!(out.contains("3,17"), "{out}");
    assert!(out.contains("ONTBREEKT"), "the missing role: {out}");
}

#[test]
fn report_text_in_english() {
    let o = run(&["report", "--lang", "en", "examples"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Network scan: 5 respondent(s)"), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    for h in ENGLISH_HEADINGS {
        assert!(lines.contains(&h), "heading {h:?} in\n{out}");
    }
    for h in DUTCH_HEADINGS
        .iter()
        .filter(|h| !ENGLISH_HEADINGS.contains(h))
    {
        assert!(!lines.contains(h), "Dutch heading {h:?} in\n{out}");
    }
    assert!(out.contains("3.17"), "{out}");
    assert!(out.contains("MISSING"), "{out}");
}

#[test]
fn report_svg_writes_four_files() {
    let tmp = TempDir::new("svg");
    let dir = tmp.path("charts");
    let o = run(&[
        "report",
        "--svg",
        dir.to_str().expect("utf-8 path"),
        "examples",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_no_panic(&o);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("the folder was made")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["concepts.svg", "influence.svg", "ladder.svg", "modules.svg"]
    );
    for (name, needle) in [
        ("concepts.svg", "Gelijkwaardigheid"),
        ("modules.svg", "Organisatie"),
        ("influence.svg", "Hulpbronnen"),
        ("ladder.svg", "Regisseren"),
    ] {
        let svg = fs::read_to_string(dir.join(name)).expect("read");
        assert!(svg.starts_with("<svg"), "{name}");
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        assert!(svg.contains(needle), "{needle} in {name}");
    }
    let concepts = fs::read_to_string(dir.join("concepts.svg")).expect("read");
    assert!(concepts.contains("3,17"));
    // The text report is still printed.
    assert!(stdout(&o).contains("Gezonde relaties"));
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_good_files() {
    let o = run(&["validate", "examples"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_no_panic(&o);
    let out = stdout(&o);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ok: ")).count(),
        5,
        "{out}"
    );
    assert!(out.contains("anna-gemeente.json"));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

fn valid_response() -> Value {
    json!({
        "format": "netwerkscan-response",
        "version": 1,
        "instrument": {"id": "netwerkscan", "version": "1"},
        "respondent": {"alias": "Test", "organisation": "Testorganisatie"},
        "answers": {"opgave-1": 4, "opgave-2": null}
    })
}

fn with_opgave_1(raw: &str) -> String {
    valid_response()
        .to_string()
        .replace("\"opgave-1\":4", &format!("\"opgave-1\":{raw}"))
}

#[test]
fn bad_files_are_named_with_their_problem() {
    let tmp = TempDir::new("bad");
    let mut wrong_format = valid_response();
    wrong_format["format"] = json!("netwerkscan-instrument");
    let mut unknown_item = valid_response();
    unknown_item["answers"]["opgave-99"] = json!(3);
    let mut missing_answers = valid_response();
    missing_answers
        .as_object_mut()
        .expect("object")
        .remove("answers");
    let mut newer = valid_response();
    newer["version"] = json!(2);

    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "not-json.json",
            "{ dit is geen json".into(),
            vec!["not valid JSON", "line 1"],
        ),
        (
            "wrong-format.json",
            wrong_format.to_string(),
            vec!["format", "netwerkscan-response"],
        ),
        (
            "unknown-item.json",
            unknown_item.to_string(),
            vec!["answers.opgave-99", "unknown item"],
        ),
        (
            "seven.json",
            with_opgave_1("7"),
            vec!["answers.opgave-1", "1..5"],
        ),
        (
            "zero.json",
            with_opgave_1("0"),
            vec!["answers.opgave-1", "1..5"],
        ),
        (
            "fraction.json",
            with_opgave_1("2.5"),
            vec!["answers.opgave-1", "whole number"],
        ),
        (
            "text.json",
            with_opgave_1("\"4\""),
            vec!["answers.opgave-1", "without quotes"],
        ),
        (
            "no-answers.json",
            missing_answers.to_string(),
            vec!["answers", "missing"],
        ),
        ("empty.json", String::new(), vec!["empty"]),
        (
            "newer.json",
            newer.to_string(),
            vec!["version", "Update Netwerkscan"],
        ),
    ];
    for (name, text, needles) in &cases {
        let path = tmp.write(name, text);
        let path = path.to_str().expect("utf-8 path");
        for command in ["validate", "report"] {
            let o = run(&[command, "--lang", "en", path]);
            let err = stderr(&o);
            assert!(!o.status.success(), "{command} {name} succeeded");
            assert_eq!(o.status.code(), Some(1), "{command} {name}: {err}");
            assert_no_panic(&o);
            assert!(err.contains(name), "{command}: {name} not named in {err}");
            for n in needles {
                assert!(err.contains(n), "{command} {name}: {n:?} not in {err}");
            }
        }
        // validate says which line of stderr belongs to which file.
        let o = run(&["validate", path]);
        let err = stderr(&o);
        assert!(
            err.lines().any(|l| l.starts_with(path)),
            "a line starting with the path in {err}"
        );
    }

    // All of them at once: each named, and nothing reported as ok.
    let o = run(&["validate", tmp.0.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    let err = stderr(&o);
    for (name, _, _) in &cases {
        assert!(err.contains(name), "{name} in {err}");
    }
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        err.contains(&format!("{} of {}", cases.len(), cases.len())),
        "{err}"
    );

    // A bad file among good ones: no report at all.
    let good = tmp.write("good.json", &valid_response().to_string());
    let o = run(&[
        "report",
        "--json",
        good.to_str().expect("utf-8 path"),
        tmp.path("seven.json").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(stderr(&o).contains("seven.json"));
}

#[test]
fn a_fifty_megabyte_file_is_refused_unread() {
    let tmp = TempDir::new("huge");
    let path = tmp.path("huge.json");
    let file = fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("sparse file");
    drop(file);
    let p = path.to_str().expect("utf-8 path");
    for command in ["validate", "report"] {
        let o = run(&[command, p]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{command}: {err}");
        assert_no_panic(&o);
        assert!(err.contains("huge.json"), "{err}");
        assert!(err.contains("52428800 bytes"), "{err}");
    }
}

#[test]
fn a_file_that_is_not_text_or_not_there() {
    let tmp = TempDir::new("binary");
    let path = tmp.path("binary.json");
    fs::write(&path, [0xff, 0xfe, 0x00, 0x7b]).expect("write");
    let o = run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    assert!(stderr(&o).contains("binary.json"), "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));

    let missing = tmp.path("er-niet.json");
    let o = run(&["validate", missing.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    assert!(stderr(&o).contains("er-niet.json"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- JSON Lines

fn compact(path: &Path) -> String {
    let v: Value = serde_json::from_str(&fs::read_to_string(path).expect("read")).expect("JSON");
    serde_json::to_string(&v).expect("serialises")
}

#[test]
fn json_lines() {
    let tmp = TempDir::new("jsonl");
    let lines: Vec<String> = [
        "anna-gemeente.json",
        "bram-zorgaanbieder.json",
        "chris-woningcorporatie.json",
    ]
    .iter()
    .map(|f| compact(&examples().join(f)))
    .collect();
    let good = tmp.write("groep.jsonl", &format!("{}\n", lines.join("\n")));
    let report = report_json(&["report", "--json", good.to_str().expect("utf-8 path")]);
    assert_eq!(report["respondents"], json!(3));
    close(
        &report["concepts"]["gelijkwaardigheid"]["mean"],
        32.0 / 9.0,
        "gelijkwaardigheid",
    );

    let o = run(&["validate", good.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    for n in 1..=3 {
        assert!(
            stdout(&o).contains(&format!("groep.jsonl:{n} ")),
            "line {n}: {}",
            stdout(&o)
        );
    }

    // Line 2 is bad (a 7), and line 4 is not JSON: both named by file and line.
    let bad_line = lines[1].replace("\"opgave-1\":3", "\"opgave-1\":7");
    assert_ne!(bad_line, lines[1]);
    let bad = tmp.write(
        "fout.jsonl",
        &format!("{}\n{}\n{}\n{{kapot\n", lines[0], bad_line, lines[2]),
    );
    let p = bad.to_str().expect("utf-8 path");
    for command in ["validate", "report"] {
        let o = run(&[command, p]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        assert_no_panic(&o);
        let err = stderr(&o);
        // Without --lang the messages are Dutch, like the rest of the CLI.
        assert!(
            err.contains("fout.jsonl:2: answers.opgave-1: 7 ligt niet op de schaal 1..5"),
            "{err}"
        );
        assert!(
            err.contains("fout.jsonl:4: geen geldige JSON op regel 1"),
            "{err}"
        );
        assert!(!err.contains("fout.jsonl:1:"), "{err}");
        assert!(!err.contains("fout.jsonl:3:"), "{err}");
    }

    // An empty JSON Lines file is an error, not an empty group.
    let empty = tmp.write("leeg.jsonl", "\n\n");
    let o = run(&["validate", empty.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("leeg.jsonl"), "{}", stderr(&o));
    assert!(stderr(&o).contains("het bestand is leeg"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- instrument

#[test]
fn instrument_json() {
    let o = run(&["instrument", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["format"], json!("netwerkscan-instrument"));
    assert_eq!(v["id"], json!("netwerkscan"));

    let concepts = v["concepts"].as_array().expect("concepts");
    let ids: Vec<&str> = concepts
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "gelijkwaardigheid",
            "respect",
            "vrijheid",
            "verantwoording",
            "transparantie",
            "vertrouwen"
        ]
    );
    for c in concepts {
        assert!(
            c["label"]["nl"].as_str().is_some_and(|s| !s.is_empty()),
            "{c}"
        );
        assert!(
            c["label"]["en"].as_str().is_some_and(|s| !s.is_empty()),
            "{c}"
        );
    }
    assert_eq!(
        concepts[0]["label"],
        json!({"nl": "Gelijkwaardigheid", "en": "Equivalence"})
    );

    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 29);
    for item in items {
        assert!(item["id"].is_string(), "{item}");
        assert!(item["module"].is_string(), "{item}");
        assert!(
            item["concept"].is_string() || item["concept"].is_null(),
            "{item}"
        );
        assert!(item["reverse"].is_boolean(), "{item}");
        assert!(
            item["text"]["nl"].is_string() && item["text"]["en"].is_string(),
            "{item}"
        );
    }
    let respect_3 = items
        .iter()
        .find(|i| i["id"] == "respect-3")
        .expect("respect-3");
    assert_eq!(respect_3["module"], json!("relaties"));
    assert_eq!(respect_3["concept"], json!("respect"));
    assert_eq!(respect_3["reverse"], json!(true));
    let opgave_1 = items
        .iter()
        .find(|i| i["id"] == "opgave-1")
        .expect("opgave-1");
    assert_eq!(opgave_1["concept"], Value::Null);
    assert_eq!(opgave_1["reverse"], json!(false));

    let rungs: Vec<&str> = v["ladder"]["rungs"]
        .as_array()
        .expect("rungs")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        rungs,
        [
            "loslaten",
            "faciliteren",
            "stimuleren",
            "regisseren",
            "reguleren"
        ]
    );
}

#[test]
fn instrument_text() {
    let o = run(&["instrument"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Netwerkscan (netwerkscan 1)"), "{out}");
    assert!(out.contains("respect-3"), "{out}");
    let o = run(&["instrument", "--lang", "en"]);
    assert!(stdout(&o).starts_with("Network scan"), "{}", stdout(&o));
}

#[test]
fn a_trainers_instrument_that_is_invalid() {
    let tmp = TempDir::new("instrument");
    let mut v: Value =
        serde_json::from_str(netwerkregie::Instrument::builtin_json()).expect("JSON");
    v["concepts"][0]["label"]["en"] = json!("");
    let path = tmp.write("eigen.json", &v.to_string());
    let o = run(&[
        "instrument",
        "--instrument",
        path.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    let err = stderr(&o);
    assert!(err.contains("eigen.json"), "{err}");
    assert!(err.contains("missing English translation"), "{err}");
}

// ---------------------------------------------------------------- usage

#[test]
fn unknown_command_or_flag_exits_2_with_usage() {
    for args in [
        &["rapport", "examples"][..],
        &["report", "--pdf", "examples"][..],
        &["report", "--lang", "de", "examples"][..],
        &["report"][..],
        &["report", "--svg"][..],
        &["validate", "--json", "examples"][..],
        &["instrument", "examples"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_no_panic(&o);
        let err = stderr(&o);
        assert!(err.contains("Usage:"), "{args:?}: {err}");
        assert!(err.starts_with("netwerkscan: "), "{args:?}: {err}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    let o = run(&["rapport"]);
    assert!(stderr(&o).contains("unknown command \"rapport\""));
    let o = run(&["report", "--pdf", "x"]);
    assert!(stderr(&o).contains("unknown option \"--pdf\""));
}

#[test]
fn help_prints_usage() {
    for args in [
        &[][..],
        &["help"][..],
        &["--help"][..],
        &["report", "-h"][..],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage:"), "{args:?}");
    }
}
