//! `cargo xtask bench`: how Netwerkscan compares with a form library plus a chart
//! library, in numbers measured in one run, written to `BENCHMARKS.md`.
//!
//! The steps: the same setup as `test`, the release site (`build`), the native CLI
//! (`--profile release`), then
//! - the browser half, `bench/run.mjs`: Debian's Chromium loads the scan page and the
//!   Chart.js anchor (`bench/chartjs/`) from one xtask server on one origin, cold, and
//!   times the first radar, the redraw after an answer changes, and groups of 10 to
//!   10,000 respondents through the wasm API (`bench/group/`); it counts the bytes of
//!   every file loaded before the first radar;
//! - the native half, here: `netwerkscan report --json` over one JSON Lines file of a
//!   million seeded random responses, wall time and peak memory.
//!
//! run.mjs only measures and writes raw samples (`bench/results/browser.tsv`); the
//! medians, ratios and the Markdown are made here, so every figure goes through the
//! same few tested functions.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::build::{self, Profile};
use crate::{serve, setup, tools, Result};

/// How many responses the native run reads, and the seed they are made from.
const NATIVE_RESPONSES: u64 = 1_000_000;
const NATIVE_SEED: u64 = 0x6e65_7477_6572_6b73;
/// Runs of the CLI over the file, after one unmeasured run that reads it into the page cache.
const NATIVE_RUNS: usize = 5;
/// Organisations the generated respondents belong to.
const ORGANISATIONS: u64 = 50;
/// Bumped whenever `response_line` changes, so an old file is made again.
const GENERATOR_VERSION: u32 = 1;
/// How often the CLI's peak memory (VmHWM) is read while it runs.
const RSS_POLL: Duration = Duration::from_millis(10);

/// Published sizes, quoted in the report and never measured here.
const SURVEYJS_FORM_KB_GZ: f64 = 415.0;
const CHARTJS_KB_GZ: f64 = 71.0;

pub struct Options {
    /// Build the site first; without it the existing dist/site/ is measured.
    pub build: bool,
}

pub fn run(root: &Path, options: &Options) -> Result {
    let started = Instant::now();
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    step("setup (as for `cargo xtask test`)");
    let browsers = setup::run(root)?;
    step("site (cargo xtask build)");
    let site = if options.build {
        build::run(root, Profile::Release)?
    } else {
        let site = build::site_dir(root);
        if !site.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html; run without --no-build",
                site.display()
            ));
        }
        site
    };
    step("native CLI (--profile release)");
    tools::run(tools::cargo(root).args(["build", "-p", "netwerkscan", "--profile", "release"]))?;
    let cli = build::target_dir(root).join("release").join("netwerkscan");

    let results = root.join("bench").join("results");
    fs::create_dir_all(&results)
        .map_err(|e| format!("cannot create {}: {e}", results.display()))?;

    step("browser: first chart, bytes, redraw, group scale (bench/run.mjs)");
    let served = assemble_site(root, &site)?;
    let browser = browser(root, &served, &browsers.chromium, &results)?;

    step("native: `netwerkscan report --json` over a million responses");
    let native = native(root, &cli)?;

    let machine = Machine::probe(root, &browser, &browsers.chromium, &load);
    let markdown = markdown(&browser, &native, &machine)?;
    let out = root.join("BENCHMARKS.md");
    fs::write(&out, &markdown).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("\n{markdown}");
    eprintln!(
        "bench: wrote {} in {:.0} s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
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
    for page in ["chartjs", "group"] {
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
    Ok(served)
}

/// Serves `served` from a thread of this process and runs bench/run.mjs against it.
fn browser(root: &Path, served: &Path, chromium: &Path, results: &Path) -> Result<Browser> {
    let node = tools::require("node", "install Node.js (apt-get install nodejs)")?;
    tools::run(
        Command::new(&node)
            .current_dir(root)
            .args(["--test", "bench/bytes.test.mjs"]),
    )?;

    let port = spawn_server(served, true)?;

    let out = results.join("browser.tsv");
    tools::run(
        Command::new(&node)
            .current_dir(root)
            .arg("bench/run.mjs")
            .env("BENCH_URL", format!("http://127.0.0.1:{port}/"))
            .env("BENCH_OUT", &out)
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

// ----- the native half -----

/// The CLI's runs over the generated file.
struct Native {
    responses: u64,
    file_bytes: u64,
    seconds: Summary,
    /// The largest VmHWM seen in any run, in KiB.
    peak_rss_kib: u64,
}

fn native(root: &Path, cli: &Path) -> Result<Native> {
    let instrument = root.join("core/instrument/netwerkscan.json");
    let text = fs::read_to_string(&instrument)
        .map_err(|e| format!("cannot read {}: {e}", instrument.display()))?;
    let vocabulary =
        Vocabulary::from_instrument(&text).map_err(|e| format!("{}: {e}", instrument.display()))?;
    let file = build::target_dir(root)
        .join("bench")
        .join("responses-1m.jsonl");
    let file_bytes = ensure_jsonl(&file, &vocabulary)?;

    eprintln!("bench: one unmeasured run reads the file into the page cache");
    measure_cli(cli, &file)?;
    let mut seconds = Vec::new();
    let mut peak_rss_kib = 0;
    for run in 1..=NATIVE_RUNS {
        let (elapsed, peak) = measure_cli(cli, &file)?;
        eprintln!(
            "bench: native run {run}/{NATIVE_RUNS}: {:.2} s, peak RSS {:.1} MiB",
            elapsed.as_secs_f64(),
            peak as f64 / 1024.0
        );
        seconds.push(elapsed.as_secs_f64());
        peak_rss_kib = peak_rss_kib.max(peak);
    }
    Ok(Native {
        responses: NATIVE_RESPONSES,
        file_bytes,
        seconds: Summary::of(&seconds).ok_or("no native runs")?,
        peak_rss_kib,
    })
}

/// Makes the JSON Lines file unless the one there was made by this generator with the
/// same seed, count and items (recorded in a `.meta` file beside it) and is complete.
/// Returns its size.
fn ensure_jsonl(file: &Path, vocabulary: &Vocabulary) -> Result<u64> {
    let meta_path = file.with_extension("jsonl.meta");
    let wanted = format!(
        "generator {GENERATOR_VERSION}\nseed {NATIVE_SEED}\nresponses {NATIVE_RESPONSES}\n\
         organisations {ORGANISATIONS}\nitems {}\n",
        vocabulary.items.join(",")
    );
    if let (Ok(meta), Ok(found)) = (fs::read_to_string(&meta_path), fs::metadata(file)) {
        if meta.strip_prefix(&wanted).map(str::trim) == Some(&format!("bytes {}", found.len())) {
            eprintln!("bench: reusing {} ({} bytes)", file.display(), found.len());
            return Ok(found.len());
        }
    }
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let started = Instant::now();
    let partial = file.with_extension("jsonl.partial");
    let bytes = write_jsonl(&partial, vocabulary, NATIVE_RESPONSES, NATIVE_SEED)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    fs::rename(&partial, file).map_err(|e| format!("cannot rename to {}: {e}", file.display()))?;
    fs::write(&meta_path, format!("{wanted}bytes {bytes}\n"))
        .map_err(|e| format!("cannot write {}: {e}", meta_path.display()))?;
    eprintln!(
        "bench: wrote {NATIVE_RESPONSES} responses to {} ({bytes} bytes) in {:.1} s",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(bytes)
}

fn write_jsonl(
    path: &Path,
    vocabulary: &Vocabulary,
    count: u64,
    seed: u64,
) -> std::io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    let mut random = Random::new(seed);
    let mut line = String::new();
    let mut bytes = 0;
    for index in 1..=count {
        line.clear();
        vocabulary.response_line(index, &mut random, &mut line);
        line.push('\n');
        out.write_all(line.as_bytes())?;
        bytes += line.len() as u64;
    }
    out.flush()?;
    Ok(bytes)
}

/// Runs `cli report --json file` once: wall time from start to exit, and the peak
/// resident memory, read from /proc/PID/status (VmHWM) every [`RSS_POLL`] while it
/// runs (std has no getrusage, and zombies keep no VmHWM).
fn measure_cli(cli: &Path, file: &Path) -> Result<(Duration, u64)> {
    let started = Instant::now();
    let child = Command::new(cli)
        .args(["report", "--json"])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", cli.display()))?;
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let done = Arc::new(AtomicBool::new(false));
    let poller = {
        let done = Arc::clone(&done);
        thread::spawn(move || {
            let mut peak = 0;
            while !done.load(Ordering::Relaxed) {
                if let Some(kib) = fs::read_to_string(&status_file)
                    .ok()
                    .and_then(|status| vm_hwm_kib(&status))
                {
                    peak = kib.max(peak);
                }
                thread::sleep(RSS_POLL);
            }
            peak
        })
    };
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{} did not finish: {e}", cli.display()))?;
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    let peak = poller.join().unwrap_or(0);
    if !output.status.success() {
        return Err(format!(
            "`{} report --json {}` failed ({}): {}",
            cli.display(),
            file.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let report = String::from_utf8_lossy(&output.stdout);
    let counted = format!("\"respondents\": {NATIVE_RESPONSES}");
    if !report.contains(&counted) {
        return Err(format!(
            "the CLI's report does not say {counted}; it begins {:?}",
            report.chars().take(200).collect::<String>()
        ));
    }
    Ok((elapsed, peak))
}

/// The `VmHWM:   1234 kB` line of /proc/PID/status, in KiB.
fn vm_hwm_kib(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()
}

/// The ids a response is made of, read from the instrument file, so that every
/// generated line is valid for the instrument the CLI has built in.
#[derive(Debug)]
struct Vocabulary {
    instrument_id: String,
    instrument_version: String,
    items: Vec<String>,
    concepts: Vec<String>,
    rungs: Vec<String>,
    roles: Vec<String>,
    positions: Vec<String>,
    questions: Vec<String>,
    sources: Vec<String>,
}

impl Vocabulary {
    fn from_instrument(json: &str) -> Result<Self> {
        let fields = json_strings(json);
        let ids = |path: &[&str]| -> Result<Vec<String>> {
            let found: Vec<String> = fields
                .iter()
                .filter(|f| f.key == "id" && f.path == path)
                .map(|f| f.value.clone())
                .collect();
            if found.is_empty() {
                return Err(format!("no ids at {}", path.join(".")));
            }
            if let Some(bad) = found.iter().find(|id| !is_plain(id)) {
                return Err(format!("the id {bad:?} would need escaping in JSON"));
            }
            Ok(found)
        };
        let top = |key: &str| -> Result<String> {
            fields
                .iter()
                .find(|f| f.key == key && f.path.is_empty())
                .map(|f| f.value.clone())
                .filter(|value| is_plain(value))
                .ok_or_else(|| format!("no plain top-level \"{key}\""))
        };
        Ok(Self {
            instrument_id: top("id")?,
            instrument_version: top("version")?,
            items: ids(&["items", "[]"])?,
            concepts: ids(&["concepts", "[]"])?,
            rungs: ids(&["ladder", "rungs", "[]"])?,
            roles: ids(&["roles", "[]"])?,
            positions: ids(&["positions", "[]"])?,
            questions: ids(&["interests", "questions", "[]"])?,
            sources: ids(&["interests", "influence", "sources", "[]"])?,
        })
    }

    /// One response on one line (no newline): every item answered 1 to 5 or `null`
    /// ("weet niet", 5%), importance, ladder, interests and influence, in one of
    /// [`ORGANISATIONS`] organisations with random roles.
    fn response_line(&self, index: u64, random: &mut Random, out: &mut String) {
        let _ = write!(
            out,
            r#"{{"format":"netwerkscan-response","version":1,"instrument":{{"id":"{}","version":"{}"}},"respondent":{{"alias":"r{index}","organisation":"Organisatie {:02}","roles":["#,
            self.instrument_id,
            self.instrument_version,
            1 + random.below(ORGANISATIONS)
        );
        let mut first = true;
        for role in &self.roles {
            if random.below(5) < 2 {
                out.push_str(if first { "\"" } else { ",\"" });
                out.push_str(role);
                out.push('"');
                first = false;
            }
        }
        let _ = write!(
            out,
            r#"],"position":"{}"}},"answers":{{"#,
            random.pick(&self.positions)
        );
        for (i, item) in self.items.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(out, r#"{comma}"{item}":"#);
            if random.below(20) == 0 {
                out.push_str("null");
            } else {
                let _ = write!(out, "{}", 1 + random.below(5));
            }
        }
        out.push_str(r#"},"importance":{"#);
        for (i, concept) in self.concepts.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(out, r#"{comma}"{concept}":{}"#, 1 + random.below(5));
        }
        let _ = write!(
            out,
            r#"}},"ladder":{{"current":"{}","desired":"{}"}},"interests":{{"#,
            random.pick(&self.rungs),
            random.pick(&self.rungs)
        );
        for question in &self.questions {
            let _ = write!(out, r#""{question}":{},"#, 1 + random.below(5));
        }
        out.push_str(r#""influence":{"#);
        for (i, source) in self.sources.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(out, r#"{comma}"{source}":{}"#, 1 + random.below(5));
        }
        out.push_str("}}}");
    }
}

/// Ids and versions are written into JSON unescaped, so they must need no escaping.
fn is_plain(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// SplitMix64: small, fast and the same on every machine.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0 up to `n` (exclusive); the bias of the modulo is far below what matters here.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, list: &'a [String]) -> &'a str {
        &list[self.below(list.len() as u64) as usize]
    }
}

/// A string value in a JSON document, with the keys of the objects around it
/// (`"[]"` for an array element): `items.[].id = "opgave-1"` is
/// `{path: ["items", "[]"], key: "id", value: "opgave-1"}`.
#[derive(Debug, PartialEq)]
struct StringField {
    path: Vec<String>,
    key: String,
    value: String,
}

/// Every string member of every object in `json`. xtask has no JSON parser (it
/// depends on std only); this reads just enough of well-formed JSON to find ids.
fn json_strings(json: &str) -> Vec<StringField> {
    struct Open {
        array: bool,
        label: String,
    }
    let mut open: Vec<Open> = Vec::new();
    let mut key: Option<String> = None;
    let mut expect_key = false;
    let mut fields = Vec::new();
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let text = read_string(&mut chars);
                if expect_key {
                    key = Some(text);
                    expect_key = false;
                } else if open.last().is_some_and(|o| !o.array) {
                    if let Some(key) = key.take() {
                        fields.push(StringField {
                            path: open.iter().skip(1).map(|o| o.label.clone()).collect(),
                            key,
                            value: text,
                        });
                    }
                }
            }
            '{' | '[' => {
                let label = match open.last() {
                    Some(parent) if parent.array => "[]".to_owned(),
                    Some(_) => key.take().unwrap_or_default(),
                    None => String::new(),
                };
                open.push(Open {
                    array: c == '[',
                    label,
                });
                expect_key = c == '{';
            }
            '}' | ']' => {
                open.pop();
                key = None;
                expect_key = false;
            }
            ',' => {
                key = None;
                expect_key = open.last().is_some_and(|o| !o.array);
            }
            _ => {}
        }
    }
    fields
}

/// The rest of a JSON string after its opening quote, unescaped.
fn read_string(chars: &mut std::str::Chars<'_>) -> String {
    let mut text = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => text.push('\n'),
                Some('t') => text.push('\t'),
                Some('r') => text.push('\r'),
                Some('b') => text.push('\u{8}'),
                Some('f') => text.push('\u{c}'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).ok();
                    text.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
                }
                Some(other) => text.push(other),
                None => break,
            },
            other => text.push(other),
        }
    }
    text
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

/// "2.41x": how many times `anchor` is `ours`.
fn ratio(anchor: f64, ours: f64) -> String {
    if ours > 0.0 {
        format!("{:.2}x", anchor / ours)
    } else {
        "-".to_owned()
    }
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
    fn probe(root: &Path, browser: &Browser, chromium: &Path, load: &str) -> Self {
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
            .and_then(|text| {
                json_strings(&text)
                    .into_iter()
                    .find(|f| f.path.is_empty() && f.key == "version")
            })
            .map_or_else(|| "unknown".to_owned(), |f| f.value);
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
                browser.meta("chromium"),
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

/// BENCHMARKS.md.
fn markdown(browser: &Browser, native: &Native, machine: &Machine) -> Result<String> {
    let mut md = String::new();
    let canvas = browser.meta.get("canvas").cloned().unwrap_or_default();
    let (size, dpr) = (
        canvas.first().cloned().unwrap_or_default(),
        canvas.get(2).cloned().unwrap_or_default(),
    );
    let _ = write!(
        md,
        "# Benchmarks\n\n\
         A trainer who does not use Netwerkscan would build the scan from a form library \
         and a chart library: SurveyJS plus Chart.js, about {SURVEYJS_FORM_KB_GZ:.0} kB \
         gzipped for the form alone and {CHARTJS_KB_GZ:.0} kB for Chart.js 4.6 alone (both \
         published figures, quoted here, not measured). Netwerkscan has to load faster, \
         draw faster and weigh less. These figures are measured in one run of \
         `cargo xtask bench`: the whole Netwerkscan page (form, four charts, the wasm \
         model), and as the anchor a page in `bench/chartjs/` that draws only the same \
         six-concept radar with Chart.js {} from npm: same data (the concept means of \
         `examples/anna-gemeente.json`, checked against `scan.report` in the run), same \
         size ({size} x {size} CSS pixels, devicePixelRatio {dpr}), animation off, marked \
         with `performance.mark('netwerkscan:first-chart')` the way the page marks its \
         first radar. Both are served by the xtask static server from one origin on \
         localhost and loaded in headless Chromium, each load in a fresh browser context \
         (cold cache).\n\n\
         Ratios are **Chart.js anchor / Netwerkscan**: above 1 means Netwerkscan is smaller \
         or faster, below 1 that it is larger or slower.\n\n\
         *Generated by `cargo xtask bench` on {} at commit {}; do not edit by hand.*\n\n",
        machine.chartjs, machine.date, machine.commit
    );

    // 1. Bytes.
    let ours = browser.files("ours");
    let anchor = browser.files("anchor");
    let total = |files: &[File]| {
        (
            files.len(),
            files.iter().map(|f| f.raw).sum::<u64>(),
            files.iter().map(|f| f.gz).sum::<u64>(),
        )
    };
    let (ours_n, ours_raw, ours_gz) = total(ours);
    let (anchor_n, anchor_raw, anchor_gz) = total(anchor);
    if ours_n == 0 || anchor_n == 0 {
        return Err("bench/run.mjs counted no files".to_owned());
    }
    let quoted_gz = ((SURVEYJS_FORM_KB_GZ + CHARTJS_KB_GZ) * 1000.0) as u64;
    let _ = write!(
        md,
        "## 1. Bytes until the first chart\n\n\
         Every file the page requested before the first radar was drawn (the union over \
         all runs), as served and as `gzip -9` would send it.\n\n{}",
        table(
            &["page", "files", "raw", "gzip -9", "anchor / ours (gzip)"],
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
                    ratio(anchor_gz as f64, ours_gz as f64),
                ],
                vec![
                    "SurveyJS form + Chart.js (published, not measured)".to_owned(),
                    String::new(),
                    String::new(),
                    kb(quoted_gz),
                    ratio(quoted_gz as f64, ours_gz as f64),
                ],
            ],
        )
    );
    if let Some(largest) = ours.iter().max_by_key(|f| f.gz) {
        let _ = write!(
            md,
            "\nThe largest file, `{}`, is {:.0}% of Netwerkscan's gzipped bytes.\n",
            largest.path,
            largest.gz as f64 * 100.0 / ours_gz as f64
        );
    }
    for (title, files) in [("Netwerkscan", ours), ("Chart.js anchor", anchor)] {
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
    let summary_row = |label: &str, s: &Summary| {
        vec![
            label.to_owned(),
            ms(s.median),
            ms(s.min),
            ms(s.p90),
            ms(s.max),
            s.n.to_string(),
        ]
    };
    let first_ours = browser.summary("first_chart", "ours")?;
    let first_empty = browser.summary("first_chart", "ours-empty")?;
    let first_anchor = browser.summary("first_chart", "anchor")?;
    let _ = write!(
        md,
        "\n## 2. First chart\n\n\
         From navigation start to the `netwerkscan:first-chart` mark \
         (`performance.getEntriesByName(...)[0].startTime`), each load cold in a new \
         context, the three pages taking turns.\n\n{}\n\
         Median ratio, anchor / Netwerkscan with a restored draft: **{}**.\n",
        table(
            &["page", "median", "min", "p90", "max", "runs"],
            &[false, true, true, true, true, true],
            &[
                summary_row("Netwerkscan, a draft restored (Anna's radar)", &first_ours),
                summary_row("Netwerkscan, first visit (empty radar)", &first_empty),
                summary_row("Chart.js anchor (Anna's radar)", &first_anchor),
            ],
        ),
        ratio(first_anchor.median, first_ours.median)
    );

    // 3. Redraw.
    let redraw_page = browser.summary("redraw", "ours-page")?;
    let redraw_radar = browser.summary("redraw", "ours-radar")?;
    let redraw_anchor = browser.summary("redraw", "anchor")?;
    let _ = write!(
        md,
        "\n## 3. Redraw after an answer changes\n\n\
         One answer changes, then the six-concept radar is redrawn; each change waits \
         for the frame after the previous one, and the time ends after reading one pixel \
         of the radar, which makes Chromium carry out the queued drawing. The page has \
         no redraw mark, so the first row times the whole change handler: a click on a \
         radio of `respect-1`, the report, all four charts with their tables, the \
         progress and the draft saved. The second row is the radar alone through the \
         same API: `scan.analyse([response])` with its `toJSON()` and \
         `scan.drawConcepts(canvas, report, 'nl')`. The anchor sets one value and its label and calls \
         `chart.update('none')`. `performance.now()` is coarsened to 0.1 ms in a page \
         that is not cross-origin isolated.\n\n{}\n\
         Median ratio, anchor / Netwerkscan radar alone: **{}**; anchor / the whole \
         page's change: **{}**.\n",
        table(
            &["what is redrawn", "median", "min", "p90", "max", "changes"],
            &[false, true, true, true, true, true],
            &[
                summary_row("Netwerkscan page: report + 4 charts + tables", &redraw_page),
                summary_row("Netwerkscan radar: report + drawConcepts", &redraw_radar),
                summary_row("Chart.js anchor: update('none')", &redraw_anchor),
            ],
        ),
        ratio(redraw_anchor.median, redraw_radar.median),
        ratio(redraw_anchor.median, redraw_page.median)
    );

    // 4. Group scale.
    let mut rows = Vec::new();
    for n in browser.group_sizes() {
        let report = browser.summary("group_report", &n.to_string())?;
        let draw = browser.summary("group_draw", &n.to_string())?;
        let both = report.median + draw.median;
        rows.push(vec![
            thousands(n),
            ms(report.median),
            ms(report.p90),
            ms(draw.median),
            ms(both),
            format!("{:.1} us", both * 1000.0 / n as f64),
            report.n.to_string(),
        ]);
    }
    let _ = write!(
        md,
        "\n## 4. Group scale\n\n\
         N seeded random respondents (every item answered, 5% \"weet niet\", 20 \
         organisations), made in JavaScript from `scan.instrument()`'s ids, then \
         `scan.analyse(responses)` with its `toJSON()` (the objects cross into wasm, are \
         validated and aggregated, and the report comes back as a plain object) and \
         `scan.drawConcepts(canvas, report, 'nl')` on a canvas of the \
         page's radar size, in `bench/group/`. Medians after three warm-up runs. Chart.js \
         has no counterpart: it aggregates nothing and draws six numbers whatever N is, \
         so its cost is the redraw above.\n\n{}",
        table(
            &[
                "N",
                "report()",
                "report() p90",
                "draw",
                "together",
                "per respondent",
                "runs"
            ],
            &[true, true, true, true, true, true, true],
            &rows,
        )
    );

    // 5. Native.
    let per_second = native.responses as f64 / native.seconds.median;
    let _ = write!(
        md,
        "\n## 5. Native throughput\n\n\
         `netwerkscan report --json` (built with `--profile release`) over one \
         JSON Lines file of {} seeded random responses (every item, importance, ladder, \
         interests, {ORGANISATIONS} organisations), output to a pipe, after one unmeasured \
         run that brings the file into the page cache. Peak memory is the highest VmHWM \
         read from `/proc/PID/status` every {} ms during the runs.\n\n{}",
        thousands(native.responses),
        RSS_POLL.as_millis(),
        table(
            &[
                "responses",
                "file",
                "median",
                "min",
                "max",
                "responses / s",
                "peak RSS",
                "runs"
            ],
            &[true, true, true, true, true, true, true, true],
            &[vec![
                thousands(native.responses),
                format!("{:.1} MB", native.file_bytes as f64 / 1e6),
                format!("{:.2} s", native.seconds.median),
                format!("{:.2} s", native.seconds.min),
                format!("{:.2} s", native.seconds.max),
                thousands(per_second.round() as u64),
                format!("{:.1} MiB", native.peak_rss_kib as f64 / 1024.0),
                native.seconds.n.to_string(),
            ]],
        )
    );

    // Machine, caveats, reproduce.
    let _ = write!(
        md,
        "\n## Machine\n\n{}",
        table(
            &["", ""],
            &[false, false],
            &[
                vec!["CPU".to_owned(), machine.cpu.clone()],
                vec!["logical CPUs".to_owned(), machine.cpus.clone()],
                vec!["memory".to_owned(), machine.memory.clone()],
                vec!["system".to_owned(), machine.os.clone()],
                vec![
                    "load average (1, 5, 15 min)".to_owned(),
                    machine.load.clone()
                ],
                vec!["Chromium".to_owned(), machine.chromium.clone()],
                vec!["Node.js".to_owned(), machine.node.clone()],
                vec!["Rust".to_owned(), machine.rustc.clone()],
                vec!["Chart.js".to_owned(), machine.chartjs.clone()],
                vec![
                    "viewport".to_owned(),
                    format!("{} CSS px", browser.meta("viewport"))
                ],
                vec!["date".to_owned(), machine.date.clone()],
                vec!["commit".to_owned(), machine.commit.clone()],
            ],
        )
    );
    md.push_str(
        "\n## Caveats\n\n\
         - The anchor draws a radar and nothing else; the Netwerkscan figures include the \
         whole scan page: the form of every step, the four charts with their tables, the \
         scoring and the advice. A form library would come on top of the anchor.\n\
         - The SurveyJS and Chart.js sizes in the introduction are published figures, \
         quoted, not measured here; the Chart.js file the anchor loads is measured.\n\
         - The anchor loads Chart.js's complete UMD build (`chart.umd.min.js`), as a \
         page without a bundler or a CDN link would; a bundler that drops the chart types \
         a radar does not use would make it smaller.\n\
         - Localhost has no network latency or bandwidth limit: on a real connection the \
         bytes weigh more than these load times show.\n\
         - Times on a shared or busy machine vary; the medians and the runs side by side \
         in one run are what to compare, not single figures across machines.\n\
         \n## How to reproduce\n\n\
         ```sh\ncargo xtask bench\n```\n\n\
         It installs what is missing (as `cargo xtask test` does), builds the release \
         site and the native CLI, runs `bench/run.mjs` in headless Chromium and the CLI, \
         and rewrites this file. Raw samples are kept in `bench/results/` (not \
         committed).\n",
    );
    Ok(md)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ratios_and_units() {
        assert_eq!(ratio(71.0, 35.5), "2.00x");
        assert_eq!(ratio(1.0, 0.0), "-");
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
    fn finds_strings_by_their_path() {
        let json = r#"{"id": "x", "version": "1", "title": {"nl": "a \"b\" ,{["},
            "items": [{"id": "i-1", "text": {"id": "no"}}, {"n": 2, "id": "i-2"}],
            "ladder": {"rungs": [{"id": "r1"}], "id": "not-a-rung"}}"#;
        let fields = json_strings(json);
        let at = |path: &[&str], key: &str| -> Vec<&str> {
            fields
                .iter()
                .filter(|f| f.path == path && f.key == key)
                .map(|f| f.value.as_str())
                .collect()
        };
        assert_eq!(at(&[], "id"), ["x"]);
        assert_eq!(at(&["title"], "nl"), ["a \"b\" ,{["]);
        assert_eq!(at(&["items", "[]"], "id"), ["i-1", "i-2"]);
        assert_eq!(at(&["items", "[]", "text"], "id"), ["no"]);
        assert_eq!(at(&["ladder", "rungs", "[]"], "id"), ["r1"]);
        assert_eq!(at(&["ladder"], "id"), ["not-a-rung"]);
    }

    fn vocabulary() -> Vocabulary {
        Vocabulary::from_instrument(netwerkregie::Instrument::builtin_json())
            .expect("the built-in instrument has every list")
    }

    #[test]
    fn the_vocabulary_is_the_instrument_of_the_core() {
        let instrument = netwerkregie::Instrument::builtin();
        let v = vocabulary();
        let items: Vec<&str> = instrument.items().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(v.items, items);
        assert_eq!(v.instrument_id, instrument.id());
        assert_eq!(v.instrument_version, instrument.version());
        assert_eq!(v.concepts.len(), 6);
        assert_eq!(v.rungs.first().map(String::as_str), Some("loslaten"));
        assert_eq!(v.sources.len(), 4);
    }

    #[test]
    fn generated_lines_are_valid_responses() {
        let instrument = netwerkregie::Instrument::builtin();
        let v = vocabulary();
        let mut random = Random::new(NATIVE_SEED);
        let mut nulls = 0;
        for index in 1..=200 {
            let mut line = String::new();
            v.response_line(index, &mut random, &mut line);
            assert!(!line.contains('\n'));
            let response = netwerkregie::Response::from_json(&line, instrument)
                .unwrap_or_else(|e| panic!("line {index} is not valid: {e}\n{line}"));
            for item in &v.items {
                match response.answer(item) {
                    Some(_) => {}
                    None => nulls += 1,
                }
            }
        }
        // About 5% "weet niet" of 200 x 29 answers.
        assert!((100..500).contains(&nulls), "{nulls} nulls");
    }

    #[test]
    fn the_same_seed_makes_the_same_file() {
        let v = vocabulary();
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("create");
        let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
        let size = write_jsonl(&a, &v, 50, 7).expect("write a");
        assert_eq!(write_jsonl(&b, &v, 50, 7).expect("write b"), size);
        let text = fs::read_to_string(&a).expect("read");
        assert_eq!(text, fs::read_to_string(&b).expect("read"));
        assert_eq!(text.lines().count(), 50);
        assert_eq!(text.len() as u64, size);
        fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn reads_the_peak_memory_line() {
        let status =
            "Name:\tnetwerkscan\nVmPeak:\t  20000 kB\nVmHWM:\t    5120 kB\nVmRSS:\t 4000 kB\n";
        assert_eq!(vm_hwm_kib(status), Some(5120));
        assert_eq!(vm_hwm_kib("Name:\tzombie\nState:\tZ (zombie)\n"), None);
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
