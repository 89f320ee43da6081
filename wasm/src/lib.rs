//! The JavaScript face of netwerkregie, for the Netwerkscan page.
//!
//! A translation layer only: every export converts its input, makes one core call and
//! converts the output. Scoring, validation and drawing live in the core crate.
//! Errors become JavaScript `Error`s with the core's readable message; nothing here
//! can panic on input from the page.
//!
//! ```js
//! import init, { Scan } from './pkg/netwerkscan_wasm.js';
//! await init();
//! const scan = new Scan();
//! const report = scan.analyse([scan.emptyResponse()]);
//! scan.drawConcepts(document.querySelector('canvas'), report, 'nl');
//! console.log(report.toJSON().concepts.respect.mean); // null: nothing answered yet
//! report.free();
//! ```
#![cfg(target_family = "wasm")]

use netwerkregie::chart;
use netwerkregie::{Group, Instrument, Lang, Report, Response};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Converts a Rust value into a plain JavaScript value (objects, not `Map`s).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn lang(code: &str) -> Result<Lang, JsError> {
    Lang::parse(code).ok_or_else(|| {
        JsError::new(&format!(
            "unknown language \"{code}\"; use \"nl\" or \"en\""
        ))
    })
}

fn json(value: JsValue, what: &str) -> Result<serde_json::Value, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("{what}: not a JSON-like value: {e}")))
}

/// A scan over one instrument: the default one, or a trainer's own.
#[wasm_bindgen]
pub struct Scan {
    instrument: Instrument,
}

#[wasm_bindgen]
impl Scan {
    /// The default Netwerkscan instrument.
    #[wasm_bindgen(constructor)]
    #[must_use]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Scan {
        Scan {
            instrument: Instrument::builtin().clone(),
        }
    }

    /// A trainer's own instrument file; the error lists every problem in it.
    #[wasm_bindgen(js_name = fromInstrument)]
    pub fn from_instrument(text: &str) -> Result<Scan, JsError> {
        Ok(Scan {
            instrument: Instrument::from_json(text)?,
        })
    }

    /// The instrument as a plain object (the instrument file format).
    pub fn instrument(&self) -> Result<JsValue, JsError> {
        to_js(self.instrument.file())
    }

    /// A new, empty response to this instrument.
    #[wasm_bindgen(js_name = emptyResponse)]
    pub fn empty_response(&self) -> Result<JsValue, JsError> {
        to_js(&Response::new(&self.instrument).to_value())
    }

    /// Reads a response file's text; the error names the field that is wrong, in
    /// `lang` ("nl", the default, or "en").
    #[wasm_bindgen(js_name = parseResponse)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen takes optional strings by value.
    pub fn parse_response(
        &self,
        text: &str,
        lang_code: Option<String>,
    ) -> Result<JsValue, JsError> {
        let lang = lang(lang_code.as_deref().unwrap_or("nl"))?;
        let response = Response::from_json(text, &self.instrument)
            .map_err(|e| JsError::new(&e.message(lang)))?;
        to_js(&response.to_value())
    }

    /// A response object as the pretty JSON text of a response file.
    #[wasm_bindgen(js_name = responseToJson)]
    pub fn response_to_json(&self, response: JsValue) -> Result<String, JsError> {
        let value = json(response, "response")?;
        Ok(Response::from_value(value, &self.instrument)?.to_json_pretty())
    }

    /// The group report of an array of response objects, as a handle to draw from.
    ///
    /// The array crosses into wasm as one JSON text: `JSON.stringify` and serde_json
    /// are several times faster than converting thousands of objects key by key.
    pub fn analyse(&self, responses: &JsValue) -> Result<GroupReport, JsError> {
        if !js_sys::Array::is_array(responses) {
            return Err(JsError::new("report: expected an array of responses"));
        }
        let text = js_sys::JSON::stringify(responses)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| JsError::new("report: the responses cannot be written as JSON"))?;
        let values: Vec<serde_json::Value> = serde_json::from_str(&text)
            .map_err(|e| JsError::new(&format!("report: expected an array of responses: {e}")))?;
        let mut group = Group::new(&self.instrument);
        for (i, value) in values.into_iter().enumerate() {
            let response = Response::from_value(value, &self.instrument)
                .map_err(|e| JsError::new(&format!("response {}: {e}", i + 1)))?;
            group.add(&response);
        }
        Ok(GroupReport {
            report: group.report(),
        })
    }

    /// The group report of an array of response objects, as a plain object.
    pub fn report(&self, responses: &JsValue) -> Result<JsValue, JsError> {
        self.analyse(responses)?.to_json()
    }

    /// Draws the radar of the six concepts.
    #[wasm_bindgen(js_name = drawConcepts)]
    pub fn draw_concepts(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
    ) -> Result<(), JsError> {
        self.radar(canvas, report, lang_code, chart::concepts_radar)
    }

    /// Draws the overview radar of opgave, organisatie and relaties.
    #[wasm_bindgen(js_name = drawModules)]
    pub fn draw_modules(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
    ) -> Result<(), JsError> {
        self.radar(canvas, report, lang_code, chart::modules_radar)
    }

    /// Draws the radar of the four sources of influence.
    #[wasm_bindgen(js_name = drawInfluence)]
    pub fn draw_influence(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
    ) -> Result<(), JsError> {
        self.radar(canvas, report, lang_code, chart::influence_radar)
    }

    /// Draws the participation ladder with current and desired rungs.
    #[wasm_bindgen(js_name = drawLadder)]
    pub fn draw_ladder(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
    ) -> Result<(), JsError> {
        let lang = lang(lang_code)?;
        let area = canvas_area(canvas)?;
        chart::draw_ladder(
            &area,
            &chart::ladder_chart(&report.report, &self.instrument, lang),
        )
        .map_err(draw_error)?;
        area.present().map_err(draw_error)
    }
}

/// Builds a radar from the report with one of the core's chart functions.
type RadarOf = fn(&Report, &Instrument, Lang) -> chart::Radar;

impl Scan {
    fn radar(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
        radar_of: RadarOf,
    ) -> Result<(), JsError> {
        let lang = lang(lang_code)?;
        draw_radar(
            canvas,
            &radar_of(&report.report, &self.instrument, lang),
            lang,
        )
    }
}

/// A group report held in wasm, so the charts draw from it without the report
/// crossing back from JavaScript (deserialising it would add 28 KB gzipped).
#[wasm_bindgen(js_name = Report)]
pub struct GroupReport {
    report: Report,
}

#[wasm_bindgen(js_class = Report)]
impl GroupReport {
    /// The report as a plain object (docs/FORMATS.md, "Report"); also what
    /// `JSON.stringify(report)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsError> {
        to_js(&self.report)
    }
}

fn canvas_area(
    canvas: HtmlCanvasElement,
) -> Result<DrawingArea<CanvasBackend, plotters::coord::Shift>, JsError> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(JsError::new(
            "the canvas has no size; set canvas.width and canvas.height",
        ));
    }
    CanvasBackend::with_canvas_object(canvas)
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsError::new("the canvas has no 2d drawing context"))
}

fn draw_radar(canvas: HtmlCanvasElement, radar: &chart::Radar, lang: Lang) -> Result<(), JsError> {
    let area = canvas_area(canvas)?;
    chart::draw_radar(&area, radar, lang).map_err(draw_error)?;
    area.present().map_err(draw_error)
}

fn draw_error<E: std::error::Error>(e: E) -> JsError {
    JsError::new(&format!("drawing failed: {e}"))
}
