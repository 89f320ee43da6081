//! Properties of scoring and the response format over random responses.

use netwerkregie::group::{ConceptStats, OrganisationInterests, Report};
use netwerkregie::{
    Concept, Group, InfluenceSource, Instrument, InterestQuestion, Response, Rung, Scores, Stats,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::{json, Map, Value};

const ROLES: &[&str] = &["eigenaar", "veroorzaker", "oplosser"];
/// Organisation names that differ other than by case, plus the empty name (the alias is used).
const ORGS: &[&str] = &["Gemeente", "Zorg BV", "Woonstichting", "School", ""];
const ALIASES: &[&str] = &["Anna", "Bram", ""];

fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 128,
        // Integration tests have no lib.rs to store regressions beside; failures print
        // the minimal input instead.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// 1..5 or null ("weet niet").
fn likert() -> impl Strategy<Value = Value> {
    prop_oneof![1 => Just(Value::Null), 5 => (1u8..=5).prop_map(Value::from)]
}

/// `Some(value)` puts the key in the object, `None` leaves it out.
fn object(keys: &[&str], values: Vec<Option<Value>>) -> Value {
    let map: Map<String, Value> = keys
        .iter()
        .zip(values)
        .filter_map(|(k, v)| v.map(|v| ((*k).to_owned(), v)))
        .collect();
    Value::Object(map)
}

fn rung() -> impl Strategy<Value = Value> {
    option::of(0..Rung::ALL.len())
        .prop_map(|i| i.map_or(Value::Null, |i| Value::from(Rung::ALL[i].id())))
}

/// A random response as JSON: a random subset of the items with values 1..5 or null,
/// random importance, ladder, interests, influence, roles and organisation.
fn response_value() -> impl Strategy<Value = Value> {
    let n_items = instrument().items().len();
    (
        vec(option::of(likert()), n_items),
        vec(option::of(likert()), Concept::ALL.len()),
        (rung(), rung()),
        vec(option::of(likert()), InterestQuestion::ALL.len()),
        vec(option::of(likert()), InfluenceSource::ALL.len()),
        subsequence(ROLES.to_vec(), 0..=ROLES.len()),
        select(ORGS),
        select(ALIASES),
    )
        .prop_map(
            |(items, importance, (current, desired), interests, influence, roles, org, alias)| {
                let ids: Vec<&str> = instrument().items().iter().map(|i| i.id.as_str()).collect();
                let concepts: Vec<&str> = Concept::ALL.iter().map(|c| c.id()).collect();
                let questions: Vec<&str> = InterestQuestion::ALL.iter().map(|q| q.id()).collect();
                let sources: Vec<&str> = InfluenceSource::ALL.iter().map(|s| s.id()).collect();
                let mut interests = object(&questions, interests);
                interests["influence"] = object(&sources, influence);
                json!({
                    "format": "netwerkscan-response",
                    "version": 1,
                    "instrument": {"id": "netwerkscan", "version": "1"},
                    "respondent": {"alias": alias, "organisation": org, "roles": roles},
                    "answers": object(&ids, items),
                    "importance": object(&concepts, importance),
                    "ladder": {"current": current, "desired": desired},
                    "interests": interests
                })
            },
        )
}

fn response() -> impl Strategy<Value = Response> {
    response_value().prop_map(|v| {
        Response::from_value(v.clone(), instrument())
            .unwrap_or_else(|e| panic!("generated response is invalid: {e}\n{v}"))
    })
}

fn responses() -> impl Strategy<Value = Vec<Response>> {
    vec(response(), 0..12)
}

// ---------------------------------------------------------------- (a) ranges

fn on_scale(x: f64) -> bool {
    (1.0..=5.0).contains(&x)
}

fn check_stats(what: &str, s: &Stats) -> Result<(), TestCaseError> {
    for (name, v) in [("mean", s.mean), ("min", s.min), ("max", s.max)] {
        if let Some(v) = v {
            prop_assert!(on_scale(v), "{what}.{name} = {v}");
        }
    }
    if let Some(sd) = s.sd {
        prop_assert!(sd >= 0.0 && sd.is_finite(), "{what}.sd = {sd}");
    }
    if let (Some(lo), Some(m), Some(hi)) = (s.min, s.mean, s.max) {
        prop_assert!(
            lo <= m + 1e-9 && m <= hi + 1e-9,
            "{what}: {lo} <= {m} <= {hi}"
        );
    }
    prop_assert_eq!(s.mean.is_some(), s.n > 0, "{}: mean only with n > 0", what);
    prop_assert_eq!(s.band.is_some(), s.n > 0, "{}: band only with n > 0", what);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scores_and_group_statistics_stay_on_the_scale(rs in responses()) {
        for r in &rs {
            let s = Scores::of(instrument(), r);
            for v in s.concepts.iter().chain(&s.modules).flatten() {
                prop_assert!(on_scale(*v), "score {v}");
            }
        }
        let report = Group::report_of(instrument(), &rs);
        prop_assert_eq!(report.respondents, rs.len());
        for (c, s) in &report.concepts {
            check_stats(c.id(), &s.stats)?;
            prop_assert!(s.stats.n <= rs.len());
            if let Some(i) = s.importance {
                prop_assert!(on_scale(i), "importance {i}");
            }
            if let Some(p) = s.priority {
                prop_assert!((0.0..=20.0).contains(&p), "priority {p}");
            }
        }
        for (m, s) in &report.modules {
            check_stats(m.id(), s)?;
        }
        for (src, s) in &report.influence {
            check_stats(src.id(), s)?;
        }
        for o in &report.interests {
            for v in [o.interest, o.give, o.take, o.passion].into_iter().flatten() {
                prop_assert!(on_scale(v), "{}: {v}", o.organisation);
            }
            for v in o.influence.values().flatten() {
                prop_assert!(on_scale(*v), "{}: {v}", o.organisation);
            }
            if let Some(b) = o.balance {
                prop_assert!((-4.0..=4.0).contains(&b));
            }
        }
        let counted: usize = report.ladder.current.values().sum();
        prop_assert!(counted <= rs.len());
        if let Some(g) = report.ladder.mean_gap {
            prop_assert!((-4.0..=4.0).contains(&g));
        }
        if let Some(f) = report.trust.foundation {
            prop_assert!(on_scale(f));
        }
    }
}

// ---------------------------------------------------------------- (b) order

fn close_opt(what: &str, a: Option<f64>, b: Option<f64>) -> Result<(), TestCaseError> {
    match (a, b) {
        (None, None) => Ok(()),
        (Some(x), Some(y)) if (x - y).abs() < 1e-9 => Ok(()),
        _ => Err(TestCaseError::fail(format!("{what}: {a:?} != {b:?}"))),
    }
}

fn same_stats(what: &str, a: &Stats, b: &Stats) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.n, b.n, "{}.n", what);
    prop_assert_eq!(a.band, b.band, "{}.band", what);
    prop_assert_eq!(a.divergent, b.divergent, "{}.divergent", what);
    close_opt(&format!("{what}.mean"), a.mean, b.mean)?;
    close_opt(&format!("{what}.sd"), a.sd, b.sd)?;
    close_opt(&format!("{what}.min"), a.min, b.min)?;
    close_opt(&format!("{what}.max"), a.max, b.max)?;
    Ok(())
}

fn same_concept(what: &str, a: &ConceptStats, b: &ConceptStats) -> Result<(), TestCaseError> {
    same_stats(what, &a.stats, &b.stats)?;
    close_opt(&format!("{what}.importance"), a.importance, b.importance)?;
    close_opt(&format!("{what}.priority"), a.priority, b.priority)
}

fn same_interests(
    a: &OrganisationInterests,
    b: &OrganisationInterests,
) -> Result<(), TestCaseError> {
    let what = &a.organisation;
    prop_assert_eq!(&a.organisation, &b.organisation);
    prop_assert_eq!(a.respondents, b.respondents, "{}", what);
    prop_assert_eq!(&a.flags, &b.flags, "{}", what);
    close_opt(&format!("{what}.interest"), a.interest, b.interest)?;
    close_opt(&format!("{what}.give"), a.give, b.give)?;
    close_opt(&format!("{what}.take"), a.take, b.take)?;
    close_opt(&format!("{what}.passion"), a.passion, b.passion)?;
    close_opt(&format!("{what}.balance"), a.balance, b.balance)?;
    prop_assert_eq!(a.influence.len(), b.influence.len());
    for (s, v) in &a.influence {
        close_opt(
            &format!("{what}.{s}"),
            *v,
            b.influence.get(s).copied().flatten(),
        )?;
    }
    Ok(())
}

fn same_report(a: &Report, b: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.instrument, &b.instrument);
    prop_assert_eq!(a.respondents, b.respondents);
    prop_assert_eq!(a.concepts.len(), b.concepts.len());
    for (c, s) in &a.concepts {
        same_concept(c.id(), s, &b.concepts[c])?;
    }
    prop_assert_eq!(a.modules.len(), b.modules.len());
    for (m, s) in &a.modules {
        same_stats(m.id(), s, &b.modules[m])?;
    }
    prop_assert_eq!(a.influence.len(), b.influence.len());
    for (src, s) in &a.influence {
        same_stats(src.id(), s, &b.influence[src])?;
    }
    close_opt("trust.foundation", a.trust.foundation, b.trust.foundation)?;
    close_opt("trust.gap", a.trust.gap, b.trust.gap)?;
    prop_assert_eq!(a.trust.flag, b.trust.flag);
    prop_assert_eq!(&a.ladder.current, &b.ladder.current);
    prop_assert_eq!(&a.ladder.desired, &b.ladder.desired);
    close_opt("ladder.mean_gap", a.ladder.mean_gap, b.ladder.mean_gap)?;
    prop_assert_eq!(&a.ladder.flags, &b.ladder.flags);
    prop_assert_eq!(&a.coverage, &b.coverage);
    prop_assert_eq!(a.interests.len(), b.interests.len());
    for (x, y) in a.interests.iter().zip(&b.interests) {
        same_interests(x, y)?;
    }
    prop_assert_eq!(&a.priorities, &b.priorities);
    let ids = |r: &Report| r.advice.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let severities = |r: &Report| {
        r.advice
            .iter()
            .map(|x| format!("{} {:?}", x.id, x.severity))
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(ids(a), ids(b), "{:#?}\n{:#?}", severities(a), severities(b));
    for (x, y) in a.advice.iter().zip(&b.advice) {
        prop_assert!((x.severity - y.severity).abs() < 1e-9, "{}", x.id);
        let (mut sx, mut sy) = (x.subjects.clone(), y.subjects.clone());
        sx.sort();
        sy.sort();
        prop_assert_eq!(sx, sy, "{}", x.id);
    }
    Ok(())
}

fn with_shuffle() -> impl Strategy<Value = (Vec<Response>, Vec<Response>)> {
    responses().prop_flat_map(|rs| (Just(rs.clone()), Just(rs).prop_shuffle()))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_report_does_not_depend_on_the_order_of_respondents((rs, shuffled) in with_shuffle()) {
        let a = Group::report_of(instrument(), &rs);
        let b = Group::report_of(instrument(), &shuffled);
        same_report(&a, &b)?;
    }
}

proptest! {
    #![proptest_config(config())]

    /// Groups filled on several threads (here: round-robin batches of numbered
    /// responses) and merged in any order give the report of one group filled in order.
    #[test]
    fn merged_groups_give_the_same_report(rs in responses(), parts in 1usize..4, batch in 1usize..5) {
        let whole = Group::report_of(instrument(), &rs);
        let mut groups: Vec<Group> = (0..parts).map(|_| Group::new(instrument())).collect();
        for (seq, r) in rs.iter().enumerate() {
            groups[(seq / batch) % parts].add_numbered(r, seq as u64);
        }
        let mut merged = Group::new(instrument());
        for g in groups.into_iter().rev() {
            merged.merge(g);
        }
        let merged = merged.report();
        same_report(&whole, &merged)?;
        let names = |r: &Report| r.interests.iter().map(|o| o.organisation.clone()).collect::<Vec<_>>();
        prop_assert_eq!(names(&whole), names(&merged));
        prop_assert_eq!(&whole.coverage, &merged.coverage);
    }
}

// ---------------------------------------------------------------- (c) round trip

/// Free text, including quotes, backslashes, control characters and non-ASCII.
fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Zé\"\\\\\n\t ]{0,20}",]
}

fn response_with_text() -> impl Strategy<Value = Value> {
    (
        response_value(),
        btree_map(
            select(vec![
                "respect",
                "vertrouwen",
                "opgave",
                "ladder",
                "belangen",
            ]),
            free_text(),
            0..4,
        ),
        free_text(),
        free_text(),
        option::of(free_text()),
    )
        .prop_map(|(mut v, comments, alias, org, extra)| {
            v["comments"] = json!(comments);
            v["respondent"]["alias"] = json!(alias);
            v["respondent"]["organisation"] = json!(org);
            if let Some(extra) = extra {
                v["x-extra"] = json!({"text": extra, "n": [1, 2.5, null]});
                v["ladder"]["x-note"] = json!(extra);
            }
            v
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_json_round_trip_loses_nothing(v in response_with_text()) {
        let r = Response::from_value(v.clone(), instrument())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{v}")))?;
        let back = Response::from_json(&r.to_json_pretty(), instrument())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(back.to_value(), r.to_value());
        // Every field that was written comes back: the value read equals the input
        // wherever the input had the field.
        let written = r.to_value();
        for key in ["instrument", "answers", "importance", "comments", "x-extra"] {
            if let Some(x) = v.get(key) {
                prop_assert_eq!(Some(x), written.get(key), "{}", key);
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// Unknown fields hold whatever JSON a newer version (or a trainer) put there,
    /// numbers included: they come back exactly, however often the file is rewritten.
    #[test]
    fn unknown_fields_of_any_json_survive_the_round_trip(
        v in response_value(),
        top in arbitrary_json(),
        nested in arbitrary_json(),
    ) {
        let mut v = v;
        v["x-extra"] = top.clone();
        v["respondent"]["x-nested"] = nested.clone();
        let r = Response::from_json(&v.to_string(), instrument())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(r.extra.get("x-extra"), Some(&top));
        prop_assert_eq!(r.respondent.extra.get("x-nested"), Some(&nested));
        let back = Response::from_json(&r.to_json_pretty(), instrument())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &r);
    }
}

// ---------------------------------------------------------------- (d) no panics

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "format",
            "version",
            "instrument",
            "id",
            "answers",
            "respondent",
            "roles",
            "position",
            "importance",
            "comments",
            "ladder",
            "current",
            "desired",
            "interests",
            "influence",
            "give",
            "take",
            "opgave-1",
            "respect-3",
            "scores",
            "ladder_current",
            "ladder_desired",
        ])
        .prop_map(str::to_owned),
        "[a-z_-]{0,10}",
        any::<String>(),
    ]
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        (-2i8..=8).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        select(vec![
            "netwerkscan-response",
            "netwerkscan",
            "eigenaar",
            "regisseren",
            "kern"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid response with one field, at the top or one level down, replaced by anything.
fn mangled_response() -> impl Strategy<Value = Value> {
    (
        response_value(),
        key(),
        option::of(key()),
        arbitrary_json(),
        any::<u8>(),
    )
        .prop_map(|(mut v, k1, k2, junk, version)| {
            match k2 {
                Some(k2) if v.get(&k1).is_some_and(Value::is_object) => v[&k1][&k2] = junk,
                _ => v[&k1] = junk,
            }
            if version % 4 == 0 {
                v["version"] = json!(0);
            }
            v
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = Response::from_json(&text, instrument());
        let _ = Instrument::from_json(&text);
    }

    #[test]
    fn json_looking_text_never_panics(text in "[{}\\[\\]\":,0-9a-z .\\-eE]{0,80}") {
        let _ = Response::from_json(&text, instrument());
    }

    #[test]
    fn arbitrary_json_never_panics(v in arbitrary_json()) {
        if let Err(e) = Response::from_json(&v.to_string(), instrument()) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = Response::from_value(v, instrument());
    }

    #[test]
    fn a_mangled_response_never_panics(v in mangled_response()) {
        match Response::from_json(&v.to_string(), instrument()) {
            Ok(r) => {
                // Whatever was accepted can be reported and written back.
                let _ = Group::report_of(instrument(), std::slice::from_ref(&r));
                let back = Response::from_json(&r.to_json_pretty(), instrument());
                prop_assert!(back.is_ok(), "{:?}", back);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
