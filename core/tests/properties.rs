//! Properties of scoring, aggregation and the response format over random version 2
//! responses: scores stay on the scale, the report does not depend on the order of the
//! respondents, groups and splits filled apart and merged equal one filled in order,
//! the reader never panics, and round trips lose nothing.

mod common;

use common::instrument;
use netwerkregie::report::{ConceptStats, OrganisationInterests, Report, SplitGroup};
use netwerkregie::split::{Dimension, Splitter};
use netwerkregie::{
    Concept, Group, InfluenceSource, Instrument, InterestQuestion, Response, Scores, Stats,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Map, Value};

const ROLES: &[&str] = &["eigenaar", "veroorzaker", "oplosser"];
/// Organisation names, two of them equal but for case, and the empty name (the alias
/// stands in).
const ORGS: &[&str] = &[
    "Gemeente",
    "gemeente",
    "Zorg BV",
    "Woonstichting",
    "School",
    "",
];
const ALIASES: &[&str] = &["Anna", "Bram", ""];
const COMMENT_KEYS: &[&str] = &[
    "respect",
    "vertrouwen",
    "opgave",
    "ladder",
    "belangen",
    "opgave-wat",
    "eerste-stap",
];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
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

/// An id of `ids`, "weet niet" (null) or absent (`None`).
fn choice(ids: &'static [&'static str]) -> impl Strategy<Value = Option<Value>> {
    option::of(prop_oneof![
        1 => Just(Value::Null),
        4 => select(ids).prop_map(Value::from)
    ])
}

fn rung() -> impl Strategy<Value = Option<Value>> {
    const RUNGS: &[&str] = &[
        "loslaten",
        "faciliteren",
        "stimuleren",
        "regisseren",
        "reguleren",
    ];
    choice(RUNGS)
}

/// A random response as JSON: any subset of the statements with 1..5 or null, and
/// random importance, ladder, interests, influence, respondent and form.
fn response_value() -> impl Strategy<Value = Value> {
    let n = instrument().statement_count();
    let answers = (
        vec(option::of(likert()), n),
        vec(option::of(likert()), Concept::COUNT),
        (rung(), rung()),
        vec(option::of(likert()), InterestQuestion::COUNT),
        vec(option::of(likert()), InfluenceSource::COUNT),
    );
    let respondent = (
        subsequence(ROLES.to_vec(), 0..=ROLES.len()),
        select(ORGS),
        select(ALIASES),
        choice(&["kern", "ring"]),
        choice(&["overheid", "maatschappelijk", "bedrijf", "bewoners"]),
        choice(&["bestuur", "management", "uitvoering"]),
        choice(&["keten", "netwerk", "mix"]),
    );
    (answers, respondent).prop_map(
        |(
            (items, importance, (current, desired), interests, influence),
            (roles, org, alias, position, sector, level, form),
        )| {
            let ids: Vec<&str> = instrument().statements().map(|s| s.id.as_ref()).collect();
            let concepts: Vec<&str> = Concept::ALL.iter().map(|c| c.id()).collect();
            let questions: Vec<&str> = InterestQuestion::ALL.iter().map(|q| q.id()).collect();
            let sources: Vec<&str> = InfluenceSource::ALL.iter().map(|s| s.id()).collect();
            let mut interests = object(&questions, interests);
            interests["influence"] = object(&sources, influence);
            let mut respondent = json!({"alias": alias, "organisation": org, "roles": roles});
            for (k, v) in [("position", position), ("sector", sector), ("level", level)] {
                if let Some(v) = v {
                    respondent[k] = v;
                }
            }
            let mut v = json!({
                "format": "netwerkscan-response",
                "version": 2,
                "instrument": {"id": "netwerkscan", "version": "2"},
                "respondent": respondent,
                "answers": object(&ids, items),
                "importance": object(&concepts, importance),
                "ladder": object(&["current", "desired"], vec![current, desired]),
                "interests": interests
            });
            if let Some(form) = form {
                v["form"] = form;
            }
            v
        },
    )
}

/// Free text, including quotes, backslashes, control characters and non-ASCII.
fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Zé\"\\\\\n\t ]{0,20}"]
}

fn with_comments() -> impl Strategy<Value = Value> {
    (
        response_value(),
        btree_map(select(COMMENT_KEYS), free_text(), 0..4),
    )
        .prop_map(|(mut v, comments)| {
            v["comments"] = json!(comments);
            v
        })
}

#[track_caller]
fn parse(v: &Value) -> Response {
    Response::from_json(&v.to_string(), instrument())
        .unwrap_or_else(|e| panic!("generated response is invalid: {e}\n{v}"))
}

fn responses() -> impl Strategy<Value = Vec<Response>> {
    vec(with_comments().prop_map(|v| parse(&v)), 0..12)
}

// ---------------------------------------------------------------- the scale

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
    #![proptest_config(config(128))]

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
        for (c, s) in report.concepts.iter() {
            check_stats(c, &s.stats)?;
            prop_assert!(s.stats.n <= rs.len());
            if let Some(i) = s.importance {
                prop_assert!(on_scale(i), "importance {i}");
            }
            if let Some(p) = s.priority {
                prop_assert!((0.0..=20.0).contains(&p), "priority {p}");
            }
        }
        for (m, s) in report.modules.iter() {
            check_stats(m, s)?;
        }
        for (id, s) in &report.items.0 {
            check_stats(id, s)?;
        }
        for (src, s) in report.influence.iter() {
            check_stats(src, s)?;
        }
        for o in &report.interests {
            for v in [o.interest, o.give, o.take, o.passion].into_iter().flatten() {
                prop_assert!(on_scale(v), "{}: {v}", o.organisation);
            }
            for (_, v) in o.influence.iter() {
                if let Some(v) = v {
                    prop_assert!(on_scale(*v), "{}: {v}", o.organisation);
                }
            }
            if let Some(b) = o.balance {
                prop_assert!((-4.0..=4.0).contains(&b));
            }
        }
        let l = &report.ladder;
        prop_assert!(l.all.current.values.iter().sum::<usize>() <= rs.len());
        prop_assert_eq!(l.all.n, l.government.n + l.partners.n);
        if let Some(g) = l.all.mean_gap {
            prop_assert!((-4.0..=4.0).contains(&g));
        }
        if let Some(f) = report.trust.foundation {
            prop_assert!(on_scale(f));
        }
        prop_assert!(report.form.counts.iter().sum::<usize>() <= rs.len());
        for a in &report.advice {
            prop_assert!(a.severity.is_finite() && a.severity >= 0.0, "{} {}", a.id, a.severity);
        }
    }
}

// ---------------------------------------------------------------- order

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
    close_opt(&format!("{what}.max"), a.max, b.max)
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
    prop_assert_eq!(a.organisation.to_lowercase(), b.organisation.to_lowercase());
    prop_assert_eq!(a.respondents, b.respondents, "{}", what);
    prop_assert_eq!(&a.flags, &b.flags, "{}", what);
    prop_assert_eq!(a.ring, b.ring, "{}", what);
    close_opt(&format!("{what}.interest"), a.interest, b.interest)?;
    close_opt(&format!("{what}.give"), a.give, b.give)?;
    close_opt(&format!("{what}.take"), a.take, b.take)?;
    close_opt(&format!("{what}.passion"), a.passion, b.passion)?;
    close_opt(&format!("{what}.balance"), a.balance, b.balance)?;
    for ((s, x), (_, y)) in a.influence.iter().zip(b.influence.iter()) {
        close_opt(&format!("{what}.{s}"), *x, *y)?;
    }
    Ok(())
}

/// A respondent without any name is a partner known by their number among the
/// responses (`#3`), which another order changes.
fn is_nameless(name: &str) -> bool {
    name.strip_prefix('#')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Partner names as a sorted multiset: without case, nameless ones without their number.
fn partners(names: &[String]) -> Vec<String> {
    let mut v: Vec<String> = names
        .iter()
        .map(|s| {
            if is_nameless(s) {
                "#".to_owned()
            } else {
                s.to_lowercase()
            }
        })
        .collect();
    v.sort();
    v
}

/// The named partners in the report's order, and the nameless ones renamed `#` and
/// sorted by what they answered (their numbers depend on the order).
fn by_name(
    interests: &[OrganisationInterests],
) -> (Vec<OrganisationInterests>, Vec<OrganisationInterests>) {
    let (named, mut nameless): (Vec<_>, Vec<_>) = interests
        .iter()
        .cloned()
        .partition(|o| !is_nameless(&o.organisation));
    for o in &mut nameless {
        "#".clone_into(&mut o.organisation);
    }
    nameless.sort_by_key(|o| {
        let influence: Vec<Option<f64>> = o.influence.iter().map(|(_, v)| *v).collect();
        let answers = (o.interest, o.give, o.take, o.passion, o.ring, o.respondents);
        format!("{:.6?}", (answers, influence))
    });
    (named, nameless)
}

/// Two reports are the same up to 1e-9. Organisation names are compared without case:
/// the first spelling depends on which respondent came first.
fn same_report(a: &Report, b: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.instrument, &b.instrument);
    prop_assert_eq!(a.respondents, b.respondents);
    prop_assert_eq!(a.view, b.view);
    prop_assert_eq!(&a.migrated, &b.migrated);
    for ((c, x), (_, y)) in a.concepts.iter().zip(b.concepts.iter()) {
        same_concept(c, x, y)?;
    }
    for ((m, x), (_, y)) in a.modules.iter().zip(b.modules.iter()) {
        same_stats(m, x, y)?;
    }
    prop_assert_eq!(a.items.0.len(), b.items.0.len());
    for ((id, x), (_, y)) in a.items.0.iter().zip(&b.items.0) {
        same_stats(id, x, y)?;
    }
    for ((s, x), (_, y)) in a.influence.iter().zip(b.influence.iter()) {
        same_stats(s, x, y)?;
    }
    close_opt("trust.foundation", a.trust.foundation, b.trust.foundation)?;
    close_opt("trust.gap", a.trust.gap, b.trust.gap)?;
    prop_assert_eq!(a.trust.flag, b.trust.flag);
    prop_assert_eq!(a.trust.foundation_band, b.trust.foundation_band);
    for (x, y) in [
        (&a.ladder.all, &b.ladder.all),
        (&a.ladder.government, &b.ladder.government),
        (&a.ladder.partners, &b.ladder.partners),
    ] {
        prop_assert_eq!(x.n, y.n);
        prop_assert_eq!(&x.current, &y.current);
        prop_assert_eq!(&x.desired, &y.desired);
        prop_assert_eq!(x.unknown, y.unknown);
        close_opt("ladder.mean_gap", x.mean_gap, y.mean_gap)?;
    }
    prop_assert_eq!(&a.ladder.flags, &b.ladder.flags);
    prop_assert_eq!(&a.form, &b.form);
    let (ca, cb) = (&a.coverage, &b.coverage);
    prop_assert_eq!(ca.organisations, cb.organisations);
    prop_assert_eq!(&ca.missing, &cb.missing);
    for ((role, x), (_, y)) in ca.roles.iter().zip(cb.roles.iter()) {
        prop_assert_eq!(partners(&x.holders), partners(&y.holders), "{}", role);
        prop_assert_eq!(x.status, y.status, "{}", role);
        same_stats(role, &x.connection, &y.connection)?;
    }
    prop_assert_eq!(a.interests.len(), b.interests.len());
    let (named_a, nameless_a) = by_name(&a.interests);
    let (named_b, nameless_b) = by_name(&b.interests);
    for (x, y) in named_a.iter().zip(&named_b) {
        same_interests(x, y)?;
    }
    for (x, y) in nameless_a.iter().zip(&nameless_b) {
        same_interests(x, y)?;
    }
    prop_assert_eq!(&a.priorities, &b.priorities);
    let ids = |r: &Report| r.advice.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    prop_assert_eq!(ids(a), ids(b));
    for (x, y) in a.advice.iter().zip(&b.advice) {
        prop_assert!((x.severity - y.severity).abs() < 1e-9, "{}", x.id);
        prop_assert_eq!(partners(&x.subjects), partners(&y.subjects), "{}", x.id);
        prop_assert_eq!(&x.items, &y.items, "{}", x.id);
        prop_assert_eq!(
            x.lowest.as_ref().map(|l| &l.id),
            y.lowest.as_ref().map(|l| &l.id)
        );
    }
    // Comments: the same per key, as a multiset (their order is the respondents').
    prop_assert_eq!(a.comments.0.len(), b.comments.0.len());
    for ((k, x), (l, y)) in a.comments.0.iter().zip(&b.comments.0) {
        prop_assert_eq!(k, l);
        prop_assert_eq!(x.count, y.count, "{}", k);
        let (mut tx, mut ty) = (x.texts.clone(), y.texts.clone());
        tx.sort();
        ty.sort();
        prop_assert_eq!(tx, ty, "{}", k);
    }
    Ok(())
}

fn with_shuffle() -> impl Strategy<Value = (Vec<Response>, Vec<Response>)> {
    responses().prop_flat_map(|rs| (Just(rs.clone()), Just(rs).prop_shuffle()))
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn the_report_does_not_depend_on_the_order_of_respondents((rs, shuffled) in with_shuffle()) {
        let a = Group::report_of(instrument(), &rs);
        let b = Group::report_of(instrument(), &shuffled);
        same_report(&a, &b)?;
    }

    /// Groups filled on several threads (here: round-robin batches of numbered
    /// responses) and merged in any order give the report of one group filled in order,
    /// first spellings and the order of the comments included.
    #[test]
    fn merged_groups_give_the_report_of_one_group(
        rs in responses(),
        parts in 1usize..4,
        batch in 1usize..5,
    ) {
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
        let holders = |r: &Report| {
            r.coverage.roles.iter().map(|(_, c)| c.holders.clone()).collect::<Vec<_>>()
        };
        prop_assert_eq!(holders(&whole), holders(&merged));
        prop_assert_eq!(&whole.comments, &merged.comments);
    }
}

// ---------------------------------------------------------------- splits

fn same_split(a: &SplitGroup, b: &SplitGroup) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.value, &b.value);
    prop_assert_eq!(a.n, b.n);
    prop_assert_eq!(a.withheld, b.withheld);
    prop_assert_eq!(a.concepts.is_some(), b.concepts.is_some());
    prop_assert_eq!(
        a.concepts.is_none(),
        a.withheld,
        "withheld groups have no scores"
    );
    prop_assert_eq!(a.modules.is_none(), a.withheld);
    if let (Some(x), Some(y)) = (&a.concepts, &b.concepts) {
        for ((c, x), (_, y)) in x.iter().zip(y.iter()) {
            same_concept(c, x, y)?;
        }
    }
    if let (Some(x), Some(y)) = (&a.modules, &b.modules) {
        for ((m, x), (_, y)) in x.iter().zip(y.iter()) {
            same_stats(m, x, y)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn splits_filled_apart_and_merged_equal_one_split(
        rs in responses(),
        parts in 1usize..4,
        min_group in 1usize..4,
    ) {
        let dims = Dimension::ALL;
        let mut whole = Splitter::new(instrument(), dims, min_group);
        for (seq, r) in rs.iter().enumerate() {
            whole.add_numbered(r, seq as u64);
        }
        let mut apart: Vec<Splitter> =
            (0..parts).map(|_| Splitter::new(instrument(), dims, min_group)).collect();
        for (seq, r) in rs.iter().enumerate() {
            apart[seq % parts].add_numbered(r, seq as u64);
        }
        let mut merged = Splitter::new(instrument(), dims, min_group);
        for s in apart.into_iter().rev() {
            merged.merge(s);
        }
        let (a, b) = (whole.report(), merged.report());
        prop_assert_eq!(a.len(), dims.len());
        prop_assert_eq!(a.len(), b.len());
        for ((da, ga), (db, gb)) in a.iter().zip(&b) {
            prop_assert_eq!(da, db);
            prop_assert_eq!(ga.len(), gb.len(), "{}", da);
            for (x, y) in ga.iter().zip(gb) {
                same_split(x, y)?;
                prop_assert_eq!(x.withheld, x.n < min_group);
            }
        }
        // Every respondent is in exactly one group of each dimension but roles.
        for (dim, groups) in &a {
            let n: usize = groups.iter().map(|g| g.n).sum();
            if dim == "role" {
                prop_assert!(n >= rs.len());
            } else {
                prop_assert_eq!(n, rs.len(), "{}", dim);
            }
        }
    }
}

// ---------------------------------------------------------------- no panics

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
            "sector",
            "level",
            "form",
            "importance",
            "comments",
            "ladder",
            "current",
            "desired",
            "interests",
            "influence",
            "give",
            "take",
            "opgave-eigen",
            "respect-voeten",
            "opgave-wat",
            "respect-1",
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
            "kern",
            "overheid",
            "keten",
            "1",
            "2",
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

/// A valid response with one field, at the top or one level down, replaced by anything;
/// now and then as a version 0 or version 1 file.
fn mangled_response() -> impl Strategy<Value = Value> {
    (
        with_comments(),
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
            match version % 6 {
                0 => v["version"] = json!(0),
                1 if v["instrument"].is_object() => {
                    v["version"] = json!(1);
                    v["instrument"]["version"] = json!("1");
                }
                _ => {}
            }
            v
        })
}

/// The built-in instrument with one field, one or two levels down, replaced by anything.
fn mangled_instrument() -> impl Strategy<Value = Value> {
    let builtin: Value = serde_json::from_str(Instrument::builtin_json()).expect("JSON");
    (key(), 0usize..64, arbitrary_json()).prop_map(move |(k, i, junk)| {
        let mut v = builtin.clone();
        let top = [
            "title", "scales", "items", "advice", "previous", "words", "form", "ladder",
        ];
        let section = top[i % top.len()];
        match &mut v[section] {
            Value::Array(list) if !list.is_empty() => {
                let n = list.len();
                list[i % n][&k] = junk;
            }
            Value::Object(map) => {
                map.insert(k, junk);
            }
            other => *other = junk,
        }
        v
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = Response::from_json(&text, instrument());
        let _ = Instrument::from_json(&text);
    }

    #[test]
    fn json_looking_text_never_panics(text in "[{}\\[\\]\":,0-9a-z .\\-eE]{0,80}") {
        let _ = Response::from_json(&text, instrument());
        let _ = Instrument::from_json(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(v in arbitrary_json()) {
        if let Err(e) = Response::from_json(&v.to_string(), instrument()) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn a_mangled_response_never_panics(v in mangled_response()) {
        match Response::from_json(&v.to_string(), instrument()) {
            Ok(r) => {
                // Whatever was accepted can be reported and written back, and reads again
                // as the same response: a migrated one too, as the written file keeps
                // where it came from (`instrument.from`, `left_out`).
                let _ = Group::report_of(instrument(), std::slice::from_ref(&r));
                let back = Response::from_json(&r.to_json_pretty(instrument()), instrument());
                prop_assert!(back.is_ok(), "{:?}", back);
                prop_assert_eq!(back.expect("ok"), r);
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert!(!e.message(netwerkregie::Lang::Nl).is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn a_mangled_instrument_never_panics(v in mangled_instrument()) {
        if let Err(e) = Instrument::from_json(&v.to_string()) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

// ---------------------------------------------------------------- round trips

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn the_json_round_trip_loses_nothing(
        v in with_comments(),
        alias in free_text(),
        organisation in free_text(),
        extra in option::of(free_text()),
    ) {
        let mut v = v;
        v["respondent"]["alias"] = json!(alias);
        v["respondent"]["organisation"] = json!(organisation);
        if let Some(extra) = extra {
            v["x-extra"] = json!({"text": extra, "n": [1, 2.5, null]});
            v["ladder"]["x-note"] = json!(extra);
        }
        let i = instrument();
        let r = parse(&v);
        let text = r.to_json_pretty(i);
        let back = Response::from_json(&text, i).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(back.to_json_pretty(i), text);
        // Every section that was written comes back as it was given.
        let written: Value = serde_json::from_str(&r.to_json(i)).expect("JSON");
        for key in ["instrument", "answers", "importance", "comments", "x-extra", "form"] {
            prop_assert_eq!(v.get(key), written.get(key), "{}", key);
        }
    }

    /// Unknown fields hold whatever JSON a newer version (or a trainer) put there,
    /// numbers included: they come back as the same text, however often the file is
    /// rewritten.
    #[test]
    fn unknown_fields_of_any_json_survive_the_round_trip(
        v in response_value(),
        top in arbitrary_json(),
        nested in arbitrary_json(),
        version0 in any::<bool>(),
    ) {
        let mut v = v;
        v["x-extra"] = top.clone();
        v["respondent"]["x-nested"] = nested.clone();
        if version0 {
            // The prototype's draft: instrument 1, `scores`, flat ladder fields.
            v["version"] = json!(0);
            v["instrument"]["version"] = json!("1");
            v["scores"] = json!({"respect-2": 4});
            v["answers"] = json!(null);
            v.as_object_mut().expect("object").remove("answers");
        }
        let r = Response::from_json(&v.to_string(), instrument())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{v}")))?;
        let (top, nested) = (top.to_string(), nested.to_string());
        prop_assert_eq!(r.extra.get("x-extra"), Some(top.as_str()));
        prop_assert_eq!(r.respondent.extra.get("x-nested"), Some(nested.as_str()));
        let back = Response::from_json(&r.to_json_pretty(instrument()), instrument())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.extra, &r.extra);
        prop_assert_eq!(&back.respondent, &r.respondent);
    }
}
