//! The binding, exercised in headless Chromium by wasm-bindgen-test.
#![cfg(target_family = "wasm")]

use js_sys::{Array, Reflect};
use netwerkscan_wasm::Scan;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const ANNA: &str = include_str!("../../examples/anna-gemeente.json");

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn error_message(e: wasm_bindgen::JsError) -> String {
    get(&JsValue::from(e), &["message"])
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn instrument_is_a_plain_object() {
    let scan = Scan::new();
    let instrument = scan.instrument().expect("instrument converts");
    assert_eq!(
        get(&instrument, &["id"]).as_string().as_deref(),
        Some("netwerkscan")
    );
    let items: Array = get(&instrument, &["items"])
        .dyn_into()
        .expect("items is an array");
    assert_eq!(items.length(), 29);
}

#[wasm_bindgen_test]
fn parse_error_names_the_field() {
    let scan = Scan::new();
    let bad = ANNA.replacen("\"opgave-1\": 4", "\"opgave-1\": 7", 1);
    assert_ne!(bad, ANNA, "the example answers opgave-1 with 4");
    let err = scan
        .parse_response(&bad, Some("en".into()))
        .map(|_| ())
        .expect_err("7 is refused");
    let message = error_message(err);
    assert!(message.contains("answers.opgave-1"), "{message}");
    assert!(message.contains("1..5"), "{message}");
}

#[wasm_bindgen_test]
fn round_trip_through_javascript_keeps_everything() {
    let scan = Scan::new();
    let with_extra = ANNA.replacen('{', "{\"x-trainer\": {\"group\": 3},", 1);
    let response = scan.parse_response(&with_extra, None).expect("valid");
    let text = scan.response_to_json(response).expect("serialises");
    let again = scan.parse_response(&text, None).expect("reads back");
    assert_eq!(get(&again, &["x-trainer", "group"]).as_f64(), Some(3.0));
    assert_eq!(get(&again, &["answers", "opgave-1"]).as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
fn report_and_radar_are_drawn() {
    let scan = Scan::new();
    let response = scan.parse_response(ANNA, None).expect("valid");
    let report = scan.analyse(&Array::of1(&response).into()).expect("report");
    let plain = report.to_json().expect("plain object");
    assert_eq!(get(&plain, &["respondents"]).as_f64(), Some(1.0));
    let same = scan.report(&Array::of1(&response).into()).expect("report");
    assert_eq!(
        js_sys::JSON::stringify(&same).ok(),
        js_sys::JSON::stringify(&plain).ok()
    );

    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas.set_width(400);
    canvas.set_height(300);
    scan.draw_concepts(canvas.clone(), &report, "nl")
        .expect("draws");
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d context")
        .dyn_into()
        .expect("2d");
    let pixels = ctx
        .get_image_data(0.0, 0.0, 400.0, 300.0)
        .expect("pixels")
        .data();
    let blue = pixels.chunks(4).filter(|p| p[2] > 150 && p[0] < 60).count();
    assert!(
        blue > 500,
        "the concept polygon is blue; found {blue} blue pixels"
    );

    let err = scan
        .draw_concepts(canvas, &report, "de")
        .expect_err("unknown language");
    assert!(error_message(err).contains("\"nl\" or \"en\""));
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    let scan = Scan::new();
    assert!(scan.report(&JsValue::from_str("nope")).is_err());
    let array = Array::of1(&JsValue::from_f64(3.0));
    let message = error_message(
        scan.report(&array.into())
            .map(|_| ())
            .expect_err("not a response"),
    );
    assert!(message.contains("response 1"), "{message}");
    let message = error_message(
        Scan::from_instrument("{}")
            .map(|_| ())
            .expect_err("not an instrument"),
    );
    assert!(message.contains("instrument"), "{message}");
}
