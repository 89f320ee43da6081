//! The scoring rules of Netwerkscan, checked against hand-computed expectations.
//!
//! Every expected number below is worked out in a comment next to the assertion, from
//! the rules in the issue (reverse items count as `6 - v`, "weet niet" is left out, a
//! score needs at least half of the items (rounded up), bands at 4.0 and 3.0, ...).
//! Responses are built from JSON text, exactly as a respondent's file would hold them.
//!
//! Reverse-worded items of the built-in instrument: `opgave-2`, `organisatie-4` and
//! `<concept>-3` for each of the six concepts.

use netwerkregie::group::{ConceptStats, Report};
use netwerkregie::{
    Band, Concept, Group, InfluenceSource, Instrument, InterestFlag, LadderFlag, Module, Response,
    Role, Rung, Scores, Stats, Trigger, TrustFlag,
};
use serde_json::{json, Map, Value};

/// "weet niet".
const WN: Option<u8> = None;

fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

/// A response from JSON text: `sections` is merged into a minimal valid response.
fn resp(sections: &Value) -> Response {
    let mut doc = json!({
        "format": "netwerkscan-response",
        "version": 1,
        "instrument": {"id": "netwerkscan", "version": "1"},
        "answers": {}
    });
    for (k, v) in sections.as_object().expect("sections are an object") {
        doc[k] = v.clone();
    }
    let text = serde_json::to_string_pretty(&doc).expect("serialises");
    Response::from_json(&text, instrument()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The `answers` object of a list of (item, value) pairs; `None` is "weet niet".
fn answers_of(pairs: &[(&str, Option<u8>)]) -> Value {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(item, v)| ((*item).to_owned(), v.map_or(Value::Null, Value::from)))
        .collect();
    Value::Object(map)
}

/// A response with only these answers.
fn answers(pairs: &[(&str, Option<u8>)]) -> Response {
    resp(&json!({ "answers": answers_of(pairs) }))
}

/// The three items `<concept>-1`, `-2`, `-3` (the third is reverse) with these raw values.
fn concept_items(concept: &str, raw: [Option<u8>; 3]) -> Vec<(String, Option<u8>)> {
    raw.iter()
        .enumerate()
        .map(|(i, v)| (format!("{concept}-{}", i + 1), *v))
        .collect()
}

/// An answers object from owned pairs.
fn answers_owned(pairs: &[(String, Option<u8>)]) -> Value {
    let borrowed: Vec<(&str, Option<u8>)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    answers_of(&borrowed)
}

fn report(responses: &[Response]) -> Report {
    Group::report_of(instrument(), responses)
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-12,
        "expected {expected}, found {actual}"
    );
}

#[track_caller]
fn some_close(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => close(a, expected),
        None => panic!("expected {expected}, found None"),
    }
}

fn concept(r: &Report, c: Concept) -> &ConceptStats {
    r.concepts.get(&c).expect("every concept is in the report")
}

fn module(r: &Report, m: Module) -> &Stats {
    r.modules
        .get(&m)
        .expect("every scored module is in the report")
}

fn score(r: &Response, c: Concept) -> Option<f64> {
    Scores::of(instrument(), r).concept(c)
}

fn advice_ids(r: &Report) -> Vec<&str> {
    r.advice.iter().map(|a| a.id.as_str()).collect()
}

// ---------------------------------------------------------------- one respondent

#[test]
fn reverse_item_counts_as_six_minus_v() {
    // respect-1 = 4, respect-2 = 5, respect-3 (reverse) = 2 -> 6 - 2 = 4
    // -> (4 + 5 + 4) / 3 = 13/3
    let r = answers(&[
        ("respect-1", Some(4)),
        ("respect-2", Some(5)),
        ("respect-3", Some(2)),
    ]);
    some_close(score(&r, Concept::Respect), 13.0 / 3.0);

    // Every raw value v of a reverse item counts as 6 - v: with respect-1 = respect-2 = 3,
    // respect-3 = 1, 2, 3, 4, 5 gives (3 + 3 + 5) / 3 = 11/3, 10/3, 9/3, 8/3, 7/3.
    for v in 1..=5u8 {
        let r = answers(&[
            ("respect-1", Some(3)),
            ("respect-2", Some(3)),
            ("respect-3", Some(v)),
        ]);
        some_close(score(&r, Concept::Respect), f64::from(6 + 6 - v) / 3.0);
    }

    // A non-reverse item counts as given: vrijheid-1 = 1, vrijheid-2 = 1, vrijheid-3 (reverse) = 5 -> 1
    // -> (1 + 1 + 1) / 3 = 1.
    let r = answers(&[
        ("vrijheid-1", Some(1)),
        ("vrijheid-2", Some(1)),
        ("vrijheid-3", Some(5)),
    ]);
    some_close(score(&r, Concept::Vrijheid), 1.0);
}

#[test]
fn weet_niet_is_left_out() {
    // respect-1 = 4, respect-2 = null, respect-3 (reverse) = 1 -> 5
    // -> (4 + 5) / 2 = 4.5 (not (4 + 0 + 5) / 3 = 3)
    let r = answers(&[
        ("respect-1", Some(4)),
        ("respect-2", WN),
        ("respect-3", Some(1)),
    ]);
    some_close(score(&r, Concept::Respect), 4.5);

    // An absent item is the same as "weet niet".
    let r = answers(&[("respect-1", Some(4)), ("respect-3", Some(1))]);
    some_close(score(&r, Concept::Respect), 4.5);
}

#[test]
fn at_least_half_rounded_up_gives_a_score() {
    // 3 items: half rounded up is 2.
    // 2 of 3: gelijkwaardigheid-1 = 2, -2 = null, -3 (reverse) = 3 -> 3 -> (2 + 3) / 2 = 2.5
    let two = answers(&[
        ("gelijkwaardigheid-1", Some(2)),
        ("gelijkwaardigheid-2", WN),
        ("gelijkwaardigheid-3", Some(3)),
    ]);
    some_close(score(&two, Concept::Gelijkwaardigheid), 2.5);
    // 1 of 3: no score (missing, never 0).
    let one = answers(&[
        ("gelijkwaardigheid-1", Some(2)),
        ("gelijkwaardigheid-2", WN),
        ("gelijkwaardigheid-3", WN),
    ]);
    assert_eq!(score(&one, Concept::Gelijkwaardigheid), None);

    // In the group, the respondent without a score is left out: n = 1, mean 2.5, and
    // not (2.5 + 0) / 2.
    let r = report(&[two, one]);
    assert_eq!(r.respondents, 2);
    let g = &concept(&r, Concept::Gelijkwaardigheid).stats;
    assert_eq!(g.n, 1);
    some_close(g.mean, 2.5);
    some_close(g.min, 2.5);
    some_close(g.max, 2.5);
    some_close(g.sd, 0.0);

    // Only the second respondent: nothing to report for the concept, and the report's
    // JSON says null (not 0).
    let r = report(&[answers(&[("gelijkwaardigheid-1", Some(2))])]);
    let g = &concept(&r, Concept::Gelijkwaardigheid).stats;
    assert_eq!(
        (g.n, g.mean, g.sd, g.min, g.max, g.band),
        (0, None, None, None, None, None)
    );
    let json = serde_json::to_value(&r).expect("serialises");
    let g = &json["concepts"]["gelijkwaardigheid"];
    assert_eq!(g["n"], json!(0));
    for field in ["mean", "sd", "min", "max", "band", "priority"] {
        assert_eq!(g[field], Value::Null, "{field}");
    }
}

#[test]
fn every_weet_niet_gives_no_scores_at_all() {
    let all_null: Vec<(&str, Option<u8>)> = instrument()
        .items()
        .iter()
        .map(|i| (i.id.as_str(), WN))
        .collect();
    assert_eq!(all_null.len(), 29);
    let r = answers(&all_null);
    let scores = Scores::of(instrument(), &r);
    assert_eq!(scores.concepts, [None; 6]);
    assert_eq!(scores.modules, [None; 3]);

    let rep = report(&[r.clone(), r]);
    assert_eq!(rep.respondents, 2);
    for c in Concept::ALL {
        let s = concept(&rep, *c);
        assert_eq!(s.stats.n, 0, "{c}");
        assert_eq!(s.stats.mean, None, "{c}");
        assert_eq!(s.stats.band, None, "{c}");
        assert!(!s.stats.divergent, "{c}");
        assert_eq!(s.priority, None, "{c}");
        assert_eq!(rep.concept_mean(*c), None);
    }
    for m in Module::SCORED {
        assert_eq!(module(&rep, *m).n, 0);
        assert_eq!(rep.module_mean(*m), None);
    }
    assert_eq!(rep.trust.foundation, None);
    assert_eq!(rep.trust.gap, None);
    assert_eq!(rep.trust.flag, None);
    assert!(rep.priorities.is_empty());
    assert!(
        !rep.advice.iter().any(|a| matches!(
            a.when,
            Trigger::Concept(_) | Trigger::Module(_) | Trigger::Trust(_)
        )),
        "no advice about scores nobody has: {:?}",
        advice_ids(&rep)
    );
}

#[test]
fn one_respondent_has_zero_spread() {
    // verantwoording-1 = 4, -2 = 3, -3 (reverse) = 2 -> 4 -> 11/3; n = 1 so sd = 0.
    let r = report(&[answers(&[
        ("verantwoording-1", Some(4)),
        ("verantwoording-2", Some(3)),
        ("verantwoording-3", Some(2)),
    ])]);
    let s = &concept(&r, Concept::Verantwoording).stats;
    assert_eq!(s.n, 1);
    some_close(s.mean, 11.0 / 3.0);
    assert_eq!(s.sd, Some(0.0));
    some_close(s.min, 11.0 / 3.0);
    some_close(s.max, 11.0 / 3.0);
    assert!(!s.divergent);
}

// ---------------------------------------------------------------- bands

#[test]
fn band_edges() {
    // Exactly 4.0: respect 4, 4, 2 (reverse -> 4) -> 12/3 = 4 -> sterk.
    let r = report(&[answers(&[
        ("respect-1", Some(4)),
        ("respect-2", Some(4)),
        ("respect-3", Some(2)),
    ])]);
    some_close(r.concept_mean(Concept::Respect), 4.0);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Sterk));

    // Exactly 4.0 as a group mean: 13/3 (5, 4, 2 -> 4) and 11/3 (4, 3, 2 -> 4)
    // -> (13/3 + 11/3) / 2 = 4 -> sterk, even if the arithmetic lands a hair below.
    let r = report(&[
        answers(&[
            ("respect-1", Some(5)),
            ("respect-2", Some(4)),
            ("respect-3", Some(2)),
        ]),
        answers(&[
            ("respect-1", Some(4)),
            ("respect-2", Some(3)),
            ("respect-3", Some(2)),
        ]),
    ]);
    some_close(r.concept_mean(Concept::Respect), 4.0);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Sterk));

    // Exactly 3.0: 3, 3, 3 (reverse -> 3) -> 3 -> aandacht.
    let r = report(&[answers(&[
        ("respect-1", Some(3)),
        ("respect-2", Some(3)),
        ("respect-3", Some(3)),
    ])]);
    some_close(r.concept_mean(Concept::Respect), 3.0);
    assert_eq!(
        concept(&r, Concept::Respect).stats.band,
        Some(Band::Aandacht)
    );

    // Exactly 3.0 as a group mean: 10/3 (4, 3, 3 -> 3) and 8/3 (3, 2, 3 -> 3) -> 3 -> aandacht.
    let r = report(&[
        answers(&[
            ("respect-1", Some(4)),
            ("respect-2", Some(3)),
            ("respect-3", Some(3)),
        ]),
        answers(&[
            ("respect-1", Some(3)),
            ("respect-2", Some(2)),
            ("respect-3", Some(3)),
        ]),
    ]);
    some_close(r.concept_mean(Concept::Respect), 3.0);
    assert_eq!(
        concept(&r, Concept::Respect).stats.band,
        Some(Band::Aandacht)
    );

    // Just below 3: 33 respondents at 3 and one at 8/3 (3, 2, 3 -> 3)
    // -> (33 x 3 + 8/3) / 34 = (305/3) / 34 = 305/102 = 2.990... -> zorg.
    let mut group: Vec<Response> = (0..33)
        .map(|_| {
            answers(&[
                ("respect-1", Some(3)),
                ("respect-2", Some(3)),
                ("respect-3", Some(3)),
            ])
        })
        .collect();
    group.push(answers(&[
        ("respect-1", Some(3)),
        ("respect-2", Some(2)),
        ("respect-3", Some(3)),
    ]));
    let r = report(&group);
    some_close(r.concept_mean(Concept::Respect), 305.0 / 102.0);
    assert!(r.concept_mean(Concept::Respect).expect("mean") < 2.991);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Zorg));

    // And the band function itself.
    assert_eq!(Band::of(4.0), Band::Sterk);
    assert_eq!(Band::of(3.99), Band::Aandacht);
    assert_eq!(Band::of(3.0), Band::Aandacht);
    assert_eq!(Band::of(2.99), Band::Zorg);
    assert_eq!(Band::of(5.0), Band::Sterk);
    assert_eq!(Band::of(1.0), Band::Zorg);
}

// ---------------------------------------------------------------- group statistics

/// Three respondents whose respect scores are 3/2, 3/2 and 10/3 (n = 3).
fn respect_three_halves_and_ten_thirds() -> Vec<Response> {
    // 1, 2, null -> (1 + 2) / 2 = 3/2;  3, 3, 2 (reverse -> 4) -> 10/3.
    let low = answers(&[
        ("respect-1", Some(1)),
        ("respect-2", Some(2)),
        ("respect-3", WN),
    ]);
    let high = answers(&[
        ("respect-1", Some(3)),
        ("respect-2", Some(3)),
        ("respect-3", Some(2)),
    ]);
    vec![low.clone(), low, high]
}

#[test]
fn group_mean_sd_min_max() {
    // 3/2, 3/2, 10/3: mean = (3 + 10/3) / 3 = 19/9.
    // Deviations -11/18, -11/18, +22/18; squares sum to (121 + 121 + 484) / 324 = 121/54;
    // sample variance = 121/54 / 2 = 121/108; sd = 11 / sqrt(108).
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
fn divergent_by_sd_when_n_is_at_least_three() {
    // 3/2, 3/2, 10/3: sd = 11 / sqrt(108) = 1.0585 >= 1.0 with n = 3, while the range
    // 10/3 - 3/2 = 11/6 = 1.83 stays below 2: divergent by the sd rule alone.
    let r = report(&respect_three_halves_and_ten_thirds());
    let s = &concept(&r, Concept::Respect).stats;
    assert!(s.sd.expect("sd") >= 1.0);
    assert!(s.max.expect("max") - s.min.expect("min") < 2.0);
    assert!(s.divergent);

    // The same two values with n = 2: sd = (11/6) / sqrt(2) = 1.296 >= 1.0, range 11/6 < 2
    // -> not divergent (the sd rule needs n >= 3).
    let two = respect_three_halves_and_ten_thirds();
    let r = report(&two[1..]);
    let s = &concept(&r, Concept::Respect).stats;
    assert_eq!(s.n, 2);
    some_close(s.sd, (11.0 / 6.0) / 2f64.sqrt());
    assert!(!s.divergent);
}

#[test]
fn divergent_by_range_with_two_respondents() {
    // 2 (2, 2, 4 -> 2) and 4 (4, 4, 2 -> 4): n = 2, range exactly 2.0 -> divergent.
    // mean 3, sd = sqrt(((2-3)^2 + (4-3)^2) / 1) = sqrt(2).
    let r = report(&[
        answers(&[
            ("vrijheid-1", Some(2)),
            ("vrijheid-2", Some(2)),
            ("vrijheid-3", Some(4)),
        ]),
        answers(&[
            ("vrijheid-1", Some(4)),
            ("vrijheid-2", Some(4)),
            ("vrijheid-3", Some(2)),
        ]),
    ]);
    let s = &concept(&r, Concept::Vrijheid).stats;
    assert_eq!(s.n, 2);
    some_close(s.mean, 3.0);
    some_close(s.sd, 2f64.sqrt());
    some_close(s.min, 2.0);
    some_close(s.max, 4.0);
    assert!(s.divergent);

    // Range 5/3 (7/3 = 2, 2, 3 -> 3 against 4) with n = 3 and sd < 1: not divergent.
    // 7/3, 4, 4: mean 31/9, deviations -10/9, 5/9, 5/9, squares 150/81, variance 75/81,
    // sd = sqrt(75)/9 = 0.962.
    let r = report(&[
        answers(&[
            ("vrijheid-1", Some(2)),
            ("vrijheid-2", Some(2)),
            ("vrijheid-3", Some(3)),
        ]),
        answers(&[
            ("vrijheid-1", Some(4)),
            ("vrijheid-2", Some(4)),
            ("vrijheid-3", Some(2)),
        ]),
        answers(&[
            ("vrijheid-1", Some(4)),
            ("vrijheid-2", Some(4)),
            ("vrijheid-3", Some(2)),
        ]),
    ]);
    let s = &concept(&r, Concept::Vrijheid).stats;
    some_close(s.mean, 31.0 / 9.0);
    some_close(s.sd, 75f64.sqrt() / 9.0);
    assert!(!s.divergent);
}

// ---------------------------------------------------------------- modules

#[test]
fn module_scores() {
    // opgave over its 6 items: 5, 1 (opgave-2 reverse -> 5), 4, 4, 3, 3 -> 24/6 = 4.
    let r = answers(&[
        ("opgave-1", Some(5)),
        ("opgave-2", Some(1)),
        ("opgave-3", Some(4)),
        ("opgave-4", Some(4)),
        ("opgave-5", Some(3)),
        ("opgave-6", Some(3)),
    ]);
    let s = Scores::of(instrument(), &r);
    some_close(s.module(Module::Opgave), 4.0);
    assert_eq!(s.module(Module::Organisatie), None);
    assert_eq!(s.module(Module::Relaties), None);
    assert_eq!(s.module(Module::Ladder), None);

    // 3 of 6 (half): 2, 5 (reverse -> 1), 3 -> 6/3 = 2.
    let r = answers(&[
        ("opgave-1", Some(2)),
        ("opgave-2", Some(5)),
        ("opgave-3", Some(3)),
    ]);
    some_close(Scores::of(instrument(), &r).module(Module::Opgave), 2.0);
    // 2 of 6: none.
    let r = answers(&[
        ("opgave-1", Some(2)),
        ("opgave-2", WN),
        ("opgave-3", Some(3)),
    ]);
    assert_eq!(Scores::of(instrument(), &r).module(Module::Opgave), None);

    // organisatie has 5 items: half rounded up is 3.
    // 3 of 5: 4, 4, organisatie-4 (reverse) 1 -> 5 -> 13/3.
    let r = answers(&[
        ("organisatie-1", Some(4)),
        ("organisatie-2", Some(4)),
        ("organisatie-4", Some(1)),
    ]);
    some_close(
        Scores::of(instrument(), &r).module(Module::Organisatie),
        13.0 / 3.0,
    );
    // 2 of 5 (2.5 would be "half", but half rounded up is 3): none.
    let r = answers(&[("organisatie-1", Some(4)), ("organisatie-2", Some(4))]);
    assert_eq!(
        Scores::of(instrument(), &r).module(Module::Organisatie),
        None
    );
}

#[test]
fn relaties_is_the_mean_of_its_eighteen_items() {
    // 9 of the 18 relaties items (half): gelijkwaardigheid 5, 5, 1 (reverse -> 5): 3 items
    // summing 15; respect, vrijheid and verantwoording 1, 1, null: 2 items each summing 2.
    // relaties = (15 + 2 + 2 + 2) / 9 = 21/9 = 7/3, the mean of the items and not the mean of
    // the concept means (5 + 1 + 1 + 1) / 4 = 2.
    let mut pairs = concept_items("gelijkwaardigheid", [Some(5), Some(5), Some(1)]);
    for c in ["respect", "vrijheid", "verantwoording"] {
        pairs.extend(concept_items(c, [Some(1), Some(1), WN]));
    }
    let r = resp(&json!({ "answers": answers_owned(&pairs) }));
    let s = Scores::of(instrument(), &r);
    some_close(s.module(Module::Relaties), 7.0 / 3.0);
    some_close(s.concept(Concept::Gelijkwaardigheid), 5.0);
    some_close(s.concept(Concept::Respect), 1.0);
    assert_eq!(s.concept(Concept::Transparantie), None);

    // 8 of 18: drop verantwoording-2 -> relaties has 8 < 9 answered items -> none; and
    // verantwoording keeps 1 of its 3 items (< 2) -> none.
    pairs.retain(|(k, _)| k != "verantwoording-2");
    let r = resp(&json!({ "answers": answers_owned(&pairs) }));
    let s = Scores::of(instrument(), &r);
    assert_eq!(s.module(Module::Relaties), None);
    assert_eq!(s.concept(Concept::Verantwoording), None);

    // All 18 answered 4, with every reverse item answered 2 (-> 4): relaties = 4.
    let mut all = Vec::new();
    for c in Concept::ALL {
        all.extend(concept_items(c.id(), [Some(4), Some(4), Some(2)]));
    }
    let r = resp(&json!({ "answers": answers_owned(&all) }));
    some_close(Scores::of(instrument(), &r).module(Module::Relaties), 4.0);

    // In the group: opgave 4 (as above) and 2 -> module mean 3, band aandacht, n 2.
    let a = answers(&[
        ("opgave-1", Some(5)),
        ("opgave-2", Some(1)),
        ("opgave-3", Some(4)),
        ("opgave-4", Some(4)),
        ("opgave-5", Some(3)),
        ("opgave-6", Some(3)),
    ]);
    let b = answers(&[
        ("opgave-1", Some(2)),
        ("opgave-2", Some(5)),
        ("opgave-3", Some(3)),
    ]);
    let rep = report(&[a, b]);
    let m = module(&rep, Module::Opgave);
    assert_eq!(m.n, 2);
    some_close(m.mean, 3.0);
    assert_eq!(m.band, Some(Band::Aandacht));
    assert!(m.divergent, "range 4 - 2 = 2");
    assert_eq!(module(&rep, Module::Relaties).n, 0);
    assert_eq!(rep.modules.len(), 3);
}

// ---------------------------------------------------------------- trust

/// Every item of the five foundation concepts with these raw values, plus vertrouwen.
fn trust_response(foundation: [Option<u8>; 3], vertrouwen: [Option<u8>; 3]) -> Response {
    let mut pairs = Vec::new();
    for c in Concept::FOUNDATION {
        pairs.extend(concept_items(c.id(), foundation));
    }
    pairs.extend(concept_items("vertrouwen", vertrouwen));
    resp(&json!({ "answers": answers_owned(&pairs) }))
}

#[test]
fn trust_runs_ahead_at_exactly_three_quarters() {
    // Foundation: all five concepts 3, 3, 3 (reverse -> 3) = 3 for both respondents -> 3.
    // Vertrouwen: 4, 4, 2 (-> 4) = 4 and 4, 3, null = 7/2 -> mean 3.75.
    // gap = 3.75 - 3 = 0.75 -> voor.
    let r = report(&[
        trust_response([Some(3); 3], [Some(4), Some(4), Some(2)]),
        trust_response([Some(3); 3], [Some(4), Some(3), WN]),
    ]);
    some_close(r.trust.foundation, 3.0);
    some_close(r.trust.gap, 0.75);
    assert_eq!(r.trust.flag, Some(TrustFlag::Voor));
}

#[test]
fn trust_lags_behind_at_exactly_minus_three_quarters() {
    // Foundation: every concept 4, 4, 2 (-> 4) = 4 and 4, 3, null = 7/2 -> each mean 3.75,
    // foundation (5 x 3.75) / 5 = 3.75. Vertrouwen 3, 3, 3 -> 3. gap = 3 - 3.75 = -0.75 -> achter.
    let r = report(&[
        trust_response([Some(4), Some(4), Some(2)], [Some(3); 3]),
        trust_response([Some(4), Some(3), WN], [Some(3); 3]),
    ]);
    some_close(r.trust.foundation, 3.75);
    some_close(r.trust.gap, -0.75);
    assert_eq!(r.trust.flag, Some(TrustFlag::Achter));
}

#[test]
fn trust_in_line_with_its_foundation() {
    // Foundation 3; vertrouwen 4 and 10/3 (4, 3, 3 -> 3) -> 11/3; gap = 2/3 < 0.75 -> none.
    let r = report(&[
        trust_response([Some(3); 3], [Some(4), Some(4), Some(2)]),
        trust_response([Some(3); 3], [Some(4), Some(3), Some(3)]),
    ]);
    some_close(r.trust.foundation, 3.0);
    some_close(r.trust.gap, 2.0 / 3.0);
    assert_eq!(r.trust.flag, None);

    // Foundation from different means: gelijkwaardigheid 13/3 (5, 4, 2), respect 4 (4, 4, 2),
    // vrijheid 3, verantwoording 3, transparantie 2 (2, 2, 4): (13/3 + 4 + 3 + 3 + 2) / 5
    // = (13/3 + 12) / 5 = (49/3) / 5 = 49/15. Vertrouwen 3 -> gap = 3 - 49/15 = -4/15 -> none.
    let mut pairs = concept_items("gelijkwaardigheid", [Some(5), Some(4), Some(2)]);
    pairs.extend(concept_items("respect", [Some(4), Some(4), Some(2)]));
    pairs.extend(concept_items("vrijheid", [Some(3); 3]));
    pairs.extend(concept_items("verantwoording", [Some(3); 3]));
    pairs.extend(concept_items("transparantie", [Some(2), Some(2), Some(4)]));
    pairs.extend(concept_items("vertrouwen", [Some(3); 3]));
    let r = report(&[resp(&json!({ "answers": answers_owned(&pairs) }))]);
    some_close(r.trust.foundation, 49.0 / 15.0);
    some_close(r.trust.gap, -4.0 / 15.0);
    assert_eq!(r.trust.flag, None);
}

#[test]
fn no_foundation_when_one_of_the_five_is_missing() {
    // Transparantie only 1 of 3 answered -> no score -> no foundation, no gap, no flag,
    // even though vertrouwen (5, 5, 1 -> 5) = 5 is far above the other four (1).
    let mut pairs = Vec::new();
    for c in ["gelijkwaardigheid", "respect", "vrijheid", "verantwoording"] {
        pairs.extend(concept_items(c, [Some(1), Some(1), Some(5)]));
    }
    pairs.extend(concept_items("transparantie", [Some(1), WN, WN]));
    pairs.extend(concept_items("vertrouwen", [Some(5), Some(5), Some(1)]));
    let r = report(&[resp(&json!({ "answers": answers_owned(&pairs) }))]);
    some_close(r.concept_mean(Concept::Vertrouwen), 5.0);
    assert_eq!(r.concept_mean(Concept::Transparantie), None);
    assert_eq!(r.trust.foundation, None);
    assert_eq!(r.trust.gap, None);
    assert_eq!(r.trust.flag, None);
    assert!(!r.advice.iter().any(|a| matches!(a.when, Trigger::Trust(_))));
}

// ---------------------------------------------------------------- ladder

fn ladder(current: Option<&str>, desired: Option<&str>) -> Response {
    resp(&json!({ "ladder": {"current": current, "desired": desired} }))
}

#[test]
fn ladder_counts_and_mean_gap() {
    // Rung indices: loslaten 0, faciliteren 1, stimuleren 2, regisseren 3, reguleren 4.
    // regisseren -> faciliteren: 3 - 1 = 2; regisseren -> regisseren: 0;
    // stimuleren -> regisseren: 2 - 3 = -1; regisseren -> (none): no gap;
    // (none) -> loslaten: no gap.
    // current: stimuleren 1, regisseren 3; desired: loslaten 1, faciliteren 1, regisseren 2.
    // mean gap = (2 + 0 - 1) / 3 = 1/3 -> no te_hoog; current rungs 2..3 -> no geen_beeld.
    let r = report(&[
        ladder(Some("regisseren"), Some("faciliteren")),
        ladder(Some("regisseren"), Some("regisseren")),
        ladder(Some("stimuleren"), Some("regisseren")),
        ladder(Some("regisseren"), None),
        ladder(None, Some("loslaten")),
    ]);
    let expect = |pairs: [usize; 5]| -> Vec<(Rung, usize)> {
        Rung::ALL.iter().copied().zip(pairs).collect()
    };
    let counts = |m: &std::collections::BTreeMap<Rung, usize>| -> Vec<(Rung, usize)> {
        m.iter().map(|(r, n)| (*r, *n)).collect()
    };
    assert_eq!(counts(&r.ladder.current), expect([0, 0, 1, 3, 0]));
    assert_eq!(counts(&r.ladder.desired), expect([1, 1, 0, 2, 0]));
    some_close(r.ladder.mean_gap, 1.0 / 3.0);
    assert!(r.ladder.flags.is_empty(), "{:?}", r.ladder.flags);

    // Nobody answered both: no mean gap, no flags.
    let r = report(&[
        ladder(Some("reguleren"), None),
        ladder(None, Some("loslaten")),
    ]);
    assert_eq!(r.ladder.mean_gap, None);
    assert!(r.ladder.flags.is_empty());
}

#[test]
fn ladder_te_hoog_at_exactly_half_a_rung() {
    // gaps: regisseren -> stimuleren = 1, stimuleren -> stimuleren = 0 -> mean 0.5 -> te_hoog.
    let r = report(&[
        ladder(Some("regisseren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.mean_gap, 0.5);
    assert_eq!(r.ladder.flags, vec![LadderFlag::TeHoog]);

    // gaps 1, 0, 0, 0 -> 0.25 -> no flag.
    let r = report(&[
        ladder(Some("regisseren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.mean_gap, 0.25);
    assert!(r.ladder.flags.is_empty());
}

#[test]
fn ladder_te_laag_at_exactly_minus_half_a_rung() {
    // gaps: faciliteren -> stimuleren = 1 - 2 = -1, stimuleren -> stimuleren = 0 -> -0.5 -> te_laag.
    let r = report(&[
        ladder(Some("faciliteren"), Some("stimuleren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.mean_gap, -0.5);
    assert_eq!(r.ladder.flags, vec![LadderFlag::TeLaag]);
}

#[test]
fn ladder_geen_beeld_two_rungs_apart() {
    // current loslaten (0) and stimuleren (2): 2 rungs apart -> geen_beeld; gaps 0, 0.
    let r = report(&[
        ladder(Some("loslaten"), Some("loslaten")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    some_close(r.ladder.mean_gap, 0.0);
    assert_eq!(r.ladder.flags, vec![LadderFlag::GeenBeeld]);

    // One rung apart (faciliteren, stimuleren): a shared picture.
    let r = report(&[
        ladder(Some("faciliteren"), Some("faciliteren")),
        ladder(Some("stimuleren"), Some("stimuleren")),
    ]);
    assert!(r.ladder.flags.is_empty());
}

#[test]
fn ladder_two_flags_at_once() {
    // current stimuleren (2) and reguleren (4): 2 apart -> geen_beeld;
    // both want faciliteren (1): gaps 1 and 3 -> mean 2 -> te_hoog.
    let r = report(&[
        ladder(Some("stimuleren"), Some("faciliteren")),
        ladder(Some("reguleren"), Some("faciliteren")),
    ]);
    some_close(r.ladder.mean_gap, 2.0);
    assert_eq!(
        r.ladder.flags,
        vec![LadderFlag::TeHoog, LadderFlag::GeenBeeld]
    );
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["ladder"]["flags"], json!(["te_hoog", "geen_beeld"]));

    // current loslaten (0) and stimuleren (2), both want reguleren (4): gaps -4 and -2
    // -> mean -3 -> te_laag, and geen_beeld.
    let r = report(&[
        ladder(Some("loslaten"), Some("reguleren")),
        ladder(Some("stimuleren"), Some("reguleren")),
    ]);
    some_close(r.ladder.mean_gap, -3.0);
    assert_eq!(
        r.ladder.flags,
        vec![LadderFlag::TeLaag, LadderFlag::GeenBeeld]
    );
}

// ---------------------------------------------------------------- coverage

fn member(organisation: &str, roles: &[&str]) -> Response {
    resp(&json!({ "respondent": {"alias": "", "organisation": organisation, "roles": roles} }))
}

fn holders(r: &Report, role: Role) -> Vec<String> {
    r.coverage.holders.get(&role).cloned().unwrap_or_default()
}

#[test]
fn coverage_with_a_missing_role() {
    // Gemeente: eigenaar (two respondents, count once); Zorg BV: oplosser.
    // veroorzaker: nobody -> missing; 2 organisations -> advice for the missing role.
    let r = report(&[
        member("Gemeente", &["eigenaar"]),
        member("Gemeente", &["eigenaar"]),
        member("Zorg BV", &["oplosser"]),
    ]);
    assert_eq!(holders(&r, Role::Eigenaar), vec!["Gemeente"]);
    assert_eq!(holders(&r, Role::Veroorzaker), Vec::<String>::new());
    assert_eq!(holders(&r, Role::Oplosser), vec!["Zorg BV"]);
    assert_eq!(r.coverage.missing, vec![Role::Veroorzaker]);
    assert_eq!(r.coverage.organisations, 2);
    assert!(advice_ids(&r).contains(&"advies-rol-veroorzaker"));
    assert!(!advice_ids(&r).contains(&"advies-rol-eigenaar"));
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["coverage"]["eigenaar"], json!(["Gemeente"]));
    assert_eq!(json["coverage"]["veroorzaker"], json!([]));
    assert_eq!(json["coverage"]["missing"], json!(["veroorzaker"]));
}

#[test]
fn coverage_groups_organisations_case_insensitively_keeping_the_first_spelling() {
    // "Gemeente" and "gemeente" (and " GEMEENTE ") are one organisation, known by the first
    // spelling "Gemeente". Its second respondent adds oplosser.
    let r = report(&[
        member("Gemeente", &["eigenaar"]),
        member("gemeente", &["eigenaar", "oplosser"]),
        member(" GEMEENTE ", &["veroorzaker"]),
        member("Zorg BV", &["oplosser"]),
    ]);
    assert_eq!(r.coverage.organisations, 2);
    assert_eq!(holders(&r, Role::Eigenaar), vec!["Gemeente"]);
    assert_eq!(holders(&r, Role::Veroorzaker), vec!["Gemeente"]);
    assert_eq!(holders(&r, Role::Oplosser), vec!["Gemeente", "Zorg BV"]);
    assert!(r.coverage.missing.is_empty());
    let orgs: Vec<(&str, usize)> = r
        .interests
        .iter()
        .map(|o| (o.organisation.as_str(), o.respondents))
        .collect();
    assert_eq!(orgs, vec![("Gemeente", 3), ("Zorg BV", 1)]);
}

#[test]
fn merged_groups_keep_the_first_spelling_by_sequence() {
    // The first respondent (seq 0) writes "Gemeente" but lands in the group merged last.
    let (first, second) = (
        member("Gemeente", &["eigenaar"]),
        member("gemeente", &["oplosser"]),
    );
    let mut late = Group::new(Instrument::builtin());
    late.add_numbered(&first, 0);
    let mut early = Group::new(Instrument::builtin());
    early.add_numbered(&second, 1);
    early.merge(late);
    let r = early.report();
    assert_eq!(r.respondents, 2);
    assert_eq!(holders(&r, Role::Eigenaar), vec!["Gemeente"]);
    assert_eq!(holders(&r, Role::Oplosser), vec!["Gemeente"]);
    assert_eq!(r.interests[0].organisation, "Gemeente");
    assert_eq!(r.interests[0].respondents, 2);
}

#[test]
fn a_missing_role_is_advised_only_from_two_organisations() {
    // Two respondents of one organisation: every role missing, but no role advice yet.
    let r = report(&[member("Gemeente", &[]), member("Gemeente", &[])]);
    assert_eq!(r.coverage.organisations, 1);
    assert_eq!(
        r.coverage.missing,
        vec![Role::Eigenaar, Role::Veroorzaker, Role::Oplosser]
    );
    assert!(!r.advice.iter().any(|a| matches!(a.when, Trigger::Role(_))));
}

// ---------------------------------------------------------------- interests

fn partner(organisation: &str, interests: &Value) -> Response {
    resp(&json!({
        "respondent": {"organisation": organisation},
        "interests": interests
    }))
}

#[test]
fn interests_per_organisation() {
    let r = report(&[
        // Gemeente (2 respondents): interest (4 + 5) / 2 = 4.5, give (4 + 5) / 2 = 4.5,
        // take (2 + 3) / 2 = 2.5, passion (3 + null) = 3, balance 4.5 - 2.5 = 2.0 -> onbalans.
        // Influence: resources (5 + 4) / 2 = 4.5, authority (1 + 2) / 2 = 1.5,
        // information null, null -> none, communication 3.
        partner(
            "Gemeente",
            &json!({"interest": 4, "give": 4, "take": 2, "passion": 3,
                    "influence": {"resources": 5, "authority": 1, "information": null, "communication": 3}}),
        ),
        partner(
            "Gemeente",
            &json!({"interest": 5, "give": 5, "take": 3, "passion": null,
                    "influence": {"resources": 4, "authority": 2, "communication": 3}}),
        ),
        // Zorg BV: interest (1 + 3) / 2 = 2, give (2 + 2) / 2 = 2, take 2 -> balance 0;
        // interest 2 <= 2 and give 2 <= 2 -> loslaten?.
        partner("Zorg BV", &json!({"interest": 1, "give": 2, "take": 2})),
        partner("Zorg BV", &json!({"interest": 3, "give": 2, "take": 2})),
        // School: give 1, take 3 -> balance -2 -> onbalans; interest 3 -> not loslaten?.
        partner("School", &json!({"interest": 3, "give": 1, "take": 3})),
        // Welzijn: interest 2, give (2 + 3) / 2 = 2.5 > 2 -> not loslaten?;
        // take (1 + 2) / 2 = 1.5 -> balance 1.0 -> no flags.
        partner("Welzijn", &json!({"interest": 2, "give": 2, "take": 1})),
        partner("Welzijn", &json!({"interest": 2, "give": 3, "take": 2})),
    ]);
    let find = |name: &str| {
        r.interests
            .iter()
            .find(|o| o.organisation == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", r.interests))
    };
    assert_eq!(r.interests.len(), 4);

    let g = find("Gemeente");
    assert_eq!(g.respondents, 2);
    some_close(g.interest, 4.5);
    some_close(g.give, 4.5);
    some_close(g.take, 2.5);
    some_close(g.passion, 3.0);
    some_close(g.balance, 2.0);
    some_close(g.influence[&InfluenceSource::Resources], 4.5);
    some_close(g.influence[&InfluenceSource::Authority], 1.5);
    assert_eq!(g.influence[&InfluenceSource::Information], None);
    some_close(g.influence[&InfluenceSource::Communication], 3.0);
    assert_eq!(g.flags, vec![InterestFlag::Onbalans]);

    let z = find("Zorg BV");
    assert_eq!(z.respondents, 2);
    some_close(z.interest, 2.0);
    some_close(z.give, 2.0);
    some_close(z.balance, 0.0);
    assert_eq!(z.passion, None);
    assert_eq!(z.flags, vec![InterestFlag::Loslaten]);

    let s = find("School");
    some_close(s.balance, -2.0);
    assert_eq!(s.flags, vec![InterestFlag::Onbalans]);

    let w = find("Welzijn");
    some_close(w.give, 2.5);
    some_close(w.balance, 1.0);
    assert!(w.flags.is_empty(), "{:?}", w.flags);

    let json = serde_json::to_value(&r).expect("serialises");
    let zorg = json["interests"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|o| o["organisation"] == "Zorg BV")
        .expect("Zorg BV");
    assert_eq!(zorg["flags"], json!(["loslaten?"]));

    // Influence over all respondents: resources 5, 4 -> 4.5 (n 2); information nobody.
    let inf = &r.influence[&InfluenceSource::Resources];
    assert_eq!(inf.n, 2);
    some_close(inf.mean, 4.5);
    assert_eq!(r.influence[&InfluenceSource::Information].n, 0);

    // Advice: severity 4 + 2 x max |balance| = 4 + 2 x 2 = 8 for onbalans, naming both
    // organisations; 6 for loslaten?.
    let onbalans = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Interests(InterestFlag::Onbalans))
        .expect("onbalans advice");
    close(onbalans.severity, 8.0);
    let mut subjects = onbalans.subjects.clone();
    subjects.sort();
    assert_eq!(subjects, vec!["Gemeente", "School"]);
    let loslaten = r
        .advice
        .iter()
        .find(|a| a.when == Trigger::Interests(InterestFlag::Loslaten))
        .expect("loslaten advice");
    close(loslaten.severity, 6.0);
    assert_eq!(loslaten.subjects, vec!["Zorg BV"]);
}

#[test]
fn balance_just_under_two_is_not_onbalans() {
    // give (4 + 5) / 2 = 4.5, take (3 + 3) / 2 = 3 -> 1.5.
    let r = report(&[
        partner("A", &json!({"give": 4, "take": 3})),
        partner("A", &json!({"give": 5, "take": 3})),
    ]);
    some_close(r.interests[0].balance, 1.5);
    assert!(r.interests[0].flags.is_empty());
    // interest 3 (2 + 4) / 2, give 2: not loslaten? (interest > 2).
    let r = report(&[
        partner("A", &json!({"interest": 2, "give": 2})),
        partner("A", &json!({"interest": 4, "give": 2})),
    ]);
    assert!(r.interests[0].flags.is_empty());
    assert_eq!(r.interests[0].balance, None, "no take, no balance");
}

// ---------------------------------------------------------------- priority

#[test]
fn priority_with_and_without_importance_and_ties_by_spread() {
    // Two respondents.
    // respect: 3 and 3 -> mean 3, sd 0; nobody rated importance -> 3 x (5 - 3) = 6.
    // vrijheid: 2 (2, 2, 4) and 4 (4, 4, 2) -> mean 3, sd sqrt(2); unrated -> 6.
    //   Tie with respect: the larger spread (vrijheid) goes first.
    // verantwoording: 10/3 (4, 3, 3) twice; importance 5 and 4 -> 4.5 -> 4.5 x 5/3 = 7.5.
    // transparantie: 4 (4, 4, 2) twice; importance 2 and null -> 2 -> 2 x 1 = 2.
    // vertrouwen: 5 (5, 5, 1) twice; unrated -> 3 x 0 = 0.
    // gelijkwaardigheid: no score -> no priority, not ranked.
    let one =
        |vrijheid: [Option<u8>; 3], verantwoording_importance: u8, transparantie: Option<u8>| {
            let mut pairs = concept_items("respect", [Some(3), Some(3), Some(3)]);
            pairs.extend(concept_items("vrijheid", vrijheid));
            pairs.extend(concept_items("verantwoording", [Some(4), Some(3), Some(3)]));
            pairs.extend(concept_items("transparantie", [Some(4), Some(4), Some(2)]));
            pairs.extend(concept_items("vertrouwen", [Some(5), Some(5), Some(1)]));
            resp(&json!({
                "answers": answers_owned(&pairs),
                "importance": {"verantwoording": verantwoording_importance,
                               "transparantie": transparantie,
                               "respect": null}
            }))
        };
    let r = report(&[
        one([Some(2), Some(2), Some(4)], 5, Some(2)),
        one([Some(4), Some(4), Some(2)], 4, None),
    ]);
    let c = |k: Concept| concept(&r, k);
    assert_eq!(c(Concept::Respect).importance, None);
    some_close(c(Concept::Respect).priority, 6.0);
    some_close(c(Concept::Vrijheid).priority, 6.0);
    some_close(c(Concept::Vrijheid).stats.sd, 2f64.sqrt());
    some_close(c(Concept::Verantwoording).importance, 4.5);
    some_close(c(Concept::Verantwoording).priority, 7.5);
    some_close(c(Concept::Transparantie).importance, 2.0);
    some_close(c(Concept::Transparantie).priority, 2.0);
    some_close(c(Concept::Vertrouwen).priority, 0.0);
    assert_eq!(c(Concept::Gelijkwaardigheid).priority, None);
    assert_eq!(
        r.priorities,
        vec![
            Concept::Verantwoording,
            Concept::Vrijheid,
            Concept::Respect,
            Concept::Transparantie,
            Concept::Vertrouwen,
        ]
    );
}

// ---------------------------------------------------------------- advice

#[test]
fn advice_order_for_a_constructed_case() {
    // Two organisations, A and B.
    // respect: 2 (2, 2, 4 -> 2) for both, importance 5 -> priority 5 x (5 - 2) = 15, zorg.
    // vrijheid: 13/3 (5, 4, 2 -> 4) for both, importance 5 -> sterk: no advice although
    //   its priority is 5 x 2/3 = 3.33.
    // ladder: both regisseren -> stimuleren: mean gap 1 -> te_hoog, 6 + 4 x 1 = 10.
    // roles: A eigenaar, B oplosser -> veroorzaker missing with 2 organisations -> 12.
    // interests: A give 5, take 1 -> balance 4 -> onbalans 4 + 2 x 4 = 12; B 3, 3, 3.
    // 12 and 12 tie with no spread: model order puts the role before interests.
    // Nothing else: other concepts and modules have no score, foundation is missing.
    let member = |org: &str, role: &str, give: u8, take: u8| {
        let mut pairs = concept_items("respect", [Some(2), Some(2), Some(4)]);
        pairs.extend(concept_items("vrijheid", [Some(5), Some(4), Some(2)]));
        resp(&json!({
            "respondent": {"organisation": org, "roles": [role]},
            "answers": answers_owned(&pairs),
            "importance": {"respect": 5, "vrijheid": 5},
            "ladder": {"current": "regisseren", "desired": "stimuleren"},
            "interests": {"interest": 3, "give": give, "take": take}
        }))
    };
    let r = report(&[member("A", "eigenaar", 5, 1), member("B", "oplosser", 3, 3)]);
    assert_eq!(concept(&r, Concept::Vrijheid).stats.band, Some(Band::Sterk));
    let got: Vec<(&str, Trigger, f64)> = r
        .advice
        .iter()
        .map(|a| (a.id.as_str(), a.when, a.severity))
        .collect();
    let expected = [
        ("advies-respect", Trigger::Concept(Concept::Respect), 15.0),
        (
            "advies-rol-veroorzaker",
            Trigger::Role(Role::Veroorzaker),
            12.0,
        ),
        (
            "advies-belangen-onbalans",
            Trigger::Interests(InterestFlag::Onbalans),
            12.0,
        ),
        (
            "advies-ladder-te-hoog",
            Trigger::Ladder(LadderFlag::TeHoog),
            10.0,
        ),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((id, when, severity), (eid, ewhen, esev)) in got.iter().zip(expected) {
        assert_eq!((*id, *when), (eid, ewhen));
        close(*severity, esev);
    }
    // The top three, as shown first.
    assert_eq!(
        advice_ids(&r)[..3],
        [
            "advies-respect",
            "advies-rol-veroorzaker",
            "advies-belangen-onbalans"
        ]
    );
    assert_eq!(r.advice[0].subjects, vec!["respect"]);
    assert_eq!(r.advice[2].subjects, vec!["A"]);
    assert!(
        !advice_ids(&r).contains(&"advies-vrijheid"),
        "vrijheid is sterk"
    );
    // Texts come from the instrument.
    let def = instrument()
        .advice(Trigger::Concept(Concept::Respect))
        .expect("advice");
    assert_eq!(r.advice[0].title, def.title);
    assert_eq!(r.advice[0].source, def.source);
}

#[test]
fn advice_severities_of_modules_trust_geen_beeld_and_loslaten() {
    // Two respondents of one organisation "A" (so no role advice), identical answers:
    // foundation: every concept 4, 4, 2 (-> 4) = 4, sterk: no concept advice.
    // vertrouwen: 2, 2, 4 (-> 2) = 2 -> gap 2 - 4 = -2 -> achter, 6 + 4 x 2 = 14;
    //   and the concept itself: zorg, unrated -> 3 x (5 - 2) = 9.
    // opgave: 2, 4 (opgave-2 reverse -> 2), 2, 2, 2, 2 = 2 -> 3 x (5 - 2) = 9; organisatie unanswered.
    //   Tie at 9 with no spread: the concept comes before the module (model order).
    // ladder: current loslaten (0) and reguleren (4) -> 4 apart -> geen_beeld 4 + 2 x 4 = 12;
    //   desired equal to current -> mean gap 0 -> no te_hoog / te_laag.
    // interests: interest 1, give 2, take 2 -> loslaten? -> 6; balance 0.
    let member = |rung: &str| {
        let mut pairs = Vec::new();
        for c in Concept::FOUNDATION {
            pairs.extend(concept_items(c.id(), [Some(4), Some(4), Some(2)]));
        }
        pairs.extend(concept_items("vertrouwen", [Some(2), Some(2), Some(4)]));
        for (i, v) in [2, 4, 2, 2, 2, 2].into_iter().enumerate() {
            pairs.push((format!("opgave-{}", i + 1), Some(v)));
        }
        resp(&json!({
            "respondent": {"organisation": "A"},
            "answers": answers_owned(&pairs),
            "ladder": {"current": rung, "desired": rung},
            "interests": {"interest": 1, "give": 2, "take": 2}
        }))
    };
    let r = report(&[member("loslaten"), member("reguleren")]);
    some_close(r.module_mean(Module::Opgave), 2.0);
    // relaties: (5 x 3 x 4 + 3 x 2) / 18 = 66/18 = 11/3; it has no advice of its own.
    some_close(r.module_mean(Module::Relaties), 11.0 / 3.0);
    let got: Vec<(&str, f64)> = r
        .advice
        .iter()
        .map(|a| (a.id.as_str(), a.severity))
        .collect();
    let expected = [
        ("advies-vertrouwen-achter", 14.0),
        ("advies-ladder-geen-beeld", 12.0),
        ("advies-vertrouwen", 9.0),
        ("advies-opgave", 9.0),
        ("advies-belangen-loslaten", 6.0),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((id, severity), (eid, esev)) in got.iter().zip(expected) {
        assert_eq!(*id, eid);
        close(*severity, esev);
    }
}

#[test]
fn no_advice_for_a_sterk_concept() {
    // respect exactly 4 as a group mean (13/3 and 11/3), importance 5: priority 5 x 1 = 5
    // but band sterk -> no advice. transparantie 3 (aandacht) -> advice with 3 x 2 = 6.
    let one = |respect: [Option<u8>; 3]| {
        let mut pairs = concept_items("respect", respect);
        pairs.extend(concept_items("transparantie", [Some(3); 3]));
        resp(&json!({"answers": answers_owned(&pairs), "importance": {"respect": 5}}))
    };
    let r = report(&[
        one([Some(5), Some(4), Some(2)]),
        one([Some(4), Some(3), Some(2)]),
    ]);
    some_close(concept(&r, Concept::Respect).priority, 5.0);
    assert_eq!(concept(&r, Concept::Respect).stats.band, Some(Band::Sterk));
    assert_eq!(advice_ids(&r), vec!["advies-transparantie"]);
    close(r.advice[0].severity, 6.0);
    // Priority still ranks it: respect 5 < transparantie 6.
    assert_eq!(r.priorities, vec![Concept::Transparantie, Concept::Respect]);
}

// ---------------------------------------------------------------- the examples

#[test]
fn the_example_group() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let responses: Vec<Response> = paths
        .iter()
        .map(|p| {
            Response::from_json(&std::fs::read_to_string(p).expect("read"), instrument())
                .expect("valid example")
        })
        .collect();
    let r = report(&responses);
    assert_eq!(r.respondents, 5);
    // Per respondent (Anna, Bram, Chris, Dewi, Eva), see cli/tests/cli.rs for the workings:
    // gelijkwaardigheid 13/3, 10/3, 3, 5/3, 7/2 -> 19/6
    some_close(r.concept_mean(Concept::Gelijkwaardigheid), 19.0 / 6.0);
    // respect 4, 10/3, 3, 7/3, 3 -> 47/15
    some_close(r.concept_mean(Concept::Respect), 47.0 / 15.0);
    // vrijheid 13/3, 3, 3, 5/3, 11/3 -> 47/15
    some_close(r.concept_mean(Concept::Vrijheid), 47.0 / 15.0);
    // verantwoording 11/3, 10/3, 3, 10/3, 4 -> 52/15
    some_close(r.concept_mean(Concept::Verantwoording), 52.0 / 15.0);
    // transparantie 4, 3, 2, 8/3, 11/3 -> 46/15
    some_close(r.concept_mean(Concept::Transparantie), 46.0 / 15.0);
    // vertrouwen 11/3, 10/3, 3, 8/3, 11/3 -> 49/15
    some_close(r.concept_mean(Concept::Vertrouwen), 49.0 / 15.0);
    // opgave 23/6, 19/6, 3, 7/3, 3 -> 46/15; organisatie 4, 3, 9/4, 11/5, 3 -> 289/100;
    // relaties 4, 29/9, 20/7, 43/18, 29/8 -> 8111/2520.
    some_close(r.module_mean(Module::Opgave), 46.0 / 15.0);
    some_close(r.module_mean(Module::Organisatie), 2.89);
    some_close(r.module_mean(Module::Relaties), 8111.0 / 2520.0);
    // foundation (19/6 + 47/15 + 47/15 + 52/15 + 46/15) / 5 = 479/150; gap 49/15 - 479/150 = 11/150.
    some_close(r.trust.foundation, 479.0 / 150.0);
    some_close(r.trust.gap, 11.0 / 150.0);
    assert_eq!(r.trust.flag, None);
    // ladder gaps 0, 1, 3, 2 (Eva has no current rung) -> 6/4 = 1.5 -> te_hoog.
    some_close(r.ladder.mean_gap, 1.5);
    assert_eq!(r.ladder.flags, vec![LadderFlag::TeHoog]);
    assert_eq!(r.coverage.missing, vec![Role::Veroorzaker]);
    // te_hoog 6 + 4 x 1.5 = 12, veroorzaker 12, onbalans 4 + 2 x |-4| = 12: model order.
    assert_eq!(
        advice_ids(&r)[..3],
        [
            "advies-ladder-te-hoog",
            "advies-rol-veroorzaker",
            "advies-belangen-onbalans"
        ]
    );
}

#[test]
fn ties_stay_ties_whatever_the_order_of_respondents() {
    // Three respondents of organisation "A":
    // respect: 1 (1, 1, 5 -> 1), 10/3 (4, 3, 3 -> 3), 14/3 (5, 4, 1 -> 5)
    //   -> mean (3/3 + 10/3 + 14/3) / 3 = 27/9 = 3, priority 3 x (5 - 3) = 6 (unrated);
    //   deviations -2, 1/3, 5/3 -> squares 36/9 + 1/9 + 25/9 = 62/9, variance 31/9,
    //   sd sqrt(31)/3 = 1.86.
    // vrijheid: 3 (3, 3, 3) for all three -> mean 3, sd 0, priority 6.
    // interests: interest 2, give 2 -> loslaten? -> severity 6.
    // A three-way tie at 6: respect first (largest spread), then vrijheid and loslaten?
    // (no spread) in model order, concept before interests. This must hold for every
    // order of the respondents: computed means such as 2.9999999999999996 or
    // 3.0000000000000004 are still 3.
    let scores = [
        [Some(1), Some(1), Some(5)],
        [Some(4), Some(3), Some(3)],
        [Some(5), Some(4), Some(1)],
    ];
    let respondent = |respect: [Option<u8>; 3]| {
        let mut pairs = concept_items("respect", respect);
        pairs.extend(concept_items("vrijheid", [Some(3); 3]));
        resp(&json!({
            "respondent": {"organisation": "A"},
            "answers": answers_owned(&pairs),
            "interests": {"interest": 2, "give": 2, "take": 2}
        }))
    };
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let rs: Vec<Response> = order.iter().map(|&i| respondent(scores[i])).collect();
        let r = report(&rs);
        some_close(r.concept_mean(Concept::Respect), 3.0);
        some_close(concept(&r, Concept::Respect).stats.sd, 31f64.sqrt() / 3.0);
        some_close(concept(&r, Concept::Respect).priority, 6.0);
        assert_eq!(
            r.priorities,
            vec![Concept::Respect, Concept::Vrijheid],
            "order {order:?}"
        );
        assert_eq!(
            advice_ids(&r),
            vec![
                "advies-respect",
                "advies-vrijheid",
                "advies-belangen-loslaten"
            ],
            "order {order:?}: {:?}",
            r.advice.iter().map(|a| a.severity).collect::<Vec<_>>()
        );
    }
}
