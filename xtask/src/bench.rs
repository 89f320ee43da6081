//! `cargo xtask bench`: how Netwerkscan compares with a chart library in the browser,
//! with DuckDB natively, and what Lighthouse makes of the page, in numbers measured in
//! one run, written to `BENCHMARKS.md` beside the targets of the performance issue.
//!
//! The steps: the same setup as `test`, the release site (`build`, precompressed), the
//! native CLI (`--profile release`), then three parts, each of which `--only` can pick:
//! - `browser`, `bench/run.mjs`: Debian's Chromium loads the scan page and the Chart.js
//!   anchor (`bench/chartjs/`) from one xtask server on one origin, cold, and times the
//!   first radar, the redraw after an answer changes, and groups of 10 to 10,000
//!   respondents through the wasm API (`bench/group/`); it counts the bytes of every
//!   file loaded before the first radar;
//! - `native` ([`native`]): `netwerkscan report --json` on one core and on every core,
//!   and DuckDB on one thread, over JSON Lines files of 100,000 and 1,000,000 seeded
//!   random responses: wall time, peak memory, and DuckDB's means checked against ours;
//! - `lighthouse` ([`lighthouse`]): Lighthouse against `/` served uncompressed and with
//!   gzip.
//!
//! The scripts only measure and write raw results (`bench/results/`); the medians,
//! ratios, verdicts and the Markdown are made here ([`report`]), so every figure goes
//! through the same few tested functions. A partial run prints its Markdown and leaves
//! BENCHMARKS.md alone.

mod json;
mod lighthouse;
mod native;
mod report;

use std::collections::BTreeMap;
use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::build::{self, Profile};
use crate::{serve, setup, tools, Result};

/// The parts of a run, as `--only` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub browser: bool,
    pub native: bool,
    pub lighthouse: bool,
}

impl Parts {
    pub const ALL: Self = Self {
        browser: true,
        native: true,
        lighthouse: true,
    };

    /// `browser,native`: the parts named, comma separated.
    pub fn parse(list: &str) -> Result<Self> {
        let mut parts = Self {
            browser: false,
            native: false,
            lighthouse: false,
        };
        for name in list.split(',').map(str::trim) {
            match name {
                "browser" => parts.browser = true,
                "native" => parts.native = true,
                "lighthouse" => parts.lighthouse = true,
                other => {
                    return Err(format!(
                        "--only: `{other}` is not a part; use browser, native or lighthouse, \
                         comma separated"
                    ))
                }
            }
        }
        Ok(parts)
    }

    fn all(self) -> bool {
        self == Self::ALL
    }

    /// Whether the site has to be built (or found).
    fn site(self) -> bool {
        self.browser || self.lighthouse
    }
}

pub struct Options {
    /// Build the site first; without it the existing dist/site/ is measured.
    pub build: bool,
    /// What to measure; BENCHMARKS.md is written only when it is everything.
    pub parts: Parts,
}

pub fn run(root: &Path, options: &Options) -> Result {
    let started = Instant::now();
    let parts = options.parts;
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    step("setup (as for `cargo xtask test`)");
    let browsers = setup::run(root)?;
    let python = if parts.native {
        Some(setup::duckdb(root, native::DUCKDB_VERSION)?)
    } else {
        None
    };
    let site = if !parts.site() {
        None
    } else if options.build {
        step("site (cargo xtask build)");
        Some(build::run(root, Profile::Release)?)
    } else {
        let site = build::site_dir(root);
        if !site.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html; run without --no-build",
                site.display()
            ));
        }
        Some(site)
    };
    step("native CLI (--profile release)");
    tools::run(tools::cargo(root).args(["build", "-p", "netwerkscan", "--profile", "release"]))?;
    let cli = build::target_dir(root).join("release").join("netwerkscan");

    let results = root.join("bench").join("results");
    fs::create_dir_all(&results)
        .map_err(|e| format!("cannot create {}: {e}", results.display()))?;

    let browser = match &site {
        Some(site) if parts.browser => {
            step("browser: first chart, bytes, redraw, group scale (bench/run.mjs)");
            let served = assemble_site(root, site)?;
            Some(browser(root, &served, &cli, &browsers.chromium, &results)?)
        }
        _ => None,
    };
    let native = match &python {
        Some(python) => {
            step("native: the CLI, DuckDB and serde_json's syntax check over 100,000 and 1,000,000 responses");
            tools::run(tools::cargo(root).args([
                "build",
                "-p",
                "netwerkscan",
                "--profile",
                "release",
                "--example",
                "json_syntax",
            ]))?;
            let syntax = build::target_dir(root)
                .join("release")
                .join("examples")
                .join("json_syntax");
            Some(native::run(root, &cli, &syntax, python)?)
        }
        None => None,
    };
    let lighthouse = match &site {
        Some(site) if parts.lighthouse => {
            step("lighthouse: the served site, uncompressed and with gzip");
            Some(lighthouse::run(root, site, &browsers.chromium, &results)?)
        }
        _ => None,
    };

    let machine = Machine::probe(root, browser.as_ref(), &browsers.chromium, &load);
    let markdown = report::markdown(
        &report::Measured {
            browser: browser.as_ref(),
            native: native.as_ref(),
            lighthouse: lighthouse.as_ref(),
        },
        &machine,
    )?;
    println!("\n{markdown}");
    if parts.all() {
        let out = root.join("BENCHMARKS.md");
        fs::write(&out, &markdown).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        eprintln!(
            "bench: wrote {} in {:.0} s",
            out.display(),
            started.elapsed().as_secs_f64()
        );
    } else {
        eprintln!(
            "bench: a partial run ({:.0} s); BENCHMARKS.md is written only by a full run",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn step(name: &str) {
    eprintln!("\n==> bench: {name}");
}

// ----- the browser half -----

/// `target/bench-site/`: the built site with the benchmark pages under `bench/` and
/// Chart.js copied from node_modules next to its page, so that one server on one origin
/// serves both sides.
fn assemble_site(root: &Path, site: &Path) -> Result<PathBuf> {
    let served = build::target_dir(root).join("bench-site");
    if served.exists() {
        fs::remove_dir_all(&served)
            .map_err(|e| format!("cannot remove the old {}: {e}", served.display()))?;
    }
    let copy = |from: &Path, to: &Path| {
        build::copy_tree(from, to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
    };
    copy(site, &served)?;
    for page in ["chartjs", "floor", "group"] {
        copy(
            &root.join("bench").join(page),
            &served.join("bench").join(page),
        )?;
    }
    let chartjs = root.join("node_modules/chart.js/dist/chart.umd.min.js");
    fs::copy(&chartjs, served.join("bench/chartjs/chart.umd.min.js")).map_err(|e| {
        format!(
            "cannot copy {}: {e}; run `cargo xtask setup`",
            chartjs.display()
        )
    })?;
    // The group page drives the full module directly: its glue and wasm as built.
    copy(&root.join("www").join("pkg"), &served.join("pkg"))?;
    // Both sides are served with gzip, as `xtask serve` and real hosts serve them.
    build::precompress(&served)?;
    Ok(served)
}

/// Serves `served` from a thread of this process and runs bench/run.mjs against it,
/// with the instrument and the report of Anna's example as the CLI makes them.
fn browser(
    root: &Path,
    served: &Path,
    cli: &Path,
    chromium: &Path,
    results: &Path,
) -> Result<Browser> {
    let node = tools::require("node", "install Node.js (apt-get install nodejs)")?;
    tools::run(
        Command::new(&node)
            .current_dir(root)
            .args(["--test", "bench/bytes.test.mjs"]),
    )?;

    let port = spawn_server(served, true)?;

    // What the page and the anchor draw, from the CLI: the driver takes the item that
    // changes from the instrument, and the anchor draws Anna's report.
    let instrument = results.join("instrument.json");
    let anna = results.join("anna-report.json");
    for (path, args) in [
        (&instrument, vec!["instrument", "--json"]),
        (
            &anna,
            vec!["report", "--json", "examples/anna-gemeente.json"],
        ),
    ] {
        let text = tools::probe(Command::new(cli).current_dir(root).args(&args))
            .ok_or_else(|| format!("`netwerkscan {}` failed", args.join(" ")))?;
        fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let out = results.join("browser.tsv");
    tools::run(
        Command::new(&node)
            .current_dir(root)
            .arg("bench/run.mjs")
            .env("BENCH_URL", format!("http://127.0.0.1:{port}/"))
            .env("BENCH_OUT", &out)
            .env("BENCH_INSTRUMENT", &instrument)
            .env("BENCH_ANNA_REPORT", &anna)
            .env("CHROMIUM", chromium)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    let text =
        fs::read_to_string(&out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    Browser::parse(&text).map_err(|e| format!("{}: {e}", out.display()))
}

/// Serves `dir` from a thread of this process on a free port of 127.0.0.1, with or
/// without gzip, and returns the port. The server thread ends with the process.
fn spawn_server(dir: &Path, gzip: bool) -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?
        .port();
    let dir = dir.to_path_buf();
    let config = serve::Config {
        verbose: false,
        gzip,
    };
    thread::spawn(move || {
        if let Err(e) = serve::serve(&listener, &dir, config) {
            eprintln!("bench: server: {e}");
        }
    });
    Ok(port)
}

/// One file loaded before the first chart.
#[derive(Debug, Clone, PartialEq)]
struct File {
    path: String,
    raw: u64,
    gz: u64,
}

/// What bench/run.mjs measured: samples by (measure, variant), files by variant.
#[derive(Debug, Default)]
struct Browser {
    meta: BTreeMap<String, Vec<String>>,
    files: BTreeMap<String, Vec<File>>,
    samples: BTreeMap<(String, String), Vec<f64>>,
}

impl Browser {
    fn parse(text: &str) -> Result<Self> {
        let mut browser = Self::default();
        for (number, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("line {}: cannot read `{line}`", number + 1);
            match fields.as_slice() {
                [] | [""] | ["check", ..] => {}
                ["meta", key, values @ ..] => {
                    browser.meta.insert(
                        (*key).to_owned(),
                        values.iter().map(|v| (*v).to_owned()).collect(),
                    );
                }
                ["file", variant, path, raw, gz, ..] => {
                    browser
                        .files
                        .entry((*variant).to_owned())
                        .or_default()
                        .push(File {
                            path: (*path).to_owned(),
                            raw: raw.parse().map_err(|_| bad())?,
                            gz: gz.parse().map_err(|_| bad())?,
                        });
                }
                [measure, variant, value] => {
                    browser
                        .samples
                        .entry(((*measure).to_owned(), (*variant).to_owned()))
                        .or_default()
                        .push(value.parse().map_err(|_| bad())?);
                }
                _ => return Err(bad()),
            }
        }
        Ok(browser)
    }

    fn samples(&self, measure: &str, variant: &str) -> &[f64] {
        self.samples
            .get(&(measure.to_owned(), variant.to_owned()))
            .map_or(&[], Vec::as_slice)
    }

    fn summary(&self, measure: &str, variant: &str) -> Result<Summary> {
        Summary::of(self.samples(measure, variant))
            .ok_or_else(|| format!("bench/run.mjs measured no {measure} for {variant}"))
    }

    fn files(&self, variant: &str) -> &[File] {
        self.files.get(variant).map_or(&[], Vec::as_slice)
    }

    /// The group sizes measured, smallest first.
    fn group_sizes(&self) -> Vec<u64> {
        let mut sizes: Vec<u64> = self
            .samples
            .keys()
            .filter(|(measure, _)| measure == "group_report")
            .filter_map(|(_, n)| n.parse().ok())
            .collect();
        sizes.sort_unstable();
        sizes
    }

    fn meta(&self, key: &str) -> String {
        self.meta
            .get(key)
            .map(|values| values.join(" "))
            .unwrap_or_default()
    }
}

// ----- figures -----

/// Median, extremes and 90th percentile of a set of samples.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Summary {
    n: usize,
    median: f64,
    min: f64,
    p90: f64,
    max: f64,
}

impl Summary {
    fn of(samples: &[f64]) -> Option<Self> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        Some(Self {
            n: sorted.len(),
            median: median(&sorted),
            min: sorted[0],
            p90: percentile(&sorted, 90),
            max: sorted[sorted.len() - 1],
        })
    }
}

/// The middle of sorted samples; the mean of the two middle ones for an even count.
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        f64::midpoint(sorted[n / 2 - 1], sorted[n / 2])
    }
}

/// The nearest-rank percentile of sorted samples: the smallest sample that at least
/// `p` percent of the samples do not exceed.
fn percentile(sorted: &[f64], p: usize) -> f64 {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

fn ms(value: f64) -> String {
    format!("{value:.1} ms")
}

/// "1,000,000".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// Kilobytes of 1000 bytes, as the published sizes we quote are given.
fn kb(bytes: u64) -> String {
    format!("{:.1} kB", bytes as f64 / 1000.0)
}

/// A Markdown table with its columns padded to line up in a terminal as well;
/// `right[i]` aligns column i to the right (numbers).
fn table(headers: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..headers.len())
        .map(|i| {
            rows.iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.chars().count())
                .chain([headers[i].chars().count(), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let mut text = String::from("|");
        for cell in cells {
            text.push(' ');
            text.push_str(&cell);
            text.push_str(" |");
        }
        text.push('\n');
        text
    };
    let pad = |i: usize, cell: &str| {
        let fill = " ".repeat(widths[i] - cell.chars().count());
        if right.get(i).copied().unwrap_or(false) {
            format!("{fill}{cell}")
        } else {
            format!("{cell}{fill}")
        }
    };
    let mut text = line(&mut headers.iter().enumerate().map(|(i, h)| pad(i, h)));
    text.push_str(&line(&mut widths.iter().enumerate().map(|(i, w)| {
        if right.get(i).copied().unwrap_or(false) {
            format!("{}:", "-".repeat(w - 1))
        } else {
            "-".repeat(*w)
        }
    })));
    for row in rows {
        text.push_str(&line(
            &mut (0..headers.len()).map(|i| pad(i, row.get(i).map_or("", String::as_str))),
        ));
    }
    text
}

/// Where and when the figures were measured.
struct Machine {
    cpu: String,
    cpus: String,
    memory: String,
    os: String,
    load: String,
    chromium: String,
    node: String,
    rustc: String,
    chartjs: String,
    date: String,
    commit: String,
}

impl Machine {
    fn probe(root: &Path, browser: Option<&Browser>, chromium: &Path, load: &str) -> Self {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == "model name").then(|| value.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown".to_owned());
        let cpus = thread::available_parallelism().map_or(0, std::num::NonZero::get);
        let memory = fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|info| {
                let kib: f64 = info
                    .lines()
                    .find_map(|line| line.strip_prefix("MemTotal:"))?
                    .trim()
                    .strip_suffix("kB")?
                    .trim()
                    .parse()
                    .ok()?;
                Some(format!("{:.1} GiB", kib / 1024.0 / 1024.0))
            })
            .unwrap_or_else(|| "unknown".to_owned());
        let os = fs::read_to_string("/etc/os-release")
            .ok()
            .and_then(|release| {
                release.lines().find_map(|line| {
                    Some(
                        line.strip_prefix("PRETTY_NAME=")?
                            .trim_matches('"')
                            .to_owned(),
                    )
                })
            })
            .unwrap_or_else(|| std::env::consts::OS.to_owned());
        let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
        let probe = |program: &str, args: &[&str]| {
            tools::probe(Command::new(program).current_dir(root).args(args))
                .unwrap_or_else(|| "unknown".to_owned())
        };
        let commit = probe("git", &["rev-parse", "--short=12", "HEAD"]);
        // The file this bench rewrites does not make the tree count as changed.
        let dirty = tools::probe(Command::new("git").current_dir(root).args([
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            ".",
            ":(exclude)BENCHMARKS.md",
        ]))
        .is_some_and(|status| !status.is_empty());
        let chartjs = fs::read_to_string(root.join("node_modules/chart.js/package.json"))
            .ok()
            .and_then(|text| json::parse(&text).ok())
            .and_then(|package| {
                package
                    .get("version")
                    .and_then(json::Value::as_str)
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| "unknown".to_owned());
        Self {
            cpu,
            cpus: cpus.to_string(),
            memory,
            os: format!("{os}, Linux {}", kernel.trim()),
            load: {
                let averages = |text: &str| {
                    text.split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let end = fs::read_to_string("/proc/loadavg").unwrap_or_default();
                format!(
                    "{} at the start, {} at the end",
                    averages(load),
                    averages(&end)
                )
            },
            chromium: format!(
                "{} ({}, headless, --disable-gpu)",
                browser.map(|b| b.meta("chromium")).unwrap_or_default(),
                chromium.display()
            ),
            node: probe("node", &["--version"]),
            rustc: probe("rustc", &["--version"]),
            chartjs,
            date: utc_now(),
            commit: if dirty {
                format!("{commit} with uncommitted changes")
            } else {
                commit
            },
        }
    }
}

/// "2025-11-25 13:06 UTC", from the system clock.
fn utc_now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_date(seconds / 86_400);
    let minutes = seconds % 86_400 / 60;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minutes / 60,
        minutes % 60
    )
}

/// The Gregorian date of a day number counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for days on or after the epoch).
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_named_with_only() {
        assert_eq!(Parts::parse("browser,native,lighthouse"), Ok(Parts::ALL));
        let native = Parts::parse("native").expect("one part");
        assert!(native.native && !native.browser && !native.lighthouse);
        assert!(!native.all() && !native.site());
        let two = Parts::parse("lighthouse, browser").expect("two parts");
        assert!(two.site() && !two.native);
        assert!(Parts::parse("native,gpu").is_err_and(|e| e.contains("`gpu`")));
        assert!(Parts::parse("").is_err());
    }

    #[test]
    fn medians_and_percentiles() {
        let s = Summary::of(&[5.0, 1.0, 3.0]).expect("samples");
        assert_eq!((s.n, s.median, s.min, s.max), (3, 3.0, 1.0, 5.0));
        assert_eq!(
            Summary::of(&[4.0, 1.0, 2.0, 3.0]).expect("samples").median,
            2.5
        );
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&ten, 90), 9.0);
        assert_eq!(percentile(&ten, 100), 10.0);
        assert_eq!(percentile(&[7.0], 90), 7.0);
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(
            Summary::of(&[f64::NAN, 2.0]).expect("one sample").median,
            2.0
        );
    }

    #[test]
    fn units() {
        assert_eq!(kb(71_106), "71.1 kB");
        assert_eq!(ms(1.26), "1.3 ms");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(70_959), "70,959");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn reads_the_browser_samples() {
        let text = "meta\tcanvas\t382\t382\t1\n\
                    file\tours\t/\t3651\t1184\ttext/html\n\
                    first_chart\tours\t250.5\nfirst_chart\tours\t240.5\n\
                    group_report\t1000\t49.4\ngroup_report\t10\t1.5\n\
                    check\tanchor-data\tok\n";
        let b = Browser::parse(text).expect("parses");
        assert_eq!(b.meta("canvas"), "382 382 1");
        assert_eq!(
            b.files("ours"),
            [File {
                path: "/".to_owned(),
                raw: 3651,
                gz: 1184
            }]
        );
        assert_eq!(
            b.summary("first_chart", "ours").expect("samples").median,
            245.5
        );
        assert_eq!(b.group_sizes(), [10, 1000]);
        assert!(b.summary("redraw", "ours").is_err());
        assert!(Browser::parse("first_chart\tours\tfast\n").is_err());
    }

    #[test]
    fn dates_from_day_numbers() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_417), (2025, 11, 25));
    }

    #[test]
    fn tables_line_up() {
        let t = table(
            &["page", "kB"],
            &[false, true],
            &[vec!["ours".to_owned(), "12.5".to_owned()]],
        );
        assert_eq!(t, "| page |   kB |\n| ---- | ---: |\n| ours | 12.5 |\n");
    }
}
