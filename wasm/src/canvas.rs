//! Drawing a core chart on a canvas through plotters-canvas.

use netwerkregie::chart;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsError;
use web_sys::HtmlCanvasElement;

pub fn area(canvas: HtmlCanvasElement) -> Result<DrawingArea<CanvasBackend, Shift>, JsError> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(JsError::new(
            "the canvas has no size; set canvas.width and canvas.height",
        ));
    }
    CanvasBackend::with_canvas_object(canvas)
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsError::new("the canvas has no 2d drawing context"))
}

pub fn radar(canvas: HtmlCanvasElement, radar: &chart::Radar) -> Result<(), JsError> {
    let area = area(canvas)?;
    chart::draw_radar(&area, radar).map_err(draw_error)?;
    area.present().map_err(draw_error)
}

#[cfg(feature = "full")]
pub fn ladder(canvas: HtmlCanvasElement, ladder: &chart::Ladder) -> Result<(), JsError> {
    let area = area(canvas)?;
    chart::draw_ladder(&area, ladder).map_err(draw_error)?;
    area.present().map_err(draw_error)
}

fn draw_error<E: std::error::Error>(e: E) -> JsError {
    JsError::new(&format!("drawing failed: {e}"))
}
