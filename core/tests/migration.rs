//! Version 1 responses keep reading (issue 9): item ids map to their version 2 ids
//! through the instrument's `previous` table, replaced items are left out and counted,
//! and "at least half answered" counts only what version 1 asked. The fixtures in
//! `tests/fixtures/v1/` are the version 1 example files exactly as they were.

mod common;

use common::*;
use netwerkregie::response::Migration;
use netwerkregie::{
    Answer, Band, Concept, Lang, Module, Response, Rung, Scores, Trigger, TrustFlag, Word,
};
use serde_json::{json, Value};

/// The version 1 ids that version 2 replaced.
const REPLACED: [&str; 7] = [
    "opgave-1",
    "opgave-3",
    "gelijkwaardigheid-1",
    "respect-1",
    "transparantie-3",
    "vertrouwen-1",
    "vertrouwen-3",
];

fn fixtures() -> Vec<(String, String, Response)> {
    let files = files(&fixtures_v1_dir());
    assert_eq!(files.len(), 5);
    files
        .into_iter()
        .map(|(name, text)| {
            let r =
                Response::from_json(&text, instrument()).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text, r)
        })
        .collect()
}

fn migration(r: &Response) -> &Migration {
    r.migrated.as_ref().expect("migrated")
}

#[test]
fn the_previous_table_maps_22_items_and_replaces_7() {
    let previous = instrument().previous("1").expect("version 1 is known");
    assert_eq!(previous.items.len(), 29);
    let replaced: Vec<&str> = previous
        .items
        .iter()
        .filter(|(_, new)| new.is_none())
        .map(|(old, _)| old.as_ref())
        .collect();
    assert_eq!(replaced, REPLACED);
    for (old, new) in previous.items.iter() {
        if let Some(new) = new {
            assert!(instrument().slot(new).is_some(), "{old} -> {new}");
        }
    }
    assert!(instrument().previous("2").is_none());
}

#[test]
fn every_version_1_fixture_maps_onto_version_2() {
    let i = instrument();
    let previous = i.previous("1").expect("version 1");
    for (name, text, r) in fixtures() {
        let v1: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v1["version"], json!(1), "{name} is a version 1 file");
        let m = migration(&r);
        assert_eq!(m.from, "1");
        // Every fixture answers (or says "weet niet" to) all 29 version 1 items.
        assert_eq!(m.left_out, 7, "{name}");
        assert_eq!(r.instrument.version, "2", "{name}");
        // Each old answer is now under its new id, "weet niet" included.
        for (old, new) in previous.items.iter() {
            let Some(new) = new else { continue };
            let slot = usize::from(i.slot(new).expect("slot"));
            let expected = match &v1["answers"][old.as_ref()] {
                Value::Null => Answer::Unknown,
                v => Answer::Given(
                    netwerkregie::Likert::new(v.as_u64().expect("a number") as u8)
                        .expect("on the scale"),
                ),
            };
            assert_eq!(r.answers[slot], expected, "{name}: {old} -> {new}");
        }
        // The statements version 1 did not have are unanswered, not "weet niet".
        for new in [
            "opgave-eigen",
            "vertrouwen-toezeggingen",
            "organisatie-regisseur",
        ] {
            let slot = usize::from(i.slot(new).expect("slot"));
            assert_eq!(r.answers[slot], Answer::Unanswered, "{name}: {new}");
            assert!(!m.asked[slot]);
        }
        assert_eq!(m.asked.iter().filter(|a| **a).count(), 22);
        assert_eq!(m.asked.len(), i.statement_count());
    }
}

#[test]
fn anna_version_1_scored_by_hand() {
    // anna-gemeente.json, version 1, through the map (reverse items as 6 - v):
    // opgave: opgave-2 -> positiespel 2 -> 4, rol 4, belang 4, balans 4 = 4
    //   (opgave-1 and opgave-3 were replaced; 4 of the 4 asked are answered).
    // organisatie: 4, 4, 4, structuur 2 -> 4, 4 = 4.
    // gelijkwaardigheid: afhankelijkheid 4, doorslag 2 -> 4 = 4.
    // respect: visie 4, voeten 2 -> 4 = 4.
    // vrijheid: ruimte 4, grenzen 4, curatele 1 -> 5 = 13/3.
    // verantwoording: eigen 4, gezamenlijk 3, schuld 2 -> 4 = 11/3.
    // transparantie: informeren 4, betrokkenheid 4 = 4.
    // vertrouwen: verwachtingen 3 = 3 (1 of the 1 asked).
    // relaties: (4 + 4 + 4 + 4 + 4 + 4 + 5 + 4 + 3 + 4 + 4 + 4 + 3) / 13 = 51/13.
    let (_, _, anna) = fixtures().into_iter().next().expect("anna");
    assert_eq!(anna.respondent.alias, "Anna");
    let s = Scores::of(instrument(), &anna);
    some_close(s.module(Module::Opgave), 4.0);
    some_close(s.module(Module::Organisatie), 4.0);
    some_close(s.concept(Concept::Gelijkwaardigheid), 4.0);
    some_close(s.concept(Concept::Respect), 4.0);
    some_close(s.concept(Concept::Vrijheid), 13.0 / 3.0);
    some_close(s.concept(Concept::Verantwoording), 11.0 / 3.0);
    some_close(s.concept(Concept::Transparantie), 4.0);
    some_close(s.concept(Concept::Vertrouwen), 3.0);
    some_close(s.module(Module::Relaties), 51.0 / 13.0);

    // Her own report: foundation (4 + 4 + 13/3 + 11/3 + 4) / 5 = 4, sterk; vertrouwen 3:
    // gap -1 -> trust lags behind a good foundation.
    let r = report(std::slice::from_ref(&anna));
    some_close(r.trust.foundation, 4.0);
    assert_eq!(r.trust.foundation_band, Some(Band::Sterk));
    some_close(r.trust.gap, -1.0);
    assert_eq!(r.trust.flag, Some(TrustFlag::Achter));
    let achter = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Trust(TrustFlag::Achter))
        .expect("achter");
    assert_eq!(achter.id, "advies-vertrouwen-achter-aandacht");
    assert_eq!(r.migrated.len(), 1);
    assert_eq!(
        (
            r.migrated[0].from.as_str(),
            r.migrated[0].responses,
            r.migrated[0].left_out
        ),
        ("1", 1, 7)
    );
}

#[test]
fn the_half_rule_counts_only_the_items_version_1_asked() {
    // chris-woningcorporatie.json: transparantie-1 2, transparantie-2 null ("weet niet"),
    // transparantie-3 replaced. Version 1 asked two transparantie statements that
    // version 2 keeps; one answered is half: a score of 2. As a version 2 response (4
    // statements), one answer would be too few.
    let (_, _, chris) = fixtures().into_iter().nth(2).expect("chris");
    assert_eq!(chris.respondent.alias, "Chris");
    let s = Scores::of(instrument(), &chris);
    some_close(s.concept(Concept::Transparantie), 2.0);
    // vertrouwen: only verwachtingen (vertrouwen-2) 3 was asked and kept: 3.
    some_close(s.concept(Concept::Vertrouwen), 3.0);
    // opgave: positiespel 3 -> 3, rol "weet niet", belang 3, balans 3: 3 of 4 asked = 3.
    some_close(s.module(Module::Opgave), 3.0);
    // organisatie: 3, 2, 2, structuur 4 -> 2, werkvorm "weet niet": 9/4.
    some_close(s.module(Module::Organisatie), 2.25);
    // relaties: 11 of the 13 asked answered, summing 32: 32/11.
    some_close(s.module(Module::Relaties), 32.0 / 11.0);

    let mut as_v2 = chris.clone();
    as_v2.migrated = None;
    let s = Scores::of(instrument(), &as_v2);
    assert_eq!(s.concept(Concept::Transparantie), None);
    assert_eq!(s.concept(Concept::Vertrouwen), None);
}

#[test]
fn the_version_1_group_and_its_report() {
    let responses: Vec<Response> = fixtures().into_iter().map(|(_, _, r)| r).collect();
    let r = report(&responses);
    // vertrouwen: only verwachtingen was kept: Anna 3, Bram 2, Chris 3, Dewi 2, Eva 3
    // -> 13/5.
    some_close(r.concept_mean(Concept::Vertrouwen), 2.6);
    // organisatie: 4, 3, 9/4, 11/5 (2, 2, 3, 4 -> 2, 2), 3 (3, -, -, 3 -> 3, 3) -> 289/100.
    some_close(r.module_mean(Module::Organisatie), 2.89);
    // Replaced answers: 7 per file.
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(
        json["migrated"],
        json!([{"from": "1", "responses": 5, "left_out": 35}])
    );
    // Eva's ladder "current": null was "not answered" in version 1, not "weet niet".
    assert_eq!(r.ladder.all.unknown, (0, 0));
    assert_eq!(r.ladder.all.current.values, [0, 0, 0, 3, 1]);
    assert_eq!(r.ladder.all.current[Rung::Regisseren], 3);
    // The report's word for it has both placeholders.
    let words = instrument().word(Word::ReportReplaced);
    for lang in [Lang::Nl, Lang::En] {
        assert!(words.get(lang).contains("{n}") && words.get(lang).contains("{version}"));
    }

    // Mixed with the version 2 examples: ten respondents, five migrated.
    let mut all = responses;
    all.extend(examples());
    let r = report(&all);
    assert_eq!(r.respondents, 10);
    assert_eq!(r.migrated.len(), 1);
    assert_eq!((r.migrated[0].responses, r.migrated[0].left_out), (5, 35));
}

#[test]
fn a_migrated_response_is_written_back_as_version_2() {
    let i = instrument();
    for (name, _, r) in fixtures() {
        let text = r.to_json_pretty(i);
        let v: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["version"], json!(2), "{name}");
        // It says which version the answers were given to, so that they are still
        // scored over the items that version asked once the file is saved again, and
        // how many answers were left out, so that the report still says so.
        let left_out = migration(&r).left_out;
        assert!(left_out > 0, "{name}");
        assert_eq!(
            v["instrument"],
            json!({"id": "netwerkscan", "version": "2", "from": "1", "left_out": left_out})
        );
        for old in REPLACED.iter().chain(&["opgave-2", "respect-3"]) {
            assert!(v["answers"].get(*old).is_none(), "{name}: {old}");
        }
        assert_eq!(v["answers"].as_object().expect("answers").len(), 22);
        // It reads again as a version 2 response with the same content.
        let again = Response::from_json(&text, i).unwrap_or_else(|e| panic!("{name}: {e}"));
        let m = migration(&again);
        assert_eq!(
            (m.from.as_str(), m.left_out),
            ("1", left_out),
            "{name}: the count kept, nothing more left out"
        );
        assert_eq!(m.asked, migration(&r).asked, "{name}");
        assert_eq!(
            Scores::of(i, &again),
            Scores::of(i, &r),
            "{name}: the same scores"
        );
        assert_eq!(again, r, "{name}");
        assert_eq!(again.to_json_pretty(i), text, "{name}");
    }
}

#[test]
fn version_1_files_are_checked_against_version_1() {
    let v1 = |answers: &str| {
        format!(
            r#"{{"format": "netwerkscan-response", "version": 1,
                "instrument": {{"id": "netwerkscan", "version": "1"}},
                "answers": {{{answers}}}}}"#
        )
    };
    // A version 2 id is unknown to version 1.
    let err = Response::from_json(&v1(r#""opgave-eigen": 4"#), instrument()).expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "answers.opgave-eigen: unknown item (version 1 of the instrument netwerkscan has no item \"opgave-eigen\")"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "answers.opgave-eigen: onbekende vraag (versie 1 van het instrument netwerkscan heeft geen vraag \"opgave-eigen\")"
    );
    // Values are checked as in version 2.
    let err = Response::from_json(&v1(r#""respect-2": 3.0"#), instrument()).expect_err("3.0");
    assert_eq!(err.fields()[0].path, "answers.respect-2");
    // A key given twice is refused, kept or replaced.
    for key in ["respect-2", "respect-1"] {
        let err = Response::from_json(&v1(&format!(r#""{key}": 3, "{key}": 4"#)), instrument())
            .expect_err("duplicate");
        assert_eq!(
            err.to_string(),
            format!("answers.{key}: appears twice in the same object; keep one"),
        );
    }
    // A replaced item's answer is still checked, though left out.
    let err = Response::from_json(&v1(r#""respect-1": 9"#), instrument()).expect_err("9");
    assert_eq!(err.fields()[0].path, "answers.respect-1");
}
