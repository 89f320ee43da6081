//! Lighthouse (npm `lighthouse`, pinned in package.json) against the served site, in
//! its default mobile emulation, with Debian's Chromium (`CHROME_PATH`) and the flags
//! every browser of this project starts with. Two conditions, each served by its own
//! xtask server: uncompressed (`serve --no-gzip`) and gzip (as `xtask serve` and real
//! hosts serve it); [`RUNS`] runs each, the conditions taking turns.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::json::{self, Value};
use super::Summary;
use crate::{tools, Result};

/// Runs per condition; the figure is the median.
pub const RUNS: usize = 5;

/// The flags of every Chromium this project starts (see the README of the machine).
pub const CHROME_FLAGS: &str = "--headless --no-sandbox --disable-gpu --disable-quic \
     --no-first-run --disable-background-networking --disable-component-update --disable-sync";

/// The four categories, as Lighthouse names them, and as the report does.
pub const CATEGORIES: [(&str, &str); 4] = [
    ("performance", "performance"),
    ("accessibility", "accessibility"),
    ("best-practices", "best practices"),
    ("seo", "SEO"),
];

/// The key metrics: audit id, label, and whether it is in milliseconds (else unitless).
pub const METRICS: [(&str, &str, bool); 6] = [
    ("largest-contentful-paint", "LCP", true),
    ("total-blocking-time", "TBT", true),
    ("cumulative-layout-shift", "CLS", false),
    ("first-contentful-paint", "FCP", true),
    ("speed-index", "Speed Index", true),
    ("total-byte-weight", "bytes transferred", false),
];

/// One Lighthouse report, reduced to what BENCHMARKS.md shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub version: String,
    /// Scores 0..1 in the order of [`CATEGORIES`].
    pub scores: Vec<f64>,
    /// Values in the order of [`METRICS`].
    pub metrics: Vec<f64>,
}

impl Report {
    pub fn parse(text: &str) -> Result<Self> {
        let root = json::parse(text).map_err(|e| e.to_string())?;
        if let Some(error) = root
            .at(&["runtimeError", "message"])
            .and_then(Value::as_str)
        {
            return Err(format!("Lighthouse could not measure the page: {error}"));
        }
        let scores = CATEGORIES
            .iter()
            .map(|(id, _)| {
                root.at(&["categories", id, "score"])
                    .and_then(Value::as_f64)
                    .ok_or_else(|| format!("no score for the category {id}"))
            })
            .collect::<Result<Vec<f64>>>()?;
        let metrics = METRICS
            .iter()
            .map(|(id, _, _)| {
                root.at(&["audits", id, "numericValue"])
                    .and_then(Value::as_f64)
                    .ok_or_else(|| format!("no value for the audit {id}"))
            })
            .collect::<Result<Vec<f64>>>()?;
        Ok(Self {
            version: root
                .get("lighthouseVersion")
                .and_then(Value::as_str)
                .unwrap_or("unknown")
                .to_owned(),
            scores,
            metrics,
        })
    }
}

/// The runs of one condition.
#[derive(Debug, Clone, Default)]
pub struct Condition {
    pub reports: Vec<Report>,
}

impl Condition {
    /// The median of category `i` of [`CATEGORIES`] over the runs.
    pub fn score(&self, i: usize) -> Option<f64> {
        let values: Vec<f64> = self.reports.iter().map(|r| r.scores[i]).collect();
        Summary::of(&values).map(|s| s.median)
    }

    /// The median of metric `i` of [`METRICS`] over the runs.
    pub fn metric(&self, i: usize) -> Option<f64> {
        let values: Vec<f64> = self.reports.iter().map(|r| r.metrics[i]).collect();
        Summary::of(&values).map(|s| s.median)
    }

    /// A category's median by its Lighthouse id.
    pub fn score_of(&self, id: &str) -> Option<f64> {
        CATEGORIES
            .iter()
            .position(|(c, _)| *c == id)
            .and_then(|i| self.score(i))
    }

    /// A metric's median by its audit id.
    pub fn metric_of(&self, id: &str) -> Option<f64> {
        METRICS
            .iter()
            .position(|(m, _, _)| *m == id)
            .and_then(|i| self.metric(i))
    }
}

/// Both conditions.
#[derive(Debug, Clone, Default)]
pub struct Lighthouse {
    pub version: String,
    pub uncompressed: Condition,
    pub gzip: Condition,
}

/// Runs Lighthouse [`RUNS`] times per condition against `/` of `site`, served from this
/// process, and keeps every JSON report in `results/`.
pub fn run(root: &Path, site: &Path, chromium: &Path, results: &Path) -> Result<Lighthouse> {
    let lighthouse = root.join("node_modules/.bin/lighthouse");
    if !lighthouse.exists() {
        return Err(format!(
            "{} is missing; run `cargo xtask setup`",
            lighthouse.display()
        ));
    }
    let plain_port = super::spawn_server(site, false)?;
    let gzip_port = super::spawn_server(site, true)?;
    let mut out = Lighthouse::default();
    for run in 1..=RUNS {
        for (gzip, port) in [(false, plain_port), (true, gzip_port)] {
            let condition = if gzip { "gzip" } else { "uncompressed" };
            let path = results.join(format!("lighthouse-{condition}-{run}.json"));
            tools::run(
                Command::new(&lighthouse)
                    .current_dir(root)
                    .arg(format!("http://127.0.0.1:{port}/"))
                    .args(["--output=json", "--quiet"])
                    .arg(format!("--output-path={}", path.display()))
                    .arg(format!("--chrome-flags={CHROME_FLAGS}"))
                    .env("CHROME_PATH", chromium),
            )?;
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let report = Report::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!(
                "bench: Lighthouse {condition}, run {run}/{RUNS}: {}; LCP {:.0} ms, CLS {:.3}",
                CATEGORIES
                    .iter()
                    .zip(&report.scores)
                    .map(|((_, label), score)| format!("{label} {score:.2}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                report.metrics[0],
                report.metrics[2]
            );
            out.version.clone_from(&report.version);
            if gzip {
                out.gzip.reports.push(report);
            } else {
                out.uncompressed.reports.push(report);
            }
        }
    }
    let bytes = |c: &Condition| c.metric_of("total-byte-weight").unwrap_or(0.0);
    if bytes(&out.gzip) >= bytes(&out.uncompressed) {
        return Err(format!(
            "the gzip condition transferred {} bytes, the uncompressed one {}: the server \
             did not compress (are there .gz files in the site?)",
            bytes(&out.gzip),
            bytes(&out.uncompressed)
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(performance: f64, lcp: f64) -> String {
        format!(
            r#"{{"lighthouseVersion": "12.8.2", "categories": {{
                "performance": {{"score": {performance}}}, "accessibility": {{"score": 1}},
                "best-practices": {{"score": 1}}, "seo": {{"score": 0.9}}}},
              "audits": {{
                "largest-contentful-paint": {{"numericValue": {lcp}}},
                "total-blocking-time": {{"numericValue": 150}},
                "cumulative-layout-shift": {{"numericValue": 0.81}},
                "first-contentful-paint": {{"numericValue": 1200.5}},
                "speed-index": {{"numericValue": 2000}},
                "total-byte-weight": {{"numericValue": 250000}}}}}}"#
        )
    }

    #[test]
    fn reads_scores_and_metrics() {
        let r = Report::parse(&report(0.58, 4400.0)).expect("parses");
        assert_eq!(r.version, "12.8.2");
        assert_eq!(r.scores, [0.58, 1.0, 1.0, 0.9]);
        assert_eq!(r.metrics, [4400.0, 150.0, 0.81, 1200.5, 2000.0, 250_000.0]);
        let condition = Condition {
            reports: vec![r, Report::parse(&report(0.62, 4000.0)).expect("parses")],
        };
        assert_eq!(condition.score_of("performance"), Some(0.6));
        assert_eq!(
            condition.metric_of("largest-contentful-paint"),
            Some(4200.0)
        );
        assert_eq!(condition.score_of("pwa"), None);
    }

    #[test]
    fn a_failed_run_is_an_error() {
        let failed = r#"{"runtimeError": {"code": "NO_FCP", "message": "The page did not paint"},
                         "categories": {"performance": {"score": null}}}"#;
        assert!(Report::parse(failed).is_err_and(|e| e.contains("did not paint")));
        assert!(Report::parse(r#"{"categories": {}}"#).is_err());
    }
}
