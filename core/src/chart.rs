//! Charts: radar charts of concepts, modules and influence, and the participation ladder.
//!
//! The geometry (score to point, runs of present values, label anchors) lives in plain
//! functions that are unit-tested; the drawing functions are generic over plotters'
//! [`DrawingBackend`], so the same code draws on a browser canvas and into SVG files.
//! Every chart scales with the pixel size of its area, which is how the page stays
//! crisp on HiDPI screens: it hands over a canvas of CSS size x devicePixelRatio.

use std::f64::consts::PI;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::group::Report;
use crate::instrument::Instrument;
use crate::model::{Concept, InfluenceSource, Module, Rung};
use crate::stats::Stats;
use crate::text::Lang;

/// Okabe-Ito blue: the main series, safe for colour-blind readers.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe-Ito orange: the second series (desired rung).
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
/// Okabe-Ito vermillion: marks for missing scores.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// A darker vermillion for the "geen score" text: 5.9:1 on white, AA for small text.
pub const VERMILLION_TEXT: RGBColor = RGBColor(166, 67, 0);
/// Text colour.
pub const INK: RGBColor = RGBColor(33, 37, 41);
/// Grid colour.
pub const GRID: RGBColor = RGBColor(200, 204, 208);

/// The highest value on every chart scale.
pub const SCALE_MAX: f64 = 5.0;

/// A radar chart ready to draw: axis labels and the values on each axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// The chart's title.
    pub title: String,
    /// One label per axis, clockwise from the top.
    pub axes: Vec<String>,
    /// The value per axis; `None` is drawn as a gap, never as 0.
    pub values: Vec<Option<f64>>,
    /// Lowest and highest respondent per axis, drawn as a whisker when they differ.
    pub ranges: Vec<Option<(f64, f64)>>,
    /// Written under an axis label when its value is missing.
    pub missing: String,
}

/// The ladder chart: how many respondents put the government on each rung.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// The chart's title.
    pub title: String,
    /// Rung labels, lowest first.
    pub rungs: Vec<String>,
    /// Respondents per rung now.
    pub current: Vec<usize>,
    /// Respondents per rung wanted.
    pub desired: Vec<usize>,
    /// Legend for current and desired.
    pub legend: (String, String),
}

/// Where axis `i` of `n` points: clockwise from twelve o'clock, in radians.
#[must_use]
pub fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64
}

/// The pixel position of `value` (0..=5) on axis `i` of `n`.
#[must_use]
pub fn radar_point(center: (i32, i32), radius: f64, value: f64, i: usize, n: usize) -> (i32, i32) {
    let r = radius * value.clamp(0.0, SCALE_MAX) / SCALE_MAX;
    let a = axis_angle(i, n);
    (
        center.0 + (r * a.cos()).round() as i32,
        center.1 + (r * a.sin()).round() as i32,
    )
}

/// The runs of consecutive present values, wrapping around: each run is drawn as one
/// line, so a missing value leaves a gap on both sides of its axis. When every value
/// is present there is one run that closes into a polygon.
#[must_use]
pub fn present_runs(values: &[Option<f64>]) -> Vec<Vec<usize>> {
    let n = values.len();
    let Some(start) = (0..n).find(|&i| values[i].is_none()) else {
        return if n == 0 {
            vec![]
        } else {
            vec![(0..n).collect()]
        };
    };
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for k in 1..=n {
        let i = (start + k) % n;
        if values[i].is_some() {
            run.push(i);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Which end of a label sits at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The label starts at the point (left, or top).
    Start,
    /// The label is centred on the point.
    Middle,
    /// The label ends at the point (right, or bottom).
    End,
}

/// How a label at `angle` is anchored (horizontally, vertically) so it grows away
/// from the chart.
#[must_use]
pub fn label_anchor(angle: f64) -> (Anchor, Anchor) {
    let side = |x: f64| {
        if x > 0.3 {
            Anchor::Start
        } else if x < -0.3 {
            Anchor::End
        } else {
            Anchor::Middle
        }
    };
    (side(angle.cos()), side(angle.sin()))
}

fn pos((h, v): (Anchor, Anchor)) -> Pos {
    let h = match h {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let v = match v {
        Anchor::Start => VPos::Top,
        Anchor::Middle => VPos::Center,
        Anchor::End => VPos::Bottom,
    };
    Pos::new(h, v)
}

/// A score as people read it: two decimals, a comma in Dutch.
///
/// Formatted with integer arithmetic: float formatting would add 14 KB to the wasm.
#[must_use]
pub fn format_score(value: f64, lang: Lang) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    let sep = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{sep}{:02}", abs / 100, abs % 100)
}

fn missing_text(lang: Lang) -> String {
    match lang {
        Lang::Nl => "geen score".into(),
        Lang::En => "no score".into(),
    }
}

fn radar_from(title: String, labels: Vec<String>, stats: &[Option<&Stats>], lang: Lang) -> Radar {
    Radar {
        title,
        axes: labels,
        values: stats.iter().map(|s| s.and_then(|s| s.mean)).collect(),
        ranges: stats
            .iter()
            .map(|s| s.and_then(|s| s.min.zip(s.max)))
            .collect(),
        missing: missing_text(lang),
    }
}

/// The radar of the six concepts.
#[must_use]
pub fn concepts_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let labels = Concept::ALL
        .iter()
        .map(|c| label_or_id(instrument.concept_label(*c).map(|t| t.get(lang)), c.id()))
        .collect();
    let stats: Vec<Option<&Stats>> = Concept::ALL
        .iter()
        .map(|c| report.concepts.get(c).map(|s| &s.stats))
        .collect();
    let title = match lang {
        Lang::Nl => "Gezonde relaties",
        Lang::En => "Healthy relations",
    };
    radar_from(title.into(), labels, &stats, lang)
}

/// The overview radar of opgave, organisatie and relaties.
#[must_use]
pub fn modules_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let labels = Module::SCORED
        .iter()
        .map(|m| {
            label_or_id(
                instrument.module_short_label(*m).map(|t| t.get(lang)),
                m.id(),
            )
        })
        .collect();
    let stats: Vec<Option<&Stats>> = Module::SCORED
        .iter()
        .map(|m| report.modules.get(m))
        .collect();
    let title = match lang {
        Lang::Nl => "Overzicht",
        Lang::En => "Overview",
    };
    radar_from(title.into(), labels, &stats, lang)
}

/// The radar of the four sources of influence.
#[must_use]
pub fn influence_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let labels = InfluenceSource::ALL
        .iter()
        .map(|s| label_or_id(instrument.influence_label(*s).map(|t| t.get(lang)), s.id()))
        .collect();
    let stats: Vec<Option<&Stats>> = InfluenceSource::ALL
        .iter()
        .map(|s| report.influence.get(s))
        .collect();
    let title = match lang {
        Lang::Nl => "Invloed",
        Lang::En => "Influence",
    };
    radar_from(title.into(), labels, &stats, lang)
}

/// The ladder chart.
#[must_use]
pub fn ladder_chart(report: &Report, instrument: &Instrument, lang: Lang) -> Ladder {
    let count = |m: &std::collections::BTreeMap<Rung, usize>| {
        Rung::ALL
            .iter()
            .map(|r| m.get(r).copied().unwrap_or(0))
            .collect()
    };
    let (title, now, wanted) = match lang {
        Lang::Nl => ("Participatieladder", "nu", "gewenst"),
        Lang::En => ("Participation ladder", "now", "desired"),
    };
    Ladder {
        title: title.into(),
        rungs: Rung::ALL
            .iter()
            .map(|r| label_or_id(instrument.rung_label(*r).map(|t| t.get(lang)), r.id()))
            .collect(),
        current: count(&report.ladder.current),
        desired: count(&report.ladder.desired),
        legend: (now.into(), wanted.into()),
    }
}

/// The box a label block of `size` (width, height) takes when anchored at `p` for
/// axis angle `angle`: (left, top, right, bottom).
fn label_box(p: (f64, f64), size: (f64, f64), angle: f64) -> (f64, f64, f64, f64) {
    let (h, v) = label_anchor(angle);
    let left = match h {
        Anchor::Start => p.0,
        Anchor::Middle => p.0 - size.0 / 2.0,
        Anchor::End => p.0 - size.0,
    };
    let top = match v {
        Anchor::Start => p.1,
        Anchor::Middle => p.1 - size.1 / 2.0,
        Anchor::End => p.1 - size.1,
    };
    (left, top, left + size.0, top + size.1)
}

/// Finds the largest radius, and the centre, at which the radar and all its label
/// blocks (`sizes`, one per axis) fit in an area of `area` pixels below a title of
/// `title_h` pixels. `gap` is the space between the outer ring and a label.
#[must_use]
pub fn fit_radar(
    area: (f64, f64),
    title_h: f64,
    gap: f64,
    sizes: &[(f64, f64)],
) -> ((i32, i32), f64) {
    let n = sizes.len();
    // The extent of everything around a centre at (0, 0) for radius r.
    let extent = |r: f64| {
        let mut b = (-1.0f64, -1.0f64, 1.0f64, 1.0f64);
        for (i, size) in sizes.iter().enumerate() {
            let a = axis_angle(i, n);
            let (c, s) = (a.cos(), a.sin());
            let ring = (r * c, r * s);
            let p = ((r + gap) * c, (r + gap) * s);
            let (l, t, rt, bt) = label_box(p, *size, a);
            b = (
                b.0.min(l).min(ring.0),
                b.1.min(t).min(ring.1),
                b.2.max(rt).max(ring.0),
                b.3.max(bt).max(ring.1),
            );
        }
        b
    };
    let avail = (area.0, (area.1 - title_h).max(1.0));
    let fits = |r: f64| {
        let b = extent(r);
        b.2 - b.0 <= avail.0 && b.3 - b.1 <= avail.1
    };
    let (mut lo, mut hi) = (0.0f64, avail.0.max(avail.1));
    for _ in 0..32 {
        let mid = f64::midpoint(lo, hi);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let r = lo.max(10.0);
    let b = extent(r);
    let cx = -b.0 + (avail.0 - (b.2 - b.0)) / 2.0;
    let cy = title_h - b.1 + (avail.1 - (b.3 - b.1)) / 2.0;
    ((cx.round() as i32, cy.round() as i32), r)
}

/// Axis labels longer than this are wrapped onto a second line.
pub const LABEL_CHARS: usize = 16;

/// Splits a label into lines of at most `max` characters where it can, at spaces.
#[must_use]
pub fn wrap_label(label: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A generous estimate of a sans-serif text's width: the chart is laid out before
/// any font is measured, and the same layout must hold on canvas and in SVG.
#[must_use]
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.56
}

fn label_or_id(label: Option<&str>, id: &str) -> String {
    label.unwrap_or(id).to_owned()
}

/// The font size in pixels for an area: text scales with the canvas.
fn font_size(area: (u32, u32)) -> f64 {
    (f64::from(area.0.min(area.1)) * 0.042).max(9.0)
}

/// Draws a radar chart filling `area`.
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    radar: &Radar,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let fs = font_size((w, h));
    let title_h = (fs * 1.8) as i32;
    let title_style = TextStyle::from(("sans-serif", fs * 1.15).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(
        radar.title.clone(),
        ((w / 2) as i32, (fs * 0.4) as i32),
        title_style,
    ))?;

    let n = radar.axes.len();
    // Each axis label is a few lines (the label wrapped, then the value); the radius
    // leaves room for the widest beside the chart and the tallest above and below.
    let blocks: Vec<Vec<String>> = (0..n)
        .map(|i| {
            let mut lines = wrap_label(&radar.axes[i], LABEL_CHARS);
            lines.push(
                radar.values[i].map_or_else(|| radar.missing.clone(), |v| format_score(v, lang)),
            );
            lines
        })
        .collect();
    let line_h = fs * 1.15;
    let sizes: Vec<(f64, f64)> = blocks
        .iter()
        .map(|b| {
            let width = b.iter().map(|l| text_width(l, fs)).fold(0.0, f64::max);
            (width, b.len() as f64 * line_h)
        })
        .collect();
    let (center, radius) = fit_radar(
        (f64::from(w), f64::from(h)),
        f64::from(title_h),
        fs * 0.8,
        &sizes,
    );
    let stroke = (fs / 7.0).max(1.0) as u32;

    for level in 1..=5 {
        let ring: Vec<(i32, i32)> = (0..n)
            .map(|i| radar_point(center, radius, f64::from(level), i, n))
            .collect();
        let mut closed = ring.clone();
        if let Some(first) = ring.first() {
            closed.push(*first);
        }
        area.draw(&PathElement::new(closed, GRID.stroke_width(1)))?;
    }
    let small = TextStyle::from(("sans-serif", fs * 0.75).into_font())
        .color(&RGBColor(108, 117, 125))
        .pos(Pos::new(HPos::Left, VPos::Center));
    for level in 1..=5 {
        let p = radar_point(center, radius, f64::from(level), 0, n);
        area.draw(&Text::new(level.to_string(), (p.0 + 4, p.1), small.clone()))?;
    }
    for i in 0..n {
        area.draw(&PathElement::new(
            vec![center, radar_point(center, radius, SCALE_MAX, i, n)],
            GRID.stroke_width(1),
        ))?;
    }

    // Spread between respondents: a whisker from lowest to highest along the axis.
    for (i, range) in radar.ranges.iter().enumerate() {
        if let Some((lo, hi)) = range {
            if hi > lo {
                area.draw(&PathElement::new(
                    vec![
                        radar_point(center, radius, *lo, i, n),
                        radar_point(center, radius, *hi, i, n),
                    ],
                    BLUE.mix(0.35).stroke_width(stroke * 4),
                ))?;
            }
        }
    }

    let runs = present_runs(&radar.values);
    let point = |i: usize| radar_point(center, radius, radar.values[i].unwrap_or(0.0), i, n);
    if runs.len() == 1 && runs[0].len() == n && n > 2 {
        let poly: Vec<(i32, i32)> = runs[0].iter().map(|&i| point(i)).collect();
        area.draw(&Polygon::new(poly.clone(), BLUE.mix(0.22).filled()))?;
        let mut closed = poly.clone();
        closed.push(poly[0]);
        area.draw(&PathElement::new(closed, BLUE.stroke_width(stroke * 2)))?;
    } else {
        for run in &runs {
            if run.len() > 1 {
                let line: Vec<(i32, i32)> = run.iter().map(|&i| point(i)).collect();
                area.draw(&PathElement::new(line, BLUE.stroke_width(stroke * 2)))?;
            }
        }
    }
    let dot = (fs / 3.0).max(2.0) as i32;
    for (i, v) in radar.values.iter().enumerate() {
        if v.is_some() {
            area.draw(&Circle::new(point(i), dot, BLUE.filled()))?;
        } else {
            // A hollow mark at the centre end of the axis: here is no score.
            let p = radar_point(center, radius, 0.6, i, n);
            area.draw(&Circle::new(p, dot, VERMILLION.stroke_width(stroke)))?;
        }
    }

    for (i, block) in blocks.iter().enumerate() {
        let anchor = label_anchor(axis_angle(i, n));
        let p = radar_point(center, radius + fs * 0.8, SCALE_MAX, i, n);
        let k = block.len() as f64;
        let first = match anchor.1 {
            Anchor::End => f64::from(p.1) - (k - 0.5) * line_h,
            Anchor::Start => f64::from(p.1) + 0.5 * line_h,
            Anchor::Middle => f64::from(p.1) - (k - 1.0) * line_h / 2.0,
        };
        let line_pos = Pos::new(pos(anchor).h_pos, VPos::Center);
        for (j, line) in block.iter().enumerate() {
            let is_value = j + 1 == block.len();
            let color = match (is_value, radar.values[i].is_some()) {
                (false, _) => &INK,
                (true, true) => &BLUE,
                (true, false) => &VERMILLION_TEXT,
            };
            let size = if is_value { fs * 0.9 } else { fs };
            let style = TextStyle::from(("sans-serif", size).into_font())
                .color(color)
                .pos(line_pos);
            let y = (first + j as f64 * line_h).round() as i32;
            area.draw(&Text::new(line.clone(), (p.0, y), style))?;
        }
    }
    Ok(())
}

/// Draws the ladder: five rungs, lowest at the bottom, with a bar for how many
/// respondents put the government there now and one for where they want it.
pub fn draw_ladder<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ladder: &Ladder,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let fs = font_size((w, h));
    let (w, h) = (w as i32, h as i32);
    let title_style = TextStyle::from(("sans-serif", fs * 1.15).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(
        ladder.title.clone(),
        (w / 2, (fs * 0.4) as i32),
        title_style,
    ))?;
    let top = (fs * 2.0) as i32;
    let legend_h = (fs * 1.8) as i32;
    let n = ladder.rungs.len().max(1) as i32;
    let row = (h - top - legend_h) / n;
    let label_w = (fs * 7.0) as i32;
    let bar_x = label_w + (fs * 0.6) as i32;
    let bar_max = (w - bar_x - (fs * 2.0) as i32).max(1);
    let most = ladder
        .current
        .iter()
        .chain(&ladder.desired)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let label_style = TextStyle::from(("sans-serif", fs).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let count_style = TextStyle::from(("sans-serif", fs * 0.8).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, label) in ladder.rungs.iter().enumerate() {
        // The highest rung is drawn at the top, as on a ladder.
        let y0 = top + (n - 1 - i as i32) * row;
        let mid = y0 + row / 2;
        area.draw(&PathElement::new(
            vec![(bar_x, y0 + row), (w - 4, y0 + row)],
            GRID.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            label.clone(),
            (label_w, mid),
            label_style.clone(),
        ))?;
        let bar_h = (row / 3).max(2);
        for (k, (counts, color)) in [(&ladder.current, BLUE), (&ladder.desired, ORANGE)]
            .into_iter()
            .enumerate()
        {
            let count = counts.get(i).copied().unwrap_or(0);
            let y = mid - bar_h - 1 + k as i32 * (bar_h + 2);
            if count > 0 {
                let len = (f64::from(bar_max) * count as f64 / most as f64).round() as i32;
                area.draw(&Rectangle::new(
                    [(bar_x, y), (bar_x + len.max(2), y + bar_h)],
                    color.filled(),
                ))?;
                area.draw(&Text::new(
                    count.to_string(),
                    (bar_x + len + 4, y + bar_h / 2),
                    count_style.clone(),
                ))?;
            }
        }
    }
    let ly = h - legend_h / 2;
    let sw = (fs * 0.9) as i32;
    for (k, (text, color)) in [(&ladder.legend.0, BLUE), (&ladder.legend.1, ORANGE)]
        .into_iter()
        .enumerate()
    {
        let x = bar_x + k as i32 * (fs * 7.0) as i32;
        area.draw(&Rectangle::new(
            [(x, ly - sw / 2), (x + sw, ly + sw / 2)],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            text.clone(),
            (x + sw + 6, ly),
            count_style.clone(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_start_at_the_top_and_go_clockwise() {
        assert_eq!(radar_point((100, 100), 50.0, 5.0, 0, 4), (100, 50));
        assert_eq!(radar_point((100, 100), 50.0, 5.0, 1, 4), (150, 100));
        assert_eq!(radar_point((100, 100), 50.0, 2.5, 2, 4), (100, 125));
        assert_eq!(
            radar_point((100, 100), 50.0, 9.0, 0, 4),
            (100, 50),
            "clamped"
        );
    }

    #[test]
    fn runs_leave_gaps_at_missing_values() {
        let all = [Some(1.0), Some(2.0), Some(3.0)];
        assert_eq!(present_runs(&all), vec![vec![0, 1, 2]]);
        let gap = [Some(1.0), None, Some(3.0), Some(4.0), None, Some(5.0)];
        assert_eq!(present_runs(&gap), vec![vec![2, 3], vec![5, 0]]);
        assert!(present_runs(&[None, None]).is_empty());
    }

    #[test]
    fn labels_grow_away_from_the_centre() {
        assert_eq!(
            label_anchor(axis_angle(0, 6)),
            (Anchor::Middle, Anchor::End)
        );
        assert_eq!(
            label_anchor(axis_angle(1, 4)),
            (Anchor::Start, Anchor::Middle)
        );
        assert_eq!(label_anchor(axis_angle(3, 4)).0, Anchor::End);
    }

    #[test]
    fn labels_fit_inside_the_area() {
        let sizes = [(90.0, 40.0), (200.0, 60.0), (60.0, 40.0)];
        let (center, r) = fit_radar((400.0, 300.0), 30.0, 8.0, &sizes);
        assert!(r > 40.0, "radius {r}");
        let c = (f64::from(center.0), f64::from(center.1));
        for (i, size) in sizes.iter().enumerate() {
            let a = axis_angle(i, 3);
            let p = (c.0 + (r + 8.0) * a.cos(), c.1 + (r + 8.0) * a.sin());
            let (l, t, rt, b) = label_box(p, *size, a);
            assert!(
                l >= -0.5 && rt <= 400.5 && t >= 29.5 && b <= 300.5,
                "axis {i}: {l} {t} {rt} {b}"
            );
        }
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(wrap_label("Respect", 16), vec!["Respect"]);
        assert_eq!(
            wrap_label("Organisatie van de samenwerking", 16),
            vec!["Organisatie van", "de samenwerking"]
        );
        assert_eq!(
            wrap_label("Gelijkwaardigheid", 16),
            vec!["Gelijkwaardigheid"]
        );
    }

    #[test]
    fn scores_read_in_the_users_language() {
        assert_eq!(format_score(3.666_666, Lang::Nl), "3,67");
        assert_eq!(format_score(4.0, Lang::En), "4.00");
        assert_eq!(format_score(-0.75, Lang::Nl), "-0,75");
        assert_eq!(format_score(0.004, Lang::En), "0.00");
    }
}
