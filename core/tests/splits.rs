//! Splits (the group picture per position, role, sector, level or organisation, with
//! small groups withheld) and the change against a baseline (nulmeting).

mod common;

use common::*;
use netwerkregie::report::SplitGroup;
use netwerkregie::split::{self, Dimension, Splitter, DEFAULT_MIN_GROUP};
use netwerkregie::{Concept, Module, Response, Word};
use serde_json::{json, Value};

fn split(responses: &[Response], dims: &[Dimension], min: usize) -> Vec<(String, Vec<SplitGroup>)> {
    let mut s = Splitter::new(instrument(), dims, min);
    for (seq, r) in responses.iter().enumerate() {
        s.add_numbered(r, seq as u64);
    }
    s.report()
}

fn summary(groups: &[SplitGroup]) -> Vec<(Option<&str>, usize, bool)> {
    groups
        .iter()
        .map(|g| (g.value.as_deref(), g.n, g.withheld))
        .collect()
}

fn mean(g: &SplitGroup, c: Concept) -> Option<f64> {
    g.concepts.as_ref().expect("shown")[c].stats.mean
}

#[test]
fn the_examples_split_by_position_sector_level_and_role() {
    let dims = [
        Dimension::Position,
        Dimension::Sector,
        Dimension::Level,
        Dimension::Role,
    ];
    assert_eq!(DEFAULT_MIN_GROUP, 3);
    let splits = split(&examples(), &dims, DEFAULT_MIN_GROUP);
    let names: Vec<&str> = splits.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(names, ["position", "sector", "level", "role"]);

    // Position: kern (Anna, Bram, Dewi) and ring (Chris, Eva): two is too few.
    let position = &splits[0].1;
    assert_eq!(
        summary(position),
        [(Some("kern"), 3, false), (Some("ring"), 2, true)]
    );
    // kern: gelijkwaardigheid (4 + 3 + 7/4) / 3 = 35/12; respect (9/2 + 4 + 4) / 3 = 25/6;
    // vrijheid (17/4 + 5/2 + 3/2) / 3 = 11/4.
    some_close(mean(&position[0], Concept::Gelijkwaardigheid), 35.0 / 12.0);
    some_close(mean(&position[0], Concept::Respect), 25.0 / 6.0);
    some_close(mean(&position[0], Concept::Vrijheid), 11.0 / 4.0);
    // opgave (34/9 + 10/3 + 23/9) / 3 = 29/9.
    let modules = position[0].modules.as_ref().expect("shown");
    some_close(
        netwerkregie::group::module_stats(modules, Module::Opgave)
            .expect("opgave")
            .mean,
        29.0 / 9.0,
    );
    // A withheld group shows no scores at all.
    assert!(position[1].concepts.is_none() && position[1].modules.is_none());

    // Sector in the model's order; nobody from a company, so no group for it.
    assert_eq!(
        summary(&splits[1].1),
        [
            (Some("overheid"), 1, true),
            (Some("maatschappelijk"), 3, false),
            (Some("bewoners"), 1, true)
        ]
    );
    // maatschappelijk (Bram, Chris, Eva): gelijkwaardigheid (3 + 9/4 + 10/3) / 3 = 103/36.
    some_close(
        mean(&splits[1].1[1], Concept::Gelijkwaardigheid),
        103.0 / 36.0,
    );
    assert_eq!(
        summary(&splits[2].1),
        [
            (Some("bestuur"), 1, true),
            (Some("management"), 1, true),
            (Some("uitvoering"), 3, false)
        ]
    );
    // Roles: a respondent is in the group of each role; everyone is an oplosser.
    assert_eq!(
        summary(&splits[3].1),
        [(Some("eigenaar"), 2, true), (Some("oplosser"), 5, false)]
    );
    some_close(mean(&splits[3].1[1], Concept::Respect), 4.1);
}

#[test]
fn organisations_are_split_by_name_and_respondents_who_did_not_say_come_last() {
    let mut responses = examples();
    // A second respondent of the municipality, spelled otherwise, and two without a
    // sector.
    responses.push(resp(
        &json!({"respondent": {"organisation": "gemeente zuiderveen"}}),
    ));
    responses.push(resp(&json!({"respondent": {"alias": "Fleur"}})));
    let splits = split(&responses, &[Dimension::Organisation, Dimension::Sector], 2);
    assert_eq!(
        summary(&splits[0].1),
        [
            (Some("Basisschool De Wegwijzer"), 1, true),
            (Some("Bewonerscollectief Samen Noorderhof"), 1, true),
            (Some("Fleur"), 1, true),
            (Some("Gemeente Zuiderveen"), 2, false),
            (Some("Woonstichting Noorderhof"), 1, true),
            (Some("Zorggroep De Linde"), 1, true),
        ]
    );
    assert_eq!(
        summary(&splits[1].1),
        [
            (Some("overheid"), 1, true),
            (Some("maatschappelijk"), 3, false),
            (Some("bewoners"), 1, true),
            (None, 2, false),
        ]
    );
    // The first spelling names the group, whichever part of the work saw it first.
    let mut late = Splitter::new(instrument(), &[Dimension::Organisation], 1);
    late.add_numbered(
        &resp(&json!({"respondent": {"organisation": "Gemeente"}})),
        0,
    );
    let mut early = Splitter::new(instrument(), &[Dimension::Organisation], 1);
    early.add_numbered(
        &resp(&json!({"respondent": {"organisation": "GEMEENTE"}})),
        1,
    );
    early.merge(late);
    assert_eq!(
        summary(&early.report()[0].1),
        [(Some("Gemeente"), 2, false)]
    );
}

#[test]
fn withheld_groups_are_written_without_scores() {
    let mut r = report(&examples());
    r.splits = split(&examples(), &[Dimension::Position], 3);
    let json = serde_json::to_value(&r).expect("serialises");
    let position = &json["splits"]["position"];
    assert_eq!(
        position[1],
        json!({"value": "ring", "n": 2, "withheld": true})
    );
    assert_eq!(position[0]["value"], json!("kern"));
    assert!(position[0].get("withheld").is_none());
    assert_eq!(position[0]["concepts"]["respect"]["n"], json!(3));
    assert_eq!(position[0]["modules"]["opgave"]["n"], json!(3));
    // Without splits there is no "splits" key at all.
    let json = serde_json::to_value(report(&examples())).expect("serialises");
    assert!(json.get("splits").is_none());
    assert!(json.get("change").is_none());
    // The word for a withheld group.
    assert_eq!(
        instrument().say(Word::SplitWithheld, netwerkregie::Lang::Nl),
        "te weinig respondenten"
    );
}

#[test]
fn a_minimum_of_zero_is_one() {
    let splits = split(&examples()[..1], &[Dimension::Position], 0);
    assert_eq!(summary(&splits[0].1), [(Some("kern"), 1, false)]);
}

#[test]
fn change_against_a_baseline() {
    let baseline: Vec<Response> = files(&fixtures_v1_dir())
        .iter()
        .map(|(_, text)| Response::from_json(text, instrument()).expect("valid"))
        .collect();
    let before = report(&baseline);
    let now = report(&examples());
    let change = split::change(&before, &now);
    assert_eq!(change.baseline_respondents, 5);
    // vertrouwen: baseline 13/5 (tests/migration.rs), now 63/20: + 11/20.
    let v = change.concepts[Concept::Vertrouwen];
    some_close(v.baseline, 2.6);
    some_close(v.now, 3.15);
    some_close(v.delta, 0.55);
    // gelijkwaardigheid: baseline (4 + 3 + 3 + 3/2 + 3) / 5 = 29/10, now 43/15: - 1/30.
    some_close(
        change.concepts[Concept::Gelijkwaardigheid].delta,
        -1.0 / 30.0,
    );
    // organisatie: 289/100 then 29/10: + 1/100.
    let organisatie = change.modules[netwerkregie::keyed::Scored(Module::Organisatie)];
    some_close(organisatie.delta, 0.01);

    // A score missing on either side has no delta.
    let empty = report(&[]);
    let change = split::change(&empty, &now);
    let v = change.concepts[Concept::Vertrouwen];
    assert_eq!((v.baseline, v.delta), (None, None));
    some_close(v.now, 3.15);

    let mut r = now.clone();
    r.change = Some(split::change(&before, &now));
    let json: Value = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["change"]["baseline_respondents"], json!(5));
    assert_eq!(
        json["change"]["concepts"]["vertrouwen"]["baseline"],
        json!(2.6)
    );
    assert!(json["change"]["modules"]["opgave"]["delta"].is_f64());
}
