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

fn analyse_rest(
    responses: &[Response],
    dimension: Dimension,
    value: Option<&str>,
    min_group: usize,
) -> netwerkregie::report::Report {
    let options = split::Options {
        by: vec![dimension],
        min_group,
        rest: Some(split::Rest {
            dimension,
            value: value.map(str::to_owned),
        }),
    };
    split::analyse(instrument(), responses, &options, None)
}

fn rest_mean(r: &netwerkregie::report::Report, c: Concept) -> Option<f64> {
    r.rest
        .as_ref()
        .expect("a rest")
        .concepts
        .as_ref()
        .expect("shown")[c]
        .stats
        .mean
}

#[test]
fn everyone_but_the_government() {
    let all = examples();
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 1);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!(
        (
            rest.by.as_str(),
            rest.except.as_deref(),
            rest.n,
            rest.withheld
        ),
        ("sector", Some("overheid"), 4, false)
    );
    // Bram, Chris, Dewi and Eva: gelijkwaardigheid (3 + 9/4 + 7/4 + 10/3) / 4 = 31/12;
    // respect (4 + 4 + 8) / 4 = 4, Chris and Eva together 8 (everyone 41/2, less Anna's
    // 9/2, Bram's 4 and Dewi's 4).
    some_close(rest_mean(&r, Concept::Gelijkwaardigheid), 31.0 / 12.0);
    some_close(rest_mean(&r, Concept::Respect), 4.0);
    // Every concept and module as the report of those four files alone.
    let four = report(&all[1..]);
    assert_eq!(rest.concepts.as_ref(), Some(&four.concepts));
    assert_eq!(rest.modules.as_ref(), Some(&four.modules));
    // The split itself is unchanged.
    assert_eq!(summary(&r.splits[0].1)[0], (Some("overheid"), 1, false));
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["rest"]["by"], json!("sector"));
    assert_eq!(json["rest"]["except"], json!("overheid"));
    assert_eq!(json["rest"]["n"], json!(4));
    assert!(json["rest"].get("withheld").is_none());
    assert_eq!(json["rest"]["concepts"]["respect"]["n"], json!(4));
    assert_eq!(json["rest"]["modules"]["opgave"]["n"], json!(4));

    // With a minimum of two the government (one respondent) is withheld, and so is its
    // rest, though four is enough: everyone's mean less theirs would give Anna away.
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 2);
    assert_eq!(summary(&r.splits[0].1)[0], (Some("overheid"), 1, true));
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!((rest.n, rest.withheld), (4, true));
    assert!(rest.concepts.is_none() && rest.modules.is_none());
}

#[test]
fn a_small_rest_is_withheld_and_no_rest_is_written_unasked() {
    let all = examples();
    // Everyone but the three of maatschappelijk: Anna and Dewi, two, too few.
    let r = analyse_rest(&all, Dimension::Sector, Some("maatschappelijk"), 3);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!((rest.n, rest.withheld), (2, true));
    assert!(rest.concepts.is_none() && rest.modules.is_none());
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(
        json["rest"],
        json!({"by": "sector", "except": "maatschappelijk", "n": 2, "withheld": true})
    );
    // With a minimum of two the same two are shown: gelijkwaardigheid (4 + 7/4) / 2.
    let r = analyse_rest(&all, Dimension::Sector, Some("maatschappelijk"), 2);
    some_close(rest_mean(&r, Concept::Gelijkwaardigheid), 23.0 / 8.0);
    // An empty rest is withheld even with a minimum of one.
    let r = analyse_rest(&all, Dimension::Role, Some("oplosser"), 1);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!((rest.n, rest.withheld), (0, true));
    assert!(rest.concepts.is_none());
    // Not asked: no "rest" key, as the CLI's --json has always been.
    let options = split::Options {
        by: vec![Dimension::Sector],
        ..split::Options::default()
    };
    let r = split::analyse(instrument(), &all, &options, None);
    assert!(r.rest.is_none());
    let json = serde_json::to_value(&r).expect("serialises");
    assert!(json.get("rest").is_none());
}

#[test]
fn the_rest_of_a_role_is_everyone_without_that_role() {
    let all = examples();
    // Anna and Dewi hold eigenaar (and oplosser); the rest is Bram, Chris and Eva, who
    // are exactly maatschappelijk: gelijkwaardigheid 103/36, respect (4 + 8) / 3.
    let r = analyse_rest(&all, Dimension::Role, Some("eigenaar"), 2);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!((rest.n, rest.withheld), (3, false));
    some_close(rest_mean(&r, Concept::Gelijkwaardigheid), 103.0 / 36.0);
    some_close(rest_mean(&r, Concept::Respect), 4.0);
    // A respondent with several roles is outside a role's group only without it.
    let rest = split::Rest {
        dimension: Dimension::Role,
        value: Some("oplosser".into()),
    };
    assert!(all.iter().all(|r| !rest.includes(r)));
    // Without roles: not given; the rest of "not given" is everyone with a role.
    let mut more = all.clone();
    more.push(resp(&json!({"respondent": {"alias": "Fleur"}})));
    let r = analyse_rest(&more, Dimension::Role, None, 1);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!((rest.except.as_deref(), rest.n), (None, 5));
    assert_eq!(rest.concepts.as_ref(), Some(&report(&all).concepts));
}

#[test]
fn the_rest_of_an_organisation_whatever_its_case() {
    let mut responses = examples();
    responses.push(resp(
        &json!({"respondent": {"organisation": "gemeente zuiderveen"}}),
    ));
    responses.push(resp(&json!({"respondent": {"alias": "Fleur"}})));
    let r = analyse_rest(
        &responses,
        Dimension::Organisation,
        Some("GEMEENTE ZUIDERVEEN"),
        2,
    );
    // Everyone but Anna and the second municipality respondent: Bram, Chris, Dewi, Eva
    // and Fleur (who answered nothing, so the means are those of the four).
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!(
        (rest.except.as_deref(), rest.n),
        (Some("GEMEENTE ZUIDERVEEN"), 5)
    );
    some_close(rest_mean(&r, Concept::Gelijkwaardigheid), 31.0 / 12.0);
    // The sector's "not given": the two without a sector are the group, the five
    // examples the rest.
    let r = analyse_rest(&responses, Dimension::Sector, None, 2);
    let rest = r.rest.as_ref().expect("a rest");
    assert_eq!(rest.n, 5);
    assert_eq!(rest.concepts.as_ref(), Some(&report(&examples()).concepts));
}

#[test]
fn a_group_is_drawn_against_everyone_else() {
    use netwerkregie::chart::{group_radar, GroupChart, RadarKind, SeriesKind};
    use netwerkregie::Lang;
    let all = examples();
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 1);
    let chart = GroupChart {
        compare: Some(("sector".into(), Some("overheid".into()), None)),
        rest: true,
        ..GroupChart::default()
    };
    let radar = group_radar(RadarKind::Concepts, &r, instrument(), Lang::Nl, &[], &chart);
    let labels: Vec<&str> = radar.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Overheid (1)", "alle anderen (4)"]);
    // The whole group's divergence marks are not set beside two groups.
    let whole = group_radar(
        RadarKind::Concepts,
        &r,
        instrument(),
        Lang::Nl,
        &[],
        &GroupChart::default(),
    );
    assert!(whole.divergent.contains(&true), "the whole group diverges");
    assert!(!radar.divergent.contains(&true));
    assert_eq!(radar.series[1].kind, SeriesKind::Compare);
    let four = report(&all[1..]);
    let expected: Vec<Option<f64>> = Concept::ALL
        .iter()
        .map(|c| four.concepts[*c].stats.mean)
        .collect();
    assert_eq!(radar.series[1].values, expected);
    some_close(radar.series[1].values[0], 31.0 / 12.0);
    // The group itself: Anna's own scores.
    let anna = report(&all[..1]);
    assert_eq!(
        radar.series[0].values[0],
        anna.concepts[Concept::Gelijkwaardigheid].stats.mean
    );

    let en = group_radar(RadarKind::Modules, &r, instrument(), Lang::En, &[], &chart);
    let labels: Vec<&str> = en.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Government (1)", "everyone else (4)"]);
    assert_eq!(
        en.series[1].values,
        Module::SCORED
            .iter()
            .map(|m| four.modules[netwerkregie::keyed::Scored(*m)].mean)
            .collect::<Vec<_>>()
    );

    // Without `rest`, the second value of `compare` is a group of the split (here none).
    let plain = GroupChart {
        rest: false,
        ..chart.clone()
    };
    let radar = group_radar(RadarKind::Concepts, &r, instrument(), Lang::Nl, &[], &plain);
    assert_eq!(radar.series.len(), 1);
    // A rest of another group is not drawn against this one.
    let other = GroupChart {
        compare: Some(("sector".into(), Some("bewoners".into()), None)),
        ..chart.clone()
    };
    let radar = group_radar(RadarKind::Concepts, &r, instrument(), Lang::Nl, &[], &other);
    assert_eq!(radar.series.len(), 1);
    // A withheld rest is not drawn.
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 5);
    let radar = group_radar(RadarKind::Concepts, &r, instrument(), Lang::Nl, &[], &chart);
    assert!(radar
        .series
        .iter()
        .all(|s| !s.label.starts_with("alle anderen")));
}

#[test]
fn the_csv_holds_everyone_else_beside_the_groups() {
    use netwerkregie::export::csv;
    use netwerkregie::Lang;
    let all = examples();
    let rows = |text: &str, prefix: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| l.starts_with(prefix))
            .map(|l| l.split(';').map(str::to_owned).collect())
            .collect()
    };
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 1);
    let text = csv(&r, instrument(), Lang::Nl);
    let rest = rows(&text, "sector;alle anderen (buiten overheid);");
    // Six concepts and three modules, each with the four other files' n and mean.
    assert_eq!(rest.len(), 9, "{text}");
    let four = report(&all[1..]);
    let gelijk = rest
        .iter()
        .find(|row| row[3] == "gelijkwaardigheid")
        .expect("a row per concept");
    assert_eq!(
        gelijk[5],
        four.concepts[Concept::Gelijkwaardigheid]
            .stats
            .n
            .to_string()
    );
    assert_eq!(gelijk[6], "2,58", "31/12 with a decimal comma");
    // The groups of the split come first, everyone else last.
    let last = text.lines().last().expect("rows");
    assert!(
        last.starts_with("sector;alle anderen (buiten overheid);"),
        "{last}"
    );
    // In English, and withheld when too small: one row that says so.
    let r = analyse_rest(&all, Dimension::Sector, Some("overheid"), 5);
    let text = csv(&r, instrument(), Lang::En);
    let rest: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("sector,everyone else (outside overheid),"))
        .collect();
    assert_eq!(rest.len(), 1, "{text}");
    assert!(rest[0].contains("too few respondents"), "{}", rest[0]);
    // Without a rest asked for, no such row.
    let plain = csv(&report(&all), instrument(), Lang::Nl);
    assert!(!plain.contains("alle anderen"));
}

#[test]
fn everyone_else_streams_and_merges_like_the_whole_set() {
    // The CLI fills splitters on several threads and merges them: everyone else must
    // come out as `analyse` makes it from the whole set.
    use netwerkregie::split::{Rest, Splitter};
    let all = examples();
    let rest = Rest {
        dimension: Dimension::Sector,
        value: Some("overheid".to_owned()),
    };
    let expected = analyse_rest(&all, Dimension::Sector, Some("overheid"), 1).rest;
    for cut in 0..=all.len() {
        let mut halves = [0..cut, cut..all.len()].map(|range| {
            let mut s =
                Splitter::new(instrument(), &[Dimension::Sector], 1).with_rest(rest.clone());
            for i in range {
                s.add_numbered(&all[i], i as u64);
            }
            s
        });
        let [mut first, second] = std::mem::replace(
            &mut halves,
            [
                Splitter::new(instrument(), &[], 1),
                Splitter::new(instrument(), &[], 1),
            ],
        );
        first.merge(second);
        // Merged sums agree to the last bits or so (Chan's update), like every merged
        // group of the CLI's threads.
        let (got, want) = (
            first.rest().expect("a rest"),
            expected.clone().expect("a rest"),
        );
        assert_eq!(
            (&got.by, &got.except, got.n, got.withheld),
            (&want.by, &want.except, want.n, want.withheld),
            "cut at {cut}"
        );
        let (got, want) = (got.concepts.expect("shown"), want.concepts.expect("shown"));
        for c in Concept::ALL {
            let (a, b) = (got[*c].stats.mean, want[*c].stats.mean);
            assert!(
                (a.expect("a mean") - b.expect("a mean")).abs() < 1e-12,
                "{c:?}, cut at {cut}"
            );
        }
    }
    // Without a rest asked for, none.
    assert_eq!(
        Splitter::new(instrument(), &[Dimension::Sector], 1).rest(),
        None
    );
}
