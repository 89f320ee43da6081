//! Advice: which entry of the instrument answers a finding (by band, form and voice),
//! how findings are ranked, and what each names (the lowest statement, the divergent
//! items). The rules are those of the doc comment of `netwerkregie::advice::rank`.

mod common;

use common::*;
use netwerkregie::advice::Evidence;
use netwerkregie::instrument::AdviceDef;
use netwerkregie::report::Report;
use netwerkregie::{
    Advice, Band, Concept, Form, InterestFlag, LadderFlag, Lang, Response, Role, Trigger,
    TrustFlag, View,
};
use serde_json::{json, Value};

fn def(id: &str) -> &'static AdviceDef {
    instrument()
        .file()
        .advice
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no advice {id}"))
}

fn ids(r: &Report) -> Vec<&str> {
    r.advice.iter().map(|a| a.id.as_str()).collect()
}

#[track_caller]
fn find(r: &Report, when: Trigger) -> &Advice {
    r.advice
        .iter()
        .find(|a| a.when == when)
        .unwrap_or_else(|| panic!("no advice for {when} in {:?}", ids(r)))
}

/// A response with these statements answered, plus other sections.
fn with(pairs: &[(String, Option<u8>)], sections: &Value) -> Response {
    let mut v = sections.clone();
    let answered: Vec<_> = pairs.iter().filter(|(_, v)| v.is_some()).cloned().collect();
    v["answers"] = answers_of(&answered);
    resp(&v)
}

fn concept_only(c: Concept, raw: [Option<u8>; 4]) -> Vec<(String, Option<u8>)> {
    concept_answers(c, raw)
}

// ---------------------------------------------------------------- band, form and voice

#[test]
fn concept_advice_speaks_to_its_band() {
    // respect 3, 3, 3, 3 = 3: aandacht, "mag sterker"; priority 3 x (5 - 3) = 6.
    let r = report(&[with(
        &concept_only(Concept::Respect, [Some(3); 4]),
        &json!({}),
    )]);
    let a = find(&r, Trigger::Concept(Concept::Respect));
    assert_eq!(a.id, "advies-respect-aandacht");
    assert_eq!(a.band, Band::Aandacht);
    close(a.severity, 6.0);
    assert_eq!(a.title.nl, "Bespreek waarden en motieven");
    assert_eq!(a.title.en, "Discuss values and motives");
    assert_eq!(
        a.finding.nl,
        "Jij ziet respect tussen de partners, maar volgens jou mag het sterker."
    );
    assert_eq!(a.text, def("advies-respect-aandacht").text);
    assert_eq!(a.source, "s002");
    assert_eq!(a.subjects, ["respect"]);

    // respect 2, 2, 2, 4 (-> 2) = 2: zorg, "schiet tekort"; 3 x (5 - 2) = 9.
    let r = report(&[with(
        &concept_only(Concept::Respect, [Some(2), Some(2), Some(2), Some(4)]),
        &json!({}),
    )]);
    let a = find(&r, Trigger::Concept(Concept::Respect));
    assert_eq!(a.id, "advies-respect-zorg");
    assert_eq!(a.band, Band::Zorg);
    close(a.severity, 9.0);
    assert_eq!(a.title.nl, "Maak verschillen in waarden bespreekbaar");
    assert_eq!(
        a.finding.nl,
        "Volgens jou schiet het onderlinge respect tekort."
    );

    // respect 4 (sterk): no advice, whatever its importance.
    let r = report(&[with(
        &concept_only(Concept::Respect, [Some(4), Some(4), Some(4), Some(2)]),
        &json!({"importance": {"respect": 5}}),
    )]);
    assert!(ids(&r).is_empty(), "{:?}", ids(&r));
}

#[test]
fn every_concept_and_module_advice_exists_in_both_bands() {
    for c in Concept::ALL {
        for (raw, band) in [
            ([Some(3); 4], Band::Aandacht),
            ([Some(2), Some(2), Some(2), Some(4)], Band::Zorg),
        ] {
            let r = report(&[with(&concept_only(*c, raw), &json!({}))]);
            let a = find(&r, Trigger::Concept(*c));
            assert_eq!(a.id, format!("advies-{c}-{band}"));
            assert_eq!(a.band, band);
        }
    }
}

/// organisatie: the first five statements at `v` (organisatie-structuur is reverse, so
/// it is answered 6 - v): mean v.
fn organisatie(v: u8, form: Option<&str>) -> Response {
    let pairs: Vec<(String, Option<u8>)> = [
        ("organisatie-ontmoeting", v),
        ("organisatie-communicatie", v),
        ("organisatie-besluiten", v),
        ("organisatie-structuur", 6 - v),
        ("organisatie-werkvorm", v),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), Some(v)))
    .collect();
    with(&pairs, &json!({ "form": form }))
}

#[test]
fn a_chain_gets_the_chain_variant_of_the_organisation_advice() {
    // organisatie 3 in a group of three of which two say keten: keten dominates.
    // Severity 4 x (5 - 3) = 8.
    let r = report(&[
        organisatie(3, Some("keten")),
        organisatie(3, Some("keten")),
        organisatie(3, Some("netwerk")),
    ]);
    assert_eq!(r.form.dominant, Some(Form::Keten));
    let a = find(&r, Trigger::Module(netwerkregie::Module::Organisatie));
    assert_eq!(a.id, "advies-organisatie-keten-aandacht");
    assert_eq!(a.title.nl, "Maak de overdrachten helder");
    assert_eq!(
        a.finding.nl,
        "De organisatie van de keten werkt, maar mag sterker."
    );
    close(a.severity, 8.0);

    // A network, a mix or no dominant form: the network text.
    for forms in [
        [Some("netwerk"), Some("netwerk"), Some("keten")],
        [Some("mix"), Some("mix"), Some("keten")],
        [Some("keten"), Some("netwerk"), None],
    ] {
        let r = report(&forms.map(|f| organisatie(3, f)));
        assert_eq!(
            find(&r, Trigger::Module(netwerkregie::Module::Organisatie)).id,
            "advies-organisatie-aandacht",
            "{forms:?}"
        );
    }

    // One respondent in a chain, organisatie 2: the zorg variant of the chain text, in
    // the respondent's own words.
    let r = report(&[organisatie(2, Some("keten"))]);
    let a = find(&r, Trigger::Module(netwerkregie::Module::Organisatie));
    assert_eq!(a.id, "advies-organisatie-keten-zorg");
    assert_eq!(a.band, Band::Zorg);
    assert_eq!(
        Some(&a.finding),
        def("advies-organisatie-keten-zorg").finding.own.as_ref()
    );

    // The form changes no other advice.
    let mut pairs = concept_only(Concept::Respect, [Some(3); 4]);
    pairs.retain(|(_, v)| v.is_some());
    let r = report(&[with(&pairs, &json!({"form": "keten"}))]);
    assert_eq!(ids(&r), ["advies-respect-aandacht"]);
}

/// The five foundation concepts with `foundation`, vertrouwen with `vertrouwen`.
fn trust(foundation: [Option<u8>; 4], vertrouwen: [Option<u8>; 4]) -> Response {
    let mut pairs = Vec::new();
    for c in Concept::FOUNDATION {
        pairs.extend(concept_only(*c, foundation));
    }
    pairs.extend(concept_only(Concept::Vertrouwen, vertrouwen));
    with(&pairs, &json!({}))
}

#[test]
fn trust_lagging_behind_a_good_foundation_says_the_basis_is_good() {
    // Foundation 4 (4, 4, 4, 2 -> 4): sterk. Vertrouwen 3. Gap -1 -> achter, the
    // aandacht entry; severity 6 + 4 x 1 = 10.
    let r = report(&[trust([Some(4), Some(4), Some(4), Some(2)], [Some(3); 4])]);
    assert_eq!(r.trust.foundation_band, Some(Band::Sterk));
    let a = find(&r, Trigger::Trust(TrustFlag::Achter));
    assert_eq!(a.id, "advies-vertrouwen-achter-aandacht");
    assert_eq!(a.band, Band::Aandacht);
    close(a.severity, 10.0);
    assert_eq!(
        a.finding.nl,
        "Volgens jou is de basis goed, maar blijft het vertrouwen achter bij de andere vijf begrippen."
    );
    // Changes of persons: s000.
    assert_eq!(a.source, "s000");

    // Foundation 7/2 (4, 3, 4, 3 -> 3): aandacht, still "de basis is goed".
    // Vertrouwen 5/2 (2, 3, 2, 3 -> 3): gap -1.
    let r = report(&[trust(
        [Some(4), Some(3), Some(4), Some(3)],
        [Some(2), Some(3), Some(2), Some(3)],
    )]);
    some_close(r.trust.foundation, 3.5);
    assert_eq!(r.trust.foundation_band, Some(Band::Aandacht));
    assert_eq!(
        find(&r, Trigger::Trust(TrustFlag::Achter)).id,
        "advies-vertrouwen-achter-aandacht"
    );

    // Foundation 2 (2, 2, 2, 4 -> 2): zorg. Vertrouwen 1 (1, 1, 1, 5 -> 1). Gap -1: the
    // zorg entry, which does not call the basis good.
    let pair = [
        trust(
            [Some(2), Some(2), Some(2), Some(4)],
            [Some(1), Some(1), Some(1), Some(5)],
        ),
        trust(
            [Some(2), Some(2), Some(2), Some(4)],
            [Some(1), Some(1), Some(1), Some(5)],
        ),
    ];
    let r = report(&pair);
    assert_eq!(r.trust.foundation_band, Some(Band::Zorg));
    let a = find(&r, Trigger::Trust(TrustFlag::Achter));
    assert_eq!(a.id, "advies-vertrouwen-achter-zorg");
    assert_eq!(a.title.nl, "Werk eerst aan de basis");
    assert_eq!(
        a.finding.nl,
        "Het vertrouwen blijft achter, en ook de basis waarop het rust, schiet tekort."
    );
    assert!(!a.finding.nl.contains("basis is goed"));
    // The finding's band stays aandacht: the variant picks the text, not the rank.
    assert_eq!(a.band, Band::Aandacht);

    // Trust ahead of a weak foundation: voor, one entry; gap 3 - 2 = 1 -> 10.
    let r = report(&[trust([Some(2), Some(2), Some(2), Some(4)], [Some(3); 4])]);
    let a = find(&r, Trigger::Trust(TrustFlag::Voor));
    assert_eq!(a.id, "advies-vertrouwen-voor");
    close(a.severity, 10.0);
}

#[test]
fn one_respondent_is_spoken_to_and_a_group_is_spoken_about() {
    let one = with(&concept_only(Concept::Respect, [Some(3); 4]), &json!({}));
    let r = report(std::slice::from_ref(&one));
    assert_eq!(r.view, View::Respondent);
    let a = find(&r, Trigger::Concept(Concept::Respect));
    assert_eq!(Some(&a.finding), def(&a.id).finding.own.as_ref());
    assert!(a.finding.nl.starts_with("Jij ziet"));
    assert!(a.finding.en.starts_with("You see"), "{}", a.finding.en);

    let r = report(&[one.clone(), one]);
    assert_eq!(r.view, View::Group);
    let a = find(&r, Trigger::Concept(Concept::Respect));
    assert_eq!(a.finding, def(&a.id).finding.group);
    assert_eq!(
        a.finding.nl,
        "Er is respect tussen de partners, maar het mag sterker."
    );
    // What to do is the same in both views.
    assert_eq!(a.text, def(&a.id).text);
}

#[test]
fn each_example_alone_gets_its_own_voice_and_no_group_findings() {
    for (i, response) in examples().into_iter().enumerate() {
        let r = report(&[response]);
        assert_eq!(r.view, View::Respondent);
        assert!(!r.advice.is_empty(), "example {i} has findings");
        for a in &r.advice {
            assert!(!a.when.group_only(), "example {i}: {}", a.when);
            let own = def(&a.id).finding.own.as_ref().expect("an own finding");
            assert_eq!(&a.finding, own, "example {i}: {}", a.id);
            for lang in [Lang::Nl, Lang::En] {
                assert!(!a.finding.get(lang).is_empty());
            }
        }
    }
}

#[test]
fn group_only_findings_never_reach_one_respondent() {
    // Everything a group could be flagged for: no roles held and no connection rated,
    // give 1 and take 5, interest, give and passion 1, and every item at a different
    // value. Alone, none of it is a finding about partners.
    let everything = |org: &str, current: &str, low: u8| {
        resp(&json!({
            "respondent": {"organisation": org, "position": "kern"},
            "answers": {"respect-waarden": low, "respect-bespreken": 6 - low,
                        "opgave-eigenaren": 1, "opgave-veroorzakers": 1, "opgave-oplossers": 1},
            "ladder": {"current": current, "desired": current},
            "interests": {"interest": 1, "give": 1, "take": 5, "passion": 1}
        }))
    };
    let alone = report(&[everything("A", "loslaten", 1)]);
    assert_eq!(alone.view, View::Respondent);
    assert!(
        !alone.advice.iter().any(|a| a.when.group_only()),
        "{:?}",
        ids(&alone)
    );
    assert!(alone.ladder.flags.is_empty());

    // The same two as a group: every group finding appears.
    let group = report(&[
        everything("A", "loslaten", 1),
        everything("B", "stimuleren", 5),
    ]);
    let whens: Vec<Trigger> = group.advice.iter().map(|a| a.when).collect();
    for t in [
        Trigger::Role(Role::Eigenaar),
        Trigger::Role(Role::Veroorzaker),
        Trigger::Role(Role::Oplosser),
        Trigger::Interests(InterestFlag::Onbalans),
        Trigger::Interests(InterestFlag::Vrijblijvend),
        Trigger::Ladder(LadderFlag::GeenBeeld),
        Trigger::Ladder(LadderFlag::GeenBeeldGewenst),
        Trigger::Divergent,
    ] {
        assert!(whens.contains(&t), "{t} in {whens:?}");
    }
    for a in &group.advice {
        assert_eq!(a.finding, def(&a.id).finding.group, "{}", a.id);
    }
}

// ---------------------------------------------------------------- ranking

#[test]
fn a_zorg_finding_is_never_ranked_below_an_aandacht_finding() {
    // respect 2, 3, 3, 3 (-> 3) = 11/4: zorg, but rated of little importance (1):
    // priority 1 x (5 - 11/4) = 9/4. The ladder: reguleren wanted at loslaten, gap 4:
    // te_hoog, 6 + 4 x 4 = 22, aandacht. The zorg finding comes first.
    let mut pairs = concept_only(Concept::Respect, [Some(2), Some(3), Some(3), Some(3)]);
    pairs.retain(|(_, v)| v.is_some());
    let r = report(&[with(
        &pairs,
        &json!({"importance": {"respect": 1},
                "ladder": {"current": "reguleren", "desired": "loslaten"}}),
    )]);
    assert_eq!(ids(&r), ["advies-respect-zorg", "advies-ladder-te-hoog"]);
    close(r.advice[0].severity, 2.25);
    close(r.advice[1].severity, 22.0);
}

#[test]
fn a_weak_joint_task_leads_within_its_band() {
    // opgave eigen 4, samen 4, rol 4, belang 4, balans 3 -> 19/5 = 3.8: aandacht,
    // 5 x (5 - 19/5) = 6. vrijheid 3, rated 5: 5 x 2 = 10, aandacht. The task leads.
    let task = |last: u8| -> Vec<(String, Option<u8>)> {
        [
            ("opgave-eigen", 4),
            ("opgave-samen", 4),
            ("opgave-rol", 4),
            ("opgave-belang", 4),
            ("opgave-balans", last),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Some(v)))
        .collect()
    };
    let mut pairs = task(3);
    pairs.extend(concept_only(Concept::Vrijheid, [Some(3); 4]));
    let r = report(&[with(&pairs, &json!({"importance": {"vrijheid": 5}}))]);
    assert_eq!(
        ids(&r),
        ["advies-opgave-aandacht", "advies-vrijheid-aandacht"]
    );
    close(r.advice[0].severity, 6.0);
    close(r.advice[1].severity, 10.0);

    // In the zorg band: opgave eigen, samen, rol and belang 2, balans 4 -> 12/5 = 2.4:
    // zorg, 5 x 2.6 = 13; respect 1 (1, 1, 1, 5), rated 5: 5 x 4 = 20. The task still
    // leads, and the aandacht finding (vrijheid, 10) follows both.
    let mut pairs: Vec<(String, Option<u8>)> = [
        ("opgave-eigen", 2),
        ("opgave-samen", 2),
        ("opgave-rol", 2),
        ("opgave-belang", 2),
        ("opgave-balans", 4),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), Some(v)))
    .collect();
    pairs.extend(concept_only(
        Concept::Respect,
        [Some(1), Some(1), Some(1), Some(5)],
    ));
    pairs.extend(concept_only(Concept::Vrijheid, [Some(3); 4]));
    let r = report(&[with(
        &pairs,
        &json!({"importance": {"respect": 5, "vrijheid": 5}}),
    )]);
    assert_eq!(
        ids(&r),
        [
            "advies-opgave-zorg",
            "advies-respect-zorg",
            "advies-vrijheid-aandacht"
        ]
    );
    close(r.advice[0].severity, 13.0);
    close(r.advice[1].severity, 20.0);
}

#[test]
fn within_a_band_severity_then_spread_decide_whatever_the_order_of_respondents() {
    // Three respondents of organisation A.
    // respect 1 (1, 1, 1, 5 -> 1), 3 (3, 3, 3, 3) and 5 (5, 5, 5, 1 -> 5): mean 3, sd 2,
    //   unrated -> priority 3 x (5 - 3) = 6, aandacht. Every respect statement runs
    //   from 1 to 5: divergent, sd 2 -> 5 + 2 x 2 = 9.
    // vrijheid 3 for all three: mean 3, sd 0, priority 6.
    // interest, give and passion 2: vrijblijvend, 6.
    // Order: divergence (9), then the tie at 6: respect (sd 2) before vrijheid (sd 0),
    // then vrijblijvend (the model's order puts concepts before interests).
    let rows = [
        [Some(1), Some(1), Some(1), Some(5)],
        [Some(3); 4],
        [Some(5), Some(5), Some(5), Some(1)],
    ];
    let respondent = |raw: [Option<u8>; 4]| {
        let mut pairs = concept_only(Concept::Respect, raw);
        pairs.extend(concept_only(Concept::Vrijheid, [Some(3); 4]));
        with(
            &pairs,
            &json!({"respondent": {"organisation": "A"},
                    "interests": {"interest": 2, "give": 2, "take": 2, "passion": 2}}),
        )
    };
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let rs: Vec<Response> = order.iter().map(|&i| respondent(rows[i])).collect();
        let r = report(&rs);
        some_close(concept(&r, Concept::Respect).stats.sd, 2.0);
        assert_eq!(
            ids(&r),
            [
                "advies-uiteenlopend",
                "advies-respect-aandacht",
                "advies-vrijheid-aandacht",
                "advies-belangen-vrijblijvend"
            ],
            "order {order:?}"
        );
        let severities: Vec<f64> = r.advice.iter().map(|a| a.severity).collect();
        for (s, e) in severities.iter().zip([9.0, 6.0, 6.0, 6.0]) {
            close(*s, e);
        }
    }
}

// ---------------------------------------------------------------- what advice names

#[test]
fn advice_names_the_lowest_scoring_statement() {
    // respect waarden 4, bespreken 2, visie 3, voeten 1 (-> 5): bespreken, 2.
    let r = report(&[with(
        &concept_only(Concept::Respect, [Some(4), Some(2), Some(3), Some(1)]),
        &json!({}),
    )]);
    let lowest = find(&r, Trigger::Concept(Concept::Respect))
        .lowest
        .as_ref()
        .expect("lowest");
    assert_eq!(lowest.id, "respect-bespreken");
    close(lowest.mean, 2.0);
    let item = instrument()
        .statements()
        .find(|s| s.id == "respect-bespreken")
        .expect("item");
    assert_eq!(lowest.text, item.text);

    // A reverse item counts the healthy way round: voeten answered 5 counts 1.
    let r = report(&[with(
        &concept_only(Concept::Respect, [Some(3), Some(3), Some(3), Some(5)]),
        &json!({}),
    )]);
    let lowest = find(&r, Trigger::Concept(Concept::Respect))
        .lowest
        .clone()
        .expect("lowest");
    assert_eq!((lowest.id.as_str(), lowest.mean), ("respect-voeten", 1.0));

    // A tie goes to the first statement; in a group the item means count:
    // waarden (2 + 4) / 2 = 3, bespreken (3 + 3) / 2 = 3, visie (3 + 4) / 2: waarden.
    let r = report(&[
        with(
            &concept_only(Concept::Respect, [Some(2), Some(3), Some(3), None]),
            &json!({}),
        ),
        with(
            &concept_only(Concept::Respect, [Some(4), Some(3), Some(4), None]),
            &json!({}),
        ),
    ]);
    let a = find(&r, Trigger::Concept(Concept::Respect));
    let lowest = a.lowest.as_ref().expect("lowest");
    assert_eq!(lowest.id, "respect-waarden");
    close(lowest.mean, 3.0);
    let json = serde_json::to_value(a).expect("serialises");
    assert_eq!(json["lowest"]["id"], json!("respect-waarden"));
    assert_eq!(json["lowest"]["mean"], json!(3.0));
    assert_eq!(json["when"], json!("concept:respect"));
    assert_eq!(json["band"], json!("aandacht"));

    // Modules too: opgave eigen 4, samen 4, rol 4, belang 4, veroorzakers 1: the
    // connection to the causers is lowest. 17/5 = 3.4, aandacht.
    let pairs: Vec<(String, Option<u8>)> = [
        ("opgave-eigen", 4),
        ("opgave-samen", 4),
        ("opgave-rol", 4),
        ("opgave-belang", 4),
        ("opgave-veroorzakers", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), Some(v)))
    .collect();
    let r = report(&[with(&pairs, &json!({}))]);
    let a = find(&r, Trigger::Module(netwerkregie::Module::Opgave));
    assert_eq!(a.id, "advies-opgave-aandacht");
    assert_eq!(
        a.lowest.as_ref().map(|l| l.id.as_str()),
        Some("opgave-veroorzakers")
    );
}

#[test]
fn divergence_is_advised_per_concept_with_its_divergent_statements() {
    // Two respondents. respect: A waarden 1, bespreken 5, visie 3, voeten 3 = 3;
    // B waarden 5, bespreken 1, visie 3, voeten 3 = 3. The concept agrees (3 and 3), but
    // waarden and bespreken run from 1 to 5: sd sqrt(8) each -> 5 + 2 sqrt(8).
    let r = report(&[
        with(
            &concept_only(Concept::Respect, [Some(1), Some(5), Some(3), Some(3)]),
            &json!({}),
        ),
        with(
            &concept_only(Concept::Respect, [Some(5), Some(1), Some(3), Some(3)]),
            &json!({}),
        ),
    ]);
    assert!(!concept(&r, Concept::Respect).stats.divergent);
    let a = find(&r, Trigger::Divergent);
    assert_eq!(a.id, "advies-uiteenlopend");
    assert_eq!(a.subjects, ["respect"]);
    assert_eq!(a.items, ["respect-waarden", "respect-bespreken"]);
    close(a.severity, 5.0 + 2.0 * 8f64.sqrt());
    assert_eq!(a.title.nl, "Kijk meervoudig");
    assert_eq!(
        a.finding.nl,
        "De partners kijken hier verschillend tegenaan: hun scores lopen ver uiteen."
    );
    assert_eq!(a.source, "s001");
    assert_eq!(
        r.advice
            .iter()
            .filter(|a| a.when == Trigger::Divergent)
            .count(),
        1
    );

    // The concept diverges (2 and 4) while no statement does (each answered once):
    // the finding has no items and the concept's sd sqrt(2): 5 + 2 sqrt(2).
    let r = report(&[
        with(
            &concept_only(Concept::Vrijheid, [Some(2), Some(2), None, None]),
            &json!({}),
        ),
        with(
            &concept_only(Concept::Vrijheid, [None, None, Some(4), Some(2)]),
            &json!({}),
        ),
    ]);
    let a = find(&r, Trigger::Divergent);
    assert_eq!(a.subjects, ["vrijheid"]);
    assert!(a.items.is_empty());
    close(a.severity, 5.0 + 2.0 * 2f64.sqrt());
    assert!(serde_json::to_value(a)
        .expect("json")
        .get("items")
        .is_none());
}

// ---------------------------------------------------------------- the examples

#[test]
fn the_example_groups_advice_in_order() {
    let r = report(&examples());
    let got: Vec<(&str, Band, f64, Vec<&str>)> = r
        .advice
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.band,
                a.severity,
                a.subjects.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // Means from tests/scoring.rs; importances (Anna, Bram, Chris, Dewi, Eva):
    // gelijkwaardigheid 3, 3, 2, 5, 3 -> 16/5; vrijheid 2, 4, 3, 5, 3 -> 17/5;
    // verantwoording 5, 3, 3, 3, 2 -> 16/5; transparantie 4, 3, 4, 3, 3 -> 17/5;
    // vertrouwen 4, 4, 3, 4, 3 -> 18/5.
    let s5 = |x: f64| x.sqrt();
    let expected: Vec<(&str, Band, f64, Vec<&str>)> = vec![
        // zorg: nobody holds veroorzaker and its connection is rated 2: 12.
        (
            "advies-rol-veroorzaker",
            Band::Zorg,
            12.0,
            vec!["veroorzaker"],
        ),
        // organisatie 29/10: 4 x (5 - 29/10) = 42/5.
        (
            "advies-organisatie-zorg",
            Band::Zorg,
            8.4,
            vec!["organisatie"],
        ),
        // gelijkwaardigheid 43/15: 16/5 x 32/15 = 512/75.
        (
            "advies-gelijkwaardigheid-zorg",
            Band::Zorg,
            512.0 / 75.0,
            vec!["gelijkwaardigheid"],
        ),
        // aandacht, the joint task first: opgave 111/35: 5 x 64/35 = 64/7.
        (
            "advies-opgave-aandacht",
            Band::Aandacht,
            64.0 / 7.0,
            vec!["opgave"],
        ),
        // mean gap 3/2: 6 + 4 x 3/2 = 12.
        ("advies-ladder-te-hoog", Band::Aandacht, 12.0, vec![]),
        // vrijheid-curatele counted 5, 2, 4, 1, 4: mean 16/5, sample variance 27/10.
        (
            "advies-uiteenlopend",
            Band::Aandacht,
            5.0 + 2.0 * s5(2.7),
            vec!["vrijheid"],
        ),
        // desired faciliteren to regisseren, 2 rungs: 4 + 2 x 2 = 8.
        (
            "advies-ladder-geen-beeld-gewenst",
            Band::Aandacht,
            8.0,
            vec![],
        ),
        // Bram gives 2 and takes 4: 4 + 2 x 2 = 8 (a tie with the ladder: model order).
        (
            "advies-belangen-onbalans",
            Band::Aandacht,
            8.0,
            vec!["Zorggroep De Linde"],
        ),
        // organisatie-dienend 4, 2, -, 1, 3: variance 5/3.
        (
            "advies-uiteenlopend",
            Band::Aandacht,
            5.0 + 2.0 * s5(5.0 / 3.0),
            vec!["organisatie"],
        ),
        // gelijkwaardigheid-doorslag counted 4, 2, 2, 1, -: variance 19/12.
        (
            "advies-uiteenlopend",
            Band::Aandacht,
            5.0 + 2.0 * s5(19.0 / 12.0),
            vec!["gelijkwaardigheid"],
        ),
        // eigenaren held, connection 8/3: 6 + 2 x (3 - 8/3) = 20/3.
        (
            "advies-verbinding-eigenaar",
            Band::Aandacht,
            20.0 / 3.0,
            vec!["eigenaar"],
        ),
        // vertrouwen 63/20: 18/5 x 37/20 = 333/50.
        (
            "advies-vertrouwen-aandacht",
            Band::Aandacht,
            6.66,
            vec!["vertrouwen"],
        ),
        // transparantie diverges itself (range 2.0, its statements do not: a single
        // answer needs 3 points apart): its scores 31/10 +- sd, variance 27/40.
        (
            "advies-uiteenlopend",
            Band::Aandacht,
            5.0 + 2.0 * s5(27.0 / 40.0),
            vec!["transparantie"],
        ),
        // vrijheid 46/15: 17/5 x 29/15 = 493/75.
        (
            "advies-vrijheid-aandacht",
            Band::Aandacht,
            493.0 / 75.0,
            vec!["vrijheid"],
        ),
        // transparantie 31/10: 17/5 x 19/10 = 323/50.
        (
            "advies-transparantie-aandacht",
            Band::Aandacht,
            6.46,
            vec!["transparantie"],
        ),
        // verantwoording 67/20: 16/5 x 33/20 = 132/25.
        (
            "advies-verantwoording-aandacht",
            Band::Aandacht,
            5.28,
            vec!["verantwoording"],
        ),
    ];
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!((g.0, g.1, &g.3), (e.0, e.1, &e.3));
        close(g.2, e.2);
    }
    // respect is sterk (41/10): no advice.
    assert!(!r
        .advice
        .iter()
        .any(|a| a.when == Trigger::Concept(Concept::Respect)));
    // The lowest statements: organisatie-wisselingen 3, 2, 2, 2, - = 9/4;
    // gelijkwaardigheid-doorslag 9/4; opgave-veroorzakers 2.
    let lowest = |i: usize| {
        let l = r.advice[i].lowest.as_ref().expect("lowest");
        (l.id.as_str(), l.mean)
    };
    assert_eq!(lowest(1), ("organisatie-wisselingen", 2.25));
    assert_eq!(lowest(2), ("gelijkwaardigheid-doorslag", 2.25));
    assert_eq!(lowest(3), ("opgave-veroorzakers", 2.0));
    // The role finding rests on both kinds of evidence.
    assert_eq!(
        r.advice[0].evidence,
        [Evidence::Roles, Evidence::Connection]
    );
}
