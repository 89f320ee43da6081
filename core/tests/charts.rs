//! The charts, drawn into SVG and checked on content: the instrument's words, scores
//! with the language's decimal separator, a missing score as a gap, the tick labels
//! clear of the data, the min-max band, the ladder's counts. No whole-file snapshots, so
//! the layout may change freely.

mod common;

use common::*;
use netwerkregie::chart::{self, Ladder, Radar};
use netwerkregie::instrument::BUILTIN_CONCEPTS;
use netwerkregie::report::Report;
use netwerkregie::{Concept, Lang, Response, Scores, Word};
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

const SIZE: (u32, u32) = (640, 520);

fn radar_svg(radar: &Radar, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        chart::draw_radar(&area, radar).expect("draws");
        area.present().expect("presents");
    }
    svg
}

fn ladder_svg(ladder: &Ladder) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        chart::draw_ladder(&area, ladder).expect("draws");
        area.present().expect("presents");
    }
    svg
}

fn attr<'a>(attrs: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let start = attrs
        .find(&key)
        .unwrap_or_else(|| panic!("{name} in {attrs}"))
        + key.len();
    let len = attrs[start..].find('"').expect("closing quote");
    &attrs[start..start + len]
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// One `<text>` of the SVG.
#[derive(Debug, Clone)]
struct SvgText {
    x: i32,
    y: i32,
    fill: String,
    font_size: f64,
    text: String,
}

/// Every text drawn, in drawing order.
fn texts(svg: &str) -> Vec<SvgText> {
    svg.split("<text ")
        .skip(1)
        .map(|chunk| {
            let (attrs, rest) = chunk.split_once('>').expect("tag end");
            let attrs = format!(" {attrs}");
            let body = rest.split("</text>").next().expect("text body");
            SvgText {
                x: attr(&attrs, "x").parse().expect("x"),
                y: attr(&attrs, "y").parse().expect("y"),
                fill: attr(&attrs, "fill").to_owned(),
                font_size: attr(&attrs, "font-size").parse().expect("font-size"),
                text: unescape(body.trim()),
            }
        })
        .collect()
}

/// All texts joined by spaces, in reading order: a wrapped label reads as one phrase,
/// followed by its value. A line drawn just below another at the same x continues that
/// one's block, whenever it was drawn (the radar draws every label, then every value).
fn joined(svg: &str) -> String {
    let mut blocks: Vec<Vec<SvgText>> = Vec::new();
    for t in texts(svg) {
        let below = blocks.iter_mut().find(|b| {
            b.last().is_some_and(|last| {
                last.x == t.x && t.y > last.y && f64::from(t.y - last.y) <= 1.5 * last.font_size
            })
        });
        match below {
            Some(block) => block.push(t),
            None => blocks.push(vec![t]),
        }
    }
    blocks
        .iter()
        .flatten()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The centres and radius of the dots (`<circle>`).
fn dots(svg: &str) -> Vec<(f64, f64, f64)> {
    svg.split("<circle ")
        .skip(1)
        .map(|chunk| {
            let attrs = format!(" {}", chunk.split_once("/>").expect("tag end").0);
            let n = |k: &str| attr(&attrs, k).parse::<f64>().expect(k);
            (n("cx"), n("cy"), n("r"))
        })
        .collect()
}

/// The radar's centre: where the spokes (two-point grid lines) start.
fn centre(svg: &str) -> (f64, f64) {
    let spoke = svg
        .split("<polyline ")
        .skip(1)
        .map(|chunk| attr(&format!(" {chunk}"), "points").trim().to_owned())
        .find(|p| p.split(' ').count() == 2)
        .expect("a spoke");
    let (x, y) = spoke
        .split(' ')
        .next()
        .and_then(|p| p.split_once(','))
        .expect("a point");
    (x.parse().expect("x"), y.parse().expect("y"))
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[track_caller]
fn assert_contains(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "{needle:?} not in {haystack:?}");
}

fn example_report() -> Report {
    report(&examples())
}

#[test]
fn the_concepts_radar_in_dutch() {
    let r = example_report();
    let svg = radar_svg(&chart::concepts_radar(&r, instrument(), Lang::Nl), SIZE);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    let all = joined(&svg);
    // The title is the instrument's word chart.concepts.
    assert_eq!(texts(&svg)[0].text, "Gezonde relaties");
    assert_eq!(
        instrument().say(Word::ChartConcepts, Lang::Nl),
        "Gezonde relaties"
    );
    // Means from tests/scoring.rs: 43/15, 41/10, 46/15, 67/20, 31/10, 63/20, with a
    // mark where perspectives diverge (gelijkwaardigheid, vrijheid, transparantie).
    for phrase in [
        "Gelijkwaardigheid \u{2260} 2,87",
        "Respect 4,10",
        "Vrijheid \u{2260} 3,07",
        "Verantwoording 3,35",
        "Transparantie \u{2260} 3,10",
        "Vertrouwen 3,15",
    ] {
        assert_contains(&all, phrase);
    }
    assert!(!all.contains("geen score"));
    // All six present: the min-max band (a ring) and one closed, filled polygon.
    assert_eq!(count(&svg, "<polygon"), 2);
    assert_eq!(dots(&svg).len(), 6);
    // Scores in blue, never in the colour of a missing score.
    let value = texts(&svg)
        .into_iter()
        .find(|t| t.text == "2,87")
        .expect("2,87");
    assert_eq!(value.fill, "#0072B2");
}

#[test]
fn the_concepts_radar_in_english() {
    let r = example_report();
    let svg = radar_svg(&chart::concepts_radar(&r, instrument(), Lang::En), SIZE);
    let all = joined(&svg);
    assert_eq!(texts(&svg)[0].text, "Healthy relations");
    for phrase in [
        "Equal standing \u{2260} 2.87",
        "Respect 4.10",
        "Freedom \u{2260} 3.07",
        "Accountability 3.35",
        "Transparency \u{2260} 3.10",
        "Trust 3.15",
    ] {
        assert_contains(&all, phrase);
    }
    assert!(!all.contains(','), "no Dutch decimal commas: {all}");
}

#[test]
fn the_modules_and_influence_radars() {
    let r = example_report();
    // opgave 111/35 = 3.17, organisatie 29/10, relaties 21569/6600 = 3.27, under the
    // modules' short labels; the title is chart.modules.
    let svg = radar_svg(&chart::modules_radar(&r, instrument(), Lang::Nl), SIZE);
    let all = joined(&svg);
    assert_eq!(texts(&svg)[0].text, "Opgave, organisatie en relaties");
    for phrase in ["Opgave 3,17", "Organisatie 2,90", "Relaties 3,27"] {
        assert_contains(&all, phrase);
    }
    assert_eq!(dots(&svg).len(), 3);

    // Influence over all five: resources (5 + 4 + 3 + 2 + 2) / 5 = 3.2, authority
    // (5 + 2 + 1 + 1 + 1) / 5 = 2, information (3 + 4 + 2 + 4 + 3) / 5 = 3.2,
    // communication (4 + 3 + 2 + 5 + 3) / 5 = 3.4. Each source is one answer per
    // respondent, so a statement's rule: resources, authority and communication span 3
    // points or more and diverge; information spans 2 with an sd of 0.84 and does not.
    let svg = radar_svg(&chart::influence_radar(&r, instrument(), Lang::En), SIZE);
    let all = joined(&svg);
    assert_eq!(texts(&svg)[0].text, "Sources of influence");
    for phrase in [
        "Resources \u{2260} 3.20",
        "Decision authority \u{2260} 2.00",
        "Information and expertise 3.20",
        "Communication \u{2260} 3.40",
    ] {
        assert_contains(&all, phrase);
    }
}

/// The examples with every transparantie answer removed.
fn without_transparantie() -> Report {
    let slots: Vec<usize> = instrument()
        .concept_slots(Concept::Transparantie)
        .iter()
        .map(|s| usize::from(s.index))
        .collect();
    let responses: Vec<Response> = examples()
        .into_iter()
        .map(|mut r| {
            for s in &slots {
                r.answers[*s] = netwerkregie::Answer::Unanswered;
            }
            r
        })
        .collect();
    report(&responses)
}

#[test]
fn a_missing_score_is_a_gap_with_geen_score_and_no_point_near_the_centre() {
    let r = without_transparantie();
    assert_eq!(r.concept_mean(Concept::Transparantie), None);
    let radar = chart::concepts_radar(&r, instrument(), Lang::Nl);
    assert_eq!(radar.values()[Concept::Transparantie.index()], None);
    let svg = radar_svg(&radar, SIZE);
    let all = joined(&svg);
    assert_contains(&all, "Transparantie geen score");
    assert_eq!(all.matches("geen score").count(), 1);
    assert_contains(&all, "Gelijkwaardigheid \u{2260} 2,87");
    assert_contains(&all, "Vertrouwen 3,15");
    // No closed polygon: the line breaks at the missing axis instead of dropping to 0,
    // and the band falls apart into one bar per axis.
    assert_eq!(count(&svg, "<polygon"), 0);
    let missing = texts(&svg)
        .into_iter()
        .find(|t| t.text == "geen score")
        .expect("geen score");
    assert_eq!(missing.fill, "#A64300", "dark vermillion (AA contrast)");
    // Five dots, none near the centre: the lowest score (1) lies a fifth of the radius
    // out, a missing one gets no dot at all.
    let (cx, cy) = centre(&svg);
    let ds = dots(&svg);
    assert_eq!(ds.len(), 5);
    for (x, y, _) in ds {
        let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        assert!(d > 20.0, "a dot {d} px from the centre");
    }

    let svg = radar_svg(&chart::concepts_radar(&r, instrument(), Lang::En), SIZE);
    assert_contains(&joined(&svg), "Transparency no score");
}

#[test]
fn the_tick_labels_sit_between_two_axes_away_from_every_point() {
    for r in [example_report(), without_transparantie()] {
        let radar = chart::concepts_radar(&r, instrument(), Lang::Nl);
        let svg = radar_svg(&radar, SIZE);
        let (cx, cy) = centre(&svg);
        let ticks: Vec<SvgText> = texts(&svg)
            .into_iter()
            .filter(|t| ["1", "2", "3", "4", "5"].contains(&t.text.as_str()))
            .collect();
        assert_eq!(ticks.len(), 5);
        let n = radar.axes.len();
        for t in &ticks {
            // On the tick spoke, halfway between the last axis and the first.
            let angle = (f64::from(t.y) - cy).atan2(f64::from(t.x) - cx);
            let off = (angle - chart::tick_angle(n)).rem_euclid(2.0 * std::f64::consts::PI);
            let off = off.min(2.0 * std::f64::consts::PI - off);
            assert!(off < 0.06, "tick {} at {angle} rad", t.text);
            // And clear of every dot.
            for (x, y, radius) in dots(&svg) {
                let d = ((x - f64::from(t.x)).powi(2) + (y - f64::from(t.y)).powi(2)).sqrt();
                assert!(
                    d > radius + t.font_size / 2.0,
                    "tick {} is {d} px from a dot",
                    t.text
                );
            }
        }
    }
}

#[test]
fn the_min_max_band_shows_for_a_group_and_not_for_one_respondent() {
    let group = chart::concepts_radar(&example_report(), instrument(), Lang::Nl);
    assert!(group.ranges.iter().all(Option::is_some));
    let svg = radar_svg(&group, SIZE);
    // The band is a ring of light blue: the outer and inner edge, and the fill.
    assert_eq!(count(&svg, "opacity=\"0.12\" fill=\"#0072B2\""), 1);
    assert_eq!(count(&svg, "opacity=\"0.35\" stroke=\"#0072B2\""), 2);

    let one = report(&examples()[..1]);
    let radar = chart::concepts_radar(&one, instrument(), Lang::Nl);
    assert!(radar.ranges.iter().all(Option::is_none));
    let svg = radar_svg(&radar, SIZE);
    assert_eq!(count(&svg, "opacity=\"0.12\""), 0);
    assert_eq!(count(&svg, "opacity=\"0.35\""), 0);
    // Anna's own scores: 4, 9/2, 17/4, 7/2, 4, 7/2.
    let all = joined(&svg);
    for phrase in [
        "Gelijkwaardigheid 4,00",
        "Respect 4,50",
        "Vrijheid 4,25",
        "Verantwoording 3,50",
    ] {
        assert_contains(&all, phrase);
    }
    assert!(!all.contains('\u{2260}'), "one respondent never diverges");
    assert_eq!(count(&svg, "<polygon"), 1);
}

#[test]
fn an_empty_report_draws_every_axis_as_missing() {
    let r = report(&[]);
    for (radar, axes) in [
        (chart::concepts_radar(&r, instrument(), Lang::Nl), 6),
        (chart::modules_radar(&r, instrument(), Lang::Nl), 3),
        (chart::influence_radar(&r, instrument(), Lang::Nl), 4),
    ] {
        let svg = radar_svg(&radar, SIZE);
        assert_eq!(joined(&svg).matches("geen score").count(), axes);
        assert_eq!(count(&svg, "<polygon"), 0);
        assert!(dots(&svg).is_empty());
    }
    let svg = ladder_svg(&chart::ladder_chart(&r, instrument(), Lang::Nl));
    let numbers: Vec<String> = texts(&svg)
        .into_iter()
        .map(|t| t.text)
        .filter(|t| t.parse::<usize>().is_ok())
        .collect();
    assert!(numbers.is_empty(), "no counts drawn: {numbers:?}");
}

#[test]
fn the_first_chart_of_the_page_needs_no_report() {
    // The page draws one respondent's concepts from the compiled key alone.
    let key = BUILTIN_CONCEPTS;
    let anna = &examples()[0];
    let scores = Scores::of(instrument(), anna);
    let axes = Concept::ALL
        .iter()
        .map(|c| key.labels[c.index()].get(Lang::Nl).to_owned())
        .collect();
    let mut values = scores.concepts.to_vec();
    values[Concept::Vertrouwen.index()] = None;
    let radar = chart::scores_radar(
        &key.title,
        axes,
        values,
        &key.missing,
        key.decimal
            .get(Lang::Nl)
            .chars()
            .next()
            .expect("a separator"),
        Lang::Nl,
    );
    let svg = radar_svg(&radar, SIZE);
    let all = joined(&svg);
    assert_eq!(texts(&svg)[0].text, "Gezonde relaties");
    assert_contains(&all, "Respect 4,50");
    assert_contains(&all, "Vertrouwen geen score");
    assert_eq!(key.statements.len(), instrument().statement_count());
    assert_eq!(key.version, instrument().version());
}

#[test]
fn text_scales_with_the_canvas() {
    let radar = chart::concepts_radar(&example_report(), instrument(), Lang::Nl);
    let size_of = |size| {
        texts(&radar_svg(&radar, size))
            .into_iter()
            .find(|t| t.text == "Respect")
            .expect("label")
            .font_size
    };
    let (small, large) = (size_of((320, 260)), size_of((1280, 1040)));
    assert!(large > 3.0 * small, "{small} -> {large}");
}

#[test]
fn the_ladder_shows_rungs_and_counts() {
    let r = example_report();
    let svg = ladder_svg(&chart::ladder_chart(&r, instrument(), Lang::Nl));
    let all = texts(&svg);
    let joined_text = joined(&svg);
    assert_eq!(all[0].text, "Participatieladder");
    assert_contains(&joined_text, "nu");
    assert_contains(&joined_text, "gewenst");

    // Current: regisseren 3 (Anna, Bram, Dewi), reguleren 1 (Chris); Eva "weet niet".
    // Desired: faciliteren 3 (Chris, Dewi, Eva), stimuleren 1 (Bram), regisseren 1 (Anna).
    let expected: [(&str, Option<&str>, Option<&str>); 5] = [
        ("Loslaten", None, None),
        ("Faciliteren", None, Some("3")),
        ("Stimuleren", None, Some("1")),
        ("Regisseren", Some("3"), Some("1")),
        ("Reguleren", Some("1"), None),
    ];
    let rung_y: Vec<(&str, i32)> = expected
        .iter()
        .map(|(label, _, _)| {
            let t = all
                .iter()
                .find(|t| t.text == *label)
                .unwrap_or_else(|| panic!("{label} in {joined_text}"));
            (*label, t.y)
        })
        .collect();
    // The lowest rung at the bottom.
    assert!(rung_y.windows(2).all(|w| w[0].1 > w[1].1), "{rung_y:?}");
    // Each count belongs to the rung label nearest in height: current above the middle
    // of the row, desired below it.
    let mut found: Vec<(&str, &str, String)> = all
        .iter()
        .filter(|t| t.text.parse::<usize>().is_ok())
        .map(|t| {
            let (label, y) = rung_y
                .iter()
                .min_by_key(|(_, y)| (t.y - y).abs())
                .expect("rungs");
            let which = if t.y < *y { "current" } else { "desired" };
            (*label, which, t.text.clone())
        })
        .collect();
    found.sort();
    let mut want: Vec<(&str, &str, String)> = Vec::new();
    for (label, current, desired) in expected {
        if let Some(c) = current {
            want.push((label, "current", c.to_owned()));
        }
        if let Some(d) = desired {
            want.push((label, "desired", d.to_owned()));
        }
    }
    want.sort();
    assert_eq!(found, want);

    let en = joined(&ladder_svg(&chart::ladder_chart(
        &r,
        instrument(),
        Lang::En,
    )));
    for label in [
        "Participation ladder",
        "Let go",
        "Facilitate",
        "Stimulate",
        "Direct",
        "Regulate",
        "now",
        "desired",
    ] {
        assert_contains(&en, label);
    }
}

#[test]
fn scores_read_with_the_languages_separator() {
    let i = instrument();
    assert_eq!(chart::format_score(19.0 / 6.0, i.decimal(Lang::Nl)), "3,17");
    assert_eq!(chart::format_score(19.0 / 6.0, i.decimal(Lang::En)), "3.17");
    assert_eq!(chart::format_score(2.89, ','), "2,89");
    assert_eq!(chart::format_score(5.0, ','), "5,00");
    assert_eq!(chart::format_score(1.0, '.'), "1.00");
    assert_eq!(chart::format_score(-0.75, ','), "-0,75");
    // A further language takes its separator from the instrument's words.
    let fy = Lang::parse("fy").expect("a code");
    assert_eq!(
        i.decimal(fy),
        '.',
        "English where the instrument has no Frisian"
    );
}

#[test]
fn a_trainers_instrument_rewords_the_charts() {
    let mut v: serde_json::Value =
        serde_json::from_str(netwerkregie::Instrument::builtin_json()).expect("JSON");
    v["words"]["chart.concepts"] =
        serde_json::json!({"nl": "Onze relaties", "en": "Our relations"});
    v["words"]["score.missing"] = serde_json::json!({"nl": "onbekend", "en": "unknown"});
    v["words"]["decimal"] = serde_json::json!({"nl": ".", "en": ","});
    let trainer = netwerkregie::Instrument::from_json(&v.to_string()).expect("valid");
    let r = netwerkregie::Group::report_of(&trainer, &[]);
    let svg = radar_svg(&chart::concepts_radar(&r, &trainer, Lang::Nl), SIZE);
    assert_eq!(texts(&svg)[0].text, "Onze relaties");
    assert_eq!(joined(&svg).matches("onbekend").count(), 6);
    let r = netwerkregie::Group::report_of(&trainer, &examples());
    let all = joined(&radar_svg(
        &chart::concepts_radar(&r, &trainer, Lang::En),
        SIZE,
    ));
    assert_contains(&all, "Our relations");
    assert_contains(&all, "Respect 4,10");
}
