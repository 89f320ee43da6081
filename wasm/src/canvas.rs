//! Drawing a core chart on a canvas through plotters-canvas.
//!
//! [`Canvas`] is plotters-canvas's backend with one change: state. plotters-canvas sets
//! the font, the colours, the line width, the alignment and the baseline before every
//! text, path and dot, a string across the wasm boundary and a CSS parse each time,
//! though a radar uses a handful of each. `Canvas` draws texts, paths, polygons and dots
//! as plotters-canvas does, setting only what changed since the last one, and leaves
//! every other drawing call to plotters-canvas.
//!
//! A radar's backdrop (ground, title, rings, spokes, labels, legend) is kept per canvas
//! in a layer of its own: when the next radar on that canvas has the same backdrop, as
//! when one answer changes, the layer is copied and only the data is drawn over it.

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

/// Draws `radar` on `canvas`, over a copy of its backdrop when one equal to it is kept
/// for this canvas (see [`Kept`]); else the backdrop is drawn into a kept layer first.
pub fn radar(canvas: HtmlCanvasElement, radar: &chart::Radar) -> Result<(), JsError> {
    let (width, height) = (canvas.width(), canvas.height());
    if width == 0 || height == 0 {
        return Err(JsError::new(
            "the canvas has no size; set canvas.width and canvas.height",
        ));
    }
    let backdrop = chart::Backdrop::of(radar, (width, height));
    let kept = KEPT.with_borrow_mut(|kept| {
        // A canvas that has left the page is let go, with its layer.
        kept.retain(|k| k.target.is_connected());
        let at = kept.iter().position(|k| k.target == canvas)?;
        Some(kept.remove(at))
    });
    let layer = match kept {
        // A canvas outside the page (an export's, a print image's) is drawn once: whole,
        // without a layer.
        _ if !canvas.is_connected() => None,
        Some(k) if k.backdrop == backdrop && same_size(&k.layer, &canvas) => Some(k.layer),
        kept => kept
            .map(|k| k.layer)
            .filter(|layer| same_size(layer, &canvas))
            .or_else(|| new_canvas(width, height))
            .map(|layer| {
                let area = area(layer.clone())?;
                chart::draw_backdrop(&area, &backdrop).map_err(draw_error)?;
                area.present().map_err(draw_error)?;
                Ok::<_, JsError>(layer)
            })
            .transpose()?,
    };
    let backend = Canvas::new(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2d drawing context"))?;
    let context = backend.context.clone();
    let area = backend.into_drawing_area();
    match &layer {
        Some(layer) => context
            .draw_image_with_html_canvas_element(layer, 0.0, 0.0)
            .map_err(|_| JsError::new("drawing failed: the kept backdrop cannot be copied"))?,
        // Off the page, or no document to make a layer in: the backdrop is drawn here.
        None => chart::draw_backdrop(&area, &backdrop).map_err(draw_error)?,
    }
    chart::draw_radar_data(&area, radar, &backdrop).map_err(draw_error)?;
    area.present().map_err(draw_error)?;
    if let Some(layer) = layer {
        KEPT.with_borrow_mut(|kept| {
            if kept.len() == KEEP {
                kept.remove(0);
            }
            kept.push(Kept {
                target: canvas,
                backdrop,
                layer,
            });
        });
    }
    Ok(())
}

/// A radar's backdrop as last drawn on `target`, in `layer`: a canvas of the same size
/// that no page shows.
struct Kept {
    target: HtmlCanvasElement,
    backdrop: chart::Backdrop,
    layer: HtmlCanvasElement,
}

/// How many canvases on the page keep their backdrop (the least recently drawn goes
/// first): the page shows at most a handful of radars at once, and a layer costs what
/// its canvas costs.
const KEEP: usize = 8;

thread_local! {
    static KEPT: std::cell::RefCell<Vec<Kept>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn same_size(a: &HtmlCanvasElement, b: &HtmlCanvasElement) -> bool {
    a.width() == b.width() && a.height() == b.height()
}

/// A canvas outside the page; `None` where there is no document.
fn new_canvas(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
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

/// A colour as plotters gives it: red, green and blue, and opacity.
type Rgba = ((u8, u8, u8), f64);

/// The drawing state last set on the context (`None`: unknown, set it before use).
#[derive(Default)]
struct State {
    font: String,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    fill: Option<Rgba>,
    /// The stroke colour and line width.
    stroke: Option<(Rgba, u32)>,
}

/// plotters-canvas's backend, with text and shapes drawn without setting unchanged state
/// again.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    state: State,
}

/// A colour as the canvas reads it, written as plotters-canvas writes it.
fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

impl Canvas {
    fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas {
            inner,
            context,
            state: State::default(),
        })
    }

    /// plotters-canvas has set the fill or stroke style: the next shape sets its own.
    fn styled(&mut self, drawn: Result<(), DrawingErrorKind<Inner>>) -> Drawn {
        self.state.fill = None;
        self.state.stroke = None;
        drawn.map_err(ours)
    }

    fn set_fill(&mut self, color: BackendColor) {
        let fill = (color.rgb, color.alpha);
        if self.state.fill != Some(fill) {
            self.context.set_fill_style_str(&css(color));
            self.state.fill = Some(fill);
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, style: &S) {
        let color = style.color();
        let stroke = ((color.rgb, color.alpha), style.stroke_width());
        if self.state.stroke != Some(stroke) {
            self.context.set_stroke_style_str(&css(color));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.state.stroke = Some(stroke);
        }
    }

    /// Moves to the first point and lines to the rest; false when there is none.
    fn trace<I: IntoIterator<Item = BackendCoord>>(&self, path: I) -> bool {
        let mut path = path.into_iter();
        let Some(start) = path.next() else {
            return false;
        };
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for next in path {
            self.context.line_to(f64::from(next.0), f64::from(next.1));
        }
        true
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
        self.styled(drawn)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let drawn = self.inner.draw_line(from, to, style);
        self.styled(drawn)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let drawn = self.inner.draw_rect(upper_left, bottom_right, style, fill);
        self.styled(drawn)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        // As plotters-canvas draws it, with the stroke style set only when it changed.
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        let mut path = path.into_iter().peekable();
        if path.peek().is_some() {
            self.set_stroke(style);
        }
        self.trace(path);
        self.context.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError("arc failed".to_owned())))?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        let mut vert = vert.into_iter().peekable();
        if vert.peek().is_some() {
            self.set_fill(style.color());
        }
        if self.trace(vert) {
            self.context.close_path();
        }
        self.context.fill();
        Ok(())
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
            self.state = State::default();
            return self.inner.draw_text(text, style, pos).map_err(ours);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != Some(align) {
            self.context.set_text_align(align);
            self.state.align = Some(align);
        }
        self.set_fill(color);
        // The font as plotters-canvas writes it.
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.state.font != font {
            self.context.set_font(&font);
            self.state.font = font;
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
        self.styled(drawn)
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

    /// A canvas on the page, as the page's own radars are.
    fn shown() -> HtmlCanvasElement {
        let canvas = canvas();
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .expect("a body")
            .append_child(&canvas)
            .expect("appended");
        canvas
    }

    /// Whether `canvas` keeps a backdrop.
    fn keeps(canvas: &HtmlCanvasElement) -> bool {
        super::KEPT.with_borrow(|kept| kept.iter().any(|k| &k.target == canvas))
    }

    fn context2d(canvas: &HtmlCanvasElement) -> CanvasRenderingContext2d {
        canvas
            .get_context("2d")
            .ok()
            .flatten()
            .expect("2d")
            .dyn_into()
            .expect("context")
    }

    fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
        context2d(canvas)
            .get_image_data(
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            )
            .expect("pixels")
            .data()
            .to_vec()
    }

    /// What plotters-canvas draws for `radar` on a new canvas of `size` pixels.
    fn fresh(radar: &chart::Radar, size: u32) -> Vec<u8> {
        let theirs = canvas();
        theirs.set_width(size);
        theirs.set_height(size);
        let area = CanvasBackend::with_canvas_object(theirs.clone())
            .expect("context")
            .into_drawing_area();
        chart::draw_radar(&area, radar).expect("drawn");
        pixels(&theirs)
    }

    /// A radar with every kind of text: a title, wrapped labels, values in blue and a
    /// missing one in vermillion, and ticks.
    fn radar() -> chart::Radar {
        let key = netwerkregie::instrument::BUILTIN_CONCEPTS;
        let axes = key
            .labels
            .iter()
            .map(|l| l.get(Lang::Nl).to_owned())
            .collect();
        let values = vec![
            Some(2.875),
            Some(4.1),
            None,
            Some(3.35),
            Some(3.1),
            Some(3.15),
        ];
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

    #[wasm_bindgen_test]
    fn a_radar_drawn_over_its_kept_backdrop_looks_as_if_drawn_whole() {
        let ours = shown();
        let mut first = radar();
        first.series[0].values[2] = Some(3.0);
        super::radar(ours.clone(), &first).expect("drawn");
        // One answer later: other values, written as wide, so the backdrop is kept.
        let mut next = first.clone();
        next.series[0].values[1] = Some(3.9);
        next.series[0].values[4] = Some(1.25);
        let size = chart::Backdrop::of(&first, (382, 382));
        assert!(
            size == chart::Backdrop::of(&next, (382, 382)),
            "the same backdrop"
        );
        super::radar(ours.clone(), &next).expect("drawn over the kept backdrop");
        assert!(
            pixels(&ours) == fresh(&next, 382),
            "differs from a whole drawing"
        );
        // A value goes missing: "geen score" is wider than any label on the right, so the
        // layout and the backdrop change.
        let mut missing = next.clone();
        missing.series[0].values[1] = None;
        assert!(size != chart::Backdrop::of(&missing, (382, 382)));
        super::radar(ours.clone(), &missing).expect("drawn with a new backdrop");
        assert!(
            pixels(&ours) == fresh(&missing, 382),
            "a new backdrop differs"
        );
        // The page resizes the canvas: drawn whole again at the new size.
        ours.set_width(300);
        ours.set_height(300);
        super::radar(ours.clone(), &missing).expect("drawn at a new size");
        assert!(
            pixels(&ours) == fresh(&missing, 300),
            "a resized canvas differs"
        );
        // Something else drawn on the canvas in between is covered by the copy.
        context2d(&ours).fill_rect(0.0, 0.0, 300.0, 300.0);
        assert!(keeps(&ours));
        super::radar(ours.clone(), &missing).expect("drawn again");
        assert!(
            pixels(&ours) == fresh(&missing, 300),
            "a painted-over canvas differs"
        );
        // Taken off the page: its layer is let go at the next drawing.
        ours.remove();
        super::radar(canvas(), &missing).expect("drawn off the page");
        assert!(!keeps(&ours), "a canvas off the page keeps its layer");
    }

    #[wasm_bindgen_test]
    fn a_canvas_off_the_page_is_drawn_whole_and_keeps_nothing() {
        let export = canvas();
        super::radar(export.clone(), &radar()).expect("drawn");
        assert!(!keeps(&export), "an export's canvas keeps a layer");
        assert!(pixels(&export) == fresh(&radar(), 382));
    }
}
