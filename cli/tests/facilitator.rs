//! The facilitator's options of `report`, end to end with the real binary (issue 12):
//! splits (`--by`, `--min-group`), the change against a baseline (`--baseline`) and the
//! CSV export (`--csv`, read back with a CSV parser as a spreadsheet would).
//!
//! The numbers are computed by hand from `examples/*.json` (see `cli.rs` for each
//! respondent's scores): per concept and module, Anna, Bram, Chris, Dewi, Eva score
//!
//! ```text
//! gelijkwaardigheid  4      3      9/4    7/4    10/3
//! respect            9/2    4      4      4      4
//! vrijheid           17/4   5/2    10/3   3/2    15/4
//! verantwoording     7/2    13/4   13/4   3      15/4
//! transparantie      4      7/2    2      5/2    7/2
//! vertrouwen         7/2    11/4   3      11/4   15/4
//! opgave             34/9   10/3   20/7   23/9   10/3
//! organisatie        35/9   29/9   13/6   20/9   3
//! relaties           95/24  19/6   59/20  31/12  81/22
//! ```
//!
//! Anna: kern, overheid, management, eigenaar + oplosser. Bram: kern, maatschappelijk,
//! bestuur, oplosser. Chris: ring, maatschappelijk, uitvoering, oplosser. Dewi: kern,
//! bewoners, uitvoering, eigenaar + oplosser. Eva: ring, maatschappelijk, uitvoering,
//! oplosser.

mod common;

use common::{
    assert_line, assert_no_panic, close, example, json_of, path_str, run, stderr, stdout,
    v1_fixtures, TempDir,
};
use serde_json::{json, Value};

const CONCEPTS: [&str; 6] = [
    "gelijkwaardigheid",
    "respect",
    "vrijheid",
    "verantwoording",
    "transparantie",
    "vertrouwen",
];
const MODULES: [&str; 3] = ["opgave", "organisatie", "relaties"];

/// The whole group's means (see `cli.rs`).
const MEANS: [f64; 9] = [
    43.0 / 15.0,
    41.0 / 10.0,
    46.0 / 15.0,
    67.0 / 20.0,
    31.0 / 10.0,
    63.0 / 20.0,
    111.0 / 35.0,
    29.0 / 10.0,
    21569.0 / 6600.0,
];

/// The strategic core, Anna, Bram and Dewi: (4 + 3 + 7/4) / 3 = 35/12, and so on.
const KERN: [f64; 9] = [
    35.0 / 12.0,
    25.0 / 6.0,
    11.0 / 4.0,
    13.0 / 4.0,
    10.0 / 3.0,
    3.0,
    29.0 / 9.0,
    28.0 / 9.0,
    233.0 / 72.0,
];

/// The complementary ring, Chris and Eva: (9/4 + 10/3) / 2 = 67/24, and so on.
const RING: [f64; 9] = [
    67.0 / 24.0,
    4.0,
    85.0 / 24.0,
    7.0 / 2.0,
    11.0 / 4.0,
    27.0 / 8.0,
    65.0 / 21.0,
    31.0 / 12.0,
    1459.0 / 440.0,
];

/// The version 1 fixtures as the baseline (see `cli.rs`).
const V1_MEANS: [f64; 9] = [
    29.0 / 10.0,
    16.0 / 5.0,
    47.0 / 15.0,
    52.0 / 15.0,
    29.0 / 10.0,
    13.0 / 5.0,
    61.0 / 20.0,
    289.0 / 100.0,
    2243.0 / 715.0,
];

/// `concepts.X` for a concept, `modules.X` for a module, of a report or split group.
fn scored(v: &Value, i: usize) -> &Value {
    if i < 6 {
        &v["concepts"][CONCEPTS[i]]
    } else {
        &v["modules"][MODULES[i - 6]]
    }
}

fn id(i: usize) -> &'static str {
    if i < 6 {
        CONCEPTS[i]
    } else {
        MODULES[i - 6]
    }
}

#[track_caller]
fn assert_means(group: &Value, means: &[f64; 9], what: &str) {
    for (i, mean) in means.iter().enumerate() {
        close(
            &scored(group, i)["mean"],
            *mean,
            &format!("{what} {}", id(i)),
        );
    }
}

/// The groups of one split: (value, n, withheld).
fn groups(split: &Value) -> Vec<(Value, u64, bool)> {
    split
        .as_array()
        .expect("a list of groups")
        .iter()
        .map(|g| {
            (
                g["value"].clone(),
                g["n"].as_u64().expect("n"),
                g.get("withheld").is_some(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- splits

#[test]
fn split_by_position_withholds_a_small_group() {
    let report = json_of(&["report", "--json", "--by", "position", "examples"]);
    // The whole group is unchanged by a split.
    assert_means(&report, &MEANS, "all");
    let splits = &report["splits"];
    assert_eq!(
        splits
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["position".to_owned()])
    );
    let position = splits["position"].as_array().expect("groups");
    assert_eq!(position.len(), 2);
    let kern = &position[0];
    assert_eq!(kern["value"], json!("kern"));
    assert_eq!(kern["n"], json!(3));
    assert!(kern.get("withheld").is_none(), "{kern}");
    assert_means(kern, &KERN, "kern");
    // A split's concepts and modules have the shape of the top-level ones.
    let fields =
        |v: &Value| -> Vec<String> { v.as_object().expect("object").keys().cloned().collect() };
    assert_eq!(
        fields(&kern["concepts"]["respect"]),
        fields(&report["concepts"]["respect"])
    );
    assert_eq!(
        fields(&kern["modules"]["opgave"]),
        fields(&report["modules"]["opgave"])
    );
    assert_eq!(fields(&kern["concepts"]).len(), 6);
    assert_eq!(fields(&kern["modules"]).len(), 3);
    // Importance within the group: Anna 3, Bram 3, Dewi 5.
    close(
        &kern["concepts"]["gelijkwaardigheid"]["importance"],
        11.0 / 3.0,
        "importance",
    );
    // kern gelijkwaardigheid 4, 3, 7/4: n 3, min 7/4, max 4, 2.25 apart.
    assert_eq!(kern["concepts"]["gelijkwaardigheid"]["n"], json!(3));
    close(&kern["concepts"]["gelijkwaardigheid"]["min"], 1.75, "min");
    assert_eq!(kern["concepts"]["gelijkwaardigheid"]["band"], json!("zorg"));
    assert_eq!(
        kern["concepts"]["gelijkwaardigheid"]["divergent"],
        json!(true)
    );
    // The ring has two respondents, fewer than the default 3: no scores at all.
    assert_eq!(
        position[1],
        json!({"value": "ring", "n": 2, "withheld": true})
    );

    // A smaller minimum shows the ring; a larger one withholds the core too.
    let report = json_of(&[
        "report",
        "--json",
        "--by",
        "position",
        "--min-group",
        "2",
        "examples",
    ]);
    let position = &report["splits"]["position"];
    assert_eq!(
        groups(position),
        [(json!("kern"), 3, false), (json!("ring"), 2, false)]
    );
    assert_means(&position[1], &RING, "ring");
    let report = json_of(&[
        "report",
        "--json",
        "--by",
        "position",
        "--min-group",
        "4",
        "examples",
    ]);
    assert_eq!(
        report["splits"]["position"],
        json!([
            {"value": "kern", "n": 3, "withheld": true},
            {"value": "ring", "n": 2, "withheld": true}
        ])
    );
}

#[test]
fn split_by_several_dimensions_at_once() {
    let o = run(&[
        "report",
        "--json",
        "--by",
        "sector,level,role",
        "--by",
        "organisation",
        "examples",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let report: Value = serde_json::from_str(&text).expect("JSON");
    // In the order asked.
    let at = |key: &str| text.find(&format!("\n    \"{key}\": [")).expect(key);
    assert!(
        at("sector") < at("level") && at("level") < at("role") && at("role") < at("organisation")
    );
    let splits = &report["splits"];
    // Groups in the model's order; a value nobody has is no group.
    assert_eq!(
        groups(&splits["sector"]),
        [
            (json!("overheid"), 1, true),
            (json!("maatschappelijk"), 3, false),
            (json!("bewoners"), 1, true)
        ]
    );
    // maatschappelijk: Bram, Chris, Eva: (3 + 9/4 + 10/3) / 3 = 103/36.
    close(
        &splits["sector"][1]["concepts"]["gelijkwaardigheid"]["mean"],
        103.0 / 36.0,
        "maatschappelijk",
    );
    assert_eq!(
        groups(&splits["level"]),
        [
            (json!("bestuur"), 1, true),
            (json!("management"), 1, true),
            (json!("uitvoering"), 3, false)
        ]
    );
    // uitvoering: Chris, Dewi, Eva: (9/4 + 7/4 + 10/3) / 3 = 22/9.
    close(
        &splits["level"][2]["concepts"]["gelijkwaardigheid"]["mean"],
        22.0 / 9.0,
        "uitvoering",
    );
    // A respondent is in the group of each of their roles: 2 + 5 for 5 respondents.
    assert_eq!(
        groups(&splits["role"]),
        [(json!("eigenaar"), 2, true), (json!("oplosser"), 5, false)]
    );
    assert_means(&splits["role"][1], &MEANS, "oplosser");
    // Organisations by name, one respondent each.
    assert_eq!(
        groups(&splits["organisation"]),
        [
            (json!("Basisschool De Wegwijzer"), 1, true),
            (json!("Bewonerscollectief Samen Noorderhof"), 1, true),
            (json!("Gemeente Zuiderveen"), 1, true),
            (json!("Woonstichting Noorderhof"), 1, true),
            (json!("Zorggroep De Linde"), 1, true)
        ]
    );

    // The same dimension twice is one split.
    let report = json_of(&["report", "--json", "--by", "role,role", "examples"]);
    assert_eq!(
        report["splits"].as_object().map(serde_json::Map::len),
        Some(1)
    );
}

#[test]
fn a_respondent_who_did_not_say_is_a_group_of_their_own() {
    let tmp = TempDir::new("split-unsaid");
    // Fleur speaks for Anna's organisation (spelled in lower case) and does not say her
    // position.
    let mut fleur = example("anna-gemeente.json");
    fleur["respondent"]["alias"] = json!("Fleur");
    fleur["respondent"]["organisation"] = json!("gemeente zuiderveen");
    fleur["respondent"]
        .as_object_mut()
        .expect("respondent")
        .remove("position");
    let path = tmp.write("fleur.json", &fleur.to_string());
    let report = json_of(&[
        "report",
        "--json",
        "--by",
        "position,organisation",
        "--min-group",
        "2",
        "examples",
        path_str(&path),
    ]);
    let splits = &report["splits"];
    assert_eq!(
        groups(&splits["position"]),
        [
            (json!("kern"), 3, false),
            (json!("ring"), 2, false),
            (Value::Null, 1, true)
        ]
    );
    // One organisation whatever the case, named as first spelled: Anna and Fleur,
    // with the same answers.
    let gemeente = &splits["organisation"][2];
    assert_eq!(gemeente["value"], json!("Gemeente Zuiderveen"));
    assert_eq!(gemeente["n"], json!(2));
    close(&gemeente["concepts"]["respect"]["mean"], 4.5, "gemeente");
    close(&gemeente["concepts"]["respect"]["sd"], 0.0, "gemeente sd");

    let o = run(&["report", "--by", "position", "examples", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_line(&stdout(&o), "niet opgegeven 1 te weinig respondenten");
}

#[test]
fn splits_in_the_text_report() {
    let o = run(&["report", "--by", "position,role", "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().any(|l| l == "Uitsplitsingen"), "{out}");
    // Groups by the instrument's names; a small group shows no scores at all.
    for line in [
        "Strategische kern 3 2,92 4,17 2,75 3,25 3,33 3,00 3,22 3,11 3,24",
        "Complementaire ring 2 te weinig respondenten",
        "Probleemeigenaar 2 te weinig respondenten",
        "Probleemoplosser 5 2,87 4,10 3,07 3,35 3,10 3,15 3,17 2,90 3,27",
    ] {
        assert_line(&out, line);
    }
    let splits = &out[out.find("\nUitsplitsingen\n").expect("splits")..];
    let header = splits.lines().nth(2).expect("header");
    // The dimension by the instrument's word, not its id.
    assert!(header.trim_start().starts_with("positie "), "{splits}");
    assert!(
        splits.lines().any(|l| l.trim_start().starts_with("rol ")),
        "{splits}"
    );
    assert!(
        header.contains("Respect") && header.contains("Relaties"),
        "{header}"
    );

    let o = run(&[
        "report",
        "--lang",
        "en",
        "--by",
        "position",
        "--min-group",
        "2",
        "examples",
    ]);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l == "Breakdowns"), "{out}");
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("position ")),
        "{out}"
    );
    assert_line(
        &out,
        "Strategic core 3 2.92 4.17 2.75 3.25 3.33 3.00 3.22 3.11 3.24",
    );
    assert_line(
        &out,
        "Complementary ring 2 2.79 4.00 3.54 3.50 2.75 3.38 3.10 2.58 3.32",
    );
}

#[test]
fn a_group_against_everyone_else() {
    // The government (Anna) against the four others: gelijkwaardigheid
    // (3 + 9/4 + 7/4 + 10/3) / 4 = 31/12, worked out in core/tests/splits.rs.
    let args = [
        "report",
        "--json",
        "--by",
        "sector",
        "--rest",
        "sector=overheid",
        "--min-group",
        "1",
        "examples",
    ];
    let report = json_of(&args);
    let rest = &report["rest"];
    assert_eq!(
        (&rest["by"], &rest["except"], &rest["n"]),
        (&json!("sector"), &json!("overheid"), &json!(4)),
        "{rest}"
    );
    close(
        &rest["concepts"]["gelijkwaardigheid"]["mean"],
        31.0 / 12.0,
        "everyone else's gelijkwaardigheid",
    );
    // In the text report, after the split's groups, named as the page names it.
    let mut text_args = args.to_vec();
    text_args.retain(|a| *a != "--json");
    let out = stdout(&run(&text_args));
    assert_line(
        &out,
        "alle anderen (buiten Overheid) 4 2,58 4,00 2,77 3,31 2,88 3,06 3,02 2,65 3,10",
    );
    // In the CSV, nine rows of its own.
    let mut csv_args = args.to_vec();
    csv_args[1] = "--csv";
    let o = run(&csv_args);
    let (_, rows) = read_csv(&o.stdout, b';');
    let rest_rows: Vec<_> = rows
        .iter()
        .filter(|r| r[0] == "sector" && r[1] == "alle anderen (buiten overheid)")
        .collect();
    assert_eq!(rest_rows.len(), 9);
    assert!((dutch(&rest_rows[0][6]) - 31.0 / 12.0).abs() < 0.005);

    // A group of one at a minimum of 2: everyone else is withheld too, or everyone's
    // mean less theirs would give that one respondent away.
    let o = run(&[
        "report",
        "--by",
        "sector",
        "--rest",
        "sector=overheid",
        "--min-group",
        "2",
        "examples",
    ]);
    assert_line(
        &stdout(&o),
        "alle anderen (buiten Overheid) 4 te weinig respondenten",
    );
}

#[test]
fn everyone_else_needs_its_split_and_a_value() {
    let o = run(&["report", "--rest", "sector=overheid", "examples"]);
    assert_eq!(o.status.code(), Some(2));
    assert_no_panic(&o);
    assert_eq!(
        stderr(&o),
        "netwerkscan: --rest sector=… vergelijkt met de groepen van --by sector: geef die ook op\n"
    );
    for (arg, says) in [
        ("sector", "use DIMENSION=VALUE"),
        ("kleur=rood", "use one of organisation"),
    ] {
        let o = run(&["report", "--by", "sector", "--rest", arg, "examples"]);
        assert_eq!(o.status.code(), Some(2), "{arg}");
        assert_no_panic(&o);
        assert!(stderr(&o).contains(says), "{arg}: {}", stderr(&o));
    }
}

// ---------------------------------------------------------------- baseline

#[test]
fn the_change_against_a_baseline_of_version_1_files() {
    let v1 = v1_fixtures();
    let o = run(&["report", "--json", "--baseline", path_str(&v1), "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The baseline answered version 1: said, as for the current set.
    assert_eq!(
        stderr(&o),
        "netwerkscan: nulmeting: 5 responsen beantwoordden versie 1 van het instrument en zijn gelezen als versie 2; 35 antwoorden op vervangen vragen zijn weggelaten\n"
    );
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    // The report itself is the current set's.
    assert_eq!(report["migrated"], json!([]));
    assert_means(&report, &MEANS, "now");
    let change = &report["change"];
    assert_eq!(change["baseline_respondents"], json!(5));
    // Deltas: gelijkwaardigheid 43/15 - 29/10 = -1/30, respect 41/10 - 16/5 = 9/10,
    // vrijheid -1/15, verantwoording 67/20 - 52/15 = -7/60, transparantie 1/5,
    // vertrouwen 63/20 - 13/5 = 11/20, opgave 111/35 - 61/20 = 17/140, organisatie
    // 1/100, relaties 21569/6600 - 2243/715 = 11237/85800.
    let deltas = [
        -1.0 / 30.0,
        9.0 / 10.0,
        -1.0 / 15.0,
        -7.0 / 60.0,
        1.0 / 5.0,
        11.0 / 20.0,
        17.0 / 140.0,
        1.0 / 100.0,
        11237.0 / 85800.0,
    ];
    for i in 0..9 {
        let d = scored(change, i);
        close(&d["baseline"], V1_MEANS[i], &format!("baseline {}", id(i)));
        close(&d["now"], MEANS[i], &format!("now {}", id(i)));
        close(&d["delta"], deltas[i], &format!("delta {}", id(i)));
        assert_eq!(
            d.as_object().map(serde_json::Map::len),
            Some(3),
            "{}: {d}",
            id(i)
        );
    }

    // The text report shows the change, signed.
    let o = run(&["report", "--baseline", path_str(&v1), "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l == "Verandering sinds de nulmeting"),
        "{out}"
    );
    for line in [
        "nulmeting: 5 respondent(en); nu: 5 respondent(en)",
        "nulmeting nu verschil",
        "Gelijkwaardigheid 2,90 2,87 -0,03",
        "Respect 3,20 4,10 +0,90",
        "Vertrouwen 2,60 3,15 +0,55",
        "Gezamenlijke opgave 3,05 3,17 +0,12",
        "Organisatie van de samenwerking 2,89 2,90 +0,01",
        "Gezonde relaties 3,14 3,27 +0,13",
    ] {
        assert_line(&out, line);
    }
    let o = run(&[
        "report",
        "--lang",
        "en",
        "--baseline",
        path_str(&v1),
        "examples",
    ]);
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l == "Change since the baseline"),
        "{out}"
    );
    assert_line(&out, "baseline now change");
    assert_line(&out, "Equal standing 2.90 2.87 -0.03");
    assert_eq!(
        stderr(&o),
        "netwerkscan: baseline: 5 responses answered version 1 of the instrument and were read as version 2; 35 answers to replaced questions were left out\n"
    );
}

#[test]
fn a_baseline_of_files_given_one_by_one() {
    let v1 = v1_fixtures();
    let anna = v1.join("anna-gemeente.json");
    let bram = v1.join("bram-zorgaanbieder.json");
    let report = json_of_quiet_enough(&[
        "report",
        "--json",
        "--baseline",
        path_str(&anna),
        "--baseline",
        path_str(&bram),
        "examples",
    ]);
    let change = &report["change"];
    assert_eq!(change["baseline_respondents"], json!(2));
    // gelijkwaardigheid: Anna 4 4, Bram 3 3: 7/2; now 43/15.
    close(
        &change["concepts"]["gelijkwaardigheid"]["baseline"],
        3.5,
        "baseline",
    );
    close(
        &change["concepts"]["gelijkwaardigheid"]["delta"],
        43.0 / 15.0 - 3.5,
        "delta",
    );

    // The same set as its own baseline: no change anywhere.
    let report = json_of(&["report", "--json", "--baseline", "examples", "examples"]);
    for i in 0..9 {
        close(&scored(&report["change"], i)["delta"], 0.0, id(i));
    }
    let o = run(&["report", "--baseline", "examples", "examples"]);
    assert_line(&stdout(&o), "Respect 4,10 4,10 0,00");

    // Splits and a baseline together.
    let report = json_of(&[
        "report",
        "--json",
        "--by",
        "position",
        "--baseline",
        "examples",
        "examples",
    ]);
    assert!(report["splits"]["position"].is_array());
    assert!(report["change"]["concepts"].is_object());
}

/// Like `json_of`, for a run whose stderr says that a baseline was migrated.
#[track_caller]
fn json_of_quiet_enough(args: &[&str]) -> Value {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert_no_panic(&o);
    assert!(
        stderr(&o)
            .lines()
            .all(|l| l.starts_with("netwerkscan: nulmeting: ")),
        "{}",
        stderr(&o)
    );
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

#[test]
fn a_score_missing_at_the_baseline_is_no_change_not_a_zero() {
    let tmp = TempDir::new("baseline-missing");
    // Only the joint task answered: eigen 4, samen 4, rol 2, belang 2, balans 3 (5 of
    // 9, just enough): 15/5 = 3. No concept has a score.
    let base = json!({
        "format": "netwerkscan-response",
        "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2"},
        "respondent": {"alias": "Nul", "organisation": "Gemeente Zuiderveen"},
        "answers": {"opgave-eigen": 4, "opgave-samen": 4, "opgave-rol": 2,
                    "opgave-belang": 2, "opgave-balans": 3}
    });
    let path = tmp.write("nul.json", &base.to_string());
    let report = json_of(&[
        "report",
        "--json",
        "--baseline",
        path_str(&path),
        "examples",
    ]);
    let change = &report["change"];
    for c in CONCEPTS {
        assert_eq!(change["concepts"][c]["baseline"], Value::Null, "{c}");
        assert_eq!(change["concepts"][c]["delta"], Value::Null, "{c}");
    }
    close(&change["concepts"]["respect"]["now"], 4.1, "now");
    close(&change["modules"]["opgave"]["baseline"], 3.0, "opgave");
    close(
        &change["modules"]["opgave"]["delta"],
        111.0 / 35.0 - 3.0,
        "opgave",
    );
    assert_eq!(change["modules"]["organisatie"]["delta"], Value::Null);
    let o = run(&["report", "--baseline", path_str(&path), "examples"]);
    let out = stdout(&o);
    assert_line(&out, "Respect - 4,10 -");
    assert_line(&out, "Gezamenlijke opgave 3,00 3,17 +0,17");
}

#[test]
fn a_bad_baseline_stops_the_report() {
    let tmp = TempDir::new("baseline-bad");
    let bad = tmp.write("kapot.json", "{kapot");
    let o = run(&["report", "--json", "--baseline", path_str(&bad), "examples"]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{}: geen geldige JSON op regel 1, kolom 2 (key must be a string)\n\
             netwerkscan: 1 respons kon niet worden gelezen; er is geen rapport gemaakt\n",
            path_str(&bad)
        )
    );
    let missing = tmp.path("er-niet");
    let o = run(&["report", "--baseline", path_str(&missing), "examples"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).starts_with(&format!("{}: bestaat niet\n", path_str(&missing))),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- CSV

/// Reads a CSV export as a spreadsheet would: the byte order mark first, every line
/// ended by CRLF, then the records.
fn read_csv(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a UTF-8 byte order mark first");
    let text = std::str::from_utf8(body).expect("UTF-8");
    assert!(text.ends_with("\r\n"), "{text}");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every line ends in CRLF: {text:?}"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// A Dutch number: decimal comma.
fn dutch(cell: &str) -> f64 {
    cell.replace(',', ".").parse().expect("a number")
}

#[test]
fn csv_for_dutch_excel() {
    let o = run(&["report", "--csv", "--by", "position", "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let (header, rows) = read_csv(&o.stdout, b';');
    assert_eq!(
        header,
        [
            "uitsplitsing",
            "groep",
            "soort",
            "id",
            "naam",
            "n",
            "gem.",
            "sd",
            "min",
            "max",
            "oordeel",
            "uiteenlopend"
        ]
    );
    // One row per concept and module for the whole group, the same for the core, and
    // one row without scores for the withheld ring.
    assert_eq!(rows.len(), 9 + 9 + 1);
    assert_eq!(
        rows[0],
        [
            "",
            "",
            "begrip",
            "gelijkwaardigheid",
            "Gelijkwaardigheid",
            "5",
            "2,87",
            "0,89",
            "1,75",
            "4,00",
            "zorg",
            "uiteenlopend"
        ]
    );
    assert_eq!(
        rows[7],
        [
            "",
            "",
            "onderdeel",
            "organisatie",
            "Organisatie van de samenwerking",
            "5",
            "2,90",
            "0,72",
            "2,17",
            "3,89",
            "zorg",
            ""
        ]
    );
    for (i, row) in rows[..9].iter().enumerate() {
        assert_eq!(row[3], id(i));
        assert_eq!(row[5], "5");
        assert!(
            (dutch(&row[6]) - MEANS[i]).abs() <= 0.005,
            "{}: {} against {}",
            id(i),
            row[6],
            MEANS[i]
        );
    }
    for (i, row) in rows[9..18].iter().enumerate() {
        assert_eq!(row[..2], ["position", "kern"]);
        assert_eq!(row[3], id(i));
        assert_eq!(row[5], "3");
        assert!((dutch(&row[6]) - KERN[i]).abs() <= 0.005, "{row:?}");
    }
    assert_eq!(
        rows[10],
        [
            "position", "kern", "begrip", "respect", "Respect", "3", "4,17", "0,29", "4,00",
            "4,50", "sterk", ""
        ]
    );
    assert_eq!(
        rows[18],
        [
            "position",
            "ring",
            "",
            "",
            "te weinig respondenten",
            "2",
            "",
            "",
            "",
            "",
            "",
            ""
        ]
    );
    // Without --by: the whole group only.
    let o = run(&["report", "--csv", "examples"]);
    let (_, rows) = read_csv(&o.stdout, b';');
    assert_eq!(rows.len(), 9);
}

#[test]
fn csv_in_english_uses_commas_and_points() {
    let o = run(&[
        "report", "--csv", "--lang", "en", "--by", "role", "examples",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (header, rows) = read_csv(&o.stdout, b',');
    assert_eq!(
        header,
        [
            "split",
            "group",
            "kind",
            "id",
            "name",
            "n",
            "mean",
            "sd",
            "min",
            "max",
            "rating",
            "divergent"
        ]
    );
    assert_eq!(
        rows[0],
        [
            "",
            "",
            "concept",
            "gelijkwaardigheid",
            "Equal standing",
            "5",
            "2.87",
            "0.89",
            "1.75",
            "4.00",
            "concern",
            "divergent"
        ]
    );
    assert_eq!(
        rows[9],
        [
            "role",
            "eigenaar",
            "",
            "",
            "too few respondents",
            "2",
            "",
            "",
            "",
            "",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[10][..6],
        [
            "role",
            "oplosser",
            "concept",
            "gelijkwaardigheid",
            "Equal standing",
            "5"
        ]
    );
    assert_eq!(rows.len(), 9 + 1 + 9);
}

#[test]
fn csv_defuses_formulas_and_quotes_what_needs_it() {
    let tmp = TempDir::new("csv-names");
    let names = [
        "=1+1",
        "+31 Zorg",
        "-Wijkteam",
        "@Gemeente",
        "Zorg; Welzijn",
        "De \"Linde\"",
        "Eve\u{1b}]0;pwned\u{7}",
    ];
    let mut paths = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut v = example("anna-gemeente.json");
        v["respondent"]["alias"] = json!(format!("R{i}"));
        v["respondent"]["organisation"] = json!(name);
        paths.push(tmp.write(&format!("r{i}.json"), &v.to_string()));
    }
    let mut args = vec![
        "report",
        "--csv",
        "--by",
        "organisation",
        "--min-group",
        "1",
    ];
    args.extend(paths.iter().map(|p| path_str(p)));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // No control character reaches the output: the escape is shown as text.
    assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07));
    let (_, rows) = read_csv(&o.stdout, b';');
    let mut groups: Vec<String> = rows[9..]
        .iter()
        .filter(|r| r[3] == "respect")
        .map(|r| r[1].clone())
        .collect();
    groups.sort();
    let mut expected = vec![
        "'=1+1".to_owned(),
        "'+31 Zorg".to_owned(),
        "'-Wijkteam".to_owned(),
        "'@Gemeente".to_owned(),
        "Zorg; Welzijn".to_owned(),
        "De \"Linde\"".to_owned(),
        "Eve\\u{1b}]0;pwned\\u{7}".to_owned(),
    ];
    expected.sort();
    assert_eq!(groups, expected);
    // Each a group of one with Anna's answers: respect 9/2.
    assert!(rows[9..]
        .iter()
        .filter(|r| r[3] == "respect")
        .all(|r| r[5] == "1" && r[6] == "4,50"));
    // In the raw text, the cells with ; or " are quoted.
    let raw = String::from_utf8_lossy(&o.stdout);
    assert!(
        raw.contains("\r\norganisation;\"Zorg; Welzijn\";begrip;"),
        "{raw}"
    );
    assert!(
        raw.contains("\r\norganisation;\"De \"\"Linde\"\"\";begrip;"),
        "{raw}"
    );
}

#[test]
fn csv_and_json_are_one_or_the_other() {
    for args in [
        &["report", "--json", "--csv", "examples"][..],
        &["report", "--csv", "--by", "position", "--json", "examples"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_no_panic(&o);
        assert!(stdout(&o).is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("netwerkscan: --json cannot be used with --csv\n")
                || err.starts_with("netwerkscan: --csv cannot be used with --json\n"),
            "{err}"
        );
        assert!(err.contains("Usage: netwerkscan report"), "{err}");
    }
    // --csv with --svg: the charts as files, the CSV on stdout.
    let tmp = TempDir::new("csv-svg");
    let dir = tmp.path("charts");
    let o = run(&["report", "--csv", "--svg", path_str(&dir), "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.join("concepts.svg").is_file());
    let (_, rows) = read_csv(&o.stdout, b';');
    assert_eq!(rows.len(), 9);
}
