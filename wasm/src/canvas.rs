//! Drawing a core chart on a canvas through plotters-canvas.
//!
//! [`Canvas`] is plotters-canvas's backend with one change: text. plotters-canvas sets
//! the font, the fill colour, the alignment and the baseline before every text, four
//! strings across the wasm boundary and a font parse each time, though a radar's
//! eighteen texts use four fonts. `Canvas` sets only what changed since the last text,
//! and leaves every other drawing call to plotters-canvas.

use netwerkregie::chart;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsError};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub fn area(canvas: HtmlCanvasElement) -> Result<DrawingArea<Canvas, Shift>, JsError> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(JsError::new(
            "the canvas has no size; set canvas.width and canvas.height",
        ));
    }
    Canvas::new(canvas)
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

/// A drawing error on the canvas.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

/// plotters-canvas's error (a type it does not name outside).
type Inner = <CanvasBackend as DrawingBackend>::ErrorType;

/// An error of plotters-canvas, as ours.
fn ours(e: DrawingErrorKind<Inner>) -> DrawingErrorKind<CanvasError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// The text state last set on the context (`None`: unknown, set it before the next text).
#[derive(Default)]
struct TextState {
    font: String,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    fill: Option<((u8, u8, u8), f64)>,
}

/// plotters-canvas's backend, with text drawn without setting unchanged state again.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    text: TextState,
}

impl Canvas {
    fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas {
            inner,
            context,
            text: TextState::default(),
        })
    }

    /// plotters-canvas has set the fill colour: the next text sets its own.
    fn filled(&mut self, drawn: Result<(), DrawingErrorKind<Inner>>) -> Drawn {
        self.text.fill = None;
        drawn.map_err(ours)
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Drawn {
        self.inner.ensure_prepared().map_err(ours)
    }

    fn present(&mut self) -> Drawn {
        self.inner.present().map_err(ours)
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        let drawn = self.inner.draw_pixel(point, color);
        self.filled(drawn)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.inner.draw_line(from, to, style).map_err(ours)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let drawn = self.inner.draw_rect(upper_left, bottom_right, style, fill);
        self.filled(drawn)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        self.inner.draw_path(path, style).map_err(ours)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let drawn = self.inner.draw_circle(center, radius, style, fill);
        self.filled(drawn)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let drawn = self.inner.fill_polygon(vert, style);
        self.filled(drawn)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            // Rotated text (no chart of ours has any): plotters-canvas sets everything.
            self.text = TextState::default();
            return self.inner.draw_text(text, style, pos).map_err(ours);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.text.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.text.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.text.align != Some(align) {
            self.context.set_text_align(align);
            self.text.align = Some(align);
        }
        let fill = (color.rgb, color.alpha);
        if self.text.fill != Some(fill) {
            let (r, g, b) = color.rgb;
            self.context
                .set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            self.text.fill = Some(fill);
        }
        // The font as plotters-canvas writes it.
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.text.font != font {
            self.context.set_font(&font);
            self.text.font = font;
        }
        self.context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("fillText failed".to_owned())))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.inner.estimate_text_size(text, style).map_err(ours)
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn {
        let drawn = self.inner.blit_bitmap(pos, size, src);
        self.filled(drawn)
    }
}

#[cfg(test)]
mod tests {
    use super::CanvasBackend;
    use netwerkregie::chart;
    use netwerkregie::Lang;
    use plotters::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

    wasm_bindgen_test_configure!(run_in_browser);

    fn canvas() -> HtmlCanvasElement {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let canvas: HtmlCanvasElement = document
            .create_element("canvas")
            .expect("canvas")
            .dyn_into()
            .expect("a canvas element");
        canvas.set_width(382);
        canvas.set_height(382);
        canvas
    }

    fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .expect("2d")
            .dyn_into()
            .expect("context");
        ctx.get_image_data(0.0, 0.0, 382.0, 382.0)
            .expect("pixels")
            .data()
            .to_vec()
    }

    /// A radar with every kind of text: a title, wrapped labels, values in blue and a
    /// missing one in vermillion, and ticks.
    fn radar() -> chart::Radar {
        let axes = [
            "Gelijkwaardigheid",
            "Respect",
            "Vrijheid",
            "Verantwoording",
            "Transparantie",
            "Vertrouwen",
        ]
        .map(str::to_owned)
        .to_vec();
        let values = vec![
            Some(2.875),
            Some(4.1),
            None,
            Some(3.35),
            Some(3.1),
            Some(3.15),
        ];
        let key = netwerkregie::instrument::BUILTIN_CONCEPTS;
        chart::scores_radar(&key.title, axes, values, &key.missing, ',', Lang::Nl)
    }

    #[wasm_bindgen_test]
    fn text_drawn_with_less_state_looks_the_same_as_plotters_canvas() {
        let (ours, theirs) = (canvas(), canvas());
        let radar = radar();
        let area = CanvasBackend::with_canvas_object(theirs.clone())
            .expect("context")
            .into_drawing_area();
        chart::draw_radar(&area, &radar).expect("drawn");
        super::radar(ours.clone(), &radar).expect("drawn");
        let (a, b) = (pixels(&ours), pixels(&theirs));
        assert!(a.chunks(4).any(|p| p[0] < 128), "something is drawn");
        assert!(a == b, "the pixels differ from plotters-canvas's");
        // Drawn again on a used canvas (state left from the last drawing): the same.
        super::radar(ours.clone(), &radar).expect("drawn again");
        assert!(pixels(&ours) == b, "a second drawing differs");
    }
}
