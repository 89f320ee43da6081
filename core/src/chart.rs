//! Charts: radar charts of concepts, modules and influence, and the participation ladder.
//!
//! The geometry (score to point, runs of present values, label placement) lives in plain
//! functions that are unit-tested; the drawing functions are generic over plotters'
//! [`DrawingBackend`], so the same code draws on a browser canvas and into SVG files.
//! Every chart scales with the pixel size of its area, which is how the page stays crisp
//! on HiDPI screens: it hands over a canvas of CSS size x devicePixelRatio.
//!
//! Every word a chart shows (titles, legends, "geen score") comes from the instrument's
//! `words`, so the charts speak the report's language.

use std::f64::consts::PI;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::instrument::Instrument;
use crate::keyed::{ByConcept, ByModule, Scored};
use crate::model::{Concept, InfluenceSource, Module, Rung};
use crate::report::{ConceptStats, Report};
use crate::stats::Stats;
use crate::text::{Lang, Text as Words};
use crate::words::Word;

/// Okabe-Ito blue: the main series, safe for colour-blind readers.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe-Ito orange: the second series (desired rung, a compared group).
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
/// Okabe-Ito vermillion: marks for missing scores and divergence.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// A darker vermillion for text: 5.9:1 on white, AA for small text.
pub const VERMILLION_TEXT: RGBColor = RGBColor(166, 67, 0);
/// Text colour.
pub const INK: RGBColor = RGBColor(33, 37, 41);
/// Secondary text colour (tick labels): 4.7:1 on white.
pub const MUTED: RGBColor = RGBColor(102, 110, 118);
/// Grid colour.
pub const GRID: RGBColor = RGBColor(200, 204, 208);
/// Colours for respondents' polygons, after the Okabe-Ito palette, cycled.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// The highest value on every chart scale.
pub const SCALE_MAX: f64 = 5.0;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// The main series: filled, with dots and the value under each axis label.
    Main,
    /// A series compared with the main one (a split, a baseline): a thick line.
    Compare,
    /// One respondent among many: a thin line.
    Respondent,
}

/// One polygon on a radar.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub label: String,
    /// The value per axis; `None` is drawn as a gap, never as 0.
    pub values: Vec<Option<f64>>,
    /// Its colour.
    pub color: RGBColor,
    /// How it is drawn.
    pub kind: SeriesKind,
}

/// A radar chart ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// The chart's title.
    pub title: String,
    /// One label per axis, clockwise from the top.
    pub axes: Vec<String>,
    /// The polygons; the first is the main one.
    pub series: Vec<Series>,
    /// Lowest and highest respondent per axis, drawn as a shaded band.
    pub ranges: Vec<Option<(f64, f64)>>,
    /// Axes on which perspectives differ, marked beside their label.
    pub divergent: Vec<bool>,
    /// Written under an axis label when the main value is missing.
    pub missing: String,
    /// Legend entries for the band (and the series, when there is more than one).
    pub legend: Legend,
    /// The decimal separator of the scores under the labels.
    pub decimal: char,
}

/// What the legend says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Legend {
    /// Show a legend under the chart.
    pub show: bool,
    /// The label of the min-max band.
    pub range: String,
    /// The mark of a divergent axis, explained.
    pub divergent: String,
}

impl Radar {
    /// The main series' values.
    #[must_use]
    pub fn values(&self) -> &[Option<f64>] {
        self.series.first().map_or(&[], |s| &s.values)
    }
}

/// The ladder chart: how many respondents put the government on each rung.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// The chart's title.
    pub title: String,
    /// Rung labels, lowest first.
    pub rungs: Vec<String>,
    /// Bars per rung: (legend, count per rung, colour).
    pub series: Vec<(String, Vec<usize>, RGBColor)>,
}

/// Where axis `i` of `n` points: clockwise from twelve o'clock, in radians.
#[must_use]
pub fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64
}

/// The pixel position of `value` (0..=5) on axis `i` of `n`.
#[must_use]
pub fn radar_point(center: (i32, i32), radius: f64, value: f64, i: usize, n: usize) -> (i32, i32) {
    point_at(
        center,
        radius * value.clamp(0.0, SCALE_MAX) / SCALE_MAX,
        axis_angle(i, n),
    )
}

fn point_at(center: (i32, i32), r: f64, a: f64) -> (i32, i32) {
    (
        center.0 + (r * a.cos()).round() as i32,
        center.1 + (r * a.sin()).round() as i32,
    )
}

/// The angle of the tick labels (1..5): halfway between the first and the last axis,
/// where no data point ever lies, so a point never covers a tick label.
#[must_use]
pub fn tick_angle(n: usize) -> f64 {
    axis_angle(0, n) - PI / n.max(1) as f64
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

/// A score as people read it: two decimals, with the language's decimal separator.
///
/// Formatted with integer arithmetic: float formatting would add 14 KB to the wasm.
#[must_use]
pub fn format_score(value: f64, decimal: char) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}{decimal}{:02}", abs / 100, abs % 100)
}

fn say(instrument: &Instrument, word: Word, lang: Lang) -> &str {
    instrument.say(word, lang)
}

/// A radar of group statistics: the means as the main series, the min-max as a band.
#[must_use]
pub fn stats_radar(
    instrument: &Instrument,
    lang: Lang,
    title: Word,
    axes: Vec<String>,
    stats: &[&Stats],
) -> Radar {
    let ranges: Vec<Option<(f64, f64)>> = stats.iter().map(|s| s.min.zip(s.max)).collect();
    let spread = stats.iter().any(|s| s.n > 1);
    Radar {
        title: say(instrument, title, lang).to_owned(),
        axes,
        series: vec![Series {
            label: say(instrument, Word::LegendMean, lang).to_owned(),
            values: stats.iter().map(|s| s.mean).collect(),
            color: BLUE,
            kind: SeriesKind::Main,
        }],
        ranges: if spread {
            ranges
        } else {
            vec![None; stats.len()]
        },
        divergent: stats.iter().map(|s| s.divergent).collect(),
        missing: say(instrument, Word::ScoreMissing, lang).to_owned(),
        legend: Legend {
            show: false,
            range: say(instrument, Word::LegendRange, lang).to_owned(),
            divergent: say(instrument, Word::Divergent, lang).to_owned(),
        },
        decimal: instrument.decimal(lang),
    }
}

/// The concept labels in `lang`.
#[must_use]
pub fn concept_axes(instrument: &Instrument, lang: Lang) -> Vec<String> {
    Concept::ALL
        .iter()
        .map(|c| instrument.concept_label(*c).get(lang).to_owned())
        .collect()
}

/// The short module labels in `lang`.
#[must_use]
pub fn module_axes(instrument: &Instrument, lang: Lang) -> Vec<String> {
    Module::SCORED
        .iter()
        .map(|m| instrument.module_short_label(*m).get(lang).to_owned())
        .collect()
}

/// The radar of the six concepts.
#[must_use]
pub fn concepts_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let stats: Vec<&Stats> = Concept::ALL
        .iter()
        .map(|c| &report.concepts[*c].stats)
        .collect();
    stats_radar(
        instrument,
        lang,
        Word::ChartConcepts,
        concept_axes(instrument, lang),
        &stats,
    )
}

/// The overview radar of opgave, organisatie and relaties.
#[must_use]
pub fn modules_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let stats: Vec<&Stats> = Module::SCORED
        .iter()
        .map(|m| &report.modules[Scored(*m)])
        .collect();
    stats_radar(
        instrument,
        lang,
        Word::ChartModules,
        module_axes(instrument, lang),
        &stats,
    )
}

/// The radar of the four sources of influence.
#[must_use]
pub fn influence_radar(report: &Report, instrument: &Instrument, lang: Lang) -> Radar {
    let axes = InfluenceSource::ALL
        .iter()
        .map(|s| instrument.influence_label(*s).get(lang).to_owned())
        .collect();
    let stats: Vec<&Stats> = InfluenceSource::ALL
        .iter()
        .map(|s| &report.influence[*s])
        .collect();
    stats_radar(instrument, lang, Word::ChartInfluence, axes, &stats)
}

/// The radar of one respondent's concept scores, without a report: the page's first
/// chart, drawn before anything else has loaded.
#[must_use]
pub fn scores_radar(
    title: &Words,
    axes: Vec<String>,
    values: Vec<Option<f64>>,
    missing: &Words,
    decimal: char,
    lang: Lang,
) -> Radar {
    let n = values.len();
    Radar {
        title: title.get(lang).to_owned(),
        axes,
        series: vec![Series {
            label: String::new(),
            values,
            color: BLUE,
            kind: SeriesKind::Main,
        }],
        ranges: vec![None; n],
        divergent: vec![false; n],
        missing: missing.get(lang).to_owned(),
        legend: Legend::default(),
        decimal,
    }
}

/// Whose view of the ladder a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LadderScope {
    /// Everyone.
    #[default]
    All,
    /// The government's own view (sector `overheid`).
    Government,
    /// Everyone else.
    Partners,
}

/// The ladder chart: everyone's current and desired rung.
#[must_use]
pub fn ladder_chart(report: &Report, instrument: &Instrument, lang: Lang) -> Ladder {
    ladder_chart_of(report, instrument, lang, LadderScope::All)
}

/// The ladder chart of one view: everyone, the government, or the partners.
#[must_use]
pub fn ladder_chart_of(
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
    scope: LadderScope,
) -> Ladder {
    let (all, suffix) = match scope {
        LadderScope::All => (&report.ladder.all, None),
        LadderScope::Government => (&report.ladder.government, Some(Word::LadderGovernment)),
        LadderScope::Partners => (&report.ladder.partners, Some(Word::LadderPartners)),
    };
    let title = say(instrument, Word::ChartLadder, lang);
    Ladder {
        title: match suffix {
            Some(w) => format!("{title}: {}", say(instrument, w, lang)),
            None => title.to_owned(),
        },
        rungs: Rung::ALL
            .iter()
            .map(|r| instrument.rung_label(*r).get(lang).to_owned())
            .collect(),
        series: vec![
            (
                say(instrument, Word::LegendCurrent, lang).to_owned(),
                all.current.values.to_vec(),
                BLUE,
            ),
            (
                say(instrument, Word::LegendDesired, lang).to_owned(),
                all.desired.values.to_vec(),
                ORANGE,
            ),
        ],
    }
}

/// The box a label block of `size` (width, height) takes when anchored at `p` as
/// [`label_anchor`] says: (left, top, right, bottom).
fn label_box(p: (f64, f64), size: (f64, f64), (h, v): (Anchor, Anchor)) -> (f64, f64, f64, f64) {
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
/// blocks (`sizes`, one per axis) fit in an area of `area` pixels between a title of
/// `title_h` pixels and a legend of `legend_h`. `gap` is the space between the outer
/// ring and a label.
#[must_use]
pub fn fit_radar(
    area: (f64, f64),
    title_h: f64,
    gap: f64,
    sizes: &[(f64, f64)],
) -> ((i32, i32), f64) {
    let n = sizes.len();
    // Each axis's direction, worked out once for the forty extents of the search.
    let axes: Vec<((Anchor, Anchor), f64, f64)> = (0..n)
        .map(|i| {
            let a = axis_angle(i, n);
            (label_anchor(a), a.cos(), a.sin())
        })
        .collect();
    // The extent of everything around a centre at (0, 0) for radius r.
    let extent = |r: f64| {
        let mut b = (-1.0f64, -1.0f64, 1.0f64, 1.0f64);
        for (size, &(anchor, c, s)) in sizes.iter().zip(&axes) {
            let ring = (r * c, r * s);
            let p = ((r + gap) * c, (r + gap) * s);
            let (l, t, rt, bt) = label_box(p, *size, anchor);
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

/// An estimate of a sans-serif text's width: the chart is laid out before any font is
/// measured, and the same layout must hold on canvas and in SVG. 0.6 em a character is
/// DejaVu Sans's average (Linux's usual sans-serif, wider than Arial or Helvetica); the
/// radar keeps a margin at its sides for words wider than that.
#[must_use]
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.6
}

/// The font size in pixels for an area: text scales with the canvas.
fn font_size(area: (u32, u32)) -> f64 {
    (f64::from(area.0.min(area.1)) * 0.042).max(9.0)
}

fn closed(points: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut out = points.to_vec();
    if let Some(first) = points.first() {
        out.push(*first);
    }
    out
}

/// What a radar shows that does not move with its points: the white ground, the title,
/// the rings and spokes, the axis labels and the legend, and where the chart sits among
/// them. Two radars with equal backdrops on areas of one size differ only in what
/// [`draw_radar_data`] draws, so a page that redraws a radar per answer can draw the
/// backdrop once and copy it.
#[derive(Debug, Clone, PartialEq)]
pub struct Backdrop {
    size: (u32, u32),
    title: String,
    /// Per axis, the label's lines (the divergence mark after the last).
    labels: Vec<Vec<String>>,
    legend: Vec<LegendEntry>,
    center: (i32, i32),
    radius: f64,
    /// The axis labels' font size: the chart's, or smaller where the labels would leave
    /// the radar cramped (see [`CRAMPED`]).
    label_fs: f64,
}

/// A radar that its labels leave less than this share of the area's smaller side gets
/// smaller labels, down to the last of [`LABEL_SCALES`]: long single words beside a
/// four-axis radar ("Bevoegdheden", "Communicatie") would otherwise shrink it to a
/// seventh of its canvas.
const CRAMPED: f64 = 0.2;

/// The label font sizes tried, as shares of the chart's font size, largest first.
const LABEL_SCALES: [f64; 3] = [1.0, 0.9, 0.8];

impl Backdrop {
    /// The backdrop of `radar` on an area of `size` pixels. The layout leaves room for
    /// each axis's value under its label, so it depends on how wide the values are
    /// written ("geen score" is wider than "2,88").
    #[must_use]
    pub fn of(radar: &Radar, size: (u32, u32)) -> Self {
        let (w, h) = size;
        let fs = font_size(size);
        let legend = legend_entries(radar);
        let legend_h = legend_height(&legend, w, fs);
        let n = radar.axes.len();
        let values = radar.values();
        let labels: Vec<Vec<String>> = (0..n)
            .map(|i| {
                let mut lines = wrap_label(&radar.axes[i], LABEL_CHARS);
                if radar.divergent.get(i).copied().unwrap_or(false) {
                    if let Some(last) = lines.last_mut() {
                        last.push_str(" \u{2260}");
                    }
                }
                lines
            })
            .collect();
        // Each axis's block is its label's lines, then the value; the radius leaves room
        // for the widest beside the chart and the tallest above and below.
        // `value` is what is written under each label: the real values, or (to choose
        // the labels' size once per chart, whatever its values) a score's width.
        let layout = |label_fs: f64, value: &dyn Fn(usize) -> String| {
            let line_h = label_fs * 1.15;
            let sizes: Vec<(f64, f64)> = labels
                .iter()
                .enumerate()
                .map(|(i, lines)| {
                    let width = lines
                        .iter()
                        .map(|l| text_width(l, label_fs))
                        .fold(text_width(&value(i), label_fs), f64::max);
                    (width, (lines.len() + 1) as f64 * line_h)
                })
                .collect();
            // A margin at the sides, for a font wider than the estimate.
            let margin = (fs * 0.4).round();
            let (center, radius) = fit_radar(
                (f64::from(w) - 2.0 * margin, f64::from(h) - legend_h),
                f64::from(title_height(fs)),
                fs * 0.8,
                &sizes,
            );
            ((center.0 + margin as i32, center.1), radius)
        };
        // The labels' size depends on the labels and the area only, so that it stays
        // while the values change: the largest that leaves the radar roomy, else the
        // smallest tried.
        let score = |_: usize| value_text(radar, Some(SCALE_MAX));
        let roomy = CRAMPED * f64::from(w.min(h));
        let label_fs = LABEL_SCALES
            .iter()
            .map(|scale| fs * scale)
            .find(|label_fs| layout(*label_fs, &score).1 >= roomy)
            .unwrap_or(fs * LABEL_SCALES[LABEL_SCALES.len() - 1]);
        let (center, radius) = layout(label_fs, &|i| {
            value_text(radar, values.get(i).copied().flatten())
        });
        Backdrop {
            size,
            title: radar.title.clone(),
            labels,
            legend,
            center,
            radius,
            label_fs,
        }
    }

    fn fs(&self) -> f64 {
        font_size(self.size)
    }

    /// Where line `j` of axis `i`'s block goes (the value is line `labels[i].len()`),
    /// and how it is anchored.
    fn line_at(&self, i: usize, j: usize) -> ((i32, i32), Pos) {
        let n = self.labels.len();
        let fs = self.fs();
        let line_h = self.label_fs * 1.15;
        let anchor = label_anchor(axis_angle(i, n));
        let p = radar_point(self.center, self.radius + fs * 0.8, SCALE_MAX, i, n);
        let k = self.labels.get(i).map_or(0, Vec::len) as f64 + 1.0;
        let first = match anchor.1 {
            Anchor::End => f64::from(p.1) - (k - 0.5) * line_h,
            Anchor::Start => f64::from(p.1) + 0.5 * line_h,
            Anchor::Middle => f64::from(p.1) - (k - 1.0) * line_h / 2.0,
        };
        let y = (first + j as f64 * line_h).round() as i32;
        ((p.0, y), Pos::new(pos(anchor).h_pos, VPos::Center))
    }
}

/// The value written under an axis label.
fn value_text(radar: &Radar, value: Option<f64>) -> String {
    value.map_or_else(|| radar.missing.clone(), |v| format_score(v, radar.decimal))
}

fn title_height(fs: f64) -> i32 {
    (fs * 1.8) as i32
}

fn legend_height(legend: &[LegendEntry], width: u32, fs: f64) -> f64 {
    let rows = legend_layout(legend, f64::from(width), fs).len();
    if rows == 0 {
        0.0
    } else {
        rows as f64 * fs * 1.15 + fs * 0.6
    }
}

/// Draws a radar chart filling `area`: its backdrop, then its data.
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    radar: &Radar,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let backdrop = Backdrop::of(radar, area.dim_in_pixel());
    draw_backdrop(area, &backdrop)?;
    draw_radar_data(area, radar, &backdrop)
}

/// Draws a radar's backdrop filling `area` (of the size the backdrop was made for).
pub fn draw_backdrop<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    backdrop: &Backdrop,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = backdrop.size;
    let fs = backdrop.fs();
    let title_style = TextStyle::from(("sans-serif", fs * 1.15).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(
        backdrop.title.clone(),
        ((w / 2) as i32, (fs * 0.4) as i32),
        title_style,
    ))?;

    let (center, radius) = (backdrop.center, backdrop.radius);
    let n = backdrop.labels.len();
    for level in 1..=5 {
        let ring: Vec<(i32, i32)> = (0..n)
            .map(|i| radar_point(center, radius, f64::from(level), i, n))
            .collect();
        area.draw(&PathElement::new(closed(&ring), GRID.stroke_width(1)))?;
    }
    for i in 0..n {
        area.draw(&PathElement::new(
            vec![center, radar_point(center, radius, SCALE_MAX, i, n)],
            GRID.stroke_width(1),
        ))?;
    }

    // The axis labels lie outside the outer ring, clear of every point and dot.
    for (i, lines) in backdrop.labels.iter().enumerate() {
        for (j, line) in lines.iter().enumerate() {
            let (p, line_pos) = backdrop.line_at(i, j);
            let style = TextStyle::from(("sans-serif", backdrop.label_fs).into_font())
                .color(&INK)
                .pos(line_pos);
            area.draw(&Text::new(line.clone(), p, style))?;
        }
    }

    // The legend, in rows under the chart.
    let line_h = fs * 1.15;
    let legend_h = legend_height(&backdrop.legend, w, fs);
    let rows = legend_layout(&backdrop.legend, f64::from(w), fs);
    let stroke = stroke_width(fs);
    let sw = (fs * 0.8) as i32;
    let text_style = TextStyle::from(("sans-serif", fs * 0.85).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (r, row) in rows.iter().enumerate() {
        let y = (f64::from(h) - legend_h + fs * 0.3 + (r as f64 + 0.5) * line_h) as i32;
        for (x, entry) in row {
            let x = *x as i32;
            match entry.swatch {
                Swatch::Fill(c) => area.draw(&Rectangle::new(
                    [(x, y - sw / 2), (x + sw, y + sw / 2)],
                    c.mix(0.35).filled(),
                ))?,
                Swatch::Line(c, width) => area.draw(&PathElement::new(
                    vec![(x, y), (x + sw, y)],
                    c.stroke_width(width * stroke),
                ))?,
                Swatch::Mark => area.draw(&Text::new(
                    "\u{2260}".to_owned(),
                    (x, y),
                    text_style.clone(),
                ))?,
            }
            area.draw(&Text::new(
                entry.label.clone(),
                (x + sw + (fs * 0.4) as i32, y),
                text_style.clone(),
            ))?;
        }
    }
    Ok(())
}

fn stroke_width(fs: f64) -> u32 {
    (fs / 7.0).max(1.0) as u32
}

/// Draws what moves with a radar's values over its backdrop: the band between the lowest
/// and highest respondent, the polygons and their dots, the tick labels and the values
/// under the axis labels.
pub fn draw_radar_data<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    radar: &Radar,
    backdrop: &Backdrop,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let fs = backdrop.fs();
    let (center, radius) = (backdrop.center, backdrop.radius);
    let n = backdrop.labels.len();
    let stroke = stroke_width(fs);

    // The spread between respondents: a band from the lowest to the highest score.
    let ranges = &radar.ranges;
    if ranges.len() == n && n > 2 && ranges.iter().all(Option::is_some) {
        let outer: Vec<(i32, i32)> = (0..n)
            .map(|i| radar_point(center, radius, ranges[i].map_or(0.0, |r| r.1), i, n))
            .collect();
        let inner: Vec<(i32, i32)> = (0..n)
            .map(|i| radar_point(center, radius, ranges[i].map_or(0.0, |r| r.0), i, n))
            .collect();
        // The ring between the two polygons: the outer one forwards, the inner one back.
        let mut ring = outer.clone();
        ring.push(outer[0]);
        ring.push(inner[0]);
        ring.extend(inner.iter().rev());
        area.draw(&Polygon::new(ring, BLUE.mix(0.12).filled()))?;
        area.draw(&PathElement::new(
            closed(&outer),
            BLUE.mix(0.35).stroke_width(1),
        ))?;
        area.draw(&PathElement::new(
            closed(&inner),
            BLUE.mix(0.35).stroke_width(1),
        ))?;
    } else {
        for (i, range) in ranges.iter().enumerate() {
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
    }

    // Respondents and compared groups under the main series, the main series on top.
    for series in radar.series.iter().skip(1) {
        draw_series(area, series, center, radius, n, stroke, fs)?;
    }
    if let Some(main) = radar.series.first() {
        draw_series(area, main, center, radius, n, stroke, fs)?;
    }

    // Tick labels on their own spoke, halfway between two axes, where no point lies;
    // over the polygons, which cross that spoke.
    let small = TextStyle::from(("sans-serif", fs * 0.75).into_font())
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let tick = tick_angle(n);
    for level in 1..=5 {
        let p = point_at(center, radius * f64::from(level) / SCALE_MAX, tick);
        area.draw(&Text::new(level.to_string(), p, small.clone()))?;
    }

    // Each value under its axis label, in blue, or what stands for a missing one.
    let values = radar.values();
    for (i, lines) in backdrop.labels.iter().enumerate() {
        let value = values.get(i).copied().flatten();
        let color = if value.is_some() {
            &BLUE
        } else {
            &VERMILLION_TEXT
        };
        let (p, line_pos) = backdrop.line_at(i, lines.len());
        let style = TextStyle::from(("sans-serif", backdrop.label_fs * 0.9).into_font())
            .color(color)
            .pos(line_pos);
        area.draw(&Text::new(value_text(radar, value), p, style))?;
    }
    Ok(())
}

fn draw_series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &Series,
    center: (i32, i32),
    radius: f64,
    n: usize,
    stroke: u32,
    fs: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let runs = present_runs(&series.values);
    let point = |i: usize| radar_point(center, radius, series.values[i].unwrap_or(0.0), i, n);
    let width = match series.kind {
        SeriesKind::Main | SeriesKind::Compare => stroke * 2,
        SeriesKind::Respondent => stroke,
    };
    let color = series.color;
    let whole = runs.len() == 1 && runs[0].len() == n && n > 2;
    if whole {
        let poly: Vec<(i32, i32)> = runs[0].iter().map(|&i| point(i)).collect();
        if series.kind == SeriesKind::Main {
            area.draw(&Polygon::new(poly.clone(), color.mix(0.22).filled()))?;
        }
        area.draw(&PathElement::new(closed(&poly), color.stroke_width(width)))?;
    } else {
        for run in &runs {
            let line: Vec<(i32, i32)> = run.iter().map(|&i| point(i)).collect();
            if line.len() > 1 {
                area.draw(&PathElement::new(line, color.stroke_width(width)))?;
            }
        }
    }
    // Dots on the values; a missing value gets none (no point near the centre, where it
    // would read as a very low score): its label says "geen score" instead.
    let dot = match series.kind {
        SeriesKind::Main => (fs / 3.0).max(2.0) as i32,
        SeriesKind::Compare => (fs / 4.0).max(2.0) as i32,
        SeriesKind::Respondent => (fs / 6.0).max(1.0) as i32,
    };
    for (i, v) in series.values.iter().enumerate() {
        if v.is_some() {
            area.draw(&Circle::new(point(i), dot, color.filled()))?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Swatch {
    Fill(RGBColor),
    Line(RGBColor, u32),
    Mark,
}

#[derive(Debug, Clone, PartialEq)]
struct LegendEntry {
    label: String,
    swatch: Swatch,
}

fn legend_entries(radar: &Radar) -> Vec<LegendEntry> {
    if !radar.legend.show {
        return Vec::new();
    }
    let mut out: Vec<LegendEntry> = radar
        .series
        .iter()
        .filter(|s| !s.label.is_empty())
        .map(|s| LegendEntry {
            label: s.label.clone(),
            swatch: if s.kind == SeriesKind::Main {
                Swatch::Fill(s.color)
            } else {
                Swatch::Line(
                    s.color,
                    if s.kind == SeriesKind::Respondent {
                        1
                    } else {
                        2
                    },
                )
            },
        })
        .collect();
    if radar
        .ranges
        .iter()
        .any(|r| r.is_some_and(|(lo, hi)| hi > lo))
        && !radar.legend.range.is_empty()
    {
        out.push(LegendEntry {
            label: radar.legend.range.clone(),
            swatch: Swatch::Fill(BLUE),
        });
    }
    if radar.divergent.iter().any(|d| *d) && !radar.legend.divergent.is_empty() {
        out.push(LegendEntry {
            label: radar.legend.divergent.clone(),
            swatch: Swatch::Mark,
        });
    }
    out
}

/// Places legend entries left to right in rows that fit `width`: (x, entry) per row.
fn legend_layout(entries: &[LegendEntry], width: f64, fs: f64) -> Vec<Vec<(f64, LegendEntry)>> {
    let margin = fs * 0.8;
    let mut rows: Vec<Vec<(f64, LegendEntry)>> = Vec::new();
    let mut x = margin;
    for e in entries {
        let w = fs * 1.4 + text_width(&e.label, fs * 0.85) + fs;
        if rows.is_empty() || (x + w > width - margin && x > margin) {
            rows.push(Vec::new());
            x = margin;
        }
        if let Some(row) = rows.last_mut() {
            row.push((x, e.clone()));
        }
        x += w;
    }
    rows
}

/// Draws the ladder: five rungs, lowest at the bottom, with a bar per series for how
/// many respondents put the government there.
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
    let label_w = ladder
        .rungs
        .iter()
        .map(|r| text_width(r, fs))
        .fold(fs * 4.0, f64::max)
        .min(f64::from(w) * 0.45) as i32;
    let bar_x = label_w + (fs * 0.6) as i32;
    let bar_max = (w - bar_x - (fs * 2.0) as i32).max(1);
    let most = ladder
        .series
        .iter()
        .flat_map(|(_, counts, _)| counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let label_style = TextStyle::from(("sans-serif", fs).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let count_style = TextStyle::from(("sans-serif", fs * 0.8).into_font())
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let k = ladder.series.len().max(1) as i32;
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
        let bar_h = ((row * 2 / 3) / k - 2).max(2);
        let block = k * (bar_h + 2);
        for (j, (_, counts, color)) in ladder.series.iter().enumerate() {
            let count = counts.get(i).copied().unwrap_or(0);
            let y = mid - block / 2 + j as i32 * (bar_h + 2);
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
    let mut x = bar_x;
    for (text, _, color) in &ladder.series {
        area.draw(&Rectangle::new(
            [(x, ly - sw / 2), (x + sw, ly + sw / 2)],
            color.filled(),
        ))?;
        area.draw(&Text::new(
            text.clone(),
            (x + sw + 6, ly),
            count_style.clone(),
        ))?;
        x += sw + 6 + text_width(text, fs * 0.8) as i32 + (fs * 1.5) as i32;
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
    fn tick_labels_sit_between_two_axes() {
        let n = 6;
        let tick = tick_angle(n);
        for i in 0..n {
            let d = (axis_angle(i, n) - tick).rem_euclid(2.0 * PI);
            let d = d.min(2.0 * PI - d);
            assert!(
                d >= PI / n as f64 - 1e-9,
                "axis {i} is {d} rad from the ticks"
            );
        }
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
            let (l, t, rt, b) = label_box(p, *size, label_anchor(a));
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
    fn scores_read_with_the_languages_separator() {
        assert_eq!(format_score(3.666_666, ','), "3,67");
        assert_eq!(format_score(4.0, '.'), "4.00");
        assert_eq!(format_score(-0.75, ','), "-0,75");
        assert_eq!(format_score(0.004, '.'), "0.00");
    }

    /// Records where a drawing puts ink: every non-white pixel plotters rasterises
    /// (texts are left out; they go through `draw_text`, which records nothing).
    struct Ink {
        size: (u32, u32),
        pixels: std::rc::Rc<std::cell::RefCell<Vec<(i32, i32)>>>,
    }

    impl DrawingBackend for Ink {
        type ErrorType = std::io::Error;
        fn get_size(&self) -> (u32, u32) {
            self.size
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
            Ok(())
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<std::io::Error>> {
            Ok(())
        }
        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<std::io::Error>> {
            if color.alpha > 0.0 && color.rgb != (255, 255, 255) {
                self.pixels.borrow_mut().push(point);
            }
            Ok(())
        }
        fn draw_text<TStyle: BackendTextStyle>(
            &mut self,
            _: &str,
            _: &TStyle,
            _: BackendCoord,
        ) -> Result<(), DrawingErrorKind<std::io::Error>> {
            Ok(())
        }
    }

    use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind};

    /// A radar of four axes with long single words beside it (the influence radar) gets
    /// smaller labels and a larger radar; the six concepts keep the chart's font size.
    #[test]
    fn cramped_labels_shrink_and_roomy_ones_do_not() {
        let instrument = crate::instrument::Instrument::builtin();
        let report = crate::group::Group::new(instrument).report();
        for size in [(382, 382), (330, 330)] {
            let side = f64::from(size.0);
            let influence = Backdrop::of(&influence_radar(&report, instrument, Lang::Nl), size);
            assert!(influence.label_fs < influence.fs(), "{size:?}");
            assert!(
                influence.label_fs >= influence.fs() * 0.8 - 1e-9,
                "{size:?}"
            );
            assert!(
                influence.radius >= CRAMPED * side,
                "{size:?}: {}",
                influence.radius
            );
            let concepts = Backdrop::of(&concepts_radar(&report, instrument, Lang::Nl), size);
            assert!((concepts.label_fs - concepts.fs()).abs() < 1e-9, "{size:?}");
        }
    }

    /// The backdrop's labels are drawn before the data, so nothing of the data may lie on
    /// them: a polygon at the top of the scale, its dots, a full band and a compared line,
    /// on areas from small to large and radars of three to six axes.
    #[test]
    fn the_data_never_covers_an_axis_label() {
        for n in [3, 4, 5, 6] {
            for size in [(200, 200), (334, 334), (382, 300), (668, 668), (1200, 800)] {
                let key = crate::instrument::BUILTIN_CONCEPTS;
                let axes = key.labels[..n]
                    .iter()
                    .map(|l| l.get(Lang::Nl).to_owned())
                    .collect();
                let mut radar = scores_radar(
                    &key.title,
                    axes,
                    vec![Some(SCALE_MAX); n],
                    &key.missing,
                    ',',
                    Lang::Nl,
                );
                radar.ranges = vec![Some((0.0, SCALE_MAX)); n];
                radar.divergent = vec![true; n];
                radar.series.push(Series {
                    label: "Overheid".to_owned(),
                    values: vec![Some(SCALE_MAX); n],
                    color: ORANGE,
                    kind: SeriesKind::Compare,
                });
                let backdrop = Backdrop::of(&radar, size);
                let pixels = std::rc::Rc::default();
                let area = Ink {
                    size,
                    pixels: std::rc::Rc::clone(&pixels),
                }
                .into_drawing_area();
                draw_radar_data(&area, &radar, &backdrop).expect("drawn");
                let pixels = pixels.borrow();
                assert!(!pixels.is_empty());
                let fs = backdrop.label_fs;
                for (i, lines) in backdrop.labels.iter().enumerate() {
                    for (j, line) in lines.iter().enumerate() {
                        let ((x, y), pos) = backdrop.line_at(i, j);
                        let w = text_width(line, fs);
                        let left = match pos.h_pos {
                            HPos::Left => f64::from(x),
                            HPos::Center => f64::from(x) - w / 2.0,
                            HPos::Right => f64::from(x) - w,
                        } - 2.0;
                        let (right, top, bottom) = (
                            left + w + 4.0,
                            f64::from(y) - fs * 0.6 - 2.0,
                            f64::from(y) + fs * 0.6 + 2.0,
                        );
                        let hit = pixels.iter().find(|(px, py)| {
                            (left..=right).contains(&f64::from(*px))
                                && (top..=bottom).contains(&f64::from(*py))
                        });
                        assert!(
                            hit.is_none(),
                            "{n} axes on {size:?}: {hit:?} lies on the label {line:?}"
                        );
                    }
                }
            }
        }
    }
}

/// What to lay over a group radar: respondents' own polygons, groups of a split set
/// side by side, the baseline. The values come from the report and the responses; this
/// only turns them into series.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    /// (label, values per axis) of the respondents to show, each its own colour.
    pub respondents: Vec<(String, Vec<Option<f64>>)>,
    /// (label, values per axis) of split groups to compare: drawn instead of the mean.
    pub compare: Vec<(String, Vec<Option<f64>>)>,
    /// (label, values per axis) of the baseline, drawn behind the current mean.
    pub baseline: Option<(String, Vec<Option<f64>>)>,
    /// Draw the legend into the chart (for exports; the page has its own).
    pub legend: bool,
}

/// Lays `overlay` over a radar made from group statistics.
#[must_use]
pub fn overlay(mut radar: Radar, overlay: Overlay) -> Radar {
    if !overlay.compare.is_empty() {
        // Two groups side by side: each its own polygon, no mean and no band. Nor the
        // whole group's divergence marks: beside two groups they would read as where
        // those two differ, which their own polygons show.
        radar.series.clear();
        radar.ranges = vec![None; radar.axes.len()];
        radar.divergent = vec![false; radar.axes.len()];
        for (i, (label, values)) in overlay.compare.into_iter().enumerate() {
            radar.series.push(Series {
                label,
                values,
                color: if i == 0 { BLUE } else { ORANGE },
                kind: if i == 0 {
                    SeriesKind::Main
                } else {
                    SeriesKind::Compare
                },
            });
        }
    }
    if let Some((label, values)) = overlay.baseline {
        radar.series.push(Series {
            label,
            values,
            color: MUTED,
            kind: SeriesKind::Compare,
        });
    }
    for (i, (label, values)) in overlay.respondents.into_iter().enumerate() {
        radar.series.push(Series {
            label,
            values,
            color: PALETTE[i % PALETTE.len()],
            kind: SeriesKind::Respondent,
        });
    }
    radar.legend.show = overlay.legend;
    radar
}

/// Which group radar to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RadarKind {
    /// The six concepts.
    Concepts,
    /// Opgave, organisatie, relaties.
    Modules,
}

/// What a group radar shows beyond the mean and the band.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupChart {
    /// Indexes of the respondents whose own polygon to draw.
    pub respondents: Vec<usize>,
    /// A split dimension (such as `sector`) and two of its values, set side by side.
    pub compare: Option<(String, Option<String>, Option<String>)>,
    /// Set the first group of `compare` against everyone else (the report's
    /// [`Report::rest`] of that group) instead of against its second group.
    pub rest: bool,
    /// Draw the baseline's mean behind the current one.
    pub baseline: bool,
    /// Draw a legend into the chart.
    pub legend: bool,
}

/// A group radar: the report's mean and band, with what `chart` asks for laid over it.
/// `scores` holds each respondent's label and scores, in the order of the responses.
#[must_use]
pub fn group_radar(
    kind: RadarKind,
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
    scores: &[(String, crate::score::Scores)],
    chart: &GroupChart,
) -> Radar {
    let values = |s: &crate::score::Scores| match kind {
        RadarKind::Concepts => s.concepts.to_vec(),
        RadarKind::Modules => s.modules.to_vec(),
    };
    let base = match kind {
        RadarKind::Concepts => concepts_radar(report, instrument, lang),
        RadarKind::Modules => modules_radar(report, instrument, lang),
    };
    let respondents = chart
        .respondents
        .iter()
        .filter_map(|i| scores.get(*i))
        .map(|(label, s)| (label.clone(), values(s)))
        .collect();
    let means = |concepts: Option<&ByConcept<ConceptStats>>, modules: Option<&ByModule<Stats>>| {
        match kind {
            RadarKind::Concepts => {
                concepts.map(|c| Concept::ALL.iter().map(|k| c[*k].stats.mean).collect())
            }
            RadarKind::Modules => {
                modules.map(|m| Module::SCORED.iter().map(|k| m[Scored(*k)].mean).collect())
            }
        }
    };
    let group = |by: &String, value: &Option<String>| {
        let groups = &report.splits.iter().find(|(d, _)| d == by)?.1;
        let g = groups.iter().find(|g| &g.value == value)?;
        let name = match value {
            Some(v) => crate::split::Dimension::parse(by)
                .and_then(|d| instrument.value_label(d, v))
                .map_or_else(|| v.clone(), |t| t.get(lang).to_owned()),
            None => say(instrument, Word::SplitNone, lang).to_owned(),
        };
        let label = format!("{name} ({})", g.n);
        Some((label, means(g.concepts.as_ref(), g.modules.as_ref())?))
    };
    // Everyone outside group `a`, when the report holds that very complement.
    let rest = |by: &String, a: &Option<String>| {
        let r = report
            .rest
            .as_ref()
            .filter(|r| &r.by == by && &r.except == a)?;
        let label = format!("{} ({})", say(instrument, Word::SplitRest, lang), r.n);
        Some((label, means(r.concepts.as_ref(), r.modules.as_ref())?))
    };
    let compare = chart
        .compare
        .as_ref()
        .map(|(by, a, b)| {
            let second = if chart.rest {
                rest(by, a)
            } else {
                group(by, b)
            };
            group(by, a).into_iter().chain(second).collect()
        })
        .unwrap_or_default();
    let baseline = if chart.baseline {
        report.change.as_ref()
    } else {
        None
    }
    .map(|c| {
        let label = say(instrument, Word::LegendBaseline, lang).to_owned();
        let vals = match kind {
            RadarKind::Concepts => c.concepts.values.iter().map(|d| d.baseline).collect(),
            RadarKind::Modules => c.modules.values.iter().map(|d| d.baseline).collect(),
        };
        (label, vals)
    });
    overlay(
        base,
        Overlay {
            respondents,
            compare,
            baseline,
            legend: chart.legend,
        },
    )
}
