//! The full binding: responses, reports, every chart, exports.
//!
//! Values cross the boundary as JSON text: `JSON.stringify` in, the core's typed
//! one-pass reader in Rust, `serde_json` out and `JSON.parse` back. The response files
//! are JSON already, and this keeps one reader for files, drafts and the page's state.
//!
//! ```js
//! import init, { Scan } from './full/netwerkscan_wasm.js';
//! await init();
//! const scan = new Scan();
//! const report = scan.analyse([scan.emptyResponse()]);
//! scan.drawConcepts(document.querySelector('canvas'), report, 'nl');
//! console.log(report.toJSON().concepts.respect.mean); // null: nothing answered yet
//! report.free();
//! ```

use netwerkregie::chart::{self, GroupChart, RadarKind};
use netwerkregie::export;
use netwerkregie::response::FingerprintState;
use netwerkregie::split::{self, Dimension};
use netwerkregie::{Instrument, Lang, Report, Response, Scores};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A Rust value as a plain JavaScript value, through JSON.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    json_parse(&text)
}

fn json_parse(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("the result is not JSON"))
}

/// A JavaScript value as JSON text.
fn stringify(value: &JsValue, what: &str) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new(&format!("{what}: cannot be written as JSON")))
}

fn lang(code: &str) -> Result<Lang, JsError> {
    Lang::parse(code).ok_or_else(|| {
        JsError::new(&format!(
            "unknown language \"{code}\"; use a code such as \"nl\" or \"en\""
        ))
    })
}

/// What `analyse` may be asked beyond the picture itself.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct AnalyseOptions {
    by: Vec<String>,
    min_group: usize,
    baseline: Option<Box<RawValue>>,
    /// A split dimension and one of its values (`null`: did not say): the report then
    /// carries `rest`, everyone outside that group.
    rest: Option<(String, Option<String>)>,
}

/// What a group chart shows beyond the mean.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DrawOptions {
    /// Indexes of the respondents whose own polygon to draw.
    respondents: Vec<usize>,
    /// A split dimension and two of its values, to set side by side.
    compare: Option<(String, Option<String>, Option<String>)>,
    /// Set the first group of `compare` against everyone else (the report's `rest`).
    rest: bool,
    /// Draw the baseline's mean behind the current one.
    baseline: bool,
    /// Draw a legend into the chart.
    legend: bool,
    /// The ladder's view: "all", "government" or "partners".
    view: Option<String>,
}

fn options<T: for<'de> Deserialize<'de> + Default>(value: &JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let text = stringify(value, "options")?;
    serde_json::from_str(&text).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// The page keeps fingerprints across visits (in IndexedDB) to find a response imported
/// twice, so they must not change between visits. A crafted collision would only make
/// the page ask which of two responses to keep, never drop one unasked.
const FINGERPRINT_SEED: u64 = 0x6e65_7477_6572_6b73;

/// A scan over one instrument: the built-in one, or a trainer's own.
#[wasm_bindgen]
pub struct Scan {
    instrument: Instrument,
    hasher: FingerprintState,
}

#[wasm_bindgen]
impl Scan {
    /// The built-in Netwerkscan instrument.
    #[wasm_bindgen(constructor)]
    #[must_use]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Scan {
        Scan {
            instrument: Instrument::builtin().clone(),
            hasher: FingerprintState::with_seed(FINGERPRINT_SEED),
        }
    }

    /// A trainer's own instrument file; the error lists every problem in it, each with
    /// its field, in `lang` ("nl", the default, or "en").
    ///
    /// ```js
    /// try {
    ///   const scan = Scan.fromInstrument(text, 'en');
    /// } catch (error) {
    ///   console.log(error.message); // "instrument: 1 problem:\n- items[20].reverse: expected true or false, found text"
    /// }
    /// ```
    #[wasm_bindgen(js_name = fromInstrument)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen takes optional strings by value.
    pub fn from_instrument(text: &str, lang_code: Option<String>) -> Result<Scan, JsError> {
        let lang = lang(lang_code.as_deref().unwrap_or("nl"))?;
        let instrument = Instrument::from_json(text).map_err(|e| JsError::new(&e.message(lang)))?;
        Ok(Scan {
            instrument,
            hasher: FingerprintState::with_seed(FINGERPRINT_SEED),
        })
    }

    /// The instrument as a plain object (the instrument file format).
    pub fn instrument(&self) -> Result<JsValue, JsError> {
        to_js(self.instrument.file())
    }

    /// The instrument's version, such as "2".
    #[wasm_bindgen(getter, js_name = instrumentVersion)]
    #[must_use]
    pub fn instrument_version(&self) -> String {
        self.instrument.version().to_owned()
    }

    /// A new, empty response to this instrument.
    #[wasm_bindgen(js_name = emptyResponse)]
    pub fn empty_response(&self) -> Result<JsValue, JsError> {
        json_parse(&Response::new(&self.instrument).to_json(&self.instrument))
    }

    /// Reads a response file's text; the error names the field that is wrong, in
    /// `lang` ("nl", the default, or "en"). A file of an earlier version comes back
    /// in the current one.
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
        json_parse(&response.to_json(&self.instrument))
    }

    /// A response object as the pretty JSON text of a response file (checked first).
    #[wasm_bindgen(js_name = responseToJson)]
    pub fn response_to_json(&self, response: &JsValue) -> Result<String, JsError> {
        let text = stringify(response, "response")?;
        Ok(Response::from_json(&text, &self.instrument)?.to_json_pretty(&self.instrument))
    }

    /// Reads many response files at once (the group view's import). Returns one entry
    /// per text, in order: `{response, fingerprint, migrated, leftOut}` or `{error}` in
    /// `lang`. Equal fingerprints mean the same response, however the files were
    /// formatted; they stay the same from one visit to the next.
    #[wasm_bindgen(js_name = readResponses)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes arrays by value.
    pub fn read_responses(&self, texts: Vec<String>, lang_code: &str) -> Result<JsValue, JsError> {
        let lang = lang(lang_code)?;
        let read: Vec<Result<Response, String>> = texts
            .iter()
            .map(|t| Response::from_json(t, &self.instrument).map_err(|e| e.message(lang)))
            .collect();
        self.entries(&read, None)
    }

    /// Reads response files into `set`, where they stay for [`Scan::analyse_set`]: the
    /// group view reads each file once, however often it splits or redraws. The entries
    /// are those of [`Scan::read_responses`], each good one with the `index` it got in
    /// the set.
    #[wasm_bindgen(js_name = readInto)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes arrays by value.
    pub fn read_into(
        &self,
        set: &mut Responses,
        texts: Vec<String>,
        lang_code: &str,
    ) -> Result<JsValue, JsError> {
        let lang = lang(lang_code)?;
        let read: Vec<Result<Response, String>> = texts
            .iter()
            .map(|t| Response::from_json(t, &self.instrument).map_err(|e| e.message(lang)))
            .collect();
        let first = set.list.len();
        let entries = self.entries(&read, Some(first))?;
        set.list.extend(read.into_iter().flatten());
        Ok(entries)
    }

    fn entries(
        &self,
        read: &[Result<Response, String>],
        first: Option<usize>,
    ) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Entry<'a> {
            Ok {
                response: &'a RawValue,
                fingerprint: String,
                migrated: Option<&'a str>,
                #[serde(rename = "leftOut")]
                left_out: usize,
                #[serde(skip_serializing_if = "Option::is_none")]
                index: Option<usize>,
            },
            Err {
                error: &'a str,
            },
        }
        let texts: Vec<Option<Box<RawValue>>> = read
            .iter()
            .map(|r| {
                r.as_ref()
                    .ok()
                    .and_then(|r| RawValue::from_string(r.to_json(&self.instrument)).ok())
            })
            .collect();
        let mut next = first;
        let entries: Vec<Entry<'_>> = read
            .iter()
            .zip(&texts)
            .map(|(r, raw)| match (r, raw) {
                (Ok(r), Some(raw)) => {
                    let index = next;
                    next = next.map(|n| n + 1);
                    Entry::Ok {
                        response: raw,
                        fingerprint: format!("{:016x}", r.fingerprint(&self.hasher)),
                        migrated: r.migrated.as_ref().map(|m| m.from.as_str()),
                        left_out: r.migrated.as_ref().map_or(0, |m| m.left_out),
                        index,
                    }
                }
                (Ok(_), None) => Entry::Err {
                    error: "internal error: the response could not be written",
                },
                (Err(e), _) => Entry::Err { error: e },
            })
            .collect();
        to_js(&entries)
    }

    /// The report of the responses in `set`, with `baseline` (another set, maybe empty)
    /// as the nulmeting; `options` as in [`Scan::analyse`] (without `baseline`).
    #[wasm_bindgen(js_name = analyseSet)]
    pub fn analyse_set(
        &self,
        set: &Responses,
        baseline: &Responses,
        options_value: &JsValue,
    ) -> Result<GroupReport, JsError> {
        let options: AnalyseOptions = options(options_value)?;
        let base = (!baseline.list.is_empty()).then_some(baseline.list.as_slice());
        self.group_report(&set.list, &options, base)
    }

    /// The report of an array of response objects, held in wasm to draw from.
    ///
    /// `options`: `{by: ['position', 'sector'], minGroup: 3, baseline: [responses],
    /// rest: ['sector', 'overheid']}`; `rest` asks for everyone outside that group.
    /// The array crosses as one JSON text: `JSON.stringify` and the core's reader are
    /// several times faster than converting thousands of objects key by key.
    pub fn analyse(
        &self,
        responses: &JsValue,
        options_value: &JsValue,
    ) -> Result<GroupReport, JsError> {
        if !js_sys::Array::is_array(responses) {
            return Err(JsError::new("analyse: expected an array of responses"));
        }
        let options: AnalyseOptions = options(options_value)?;
        let responses = self.read_array(&stringify(responses, "responses")?, "response")?;
        let baseline = match &options.baseline {
            Some(raw) => Some(self.read_array(raw.get(), "baseline response")?),
            None => None,
        };
        self.group_report(&responses, &options, baseline.as_deref())
    }

    /// The report of an array of response objects, as a plain object.
    pub fn report(&self, responses: &JsValue, options: &JsValue) -> Result<JsValue, JsError> {
        self.analyse(responses, options)?.to_json()
    }

    /// Draws the radar of the six concepts; `options` as in [`DrawOptions`].
    #[wasm_bindgen(js_name = drawConcepts)]
    pub fn draw_concepts(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
        options_value: &JsValue,
    ) -> Result<(), JsError> {
        let radar = self.radar(
            RadarKind::Concepts,
            report,
            lang(lang_code)?,
            options(options_value)?,
        );
        crate::canvas::radar(canvas, &radar)
    }

    /// Draws the overview radar of opgave, organisatie and relaties.
    #[wasm_bindgen(js_name = drawModules)]
    pub fn draw_modules(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
        options_value: &JsValue,
    ) -> Result<(), JsError> {
        let radar = self.radar(
            RadarKind::Modules,
            report,
            lang(lang_code)?,
            options(options_value)?,
        );
        crate::canvas::radar(canvas, &radar)
    }

    /// Draws the radar of the four sources of influence.
    #[wasm_bindgen(js_name = drawInfluence)]
    pub fn draw_influence(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
    ) -> Result<(), JsError> {
        let radar = chart::influence_radar(&report.report, &self.instrument, lang(lang_code)?);
        crate::canvas::radar(canvas, &radar)
    }

    /// Draws the participation ladder with current and desired rungs; `view` is
    /// "all" (the default), "government" or "partners".
    #[wasm_bindgen(js_name = drawLadder)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen takes optional strings by value.
    pub fn draw_ladder(
        &self,
        canvas: HtmlCanvasElement,
        report: &GroupReport,
        lang_code: &str,
        view: Option<String>,
    ) -> Result<(), JsError> {
        let scope = ladder_scope(view.as_deref())?;
        let ladder =
            chart::ladder_chart_of(&report.report, &self.instrument, lang(lang_code)?, scope);
        crate::canvas::ladder(canvas, &ladder)
    }

    /// A chart as SVG text, drawn by the same core code as the canvas and the CLI:
    /// `chart` is "concepts", "modules", "influence" or "ladder".
    pub fn svg(
        &self,
        chart: &str,
        report: &GroupReport,
        lang_code: &str,
        width: u32,
        height: u32,
        options_value: &JsValue,
    ) -> Result<String, JsError> {
        use plotters::prelude::IntoDrawingArea;
        let lang = lang(lang_code)?;
        let draw: DrawOptions = options(options_value)?;
        let draw_view = draw.view.clone();
        let mut svg = String::new();
        {
            let area =
                plotters_svg::SVGBackend::with_string(&mut svg, (width.max(100), height.max(100)))
                    .into_drawing_area();
            let drawn = match chart {
                "concepts" => {
                    chart::draw_radar(&area, &self.radar(RadarKind::Concepts, report, lang, draw))
                }
                "modules" => {
                    chart::draw_radar(&area, &self.radar(RadarKind::Modules, report, lang, draw))
                }
                "influence" => chart::draw_radar(
                    &area,
                    &chart::influence_radar(&report.report, &self.instrument, lang),
                ),
                "ladder" => chart::draw_ladder(
                    &area,
                    &chart::ladder_chart_of(
                        &report.report,
                        &self.instrument,
                        lang,
                        ladder_scope(draw_view.as_deref())?,
                    ),
                ),
                other => {
                    return Err(JsError::new(&format!(
                        "svg: no chart \"{other}\" (concepts, modules, influence, ladder)"
                    )))
                }
            };
            drawn.map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
            area.present()
                .map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
        }
        Ok(svg)
    }

    /// The scores as CSV for a spreadsheet (UTF-8 with BOM; `;` and decimal comma in
    /// Dutch, CRLF).
    pub fn csv(&self, report: &GroupReport, lang_code: &str) -> Result<String, JsError> {
        Ok(export::csv(
            &report.report,
            &self.instrument,
            lang(lang_code)?,
        ))
    }
}

impl Scan {
    fn read_array(&self, text: &str, what: &str) -> Result<Vec<Response>, JsError> {
        let raws: Vec<&RawValue> = serde_json::from_str(text)
            .map_err(|e| JsError::new(&format!("expected an array of responses: {e}")))?;
        raws.iter()
            .enumerate()
            .map(|(i, raw)| {
                Response::from_json(raw.get(), &self.instrument)
                    .map_err(|e| JsError::new(&format!("{what} {}: {e}", i + 1)))
            })
            .collect()
    }

    fn group_report(
        &self,
        responses: &[Response],
        options: &AnalyseOptions,
        baseline: Option<&[Response]>,
    ) -> Result<GroupReport, JsError> {
        let dimension = |d: &String| {
            Dimension::parse(d).ok_or_else(|| {
                JsError::new(&format!(
                    "analyse: cannot split by \"{d}\" (use one of {})",
                    Dimension::ids()
                ))
            })
        };
        let by = options
            .by
            .iter()
            .map(dimension)
            .collect::<Result<Vec<_>, _>>()?;
        let rest = match &options.rest {
            Some((d, value)) => Some(split::Rest {
                dimension: dimension(d)?,
                value: value.clone(),
            }),
            None => None,
        };
        let split_options = split::Options {
            by,
            min_group: options.min_group,
            rest,
        };
        let report = split::analyse(&self.instrument, responses, &split_options, baseline);
        let scores = responses
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    split::respondent_label(r, i),
                    Scores::of(&self.instrument, r),
                )
            })
            .collect();
        Ok(GroupReport { report, scores })
    }

    fn radar(
        &self,
        kind: RadarKind,
        report: &GroupReport,
        lang: Lang,
        options: DrawOptions,
    ) -> chart::Radar {
        let chart = GroupChart {
            respondents: options.respondents,
            compare: options.compare,
            rest: options.rest,
            baseline: options.baseline,
            legend: options.legend,
        };
        chart::group_radar(
            kind,
            &report.report,
            &self.instrument,
            lang,
            &report.scores,
            &chart,
        )
    }
}

fn ladder_scope(view: Option<&str>) -> Result<chart::LadderScope, JsError> {
    match view {
        None | Some("all") => Ok(chart::LadderScope::All),
        Some("government") => Ok(chart::LadderScope::Government),
        Some("partners") => Ok(chart::LadderScope::Partners),
        Some(other) => Err(JsError::new(&format!(
            "no ladder view \"{other}\" (all, government, partners)"
        ))),
    }
}

/// Responses held in wasm, read once: the group view's set, and its baseline.
#[wasm_bindgen]
#[derive(Default)]
pub struct Responses {
    list: Vec<Response>,
}

#[wasm_bindgen]
impl Responses {
    /// An empty set.
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Responses {
        Responses::default()
    }

    /// How many responses the set holds.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> usize {
        self.list.len()
    }

    /// Takes out the response at `index` (later ones move up); false when there is none.
    pub fn remove(&mut self, index: usize) -> bool {
        if index < self.list.len() {
            self.list.remove(index);
            true
        } else {
            false
        }
    }

    /// Empties the set.
    pub fn clear(&mut self) {
        self.list.clear();
    }
}

/// A report held in wasm, so the charts draw from it without the report crossing back
/// from JavaScript; it also keeps each respondent's scores for their polygons.
#[wasm_bindgen(js_name = Report)]
pub struct GroupReport {
    report: Report,
    scores: Vec<(String, Scores)>,
}

#[wasm_bindgen(js_class = Report)]
impl GroupReport {
    /// The report as a plain object (docs/FORMATS.md, "Report"); also what
    /// `JSON.stringify(report)` writes.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsError> {
        to_js(&self.report)
    }

    /// Each respondent's label and scores: `[{label, concepts: [6], modules: [3]}]`.
    pub fn respondents(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Entry<'a> {
            label: &'a str,
            concepts: &'a [Option<f64>],
            modules: &'a [Option<f64>],
        }
        let entries: Vec<Entry<'_>> = self
            .scores
            .iter()
            .map(|(label, s)| Entry {
                label,
                concepts: &s.concepts,
                modules: &s.modules,
            })
            .collect();
        to_js(&entries)
    }
}
