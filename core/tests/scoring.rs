//! The scoring rules of instrument 2, checked against hand-computed expectations.
//!
//! Every expected number is worked out in a comment next to its assertion, from the
//! rules: a reverse item counts as `6 - v`, "weet niet" is left out, a score needs at
//! least half of its items (rounded up) answered on the scale, bands at 4.0 and 3.0,
//! and so on. Responses are built from JSON text, as a respondent's file holds them.
//!
//! The statements of instrument 2: every concept has four, the fourth its reverse item
//! (`gelijkwaardigheid-doorslag`, `respect-voeten`, `vrijheid-curatele`,
//! `verantwoording-schuld`, `transparantie-laat`, `vertrouwen-agenda`); `opgave` and
//! `organisatie` have nine each, with `opgave-positiespel` and `organisatie-structuur`
//! reverse.

mod common;

use common::*;
use netwerkregie::advice::Evidence;
use netwerkregie::report::Report;
use netwerkregie::{
    Band, Concept, CoverageStatus, Form, InfluenceSource, InterestFlag, LadderFlag, Module,
    Response, Role, Scores, Trigger, TrustFlag, View,
};
use serde_json::{json, Value};

fn score(r: &Response, c: Concept) -> Option<f64> {
    Scores::of(instrument(), r).concept(c)
}

fn module_score(r: &Response, m: Module) -> Option<f64> {
    Scores::of(instrument(), r).module(m)
}

fn triggers(r: &Report) -> Vec<Trigger> {
    r.advice.iter().map(|a| a.when).collect()
}

// ---------------------------------------------------------------- one respondent

#[test]
fn the_reverse_items_are_the_eight_negations() {
    let reverse: Vec<&str> = instrument()
        .statements()
        .filter(|s| s.reverse)
        .map(|s| s.id.as_ref())
        .collect();
    assert_eq!(
        reverse,
        [
            "opgave-positiespel",
            "organisatie-structuur",
            "gelijkwaardigheid-doorslag",
            "respect-voeten",
            "vrijheid-curatele",
            "verantwoording-schuld",
            "transparantie-laat",
            "vertrouwen-agenda",
        ]
    );
    assert_eq!(instrument().statement_count(), 42);
    for c in Concept::ALL {
        assert_eq!(concept_items(*c).len(), 4, "{c}");
    }
    assert_eq!(module_items(Module::Opgave).len(), 9);
    assert_eq!(module_items(Module::Organisatie).len(), 9);
    assert_eq!(module_items(Module::Relaties).len(), 24);
}

#[test]
fn a_reverse_item_counts_as_six_minus_its_answer() {
    // respect-waarden 4, respect-visie 5, respect-voeten (reverse) 2 -> 6 - 2 = 4
    // -> (4 + 5 + 4) / 3 = 13/3.
    let r = answers(&[
        ("respect-waarden", Some(4)),
        ("respect-visie", Some(5)),
        ("respect-voeten", Some(2)),
    ]);
    some_close(score(&r, Concept::Respect), 13.0 / 3.0);

    // With the other three at 3, respect-voeten = v gives (9 + 6 - v) / 4:
    // 14/4, 13/4, 12/4, 11/4, 10/4 for v = 1..5.
    for v in 1..=5u8 {
        let r = answers(&concept_answers(
            Concept::Respect,
            [Some(3), Some(3), Some(3), Some(v)],
        ));
        some_close(score(&r, Concept::Respect), f64::from(9 + 6 - v) / 4.0);
    }

    // The reverse items of the modules: opgave-positiespel 1 counts as 5, so five
    // answers of 5 (eigen, samen, positiespel, rol, belang) give 5.
    let r = answers(&[
        ("opgave-eigen", Some(5)),
        ("opgave-samen", Some(5)),
        ("opgave-positiespel", Some(1)),
        ("opgave-rol", Some(5)),
        ("opgave-belang", Some(5)),
    ]);
    some_close(module_score(&r, Module::Opgave), 5.0);
    // organisatie-structuur 5 counts as 1: (1 + 1 + 1 + 1 + 1) / 5 = 1.
    let r = answers(&[
        ("organisatie-ontmoeting", Some(1)),
        ("organisatie-communicatie", Some(1)),
        ("organisatie-besluiten", Some(1)),
        ("organisatie-structuur", Some(5)),
        ("organisatie-werkvorm", Some(1)),
    ]);
    some_close(module_score(&r, Module::Organisatie), 1.0);
}

#[test]
fn weet_niet_and_unanswered_are_left_out_never_counted_as_zero() {
    // waarden 4, bespreken weet niet, visie 2, voeten (reverse) 1 -> 5
    // -> (4 + 2 + 5) / 3 = 11/3, not (4 + 0 + 2 + 5) / 4 = 11/4.
    let r = answers(&[
        ("respect-waarden", Some(4)),
        ("respect-bespreken", WN),
        ("respect-visie", Some(2)),
        ("respect-voeten", Some(1)),
    ]);
    some_close(score(&r, Concept::Respect), 11.0 / 3.0);
    // An absent item is left out the same way.
    let r = answers(&[
        ("respect-waarden", Some(4)),
        ("respect-visie", Some(2)),
        ("respect-voeten", Some(1)),
    ]);
    some_close(score(&r, Concept::Respect), 11.0 / 3.0);
}

#[test]
fn a_score_needs_half_of_its_items_rounded_up() {
    // A concept has 4 statements: half is 2.
    // 2 of 4: vrijheid-ruimte 2, vrijheid-curatele (reverse) 5 -> 1 -> (2 + 1) / 2 = 3/2.
    let two = answers(&[
        ("vrijheid-ruimte", Some(2)),
        ("vrijheid-grenzen", WN),
        ("vrijheid-initiatief", WN),
        ("vrijheid-curatele", Some(5)),
    ]);
    some_close(score(&two, Concept::Vrijheid), 1.5);
    // 1 of 4, the others "weet niet": no score. "Weet niet" is no answer on the scale.
    let one = answers(&[
        ("vrijheid-ruimte", Some(2)),
        ("vrijheid-grenzen", WN),
        ("vrijheid-initiatief", WN),
        ("vrijheid-curatele", WN),
    ]);
    assert_eq!(score(&one, Concept::Vrijheid), None);

    // opgave has 9 statements: half rounded up is 5.
    // 5 of 9: 4, 4, positiespel 2 -> 4, 3, 5 -> 20/5 = 4.
    let five = [
        ("opgave-eigen", Some(4)),
        ("opgave-samen", Some(4)),
        ("opgave-positiespel", Some(2)),
        ("opgave-rol", Some(3)),
        ("opgave-belang", Some(5)),
    ];
    some_close(module_score(&answers(&five), Module::Opgave), 4.0);
    // 4 of 9 (4.5 would be "half", but half rounded up is 5): no score.
    assert_eq!(module_score(&answers(&five[..4]), Module::Opgave), None);

    // In the group the respondent without a score is left out: n = 1, mean 3/2, and
    // not (3/2 + 0) / 2.
    let r = report(&[two, one.clone()]);
    assert_eq!(r.respondents, 2);
    let s = &concept(&r, Concept::Vrijheid).stats;
    assert_eq!(s.n, 1);
    some_close(s.mean, 1.5);
    some_close(s.min, 1.5);
    some_close(s.max, 1.5);
    assert_eq!(s.sd, Some(0.0));

    // Only the respondent without a score: nothing to report, and the JSON says null.
    let r = report(&[one]);
    let c = concept(&r, Concept::Vrijheid);
    assert_eq!(
        (
            c.stats.n,
            c.stats.mean,
            c.stats.sd,
            c.stats.min,
            c.stats.max
        ),
        (0, None, None, None, None)
    );
    assert_eq!((c.stats.band, c.priority), (None, None));
    let json = serde_json::to_value(&r).expect("serialises");
    let v = &json["concepts"]["vrijheid"];
    assert_eq!(v["n"], json!(0));
    for field in ["mean", "sd", "min", "max", "band", "importance", "priority"] {
        assert_eq!(v[field], Value::Null, "{field}");
    }
    assert_eq!(v["divergent"], json!(false));
}

#[test]
fn every_answer_weet_niet_gives_no_scores_at_all() {
    let all: Vec<(String, Option<u8>)> = instrument()
        .statements()
        .map(|s| (s.id.to_string(), WN))
        .collect();
    assert_eq!(all.len(), 42);
    let r = answers(&all);
    let scores = Scores::of(instrument(), &r);
    assert_eq!(scores.concepts, [None; 6]);
    assert_eq!(scores.modules, [None; 3]);

    let rep = report(&[r.clone(), r]);
    assert_eq!(rep.respondents, 2);
    for c in Concept::ALL {
        let s = concept(&rep, *c);
        assert_eq!((s.stats.n, s.stats.mean, s.stats.band), (0, None, None));
        assert!(!s.stats.divergent);
        assert_eq!(s.priority, None);
    }
    for m in Module::SCORED {
        assert_eq!(module(&rep, *m).n, 0);
        assert_eq!(rep.module_mean(*m), None);
    }
    for (id, s) in &rep.items.0 {
        assert_eq!(s.n, 0, "{id}");
    }
    assert_eq!(
        (rep.trust.foundation, rep.trust.gap, rep.trust.flag),
        (None, None, None)
    );
    assert!(rep.priorities.is_empty());
    assert!(
        !rep.advice.iter().any(|a| matches!(
            a.when,
            Trigger::Concept(_) | Trigger::Module(_) | Trigger::Trust(_) | Trigger::Divergent
        )),
        "no advice about scores nobody has: {:?}",
        triggers(&rep)
    );
}

#[test]
fn one_respondent_has_zero_spread_and_the_respondent_view() {
    // verantwoording 4, 3, 3, schuld (reverse) 2 -> 4: 14/4 = 7/2; n = 1 so sd = 0.
    let r = report(&[answers(&concept_answers(
        Concept::Verantwoording,
        [Some(4), Some(3), Some(3), Some(2)],
    ))]);
    assert_eq!(r.view, View::Respondent);
    let s = &concept(&r, Concept::Verantwoording).stats;
    assert_eq!(s.n, 1);
    some_close(s.mean, 3.5);
    assert_eq!(s.sd, Some(0.0));
    some_close(s.min, 3.5);
    some_close(s.max, 3.5);
    assert_eq!(s.band, Some(Band::Aandacht));
    assert!(!s.divergent);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["view"], json!("respondent"));

    // Two respondents (or none) make a group.
    let empty = resp(&json!({}));
    assert_eq!(report(&[empty.clone(), empty]).view, View::Group);
    assert_eq!(report(&[]).view, View::Group);
}

// ---------------------------------------------------------------- bands

fn respect(raw: [Option<u8>; 4]) -> Response {
    answers(&concept_answers(Concept::Respect, raw))
}

#[test]
fn bands_at_exactly_four_and_three() {
    assert_eq!(Band::of(4.0), Band::Sterk);
    assert_eq!(Band::of(3.99), Band::Aandacht);
    assert_eq!(Band::of(3.0), Band::Aandacht);
    assert_eq!(Band::of(2.99), Band::Zorg);

    // Exactly 4.0 as a group mean: 17/4 (5, 4, 4, 2 -> 4) and 15/4 (4, 4, 3, 2 -> 4)
    // -> (17/4 + 15/4) / 2 = 4 -> sterk.
    let r = report(&[
        respect([Some(5), Some(4), Some(4), Some(2)]),
        respect([Some(4), Some(4), Some(3), Some(2)]),
    ]);
    some_close(r.concept_mean(Concept::Respect), 4.0);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Sterk));

    // Exactly 3.0: 13/4 (4, 3, 3, 3 -> 3) and 11/4 (3, 3, 2, 3 -> 3) -> 3 -> aandacht.
    let r = report(&[
        respect([Some(4), Some(3), Some(3), Some(3)]),
        respect([Some(3), Some(3), Some(2), Some(3)]),
    ]);
    some_close(r.concept_mean(Concept::Respect), 3.0);
    assert_eq!(
        concept(&r, Concept::Respect).stats.band,
        Some(Band::Aandacht)
    );

    // Just below 3: 33 respondents at 3 and one at 11/4
    // -> (99 + 11/4) / 34 = 407/136 = 2.9926 -> zorg.
    let mut group: Vec<Response> = (0..33).map(|_| respect([Some(3); 4])).collect();
    group.push(respect([Some(3), Some(3), Some(2), Some(3)]));
    let r = report(&group);
    some_close(r.concept_mean(Concept::Respect), 407.0 / 136.0);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Zorg));
}

// ---------------------------------------------------------------- group statistics

/// Three respondents whose respect scores are 3/2, 3/2 and 10/3.
fn respect_three_halves_and_ten_thirds() -> Vec<Response> {
    // 1, 2, -, - -> 3/2;  3, 3, -, 2 (-> 4) -> 10/3.
    let low = respect([Some(1), Some(2), None, None]);
    let high = respect([Some(3), Some(3), None, Some(2)]);
    vec![low.clone(), low, high]
}

#[test]
fn group_n_mean_sample_sd_min_max_and_band() {
    // 3/2, 3/2, 10/3: mean (3 + 10/3) / 3 = 19/9. Deviations -11/18, -11/18, 22/18;
    // squares sum to (121 + 121 + 484) / 324 = 121/54; sample variance 121/108;
    // sd 11 / sqrt(108) = 1.0585.
    let r = report(&respect_three_halves_and_ten_thirds());
    let s = &concept(&r, Concept::Respect).stats;
    assert_eq!(s.n, 3);
    some_close(s.mean, 19.0 / 9.0);
    some_close(s.sd, 11.0 / 108f64.sqrt());
    some_close(s.min, 1.5);
    some_close(s.max, 10.0 / 3.0);
    assert_eq!(s.band, Some(Band::Zorg));
}

#[test]
fn divergent_by_spread_needs_three_respondents() {
    // sd 1.0585 >= 1.0 with n = 3 while the range 10/3 - 3/2 = 11/6 stays below 2.
    let r = report(&respect_three_halves_and_ten_thirds());
    let s = &concept(&r, Concept::Respect).stats;
    assert!(s.max.unwrap() - s.min.unwrap() < 2.0);
    assert!(s.divergent);

    // The two different values alone: sd (11/6) / sqrt(2) = 1.296 >= 1.0, range 11/6:
    // not divergent, the sd rule needs n >= 3.
    let three = respect_three_halves_and_ten_thirds();
    let r = report(&three[1..]);
    let s = &concept(&r, Concept::Respect).stats;
    assert_eq!(s.n, 2);
    some_close(s.sd, (11.0 / 6.0) / 2f64.sqrt());
    assert!(!s.divergent);
}

#[test]
fn divergent_by_range_of_exactly_two() {
    // vrijheid 2 (2, 2, -, 4 -> 2) and 4 (4, 4, -, 2 -> 4): range exactly 2.0.
    // mean 3, sd sqrt(((2 - 3)^2 + (4 - 3)^2) / 1) = sqrt(2).
    let vrijheid = |raw| answers(&concept_answers(Concept::Vrijheid, raw));
    let r = report(&[
        vrijheid([Some(2), Some(2), None, Some(4)]),
        vrijheid([Some(4), Some(4), None, Some(2)]),
    ]);
    let s = &concept(&r, Concept::Vrijheid).stats;
    assert_eq!(s.n, 2);
    some_close(s.mean, 3.0);
    some_close(s.sd, 2f64.sqrt());
    assert!(s.divergent);

    // 7/3 (2, 2, 3, -), 4 and 4: range 5/3 and sd sqrt(75)/9 = 0.962: not divergent.
    // Mean 31/9; deviations -10/9, 5/9, 5/9; squares 150/81; variance 75/81.
    let r = report(&[
        vrijheid([Some(2), Some(2), Some(3), None]),
        vrijheid([Some(4), Some(4), None, Some(2)]),
        vrijheid([Some(4), Some(4), None, Some(2)]),
    ]);
    let s = &concept(&r, Concept::Vrijheid).stats;
    some_close(s.mean, 31.0 / 9.0);
    some_close(s.sd, 75f64.sqrt() / 9.0);
    assert!(!s.divergent);
}

// ---------------------------------------------------------------- modules and items

#[test]
fn module_scores_include_the_connection_items() {
    // All nine opgave statements: eigen 5, samen 4, positiespel 1 (-> 5), rol 4,
    // belang 4, balans 3, eigenaren 3, veroorzakers 2, oplossers 3 -> 33/9 = 11/3.
    let r = answers(&[
        ("opgave-eigen", Some(5)),
        ("opgave-samen", Some(4)),
        ("opgave-positiespel", Some(1)),
        ("opgave-rol", Some(4)),
        ("opgave-belang", Some(4)),
        ("opgave-balans", Some(3)),
        ("opgave-eigenaren", Some(3)),
        ("opgave-veroorzakers", Some(2)),
        ("opgave-oplossers", Some(3)),
    ]);
    let s = Scores::of(instrument(), &r);
    some_close(s.module(Module::Opgave), 11.0 / 3.0);
    assert_eq!(s.module(Module::Organisatie), None);
    assert_eq!(s.module(Module::Relaties), None);
    assert_eq!(
        s.module(Module::Ladder),
        None,
        "the ladder has no statements"
    );
    assert_eq!(s.module(Module::Belangen), None);
}

#[test]
fn relaties_is_the_mean_of_its_items_not_of_the_concept_means() {
    // 12 of the 24 relaties statements (half): gelijkwaardigheid 5, 5, 5, doorslag 1
    // (-> 5), summing 20; respect, vrijheid, verantwoording and transparantie 1, 1 and two
    // unanswered, summing 2 each. relaties = (20 + 4 x 2) / 12 = 28/12 = 7/3; the mean of
    // the concept means would be (5 + 1 + 1 + 1 + 1) / 5 = 9/5.
    let mut pairs = concept_answers(
        Concept::Gelijkwaardigheid,
        [Some(5), Some(5), Some(5), Some(1)],
    );
    for c in [
        Concept::Respect,
        Concept::Vrijheid,
        Concept::Verantwoording,
        Concept::Transparantie,
    ] {
        pairs.extend(concept_answers(c, [Some(1), Some(1), None, None]));
    }
    pairs.retain(|(_, v)| v.is_some());
    assert_eq!(pairs.len(), 12);
    let s = Scores::of(instrument(), &answers(&pairs));
    some_close(s.module(Module::Relaties), 7.0 / 3.0);
    some_close(s.concept(Concept::Gelijkwaardigheid), 5.0);
    some_close(s.concept(Concept::Respect), 1.0);
    assert_eq!(s.concept(Concept::Vertrouwen), None);

    // 11 of 24: without respect-bespreken relaties has no score, and respect keeps 1
    // of its 4 statements (< 2): no score either.
    pairs.retain(|(k, _)| k != "respect-bespreken");
    let s = Scores::of(instrument(), &answers(&pairs));
    assert_eq!(s.module(Module::Relaties), None);
    assert_eq!(s.concept(Concept::Respect), None);
}

#[test]
fn item_statistics_count_reverse_items_the_healthy_way_round() {
    // respect-voeten (reverse) answered 1, 2 and "weet niet" -> counted 5 and 4:
    // n 2, mean 9/2, sd sqrt(1/2), min 4, max 5. respect-waarden answered 2 and 4: mean 3.
    let r = report(&[
        answers(&[("respect-voeten", Some(1)), ("respect-waarden", Some(2))]),
        answers(&[("respect-voeten", Some(2)), ("respect-waarden", Some(4))]),
        answers(&[("respect-voeten", WN)]),
    ]);
    let voeten = r.items.get("respect-voeten").expect("an item");
    assert_eq!(voeten.n, 2);
    some_close(voeten.mean, 4.5);
    some_close(voeten.sd, 0.5f64.sqrt());
    some_close(voeten.min, 4.0);
    some_close(voeten.max, 5.0);
    assert_eq!(voeten.band, Some(Band::Sterk));
    some_close(r.items.get("respect-waarden").unwrap().mean, 3.0);
    // Every statement, in the instrument's order; no open questions.
    let ids: Vec<&str> = r.items.0.iter().map(|(id, _)| id.as_str()).collect();
    let expected: Vec<&str> = instrument().statements().map(|s| s.id.as_ref()).collect();
    assert_eq!(ids, expected);
    assert!(r.items.get("opgave-wat").is_none());
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["items"]["respect-voeten"]["mean"], json!(4.5));
}

// ---------------------------------------------------------------- importance and priority

#[test]
fn importance_and_priority_with_ties_broken_by_spread() {
    // Two respondents.
    // respect 3, 3, 3, 3 (-> 3) for both: mean 3, sd 0; importance null -> unrated ->
    //   priority 3 x (5 - 3) = 6.
    // vrijheid 2 (2, 2, -, 4) and 4 (4, 4, -, 2): mean 3, sd sqrt(2); unrated -> 6.
    //   A tie with respect: the larger spread (vrijheid) goes first.
    // verantwoording 4, 3, 3, 3 (-> 3) = 13/4 for both; importance 5 and 4 -> 9/2
    //   -> 9/2 x (5 - 13/4) = 9/2 x 7/4 = 63/8.
    // transparantie 4, 4, 4, 2 (-> 4) = 4; importance 2 and "weet niet" -> 2 -> 2 x 1 = 2.
    // vertrouwen 5, 5, 5, 1 (-> 5) = 5; unrated -> 3 x 0 = 0.
    // gelijkwaardigheid: no score -> no priority, not ranked.
    let one = |vrijheid: [Option<u8>; 4], verantwoording: u8, transparantie: Option<u8>| {
        let mut pairs = concept_answers(Concept::Respect, [Some(3); 4]);
        pairs.extend(concept_answers(Concept::Vrijheid, vrijheid));
        pairs.extend(concept_answers(
            Concept::Verantwoording,
            [Some(4), Some(3), Some(3), Some(3)],
        ));
        pairs.extend(concept_answers(
            Concept::Transparantie,
            [Some(4), Some(4), Some(4), Some(2)],
        ));
        pairs.extend(concept_answers(
            Concept::Vertrouwen,
            [Some(5), Some(5), Some(5), Some(1)],
        ));
        pairs.retain(|(_, v)| v.is_some());
        resp(&json!({
            "answers": answers_of(&pairs),
            "importance": {"verantwoording": verantwoording,
                           "transparantie": transparantie,
                           "respect": null}
        }))
    };
    let r = report(&[
        one([Some(2), Some(2), None, Some(4)], 5, Some(2)),
        one([Some(4), Some(4), None, Some(2)], 4, None),
    ]);
    let c = |k| concept(&r, k);
    assert_eq!(c(Concept::Respect).importance, None);
    some_close(c(Concept::Respect).priority, 6.0);
    some_close(c(Concept::Vrijheid).priority, 6.0);
    some_close(c(Concept::Verantwoording).importance, 4.5);
    some_close(c(Concept::Verantwoording).priority, 63.0 / 8.0);
    some_close(c(Concept::Transparantie).importance, 2.0);
    some_close(c(Concept::Transparantie).priority, 2.0);
    some_close(c(Concept::Vertrouwen).priority, 0.0);
    assert_eq!(c(Concept::Gelijkwaardigheid).priority, None);
    assert_eq!(
        r.priorities,
        [
            Concept::Verantwoording,
            Concept::Vrijheid,
            Concept::Respect,
            Concept::Transparantie,
            Concept::Vertrouwen,
        ]
    );
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["concepts"]["verantwoording"]["importance"], json!(4.5));
    assert_eq!(json["concepts"]["respect"]["importance"], Value::Null);
}

// ---------------------------------------------------------------- trust

/// Every statement of the five foundation concepts with these values, plus vertrouwen.
fn trust_response(foundation: [Option<u8>; 4], vertrouwen: [Option<u8>; 4]) -> Response {
    let mut pairs = Vec::new();
    for c in Concept::FOUNDATION {
        pairs.extend(concept_answers(*c, foundation));
    }
    pairs.extend(concept_answers(Concept::Vertrouwen, vertrouwen));
    pairs.retain(|(_, v)| v.is_some());
    answers(&pairs)
}

#[test]
fn trust_runs_ahead_at_exactly_three_quarters() {
    // Foundation: all five concepts 3, 3, 3, 3 = 3. Vertrouwen 4, 4, 4, 2 (-> 4) = 4 and
    // 4, 3, -, - = 7/2: mean 15/4. Gap 15/4 - 3 = 0.75 -> voor.
    let r = report(&[
        trust_response([Some(3); 4], [Some(4), Some(4), Some(4), Some(2)]),
        trust_response([Some(3); 4], [Some(4), Some(3), None, None]),
    ]);
    some_close(r.trust.foundation, 3.0);
    assert_eq!(r.trust.foundation_band, Some(Band::Aandacht));
    some_close(r.trust.gap, 0.75);
    assert_eq!(r.trust.flag, Some(TrustFlag::Voor));
}

#[test]
fn trust_lags_behind_at_exactly_minus_three_quarters() {
    // Foundation: every concept 4 (4, 4, 4, 2) and 7/2 (4, 3, -, -) -> 15/4 each, so 15/4.
    // Vertrouwen 3, 3, 3, 3 = 3. Gap 3 - 15/4 = -0.75 -> achter.
    let r = report(&[
        trust_response([Some(4), Some(4), Some(4), Some(2)], [Some(3); 4]),
        trust_response([Some(4), Some(3), None, None], [Some(3); 4]),
    ]);
    some_close(r.trust.foundation, 3.75);
    some_close(r.trust.gap, -0.75);
    assert_eq!(r.trust.flag, Some(TrustFlag::Achter));
}

#[test]
fn trust_in_line_with_its_foundation() {
    // Foundation 3; vertrouwen 4 and 13/4 (4, 3, 3, 3) -> 29/8; gap 5/8 < 0.75: no flag.
    let r = report(&[
        trust_response([Some(3); 4], [Some(4), Some(4), Some(4), Some(2)]),
        trust_response([Some(3); 4], [Some(4), Some(3), Some(3), Some(3)]),
    ]);
    some_close(r.trust.gap, 5.0 / 8.0);
    assert_eq!(r.trust.flag, None);
    assert!(!triggers(&r).iter().any(|t| matches!(t, Trigger::Trust(_))));
}

#[test]
fn no_foundation_when_one_of_the_five_has_no_score() {
    // Transparantie 1 of 4 answered -> no score -> no foundation, gap or flag, though
    // vertrouwen 5 is far above the other four (1).
    let mut pairs = Vec::new();
    for c in [
        Concept::Gelijkwaardigheid,
        Concept::Respect,
        Concept::Vrijheid,
        Concept::Verantwoording,
    ] {
        pairs.extend(concept_answers(c, [Some(1), Some(1), Some(1), Some(5)]));
    }
    pairs.push(("transparantie-informeren".into(), Some(1)));
    pairs.extend(concept_answers(
        Concept::Vertrouwen,
        [Some(5), Some(5), Some(5), Some(1)],
    ));
    let r = report(&[answers(&pairs)]);
    some_close(r.concept_mean(Concept::Vertrouwen), 5.0);
    assert_eq!(r.concept_mean(Concept::Transparantie), None);
    assert_eq!(
        (
            r.trust.foundation,
            r.trust.foundation_band,
            r.trust.gap,
            r.trust.flag
        ),
        (None, None, None, None)
    );
}

// ---------------------------------------------------------------- ladder

fn ladder(current: Option<&str>, desired: Option<&str>) -> Response {
    resp(&json!({ "ladder": {"current": current, "desired": desired} }))
}

fn counts(c: &netwerkregie::keyed::ByRung<usize>) -> [usize; 5] {
    c.values
}

#[test]
fn ladder_counts_and_mean_gap() {
    // Rungs: loslaten 0, faciliteren 1, stimuleren 2, regisseren 3, reguleren 4.
    // regisseren -> faciliteren 2; regisseren -> regisseren 0; stimuleren -> regisseren -1;
    // regisseren -> weet niet: no gap; weet niet -> loslaten: no gap.
    // Mean gap (2 + 0 - 1) / 3 = 1/3: no te_hoog. Current 2..3: a shared picture.
    let r = report(&[
        ladder(Some("regisseren"), Some("faciliteren")),
        ladder(Some("regisseren"), Some("regisseren")),
        ladder(Some("stimuleren"), Some("regisseren")),
        ladder(Some("regisseren"), None),
        ladder(None, Some("loslaten")),
        resp(&json!({})),
    ]);
    let all = &r.ladder.all;
    assert_eq!(counts(&all.current), [0, 0, 1, 3, 0]);
    assert_eq!(counts(&all.desired), [1, 1, 0, 2, 0]);
    assert_eq!(all.unknown, (1, 1), "null is weet niet in version 2");
    assert_eq!(all.n, 5, "the sixth did not answer the ladder");
    some_close(all.mean_gap, 1.0 / 3.0);
    // desired loslaten (0) and regisseren (3) are 3 apart: no shared wish.
    assert_eq!(r.ladder.flags, [LadderFlag::GeenBeeldGewenst]);

    // Nobody gave both: no mean gap, no te_hoog or te_laag.
    let r = report(&[
        ladder(Some("reguleren"), None),
        ladder(None, Some("reguleren")),
    ]);
    assert_eq!(r.ladder.all.mean_gap, None);
    assert!(r.ladder.flags.is_empty());
}

#[test]
fn ladder_too_high_and_too_low_at_exactly_half_a_rung() {
    // regisseren -> stimuleren 1, stimuleren -> stimuleren 0: mean 0.5 -> te_hoog.
    let r = report(&[
        ladder(Some("regisseren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.all.mean_gap, 0.5);
    assert_eq!(r.ladder.flags, [LadderFlag::TeHoog]);
    // 1, 0, 0, 0 -> 1/4: no flag.
    let mut rs = vec![ladder(Some("regisseren"), Some("stimuleren"))];
    rs.extend((0..3).map(|_| ladder(Some("stimuleren"), Some("stimuleren"))));
    let r = report(&rs);
    some_close(r.ladder.all.mean_gap, 0.25);
    assert!(r.ladder.flags.is_empty());
    // faciliteren -> stimuleren -1, stimuleren -> stimuleren 0: -0.5 -> te_laag.
    let r = report(&[
        ladder(Some("faciliteren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.all.mean_gap, -0.5);
    assert_eq!(r.ladder.flags, [LadderFlag::TeLaag]);
}

#[test]
fn no_shared_picture_two_rungs_apart_now_and_wanted() {
    // Current loslaten and stimuleren: 2 apart -> geen_beeld. Desired the same as
    // current, so also 2 apart -> geen_beeld_gewenst. Gaps 0, 0.
    let r = report(&[
        ladder(Some("loslaten"), Some("loslaten")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.all.mean_gap, 0.0);
    assert_eq!(
        r.ladder.flags,
        [LadderFlag::GeenBeeld, LadderFlag::GeenBeeldGewenst]
    );
    // Current 2 apart, desired together: geen_beeld only, with te_hoog:
    // stimuleren -> faciliteren 1, reguleren -> faciliteren 3: mean 2.
    let r = report(&[
        ladder(Some("stimuleren"), Some("faciliteren")),
        ladder(Some("reguleren"), Some("faciliteren")),
    ]);
    some_close(r.ladder.all.mean_gap, 2.0);
    assert_eq!(r.ladder.flags, [LadderFlag::TeHoog, LadderFlag::GeenBeeld]);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["ladder"]["flags"], json!(["te_hoog", "geen_beeld"]));
    // Desired 2 apart, current together: geen_beeld_gewenst only.
    let r = report(&[
        ladder(Some("stimuleren"), Some("faciliteren")),
        ladder(Some("stimuleren"), Some("regisseren")),
    ]);
    assert_eq!(r.ladder.flags, [LadderFlag::GeenBeeldGewenst]);
    // One rung apart both ways: a shared picture.
    let r = report(&[
        ladder(Some("faciliteren"), Some("faciliteren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    assert!(r.ladder.flags.is_empty());
}

#[test]
fn the_governments_own_view_of_the_ladder_stands_apart() {
    let member = |sector: Option<&str>, current: &str, desired: &str| {
        resp(&json!({
            "respondent": {"sector": sector},
            "ladder": {"current": current, "desired": desired}
        }))
    };
    // Government: regisseren -> regisseren (0). Partners: regisseren -> faciliteren (2),
    // reguleren -> faciliteren (3), and one without a sector stimuleren -> faciliteren (1).
    let r = report(&[
        member(Some("overheid"), "regisseren", "regisseren"),
        member(Some("maatschappelijk"), "regisseren", "faciliteren"),
        member(Some("bewoners"), "reguleren", "faciliteren"),
        member(None, "stimuleren", "faciliteren"),
    ]);
    let l = &r.ladder;
    assert_eq!(l.government.n, 1);
    assert_eq!(counts(&l.government.current), [0, 0, 0, 1, 0]);
    some_close(l.government.mean_gap, 0.0);
    assert_eq!(l.partners.n, 3);
    assert_eq!(counts(&l.partners.desired), [0, 3, 0, 0, 0]);
    // (2 + 3 + 1) / 3 = 2.
    some_close(l.partners.mean_gap, 2.0);
    // Everyone: (0 + 2 + 3 + 1) / 4 = 3/2.
    some_close(l.all.mean_gap, 1.5);
    assert_eq!(l.all.n, 4);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["ladder"]["government"]["mean_gap"], json!(0.0));
    assert_eq!(json["ladder"]["mean_gap"], json!(1.5));
}

// ---------------------------------------------------------------- form

#[test]
fn the_form_counts_and_its_dominant_answer_of_more_than_half() {
    let form = |f: Option<&str>| resp(&json!({ "form": f }));
    // netwerk 2, keten 1, and one "weet niet": 2 of the 3 who chose -> netwerk.
    let r = report(&[
        form(Some("netwerk")),
        form(Some("keten")),
        form(Some("netwerk")),
        form(None),
    ]);
    assert_eq!(r.form.counts, [1, 2, 0]);
    assert_eq!(r.form.dominant, Some(Form::Netwerk));
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(
        json["form"],
        json!({"counts": {"keten": 1, "netwerk": 2, "mix": 0}, "dominant": "netwerk"})
    );
    // Exactly half is not more than half.
    let r = report(&[form(Some("keten")), form(Some("netwerk"))]);
    assert_eq!(r.form.dominant, None);
    let r = report(&[
        form(Some("keten")),
        form(Some("keten")),
        form(Some("netwerk")),
        form(Some("mix")),
    ]);
    assert_eq!(r.form.dominant, None);
    // Nobody chose.
    assert_eq!(report(&[form(None)]).form.dominant, None);
}

// ---------------------------------------------------------------- coverage

fn member(organisation: &str, roles: &[&str], connection: [Option<u8>; 3]) -> Response {
    let pairs: Vec<(&str, Option<u8>)> = [
        "opgave-eigenaren",
        "opgave-veroorzakers",
        "opgave-oplossers",
    ]
    .into_iter()
    .zip(connection)
    .filter(|(_, v)| v.is_some())
    .collect();
    resp(&json!({
        "respondent": {"organisation": organisation, "roles": roles},
        "answers": answers_of(&pairs)
    }))
}

#[test]
fn coverage_combines_the_roles_held_with_the_rated_connection() {
    // Gemeente holds eigenaar, Zorg BV oplosser. Connections rated:
    // eigenaren 4 and 3 -> 7/2: held and >= 3 -> gedekt;
    // veroorzakers 4 and 2 -> exactly 3: not held, but connected -> indirect;
    // oplossers 2 and 3 -> 5/2 < 3: held, weakly connected -> zwak.
    let r = report(&[
        member("Gemeente", &["eigenaar"], [Some(4), Some(4), Some(2)]),
        member("Zorg BV", &["oplosser"], [Some(3), Some(2), Some(3)]),
    ]);
    let c = &r.coverage;
    assert_eq!(c.organisations, 2);
    assert_eq!(c.roles[Role::Eigenaar].holders, ["Gemeente"]);
    assert!(c.roles[Role::Veroorzaker].holders.is_empty());
    assert_eq!(c.roles[Role::Oplosser].holders, ["Zorg BV"]);
    some_close(c.roles[Role::Eigenaar].connection.mean, 3.5);
    some_close(c.roles[Role::Veroorzaker].connection.mean, 3.0);
    some_close(c.roles[Role::Oplosser].connection.mean, 2.5);
    assert_eq!(c.roles[Role::Eigenaar].connection.n, 2);
    assert_eq!(c.roles[Role::Eigenaar].status, Some(CoverageStatus::Gedekt));
    assert_eq!(
        c.roles[Role::Veroorzaker].status,
        Some(CoverageStatus::Indirect)
    );
    assert_eq!(c.roles[Role::Oplosser].status, Some(CoverageStatus::Zwak));
    assert!(c.missing.is_empty());
    // A weak connection to a group a partner holds: 6 + 2 x (3 - 5/2) = 7, both kinds
    // of evidence named.
    let a = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Connection(Role::Oplosser))
        .expect("connection advice");
    close(a.severity, 7.0);
    assert_eq!(a.band, Band::Aandacht);
    assert_eq!(a.subjects, ["oplosser"]);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["coverage"]["eigenaar"], json!(["Gemeente"]));
    assert_eq!(
        json["coverage"]["roles"]["oplosser"]["status"],
        json!("zwak")
    );
    assert_eq!(
        json["coverage"]["roles"]["veroorzaker"]["status"],
        json!("indirect")
    );
    assert_eq!(json["coverage"]["missing"], json!([]));
    assert_eq!(
        serde_json::to_value(a).expect("serialises")["evidence"],
        json!(["roles", "connection"])
    );
}

#[test]
fn a_group_nobody_holds_or_reaches_is_missing() {
    // veroorzakers 2 and 3 -> 5/2 < 3, nobody holds it -> ontbreekt.
    // oplossers: nobody holds it and nobody rated it -> ontbreekt.
    // eigenaren: held, nobody rated it -> gedekt (the roles alone say so).
    let r = report(&[
        member("Gemeente", &["eigenaar"], [None, Some(2), None]),
        member("Zorg BV", &[], [None, Some(3), None]),
    ]);
    let c = &r.coverage;
    assert_eq!(c.roles[Role::Eigenaar].status, Some(CoverageStatus::Gedekt));
    assert_eq!(c.roles[Role::Eigenaar].connection.n, 0);
    assert_eq!(
        c.roles[Role::Veroorzaker].status,
        Some(CoverageStatus::Ontbreekt)
    );
    assert_eq!(
        c.roles[Role::Oplosser].status,
        Some(CoverageStatus::Ontbreekt)
    );
    assert_eq!(c.missing, [Role::Veroorzaker, Role::Oplosser]);
    // Two organisations: a role finding each, zorg, severity 12. The evidence says what
    // led to it: the roles, and the connection where anyone rated it.
    let roles: Vec<_> = r
        .advice
        .iter()
        .filter(|a| matches!(a.when, Trigger::Role(_)))
        .collect();
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[0].when, Trigger::Role(Role::Veroorzaker));
    assert_eq!(roles[1].when, Trigger::Role(Role::Oplosser));
    for a in &roles {
        assert_eq!(a.band, Band::Zorg);
        close(a.severity, 12.0);
    }
    assert_eq!(roles[0].evidence, [Evidence::Roles, Evidence::Connection]);
    assert_eq!(roles[1].evidence, [Evidence::Roles]);
}

#[test]
fn organisations_are_one_whatever_their_case_known_by_the_first_spelling() {
    // "Gemeente", "gemeente" and " GEMEENTE " are one organisation, named "Gemeente".
    let r = report(&[
        member("Gemeente", &["eigenaar"], [None; 3]),
        member("gemeente", &["eigenaar", "oplosser"], [None; 3]),
        member(" GEMEENTE ", &["veroorzaker"], [None; 3]),
        member("Zorg BV", &["oplosser"], [None; 3]),
    ]);
    let c = &r.coverage;
    assert_eq!(c.organisations, 2);
    assert_eq!(c.roles[Role::Eigenaar].holders, ["Gemeente"]);
    assert_eq!(c.roles[Role::Veroorzaker].holders, ["Gemeente"]);
    assert_eq!(c.roles[Role::Oplosser].holders, ["Gemeente", "Zorg BV"]);
    assert!(c.missing.is_empty());
    let orgs: Vec<(&str, usize)> = r
        .interests
        .iter()
        .map(|o| (o.organisation.as_str(), o.respondents))
        .collect();
    assert_eq!(orgs, [("Gemeente", 3), ("Zorg BV", 1)]);
}

#[test]
fn holders_are_listed_by_name_whatever_its_case() {
    // "gemeente" is spelled in lower case by its first respondent; it still comes
    // before "Woonstichting", as in the interests table, in either order of respondents.
    let a = member("gemeente", &["eigenaar"], [None; 3]);
    let b = member("Woonstichting", &["eigenaar"], [None; 3]);
    let c = member("Gemeente", &["eigenaar"], [None; 3]);
    for rs in [[a.clone(), b.clone(), c.clone()], [a, c, b]] {
        let r = report(&rs);
        assert_eq!(
            r.coverage.roles[Role::Eigenaar].holders,
            ["gemeente", "Woonstichting"]
        );
        let names: Vec<&str> = r
            .interests
            .iter()
            .map(|o| o.organisation.as_str())
            .collect();
        assert_eq!(names, ["gemeente", "Woonstichting"]);
    }
}

#[test]
fn a_missing_role_is_advised_only_from_two_organisations() {
    // Two respondents of one organisation that holds only eigenaar, and no ratings: the
    // other two groups are missing, but one organisation gives no role advice yet.
    let r = report(&[
        member("Gemeente", &["eigenaar"], [None; 3]),
        member("Gemeente", &[], [None; 3]),
    ]);
    assert_eq!(r.coverage.organisations, 1);
    assert_eq!(r.coverage.missing, [Role::Veroorzaker, Role::Oplosser]);
    assert!(!triggers(&r).iter().any(|t| matches!(t, Trigger::Role(_))));
}

#[test]
fn where_nobody_names_a_role_or_rates_a_connection_nothing_is_called_missing() {
    // Two organisations, neither names a role and nobody rates a connection: nothing
    // is known about any group, so no status, nothing missing and no role advice.
    let r = report(&[
        member("Gemeente", &[], [None; 3]),
        member("Zorg BV", &[], [None; 3]),
    ]);
    for (_, c) in r.coverage.roles.iter() {
        assert_eq!(c.status, None);
        assert!(c.holders.is_empty());
    }
    assert!(r.coverage.missing.is_empty());
    assert!(!triggers(&r).iter().any(|t| matches!(t, Trigger::Role(_))));
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["coverage"]["missing"], json!([]));
    // A weak rating is evidence enough: rated 2 and 1 -> 3/2, nobody holds it.
    let r = report(&[
        member("Gemeente", &[], [None, Some(2), None]),
        member("Zorg BV", &[], [None, Some(1), None]),
    ]);
    assert_eq!(r.coverage.missing, [Role::Veroorzaker]);
    assert_eq!(r.coverage.roles[Role::Eigenaar].status, None);
}

// ---------------------------------------------------------------- interests

fn partner(organisation: &str, position: Option<&str>, interests: &Value) -> Response {
    resp(&json!({
        "respondent": {"organisation": organisation, "position": position},
        "interests": interests
    }))
}

#[test]
fn interests_per_organisation_with_balance_and_flags() {
    let r = report(&[
        // Gemeente (2): interest (4 + 5) / 2 = 9/2, give 9/2, take (2 + 3) / 2 = 5/2,
        // passion 3 (the other "weet niet"); balance 9/2 - 5/2 = 2 -> onbalans.
        // Influence: resources (5 + 4) / 2 = 9/2, authority (1 + 2) / 2 = 3/2,
        // information nobody, communication 3.
        partner(
            "Gemeente",
            Some("kern"),
            &json!({"interest": 4, "give": 4, "take": 2, "passion": 3,
                    "influence": {"resources": 5, "authority": 1, "information": null, "communication": 3}}),
        ),
        partner(
            "Gemeente",
            None,
            &json!({"interest": 5, "give": 5, "take": 3, "passion": null,
                    "influence": {"resources": 4, "authority": 2, "communication": 3}}),
        ),
        // Zorg BV: interest (1 + 3) / 2 = 2, give 2, passion 2, take 2: all low and in
        // the core -> vrijblijvend; balance 0.
        partner(
            "Zorg BV",
            Some("kern"),
            &json!({"interest": 1, "give": 2, "take": 2, "passion": 2}),
        ),
        partner(
            "Zorg BV",
            None,
            &json!({"interest": 3, "give": 2, "take": 2, "passion": 2}),
        ),
        // School: give 1, take 3 -> -2 -> onbalans; interest 3 -> not vrijblijvend.
        partner(
            "School",
            None,
            &json!({"interest": 3, "give": 1, "take": 3, "passion": 1}),
        ),
        // Welzijn: interest 2, give 2, but passion 5: passion prevents vrijblijvend.
        partner(
            "Welzijn",
            None,
            &json!({"interest": 2, "give": 2, "take": 1, "passion": 5}),
        ),
        // Buurthuis: everything 1, but in the complementary ring: not flagged.
        partner(
            "Buurthuis",
            Some("ring"),
            &json!({"interest": 1, "give": 1, "take": 1, "passion": 1}),
        ),
        // Sport: give (4 + 5) / 2 = 9/2, take (3 + 3) / 2 = 3 -> 3/2: just under 2.
        partner("Sport", None, &json!({"give": 4, "take": 3})),
        partner("Sport", None, &json!({"give": 5, "take": 3})),
    ]);
    let find = |name: &str| {
        r.interests
            .iter()
            .find(|o| o.organisation == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", r.interests))
    };
    assert_eq!(r.interests.len(), 6);

    let g = find("Gemeente");
    assert_eq!(g.respondents, 2);
    some_close(g.interest, 4.5);
    some_close(g.give, 4.5);
    some_close(g.take, 2.5);
    some_close(g.passion, 3.0);
    some_close(g.balance, 2.0);
    some_close(g.influence[InfluenceSource::Resources], 4.5);
    some_close(g.influence[InfluenceSource::Authority], 1.5);
    assert_eq!(g.influence[InfluenceSource::Information], None);
    some_close(g.influence[InfluenceSource::Communication], 3.0);
    assert_eq!(g.flags, [InterestFlag::Onbalans]);
    assert!(!g.ring);

    let z = find("Zorg BV");
    some_close(z.interest, 2.0);
    some_close(z.balance, 0.0);
    assert_eq!(z.flags, [InterestFlag::Vrijblijvend]);
    assert_eq!(find("School").flags, [InterestFlag::Onbalans]);
    some_close(find("School").balance, -2.0);
    assert!(find("Welzijn").flags.is_empty(), "passion counts");
    let ring = find("Buurthuis");
    assert!(ring.ring);
    assert!(ring.flags.is_empty(), "ring partners stay at a distance");
    let sport = find("Sport");
    some_close(sport.balance, 1.5);
    assert!(sport.flags.is_empty());
    assert_eq!(sport.interest, None);

    let json = serde_json::to_value(&r).expect("serialises");
    let zorg = json["interests"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|o| o["organisation"] == "Zorg BV")
        .expect("Zorg BV");
    assert_eq!(zorg["flags"], json!(["vrijblijvend"]));

    // Influence over all respondents: resources 5 and 4 -> 9/2 (n 2); information nobody.
    assert_eq!(r.influence[InfluenceSource::Resources].n, 2);
    some_close(r.influence[InfluenceSource::Resources].mean, 4.5);
    assert_eq!(r.influence[InfluenceSource::Information].n, 0);

    // Advice: onbalans 4 + 2 x max |balance| = 4 + 2 x 2 = 8, naming both
    // organisations; vrijblijvend 6.
    let onbalans = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Interests(InterestFlag::Onbalans))
        .expect("onbalans advice");
    close(onbalans.severity, 8.0);
    let mut subjects = onbalans.subjects.clone();
    subjects.sort();
    assert_eq!(subjects, ["Gemeente", "School"]);
    let vrijblijvend = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Interests(InterestFlag::Vrijblijvend))
        .expect("vrijblijvend advice");
    close(vrijblijvend.severity, 6.0);
    assert_eq!(vrijblijvend.subjects, ["Zorg BV"]);
}

#[test]
fn a_single_respondents_report_has_no_organisation_flags() {
    // Give 5, take 1 (balance 4) and interest, give, passion all low would each flag a
    // partner in a group; one respondent's own report speaks of no partners.
    for interests in [
        json!({"interest": 3, "give": 5, "take": 1}),
        json!({"interest": 1, "give": 1, "take": 1, "passion": 1}),
    ] {
        let r = report(&[partner("Zorg BV", Some("kern"), &interests)]);
        assert_eq!(r.view, View::Respondent);
        assert!(r.interests[0].flags.is_empty(), "{:?}", r.interests[0]);
        assert!(r.interests[0].balance.is_some());
        assert!(!triggers(&r)
            .iter()
            .any(|t| matches!(t, Trigger::Interests(_))));
    }
}

#[test]
fn an_organisation_without_a_name_is_known_by_its_alias() {
    let r = report(&[resp(
        &json!({"respondent": {"alias": " Anna ", "organisation": "  "}}),
    )]);
    assert_eq!(r.interests[0].organisation, "Anna");
}

#[test]
fn respondents_without_any_name_are_each_a_partner_of_their_own() {
    // Nobody knows whether two nameless respondents work together: averaging their
    // interests hid one's imbalance, and their roles were listed under a blank name.
    let nameless = |roles: &[&str], give: u8, take: u8| {
        resp(&json!({
            "respondent": {"alias": " ", "roles": roles},
            "interests": {"interest": 4, "give": give, "take": take, "passion": 3}
        }))
    };
    let responses = [
        nameless(&["eigenaar"], 4, 4),
        partner(
            "Gemeente",
            None,
            &json!({"interest": 4, "give": 4, "take": 4}),
        ),
        nameless(&["oplosser"], 2, 4),
    ];
    let r = report(&responses);
    let names: Vec<(&str, usize)> = r
        .interests
        .iter()
        .map(|o| (o.organisation.as_str(), o.respondents))
        .collect();
    // After the named ones, by their number among the responses, as the legends say.
    assert_eq!(names, [("Gemeente", 1), ("#1", 1), ("#3", 1)]);
    assert_eq!(r.coverage.organisations, 3);
    assert_eq!(r.coverage.roles[Role::Eigenaar].holders, ["#1"]);
    assert_eq!(r.coverage.roles[Role::Oplosser].holders, ["#3"]);
    // #3 takes 2 more than it gives: its own flag, no longer averaged away.
    assert_eq!(r.interests[2].balance, Some(-2.0));
    assert!(r.interests[2].flags.contains(&InterestFlag::Onbalans));
    assert!(r.interests[1].flags.is_empty());

    // Filled on two threads and merged, the same partners.
    let instrument = instrument();
    let (mut a, mut b) = (
        netwerkregie::Group::new(instrument),
        netwerkregie::Group::new(instrument),
    );
    a.add_numbered(&responses[2], 2);
    b.add_numbered(&responses[0], 0);
    b.add_numbered(&responses[1], 1);
    a.merge(b);
    assert_eq!(a.report().interests, r.interests);
}

// ---------------------------------------------------------------- comments

#[test]
fn comments_are_collected_per_key_with_their_count() {
    let r = report(&[
        resp(
            &json!({"comments": {"respect": "Meer naar elkaar luisteren.",
                                  "opgave-wat": "Eenzaamheid terugdringen.",
                                  "eerste-stap": "  "}}),
        ),
        resp(
            &json!({"comments": {"respect": "Waarden bespreken.", "opgave": "Huisartsen erbij."}}),
        ),
        resp(&json!({})),
    ]);
    let respect = r.comments.get("respect").expect("respect comments");
    assert_eq!(respect.count, 2);
    assert_eq!(
        respect.texts,
        ["Meer naar elkaar luisteren.", "Waarden bespreken."]
    );
    assert_eq!(r.comments.get("opgave-wat").expect("open answer").count, 1);
    assert_eq!(r.comments.get("opgave").expect("module").count, 1);
    assert!(
        r.comments.get("eerste-stap").is_none(),
        "blank text is no comment"
    );
    assert!(r.comments.get("vertrouwen").is_none());
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(
        json["comments"]["respect"],
        json!({"count": 2, "texts": ["Meer naar elkaar luisteren.", "Waarden bespreken."]})
    );
}

// ---------------------------------------------------------------- the examples

#[test]
fn the_example_group_by_hand() {
    let r = report(&examples());
    assert_eq!(r.respondents, 5);
    assert_eq!(r.view, View::Group);
    assert!(r.migrated.is_empty());
    // Per respondent (Anna, Bram, Chris, Dewi, Eva), reverse items as 6 - v, "weet niet"
    // left out:
    // gelijkwaardigheid: Anna 4, 4, 4, 2 -> 4 = 4; Bram 4, 3, 3, 4 -> 2 = 3;
    //   Chris 2, 3, 2, 4 -> 2 = 9/4; Dewi 2, 2, 2, 5 -> 1 = 7/4; Eva 4, 3, 3, - = 10/3
    //   -> (4 + 3 + 9/4 + 7/4 + 10/3) / 5 = (11 + 10/3) / 5 = 43/15.
    some_close(r.concept_mean(Concept::Gelijkwaardigheid), 43.0 / 15.0);
    // respect: 5, 4, 4, 1 -> 5 = 9/2; 4, 4, 4, 2 -> 4 = 4; 4, -, 4, 2 -> 4 = 4;
    //   4, 4, 4, 2 -> 4 = 4; 4, 4, 4, - = 4 -> (9/2 + 16) / 5 = 41/10.
    some_close(r.concept_mean(Concept::Respect), 4.1);
    // vrijheid: 4, 4, 4, 1 -> 5 = 17/4; 2, 3, 3, 4 -> 2 = 5/2; 4, -, 2, 2 -> 4 = 10/3;
    //   2, 2, 1, 5 -> 1 = 3/2; 4, 4, 3, 2 -> 4 = 15/4
    //   -> (17/4 + 5/2 + 10/3 + 3/2 + 15/4) / 5 = (8 + 4 + 10/3) / 5 = 46/15.
    some_close(r.concept_mean(Concept::Vrijheid), 46.0 / 15.0);
    // verantwoording: 4, 3, 3, 2 -> 4 = 7/2; 4, 3, 3, 3 = 13/4; 13/4; 4, 3, 2, 3 = 3;
    //   4, 4, 3, 2 -> 4 = 15/4 -> (7/2 + 13/2 + 3 + 15/4) / 5 = (67/4) / 5 = 67/20.
    some_close(r.concept_mean(Concept::Verantwoording), 67.0 / 20.0);
    // transparantie: 4, 4, 4, 2 -> 4 = 4; 3, 3, 4, 2 -> 4 = 7/2; 2, -, 2, 4 -> 2 = 2;
    //   2, 2, 4, 4 -> 2 = 5/2; 3, 4, 4, 3 = 7/2 -> (4 + 7/2 + 2 + 5/2 + 7/2) / 5 = 31/10.
    some_close(r.concept_mean(Concept::Transparantie), 3.1);
    // vertrouwen: 3, 3, 4, 2 -> 4 = 7/2; 3, 2, 3, 3 = 11/4; 3, 3, -, 3 = 3;
    //   3, 2, 3, 3 = 11/4; 4, 3, 4, 2 -> 4 = 15/4 -> (7/2 + 11/2 + 3 + 15/4) / 5 = 63/20.
    some_close(r.concept_mean(Concept::Vertrouwen), 63.0 / 20.0);
    // opgave (9 statements): Anna 4, 5, 2 -> 4, 4, 4, 4, 3, 2, 4 = 34/9;
    //   Bram 4, 4, 3, 3, 4, 3, 3, 2, 4 = 30/9 = 10/3; Chris 3, 3, 3, -, 3, 3, -, 2, 3 = 20/7;
    //   Dewi 4, 4, 4 -> 2, 2, 2, 2, 2, 2, 3 = 23/9; Eva 3, 4, -, 3, 3, 3, -, -, 4 = 20/6
    //   = 10/3 -> (34/9 + 10/3 + 20/7 + 23/9 + 10/3) / 5 = 111/35.
    some_close(r.module_mean(Module::Opgave), 111.0 / 35.0);
    // organisatie: 35/9, 29/9, 13/6 (2, 2, 2, 4 -> 2, -, 2, 3, -, -), 20/9, 3 -> 29/10.
    some_close(r.module_mean(Module::Organisatie), 2.9);
    // relaties, the mean of the answered items: 95/24, 76/24, 59/20, 62/24, 81/22
    //   -> 21569/6600.
    some_close(r.module_mean(Module::Relaties), 21569.0 / 6600.0);
    // Bands: gelijkwaardigheid zorg, respect sterk, organisatie zorg.
    assert_eq!(
        concept(&r, Concept::Gelijkwaardigheid).stats.band,
        Some(Band::Zorg)
    );
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Sterk));
    assert_eq!(module(&r, Module::Organisatie).band, Some(Band::Zorg));
    // vrijheid: 17/4 - 3/2 = 11/4 >= 2 apart -> divergent.
    assert!(concept(&r, Concept::Vrijheid).stats.divergent);
    assert!(!concept(&r, Concept::Respect).stats.divergent);

    // Trust: foundation (43/15 + 41/10 + 46/15 + 67/20 + 31/10) / 5
    //   = (172 + 246 + 184 + 201 + 186) / 60 / 5 = 989/300; gap 63/20 - 989/300 = -11/75.
    some_close(r.trust.foundation, 989.0 / 300.0);
    some_close(r.trust.gap, -11.0 / 75.0);
    assert_eq!(r.trust.flag, None);

    // Ladder: Anna regisseren -> regisseren 0, Bram regisseren -> stimuleren 1,
    // Chris reguleren -> faciliteren 3, Dewi regisseren -> faciliteren 2, Eva weet niet
    // -> faciliteren. Mean gap 6/4 = 3/2 -> te_hoog; current 3..4: shared; desired
    // faciliteren (1) to regisseren (3): geen_beeld_gewenst.
    some_close(r.ladder.all.mean_gap, 1.5);
    assert_eq!(counts(&r.ladder.all.current), [0, 0, 0, 3, 1]);
    assert_eq!(counts(&r.ladder.all.desired), [0, 3, 1, 1, 0]);
    assert_eq!(r.ladder.all.unknown, (1, 0));
    assert_eq!(
        r.ladder.flags,
        [LadderFlag::TeHoog, LadderFlag::GeenBeeldGewenst]
    );
    // Anna is the government: her gap 0; the partners (1 + 3 + 2) / 3 = 2.
    some_close(r.ladder.government.mean_gap, 0.0);
    some_close(r.ladder.partners.mean_gap, 2.0);

    // Form: netwerk (Anna, Dewi, Eva), mix (Bram), keten (Chris): 3 of 5 -> netwerk.
    assert_eq!(r.form.counts, [1, 3, 1]);
    assert_eq!(r.form.dominant, Some(Form::Netwerk));

    // Coverage: eigenaren rated 3, 3, -, 2, - -> 8/3 < 3 with Gemeente and the
    // bewonerscollectief holding the role -> zwak; veroorzakers 2, 2, 2, 2, - -> 2, nobody
    // holds it -> ontbreekt; oplossers 4, 4, 3, 3, 4 -> 18/5, everyone holds it -> gedekt.
    let c = &r.coverage;
    assert_eq!(
        c.roles[Role::Eigenaar].holders,
        ["Bewonerscollectief Samen Noorderhof", "Gemeente Zuiderveen"]
    );
    some_close(c.roles[Role::Eigenaar].connection.mean, 8.0 / 3.0);
    assert_eq!(c.roles[Role::Eigenaar].status, Some(CoverageStatus::Zwak));
    some_close(c.roles[Role::Veroorzaker].connection.mean, 2.0);
    assert_eq!(
        c.roles[Role::Veroorzaker].status,
        Some(CoverageStatus::Ontbreekt)
    );
    some_close(c.roles[Role::Oplosser].connection.mean, 3.6);
    assert_eq!(c.roles[Role::Oplosser].status, Some(CoverageStatus::Gedekt));
    assert_eq!(c.missing, [Role::Veroorzaker]);
    assert_eq!(c.organisations, 5);

    // Interests: one respondent each. Bram gives 2 and takes 4 -> -2 -> onbalans.
    // Chris is low on everything but in the ring; Eva's passion is 4: neither flagged.
    let flagged: Vec<(&str, &[InterestFlag])> = r
        .interests
        .iter()
        .filter(|o| !o.flags.is_empty())
        .map(|o| (o.organisation.as_str(), o.flags.as_slice()))
        .collect();
    assert_eq!(
        flagged,
        [("Zorggroep De Linde", &[InterestFlag::Onbalans][..])]
    );

    // Comments per key: opgave-wat was answered by all five.
    assert_eq!(r.comments.get("opgave-wat").expect("opgave-wat").count, 5);
    assert_eq!(r.comments.get("eerste-stap").expect("eerste-stap").count, 4);
    assert_eq!(r.comments.get("vrijheid").expect("vrijheid").count, 2);
}

#[test]
fn merged_groups_keep_the_comments_in_the_respondents_order() {
    use netwerkregie::group::MAX_COMMENTS;
    use netwerkregie::Group;
    // 600 respondents, each with a comment numbered by its place; filled into two
    // groups by turns (as the CLI's workers do) and merged in either order.
    let responses: Vec<Response> = (0..600)
        .map(|i| resp(&json!({"comments": {"respect": format!("{i}")}})))
        .collect();
    let expected: Vec<String> = (0..MAX_COMMENTS).map(|i| i.to_string()).collect();
    for reverse in [false, true] {
        let mut parts = [Group::new(instrument()), Group::new(instrument())];
        for (seq, r) in responses.iter().enumerate() {
            parts[seq % 2].add_numbered(r, seq as u64);
        }
        let [even, odd] = parts;
        let (mut first, second) = if reverse { (odd, even) } else { (even, odd) };
        first.merge(second);
        let r = first.report();
        let c = r.comments.get("respect").expect("comments");
        assert_eq!(c.count, 600);
        assert_eq!(
            c.texts,
            expected,
            "merged {}",
            if reverse { "odd first" } else { "even first" }
        );
    }
    // One group filled in order keeps the first 500 too.
    let r = report(&responses);
    assert_eq!(r.comments.get("respect").expect("comments").texts, expected);
}
