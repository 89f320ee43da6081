//! The binding, exercised in headless Chromium by wasm-bindgen-test (both builds: the
//! tests run with `--features first`, next to the default `full`).
#![cfg(target_family = "wasm")]

use js_sys::{Array, Reflect};
use netwerkscan_wasm::full::Scan;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const ANNA: &str = include_str!("../../examples/anna-gemeente.json");
const EXAMPLES: [&str; 5] = [
    ANNA,
    include_str!("../../examples/bram-zorgaanbieder.json"),
    include_str!("../../examples/chris-woningcorporatie.json"),
    include_str!("../../examples/dewi-bewonerscollectief.json"),
    include_str!("../../examples/eva-school.json"),
];
const ANNA_V1: &str = include_str!("../../core/tests/fixtures/v1/anna-gemeente.json");

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn message(e: wasm_bindgen::JsError) -> String {
    get(&JsValue::from(e), &["message"])
        .as_string()
        .unwrap_or_default()
}

fn parse(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("JSON")
}

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas.set_width(w);
    canvas.set_height(h);
    canvas
}

/// How many pixels of the canvas are not white.
fn inked(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d")
        .dyn_into()
        .expect("context");
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("pixels")
        .data();
    data.chunks(4)
        .filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250)
        .count()
}

#[wasm_bindgen_test]
fn a_parse_error_names_the_field_in_the_language_asked() {
    let scan = Scan::new();
    let bad = ANNA.replacen("\"opgave-eigen\": 4", "\"opgave-eigen\": 7", 1);
    assert_ne!(bad, ANNA, "the example answers opgave-eigen with 4");
    let err = scan
        .parse_response(&bad, Some("en".into()))
        .map(|_| ())
        .expect_err("7 is refused");
    let text = message(err);
    assert!(text.contains("answers.opgave-eigen"), "{text}");
    assert!(text.contains("not on the scale 1..5"), "{text}");
    let err = scan
        .parse_response(&bad, None)
        .map(|_| ())
        .expect_err("7 is refused");
    assert!(message(err).contains("ligt niet op de schaal"));
}

#[wasm_bindgen_test]
fn a_round_trip_through_javascript_keeps_unknown_fields() {
    let scan = Scan::new();
    // JavaScript holds the response as an object, so a number is what a JavaScript
    // number can be; the CLI keeps every digit (the core's tests).
    let with_extra = ANNA.replacen(
        '{',
        "{\"x-trainer\": {\"groep\": 3, \"f\": 0.125, \"l\": [1, \"x\"]},",
        1,
    );
    let response = scan.parse_response(&with_extra, None).expect("valid");
    let text = scan.response_to_json(&response).expect("serialises");
    assert!(text.contains("\"x-trainer\""), "{text}");
    assert!(text.contains("0.125"), "{text}");
    assert!(text.contains("0.125"), "{text}");
    let again = scan.parse_response(&text, None).expect("reads back");
    assert_eq!(
        js_sys::JSON::stringify(&again).ok(),
        js_sys::JSON::stringify(&response).ok()
    );
}

#[wasm_bindgen_test]
fn a_version_1_file_comes_back_as_version_2() {
    let scan = Scan::new();
    let response = scan.parse_response(ANNA_V1, None).expect("version 1 reads");
    assert_eq!(get(&response, &["version"]).as_f64(), Some(2.0));
    assert_eq!(
        get(&response, &["instrument", "version"])
            .as_string()
            .as_deref(),
        Some("2")
    );
    // opgave-2 became opgave-positiespel; opgave-1 was replaced and is left out.
    assert_eq!(
        get(&response, &["answers", "opgave-positiespel"]).as_f64(),
        Some(2.0)
    );
    assert!(get(&response, &["answers", "opgave-1"]).is_undefined());
}

#[wasm_bindgen_test]
fn analyse_draws_every_chart_and_reports_plain_objects() {
    let scan = Scan::new();
    let responses = Array::of1(&parse(ANNA));
    let report = scan
        .analyse(&responses, &JsValue::UNDEFINED)
        .expect("analyses");
    let json = report.to_json().expect("plain object");
    assert_eq!(
        get(&json, &["view"]).as_string().as_deref(),
        Some("respondent")
    );
    assert!(get(&json, &["concepts", "respect", "mean"])
        .as_f64()
        .is_some());
    let c = canvas(400, 400);
    scan.draw_concepts(c.clone(), &report, "nl", &JsValue::UNDEFINED)
        .expect("draws");
    assert!(inked(&c) > 1000, "the radar left marks");
    let c = canvas(400, 300);
    scan.draw_influence(c.clone(), &report, "en")
        .expect("draws");
    assert!(inked(&c) > 500);
    for view in [
        None,
        Some("government".to_owned()),
        Some("partners".to_owned()),
    ] {
        let c = canvas(400, 300);
        scan.draw_ladder(c.clone(), &report, "en", view)
            .expect("draws");
        assert!(inked(&c) > 500);
    }
    let err = scan
        .draw_ladder(canvas(400, 300), &report, "en", Some("bestuur".into()))
        .expect_err("no such view");
    assert!(message(err).contains("bestuur"));
    let err = scan
        .draw_concepts(canvas(0, 0), &report, "nl", &JsValue::UNDEFINED)
        .expect_err("no size");
    assert!(message(err).contains("no size"));
}

#[wasm_bindgen_test]
fn exports_are_svg_and_csv_from_the_core() {
    let scan = Scan::new();
    let responses = Array::of2(&parse(ANNA), &parse(ANNA));
    let report = scan
        .analyse(&responses, &JsValue::UNDEFINED)
        .expect("analyses");
    let svg = scan
        .svg("concepts", &report, "nl", 640, 520, &JsValue::UNDEFINED)
        .expect("svg");
    assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
    assert!(svg.contains("Gelijkwaardigheid"));
    let csv = scan.csv(&report, "nl").expect("csv");
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(";respect;"), "{csv}");
    assert!(csv.contains("\r\n"));
    let err = scan
        .svg("taart", &report, "nl", 640, 520, &JsValue::UNDEFINED)
        .expect_err("no such chart");
    assert!(message(err).contains("taart"));
}

#[wasm_bindgen_test]
fn read_responses_names_bad_files_and_fingerprints_equal_ones() {
    let scan = Scan::new();
    let reformatted = ANNA.replace('\n', "");
    let entries = scan
        .read_responses(vec![ANNA.into(), "{".into(), reformatted], "en")
        .expect("reads");
    let entries: Array = entries.dyn_into().expect("an array");
    assert_eq!(entries.length(), 3);
    let first = get(&entries.get(0), &["fingerprint"]).as_string();
    let third = get(&entries.get(2), &["fingerprint"]).as_string();
    assert!(first.is_some());
    assert_eq!(first, third, "the same response, formatted otherwise");
    let error = get(&entries.get(1), &["error"])
        .as_string()
        .unwrap_or_default();
    assert!(error.contains("not valid JSON"), "{error}");
}

#[wasm_bindgen_test]
fn a_held_set_is_read_once_and_analysed_with_a_baseline() {
    use netwerkscan_wasm::full::Responses;
    let scan = Scan::new();
    let mut set = Responses::new();
    let entries: Array = scan
        .read_into(
            &mut set,
            vec![ANNA.into(), "[]".into(), ANNA_V1.into()],
            "nl",
        )
        .expect("reads")
        .dyn_into()
        .expect("an array");
    assert_eq!(set.length(), 2, "the bad text is not added");
    assert_eq!(get(&entries.get(0), &["index"]).as_f64(), Some(0.0));
    assert_eq!(get(&entries.get(2), &["index"]).as_f64(), Some(1.0));
    assert_eq!(
        get(&entries.get(2), &["migrated"]).as_string().as_deref(),
        Some("1")
    );
    assert!(get(&entries.get(2), &["leftOut"]).as_f64().unwrap_or(0.0) > 0.0);
    assert!(get(&entries.get(1), &["error"]).is_string());
    // The same response reads to the same fingerprint in another Scan (another visit).
    let again = Scan::new()
        .read_responses(vec![ANNA.into()], "nl")
        .expect("reads");
    let again: Array = again.dyn_into().expect("an array");
    assert_eq!(
        get(&again.get(0), &["fingerprint"]).as_string(),
        get(&entries.get(0), &["fingerprint"]).as_string()
    );
    let mut baseline = Responses::new();
    scan.read_into(&mut baseline, vec![ANNA_V1.into()], "nl")
        .expect("reads");
    let report = scan
        .analyse_set(&set, &baseline, &JsValue::UNDEFINED)
        .expect("analyses");
    let json = report.to_json().expect("plain object");
    assert_eq!(get(&json, &["respondents"]).as_f64(), Some(2.0));
    assert!(get(&json, &["change", "concepts", "respect", "baseline"])
        .as_f64()
        .is_some());
    assert!(set.remove(0));
    assert!(!set.remove(5));
    assert_eq!(set.length(), 1);
}

#[wasm_bindgen_test]
fn a_trainers_instrument_lists_every_problem_in_the_language_asked() {
    let bad = "{\"format\": \"netwerkscan-instrument\", \"id\": 7}";
    let text = message(
        Scan::from_instrument(bad, Some("en".into()))
            .map(|_| ())
            .expect_err("not an instrument"),
    );
    assert!(
        text.contains("\n- id: expected text, found a number\n"),
        "{text}"
    );
    assert!(text.contains("\n- items: is missing\n"), "{text}");
    // Dutch by default, as the other exports.
    for lang in [None, Some("nl".into())] {
        let text = message(
            Scan::from_instrument(bad, lang)
                .map(|_| ())
                .expect_err("not an instrument"),
        );
        assert!(text.starts_with("instrument: "), "{text}");
        assert!(
            text.contains("\n- id: verwacht tekst, gevonden: een getal\n"),
            "{text}"
        );
        assert!(text.contains("\n- items: ontbreekt\n"), "{text}");
    }
    let text = message(
        Scan::from_instrument("{", Some("nl".into()))
            .map(|_| ())
            .expect_err("not JSON"),
    );
    assert!(
        text.starts_with("instrument: geen geldige JSON op regel 1"),
        "{text}"
    );
    assert!(Scan::from_instrument(bad, Some("x".into())).is_err());
}

#[wasm_bindgen_test]
fn the_first_chart_draws_from_a_draft_and_declines_what_it_cannot_read() {
    use netwerkscan_wasm::first::draw_first_chart;
    let c = canvas(400, 400);
    assert_eq!(
        draw_first_chart(c.clone(), &parse(ANNA), "nl").ok(),
        Some(true)
    );
    assert!(inked(&c) > 1000);
    // An empty draft is a first visit: the empty radar.
    assert_eq!(
        draw_first_chart(canvas(400, 400), &JsValue::NULL, "en").ok(),
        Some(true)
    );
    // A value the reader would refuse, or another version: left to the full module.
    let bad = parse(&ANNA.replacen("\"opgave-eigen\": 4", "\"opgave-eigen\": 3.5", 1));
    assert_eq!(
        draw_first_chart(canvas(400, 400), &bad, "nl").ok(),
        Some(false)
    );
    assert_eq!(
        draw_first_chart(canvas(400, 400), &parse(ANNA_V1), "nl").ok(),
        Some(false)
    );
}

#[wasm_bindgen_test]
fn a_group_is_set_against_everyone_else() {
    use netwerkscan_wasm::full::Responses;
    let scan = Scan::new();
    let mut set = Responses::new();
    scan.read_into(&mut set, EXAMPLES.map(String::from).to_vec(), "nl")
        .expect("reads");
    let empty = Responses::new();
    let options = parse(r#"{"by": ["sector"], "minGroup": 1, "rest": ["sector", "overheid"]}"#);
    let report = scan.analyse_set(&set, &empty, &options).expect("analyses");
    let json = report.to_json().expect("plain object");
    assert_eq!(
        get(&json, &["rest", "by"]).as_string().as_deref(),
        Some("sector")
    );
    assert_eq!(
        get(&json, &["rest", "except"]).as_string().as_deref(),
        Some("overheid")
    );
    assert_eq!(get(&json, &["rest", "n"]).as_f64(), Some(4.0));
    // Bram, Chris, Dewi and Eva: (3 + 9/4 + 7/4 + 10/3) / 4 (core/tests/splits.rs).
    let mean = get(&json, &["rest", "concepts", "gelijkwaardigheid", "mean"])
        .as_f64()
        .expect("a mean");
    assert!((mean - 31.0 / 12.0).abs() < 1e-12, "{mean}");

    // Drawn against the group, in the canvas and the SVG, with the word and the n.
    let draw = parse(r#"{"compare": ["sector", "overheid", null], "rest": true, "legend": true}"#);
    let c = canvas(500, 500);
    scan.draw_concepts(c.clone(), &report, "nl", &draw)
        .expect("draws");
    assert!(inked(&c) > 1000);
    let svg = scan
        .svg("concepts", &report, "nl", 640, 640, &draw)
        .expect("svg");
    assert!(svg.contains("alle anderen (4)"), "no rest in the legend");
    assert!(svg.contains("Overheid (1)"), "no group in the legend");
    let svg = scan
        .svg("modules", &report, "en", 640, 640, &draw)
        .expect("svg");
    assert!(svg.contains("everyone else (4)"));
    let plain = parse(r#"{"compare": ["sector", "overheid", "bewoners"], "legend": true}"#);
    let svg = scan
        .svg("concepts", &report, "nl", 640, 640, &plain)
        .expect("svg");
    assert!(!svg.contains("alle anderen"));
    assert!(
        svg.contains("Bewoners of cli"),
        "no second group in the legend"
    );

    // Too few outside the group: withheld, no scores.
    let options = parse(r#"{"by": ["sector"], "rest": ["sector", "maatschappelijk"]}"#);
    let json = scan
        .analyse_set(&set, &empty, &options)
        .expect("analyses")
        .to_json()
        .expect("plain object");
    assert_eq!(get(&json, &["rest", "n"]).as_f64(), Some(2.0));
    assert_eq!(get(&json, &["rest", "withheld"]).as_bool(), Some(true));
    assert!(get(&json, &["rest", "concepts"]).is_undefined());
    // Not asked: no rest.
    let json = scan
        .analyse_set(&set, &empty, &JsValue::UNDEFINED)
        .expect("analyses")
        .to_json()
        .expect("plain object");
    assert!(get(&json, &["rest"]).is_undefined());
    // An unknown dimension is named.
    let err = scan
        .analyse_set(&set, &empty, &parse(r#"{"rest": ["taart", null]}"#))
        .map(|_| ())
        .expect_err("no such dimension");
    assert!(message(err).contains("taart"));
}
