//! The instrument reader and validator: the built-in instrument is valid, and a
//! trainer's file hears of every problem at once, each with its field (issue 8, item 10).

use netwerkregie::advice::Trigger;
use netwerkregie::instrument::{InstrumentProblem, ItemType, SyntaxProblem, MAX_INSTRUMENT_BYTES};
use netwerkregie::{Concept, Instrument, InstrumentError, Lang, Module, Word};
use serde_json::{json, Value};

fn builtin_value() -> Value {
    serde_json::from_str(Instrument::builtin_json()).expect("JSON")
}

fn index_of(list: &Value, key: &str, value: &str) -> usize {
    list.as_array()
        .expect("a list")
        .iter()
        .position(|x| x[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value}"))
}

#[track_caller]
fn invalid(v: &Value) -> Vec<InstrumentProblem> {
    match Instrument::from_json(&v.to_string()) {
        Err(InstrumentError::Invalid(problems)) => problems,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// The problems as the English messages read.
#[track_caller]
fn problems_of(v: &Value) -> Vec<String> {
    invalid(v).iter().map(ToString::to_string).collect()
}

/// A problem: its field, and what is wrong in Dutch and in English.
fn problem(path: &str, nl: &str, en: &str) -> (String, String, String) {
    (path.to_owned(), nl.to_owned(), en.to_owned())
}

fn parts(p: &InstrumentProblem) -> (String, String, String) {
    (
        p.path.clone(),
        p.problem.nl.to_string(),
        p.problem.en.to_string(),
    )
}

#[track_caller]
fn assert_problem(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p == expected),
        "no problem {expected:?} in:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_builtin_instrument_is_valid_and_equals_its_compiled_form() {
    let i = Instrument::from_json(Instrument::builtin_json()).expect("valid");
    assert_eq!(&i, Instrument::builtin());
    assert_eq!(i.id(), "netwerkscan");
    assert_eq!(i.version(), "2");
    assert_eq!(i.statement_count(), 42);
    let open: Vec<&str> = i.open_questions().map(|q| q.id.as_ref()).collect();
    assert_eq!(open, ["opgave-wat", "eerste-stap"]);
    assert_eq!(
        i.open_question("opgave-wat").map(|q| q.module),
        Some(Some(Module::Opgave))
    );
    assert_eq!(i.open_question("eerste-stap").map(|q| q.module), Some(None));
    assert!(i.statements().all(|s| s.kind == ItemType::Likert));
    // Every finding has its advice, in every band it can have.
    for t in Trigger::all() {
        for band in t.variant_bands() {
            let a = i
                .advice(t, *band, None)
                .unwrap_or_else(|| panic!("{t} {band:?}"));
            assert_eq!(a.band, *band, "{t}");
            assert!(a.form.is_none());
        }
    }
    // Every word in both languages.
    for w in Word::ALL {
        for lang in [Lang::Nl, Lang::En] {
            assert!(!i.say(*w, lang).is_empty(), "{w} {lang}");
        }
    }
    assert_eq!(i.say(Word::ScoreMissing, Lang::Nl), "geen score");
    assert_eq!(i.decimal(Lang::Nl), ',');
    assert_eq!(i.decimal(Lang::En), '.');
    assert_eq!(i.languages(), [Lang::Nl, Lang::En]);
    // The English label is "Equal standing" (issue 9).
    assert_eq!(
        i.concept_label(Concept::Gelijkwaardigheid).en,
        "Equal standing"
    );
    // And a reverse item only where it is a true negation: one per concept here, but
    // the validator no longer asks for it.
    for c in Concept::ALL {
        let reverse = i.concept_slots(*c).iter().filter(|s| s.reverse).count();
        assert_eq!(reverse, 1, "{c}");
    }
    // Serialised, the instrument reads back as itself.
    let json = serde_json::to_string(i.file()).expect("serialises");
    assert_eq!(Instrument::from_json(&json).expect("valid"), i);
}

#[test]
fn a_concept_needs_no_reverse_item() {
    let mut v = builtin_value();
    for item in v["items"].as_array_mut().expect("items") {
        item.as_object_mut().expect("item").remove("reverse");
    }
    let i = Instrument::from_json(&v.to_string()).expect("valid without reverse items");
    assert!(i.statements().all(|s| !s.reverse));
}

#[test]
fn a_trainers_file_hears_of_every_problem_at_once() {
    let mut v = builtin_value();
    // 1. An integer where a text should be.
    let i = index_of(&v["items"], "id", "respect-waarden");
    v["items"][i]["text"]["en"] = json!(1);
    // 2. An unknown field.
    v["items"][i]["colour"] = json!("rood");
    // 3. A missing Dutch text.
    let c = index_of(&v["concepts"], "id", "vrijheid");
    v["concepts"][c]["label"]
        .as_object_mut()
        .expect("text")
        .remove("nl");
    // 4. An unknown trigger (so concept:vertrouwen in band aandacht loses its advice).
    let a = index_of(&v["advice"], "id", "advies-vertrouwen-aandacht");
    v["advice"][a]["when"] = json!("concept:liefde");
    // 5. A missing band variant.
    let a = index_of(&v["advice"], "id", "advies-respect-zorg");
    v["advice"].as_array_mut().expect("advice").remove(a);
    // 6. A previous id mapped to an item that does not exist.
    v["previous"][0]["items"]["opgave-2"] = json!("opgave-strijd");
    // 7. Two old ids mapped to one new one.
    v["previous"][0]["items"]["opgave-1"] = json!("opgave-rol");
    // 8. A type error deeper down: a list where an object should be.
    v["form"]["help"] = json!(["keten", "netwerk"]);
    // 9. An unknown word.
    v["words"]["band.goed"] = json!({"nl": "goed", "en": "good"});

    let problems = problems_of(&v);
    let item = format!("items[{i}]");
    let concept = format!("concepts[{c}]");
    let unknown_advice = index_of(&v["advice"], "id", "advies-vertrouwen-aandacht");
    for expected in [
        format!("{item}.text.en: expected text, found a number"),
        format!("{item}.colour: unknown field"),
        format!("{concept}.label.nl: missing Dutch text"),
        format!("advice[{unknown_advice}].when: unknown id \"concept:liefde\" (expected one of concept:<concept>, module:opgave, module:organisatie, trust:voor, trust:achter, ladder:<flag>, role:<role>, connection:<role>, interests:onbalans, interests:vrijblijvend, divergent)"),
        "advice: no advice for \"concept:vertrouwen\" with band \"aandacht\"".to_owned(),
        "advice: no advice for \"concept:respect\" with band \"zorg\"".to_owned(),
        "previous[0].items.opgave-2: maps to \"opgave-strijd\", which is not an item of this version".to_owned(),
        "previous[0].items.opgave-4: maps to \"opgave-rol\", as \"opgave-1\" does already; two answers cannot become one".to_owned(),
        "form.help: expected an object, found a list".to_owned(),
        "words.band.goed: unknown word".to_owned(),
    ] {
        assert_problem(&problems, &expected);
    }
    assert_eq!(problems.len(), 10, "{problems:#?}");
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("text.en: the English text is empty")),
        "a number is not an empty text"
    );

    // The error's message lists every problem, and how many.
    let message = Instrument::from_json(&v.to_string())
        .expect_err("invalid")
        .to_string();
    assert!(
        message.starts_with("instrument: 10 problems:\n- "),
        "{message}"
    );
    for p in &problems {
        assert!(message.contains(p.as_str()), "{p} not in {message}");
    }
}

#[test]
fn a_trainer_reads_the_problems_in_dutch_or_in_english() {
    // Mistakes in the shape of the file, found while reading it.
    let mut v = builtin_value();
    v["title"] = json!(1);
    v["concepts"][0]["label"]["en"] = json!("");
    v["items"][20]["reverse"] = json!("ja");
    v["items"][0]["txt"] = json!({"nl": "tekst", "en": "text"});
    v["words"]["band.zorg"] = json!({"nl": "zorg"});
    v["words"]["split.withhold"] = json!({"nl": "verborgen", "en": "withheld"});
    let problems: Vec<_> = invalid(&v).iter().map(parts).collect();
    assert_eq!(
        problems,
        [
            problem(
                "title",
                "verwacht een object, gevonden: een getal",
                "expected an object, found a number",
            ),
            problem(
                "concepts[0].label.en",
                "de Engelse tekst is leeg",
                "the English text is empty",
            ),
            problem("items[0].txt", "onbekend veld", "unknown field"),
            problem(
                "items[20].reverse",
                "verwacht true of false, gevonden: tekst",
                "expected true or false, found text",
            ),
            problem(
                "words.band.zorg.en",
                "de Engelse tekst ontbreekt",
                "missing English text",
            ),
            problem("words.split.withhold", "onbekend woord", "unknown word"),
        ]
    );

    // The whole message, in each language; Display is the English one.
    let err = Instrument::from_json(&v.to_string()).expect_err("invalid");
    assert_eq!(
        err.message(Lang::Nl),
        "instrument: 6 problemen:\n\
         - title: verwacht een object, gevonden: een getal\n\
         - concepts[0].label.en: de Engelse tekst is leeg\n\
         - items[0].txt: onbekend veld\n\
         - items[20].reverse: verwacht true of false, gevonden: tekst\n\
         - words.band.zorg.en: de Engelse tekst ontbreekt\n\
         - words.split.withhold: onbekend woord"
    );
    assert_eq!(
        err.message(Lang::En),
        "instrument: 6 problems:\n\
         - title: expected an object, found a number\n\
         - concepts[0].label.en: the English text is empty\n\
         - items[0].txt: unknown field\n\
         - items[20].reverse: expected true or false, found text\n\
         - words.band.zorg.en: missing English text\n\
         - words.split.withhold: unknown word"
    );
    assert_eq!(err.to_string(), err.message(Lang::En));
    // A further language reads the English, as every message written in code does.
    let fy = Lang::parse("fy").expect("a code");
    assert_eq!(err.message(fy), err.message(Lang::En));
    assert_eq!(err.problems().len(), 6);

    // One problem is "1 probleem".
    let mut v = builtin_value();
    v["items"][0]["source"] = json!("s999");
    let err = Instrument::from_json(&v.to_string()).expect_err("invalid");
    assert_eq!(
        err.message(Lang::Nl),
        "instrument: 1 probleem:\n- items[0] (opgave-eigen).source: onbekende bron \"s999\""
    );
    assert_eq!(
        err.message(Lang::En),
        "instrument: 1 problem:\n- items[0] (opgave-eigen).source: unknown source \"s999\""
    );
}

#[test]
fn the_rules_across_fields_read_in_dutch_and_in_english() {
    let mut v = builtin_value();
    // Two statements fewer for vertrouwen.
    for id in ["vertrouwen-nieuwsgierig", "vertrouwen-toezeggingen"] {
        let i = index_of(&v["items"], "id", id);
        v["items"].as_array_mut().expect("list").remove(i);
    }
    // Check 1 twice; no statement rates the connection to the veroorzakers.
    let i = index_of(&v["items"], "id", "opgave-belang");
    v["items"][i]["check"] = json!(1);
    let i = index_of(&v["items"], "id", "opgave-veroorzakers");
    v["items"][i].as_object_mut().expect("item").remove("role");
    // An open question that is reverse-worded.
    let open = index_of(&v["items"], "id", "eerste-stap");
    v["items"][open]["reverse"] = json!(true);
    // No advice for trust running ahead.
    let a = index_of(&v["advice"], "when", "trust:voor");
    v["advice"].as_array_mut().expect("list").remove(a);
    // An old item mapped to one that does not exist, and two onto one.
    v["previous"][0]["items"]["opgave-2"] = json!("opgave-strijd");
    v["previous"][0]["items"]["opgave-1"] = json!("opgave-rol");
    // A sector left out.
    v["respondent"]["sector"]["choices"]
        .as_array_mut()
        .expect("choices")
        .pop();
    // The rungs out of order.
    v["ladder"]["rungs"]
        .as_array_mut()
        .expect("list")
        .swap(0, 4);

    let problems: Vec<_> = invalid(&v).iter().map(parts).collect();
    for expected in [
        problem(
            &format!("items[{open}] (eerste-stap).reverse"),
            "een open vraag heeft geen reverse",
            "an open question has no reverse",
        ),
        problem(
            "items",
            "check 1 van het functionele systeem hoort precies één keer in opgave te staan, maar staat er 2 keer in",
            "check 1 of the functional system must appear exactly once in opgave, found 2",
        ),
        // opgave-belang was check 2.
        problem(
            "items",
            "check 2 van het functionele systeem hoort precies één keer in opgave te staan, maar ontbreekt",
            "check 2 of the functional system must appear exactly once in opgave, found 0",
        ),
        problem(
            "items",
            "de verbinding met de rol \"veroorzaker\" hoort door precies één stelling in opgave beoordeeld te worden, maar geen enkele stelling doet dat",
            "the connection to the veroorzakers (role \"veroorzaker\") must be rated by exactly one statement in opgave, found 0",
        ),
        problem(
            "items",
            "begrip vertrouwen heeft 2 stellingen; er zijn er minstens 3 nodig",
            "concept vertrouwen has 2 statement(s), needs at least 3",
        ),
        problem(
            "respondent.sector.choices",
            "\"bewoners\" ontbreekt",
            "\"bewoners\" is missing",
        ),
        problem(
            "ladder.rungs",
            "de treden horen op volgorde te staan, van laag naar hoog: loslaten, faciliteren, stimuleren, regisseren, reguleren",
            "must be in order from lowest to highest: loslaten, faciliteren, stimuleren, regisseren, reguleren",
        ),
        problem(
            "advice",
            "geen advies voor \"trust:voor\"",
            "no advice for \"trust:voor\"",
        ),
        problem(
            "previous[0].items.opgave-2",
            "verwijst naar \"opgave-strijd\", maar die vraag staat niet in deze versie",
            "maps to \"opgave-strijd\", which is not an item of this version",
        ),
        problem(
            "previous[0].items.opgave-4",
            "verwijst naar \"opgave-rol\", net als \"opgave-1\"; twee antwoorden kunnen niet één antwoord worden",
            "maps to \"opgave-rol\", as \"opgave-1\" does already; two answers cannot become one",
        ),
    ] {
        assert!(
            problems.contains(&expected),
            "no problem {expected:?} in:\n{problems:#?}"
        );
    }
    assert_eq!(problems.len(), 10, "{problems:#?}");
    // Every problem has its own Dutch.
    for (path, nl, en) in &problems {
        assert_ne!(nl, en, "{path}");
    }
}

/// A change to the builtin instrument, and the problem it must bring.
type Mutation = (fn(&mut Value), &'static str);

#[test]
fn each_instrument_problem_alone() {
    let mutations: Vec<Mutation> = vec![
        (
            |v| {
                let i = index_of(&v["items"], "id", "opgave-samen");
                v["items"][i]["id"] = json!("opgave-eigen");
            },
            "items[1].id: duplicate id \"opgave-eigen\"",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "respect-visie");
                v["items"][i]["concept"] = json!("liefde");
            },
            "items[25].concept: unknown id \"liefde\" (expected one of gelijkwaardigheid, respect, vrijheid, verantwoording, transparantie, vertrouwen)",
        ),
        (
            |v| v["title"]["en"] = json!("  "),
            "title.en: the English text is empty",
        ),
        (
            |v| {
                for id in ["vertrouwen-nieuwsgierig", "vertrouwen-toezeggingen"] {
                    let i = index_of(&v["items"], "id", id);
                    v["items"].as_array_mut().expect("list").remove(i);
                }
            },
            "items: concept vertrouwen has 2 statement(s), needs at least 3",
        ),
        (
            |v| {
                let i = index_of(&v["advice"], "when", "trust:voor");
                v["advice"].as_array_mut().expect("list").remove(i);
            },
            "advice: no advice for \"trust:voor\"",
        ),
        (
            |v| v["format"] = json!("iets-anders"),
            "format: expected \"netwerkscan-instrument\", found \"iets-anders\"",
        ),
        (
            |v| v["items"][0]["source"] = json!("s999"),
            "items[0] (opgave-eigen).source: unknown source \"s999\"",
        ),
        (
            |v| {
                let rungs = v["ladder"]["rungs"].as_array_mut().expect("list");
                rungs.swap(0, 4);
            },
            "ladder.rungs: must be in order from lowest to highest: loslaten, faciliteren, stimuleren, regisseren, reguleren",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "opgave-belang");
                v["items"][i]["check"] = json!(1);
            },
            "items: check 1 of the functional system must appear exactly once in opgave, found 2",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "opgave-veroorzakers");
                v["items"][i].as_object_mut().expect("item").remove("role");
            },
            "items: the connection to the veroorzakers (role \"veroorzaker\") must be rated by exactly one statement in opgave, found 0",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "eerste-stap");
                v["items"][i]["reverse"] = json!(true);
            },
            "items[43] (eerste-stap).reverse: an open question has no reverse",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "opgave-eigen");
                v["items"][i]["type"] = json!("keuze");
            },
            "items[0].type: unknown type \"keuze\" (expected likert or open)",
        ),
        (
            |v| {
                let i = index_of(&v["items"], "id", "vrijheid-ruimte");
                v["items"][i]["module"] = json!("opgave");
            },
            "items[27] (vrijheid-ruimte).concept: only statements in relaties have a concept, found \"vrijheid\"",
        ),
        (
            |v| {
                let i = index_of(&v["advice"], "when", "trust:voor");
                v["advice"][i]["band"] = json!("zorg");
            },
            "advice[18] (advies-vertrouwen-voor).band: \"zorg\" does not apply to \"trust:voor\"",
        ),
        (
            |v| {
                let i = index_of(&v["advice"], "id", "advies-ladder-te-hoog");
                v["advice"][i]["finding"]
                    .as_object_mut()
                    .expect("finding")
                    .remove("own");
            },
            "advice[21] (advies-ladder-te-hoog).finding.own: missing (one respondent can have this finding; say it to them: \"Jij ziet ...\")",
        ),
        (
            |v| {
                v["scales"]["eens"]["labels"]
                    .as_array_mut()
                    .expect("labels")
                    .pop();
            },
            "scales.eens.labels: needs 5 labels (for 1..5), found 4",
        ),
        (
            |v| v["previous"][0]["version"] = json!("2"),
            "previous[0].version: \"2\" is this instrument's own version",
        ),
        (
            |v| {
                v["respondent"]["sector"]["choices"]
                    .as_array_mut()
                    .expect("choices")
                    .pop();
            },
            "respondent.sector.choices: \"bewoners\" is missing",
        ),
        (
            |v| v["title"]["FY"] = json!("Netwurkscan"),
            "title.FY: not a language code (2 to 8 lowercase letters, such as \"fy\")",
        ),
    ];
    for (mutate, expected) in mutations {
        let mut v = builtin_value();
        mutate(&mut v);
        assert_problem(&problems_of(&v), expected);
    }
}

#[test]
fn a_key_given_twice_is_refused_by_name_and_line() {
    let text = Instrument::builtin_json().replacen(
        "\"id\": \"netwerkscan\",",
        "\"id\": \"netwerkscan\",\n  \"id\": \"andere-scan\",",
        1,
    );
    assert_ne!(text, Instrument::builtin_json());
    let err = Instrument::from_json(&text).expect_err("a key twice");
    match &err {
        InstrumentError::Syntax { line, problem, .. } => {
            assert_eq!(problem, &SyntaxProblem::KeyTwice("id".into()));
            let expected = 1 + text[..text.find("\"andere-scan\"").expect("there")]
                .matches('\n')
                .count();
            assert_eq!(*line, expected);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let InstrumentError::Syntax { line, column, .. } = err else {
        unreachable!("matched above")
    };
    assert_eq!(
        err.message(Lang::En),
        format!("instrument: not valid JSON at line {line}, column {column}: the key \"id\" appears twice in one object")
    );
    assert_eq!(err.message(Lang::En), err.to_string());
    assert_eq!(
        err.message(Lang::Nl),
        format!("instrument: geen geldige JSON op regel {line}, kolom {column}: de sleutel \"id\" staat twee keer in één object")
    );
    // serde_json's own words stay English, in brackets in a Dutch message.
    let err = Instrument::from_json("{\"format\": }").expect_err("not JSON");
    assert_eq!(
        err.message(Lang::Nl),
        "instrument: geen geldige JSON op regel 1, kolom 12 (expected value)"
    );
    assert_eq!(
        err.message(Lang::En),
        "instrument: not valid JSON at line 1, column 12: expected value"
    );
}

#[test]
fn text_that_is_not_an_instrument() {
    assert!(matches!(
        Instrument::from_json("not json"),
        Err(InstrumentError::Syntax { line: 1, .. })
    ));
    // JSON, but nothing of an instrument: every required part is named.
    let problems = problems_of(&json!({}));
    for expected in [
        "format: is missing",
        "id: is missing",
        "version: is missing",
        "title: is missing",
        "items: is missing",
        "advice: is missing",
        "words: is missing",
    ] {
        assert_problem(&problems, expected);
    }
    let problems = problems_of(&json!([1]));
    assert_problem(&problems, ": expected an object, found a list");
    // A byte order mark is allowed.
    let with_bom = format!("\u{feff}{}", Instrument::builtin_json());
    assert!(Instrument::from_json(&with_bom).is_ok());
}

#[test]
fn a_file_over_one_mebibyte_is_refused_before_reading() {
    let big = format!("{}{}", Instrument::builtin_json(), " ".repeat(1024 * 1024));
    let err = Instrument::from_json(&big).expect_err("too large");
    assert_eq!(err, InstrumentError::TooLarge { bytes: big.len() });
    assert_eq!(
        err.to_string(),
        format!(
            "instrument: the file is {} bytes; an instrument is at most 1048576 bytes",
            big.len()
        )
    );
    assert_eq!(
        err.message(Lang::Nl),
        format!(
            "instrument: het bestand is {} bytes; een instrument is hoogstens 1048576 bytes",
            big.len()
        )
    );
    // Exactly the limit is read.
    let mut exact = Instrument::builtin_json().to_owned();
    exact.push_str(&" ".repeat(MAX_INSTRUMENT_BYTES - exact.len()));
    assert!(Instrument::from_json(&exact).is_ok());
}

/// The builtin instrument with a Frisian text added to every text object that passes
/// `keep` (by path).
fn with_frisian(v: &mut Value, path: &str, keep: &dyn Fn(&str) -> bool) {
    match v {
        Value::Object(map) => {
            if map.contains_key("nl") && map.contains_key("en") {
                if keep(path) {
                    let nl = map["nl"].as_str().unwrap_or_default().to_owned();
                    map.insert("fy".into(), json!(format!("fy: {nl}")));
                }
                return;
            }
            for (k, child) in map.iter_mut() {
                with_frisian(child, &format!("{path}.{k}"), keep);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                with_frisian(child, &format!("{path}[{i}]"), keep);
            }
        }
        _ => {}
    }
}

#[test]
fn a_third_language_is_a_data_change() {
    // Frisian in the title and every word, but not in the items.
    let mut v = builtin_value();
    with_frisian(&mut v, "", &|p| p == ".title" || p.starts_with(".words."));
    let i = Instrument::from_json(&v.to_string()).expect("valid with Frisian");
    let fy = Lang::parse("fy").expect("a code");
    assert_eq!(i.languages(), [Lang::Nl, Lang::En, fy]);
    assert_eq!(i.file().title.get(fy), "fy: Netwerkscan");
    assert_eq!(i.say(Word::ScoreMissing, fy), "fy: geen score");
    // An item without Frisian falls back to English.
    let item = i.statement(0).expect("a statement");
    assert!(!item.text.has(fy));
    assert_eq!(item.text.get(fy), item.text.en);
    assert_eq!(
        i.concept_label(Concept::Gelijkwaardigheid).get(fy),
        "Equal standing"
    );
    // Written out, the further language stays.
    let json = serde_json::to_value(i.file()).expect("serialises");
    assert_eq!(json["title"]["fy"], json!("fy: Netwerkscan"));

    // A title in Frisian promises every word in it.
    let mut v = builtin_value();
    with_frisian(&mut v, "", &|p| {
        p == ".title" || (p.starts_with(".words.") && p != ".words.decimal")
    });
    let problems = problems_of(&v);
    assert_eq!(
        problems,
        ["words.decimal: has no \"fy\" text, though the title has one"]
    );
}

#[test]
fn a_word_the_file_leaves_out_is_the_builtin_one() {
    // A trainer's file written before a release added words (here every split word and
    // "no score") still reads, with the built-in texts for what it leaves out.
    let mut v = builtin_value();
    let words = v["words"].as_object_mut().expect("words");
    for key in ["score.missing", "split.rest", "split.none", "split.sector"] {
        assert!(words.remove(key).is_some(), "{key} is a word");
    }
    words.insert("band.sterk".into(), json!({"nl": "prima", "en": "fine"}));
    let i = Instrument::from_json(&v.to_string()).expect("valid without those words");
    assert_eq!(i.say(Word::ScoreMissing, Lang::Nl), "geen score");
    assert_eq!(i.say(Word::ScoreMissing, Lang::En), "no score");
    assert_eq!(i.say(Word::SplitRest, Lang::Nl), "alle anderen");
    assert_eq!(i.say(Word::SplitRest, Lang::En), "everyone else");
    // What the file gives is its own.
    assert_eq!(i.say(Word::BandSterk, Lang::Nl), "prima");
    // Written out, the file is whole again: every word, the built-in ones included.
    let json = serde_json::to_value(i.file()).expect("serialises");
    assert_eq!(
        json["words"]["split.rest"],
        json!({"nl": "alle anderen", "en": "everyone else"})
    );
    assert_eq!(json["words"]["band.sterk"]["nl"], json!("prima"));

    // A further language in the title is still required of every word: a word left
    // out has none, and is named.
    let mut v = builtin_value();
    with_frisian(&mut v, "", &|p| p == ".title" || p.starts_with(".words."));
    v["words"]
        .as_object_mut()
        .expect("words")
        .remove("split.rest");
    assert_eq!(
        problems_of(&v),
        ["words.split.rest: has no \"fy\" text, though the title has one"]
    );

    // Without a words section at all, the section is named.
    let mut v = builtin_value();
    v.as_object_mut().expect("object").remove("words");
    assert_problem(&problems_of(&v), "words: is missing");
}
