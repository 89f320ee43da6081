//! The charts, drawn into SVG text and checked on content: labels, formatted scores,
//! missing values and counts (not whole-file snapshots, so layout may change freely).

use netwerkregie::chart::{self, Radar};
use netwerkregie::group::Report;
use netwerkregie::{Concept, Group, Instrument, Lang, Response};
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

const SIZE: (u32, u32) = (640, 520);

fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

fn examples() -> Vec<Response> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    paths
        .iter()
        .map(|p| {
            Response::from_json(&std::fs::read_to_string(p).expect("read"), instrument())
                .expect("valid example")
        })
        .collect()
}

fn example_report() -> Report {
    Group::report_of(instrument(), &examples())
}

fn radar_svg(radar: &Radar, lang: Lang, size: (u32, u32)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        chart::draw_radar(&area, radar, lang).expect("draws");
        area.present().expect("presents");
    }
    svg
}

fn ladder_svg(report: &Report, lang: Lang) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        chart::draw_ladder(&area, &chart::ladder_chart(report, instrument(), lang)).expect("draws");
        area.present().expect("presents");
    }
    svg
}

/// One `<text>` element of the SVG.
#[derive(Debug, Clone)]
struct SvgText {
    y: i32,
    fill: String,
    font_size: f64,
    text: String,
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

/// Every text drawn, in drawing order.
fn texts(svg: &str) -> Vec<SvgText> {
    svg.split("<text ")
        .skip(1)
        .map(|chunk| {
            let (attrs, rest) = chunk.split_once('>').expect("tag end");
            let attrs = format!(" {attrs}");
            let body = rest.split("</text>").next().expect("text body");
            SvgText {
                y: attr(&attrs, "y").parse().expect("y"),
                fill: attr(&attrs, "fill").to_owned(),
                font_size: attr(&attrs, "font-size").parse().expect("font-size"),
                text: unescape(body.trim()),
            }
        })
        .collect()
}

/// All texts joined by spaces, in drawing order: a wrapped label reads as one phrase,
/// followed by its value.
fn joined(svg: &str) -> String {
    texts(svg)
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

#[track_caller]
fn assert_contains(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "{needle:?} not in {haystack:?}");
}

#[test]
fn concepts_radar_in_dutch() {
    let report = example_report();
    let svg = radar_svg(
        &chart::concepts_radar(&report, instrument(), Lang::Nl),
        Lang::Nl,
        SIZE,
    );
    assert!(svg.starts_with("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    let all = joined(&svg);
    assert_contains(&all, "Gezonde relaties");
    // Means from the examples (see tests/scoring.rs): 19/6, 47/15, 47/15, 52/15, 46/15, 49/15.
    for (label, value) in [
        ("Gelijkwaardigheid", "3,17"),
        ("Respect", "3,13"),
        ("Vrijheid", "3,13"),
        ("Verantwoording", "3,47"),
        ("Transparantie", "3,07"),
        ("Vertrouwen", "3,27"),
    ] {
        assert_contains(&all, &format!("{label} {value}"));
    }
    assert!(!all.contains("geen score"));
    // All six present: one closed, filled polygon.
    assert_eq!(count(&svg, "<polygon"), 1);
    // Scores are written in blue, never in the colour for a missing score.
    let three_seventeen = texts(&svg)
        .into_iter()
        .find(|t| t.text == "3,17")
        .expect("3,17");
    assert_eq!(three_seventeen.fill, "#0072B2");
}

#[test]
fn concepts_radar_in_english() {
    let report = example_report();
    let svg = radar_svg(
        &chart::concepts_radar(&report, instrument(), Lang::En),
        Lang::En,
        SIZE,
    );
    let all = joined(&svg);
    assert_contains(&all, "Healthy relations");
    for (label, value) in [
        ("Equivalence", "3.17"),
        ("Respect", "3.13"),
        ("Freedom", "3.13"),
        ("Accountability", "3.47"),
        ("Transparency", "3.07"),
        ("Trust", "3.27"),
    ] {
        assert_contains(&all, &format!("{label} {value}"));
    }
    assert!(!all.contains(','), "no Dutch decimal commas: {all}");
}

#[test]
fn modules_and_influence_radars() {
    let report = example_report();
    let svg = radar_svg(
        &chart::modules_radar(&report, instrument(), Lang::Nl),
        Lang::Nl,
        SIZE,
    );
    let all = joined(&svg);
    assert_contains(&all, "Overzicht");
    // opgave 46/15 = 3.07, organisatie 289/100 = 2.89, relaties 8111/2520 = 3.22,
    // under the modules' short labels.
    for (label, value) in [
        ("Opgave", "3,07"),
        ("Organisatie", "2,89"),
        ("Relaties", "3,22"),
    ] {
        assert_contains(&all, &format!("{label} {value}"));
    }
    assert_eq!(count(&svg, "<polygon"), 1);

    // Influence over all five: resources (5 + 4 + 3 + 2 + 2) / 5 = 3.2,
    // authority (5 + 2 + 1 + 1 + 1) / 5 = 2, information (3 + 4 + 2 + 4 + 3) / 5 = 3.2,
    // communication (4 + 3 + 2 + 5 + 3) / 5 = 3.4.
    let svg = radar_svg(
        &chart::influence_radar(&report, instrument(), Lang::Nl),
        Lang::Nl,
        SIZE,
    );
    let all = joined(&svg);
    assert_contains(&all, "Invloed");
    for (label, value) in [
        ("Hulpbronnen", "3,20"),
        ("Bevoegdheden", "2,00"),
        ("Informatie en deskundigheid", "3,20"),
        ("Communicatie", "3,40"),
    ] {
        assert_contains(&all, &format!("{label} {value}"));
    }
    assert_eq!(count(&svg, "<polygon"), 1);
}

/// The examples with every transparantie answer removed.
fn without_transparantie() -> Report {
    let responses: Vec<Response> = examples()
        .into_iter()
        .map(|mut r| {
            r.answers.retain(|k, _| !k.starts_with("transparantie-"));
            r
        })
        .collect();
    Group::report_of(instrument(), &responses)
}

#[test]
fn a_missing_concept_shows_geen_score_and_no_closed_polygon() {
    let report = without_transparantie();
    assert_eq!(report.concept_mean(Concept::Transparantie), None);
    let svg = radar_svg(
        &chart::concepts_radar(&report, instrument(), Lang::Nl),
        Lang::Nl,
        SIZE,
    );
    let all = joined(&svg);
    assert_contains(&all, "Transparantie geen score");
    assert_eq!(all.matches("geen score").count(), 1);
    // The others still show their scores.
    assert_contains(&all, "Gelijkwaardigheid 3,17");
    assert_contains(&all, "Vertrouwen 3,27");
    // No polygon: the line breaks at the missing axis instead of dropping to 0.
    assert_eq!(count(&svg, "<polygon"), 0);
    let missing = texts(&svg)
        .into_iter()
        .find(|t| t.text == "geen score")
        .expect("geen score");
    assert_eq!(
        missing.fill, "#A64300",
        "written in dark vermillion (AA contrast)"
    );

    let svg = radar_svg(
        &chart::concepts_radar(&report, instrument(), Lang::En),
        Lang::En,
        SIZE,
    );
    assert_contains(&joined(&svg), "Transparency no score");
    assert_eq!(count(&svg, "<polygon"), 0);
}

#[test]
fn an_empty_report_draws_every_axis_as_missing() {
    let report = Group::report_of(instrument(), &[]);
    for (radar, axes) in [
        (chart::concepts_radar(&report, instrument(), Lang::Nl), 6),
        (chart::modules_radar(&report, instrument(), Lang::Nl), 3),
        (chart::influence_radar(&report, instrument(), Lang::Nl), 4),
    ] {
        let svg = radar_svg(&radar, Lang::Nl, SIZE);
        assert_eq!(joined(&svg).matches("geen score").count(), axes);
        assert_eq!(count(&svg, "<polygon"), 0);
    }
    let svg = ladder_svg(&report, Lang::Nl);
    let numbers: Vec<String> = texts(&svg)
        .into_iter()
        .map(|t| t.text)
        .filter(|t| t.parse::<usize>().is_ok())
        .collect();
    assert!(numbers.is_empty(), "no counts drawn: {numbers:?}");
}

#[test]
fn text_scales_with_the_canvas() {
    let report = example_report();
    let radar = chart::concepts_radar(&report, instrument(), Lang::Nl);
    let size_of = |size| {
        texts(&radar_svg(&radar, Lang::Nl, size))
            .into_iter()
            .find(|t| t.text == "Respect")
            .expect("label")
            .font_size
    };
    let small = size_of((320, 260));
    let large = size_of((1280, 1040));
    assert!(large > 3.0 * small, "{small} -> {large}");
}

#[test]
fn ladder_chart_shows_rungs_and_counts() {
    let report = example_report();
    let svg = ladder_svg(&report, Lang::Nl);
    let all = texts(&svg);
    let joined_text = joined(&svg);
    assert_contains(&joined_text, "Participatieladder");
    assert_contains(&joined_text, "nu");
    assert_contains(&joined_text, "gewenst");

    // Current: regisseren 3 (Anna, Bram, Dewi), reguleren 1 (Chris); Eva gave none.
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
    // Lowest rung at the bottom.
    assert!(rung_y.windows(2).all(|w| w[0].1 > w[1].1), "{rung_y:?}");

    // Each count belongs to the rung label nearest in height; current above the
    // middle of the row, desired below it.
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

    let en = joined(&ladder_svg(&report, Lang::En));
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
fn format_score_reads_in_the_users_language() {
    assert_eq!(chart::format_score(19.0 / 6.0, Lang::Nl), "3,17");
    assert_eq!(chart::format_score(19.0 / 6.0, Lang::En), "3.17");
    assert_eq!(chart::format_score(2.89, Lang::Nl), "2,89");
    assert_eq!(chart::format_score(5.0, Lang::Nl), "5,00");
    assert_eq!(chart::format_score(1.0, Lang::En), "1.00");
}
