//! The `netwerkscan` binary, run as a user would: exit codes, stdout and stderr, on
//! instrument version 2 (the five examples of `examples/`) and on version 1 files (the
//! same five as instrument 1 had them, in `core/tests/fixtures/v1/`).
//!
//! The splits, the baseline and the CSV are in `facilitator.rs`; hostile input in
//! `hostile.rs`.

mod common;

use std::fs;

use common::{
    assert_line, assert_no_panic, builtin_instrument, close, example, json_of, path_str, run,
    squash, stderr, stdout, v1_fixtures, TempDir,
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

/// The five examples, computed by hand from `examples/*.json` with the README's rules:
/// reverse items count as 6 - v, "weet niet" (null) is left out, a score needs at least
/// half of its items answered. Per respondent, the counted answers (reverse items
/// already turned):
///
/// gelijkwaardigheid (luisteren, belangen, afhankelijkheid, doorslag R)
///   Anna 4 4 4 4 = 4; Bram 4 3 3 2 = 3; Chris 2 3 2 2 = 9/4; Dewi 2 2 2 1 = 7/4;
///   Eva 4 3 3 (doorslag null) = 10/3                  mean 43/15, min 7/4, max 4
/// respect (waarden, bespreken, visie, voeten R)
///   Anna 5 4 4 5 = 9/2; Bram 4 4 4 4 = 4; Chris 4 - 4 4 = 4; Dewi 4 4 4 4 = 4;
///   Eva 4 4 4 - = 4                                   mean 41/10, sd sqrt(0.05)
/// vrijheid (ruimte, grenzen, initiatief, curatele R)
///   Anna 4 4 4 5 = 17/4; Bram 2 3 3 2 = 5/2; Chris 4 - 2 4 = 10/3; Dewi 2 2 1 1 = 3/2;
///   Eva 4 4 3 4 = 15/4                                mean 46/15
/// verantwoording (eigen, gezamenlijk, verantwoorden, schuld R)
///   Anna 4 3 3 4 = 7/2; Bram 4 3 3 3 = 13/4; Chris 4 3 3 3 = 13/4; Dewi 4 3 2 3 = 3;
///   Eva 4 4 3 4 = 15/4                                mean 67/20
/// transparantie (informeren, betrokkenheid, contact, laat R)
///   Anna 4 4 4 4 = 4; Bram 3 3 4 4 = 7/2; Chris 2 - 2 2 = 2; Dewi 2 2 4 2 = 5/2;
///   Eva 3 4 4 3 = 7/2                                 mean 31/10
/// vertrouwen (toezeggingen, verwachtingen, nieuwsgierig, agenda R)
///   Anna 3 3 4 4 = 7/2; Bram 3 2 3 3 = 11/4; Chris 3 3 - 3 = 3; Dewi 3 2 3 3 = 11/4;
///   Eva 4 3 4 4 = 15/4                                mean 63/20
/// opgave (9 statements, positiespel R)
///   Anna 4 5 4 4 4 4 3 2 4 = 34/9; Bram 4 4 3 3 4 3 3 2 4 = 10/3;
///   Chris 3 3 3 - 3 3 - 2 3 = 20/7; Dewi 4 4 2 2 2 2 2 2 3 = 23/9;
///   Eva 3 4 - 3 3 3 - - 4 = 10/3 (6 of 9)             mean 111/35
/// organisatie (9 statements, structuur R)
///   Anna 4 4 3 4 4 3 5 4 4 = 35/9; Bram 4 4 4 3 3 2 4 3 2 = 29/9;
///   Chris 2 2 2 2 - 2 3 - - = 13/6 (6 of 9); Dewi 2 2 3 2 2 2 4 2 1 = 20/9;
///   Eva 3 2 - 3 3 - 4 - 3 = 3                          mean 29/10 (zorg)
/// relaties (the 24 statements of the six concepts)
///   Anna 95/24; Bram 76/24 = 19/6; Chris 59/20 (20 answered); Dewi 62/24 = 31/12;
///   Eva 81/22 (22 answered)                            mean 21569/6600
const MEANS: [(&str, f64); 9] = [
    ("gelijkwaardigheid", 43.0 / 15.0),
    ("respect", 41.0 / 10.0),
    ("vrijheid", 46.0 / 15.0),
    ("verantwoording", 67.0 / 20.0),
    ("transparantie", 31.0 / 10.0),
    ("vertrouwen", 63.0 / 20.0),
    ("opgave", 111.0 / 35.0),
    ("organisatie", 29.0 / 10.0),
    ("relaties", 21569.0 / 6600.0),
];

/// The five version 1 fixtures, migrated: each old item keeps its meaning under its
/// version 2 id or is left out (opgave-1, opgave-3, gelijkwaardigheid-1, respect-1,
/// transparantie-3, vertrouwen-1, vertrouwen-3: 7 per respondent, 35 in all, "weet
/// niet" answers included). "At least half" counts only the items version 1 asked.
///
/// gelijkwaardigheid (afhankelijkheid, doorslag R): Anna 4 4; Bram 3 3; Chris 3 3;
///   Dewi 2 1 = 3/2; Eva 3 (doorslag null) = 3        mean 29/10
/// respect (visie, voeten R): Anna 4 4; Bram 3 4 = 7/2; Chris 3 3; Dewi 3 2 = 5/2;
///   Eva 3 -                                           mean 16/5
/// vrijheid (ruimte, grenzen, curatele R): Anna 4 4 5 = 13/3; Bram 3 3 3;
///   Chris 3 - 3 = 3; Dewi 2 2 1 = 5/3; Eva 4 3 4 = 11/3  mean 47/15
/// verantwoording (eigen, gezamenlijk, schuld R): Anna 4 3 4 = 11/3; Bram 4 3 3 = 10/3;
///   Chris 3 3 3; Dewi 4 3 3 = 10/3; Eva 4 4 4 = 4     mean 52/15
/// transparantie (informeren, betrokkenheid): Anna 4 4; Bram 3 3; Chris 2 -; Dewi 2 2;
///   Eva 3 4 = 7/2                                     mean 29/10
/// vertrouwen (verwachtingen only): Anna 3; Bram 2; Chris 3; Dewi 2; Eva 3   mean 13/5
/// opgave (positiespel R, rol, belang, balans): Anna 4 4 4 4; Bram 3 3 4 3 = 13/4;
///   Chris 3 - 3 3; Dewi 2 2 2 2; Eva - 3 3 3           mean 61/20
/// organisatie (the first five): Anna 4 4 4 4 4; Bram 3 3 3 3 3; Chris 3 2 2 2 - = 9/4;
///   Dewi 2 2 3 2 2 = 11/5; Eva 3 - - 3 3 = 3          mean 289/100
/// relaties (13 statements): Anna 51/13; Bram 40/13; Chris 32/11; Dewi 29/13;
///   Eva 39/11                                          mean 2243/715
const V1_MEANS: [(&str, f64); 9] = [
    ("gelijkwaardigheid", 29.0 / 10.0),
    ("respect", 16.0 / 5.0),
    ("vrijheid", 47.0 / 15.0),
    ("verantwoording", 52.0 / 15.0),
    ("transparantie", 29.0 / 10.0),
    ("vertrouwen", 13.0 / 5.0),
    ("opgave", 61.0 / 20.0),
    ("organisatie", 289.0 / 100.0),
    ("relaties", 2243.0 / 715.0),
];

/// `concepts.X` or `modules.X` of a report.
fn scored<'a>(report: &'a Value, id: &str) -> &'a Value {
    if CONCEPTS.contains(&id) {
        &report["concepts"][id]
    } else {
        &report["modules"][id]
    }
}

/// The keys of the object that follows `"name": {` in pretty JSON, in the order
/// written (a `Value` sorts them).
fn keys_in_order(json: &str, name: &str) -> Vec<String> {
    let start = json
        .find(&format!("\n  \"{name}\": {{\n"))
        .unwrap_or_else(|| panic!("{name} in {json}"));
    json[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("  }"))
        .filter(|l| l.starts_with("    \"") && l.ends_with(": {"))
        .map(|l| {
            l.trim()
                .trim_end_matches(": {")
                .trim_matches('"')
                .to_owned()
        })
        .collect()
}

// ---------------------------------------------------------------- report --json

#[test]
fn report_json_of_the_examples() {
    let o = run(&["report", "--json", "examples/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let text = stdout(&o);
    let report: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        report["instrument"],
        json!({"id": "netwerkscan", "version": "2"})
    );
    assert_eq!(report["view"], json!("group"));
    assert_eq!(report["respondents"], json!(5));
    assert_eq!(report["migrated"], json!([]));
    assert!(report.get("splits").is_none() && report.get("change").is_none());

    for (id, mean) in MEANS {
        close(&scored(&report, id)["mean"], mean, id);
        assert_eq!(scored(&report, id)["n"], json!(5), "{id}");
    }
    // In the model's order.
    assert_eq!(keys_in_order(&text, "concepts"), CONCEPTS);
    assert_eq!(
        keys_in_order(&text, "modules"),
        ["opgave", "organisatie", "relaties"]
    );

    // The whole of one concept: sd over the five scores above, and the bands.
    let g = &report["concepts"]["gelijkwaardigheid"];
    // Deviations from 43/15 in 60ths: 68, 8, -37, -67, 28; squares 11330 / 3600 / 4.
    close(&g["sd"], 11330f64.sqrt() / 120.0, "sd");
    close(&g["min"], 1.75, "min");
    close(&g["max"], 4.0, "max");
    assert_eq!(g["band"], json!("zorg"));
    // 4 - 7/4 = 2.25 apart: perspectives diverge.
    assert_eq!(g["divergent"], json!(true));
    // Importance 3, 3, 2, 5, 3; priority 16/5 x (5 - 43/15).
    close(&g["importance"], 16.0 / 5.0, "importance");
    close(&g["priority"], 16.0 / 5.0 * 32.0 / 15.0, "priority");
    let respect = &report["concepts"]["respect"];
    close(&respect["sd"], 0.05f64.sqrt(), "respect sd");
    assert_eq!(respect["band"], json!("sterk"));
    assert_eq!(respect["divergent"], json!(false));
    for (id, band, divergent) in [
        ("vrijheid", "aandacht", true),
        ("verantwoording", "aandacht", false),
        ("transparantie", "aandacht", true),
        ("vertrouwen", "aandacht", false),
        ("opgave", "aandacht", false),
        ("organisatie", "zorg", false),
        ("relaties", "aandacht", false),
    ] {
        assert_eq!(scored(&report, id)["band"], json!(band), "{id}");
        assert_eq!(scored(&report, id)["divergent"], json!(divergent), "{id}");
    }
    // Priorities: importance x (5 - mean): 6.83, 6.66, 6.57, 6.46, 5.28, 2.52.
    assert_eq!(
        report["priorities"],
        json!([
            "gelijkwaardigheid",
            "vertrouwen",
            "vrijheid",
            "transparantie",
            "verantwoording",
            "respect"
        ])
    );

    // Per statement, in the instrument's order, reverse items turned: vrijheid-curatele
    // 1 4 2 5 2 counts 5 2 4 1 4.
    let items = &report["items"];
    let order = keys_in_order(&text, "items");
    assert_eq!(order.len(), 42);
    assert_eq!(
        order[..3],
        ["opgave-eigen", "opgave-samen", "opgave-positiespel"]
    );
    assert_eq!(order[41], "vertrouwen-agenda");
    let curatele = &items["vrijheid-curatele"];
    close(&curatele["mean"], 16.0 / 5.0, "vrijheid-curatele");
    assert_eq!(curatele["min"], json!(1.0));
    assert_eq!(curatele["max"], json!(5.0));
    assert_eq!(curatele["divergent"], json!(true));
    assert_eq!(items["opgave-eigenaren"]["n"], json!(3));

    // Trust: foundation (43/15 + 41/10 + 46/15 + 67/20 + 31/10) / 5 = 989/300,
    // gap 63/20 - 989/300 = -11/75: in line with its foundation.
    let trust = &report["trust"];
    close(&trust["foundation"], 989.0 / 300.0, "foundation");
    close(&trust["gap"], -11.0 / 75.0, "gap");
    assert_eq!(trust["foundation_band"], json!("aandacht"));
    assert_eq!(trust["flag"], Value::Null);

    // Ladder: now - desired in rungs: Anna (overheid) 0, Bram 1, Chris 3, Dewi 2; Eva
    // does not know the current rung. Everyone 6/4, the government 0, partners 6/3.
    let ladder = &report["ladder"];
    assert_eq!(ladder["n"], json!(5));
    assert_eq!(
        ladder["current"],
        json!({"loslaten": 0, "faciliteren": 0, "stimuleren": 0, "regisseren": 3, "reguleren": 1})
    );
    assert_eq!(
        ladder["desired"],
        json!({"loslaten": 0, "faciliteren": 3, "stimuleren": 1, "regisseren": 1, "reguleren": 0})
    );
    assert_eq!(ladder["unknown"], json!([1, 0]));
    close(&ladder["mean_gap"], 1.5, "mean_gap");
    // Wanted from faciliteren to regisseren: two rungs apart.
    assert_eq!(ladder["flags"], json!(["te_hoog", "geen_beeld_gewenst"]));
    assert_eq!(ladder["government"]["n"], json!(1));
    close(&ladder["government"]["mean_gap"], 0.0, "government");
    assert_eq!(ladder["partners"]["n"], json!(4));
    assert_eq!(ladder["partners"]["unknown"], json!([1, 0]));
    close(&ladder["partners"]["mean_gap"], 2.0, "partners");

    assert_eq!(
        report["form"],
        json!({"counts": {"keten": 1, "netwerk": 3, "mix": 1}, "dominant": "netwerk"})
    );

    // Coverage: self-declared roles with the rated connection to each group.
    let coverage = &report["coverage"];
    assert_eq!(coverage["organisations"], json!(5));
    let roles = &coverage["roles"];
    assert_eq!(
        roles["eigenaar"]["holders"],
        json!(["Bewonerscollectief Samen Noorderhof", "Gemeente Zuiderveen"])
    );
    // opgave-eigenaren 3, 3, -, 2, -: 8/3, below 3: held but weakly connected.
    assert_eq!(roles["eigenaar"]["connection"]["n"], json!(3));
    close(
        &roles["eigenaar"]["connection"]["mean"],
        8.0 / 3.0,
        "eigenaar",
    );
    assert_eq!(roles["eigenaar"]["status"], json!("zwak"));
    // Nobody a causer, and opgave-veroorzakers 2, 2, 2, 2, -: missing.
    assert_eq!(roles["veroorzaker"]["holders"], json!([]));
    close(
        &roles["veroorzaker"]["connection"]["mean"],
        2.0,
        "veroorzaker",
    );
    assert_eq!(roles["veroorzaker"]["status"], json!("ontbreekt"));
    assert_eq!(
        roles["oplosser"]["holders"].as_array().map(Vec::len),
        Some(5)
    );
    close(&roles["oplosser"]["connection"]["mean"], 3.6, "oplosser");
    assert_eq!(roles["oplosser"]["status"], json!("gedekt"));
    assert_eq!(coverage["missing"], json!(["veroorzaker"]));

    // Interests, one organisation each, by name.
    let interests = report["interests"].as_array().expect("list");
    let names: Vec<&str> = interests
        .iter()
        .map(|o| o["organisation"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "Basisschool De Wegwijzer",
            "Bewonerscollectief Samen Noorderhof",
            "Gemeente Zuiderveen",
            "Woonstichting Noorderhof",
            "Zorggroep De Linde"
        ]
    );
    let linde = &interests[4];
    close(&linde["balance"], -2.0, "balance");
    assert_eq!(linde["flags"], json!(["onbalans"]));
    // Chris: interest, give and passion all 2, but in the ring: not let go.
    assert_eq!(interests[3]["ring"], json!(true));
    assert_eq!(interests[3]["flags"], json!([]));

    // Comments per concept, module and open question, in the respondents' order.
    let comments = &report["comments"];
    assert_eq!(comments["opgave-wat"]["count"], json!(5));
    assert_eq!(comments["eerste-stap"]["count"], json!(4));
    assert_eq!(
        comments["verantwoording"],
        json!({"count": 1, "texts": ["Afspraken uit het overleg worden niet altijd nagekomen door de aanbieders. Een vaste actielijst per overleg zou helpen."]})
    );

    // Advice: every zorg finding before every aandacht one; within aandacht the weak
    // joint task first. Severities: veroorzaker missing 12; organisatie 4 x (5 - 29/10)
    // = 8.4; gelijkwaardigheid its priority 512/75; opgave 5 x (5 - 111/35).
    let advice = report["advice"].as_array().expect("list");
    let head: Vec<(&str, &str)> = advice[..4]
        .iter()
        .map(|a| {
            (
                a["id"].as_str().expect("id"),
                a["band"].as_str().expect("band"),
            )
        })
        .collect();
    assert_eq!(
        head,
        [
            ("advies-rol-veroorzaker", "zorg"),
            ("advies-organisatie-zorg", "zorg"),
            ("advies-gelijkwaardigheid-zorg", "zorg"),
            ("advies-opgave-aandacht", "aandacht"),
        ]
    );
    close(&advice[0]["severity"], 12.0, "severity 1");
    close(&advice[1]["severity"], 8.4, "severity 2");
    close(&advice[2]["severity"], 512.0 / 75.0, "severity 3");
    close(
        &advice[3]["severity"],
        5.0 * (5.0 - 111.0 / 35.0),
        "severity 4",
    );
    assert!(advice[3..].iter().all(|a| a["band"] == "aandacht"));
    assert_eq!(advice[0]["evidence"], json!(["roles", "connection"]));
    // A zorg finding reads as one ("schiet tekort"), in the group's voice, and names the
    // lowest statement: organisatie-wisselingen 3, 2, 2, 2, - = 9/4.
    assert_eq!(
        advice[1]["finding"]["nl"],
        json!("De organisatie van de samenwerking schiet tekort.")
    );
    assert_eq!(advice[1]["lowest"]["id"], json!("organisatie-wisselingen"));
    close(&advice[1]["lowest"]["mean"], 2.25, "lowest");
    // gelijkwaardigheid-doorslag 2 4 4 5 - counts 4 2 2 1: 9/4.
    assert_eq!(
        advice[2]["lowest"]["id"],
        json!("gelijkwaardigheid-doorslag")
    );
    close(&advice[2]["lowest"]["mean"], 2.25, "lowest");
    assert_eq!(
        advice[3]["finding"]["nl"],
        json!("Er is een gezamenlijke opgave, maar die mag sterker.")
    );
    // Divergence gets the "meervoudig kijken" advice, naming its statements.
    let vrijheid = advice
        .iter()
        .find(|a| a["when"] == "divergent" && a["subjects"] == json!(["vrijheid"]))
        .expect("divergence on vrijheid");
    assert_eq!(
        vrijheid["items"],
        json!(["vrijheid-initiatief", "vrijheid-curatele"])
    );
}

#[test]
fn one_respondent_reads_as_their_own_view() {
    let report = json_of(&["report", "--json", "examples/dewi-bewonerscollectief.json"]);
    assert_eq!(report["view"], json!("respondent"));
    // Dewi's opgave 23/9 is zorg and leads: 5 x (5 - 23/9) = 110/9.
    let first = &report["advice"][0];
    assert_eq!(first["id"], json!("advies-opgave-zorg"));
    close(&first["severity"], 110.0 / 9.0, "severity");
    assert_eq!(
        first["finding"]["nl"],
        json!("Volgens jou schiet de gezamenlijke opgave tekort.")
    );
    // Group-only findings never occur in one respondent's own result.
    let advice = report["advice"].as_array().expect("list");
    assert!(advice.iter().all(|a| {
        let when = a["when"].as_str().unwrap_or_default();
        !(when == "divergent" || when.starts_with("role:") || when.starts_with("interests:"))
    }));
    assert_eq!(report["interests"][0]["flags"], json!([]));
    let o = run(&["report", "examples/dewi-bewonerscollectief.json"]);
    let out = stdout(&o);
    assert!(out.starts_with("Netwerkscan: 1 respondent(en)\n"), "{out}");
    assert_line(
        &out,
        "1. [zorg] Laat de opgave leidend zijn (Gezamenlijke opgave)",
    );
    assert_line(&out, "Volgens jou schiet de gezamenlijke opgave tekort.");
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
    let report = json_of(&args);
    assert_eq!(report["respondents"], json!(3));
    // gelijkwaardigheid (4 + 3 + 9/4) / 3 = 37/12
    close(
        &report["concepts"]["gelijkwaardigheid"]["mean"],
        37.0 / 12.0,
        "gelijkwaardigheid",
    );

    // The folder is its files in the order of their names.
    let folder = run(&["report", "--json", "examples"]);
    let mut args = vec!["report", "--json"];
    let all: Vec<String> = [
        "anna-gemeente.json",
        "bram-zorgaanbieder.json",
        "chris-woningcorporatie.json",
        "dewi-bewonerscollectief.json",
        "eva-school.json",
    ]
    .iter()
    .map(|f| format!("examples/{f}"))
    .collect();
    args.extend(all.iter().map(String::as_str));
    let listed = run(&args);
    assert_eq!(stdout(&folder), stdout(&listed));
}

// ---------------------------------------------------------------- report text

const DUTCH_HEADINGS: [&str; 10] = [
    "Gezonde relaties: de zes begrippen",
    "De drie kernvragen",
    "Vertrouwen en zijn fundament",
    "Rol van de overheid op de participatieladder",
    "Keten of netwerk",
    "Verbinding met eigenaren, veroorzakers en oplossers",
    "Belangen per organisatie",
    "Adviezen",
    "Opmerkingen",
    // Only with --by and --baseline.
    "Uitsplitsingen",
];
const ENGLISH_HEADINGS: [&str; 10] = [
    "Healthy relations: the six concepts",
    "The three core questions",
    "Trust and its foundation",
    "The government's role on the participation ladder",
    "Chain or network",
    "Connection to owners, causers and solvers",
    "Interests per organisation",
    "Advice",
    "Comments",
    "Breakdowns",
];

#[track_caller]
fn assert_headings(out: &str, shown: &[&str], absent: &[&str]) {
    let lines: Vec<&str> = out.lines().collect();
    for h in &shown[..9] {
        assert!(lines.contains(h), "heading {h:?} in\n{out}");
    }
    for h in absent {
        assert!(!lines.contains(h), "heading {h:?} should not be in\n{out}");
    }
}

#[test]
fn report_text_in_dutch() {
    let o = run(&["report", "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Netwerkscan: 5 respondent(en)\n"), "{out}");
    // The headings are the instrument's words; "Uitsplitsingen" only with --by.
    assert_headings(&out, &DUTCH_HEADINGS, &ENGLISH_HEADINGS);
    assert!(!out.contains("Uitsplitsingen") && !out.contains("Verandering"));

    assert_line(&out, "begrip n gem. sd min max oordeel belangrijk");
    for line in [
        "Gelijkwaardigheid 5 2,87 0,89 1,75 4,00 zorg 3,20 uiteenlopend",
        "Respect 5 4,10 0,22 4,00 4,50 sterk 2,80",
        "Vrijheid 5 3,07 1,09 1,50 4,25 aandacht 3,40 uiteenlopend",
        "Verantwoording 5 3,35 0,29 3,00 3,75 aandacht 3,20",
        "Transparantie 5 3,10 0,82 2,00 4,00 aandacht 3,40 uiteenlopend",
        "Vertrouwen 5 3,15 0,45 2,75 3,75 aandacht 3,60",
        "Gezamenlijke opgave 5 3,17 0,47 2,56 3,78 aandacht",
        "Organisatie van de samenwerking 5 2,90 0,72 2,17 3,89 zorg",
        "Gezonde relaties 5 3,27 0,55 2,58 3,96 aandacht",
        "fundament (andere vijf): 3,30 verschil: -0,15 in evenwicht met het fundament",
        "alle respondenten overheid zelf andere partners",
        "trede nu gewenst nu gewenst nu gewenst",
        "Regisseren 3 1 1 1 2 0",
        "Faciliteren 0 3 0 0 0 3",
        "gemiddeld verschil nu - gewenst (treden) +1,50 0,00 +2,00",
        "! de overheid staat hoger dan gewenst",
        "! geen gedeeld beeld van de gewenste rol",
        "keten 1, netwerk 3, mix van keten en netwerk 1 → netwerk",
        "Probleemeigenaar zwak verbonden",
        "partners met deze rol: Bewonerscollectief Samen Noorderhof, Gemeente Zuiderveen",
        "verbinding volgens de partners: 2,67 (n = 3)",
        "Probleemveroorzaker ontbreekt !",
        "Zorggroep De Linde 4,00 2,00 4,00 3,00 -2,00 4,00 2,00 4,00 3,00 halen en brengen uit balans",
        "1. [zorg] Betrek de probleemveroorzakers (Probleemveroorzaker)",
        "2. [zorg] Organiseer de ontmoeting, niet de apenrots (Organisatie van de samenwerking)",
        "De organisatie van de samenwerking schiet tekort.",
        "laagst scorende uitspraak: Als een partner iemand nieuw aan tafel stuurt, nemen we bewust de tijd om die persoon in de samenwerking op te nemen. (2,25)",
        "3. [zorg] Richt overleg en besluiten gelijkwaardig in (Gelijkwaardigheid)",
        "Verder:",
        "4. [aandacht] Maak de opgave scherper (Gezamenlijke opgave)",
        // Divergent statements by their text, not their id.
        "- We hebben afgesproken wie waarvoor het initiatief neemt.",
        "Wat is volgens jou de gezamenlijke opgave? (5)",
        "Wat moet er als eerste gebeuren? (4)",
    ] {
        assert_line(&out, line);
    }
    assert!(!out.contains("vrijheid-curatele"), "{out}");
    // Comments in the order the scan asks them: the joint task first, the closing
    // question last.
    let comments = &out[out.find("\nOpmerkingen\n").expect("comments")..];
    let order: Vec<usize> = [
        "Gezamenlijke opgave (2)",
        "Wat is volgens jou de gezamenlijke opgave? (5)",
        "Organisatie van de samenwerking (2)",
        "Gelijkwaardigheid (1)",
        "Vertrouwen (2)",
        "Wat moet er als eerste gebeuren? (4)",
    ]
    .iter()
    .map(|h| {
        comments
            .find(h)
            .unwrap_or_else(|| panic!("{h} in {comments}"))
    })
    .collect();
    assert!(order.is_sorted(), "{comments}");
}

#[test]
fn report_text_in_english() {
    let o = run(&["report", "--lang", "en", "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Network scan: 5 respondent(s)\n"), "{out}");
    assert_headings(&out, &ENGLISH_HEADINGS, &DUTCH_HEADINGS);
    for line in [
        "concept n mean sd min max rating importance",
        "Equal standing 5 2.87 0.89 1.75 4.00 concern 3.20 divergent",
        "Respect 5 4.10 0.22 4.00 4.50 strong 2.80",
        "Organising the collaboration 5 2.90 0.72 2.17 3.89 concern",
        "foundation (other five): 3.30 gap: -0.15 in line with its foundation",
        "mean gap now - desired (rungs) +1.50 0.00 +2.00",
        "! the government stands higher than wanted",
        "Problem causer missing !",
        "1. [concern] Involve the problem causers (Problem causer)",
        "3. [concern] Make meetings and decisions equal (Equal standing)",
        "Further:",
    ] {
        assert_line(&out, line);
    }
}

#[test]
fn report_svg_writes_four_charts_in_the_instruments_words() {
    let tmp = TempDir::new("svg");
    let dir = tmp.path("charts");
    let o = run(&["report", "--svg", path_str(&dir), "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
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
    let texts = |name: &str| -> Vec<String> {
        let svg = fs::read_to_string(dir.join(name)).expect("read");
        assert!(svg.starts_with("<svg"), "{name}");
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = &t[t.find('>')? + 1..];
                Some(body[..body.find("</text>")?].trim().to_owned())
            })
            .collect()
    };
    let concepts = texts("concepts.svg");
    assert_eq!(concepts[0], "Gezonde relaties");
    // Each concept's label, marked when perspectives diverge, and its mean: the radar
    // draws every label (with its backdrop), then the ticks 1 to 5, then every mean in
    // the same order round the chart.
    let at = |text: &str| {
        concepts
            .iter()
            .position(|t| t == text)
            .unwrap_or_else(|| panic!("{text} in {concepts:?}"))
    };
    let pairs = [
        ("Gelijkwaardigheid ≠", "2,87"),
        ("Respect", "4,10"),
        ("Vrijheid ≠", "3,07"),
        ("Verantwoording", "3,35"),
        ("Transparantie ≠", "3,10"),
        ("Vertrouwen", "3,15"),
    ];
    let labels: Vec<usize> = pairs.iter().map(|(label, _)| at(label)).collect();
    let means: Vec<usize> = pairs.iter().map(|(_, mean)| at(mean)).collect();
    let first_mean = labels[labels.len() - 1] + 6;
    assert_eq!(
        concepts[first_mean - 5..first_mean],
        ["1", "2", "3", "4", "5"],
        "{concepts:?}"
    );
    assert_eq!(
        labels,
        (labels[0]..labels[0] + 6).collect::<Vec<_>>(),
        "{concepts:?}"
    );
    assert_eq!(
        means,
        (first_mean..first_mean + 6).collect::<Vec<_>>(),
        "{concepts:?}"
    );
    let modules = texts("modules.svg");
    assert_eq!(modules[0], "Opgave, organisatie en relaties");
    assert!(modules.contains(&"2,90".to_owned()), "{modules:?}");
    assert_eq!(texts("influence.svg")[0], "Bronnen van invloed");
    let ladder = texts("ladder.svg");
    assert_eq!(ladder[0], "Participatieladder");
    assert!(ladder.contains(&"Regisseren".to_owned()), "{ladder:?}");
    // The text report is still printed.
    assert!(stdout(&o).starts_with("Netwerkscan: 5 respondent(en)"));

    // In English, the charts are redrawn (and each replaced file named).
    let o = run(&[
        "report",
        "--lang",
        "en",
        "--svg",
        path_str(&dir),
        "examples",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let concepts = texts("concepts.svg");
    assert_eq!(concepts[0], "Healthy relations");
    let at = concepts
        .iter()
        .position(|t| t == "Equal standing ≠")
        .expect("Equal standing");
    // The first label's mean comes first of the means, after the six labels and the
    // five ticks.
    assert_eq!(concepts[at + 11], "2.87", "{concepts:?}");
    assert_eq!(stderr(&o).lines().count(), 4, "{}", stderr(&o));
}

// ---------------------------------------------------------------- version 1 files

#[test]
fn version_1_files_are_migrated_and_said_so() {
    let v1 = v1_fixtures();
    let o = run(&["report", "--json", path_str(&v1)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "netwerkscan: 5 responsen beantwoordden versie 1 van het instrument en zijn gelezen als versie 2; 35 antwoorden op vervangen vragen zijn weggelaten\n"
    );
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(
        report["instrument"],
        json!({"id": "netwerkscan", "version": "2"})
    );
    assert_eq!(
        report["migrated"],
        json!([{"from": "1", "responses": 5, "left_out": 35}])
    );
    for (id, mean) in V1_MEANS {
        close(&scored(&report, id)["mean"], mean, id);
        assert_eq!(scored(&report, id)["n"], json!(5), "{id}");
    }
    // Version 1 had no "weet niet" on the ladder: Eva's null is not answered.
    assert_eq!(report["ladder"]["unknown"], json!([0, 0]));
    close(&report["ladder"]["mean_gap"], 1.5, "mean_gap");
    // Nor sector: nobody speaks for the government.
    assert_eq!(report["ladder"]["government"]["n"], json!(0));
    assert_eq!(report["form"]["dominant"], Value::Null);
    // opgave-3 (the three groups in one) is replaced: no connection was rated.
    assert_eq!(
        report["coverage"]["roles"]["veroorzaker"]["connection"]["n"],
        json!(0)
    );
    assert_eq!(report["coverage"]["missing"], json!(["veroorzaker"]));

    // The text report says it too, in English where asked.
    let o = run(&["report", "--lang", "en", path_str(&v1)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Network scan: 5 respondent(s)\n35 answer(s) to replaced questions of version 1 have been left out\n"),
        "{out}"
    );
    assert_eq!(
        stderr(&o),
        "netwerkscan: 5 responses answered version 1 of the instrument and were read as version 2; 35 answers to replaced questions were left out\n"
    );
    assert_line(&out, "Trust 5 2.60 0.55 2.00 3.00 concern 3.60");

    // One version 1 file among version 2 files: migrated, counted apart.
    let anna = v1.join("anna-gemeente.json");
    let o = run(&[
        "report",
        "--json",
        path_str(&anna),
        "examples/bram-zorgaanbieder.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 respons beantwoordde versie 1 van het instrument en is gelezen als versie 2; 7 antwoorden"),
        "{}",
        stderr(&o)
    );
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(report["respondents"], json!(2));
    assert_eq!(
        report["migrated"],
        json!([{"from": "1", "responses": 1, "left_out": 7}])
    );
    // gelijkwaardigheid: Anna (v1) 4 4 = 4, Bram (v2) 3.
    close(
        &report["concepts"]["gelijkwaardigheid"]["mean"],
        3.5,
        "mixed",
    );

    // validate names the version of each file.
    let o = run(&["validate", path_str(&anna), "examples/eva-school.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!(
            "ok: {} (Anna, Gemeente Zuiderveen; 22 van 42 uitspraken beantwoord; versie 1, gelezen als versie 2: 7 antwoorden op vervangen vragen weggelaten)\n\
             ok: examples/eva-school.json (Eva, Basisschool De Wegwijzer; 34 van 42 uitspraken beantwoord)\n",
            path_str(&anna)
        )
    );
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_good_files() {
    let o = run(&["validate", "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_no_panic(&o);
    assert_eq!(
        stdout(&o),
        "ok: examples/anna-gemeente.json (Anna, Gemeente Zuiderveen; 42 van 42 uitspraken beantwoord)\n\
         ok: examples/bram-zorgaanbieder.json (Bram, Zorggroep De Linde; 42 van 42 uitspraken beantwoord)\n\
         ok: examples/chris-woningcorporatie.json (Chris, Woonstichting Noorderhof; 33 van 42 uitspraken beantwoord)\n\
         ok: examples/dewi-bewonerscollectief.json (Dewi, Bewonerscollectief Samen Noorderhof; 42 van 42 uitspraken beantwoord)\n\
         ok: examples/eva-school.json (Eva, Basisschool De Wegwijzer; 34 van 42 uitspraken beantwoord)\n"
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let o = run(&[
        "validate",
        "--lang",
        "en",
        "examples/chris-woningcorporatie.json",
    ]);
    assert_eq!(
        stdout(&o),
        "ok: examples/chris-woningcorporatie.json (Chris, Woonstichting Noorderhof; 33 of 42 items answered)\n"
    );
}

fn valid_response() -> Value {
    json!({
        "format": "netwerkscan-response",
        "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2"},
        "respondent": {"alias": "Test", "organisation": "Testorganisatie"},
        "answers": {"opgave-eigen": 4, "opgave-samen": null}
    })
}

fn with_opgave_eigen(raw: &str) -> String {
    let text = valid_response().to_string();
    let replaced = text.replace("\"opgave-eigen\":4", &format!("\"opgave-eigen\":{raw}"));
    assert_ne!(text, replaced);
    replaced
}

fn changed(f: impl FnOnce(&mut Value)) -> String {
    let mut v = valid_response();
    f(&mut v);
    v.to_string()
}

#[test]
fn bad_files_are_named_with_their_problem() {
    let tmp = TempDir::new("bad");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not-json.json",
            "{ dit is geen json".into(),
            "not valid JSON at line 1",
        ),
        (
            "wrong-format.json",
            changed(|v| v["format"] = json!("netwerkscan-instrument")),
            "format",
        ),
        (
            "unknown-item.json",
            changed(|v| v["answers"]["opgave-99"] = json!(3)),
            "answers.opgave-99: unknown item (instrument netwerkscan 2 has no item \"opgave-99\")",
        ),
        // An item id of version 1 in a version 2 file.
        (
            "old-item.json",
            changed(|v| v["answers"]["opgave-1"] = json!(3)),
            "answers.opgave-1: unknown item (instrument netwerkscan 2 has no item \"opgave-1\")",
        ),
        (
            "seven.json",
            with_opgave_eigen("7"),
            "answers.opgave-eigen: 7 is not on the scale 1..5 (use 1, 2, 3, 4, 5 or null for \"weet niet\")",
        ),
        ("zero.json", with_opgave_eigen("0"), "answers.opgave-eigen: 0 is not on the scale 1..5"),
        ("fraction.json", with_opgave_eigen("2.5"), "answers.opgave-eigen"),
        ("text.json", with_opgave_eigen("\"4\""), "answers.opgave-eigen"),
        (
            "open-answered.json",
            changed(|v| v["answers"]["opgave-wat"] = json!(3)),
            "answers.opgave-wat: \"opgave-wat\" is an open question; its answer belongs as text in comments.opgave-wat",
        ),
        (
            "comment.json",
            changed(|v| v["comments"] = json!({"opgave-wat": 5})),
            "comments.opgave-wat: expected text, found a number",
        ),
        (
            "sector.json",
            changed(|v| v["respondent"]["sector"] = json!("kerk")),
            "respondent.sector: unknown value \"kerk\" (expected one of overheid, maatschappelijk, bedrijf, bewoners)",
        ),
        (
            "level.json",
            changed(|v| v["respondent"]["level"] = json!(2)),
            "respondent.level: expected one of bestuur, management, uitvoering or null, found a number",
        ),
        (
            "form.json",
            changed(|v| v["form"] = json!("boom")),
            "form: unknown value \"boom\" (expected one of keten, netwerk, mix)",
        ),
        (
            "ladder.json",
            changed(|v| v["ladder"] = json!({"current": "bovenaan"})),
            "ladder.current: unknown value \"bovenaan\" (expected one of loslaten, faciliteren, stimuleren, regisseren, reguleren)",
        ),
        (
            "no-answers.json",
            changed(|v| {
                v.as_object_mut().expect("object").remove("answers");
            }),
            "answers",
        ),
        ("empty.json", String::new(), "empty"),
        (
            "newer.json",
            changed(|v| v["version"] = json!(3)),
            "version: this file has response format version 3; this Netwerkscan reads up to version 2. Update Netwerkscan to open it",
        ),
        (
            "newer-instrument.json",
            changed(|v| v["instrument"]["version"] = json!("3")),
            "instrument.version: this file answers version \"3\" of the instrument",
        ),
    ];
    for (name, text, message) in &cases {
        let path = tmp.write(name, text);
        let path = path_str(&path);
        for command in ["validate", "report"] {
            let o = run(&[command, "--lang", "en", path]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(1), "{command} {name}: {err}");
            assert_no_panic(&o);
            assert!(stdout(&o).is_empty(), "{command} {name}: {}", stdout(&o));
            // The first line names the file, then the field and the problem.
            let first = err.lines().next().unwrap_or_default();
            assert!(
                first.starts_with(&format!("{path}: ")) && first.contains(message),
                "{command} {name}: {message:?} not in {err}"
            );
        }
    }
    // The newer file in Dutch: the user is told to update.
    let o = run(&["validate", path_str(&tmp.path("newer.json"))]);
    assert!(
        stderr(&o).contains("version: dit bestand heeft antwoordformaat versie 3; deze Netwerkscan leest tot en met versie 2. Werk Netwerkscan bij om het te openen"),
        "{}",
        stderr(&o)
    );

    // All of them at once: each named, and nothing reported as ok.
    let o = run(&["validate", path_str(&tmp.0)]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    let err = stderr(&o);
    for (name, _, _) in &cases {
        assert!(err.contains(name), "{name} in {err}");
    }
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        err.ends_with(&format!(
            "netwerkscan: {0} van {0} responsen zijn niet geldig\n",
            cases.len()
        )),
        "{err}"
    );

    // A bad file among good ones: no report at all.
    let good = tmp.write("good.json", &valid_response().to_string());
    let o = run(&[
        "report",
        "--json",
        path_str(&good),
        path_str(&tmp.path("seven.json")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{}: answers.opgave-eigen: 7 ligt niet op de schaal 1..5 (gebruik 1, 2, 3, 4, 5 of null voor \"weet niet\")\n\
             netwerkscan: 1 respons kon niet worden gelezen; er is geen rapport gemaakt\n",
            path_str(&tmp.path("seven.json"))
        )
    );

    // Counts read as counts, in both languages.
    let seven = tmp.path("seven.json");
    let seven = path_str(&seven);
    let o = run(&["report", "--lang", "en", seven, seven]);
    assert!(
        stderr(&o).ends_with("netwerkscan: 2 responses could not be read; no report was made\n"),
        "{}",
        stderr(&o)
    );
    let o = run(&["validate", "--lang", "en", path_str(&good), seven]);
    assert!(
        stderr(&o).ends_with("netwerkscan: 1 of 2 responses is not valid\n"),
        "{}",
        stderr(&o)
    );
    let o = run(&["validate", seven]);
    assert!(
        stderr(&o).ends_with("netwerkscan: 1 van 1 respons is niet geldig\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_fifty_megabyte_file_is_refused_unread() {
    let tmp = TempDir::new("huge");
    let path = tmp.path("huge.json");
    let file = fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("sparse file");
    drop(file);
    let p = path_str(&path);
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
    let o = run(&["validate", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    assert!(
        stderr(&o).contains("binary.json: het bestand is geen geldige UTF-8 (byte 1)"),
        "{}",
        stderr(&o)
    );

    let missing = tmp.path("er-niet.json");
    let o = run(&["validate", path_str(&missing)]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_panic(&o);
    assert!(
        stderr(&o).contains("er-niet.json: bestaat niet"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- JSON Lines

fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("serialises")
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
    .map(|f| compact(&example(f)))
    .collect();
    let good = tmp.write("groep.jsonl", &format!("{}\n", lines.join("\n")));
    let report = json_of(&["report", "--json", path_str(&good)]);
    assert_eq!(report["respondents"], json!(3));
    close(
        &report["concepts"]["gelijkwaardigheid"]["mean"],
        37.0 / 12.0,
        "gelijkwaardigheid",
    );

    let o = run(&["validate", path_str(&good)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for n in 1..=3 {
        assert!(
            stdout(&o).contains(&format!("groep.jsonl:{n} (")),
            "line {n}: {}",
            stdout(&o)
        );
    }

    // A JSON Lines file beside a folder and a file: one group.
    let report = json_of(&[
        "report",
        "--json",
        path_str(&good),
        "examples/dewi-bewonerscollectief.json",
        "examples/eva-school.json",
    ]);
    assert_eq!(report["respondents"], json!(5));
    close(
        &report["concepts"]["respect"]["mean"],
        41.0 / 10.0,
        "respect",
    );

    // Line 2 is bad (a 7), and line 4 is not JSON: both named by file and line.
    let bad_line = lines[1].replace("\"opgave-eigen\":4", "\"opgave-eigen\":7");
    assert_ne!(bad_line, lines[1]);
    let bad = tmp.write(
        "fout.jsonl",
        &format!("{}\n{}\n{}\n{{kapot\n", lines[0], bad_line, lines[2]),
    );
    let p = path_str(&bad);
    for command in ["validate", "report"] {
        let o = run(&[command, p]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        assert_no_panic(&o);
        let err = stderr(&o);
        // Without --lang the messages are Dutch, like the rest of the CLI.
        assert!(
            err.contains("fout.jsonl:2: answers.opgave-eigen: 7 ligt niet op de schaal 1..5"),
            "{err}"
        );
        assert!(
            err.contains("fout.jsonl:4: geen geldige JSON op regel 1"),
            "{err}"
        );
        assert!(!err.contains("fout.jsonl:1:"), "{err}");
        assert!(!err.contains("fout.jsonl:3:"), "{err}");
    }

    // Version 1 lines in JSON Lines are migrated too.
    let v1: Vec<String> = fs::read_dir(v1_fixtures())
        .expect("fixtures")
        .map(|e| {
            let text = fs::read_to_string(e.expect("entry").path()).expect("read");
            compact(&serde_json::from_str(&text).expect("JSON"))
        })
        .collect();
    let old = tmp.write("oud.jsonl", &v1.join("\n"));
    let o = run(&["report", "--json", path_str(&old)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("5 responsen beantwoordden versie 1"));
    let report: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    close(&report["concepts"]["vertrouwen"]["mean"], 13.0 / 5.0, "v1");

    // An empty JSON Lines file is an error, not an empty group.
    let empty = tmp.write("leeg.jsonl", "\n\n");
    let o = run(&["validate", path_str(&empty)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("leeg.jsonl: het bestand is leeg"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn folders() {
    let tmp = TempDir::new("folders");
    // A folder holds .json and .jsonl files (in the order of their names) and nothing
    // else; a nested folder is not read.
    fs::create_dir(tmp.path("sub")).expect("mkdir");
    fs::write(
        tmp.path("sub/dewi.json"),
        example("dewi-bewonerscollectief.json").to_string(),
    )
    .expect("write");
    tmp.write("anna.json", &example("anna-gemeente.json").to_string());
    tmp.write(
        "rest.jsonl",
        &format!(
            "{}\n{}\n",
            compact(&example("bram-zorgaanbieder.json")),
            compact(&example("chris-woningcorporatie.json"))
        ),
    );
    tmp.write("notities.txt", "geen antwoord");
    let o = run(&["validate", path_str(&tmp.0)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shown: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.split(" (").next().unwrap_or_default().to_owned())
        .collect();
    let dir = path_str(&tmp.0);
    assert_eq!(
        shown,
        [
            format!("ok: {dir}/anna.json"),
            format!("ok: {dir}/rest.jsonl:1"),
            format!("ok: {dir}/rest.jsonl:2"),
        ]
    );
    // Two folders: both read.
    let report = json_of(&["report", "--json", dir, path_str(&tmp.path("sub"))]);
    assert_eq!(report["respondents"], json!(4));

    // A folder without responses says so.
    let empty = TempDir::new("folders-empty");
    let o = run(&["report", path_str(&empty.0)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "netwerkscan: {}: geen .json- of .jsonl-bestanden in deze map\n",
            path_str(&empty.0)
        )
    );
}

// ---------------------------------------------------------------- instrument

#[test]
fn instrument_json() {
    let o = run(&["instrument", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["format"], json!("netwerkscan-instrument"));
    assert_eq!(v["id"], json!("netwerkscan"));
    assert_eq!(v["version"], json!("2"));
    // It is the built-in instrument, whole.
    assert_eq!(v, builtin_instrument());

    let concepts = v["concepts"].as_array().expect("concepts");
    let ids: Vec<&str> = concepts
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, CONCEPTS);
    assert_eq!(
        concepts[0]["label"],
        json!({"nl": "Gelijkwaardigheid", "en": "Equal standing"})
    );

    // 42 statements and 2 open questions; every text in Dutch and English.
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 44);
    let open: Vec<&str> = items
        .iter()
        .filter(|i| i["type"] == "open")
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(open, ["opgave-wat", "eerste-stap"]);
    for item in items {
        assert!(item["id"].is_string(), "{item}");
        assert!(
            item["text"]["nl"].is_string() && item["text"]["en"].is_string(),
            "{item}"
        );
        assert!(item["source"].is_string(), "{item}");
    }
    let agenda = items
        .iter()
        .find(|i| i["id"] == "vertrouwen-agenda")
        .expect("vertrouwen-agenda");
    assert_eq!(agenda["module"], json!("relaties"));
    assert_eq!(agenda["concept"], json!("vertrouwen"));
    assert_eq!(agenda["reverse"], json!(true));
    assert_eq!(
        agenda["text"]["nl"],
        json!("Ik vermoed bij sommige partners een verborgen agenda.")
    );

    // The report's words, and how version 1 maps onto version 2.
    assert_eq!(
        v["words"]["split.withheld"],
        json!({"nl": "te weinig respondenten", "en": "too few respondents"})
    );
    assert_eq!(v["words"]["decimal"], json!({"nl": ",", "en": "."}));
    assert_eq!(v["previous"][0]["version"], json!("1"));
    assert_eq!(v["previous"][0]["items"]["opgave-1"], Value::Null);
    assert_eq!(
        v["previous"][0]["items"]["respect-3"],
        json!("respect-voeten")
    );

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
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Netwerkscan (netwerkscan 2)\n"), "{out}");
    for line in [
        "position Waar staat je organisatie in het netwerk? (Strategische kern, Complementaire ring)",
        "sector In welke sector werkt je organisatie? (Overheid, Maatschappelijke organisatie, Bedrijf, Bewoners of cliënten)",
        "Gezamenlijke opgave",
        "opgave-eigen De partners voelen deze opgave als hun eigen opgave.",
        "opgave-wat Wat is volgens jou de gezamenlijke opgave? (open)",
        "vertrouwen-agenda Ik vermoed bij sommige partners een verborgen agenda. (R)",
        "eerste-stap Wat moet er als eerste gebeuren? (open)",
        "Bronnen",
    ] {
        assert_line(&out, line);
    }
    let o = run(&["instrument", "--lang", "en"]);
    let out = stdout(&o);
    assert!(out.starts_with("Network scan (netwerkscan 2)\n"), "{out}");
    assert_line(&out, "eerste-stap What needs to happen first? (open)");
    assert_line(&out, "Sources");
}

// ---------------------------------------------------------------- a trainer's instrument

#[test]
fn a_trainers_instrument_rewords_the_report() {
    let tmp = TempDir::new("trainer");
    let mut v = builtin_instrument();
    v["title"]["nl"] = json!("Scan Wijkteam Noord");
    v["words"]["section.concepts"]["nl"] = json!("Hoe staan onze relaties ervoor?");
    v["words"]["band.zorg"]["nl"] = json!("werk aan de winkel");
    v["concepts"][1]["label"]["nl"] = json!("Wederzijds respect");
    let path = tmp.write("eigen.json", &v.to_string());
    let p = path_str(&path);

    let o = run(&["report", "--instrument", p, "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Scan Wijkteam Noord: 5 respondent(en)\n"),
        "{out}"
    );
    assert_line(&out, "Hoe staan onze relaties ervoor?");
    assert_line(
        &out,
        "Gelijkwaardigheid 5 2,87 0,89 1,75 4,00 werk aan de winkel 3,20 uiteenlopend",
    );
    assert_line(&out, "Wederzijds respect 5 4,10 0,22 4,00 4,50 sterk 2,80");
    assert!(!out.contains("Gezonde relaties: de zes begrippen"), "{out}");

    let o = run(&["instrument", "--instrument", p]);
    assert!(stdout(&o).starts_with("Scan Wijkteam Noord (netwerkscan 2)\n"));
    let o = run(&["instrument", "--json", "--instrument", p]);
    let shown: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(shown["title"]["nl"], json!("Scan Wijkteam Noord"));
    let o = run(&["validate", "--instrument", p, "examples/anna-gemeente.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_trainers_instrument_that_is_invalid_lists_every_problem() {
    let tmp = TempDir::new("instrument");
    let mut v = builtin_instrument();
    v["title"] = json!(1);
    v["concepts"][0]["label"]["en"] = json!("");
    v["words"]["band.zorg"] = json!({"nl": "zorg"});
    v["words"]["split.withhold"] = json!({"nl": "verborgen", "en": "withheld"});
    v["items"][20]["reverse"] = json!("ja");
    let path = tmp.write("eigen.json", &v.to_string());
    let p = path_str(&path);
    // In the language of the run: Dutch unless asked otherwise.
    for command in [
        &["instrument", "--instrument", p][..],
        &["report", "--instrument", p, "examples"][..],
        &["validate", "--instrument", p, "examples"][..],
        &["validate", "--instrument", p, "--lang", "nl", "examples"][..],
    ] {
        let o = run(command);
        assert_eq!(o.status.code(), Some(1), "{command:?}");
        assert_no_panic(&o);
        assert!(stdout(&o).is_empty(), "{command:?}");
        // Each problem on a line of its own, with its field; a type error too.
        assert_eq!(
            stderr(&o),
            format!(
                "netwerkscan: {p}: het instrument is niet geldig (5 problemen):\n\
                 \x20 - title: verwacht een object, gevonden: een getal\n\
                 \x20 - concepts[0].label.en: de Engelse tekst is leeg\n\
                 \x20 - items[20].reverse: verwacht true of false, gevonden: tekst\n\
                 \x20 - words.band.zorg.en: de Engelse tekst ontbreekt\n\
                 \x20 - words.split.withhold: onbekend woord\n"
            ),
            "{command:?}"
        );
    }
    for command in [
        &["instrument", "--lang", "en", "--instrument", p][..],
        &["validate", "--lang", "en", "--instrument", p, "examples"][..],
    ] {
        let o = run(command);
        assert_eq!(o.status.code(), Some(1), "{command:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "netwerkscan: {p}: the instrument is not valid (5 problems):\n\
                 \x20 - title: expected an object, found a number\n\
                 \x20 - concepts[0].label.en: the English text is empty\n\
                 \x20 - items[20].reverse: expected true or false, found text\n\
                 \x20 - words.band.zorg.en: missing English text\n\
                 \x20 - words.split.withhold: unknown word\n"
            ),
            "{command:?}"
        );
    }

    // Not JSON at all.
    let path = tmp.write("kapot.json", "{\"format\": ");
    let kapot = path_str(&path);
    let o = run(&["instrument", "--instrument", kapot]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("netwerkscan: {kapot}: instrument: geen geldige JSON op regel 1, kolom 11 (EOF while parsing a value)\n"),
    );
    let o = run(&["instrument", "--lang", "en", "--instrument", kapot]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("netwerkscan: {kapot}: instrument: not valid JSON at line 1, column 11: EOF while parsing a value\n"),
    );
    // A key given twice: the reader's own words, in Dutch too.
    let path = tmp.write(
        "dubbel.json",
        "{\"format\": \"netwerkscan-instrument\",\n \"format\": \"x\"}",
    );
    let o = run(&["validate", "--instrument", path_str(&path), "examples"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "netwerkscan: {}: instrument: geen geldige JSON op regel 2, kolom 9: de sleutel \"format\" staat twee keer in één object\n",
            path_str(&path)
        ),
    );
}

// ---------------------------------------------------------------- a further language

/// The built-in instrument with Frisian added: the title and every word (a word in
/// Frisian is required once the title has one), and one concept label. Every other
/// text falls back to English.
fn frisian() -> Value {
    let mut v = builtin_instrument();
    v["title"]["fy"] = json!("Netwurkscan");
    let words = v["words"].as_object_mut().expect("words");
    for (key, text) in words.iter_mut() {
        let fy = match key.as_str() {
            "decimal" => ",".to_owned(),
            "report.respondents" => "{n} respondinten".to_owned(),
            "section.concepts" => "Sûne relaasjes: de seis begripen".to_owned(),
            "band.zorg" => "soarch".to_owned(),
            // The Dutch word stands in for the rest.
            _ => text["nl"].as_str().expect("text").to_owned(),
        };
        text["fy"] = json!(fy);
    }
    v["concepts"][5]["label"]["fy"] = json!("Fertrouwen");
    v
}

#[test]
fn a_further_language_from_a_trainers_instrument() {
    let tmp = TempDir::new("frisian");
    let path = tmp.write("fy.json", &frisian().to_string());
    let p = path_str(&path);

    let o = run(&["report", "--lang", "fy", "--instrument", p, "examples"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Netwurkscan: 5 respondinten\n"), "{out}");
    assert_line(&out, "Sûne relaasjes: de seis begripen");
    // Frisian where the instrument has it, English elsewhere; the decimal comma of
    // the Frisian words.
    assert_line(&out, "Fertrouwen 5 3,15 0,45 2,75 3,75 aandacht 3,60");
    assert_line(
        &out,
        "Equal standing 5 2,87 0,89 1,75 4,00 soarch 3,20 uiteenlopend",
    );

    // The instrument, the CSV and the charts speak it too.
    let o = run(&["instrument", "--lang", "fy", "--instrument", p]);
    assert!(stdout(&o).starts_with("Netwurkscan (netwerkscan 2)\n"));
    let o = run(&[
        "report",
        "--csv",
        "--lang",
        "fy",
        "--instrument",
        p,
        "examples",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .contains("\r\n;;begrip;vertrouwen;Fertrouwen;5;3,15;0,45;2,75;3,75;aandacht;\r\n"),
        "{}",
        stdout(&o)
    );

    // A language the instrument does not speak is a mistake in the command line.
    let o = run(&["report", "--lang", "de", "--instrument", p, "examples"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "netwerkscan: --lang de: the instrument speaks nl, en, fy\n"
    );
    for args in [
        &["report", "--lang", "de", "examples"][..],
        &["report", "--lang", "fy", "examples"][..],
        &["instrument", "--lang", "de"][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_no_panic(&o);
        assert!(stdout(&o).is_empty(), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "netwerkscan: --lang {}: the instrument speaks nl, en\n",
                args[2]
            )
        );
    }

    // Once the title speaks Frisian, every word must.
    let mut v = frisian();
    v["words"]["split.withheld"]
        .as_object_mut()
        .expect("text")
        .remove("fy");
    let path = tmp.write("half.json", &v.to_string());
    let o = run(&[
        "report",
        "--lang",
        "fy",
        "--instrument",
        path_str(&path),
        "examples",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("\n  - words.split.withheld: has no \"fy\" text, though the title has one\n"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- usage

#[test]
fn unknown_command_or_flag_exits_2_with_usage() {
    for (args, message) in [
        (
            &["rapport", "examples"][..],
            "unknown command \"rapport\"; did you mean \"report\"?",
        ),
        (
            &["report", "--pdf", "examples"][..],
            "unknown option \"--pdf\" for report",
        ),
        (
            &["report", "--lang", "DE", "examples"][..],
            "use nl, en or another language code",
        ),
        (&["report"][..], "no response files given"),
        (&["report", "--svg"][..], "--svg needs a value"),
        (
            &["validate", "--json", "examples"][..],
            "unknown option \"--json\" for validate",
        ),
        (
            &["instrument", "examples"][..],
            "instrument takes no files (use --instrument FILE)",
        ),
        (
            &["instrument", "--csv"][..],
            "unknown option \"--csv\" for instrument",
        ),
        (
            &["report", "--json", "--csv", "examples"][..],
            "--json cannot be used with --csv",
        ),
        (
            &["report", "--csv", "--json", "examples"][..],
            "--csv cannot be used with --json",
        ),
        (
            &["report", "--by", "afdeling", "examples"][..],
            "use one of organisation, position, role, sector, level",
        ),
        (
            &["report", "--by", "position", "--min-group", "0", "examples"][..],
            "use a whole number of 1 or more",
        ),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_no_panic(&o);
        let err = stderr(&o);
        let first = err.lines().next().unwrap_or_default();
        assert!(first.starts_with("netwerkscan: "), "{args:?}: {err}");
        assert!(
            first.contains(message),
            "{args:?}: {message:?} not in {err}"
        );
        assert!(err.contains("Usage:"), "{args:?}: {err}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
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
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("Usage:"), "{args:?}");
    }
    let o = run(&["report", "--help"]);
    let help = squash(&stdout(&o));
    for option in [
        "--by <DIMENSION>",
        "--min-group <N>",
        "--baseline <PATH>",
        "--csv",
        "--json",
    ] {
        assert!(help.contains(option), "{option} in {help}");
    }
}
