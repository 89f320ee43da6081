//! Hostile input (issue 8): every defect it found, run as a user would.

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Output, Stdio};

use common::{bin, examples, run, stderr, stdout, TempDir};
use netwerkregie::{Group, Instrument, Response};
use serde_json::{json, Value};

/// No panic and no abort: the process ended by itself with 0, 1 or 2.
#[track_caller]
fn assert_clean(o: &Output) {
    common::assert_no_panic(o);
    assert!(
        matches!(o.status.code(), Some(0..=2)),
        "exit {:?}: {}",
        o.status,
        stderr(o)
    );
}

fn example(name: &str) -> Value {
    let text = fs::read_to_string(examples().join(name)).expect("read");
    serde_json::from_str(&text).expect("JSON")
}

fn anna() -> Value {
    example("anna-gemeente.json")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

// ---------------------------------------------------------------- 1. long names

#[test]
fn a_65536_character_organisation_is_cut_in_tables_and_whole_in_json() {
    let tmp = TempDir::new("long-name");
    let long = "O".repeat(65_536);
    let mut v = anna();
    v["respondent"]["organisation"] = json!(long);
    let file = tmp.write("lang.json", &v.to_string());
    let file = path_str(&file);

    let o = run(&["validate", file]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    for lang in ["nl", "en"] {
        let o = run(&["report", "--lang", lang, file]);
        assert_clean(&o);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        let cut = format!("{}…", "O".repeat(39));
        assert!(out.contains(&cut), "{out}");
        assert!(!out.contains(&"O".repeat(41)), "a name longer than the cap");
        // Every table row stays readable (advice texts are long paragraphs).
        assert!(
            out.lines()
                .filter(|l| l.contains('O'))
                .all(|l| l.chars().count() < 200),
            "{out}"
        );
    }

    let o = run(&["report", "--json", file]);
    assert_clean(&o);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["interests"][0]["organisation"], json!(long));
}

// ---------------------------------------------------------------- 2. file names

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_or_refused_by_name() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let tmp = TempDir::new("not-utf8-name");
    let good = tmp.0.join(OsStr::from_bytes(b"Ren\xe9.json"));
    fs::write(&good, anna().to_string()).expect("write");
    let missing = tmp.0.join(OsStr::from_bytes(b"Jos\xe9.json"));

    let o = bin().arg("report").arg(&good).output().expect("runs");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Netwerkscan: 1 respondent(en)"));

    let o = bin()
        .arg("validate")
        .arg(&good)
        .arg(&missing)
        .output()
        .expect("runs");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(1));
    // The bytes that are not UTF-8 are shown as they are, escaped.
    assert!(stdout(&o).contains("Ren\\xe9.json ("), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("Jos\\xe9.json: bestaat niet"),
        "{}",
        stderr(&o)
    );

    // A folder holding such a file reads it too.
    let o = bin()
        .args(["report", "--json"])
        .arg(&tmp.0)
        .output()
        .expect("runs");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // An argument that is not UTF-8 where a word is expected is a usage error.
    let o = bin()
        .arg(OsStr::from_bytes(b"rapp\xe9rt"))
        .output()
        .expect("runs");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

// ---------------------------------------------------------------- 3. terminal

/// Fails when `bytes` holds a control character other than a newline, or a
/// bidirectional control.
#[track_caller]
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        assert!(!bad, "{what}: {c:?} in {text}");
    }
}

#[test]
fn control_characters_are_shown_escaped_in_all_text_output() {
    let tmp = TempDir::new("terminal");
    let evil = "Eve\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}";
    let mut v = anna();
    v["respondent"]["alias"] = json!(evil);
    v["respondent"]["organisation"] = json!(format!("Org{evil}"));
    let good = tmp.write("goed.json", &v.to_string());
    let mut bad = v.clone();
    bad["answers"]["x\u{202e}\u{1b}[31m"] = json!(3);
    let bad = tmp.write("fout.json", &bad.to_string());
    #[cfg(unix)]
    let named = {
        let p = tmp.path("naam\u{1b}[2J.json");
        fs::write(&p, "{ kapot").expect("write");
        p
    };

    let mut runs = vec![
        run(&["validate", path_str(&good)]),
        run(&["validate", "--lang", "en", path_str(&bad)]),
        run(&["report", path_str(&good)]),
        run(&["report", path_str(&bad)]),
        run(&["report", "--lang", "en", path_str(&good), path_str(&good)]),
    ];
    #[cfg(unix)]
    {
        runs.push(bin().arg("validate").arg(&named).output().expect("runs"));
        runs.push(bin().arg("report").arg(&named).output().expect("runs"));
    }
    for o in &runs {
        assert_clean(o);
        assert_terminal_safe("stdout", &o.stdout);
        assert_terminal_safe("stderr", &o.stderr);
    }
    // validate cuts names like a table column: 39 characters and "…".
    assert!(
        stdout(&runs[0]).contains("(Eve\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}…,"),
        "{}",
        stdout(&runs[0])
    );
    assert!(
        stderr(&runs[1]).contains("answers.x\\u{202e}\\u{1b}[31m"),
        "{}",
        stderr(&runs[1])
    );
    assert!(
        stdout(&runs[2]).contains("OrgEve\\u{1b}"),
        "{}",
        stdout(&runs[2])
    );
    #[cfg(unix)]
    assert!(
        stderr(&runs[5]).contains("naam\\u{1b}[2J.json"),
        "{}",
        stderr(&runs[5])
    );

    // --json stays JSON: its own escaping, unchanged.
    let o = run(&["report", "--json", path_str(&good)]);
    assert_clean(&o);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(
        report["interests"][0]["organisation"],
        json!(format!("Org{evil}"))
    );
    assert!(stdout(&o).contains("\\u001b"));
    assert!(!stdout(&o).contains("\\u{1b}"));

    // A trainer's instrument is other people's text too.
    let mut inst: Value = serde_json::from_str(Instrument::builtin_json()).expect("JSON");
    inst["modules"][0]["label"]["nl"] = json!("Opgave\u{1b}[2J");
    inst["items"][0]["text"]["nl"] = json!("Vraag\u{7}\u{202e}");
    let inst = tmp.write("instrument.json", &inst.to_string());
    let o = run(&["instrument", "--instrument", path_str(&inst)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_terminal_safe("instrument", &o.stdout);
    assert!(stdout(&o).contains("Opgave\\u{1b}[2J"), "{}", stdout(&o));
}

// ---------------------------------------------------------------- 4. BOM

#[test]
fn a_byte_order_mark_is_read_past() {
    let tmp = TempDir::new("bom");
    let json = format!("\u{feff}{}", anna());
    let file = tmp.write("bom.json", &json);
    let lines = tmp.write(
        "bom.jsonl",
        &format!(
            "\u{feff}{}\r\n{}\r\n",
            anna(),
            example("bram-zorgaanbieder.json")
        ),
    );
    let o = run(&["validate", path_str(&file), path_str(&lines)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3, "{}", stdout(&o));
    let o = run(&["report", "--json", path_str(&lines)]);
    assert_clean(&o);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(2));

    let inst = tmp.write(
        "instrument.json",
        &format!("\u{feff}{}", Instrument::builtin_json()),
    );
    let o = run(&["instrument", "--instrument", path_str(&inst)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // A BOM at the start of a later line (files put together with `cat`) is read past
    // too: the core skips it at the start of any response text, as the page does with
    // a pasted one. Inside the JSON it is not JSON.
    let bram = example("bram-zorgaanbieder.json");
    let second = tmp.write(
        "tweede.jsonl",
        &format!("{}\n\u{feff}{}\n{{\u{feff}}}\n", anna(), bram),
    );
    let o = run(&["validate", path_str(&second)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("tweede.jsonl:2 (Bram"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("tweede.jsonl:3: geen geldige JSON"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- 5. JSON Lines

fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("serialises")
}

#[test]
fn json_lines_name_every_bad_line_with_its_true_problem() {
    let tmp = TempDir::new("jsonl-truth");
    let good = [
        compact(&anna()),
        compact(&example("bram-zorgaanbieder.json")),
        compact(&example("chris-woningcorporatie.json")),
    ];

    // A line of 3 MiB (plus quotes), then more lines: its real size, and the rest read.
    let mut long = Vec::new();
    long.extend_from_slice(good[0].as_bytes());
    long.push(b'\n');
    long.push(b'"');
    long.extend(std::iter::repeat_n(b'x', 3 << 20));
    long.extend_from_slice(b"\"\r\n{kapot\n");
    long.extend_from_slice(good[1].as_bytes());
    long.push(b'\n');
    let p = tmp.path("lang.jsonl");
    fs::write(&p, &long).expect("write");
    let o = run(&["validate", path_str(&p)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "lang.jsonl:2: de regel is {} bytes",
            (3 << 20) + 2
        )),
        "{err}"
    );
    assert!(err.contains("lang.jsonl:3: geen geldige JSON"), "{err}");
    assert!(stdout(&o).contains("lang.jsonl:4 "), "{}", stdout(&o));
    assert!(!err.contains("leeg"), "{err}");
    assert!(
        err.ends_with("netwerkscan: 2 van 4 responsen zijn niet geldig\n"),
        "{err}"
    );

    // An over-long line of multibyte text: its size, not "invalid UTF-8".
    let p = tmp.write("meerbyte.jsonl", &format!("\"{}\"\n", "é".repeat(600_000)));
    let o = run(&["validate", "--lang", "en", path_str(&p)]);
    assert_clean(&o);
    let err = stderr(&o);
    assert!(
        err.contains("meerbyte.jsonl:1: the line is 1200002 bytes"),
        "{err}"
    );
    assert!(!err.contains("empty"), "{err}");

    // Bad UTF-8 on line 5 of 10: named with its byte, and lines 6 to 10 still read.
    let mut bytes = Vec::new();
    for n in 1..=10 {
        if n == 5 {
            bytes.extend_from_slice(b"{\"a\": \"\xff\"}");
        } else {
            let mut v = anna();
            v["respondent"]["alias"] = json!(format!("R{n}"));
            bytes.extend_from_slice(compact(&v).as_bytes());
        }
        bytes.push(b'\n');
    }
    let p = tmp.path("utf8.jsonl");
    fs::write(&p, &bytes).expect("write");
    for command in ["validate", "report"] {
        let o = run(&[command, path_str(&p)]);
        assert_clean(&o);
        assert_eq!(o.status.code(), Some(1), "{command}");
        let err = stderr(&o);
        assert!(
            err.contains("utf8.jsonl:5: de regel is geen geldige UTF-8 (byte 8)"),
            "{command}: {err}"
        );
    }
    let o = run(&["validate", path_str(&p)]);
    assert_eq!(stdout(&o).lines().count(), 9, "{}", stdout(&o));
    assert!(stdout(&o).contains("utf8.jsonl:10 "));

    // Blank lines and CRLF; "leeg" only for a file with no line that is not blank.
    let p = tmp.write(
        "crlf.jsonl",
        &format!("\r\n  \r\n{}\r\n\r\n{}", good[0], good[2]),
    );
    let o = run(&["report", "--json", path_str(&p)]);
    assert_clean(&o);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(2));
    let p = tmp.write("leeg.jsonl", "\n \r\n\t\n");
    let o = run(&["validate", path_str(&p)]);
    assert!(
        stderr(&o).contains("leeg.jsonl: het bestand is leeg"),
        "{}",
        stderr(&o)
    );
    let p = tmp.write("alleen-fout.jsonl", "{kapot\n");
    let o = run(&["validate", path_str(&p)]);
    assert!(!stderr(&o).contains("leeg"), "{}", stderr(&o));
}

// ---------------------------------------------------------------- 7. duplicates

#[test]
fn the_same_response_twice_counts_once_with_a_warning() {
    let tmp = TempDir::new("duplicates");
    let a = tmp.write("a.json", &anna().to_string());
    // The same response, written differently: pretty, and keys in another order.
    let mut reordered = serde_json::Map::new();
    let anna = anna();
    for (k, v) in anna.as_object().expect("object").iter().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    let b = tmp.write(
        "b.json",
        &serde_json::to_string_pretty(&Value::Object(reordered)).expect("JSON"),
    );
    let bram = tmp.write("c.json", &example("bram-zorgaanbieder.json").to_string());

    let o = run(&[
        "report",
        "--json",
        path_str(&a),
        path_str(&b),
        path_str(&bram),
    ]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(2));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "{} is dezelfde respons als {}; die telt één keer mee",
            path_str(&b),
            path_str(&a)
        )
    );
    let o = run(&["report", "--lang", "en", path_str(&a), path_str(&b)]);
    assert!(
        stderr(&o).contains(&format!(
            "{} is the same response as {}; it counts once",
            path_str(&b),
            path_str(&a)
        )),
        "{}",
        stderr(&o)
    );

    // validate: a warning, and the exit code of the files alone.
    let o = run(&["validate", path_str(&a), path_str(&b)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("b.json is dezelfde respons als"),
        "{}",
        stderr(&o)
    );

    // 10,000 times the same file.
    let mut args = vec!["report", "--json"];
    args.extend(std::iter::repeat_n(path_str(&a), 10_000));
    let o = run(&args);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(1));
    assert_eq!(stderr(&o).lines().count(), 9_999);
    assert!(stderr(&o)
        .lines()
        .all(|l| l.ends_with("a.json is meer dan eens opgegeven; het telt één keer mee")));

    // The same line twice in JSON Lines.
    let line = compact(&anna);
    let p = tmp.write("twee.jsonl", &format!("{line}\n{line}\n"));
    let o = run(&["report", "--json", path_str(&p)]);
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(1));
    assert!(
        stderr(&o).contains("twee.jsonl:2 is dezelfde respons als "),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("twee.jsonl:1;"), "{}", stderr(&o));
}

/// A deterministic stream of numbers for test data.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[track_caller]
fn assert_close(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{path}"
            );
            for (k, v) in x {
                assert_close(v, &y[k], &format!("{path}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}");
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                assert_close(v, w, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            assert!((x - y).abs() < 1e-9, "{path}: {x} != {y}");
        }
        _ => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn the_parallel_report_with_duplicates_is_the_report_of_one_thread() {
    let tmp = TempDir::new("parallel");
    let instrument = Instrument::builtin();
    let bases = [
        anna(),
        example("bram-zorgaanbieder.json"),
        example("chris-woningcorporatie.json"),
        example("dewi-bewonerscollectief.json"),
        example("eva-school.json"),
    ];
    let mut rng = Lcg(8);
    let mut lines = Vec::new();
    let mut kept: Vec<Response> = Vec::new();
    // Canonical form to the line it came first on.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut warnings = Vec::new();
    for n in 0..2_000u64 {
        let mut v = bases[rng.below(5) as usize].clone();
        // Few distinct aliases, so many lines are the same response again.
        v["respondent"]["alias"] = json!(format!("R{}", rng.below(300)));
        // Spellings of one organisation that differ only in case: the first counts.
        if rng.below(4) == 0 {
            v["respondent"]["organisation"] =
                json!(["gemeente zuiderveen", "GEMEENTE Zuiderveen"][rng.below(2) as usize]);
        }
        let text = if rng.below(3) == 0 {
            serde_json::to_string_pretty(&v)
                .expect("JSON")
                .replace('\n', " ")
        } else {
            compact(&v)
        };
        let response = Response::from_json(&text, instrument).expect("valid");
        let canonical = response.to_json(instrument);
        match seen.get(&canonical) {
            Some(first) => warnings.push((n + 1, *first)),
            None => {
                seen.insert(canonical, n + 1);
                kept.push(response);
            }
        }
        lines.push(text);
    }
    assert!(warnings.len() > 300, "the data has duplicates");
    let p = tmp.write("veel.jsonl", &lines.join("\n"));
    let o = run(&["report", "--json", path_str(&p)]);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let parallel: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let single = serde_json::to_value(Group::report_of(instrument, &kept)).expect("JSON");
    assert_close(&parallel, &single, "report");

    let expected: Vec<String> = warnings
        .iter()
        .map(|(line, first)| {
            format!(
                "{0}:{line} is dezelfde respons als {0}:{first}; die telt één keer mee",
                path_str(&p),
            )
        })
        .collect();
    let err = stderr(&o);
    let actual: Vec<&str> = err.lines().collect();
    assert_eq!(actual, expected);
}

/// Short responses with few distinct contents: `(lines, the warnings expected, the
/// respondents that count)`.
fn many_short_responses(n: u64, file: &str) -> (String, Vec<String>, usize) {
    let mut rng = Lcg(21);
    let mut text = String::new();
    let mut first: HashMap<(u64, u64), u64> = HashMap::new();
    let mut warnings = Vec::new();
    for line in 1..=n {
        let (alias, value) = (rng.below(6_000), 1 + rng.below(5));
        // Some copies spaced differently: the same response all the same.
        let gap = if rng.below(5) == 0 { " " } else { "" };
        writeln!(
            text,
            r#"{{"format":"netwerkscan-response","version":2,"instrument":{{"id":"netwerkscan","version":"2"}},"respondent":{{"alias":{gap}"R{alias}"}},"answers":{{"opgave-eigen":{value}}}}}"#
        )
        .expect("memory");
        match first.get(&(alias, value)) {
            Some(f) => warnings.push(format!(
                "{file}:{line} is dezelfde respons als {file}:{f}; die telt één keer mee"
            )),
            None => {
                first.insert((alias, value), line);
            }
        }
    }
    (text, warnings, first.len())
}

#[test]
fn duplicates_among_more_responses_than_memory_holds_are_found_on_disk() {
    // More lines than the sightings kept in memory (32,768), so sorted runs go to a
    // temporary file, and the copies are spread over them.
    let tmp = TempDir::new("many-duplicates");
    let p = tmp.path("veel.jsonl");
    let (text, expected, distinct) = many_short_responses(80_000, path_str(&p));
    fs::write(&p, text).expect("write");
    assert!(expected.len() > 40_000, "the data has copies");
    let mut runs = vec![run(&["report", "--json", path_str(&p)])];
    // On one core too, where no worker thread is started.
    if let Ok(one) = std::process::Command::new("taskset")
        .args(["-c", "0"])
        .arg(env!("CARGO_BIN_EXE_netwerkscan"))
        .args(["report", "--json", path_str(&p)])
        .output()
    {
        runs.push(one);
    }
    for o in &runs {
        assert_clean(o);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        let report: Value = serde_json::from_str(&stdout(o)).expect("JSON");
        assert_eq!(report["respondents"], json!(distinct));
        let err = stderr(o);
        assert_eq!(err.lines().collect::<Vec<_>>(), expected);
    }
    let o = run(&["validate", path_str(&p)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), expected);
}

#[cfg(unix)]
#[test]
fn a_pipe_with_duplicates_is_read_once_and_reported_right() {
    // The copies are left out on a second reading, which a pipe cannot give: it is
    // copied to a temporary file first.
    let tmp = TempDir::new("pipe-duplicates");
    let fifo = tmp.path("stroom.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (text, expected, distinct) = many_short_responses(3_000, path_str(&fifo));
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, text))
    };
    let o = run(&["report", "--json", path_str(&fifo)]);
    writer.join().expect("writer").expect("written");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(distinct));
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), expected);
}

// ---------------------------------------------------------------- 9. --svg

fn svg_run(dir: &Path) -> Output {
    bin()
        .arg("report")
        .arg("--svg")
        .arg(dir)
        .arg(examples())
        .output()
        .expect("runs")
}

#[test]
fn svg_says_what_it_replaces_and_never_writes_through_a_link() {
    let tmp = TempDir::new("svg-safe");

    // A file is not a folder.
    let file = tmp.write("bestand", "niet aanraken");
    let o = svg_run(&file);
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("dat is een bestand, geen map"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("os error"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&file).expect("read"), "niet aanraken");

    // An empty path is refused, not the current folder.
    let o = bin()
        .args(["report", "--svg", ""])
        .arg(examples())
        .current_dir(&tmp.0)
        .output()
        .expect("runs");
    assert_clean(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--svg needs a value, not an empty one"),
        "{}",
        stderr(&o)
    );
    assert!(!tmp.path("concepts.svg").exists());

    // Written once in silence; the second time every replaced file is named.
    let charts = tmp.path("grafieken");
    let o = svg_run(&charts);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let o = svg_run(&charts);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in ["concepts.svg", "modules.svg", "influence.svg", "ladder.svg"] {
        assert!(
            stderr(&o).contains(&format!("{name} bestond al en is vervangen")),
            "{name}: {}",
            stderr(&o)
        );
    }

    // A folder where a chart goes: refused before anything is written.
    let blocked = tmp.path("geblokkeerd");
    fs::create_dir_all(blocked.join("ladder.svg")).expect("dir");
    let o = svg_run(&blocked);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ladder.svg"), "{}", stderr(&o));
    assert!(!blocked.join("concepts.svg").exists());

    #[cfg(unix)]
    {
        // A link at a chart's place is replaced, not followed.
        let victim = tmp.write("slachtoffer.txt", "blijft zoals het is");
        fs::remove_file(charts.join("modules.svg")).expect("remove");
        std::os::unix::fs::symlink(&victim, charts.join("modules.svg")).expect("link");
        let o = svg_run(&charts);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(
            fs::read_to_string(&victim).expect("read"),
            "blijft zoals het is"
        );
        let meta = fs::symlink_metadata(charts.join("modules.svg")).expect("meta");
        assert!(meta.is_file(), "the link was replaced by a file");
        assert!(
            stderr(&o).contains("modules.svg was een symbolische koppeling"),
            "{}",
            stderr(&o)
        );
        // The folder named may itself be a link to a folder: the charts go there.
        let link = tmp.path("koppeling");
        std::os::unix::fs::symlink(&charts, &link).expect("link");
        let o = svg_run(&link);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        // No temporary files are left behind.
        let names: Vec<String> = fs::read_dir(&charts)
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
    }
}

// ---------------------------------------------------------------- 11. write errors

#[cfg(target_os = "linux")]
#[test]
fn a_failing_stdout_is_an_error_for_every_command() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let examples = examples();
    let tmp = TempDir::new("dev-full");
    let charts = tmp.path("svg");
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["validate".as_ref(), examples.as_os_str()],
        vec!["report".as_ref(), examples.as_os_str()],
        vec!["report".as_ref(), "--json".as_ref(), examples.as_os_str()],
        vec![
            "report".as_ref(),
            "--svg".as_ref(),
            charts.as_os_str(),
            examples.as_os_str(),
        ],
        vec!["instrument".as_ref()],
        vec!["instrument".as_ref(), "--json".as_ref()],
        vec!["help".as_ref()],
    ];
    for args in cases {
        let o = bin()
            .args(&args)
            .stdout(
                fs::OpenOptions::new()
                    .write(true)
                    .open(full)
                    .expect("/dev/full"),
            )
            .output()
            .expect("runs");
        assert_clean(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("kan de uitvoer niet schrijven")
                || err.contains("cannot write the output"),
            "{args:?}: {err}"
        );
    }

    // A failing stderr has nowhere to be reported, but is no reason to panic.
    let bad = tmp.write("kapot.json", "{ kapot");
    let o = bin()
        .arg("validate")
        .arg(&bad)
        .stderr(
            fs::OpenOptions::new()
                .write(true)
                .open(full)
                .expect("/dev/full"),
        )
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let tmp = TempDir::new("pipe");
    let line = compact(&anna());
    assert!(line.contains("\"alias\":\"Anna\""));
    let lines: Vec<String> = (0..5_000)
        .map(|n| line.replace("\"alias\":\"Anna\"", &format!("\"alias\":\"R{n}\"")))
        .collect();
    let p = tmp.write("veel.jsonl", &lines.join("\n"));
    let mut child = bin()
        .arg("validate")
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    {
        let out = child.stdout.take().expect("stdout");
        BufReader::new(out).read_line(&mut first).expect("a line");
        // Dropping the pipe here is `| head -1`.
    }
    let o = child.wait_with_output().expect("ends");
    assert!(first.starts_with("ok: "), "{first}");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}
