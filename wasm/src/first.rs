//! The first chart: the radar of the six concepts, scored from the draft the page finds
//! in storage, drawn before the form, the instrument texts and the full module load.
//!
//! ```js
//! import init, { drawFirstChart } from './first/netwerkscan_wasm.js';
//! await init();
//! drawFirstChart(canvas, draft.response, 'nl'); // false: leave it to the full module
//! ```

use js_sys::Reflect;
use netwerkregie::instrument::BUILTIN_CONCEPTS;
use netwerkregie::response::Answer;
use netwerkregie::{chart, score, Concept, Lang, Likert};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads one answer; `None` when the value is not one a valid response can hold.
fn answer(value: &JsValue) -> Option<Answer<Likert>> {
    if value.is_undefined() {
        return Some(Answer::Unanswered);
    }
    if value.is_null() {
        return Some(Answer::Unknown);
    }
    let n = value.as_f64()?;
    if n.fract() != 0.0 || !(1.0..=5.0).contains(&n) {
        return None;
    }
    Likert::new(n as u8).map(Answer::Given)
}

/// Draws the six-concept radar of `response` (a response object of the built-in
/// instrument) on `canvas`, in `lang`. Returns false, drawing nothing, when the
/// response answers another instrument or holds a value the full reader would refuse:
/// then the full module draws once it has read and checked the response.
#[wasm_bindgen(js_name = drawFirstChart)]
pub fn draw_first_chart(
    canvas: HtmlCanvasElement,
    response: &JsValue,
    lang: &str,
) -> Result<bool, JsError> {
    let key = BUILTIN_CONCEPTS;
    let lang = match lang {
        "en" => Lang::En,
        _ => Lang::Nl,
    };
    let mut answers = vec![Answer::Unanswered; key.statements.len()];
    if !response.is_undefined() && !response.is_null() {
        let instrument = get(response, "instrument");
        let same = get(&instrument, "id").as_string().as_deref() == Some(key.id)
            && get(&instrument, "version").as_string().as_deref() == Some(key.version);
        if !same {
            return Ok(false);
        }
        let given = get(response, "answers");
        if !given.is_undefined() && !given.is_null() {
            for (slot, id) in answers.iter_mut().zip(key.statements) {
                match answer(&get(&given, id)) {
                    Some(a) => *slot = a,
                    None => return Ok(false),
                }
            }
        }
    }
    let values = Concept::ALL
        .iter()
        .map(|c| score::mean_of(key.concepts[c.index()], &answers))
        .collect();
    let axes = key.labels.iter().map(|l| l.get(lang).to_owned()).collect();
    let decimal = key.decimal.get(lang).chars().next().unwrap_or('.');
    let radar = chart::scores_radar(&key.title, axes, values, &key.missing, decimal, lang);
    crate::canvas::radar(canvas, &radar)?;
    Ok(true)
}
