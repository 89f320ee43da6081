//! BENCHMARKS.md from what one run measured: the targets with their verdicts first,
//! then one section per measure. Every ratio is **ours / anchor**, so lower is better
//! for time and bytes. A partial run (`--only`) makes the sections it measured and
//! the targets they decide, nothing else.

use std::fmt::Write as _;

use super::lighthouse::{self, Condition, Lighthouse};
use super::native::{self, Native, Runner};
use super::{kb, ms, table, thousands, Browser, File, Machine, Summary};
use crate::Result;

/// Published sizes, quoted in the report and never measured here.
const SURVEYJS_FORM_KB_GZ: f64 = 415.0;
const CHARTJS_KB_GZ: f64 = 71.0;

// ----- the targets (performance issue) -----

/// Bytes before the first chart, gzipped, the whole page (kB of 1000 bytes).
const BYTES_GZ: f64 = 100_000.0;
/// First chart, ours / Chart.js page.
const FIRST_CHART_RATIO: f64 = 0.5;
/// Redraw of the radar per answer, ours / Chart.js `update()`.
const REDRAW_RADAR_RATIO: f64 = 0.25;
/// The whole page's change handler / Chart.js `update()`.
const REDRAW_PAGE_RATIO: f64 = 1.0;
/// 10,000 respondents aggregated and drawn, ms (strictly below).
const GROUP_MS: f64 = 200.0;
/// The group size whose time is judged, and the smaller one linearity is judged from.
const GROUP_N: u64 = 10_000;
const GROUP_BASE_N: u64 = 1_000;
/// Linear: the per-respondent cost at 10,000 is at most this times that at 1,000.
const LINEAR_FACTOR: f64 = 1.25;
/// The group view reading this many files chosen at once, ms (strictly below).
const FILES_N: u64 = 1_000;
const FILES_MS: f64 = 2000.0;
/// A respondent's line toggled at this many respondents, ms (strictly below: a frame).
const TOGGLE_N: u64 = 100;
const TOGGLE_MS: f64 = 16.0;
/// Native, one core, ours / DuckDB on one thread.
const NATIVE_RATIO: f64 = 0.2;
/// Peak memory independent of the file: from the smaller file to the larger it grows
/// by at most this share, or [`MEMORY_SLACK_KIB`] if that is more.
const MEMORY_GROWTH: f64 = 0.10;
const MEMORY_SLACK_KIB: f64 = 1024.0;
/// Lighthouse.
const LH_PERFORMANCE: f64 = 0.95;
const LH_CLS: f64 = 0.05;
const LH_LCP_MS: f64 = 2500.0;

/// What a target asks of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    AtMost(f64),
    Below(f64),
    AtLeast(f64),
}

impl Goal {
    pub fn met(self, value: f64) -> bool {
        match self {
            Self::AtMost(limit) => value <= limit,
            Self::Below(limit) => value < limit,
            Self::AtLeast(limit) => value >= limit,
        }
    }

    /// "<= 0.50x", "< 200.0 ms", ">= 0.95".
    pub fn text(self, show: &dyn Fn(f64) -> String) -> String {
        match self {
            Self::AtMost(limit) => format!("<= {}", show(limit)),
            Self::Below(limit) => format!("< {}", show(limit)),
            Self::AtLeast(limit) => format!(">= {}", show(limit)),
        }
    }
}

/// "✅ met", or "❌ missed by ..." with the amount in the figure's unit and, for an
/// upper limit, how many times the limit the figure is (what it would take).
pub fn verdict(value: f64, goal: Goal, show: &dyn Fn(f64) -> String) -> String {
    if !value.is_finite() {
        return "❌ not measured".to_owned();
    }
    if goal.met(value) {
        return "✅ met".to_owned();
    }
    match goal {
        Goal::AtMost(limit) | Goal::Below(limit) => {
            let times = if limit > 0.0 {
                format!(": {:.2}x the limit", value / limit)
            } else {
                String::new()
            };
            format!("❌ missed by {}{times}", show(value - limit))
        }
        Goal::AtLeast(limit) => format!("❌ missed by {}", show(limit - value)),
    }
}

/// One row of the targets table.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub measure: String,
    pub goal: String,
    pub figure: String,
    pub verdict: String,
    pub met: bool,
}

impl Target {
    /// A target whose figure is `value` shown with `show`, with `detail` after it.
    pub fn new(
        measure: &str,
        value: f64,
        goal: Goal,
        show: &dyn Fn(f64) -> String,
        detail: &str,
    ) -> Self {
        let figure = if detail.is_empty() {
            show(value)
        } else {
            format!("{} ({detail})", show(value))
        };
        Self {
            measure: measure.to_owned(),
            goal: goal.text(show),
            figure,
            verdict: verdict(value, goal, show),
            met: value.is_finite() && goal.met(value),
        }
    }
}

/// "1.82x": ours / anchor, lower is better; "-" without an anchor.
pub fn ratio(ours: f64, anchor: f64) -> String {
    if anchor > 0.0 && ours.is_finite() {
        times(ours / anchor)
    } else {
        "-".to_owned()
    }
}

/// "0.50x".
pub fn times(value: f64) -> String {
    format!("{value:.2}x")
}

fn score(value: f64) -> String {
    format!("{value:.2}")
}

fn cls(value: f64) -> String {
    format!("{value:.3}")
}

fn seconds(value: f64) -> String {
    format!("{:.2} s", value / 1000.0)
}

fn mib(kib: f64) -> String {
    let value = kib / 1024.0;
    // No "-0.0 MiB" for a growth of a few KiB down.
    let value = if value.abs() < 0.05 { 0.0 } else { value };
    format!("{value:.1} MiB")
}

/// "142.0 kB", signed amounts keep their sign.
fn kb_f(bytes: f64) -> String {
    format!("{:.1} kB", bytes / 1000.0)
}

fn us(value: f64) -> String {
    format!("{value:.1} us")
}

/// What a run measured; a part left out by `--only` is `None`.
pub struct Measured<'a> {
    pub browser: Option<&'a Browser>,
    pub native: Option<&'a Native>,
    pub lighthouse: Option<&'a Lighthouse>,
}

impl Measured<'_> {
    fn complete(&self) -> bool {
        self.browser.is_some() && self.native.is_some() && self.lighthouse.is_some()
    }
}

/// The browser figures the targets and the sections share.
struct BrowserFigures<'a> {
    ours: &'a [File],
    anchor: &'a [File],
    ours_gz: u64,
    first_ours: Summary,
    first_empty: Summary,
    first_anchor: Summary,
    /// A page that only sets the mark (`bench/floor/`); absent in results made before it.
    first_floor: Option<Summary>,
    redraw_page: Summary,
    redraw_radar: Summary,
    redraw_anchor: Summary,
    /// (N, import, report, draw) per group size.
    groups: Vec<(u64, Summary, Summary, Summary)>,
    /// The group view reading [`FILES_N`] files; absent in results made before it.
    group_files: Option<Summary>,
    /// A line toggled in the group view at [`TOGGLE_N`] respondents; absent before it.
    group_toggle: Option<Summary>,
}

impl<'a> BrowserFigures<'a> {
    fn of(browser: &'a Browser) -> Result<Self> {
        let ours = browser.files("ours");
        let anchor = browser.files("anchor");
        if ours.is_empty() || anchor.is_empty() {
            return Err("bench/run.mjs counted no files".to_owned());
        }
        let mut groups = Vec::new();
        for n in browser.group_sizes() {
            groups.push((
                n,
                browser.summary("group_import", &n.to_string())?,
                browser.summary("group_report", &n.to_string())?,
                browser.summary("group_draw", &n.to_string())?,
            ));
        }
        Ok(Self {
            ours,
            anchor,
            ours_gz: ours.iter().map(|f| f.gz).sum(),
            first_ours: browser.summary("first_chart", "ours")?,
            first_empty: browser.summary("first_chart", "ours-empty")?,
            first_anchor: browser.summary("first_chart", "anchor")?,
            first_floor: browser.summary("first_chart", "floor").ok(),
            redraw_page: browser.summary("redraw", "ours-page")?,
            redraw_radar: browser.summary("redraw", "ours-radar")?,
            redraw_anchor: browser.summary("redraw", "anchor")?,
            groups,
            group_files: browser.summary("group_files", &FILES_N.to_string()).ok(),
            group_toggle: browser.summary("group_toggle", &TOGGLE_N.to_string()).ok(),
        })
    }

    /// Report and draw together, ms, for `n` respondents.
    fn group_ms(&self, n: u64) -> Option<f64> {
        self.groups
            .iter()
            .find(|(size, _, _, _)| *size == n)
            .map(|(_, _, report, draw)| report.median + draw.median)
    }
}

/// The targets the measured parts decide.
fn targets(
    browser: Option<&BrowserFigures<'_>>,
    native: Option<&Native>,
    lighthouse: Option<&Lighthouse>,
) -> Vec<Target> {
    let mut rows = Vec::new();
    if let Some(b) = browser {
        rows.push(Target::new(
            "Bytes before the first chart, gzip, the whole page",
            b.ours_gz as f64,
            Goal::AtMost(BYTES_GZ),
            &kb_f,
            "",
        ));
        rows.push(Target::new(
            "First chart, ours / Chart.js page",
            b.first_ours.median / b.first_anchor.median,
            Goal::AtMost(FIRST_CHART_RATIO),
            &times,
            &format!(
                "{} / {}",
                ms(b.first_ours.median),
                ms(b.first_anchor.median)
            ),
        ));
        rows.push(Target::new(
            "Redraw of the radar per answer, ours / Chart.js `update()`",
            b.redraw_radar.median / b.redraw_anchor.median,
            Goal::AtMost(REDRAW_RADAR_RATIO),
            &times,
            &format!(
                "{} / {}",
                ms(b.redraw_radar.median),
                ms(b.redraw_anchor.median)
            ),
        ));
        rows.push(Target::new(
            "The whole page's change handler / Chart.js `update()`",
            b.redraw_page.median / b.redraw_anchor.median,
            Goal::AtMost(REDRAW_PAGE_RATIO),
            &times,
            &format!(
                "{} / {}",
                ms(b.redraw_page.median),
                ms(b.redraw_anchor.median)
            ),
        ));
        let big = b.group_ms(GROUP_N).unwrap_or(f64::NAN);
        rows.push(Target::new(
            "10,000 respondents aggregated and drawn in the page",
            big,
            Goal::Below(GROUP_MS),
            &ms,
            "",
        ));
        let per = |n: u64| b.group_ms(n).map_or(f64::NAN, |t| t * 1000.0 / n as f64);
        rows.push(Target::new(
            "... and linear: per-respondent cost at 10,000 / at 1,000",
            per(GROUP_N) / per(GROUP_BASE_N),
            Goal::AtMost(LINEAR_FACTOR),
            &times,
            &format!(
                "{} at 1,000, {} at 10,000",
                us(per(GROUP_BASE_N)),
                us(per(GROUP_N))
            ),
        ));
        if let Some(files) = &b.group_files {
            rows.push(Target::new(
                "The group view reads 1,000 files chosen at once (read, checked, analysed, drawn)",
                files.median,
                Goal::Below(FILES_MS),
                &ms,
                "",
            ));
        }
        if let Some(toggle) = &b.group_toggle {
            rows.push(Target::new(
                "A respondent's line toggled in the group view at 100 respondents",
                toggle.median,
                Goal::Below(TOGGLE_MS),
                &ms,
                &format!("p90 {}", ms(toggle.p90)),
            ));
        }
    }
    if let Some(n) = native {
        let largest = native::SIZES[native::SIZES.len() - 1];
        let smallest = native::SIZES[0];
        let time = |runner, size| n.get(runner, size).map_or(f64::NAN, |m| m.seconds.median);
        let ours = time(Runner::OursOneCore, largest);
        let duck = time(Runner::DuckDb, largest);
        rows.push(Target::new(
            &format!(
                "Native report of {} responses, one core, ours / DuckDB (one thread)",
                thousands(largest)
            ),
            ours / duck,
            Goal::AtMost(NATIVE_RATIO),
            &times,
            &format!(
                "{:.2} s / {:.2} s; {} responses/s, the target asks about {}",
                ours,
                duck,
                thousands((largest as f64 / ours).round() as u64),
                thousands(
                    ((largest as f64 / (duck * NATIVE_RATIO)) / 1000.0).round() as u64 * 1000
                )
            ),
        ));
        for runner in [Runner::OursOneCore, Runner::OursAllCores] {
            let peak = |size| {
                n.get(runner, size)
                    .map_or(f64::NAN, |m| m.peak_rss_kib as f64)
            };
            let (small, large) = (peak(smallest), peak(largest));
            let allowed = (small * MEMORY_GROWTH).max(MEMORY_SLACK_KIB);
            let cores = if runner == Runner::OursOneCore {
                "one core"
            } else {
                "every core"
            };
            rows.push(Target::new(
                &format!(
                    "Peak memory independent of the file ({cores}): growth from {} to {} responses",
                    thousands(smallest),
                    thousands(largest)
                ),
                large - small,
                Goal::AtMost(allowed),
                &mib,
                &format!("{} -> {}", mib(small), mib(large)),
            ));
        }
    }
    if let Some(l) = lighthouse {
        let g = &l.gzip;
        let u = &l.uncompressed;
        let both = |value: fn(&Condition) -> Option<f64>, show: &dyn Fn(f64) -> String| {
            format!(
                "uncompressed {}",
                value(u).map_or_else(|| "-".to_owned(), show)
            )
        };
        let nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
        rows.push(Target::new(
            "Lighthouse performance (gzip)",
            nan(g.score_of("performance")),
            Goal::AtLeast(LH_PERFORMANCE),
            &score,
            &both(|c| c.score_of("performance"), &score),
        ));
        rows.push(Target::new(
            "Lighthouse CLS (gzip)",
            nan(g.metric_of("cumulative-layout-shift")),
            Goal::AtMost(LH_CLS),
            &cls,
            &both(|c| c.metric_of("cumulative-layout-shift"), &cls),
        ));
        rows.push(Target::new(
            "Lighthouse LCP (gzip)",
            nan(g.metric_of("largest-contentful-paint")),
            Goal::AtMost(LH_LCP_MS),
            &seconds,
            &both(|c| c.metric_of("largest-contentful-paint"), &seconds),
        ));
        for (id, label) in &lighthouse::CATEGORIES[1..] {
            let value = nan(g.score_of(id));
            let other = u.score_of(id);
            rows.push(Target::new(
                &format!("Lighthouse {label} (gzip)"),
                value,
                Goal::AtLeast(1.0),
                &score,
                &format!(
                    "uncompressed {}",
                    other.map_or_else(|| "-".to_owned(), score)
                ),
            ));
        }
    }
    rows
}

/// For each missed target: why, and what meeting it would take.
fn missed_section(
    md: &mut String,
    rows: &[Target],
    browser: Option<&BrowserFigures<'_>>,
    native: Option<&Native>,
    lighthouse: Option<&Lighthouse>,
) {
    let missed = |prefix: &str| rows.iter().any(|t| !t.met && t.measure.starts_with(prefix));
    let mut notes = Vec::new();
    if let (true, Some(b)) = (missed("First chart"), browser) {
        let mut note = format!(
            "**First chart.** Half the anchor's median is {}. ",
            ms(b.first_anchor.median * FIRST_CHART_RATIO)
        );
        if let Some(floor) = &b.first_floor {
            let target = b.first_anchor.median * FIRST_CHART_RATIO;
            let _ = write!(
                note,
                "A page that draws nothing and only sets the mark takes {} in this harness \
                 (section 2). ",
                ms(floor.median)
            );
            if target <= floor.median {
                note.push_str(
                    "The target is at or below that floor: no page, however little it \
                     does, could meet it in this run. ",
                );
            } else {
                let _ = write!(
                    note,
                    "The target leaves {} above it for Netwerkscan's own work, which takes \
                     {} now; the anchor's own work (Chart.js parsed and run, one draw) takes \
                     {}, so the target asks for {:.0}% of that. ",
                    ms(target - floor.median),
                    ms(b.first_ours.median - floor.median),
                    ms(b.first_anchor.median - floor.median),
                    (target - floor.median) / (b.first_anchor.median - floor.median) * 100.0
                );
            }
        }
        note.push_str(
            "The critical path is already the least the radar needs: the element's entry and \
             its static chunks (preloaded together), the first wasm module (scoring of one \
             response and the radar, fetched beside them), compiled, and one draw. What is \
             left to try is less of each: a smaller first module, less JavaScript before \
             it, the module compiled while the entry's chunks arrive. A picture drawn ahead \
             of time would be faster, but the target rules it out (the mark must be the \
             core's drawing of the real response).",
        );
        notes.push(note);
    }
    if let (true, Some(b)) = (missed("Redraw of the radar"), browser) {
        notes.push(format!(
            "**Redraw of the radar.** After 20 unmeasured changes on each side, the radar \
             takes {} against Chart.js's {}; the target asks for {}. Measured from a cold \
             start instead (the first changes, as earlier runs of this bench did), \
             Chart.js's updates take about twice as long and the ratio met the target: its \
             JavaScript gets faster as it runs, the wasm does not need to. The radar now \
             draws only what changes: its backdrop (rings, spokes, labels) is kept per \
             canvas in a layer and copied, and the data (polygon, dots, ticks, values) \
             drawn over it. In a probe, 2,000 redraws back to back take 0.33 ms each (the \
             report 0.09, the drawing 0.16, rasterising 0.16; the drawing and rasterising \
             took 0.42 ms before the layer). With a frame between changes, as here, the \
             same work takes three times as long: in a probe of 200 such changes, the \
             report 0.30 ms, the drawing 0.51 ms and the read-back (Chromium rasterising) \
             0.40 ms. The drawing's 61 canvas calls (the backdrop's copy, the polygon, 6 \
             dots, 11 texts) take 0.20 ms of it when replayed from JavaScript; the rest is \
             the wasm making the radar from the report (values, layout) and the strings \
             it hands to the canvas (texts, colours, two fonts). Any change to a canvas \
             after a frame costs about 0.2 ms (a 10 by 10 pixel rectangle and its \
             read-back took 0.19 ms). The page makes its whole report of the response \
             (tables, advice) per answer, and the radar waits for it; scoring the six \
             concepts alone first, as the first module does, would take about 0.2 ms off \
             this measure, but nothing off what a respondent sees: the radar and its \
             tables change in the same frame.",
            ms(b.redraw_radar.median),
            ms(b.redraw_anchor.median),
            ms(b.redraw_anchor.median * REDRAW_RADAR_RATIO),
        ));
    }
    if let (true, Some(n)) = (missed("Native report"), native) {
        let largest = native::SIZES[native::SIZES.len() - 1];
        let seconds = n
            .get(Runner::OursOneCore, largest)
            .map_or(f64::NAN, |m| m.seconds.median);
        let duck = n
            .get(Runner::DuckDb, largest)
            .map_or(f64::NAN, |m| m.seconds.median);
        let bytes = n
            .files
            .iter()
            .find(|(responses, _)| *responses == largest)
            .map_or(f64::NAN, |(_, bytes)| *bytes as f64);
        let mb_s = |s: f64| bytes / s / 1e6;
        let syntax = n
            .get(Runner::SyntaxOnly, largest)
            .map_or(f64::NAN, |m| m.seconds.median);
        let target = duck * NATIVE_RATIO;
        let beside = if syntax > seconds {
            "the CLI's own reader, which checks every field and feeds the report, is \
             already faster than a general one that checks only the syntax"
        } else {
            "a general reader checking only the syntax is faster than the CLI checking \
             every field and making the report"
        };
        notes.push(format!(
            "**Native report.** The CLI reads {:.0} MB/s on one core and checks every field \
             of every line; DuckDB reads {:.0} MB/s and parses only `answers`. At {} of \
             DuckDB's time the CLI would have to read {:.0} MB/s on one core, validating \
             as it goes. For scale (section 5): serde_json, checking each line's syntax and \
             keeping nothing, reads {:.0} MB/s and takes {}x the CLI's time over {} \
             responses: {beside}. The target asks for {:.1}x serde_json's speed at that \
             syntax check alone. The CLI's fast reader takes a plain line in one pass over \
             bytes borrowed from the read buffer (the keys it expects compared in place, a \
             compact answer in one look), leaving only the lines it declines to the reader \
             that names every problem; in a profile (cachegrind) a response costs about \
             20,000 instructions, spread over reading, scoring, the duplicate check and the \
             group's sums, none of them half. Meeting the target would take a reader that \
             checks every field faster than that, with the scoring folded into the scan: a \
             second copy of the scoring rules, which this project keeps in one place.",
            mb_s(seconds),
            mb_s(duck),
            times(NATIVE_RATIO),
            mb_s(target),
            mb_s(syntax),
            format_args!("{:.2}", syntax / seconds),
            thousands(largest),
            syntax / target,
        ));
    }
    if missed("Peak memory") {
        notes.push(
            "**Peak memory.** A response given twice counts once, in every file and line \
             of one run. The CLI decides that after the reading: each response leaves a \
             sighting of 28 bytes (its identity, place and source), gathered in a buffer of \
             1 MiB per thread; a full buffer is sorted and written to a temporary file, and \
             the runs are merged at the end, 64 at a time, reading 4 KiB of each. What \
             still grows is that merge's read-ahead (4 KiB per 32,768 responses and \
             thread), the copies found (each is a warning line), and the allocator's own \
             slack; the text of a response is never kept."
                .to_owned(),
        );
    }
    if let (true, Some(l)) = (missed("Lighthouse performance"), lighthouse) {
        notes.push(lighthouse_note(&l.gzip));
    }
    if !notes.is_empty() {
        let _ = write!(
            md,
            "\n### What the missed targets would take\n\n{}\n",
            notes.join("\n\n")
        );
    }
}

/// Why Lighthouse's performance score missed: its runs one by one, and what moves it.
fn lighthouse_note(gzip: &Condition) -> String {
    let list = |f: &dyn Fn(&lighthouse::Report) -> String| {
        gzip.reports.iter().map(f).collect::<Vec<_>>().join(", ")
    };
    let tbt: Vec<f64> = gzip.reports.iter().map(|r| r.metrics[1]).collect();
    let low = tbt.iter().copied().fold(f64::INFINITY, f64::min);
    let high = tbt.iter().copied().fold(0.0, f64::max);
    format!(
        "**Lighthouse performance.** The {} runs with gzip scored {}, with a total blocking \
         time (TBT) of {} and an LCP of {}. The load itself hardly moves from run to run; \
         the score moves with TBT, which counts every main-thread task longer than 50 ms \
         on Lighthouse's simulated phone (this CPU slowed four times): the wasm modules \
         compiled as their first functions run, the first draw and the form are such \
         tasks. The same page had a TBT of {} in one run and {} in another: the target is \
         met when this machine gives the page its CPU evenly and missed when it does not. \
         Meeting it in every run would take no main-thread task much longer than 12 ms on \
         this machine.",
        gzip.reports.len(),
        list(&|r| score(r.scores[0])),
        list(&|r| ms(r.metrics[1])),
        list(&|r| seconds(r.metrics[0])),
        ms(low),
        ms(high),
    )
}

/// The targets as a table, with a line that counts them.
pub fn targets_table(rows: &[Target]) -> String {
    let met = rows.iter().filter(|t| t.met).count();
    let mut text = format!("{met} of {} targets met.\n\n", rows.len());
    text.push_str(&table(
        &["measure", "target", "figure", "verdict"],
        &[false, false, false, false],
        &rows
            .iter()
            .map(|t| {
                vec![
                    t.measure.clone(),
                    t.goal.clone(),
                    t.figure.clone(),
                    t.verdict.clone(),
                ]
            })
            .collect::<Vec<_>>(),
    ));
    text
}

/// BENCHMARKS.md, or for a partial run the sections it measured.
pub fn markdown(measured: &Measured<'_>, machine: &Machine) -> Result<String> {
    let figures = measured.browser.map(BrowserFigures::of).transpose()?;
    let mut md = String::new();
    let _ = write!(
        md,
        "# Benchmarks\n\n\
         A trainer who does not use Netwerkscan would build the scan from a form library \
         and a chart library: SurveyJS plus Chart.js, about {SURVEYJS_FORM_KB_GZ:.0} kB \
         gzipped for the form alone and {CHARTJS_KB_GZ:.0} kB for Chart.js 4.6 alone (both \
         published figures, quoted here, not measured). Netwerkscan has to load faster, \
         draw faster and weigh less, and a facilitator's report of many files has to beat \
         a database. These figures are measured in one run of `cargo xtask bench`, each \
         against an anchor: in the browser, a page that draws the same radar with Chart.js \
         (sections 1 to 4); natively, DuckDB computing the six concept means from the same \
         JSON Lines files as the CLI (section 5); and Lighthouse, as a web team would \
         check the served page (section 6).\n\n\
         Ratios are **Netwerkscan / anchor**: below 1 means Netwerkscan is smaller or \
         faster, above 1 that it is larger or slower. Lower is better for every ratio, time \
         and byte count here.\n\n\
         *Generated by `cargo xtask bench` on {} at commit {}; do not edit by hand.*\n\n",
        machine.date, machine.commit
    );
    if !measured.complete() {
        md.push_str(
            "*A partial run (`--only`): only the parts it measured are below, and \
             BENCHMARKS.md was not written.*\n\n",
        );
    }

    let rows = targets(figures.as_ref(), measured.native, measured.lighthouse);
    let _ = write!(
        md,
        "## Targets\n\n\
         The targets of the performance issue, each beside its figure from this run. Times \
         and ratios are medians. The Lighthouse targets are judged on the page served with \
         gzip, as a real host serves it; the uncompressed figure is beside it. Linear means \
         that the cost per respondent at {} is at most {LINEAR_FACTOR}x that at {}; peak \
         memory counts as independent of the file when it grows by at most {:.0}% (or {}, if \
         that is more) from the smaller file to the larger.\n\n{}",
        thousands(GROUP_N),
        thousands(GROUP_BASE_N),
        MEMORY_GROWTH * 100.0,
        mib(MEMORY_SLACK_KIB),
        targets_table(&rows)
    );
    missed_section(
        &mut md,
        &rows,
        figures.as_ref(),
        measured.native,
        measured.lighthouse,
    );
    if let (Some(b), Some(browser)) = (&figures, measured.browser) {
        browser_sections(&mut md, b, browser, machine);
    }
    if let Some(n) = measured.native {
        native_section(&mut md, n);
    }
    if let Some(l) = measured.lighthouse {
        lighthouse_section(&mut md, l);
    }
    machine_section(&mut md, measured.browser, machine);
    Ok(md)
}

fn summary_row(label: &str, s: &Summary) -> Vec<String> {
    vec![
        label.to_owned(),
        ms(s.median),
        ms(s.min),
        ms(s.p90),
        ms(s.max),
        s.n.to_string(),
    ]
}

fn browser_sections(md: &mut String, b: &BrowserFigures<'_>, browser: &Browser, machine: &Machine) {
    let canvas = browser.meta.get("canvas").cloned().unwrap_or_default();
    let (size, dpr) = (
        canvas.first().cloned().unwrap_or_default(),
        canvas.get(2).cloned().unwrap_or_default(),
    );
    let _ = write!(
        md,
        "\n## The browser anchor\n\n\
         Sections 1 to 4 measure the whole Netwerkscan page (form, charts, the wasm model) \
         and, as the anchor, a page in `bench/chartjs/` that draws only the same \
         six-concept radar with Chart.js {} from npm: same data (the concept means of \
         `examples/anna-gemeente.json` as `netwerkscan report` computes them, checked in \
         the run), same size ({size} x {size} CSS pixels, devicePixelRatio {dpr}), \
         animation off, marked with `performance.mark('netwerkscan:first-chart')` the way \
         the page marks its first radar. Both are served by the xtask static server from \
         one origin on localhost, with gzip as `xtask serve` sends it, and loaded in \
         headless Chromium, each load in a fresh browser context (cold cache).\n",
        machine.chartjs
    );

    // 1. Bytes.
    let total = |files: &[File]| {
        (
            files.len(),
            files.iter().map(|f| f.raw).sum::<u64>(),
            files.iter().map(|f| f.gz).sum::<u64>(),
        )
    };
    let (ours_n, ours_raw, ours_gz) = total(b.ours);
    let (anchor_n, anchor_raw, anchor_gz) = total(b.anchor);
    let quoted_gz = ((SURVEYJS_FORM_KB_GZ + CHARTJS_KB_GZ) * 1000.0) as u64;
    let _ = write!(
        md,
        "\n## 1. Bytes until the first chart\n\n\
         Every file the page requested before the first radar was drawn (the union over \
         all runs), as served and as `gzip -9` sends it. Target: at most {} for the \
         whole page.\n\n{}",
        kb(BYTES_GZ as u64),
        table(
            &["page", "files", "raw", "gzip -9", "ours / anchor (gzip)"],
            &[false, true, true, true, true],
            &[
                vec![
                    "Netwerkscan: the whole scan page".to_owned(),
                    ours_n.to_string(),
                    kb(ours_raw),
                    kb(ours_gz),
                    String::new(),
                ],
                vec![
                    "Chart.js anchor: the radar alone".to_owned(),
                    anchor_n.to_string(),
                    kb(anchor_raw),
                    kb(anchor_gz),
                    ratio(ours_gz as f64, anchor_gz as f64),
                ],
                vec![
                    "SurveyJS form + Chart.js (published, not measured)".to_owned(),
                    String::new(),
                    String::new(),
                    kb(quoted_gz),
                    ratio(ours_gz as f64, quoted_gz as f64),
                ],
            ],
        )
    );
    if let Some(largest) = b.ours.iter().max_by_key(|f| f.gz) {
        let _ = write!(
            md,
            "\nThe largest file, `{}`, is {:.0}% of Netwerkscan's gzipped bytes.\n",
            largest.path,
            largest.gz as f64 * 100.0 / ours_gz as f64
        );
    }
    for (title, files) in [("Netwerkscan", b.ours), ("Chart.js anchor", b.anchor)] {
        let rows: Vec<Vec<String>> = files
            .iter()
            .map(|f| vec![format!("`{}`", f.path), f.raw.to_string(), f.gz.to_string()])
            .collect();
        let _ = write!(
            md,
            "\n{title}, file by file (bytes):\n\n{}",
            table(&["file", "raw", "gzip -9"], &[false, true, true], &rows)
        );
    }

    // 2. First chart.
    let mut rows = vec![
        summary_row(
            "Netwerkscan, a draft restored (Anna's radar)",
            &b.first_ours,
        ),
        summary_row("Netwerkscan, first visit (empty radar)", &b.first_empty),
        summary_row("Chart.js anchor (Anna's radar)", &b.first_anchor),
    ];
    if let Some(floor) = &b.first_floor {
        rows.push(summary_row(
            "Floor: a page whose one script only sets the mark",
            floor,
        ));
    }
    let _ = write!(
        md,
        "\n## 2. First chart\n\n\
         From navigation start to the `netwerkscan:first-chart` mark \
         (`performance.getEntriesByName(...)[0].startTime`), each load cold in a new \
         context, the pages taking turns.\n\n{}\n\
         Median ratio, Netwerkscan with a restored draft / anchor: **{}** (target: at most \
         {}).\n",
        table(
            &["page", "median", "min", "p90", "max", "runs"],
            &[false, true, true, true, true, true],
            &rows,
        ),
        ratio(b.first_ours.median, b.first_anchor.median),
        times(FIRST_CHART_RATIO)
    );
    if let Some(floor) = &b.first_floor {
        let (ours, anchor) = (
            b.first_ours.median - floor.median,
            b.first_anchor.median - floor.median,
        );
        let _ = write!(
            md,
            "\nThe floor (`bench/floor/`: a document and one deferred script that sets the \
             mark and draws nothing) is what this harness costs any page: a new browser \
             context, the navigation, the document, one script fetched and run. Above the \
             floor, each page's own work: Netwerkscan {}, the anchor {}, a ratio of {}. \
             The target of {} asks for a first chart at {}, {} the floor.\n",
            ms(ours),
            ms(anchor),
            ratio(ours, anchor),
            times(FIRST_CHART_RATIO),
            ms(b.first_anchor.median * FIRST_CHART_RATIO),
            if b.first_anchor.median * FIRST_CHART_RATIO < floor.median {
                format!(
                    "{} below",
                    ms(floor.median - b.first_anchor.median * FIRST_CHART_RATIO)
                )
            } else {
                format!(
                    "{} above",
                    ms(b.first_anchor.median * FIRST_CHART_RATIO - floor.median)
                )
            }
        );
    }

    // 3. Redraw.
    let _ = write!(
        md,
        "\n## 3. Redraw after an answer changes\n\n\
         One answer changes, then the six-concept radar is redrawn; each change waits \
         for the frame after the previous one, and the time ends after reading one pixel \
         of the radar, which makes Chromium carry out the queued drawing. Each side first \
         makes 20 changes that are not measured: Chart.js's JavaScript is optimised as it \
         runs, and its first updates take about twice as long as later ones (the wasm is \
         compiled before it runs). The page has \
         no redraw mark, so the first row times the whole change handler: a click on a \
         radio of a `respect` item, the report, the step's own radar drawn at once (the \
         other charts and the tables are drawn when next seen), the progress and the \
         draft saved. The second row is the radar alone through the wasm API in \
         `bench/group/`: `scan.analyse([response])`, the report held in wasm as the page \
         holds it, and `drawConcepts` from it. The \
         anchor sets one value and its label and calls `chart.update('none')`. \
         `performance.now()` is coarsened to 0.1 ms in a page that is not cross-origin \
         isolated.\n\n{}\n\
         Median ratios: the Netwerkscan radar alone / anchor **{}** (target: at most {}); \
         the whole page's change / anchor **{}** (target: at most {}).\n",
        table(
            &["what is redrawn", "median", "min", "p90", "max", "changes"],
            &[false, true, true, true, true, true],
            &[
                summary_row("Netwerkscan page: report + charts + tables", &b.redraw_page),
                summary_row("Netwerkscan radar: report + radar", &b.redraw_radar),
                summary_row("Chart.js anchor: update('none')", &b.redraw_anchor),
            ],
        ),
        ratio(b.redraw_radar.median, b.redraw_anchor.median),
        times(REDRAW_RADAR_RATIO),
        ratio(b.redraw_page.median, b.redraw_anchor.median),
        times(REDRAW_PAGE_RATIO)
    );

    // 4. Group scale.
    let rows: Vec<Vec<String>> = b
        .groups
        .iter()
        .map(|(n, import, report, draw)| {
            let both = report.median + draw.median;
            vec![
                thousands(*n),
                ms(import.median),
                ms(report.median),
                ms(report.p90),
                ms(draw.median),
                ms(both),
                us(both * 1000.0 / *n as f64),
                report.n.to_string(),
            ]
        })
        .collect();
    let _ = write!(
        md,
        "\n## 4. Group scale\n\n\
         N seeded random respondents (every Likert item answered, 5% \"weet niet\", 20 \
         organisations), made in JavaScript from the instrument's ids and written as \
         response files, then as the group view does it, in `bench/group/`: the files \
         imported into a set held in wasm (read and checked once; the column \"import\"), \
         the group's report made from that set with its plain object (\"report\"), and \
         the concept radar drawn on a canvas of the page's radar size (\"draw\"). Medians \
         after three warm-up runs. Target: {} respondents aggregated and drawn (report \
         and draw) in less than {}, and linear; the import is shown beside it. Chart.js \
         has no counterpart: it aggregates nothing and draws six numbers whatever N is, so \
         its cost is the redraw above.\n\n{}",
        thousands(GROUP_N),
        ms(GROUP_MS),
        table(
            &[
                "N",
                "import",
                "report",
                "report p90",
                "draw",
                "together",
                "per respondent",
                "runs"
            ],
            &[true, true, true, true, true, true, true, true],
            &rows,
        )
    );
    let mut view = Vec::new();
    if let Some(files) = &b.group_files {
        view.push(summary_row(
            &format!(
                "{} files chosen at once: read, checked, analysed and drawn",
                thousands(FILES_N)
            ),
            files,
        ));
    }
    if let Some(toggle) = &b.group_toggle {
        view.push(summary_row(
            &format!(
                "a respondent's line on or off at {} respondents",
                thousands(TOGGLE_N)
            ),
            toggle,
        ));
    }
    if !view.is_empty() {
        let _ = write!(
            md,
            "\nThe group view itself (`group.html`), as a facilitator uses it: the files \
             (generated as the end-to-end tests generate them, each pretty-printed) chosen at \
             once in its file picker, timed by its own `netwerkscan:group-import` measure, \
             from the files chosen until everything is shown, each in a fresh context; then \
             one respondent's line switched on and off in the legend, each time in a frame of \
             its own, timed by its `netwerkscan:group-toggle` measure (both radars redrawn). \
             Targets: {} files in less than {}, a toggle at {} respondents in less than {} \
             (one frame).\n\n{}",
            thousands(FILES_N),
            ms(FILES_MS),
            thousands(TOGGLE_N),
            ms(TOGGLE_MS),
            table(
                &["what", "median", "min", "p90", "max", "runs"],
                &[false, true, true, true, true, true],
                &view,
            )
        );
    }
}

fn native_section(md: &mut String, n: &Native) {
    let mut rows = Vec::new();
    for (responses, bytes) in &n.files {
        let duck = n.get(Runner::DuckDb, *responses);
        for runner in Runner::ALL {
            let Some(m) = n.get(runner, *responses) else {
                continue;
            };
            let versus = match (runner, duck) {
                (Runner::DuckDb, _) | (_, None) => String::new(),
                (_, Some(d)) => ratio(m.seconds.median, d.seconds.median),
            };
            rows.push(vec![
                thousands(*responses),
                format!("{:.1} MB", *bytes as f64 / 1e6),
                runner.label().to_owned(),
                format!("{:.2} s", m.seconds.median),
                format!("{:.2} s", m.seconds.min),
                format!("{:.2} s", m.seconds.max),
                thousands((*responses as f64 / m.seconds.median).round() as u64),
                mib(m.peak_rss_kib as f64),
                versus,
                m.seconds.n.to_string(),
            ]);
        }
    }
    let process = n
        .runs
        .iter()
        .filter(|m| m.runner == Runner::DuckDb)
        .filter_map(|m| {
            m.process_seconds
                .map(|p| format!("{:.2} s for {}", p.median, thousands(m.responses)))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let _ = write!(
        md,
        "\n## 5. Native: the CLI against DuckDB\n\n\
         `netwerkscan report --json` (built with `--profile release`) and DuckDB {} (the \
         `duckdb` package from PyPI, in a venv under `target/bench/`) over the same JSON \
         Lines files of seeded random responses (every Likert item, 5% \"weet niet\", \
         importance, ladder, interests, {} organisations). DuckDB runs `bench/duckdb_means.py` \
         with a query that xtask generates from `netwerkscan instrument --json`: \
         `SET threads = 1`, then the six concept means by the scan's rules (an answer \
         1..5 or null for \"weet niet\", left out; a reverse item counts as 6 - v; a \
         respondent's concept score is the mean of the answered items when at least half \
         of the concept's items, rounded up, are answered; the concept mean is the mean \
         over the respondents with a score), reading only `answers` from each line. Its six \
         means and counts were checked against the CLI's report (`.concepts.<id>.mean` and \
         `.n`) for every file: the largest difference was {:.1e} (allowed: {:.0e}). The \
         CLI does more: it validates every field of every line and computes the whole \
         report (modules, spread, ladder, coverage, interests, advice). For scale, \
         `cli/examples/json_syntax.rs` (built like the CLI) reads the same file a megabyte \
         at a time and has serde_json, a general JSON reader, check each line's syntax \
         while keeping nothing: no field looked up, nothing scored.\n\n\
         Both run pinned to one CPU with `taskset -c 0`; the CLI also runs on every core \
         ({} here). The CLI's time is the whole process, output to a pipe; DuckDB's is the \
         query alone (connect, the statements, the row fetched), timed in Python, which \
         leaves Python's start and `import duckdb` out, to DuckDB's advantage (the whole \
         process took {process}). One unmeasured run of each first brings the file into \
         the page cache. Peak memory is the highest VmHWM read from `/proc/PID/status` \
         every {} ms, for DuckDB of the whole Python process. Target: one core, Netwerkscan \
         / DuckDB at most {}, and peak memory independent of the file.\n\n{}",
        n.duckdb,
        native::ORGANISATIONS,
        n.largest_difference,
        native::TOLERANCE,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        native::RSS_POLL.as_millis(),
        times(NATIVE_RATIO),
        table(
            &[
                "responses",
                "file",
                "program",
                "median",
                "min",
                "max",
                "responses / s",
                "peak RSS",
                "time / DuckDB's",
                "runs"
            ],
            &[true, true, false, true, true, true, true, true, true, true],
            &rows,
        )
    );
    let _ = write!(
        md,
        "\nThe query DuckDB ran over the largest file:\n\n```sql\n{}```\n",
        n.sql
    );
}

fn lighthouse_section(md: &mut String, l: &Lighthouse) {
    let mut rows = Vec::new();
    for (i, (_, label)) in lighthouse::CATEGORIES.iter().enumerate() {
        let cell = |c: &Condition| c.score(i).map_or_else(|| "-".to_owned(), score);
        rows.push(vec![
            (*label).to_owned(),
            cell(&l.uncompressed),
            cell(&l.gzip),
        ]);
    }
    for (i, (_, label, in_ms)) in lighthouse::METRICS.iter().enumerate() {
        let cell = |c: &Condition| {
            c.metric(i).map_or_else(
                || "-".to_owned(),
                |v| {
                    if *in_ms {
                        ms(v)
                    } else if *label == "CLS" {
                        cls(v)
                    } else {
                        kb_f(v)
                    }
                },
            )
        };
        rows.push(vec![
            (*label).to_owned(),
            cell(&l.uncompressed),
            cell(&l.gzip),
        ]);
    }
    let _ = write!(
        md,
        "\n## 6. Lighthouse\n\n\
         Lighthouse {} (npm, pinned in `package.json`) in its default mobile emulation \
         (a mid-range phone, throttled network and CPU, simulated), with Debian's Chromium \
         (`CHROME_PATH`) started with `{}`, against `/` of the built site, served by the \
         xtask server twice: uncompressed (`--no-gzip`) and with gzip. {} runs per \
         condition, the conditions taking turns; medians. The JSON reports are kept in \
         `bench/results/`. Targets: performance at least {}, CLS at most {}, LCP at most \
         {}, accessibility, best practices and SEO at 1.0.\n\n{}",
        l.version,
        lighthouse::CHROME_FLAGS,
        lighthouse::RUNS,
        score(LH_PERFORMANCE),
        cls(LH_CLS),
        seconds(LH_LCP_MS),
        table(&["", "uncompressed", "gzip"], &[false, true, true], &rows)
    );
}

fn machine_section(md: &mut String, browser: Option<&Browser>, machine: &Machine) {
    let mut rows = vec![
        vec!["CPU".to_owned(), machine.cpu.clone()],
        vec!["logical CPUs".to_owned(), machine.cpus.clone()],
        vec!["memory".to_owned(), machine.memory.clone()],
        vec!["system".to_owned(), machine.os.clone()],
        vec![
            "load average (1, 5, 15 min)".to_owned(),
            machine.load.clone(),
        ],
    ];
    if let Some(b) = browser {
        rows.push(vec!["Chromium".to_owned(), machine.chromium.clone()]);
        rows.push(vec!["Chart.js".to_owned(), machine.chartjs.clone()]);
        rows.push(vec![
            "viewport".to_owned(),
            format!("{} CSS px", b.meta("viewport")),
        ]);
    }
    rows.extend([
        vec!["Node.js".to_owned(), machine.node.clone()],
        vec!["Rust".to_owned(), machine.rustc.clone()],
        vec!["date".to_owned(), machine.date.clone()],
        vec!["commit".to_owned(), machine.commit.clone()],
    ]);
    let _ = write!(
        md,
        "\n## Machine\n\n{}",
        table(&["", ""], &[false, false], &rows)
    );
    md.push_str(
        "\n## Caveats\n\n\
         - The anchor draws a radar and nothing else; the Netwerkscan figures include the \
         whole scan page: the form of every step, the charts with their tables, the \
         scoring and the advice. A form library would come on top of the anchor.\n\
         - The SurveyJS and Chart.js sizes in the introduction are published figures, \
         quoted, not measured here; the Chart.js file the anchor loads is measured.\n\
         - The anchor loads Chart.js's complete UMD build (`chart.umd.min.js`), as a \
         page without a bundler or a CDN link would; a bundler that drops the chart types \
         a radar does not use would make it smaller.\n\
         - Localhost has no network latency or bandwidth limit: on a real connection the \
         bytes weigh more than these load times show. Lighthouse's mobile emulation \
         simulates a slow network and CPU, so its times are estimates, not measurements.\n\
         - DuckDB computes the six means and nothing else, and trusts its input; the CLI \
         validates every line and computes the whole report.\n\
         - Times on a shared or busy machine vary; the medians and the runs side by side \
         in one run are what to compare, not single figures across machines.\n\
         \n## How to reproduce\n\n\
         ```sh\ncargo xtask bench                       # everything; rewrites this file\n\
         cargo xtask bench --only native         # or browser, lighthouse, comma separated\n\
         ```\n\n\
         It installs what is missing (as `cargo xtask test` does, and DuckDB in \
         `target/bench/venv`), builds the release site and the native CLI, runs \
         `bench/run.mjs` in headless Chromium, the CLI and DuckDB, and Lighthouse, and \
         rewrites this file. A partial run prints its sections and leaves this file \
         alone. Raw samples are kept in `bench/results/` (not committed).\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_ours_over_the_anchor() {
        assert_eq!(ratio(35.5, 71.0), "0.50x");
        assert_eq!(ratio(235.5, 129.3), "1.82x");
        assert_eq!(ratio(1.0, 0.0), "-");
        assert_eq!(ratio(f64::NAN, 1.0), "-");
        assert_eq!(times(0.25), "0.25x");
    }

    #[test]
    fn verdicts_say_met_or_by_how_much() {
        assert_eq!(verdict(0.5, Goal::AtMost(0.5), &times), "✅ met");
        assert_eq!(
            verdict(1.82, Goal::AtMost(0.5), &times),
            "❌ missed by 1.32x: 3.64x the limit"
        );
        assert_eq!(
            verdict(237_000.0, Goal::AtMost(100_000.0), &kb_f),
            "❌ missed by 137.0 kB: 2.37x the limit"
        );
        assert_eq!(verdict(199.9, Goal::Below(200.0), &ms), "✅ met");
        assert_eq!(
            verdict(200.0, Goal::Below(200.0), &ms),
            "❌ missed by 0.0 ms: 1.00x the limit"
        );
        assert_eq!(verdict(0.95, Goal::AtLeast(0.95), &score), "✅ met");
        assert_eq!(
            verdict(0.58, Goal::AtLeast(0.95), &score),
            "❌ missed by 0.37"
        );
        assert_eq!(
            verdict(f64::NAN, Goal::AtMost(1.0), &times),
            "❌ not measured"
        );
        assert_eq!(Goal::AtMost(0.5).text(&times), "<= 0.50x");
        assert_eq!(Goal::Below(200.0).text(&ms), "< 200.0 ms");
        assert_eq!(Goal::AtLeast(1.0).text(&score), ">= 1.00");
    }

    #[test]
    fn targets_show_their_figure_and_detail() {
        let t = Target::new(
            "First chart",
            1.82,
            Goal::AtMost(0.5),
            &times,
            "235.5 ms / 129.3 ms",
        );
        assert_eq!(t.goal, "<= 0.50x");
        assert_eq!(t.figure, "1.82x (235.5 ms / 129.3 ms)");
        assert!(!t.met);
        let met = Target::new("CLS", 0.01, Goal::AtMost(0.05), &cls, "");
        assert_eq!((met.figure.as_str(), met.met), ("0.010", true));
        let table = targets_table(&[t, met]);
        assert!(
            table.starts_with("1 of 2 targets met.\n\n| measure"),
            "{table}"
        );
        assert!(table.contains("| ❌ missed by 1.32x: 3.64x the limit |"));
    }

    fn machine() -> Machine {
        let text = |s: &str| s.to_owned();
        Machine {
            cpu: text("AMD EPYC"),
            cpus: text("2"),
            memory: text("23.5 GiB"),
            os: text("Debian"),
            load: text("1 1 1"),
            chromium: text("156"),
            node: text("v20"),
            rustc: text("1.95"),
            chartjs: text("4.6.1"),
            date: text("2026-11-27 12:00 UTC"),
            commit: text("abc"),
        }
    }

    fn summary(median: f64) -> Summary {
        Summary::of(&[median]).expect("one sample")
    }

    #[test]
    fn a_partial_run_shows_what_it_measured_only() {
        let measured = |runner, responses, seconds, peak| native::Measured {
            runner,
            responses,
            seconds: summary(seconds),
            process_seconds: (runner == Runner::DuckDb).then(|| summary(seconds + 0.3)),
            peak_rss_kib: peak,
        };
        let native = Native {
            files: vec![(100_000, 102_000_000), (1_000_000, 1_021_000_000)],
            runs: vec![
                measured(Runner::OursOneCore, 100_000, 1.0, 6000),
                measured(Runner::OursAllCores, 100_000, 0.6, 7900),
                measured(Runner::DuckDb, 100_000, 1.2, 120_000),
                measured(Runner::SyntaxOnly, 100_000, 0.5, 2000),
                measured(Runner::OursOneCore, 1_000_000, 10.0, 6100),
                measured(Runner::OursAllCores, 1_000_000, 6.0, 8000),
                measured(Runner::DuckDb, 1_000_000, 12.5, 300_000),
                measured(Runner::SyntaxOnly, 1_000_000, 12.0, 2000),
            ],
            duckdb: "2.0.1".to_owned(),
            duckdb_threads: "1".to_owned(),
            largest_difference: 8.3e-14,
            concepts: vec!["respect".to_owned()],
            sql: "SET threads = 1;\nSELECT 1;\n".to_owned(),
        };
        let report = |performance: f64| lighthouse::Report {
            version: "12.8.2".to_owned(),
            scores: vec![performance, 1.0, 1.0, 0.9],
            metrics: vec![4400.0, 150.0, 0.81, 1200.0, 2000.0, 250_000.0],
        };
        let lighthouse = Lighthouse {
            version: "12.8.2".to_owned(),
            uncompressed: Condition {
                reports: vec![report(0.57), report(0.59)],
            },
            gzip: Condition {
                reports: vec![report(0.72), report(0.72)],
            },
        };
        let md = markdown(
            &Measured {
                browser: None,
                native: Some(&native),
                lighthouse: Some(&lighthouse),
            },
            &machine(),
        )
        .expect("markdown");
        assert!(md.contains("*A partial run (`--only`)"), "{md}");
        assert!(!md.contains("## 1. Bytes") && !md.contains("## 4. Group"));
        assert!(md.contains("## 5. Native") && md.contains("## 6. Lighthouse"));
        assert!(md.contains("4 of 9 targets met."), "{md}");
        // 10.0 s / 12.5 s = 0.80x against at most 0.20x.
        assert!(
            md.contains(
                "0.80x (10.00 s / 12.50 s; 100,000 responses/s, the target asks about 400,000)"
            ),
            "{md}"
        );
        assert!(md.contains("| ❌ missed by 0.60x: 4.00x the limit "));
        assert!(md.contains("| Lighthouse performance (gzip) "));
        assert!(md.contains("0.72 (uncompressed 0.58)"));
        assert!(md.contains("| ❌ missed by 0.10 "), "SEO 0.9: {md}");
        assert!(
            md.contains(
                "**Lighthouse performance.** The 2 runs with gzip scored 0.72, 0.72, with a \
                 total blocking time (TBT) of 150.0 ms, 150.0 ms and an LCP of 4.40 s, \
                 4.40 s."
            ),
            "{md}"
        );
        assert!(!md.contains("browser anchor"));
        // serde_json's syntax check: 1,021 MB in 12.0 s, 1.2x the CLI's 10.0 s; the target
        // (2.50 s) asks for 4.8x its speed.
        assert!(
            md.contains(
                "serde_json, checking each line's syntax and keeping nothing, reads 85 MB/s \
                 and takes 1.20x the CLI's time over 1,000,000 responses: the CLI's own \
                 reader, which checks every field and feeds the report, is already faster \
                 than a general one that checks only the syntax. The target asks for 4.8x \
                 serde_json's speed at that syntax check alone."
            ),
            "{md}"
        );
        assert!(md.contains("| serde_json, each line's syntax checked, nothing kept"));
        // Peak memory grew 0.1 MiB of 5.9: independent.
        assert!(md.contains("0.1 MiB (5.9 MiB -> 6.0 MiB)"), "{md}");
        assert!(md.contains("Netwerkscan / anchor"));
    }

    #[test]
    fn units_read_as_people_write_them() {
        assert_eq!(seconds(2450.0), "2.45 s");
        assert_eq!(mib(7987.2), "7.8 MiB");
        assert_eq!(mib(-40.0), "0.0 MiB");
        assert_eq!(mib(-1024.0), "-1.0 MiB");
        assert_eq!(kb_f(-1500.0), "-1.5 kB");
        assert_eq!(us(35.24), "35.2 us");
    }
}
