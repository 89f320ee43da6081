//! The native half of `cargo xtask bench`: `netwerkscan report --json` against DuckDB
//! over the same JSON Lines files of seeded random responses.
//!
//! The files are made here from the instrument the CLI reports (`netwerkscan
//! instrument --json`), so every line is a valid response for the instrument the CLI
//! has built in. DuckDB (the `duckdb` package from PyPI, in a venv under `target/`)
//! computes the six concept means with the scan's rules in SQL generated from the same
//! instrument, on one thread; its means must equal the CLI's to 1e-9, or the bench
//! fails. Ours runs pinned to one CPU (`taskset -c 0`), as DuckDB does, and on every
//! core. Each run's peak memory is the highest VmHWM read from /proc/PID/status.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use super::json::{self, Value};
use super::Summary;
use crate::{build, tools, Result};

/// The file sizes measured: peak memory at both shows whether it grows with the file.
pub const SIZES: [u64; 2] = [100_000, 1_000_000];
/// The seed the responses are made from.
pub const SEED: u64 = 0x6e65_7477_6572_6b73;
/// Measured runs of each program over the smaller file and over the million, after one
/// unmeasured run of each (a million takes half a minute or more per run).
pub const RUNS: [usize; 2] = [5, 3];
/// Organisations the generated respondents belong to.
pub const ORGANISATIONS: u64 = 50;
/// Bumped whenever `response_line` changes, so an old file is made again.
const GENERATOR_VERSION: u32 = 2;
/// How often a running program's peak memory (VmHWM) is read.
pub const RSS_POLL: Duration = Duration::from_millis(10);
/// The means of DuckDB and ours may differ by this much, no more.
pub const TOLERANCE: f64 = 1e-9;
/// The CPU that the one-core runs are pinned to.
const CPU: &str = "0";

/// The DuckDB release the bench installs into its venv.
pub const DUCKDB_VERSION: &str = "2.0.1";

/// Who ran, how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    /// `taskset -c 0 netwerkscan report --json FILE`.
    OursOneCore,
    /// `netwerkscan report --json FILE` on every CPU.
    OursAllCores,
    /// `taskset -c 0 python bench/duckdb_means.py QUERY.sql` with `SET threads = 1`.
    DuckDb,
    /// `taskset -c 0 json_syntax FILE` (`cli/examples/json_syntax.rs`): serde_json, a
    /// general JSON reader, checks each line's syntax and keeps nothing.
    SyntaxOnly,
}

impl Runner {
    pub const ALL: [Self; 4] = [
        Self::OursOneCore,
        Self::OursAllCores,
        Self::DuckDb,
        Self::SyntaxOnly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::OursOneCore => "Netwerkscan CLI, one core (`taskset -c 0`)",
            Self::OursAllCores => "Netwerkscan CLI, every core",
            Self::DuckDb => "DuckDB, one thread (`taskset -c 0`, `SET threads = 1`)",
            Self::SyntaxOnly => {
                "serde_json, each line's syntax checked, nothing kept (`taskset -c 0`)"
            }
        }
    }
}

/// One runner over one file.
#[derive(Debug, Clone)]
pub struct Measured {
    pub runner: Runner,
    pub responses: u64,
    /// Wall time in seconds: the whole process for ours, the query for DuckDB.
    pub seconds: Summary,
    /// DuckDB only: the whole process, Python's start and `import duckdb` included.
    pub process_seconds: Option<Summary>,
    /// The largest VmHWM of any run, in KiB.
    pub peak_rss_kib: u64,
}

/// Everything the native half measured.
#[derive(Debug, Clone)]
pub struct Native {
    /// Bytes of the file of each size, as in [`SIZES`].
    pub files: Vec<(u64, u64)>,
    pub runs: Vec<Measured>,
    /// The DuckDB version and its `threads` setting as the query saw it.
    pub duckdb: String,
    pub duckdb_threads: String,
    /// The largest difference between DuckDB's means and ours over every file.
    pub largest_difference: f64,
    /// The concepts whose means were compared.
    pub concepts: Vec<String>,
    /// The SQL DuckDB ran over the largest file.
    pub sql: String,
}

impl Native {
    pub fn get(&self, runner: Runner, responses: u64) -> Option<&Measured> {
        self.runs
            .iter()
            .find(|m| m.runner == runner && m.responses == responses)
    }
}

/// Runs the native half: makes the files, then every runner over every file. `syntax` is
/// the built `json_syntax` example.
pub fn run(root: &Path, cli: &Path, syntax: &Path, python: &Path) -> Result<Native> {
    let taskset = tools::require("taskset", "install util-linux (apt-get install util-linux)")?;
    let text = tools::probe(Command::new(cli).args(["instrument", "--json"]))
        .ok_or_else(|| format!("`{} instrument --json` failed", cli.display()))?;
    let vocabulary = Vocabulary::from_instrument(&text)
        .map_err(|e| format!("`netwerkscan instrument --json`: {e}"))?;
    let concepts = vocabulary.concept_items()?;
    let driver = root.join("bench").join("duckdb_means.py");
    let dir = build::target_dir(root).join("bench");

    let mut native = Native {
        files: Vec::new(),
        runs: Vec::new(),
        duckdb: String::new(),
        duckdb_threads: String::new(),
        largest_difference: 0.0,
        concepts: concepts.iter().map(|c| c.concept.clone()).collect(),
        sql: String::new(),
    };
    for (responses, runs) in SIZES.into_iter().zip(RUNS) {
        let file = dir.join(format!("responses-{}.jsonl", short_count(responses)));
        let bytes = ensure_jsonl(&file, &vocabulary, responses)?;
        native.files.push((responses, bytes));
        let sql = duckdb_sql(&file, &concepts);
        let sql_file = file.with_extension("sql");
        fs::write(&sql_file, &sql)
            .map_err(|e| format!("cannot write {}: {e}", sql_file.display()))?;
        native.sql = sql;

        let ours = |pinned: bool| {
            let mut command = if pinned {
                let mut c = Command::new(&taskset);
                c.args(["-c", CPU]).arg(cli);
                c
            } else {
                Command::new(cli)
            };
            command.args(["report", "--json"]).arg(&file);
            command
        };
        let duckdb = || {
            let mut c = Command::new(&taskset);
            c.args(["-c", CPU]).arg(python).arg(&driver).arg(&sql_file);
            c
        };
        let syntax_only = || {
            let mut c = Command::new(&taskset);
            c.args(["-c", CPU]).arg(syntax).arg(&file);
            c
        };

        eprintln!(
            "bench: {} responses: one unmeasured run of each reads the file into the page cache \
             and checks the means",
            super::thousands(responses)
        );
        let (_, ours_out) = measure(&mut ours(true))?;
        let report = json::parse(&ours_out).map_err(|e| format!("the CLI's report: {e}"))?;
        let (_, duck_out) = measure(&mut duckdb())?;
        let duck = DuckDbResult::parse(&duck_out)?;
        let difference = compare_means(&report, &duck, &native.concepts, responses)?;
        native.largest_difference = native.largest_difference.max(difference);
        native.duckdb.clone_from(&duck.version);
        native.duckdb_threads.clone_from(&duck.threads);
        if duck.threads != "1" {
            return Err(format!("DuckDB ran with threads = {}, not 1", duck.threads));
        }
        eprintln!(
            "bench: DuckDB's {} means equal ours (largest difference {difference:.1e})",
            native.concepts.len()
        );

        for runner in Runner::ALL {
            let mut seconds = Vec::new();
            let mut process = Vec::new();
            let mut peak = 0;
            for run in 1..=runs {
                let mut command = match runner {
                    Runner::OursOneCore => ours(true),
                    Runner::OursAllCores => ours(false),
                    Runner::DuckDb => duckdb(),
                    Runner::SyntaxOnly => syntax_only(),
                };
                let (stats, out) = measure(&mut command)?;
                let wall = stats.elapsed.as_secs_f64();
                let timed = match runner {
                    Runner::DuckDb => {
                        process.push(wall);
                        DuckDbResult::parse(&out)?.query_seconds
                    }
                    Runner::SyntaxOnly => {
                        check_lines(&out, responses)?;
                        wall
                    }
                    Runner::OursOneCore | Runner::OursAllCores => {
                        check_respondents(&out, responses)?;
                        wall
                    }
                };
                eprintln!(
                    "bench: {} x {}, run {run}/{runs}: {timed:.2} s, peak RSS {:.1} MiB",
                    runner_short(runner),
                    super::thousands(responses),
                    stats.peak_rss_kib as f64 / 1024.0
                );
                seconds.push(timed);
                peak = peak.max(stats.peak_rss_kib);
            }
            native.runs.push(Measured {
                runner,
                responses,
                seconds: Summary::of(&seconds).ok_or("no native runs")?,
                process_seconds: Summary::of(&process),
                peak_rss_kib: peak,
            });
        }
    }
    Ok(native)
}

fn runner_short(runner: Runner) -> &'static str {
    match runner {
        Runner::OursOneCore => "ours, one core",
        Runner::OursAllCores => "ours, every core",
        Runner::DuckDb => "DuckDB",
        Runner::SyntaxOnly => "serde_json's syntax check",
    }
}

/// The syntax check read every line: it prints how many.
fn check_lines(out: &str, responses: u64) -> Result<()> {
    match out.trim().parse::<u64>() {
        Ok(n) if n == responses => Ok(()),
        _ => Err(format!(
            "the syntax check read `{}` lines, not {responses}",
            out.trim()
        )),
    }
}

/// "100k", "1m": for file names.
fn short_count(n: u64) -> String {
    if n % 1_000_000 == 0 {
        format!("{}m", n / 1_000_000)
    } else if n % 1000 == 0 {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

/// The report must have counted every response of the file.
fn check_respondents(report: &str, responses: u64) -> Result {
    let counted = format!("\"respondents\": {responses}");
    if report.contains(&counted) {
        Ok(())
    } else {
        Err(format!(
            "the CLI's report does not say {counted}; it begins {:?}",
            report.chars().take(200).collect::<String>()
        ))
    }
}

/// What `bench/duckdb_means.py` printed.
#[derive(Debug, Clone, PartialEq)]
pub struct DuckDbResult {
    pub version: String,
    pub threads: String,
    pub query_seconds: f64,
    /// The result row: `respondents`, then per concept its mean (`None`: nobody has a
    /// score) and `n_<concept>`.
    pub row: Vec<(String, Option<f64>)>,
}

impl DuckDbResult {
    pub fn parse(text: &str) -> Result<Self> {
        let value =
            json::parse(text.trim()).map_err(|e| format!("bench/duckdb_means.py printed {e}"))?;
        let string = |key: &str| -> Result<String> {
            match value.get(key) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(Value::Number(n)) => Ok(n.to_string()),
                _ => Err(format!("bench/duckdb_means.py printed no {key}")),
            }
        };
        Ok(Self {
            version: string("duckdb")?,
            threads: string("threads")?,
            query_seconds: value
                .get("query_seconds")
                .and_then(Value::as_f64)
                .ok_or("bench/duckdb_means.py printed no query_seconds")?,
            row: value
                .get("row")
                .map(Value::members)
                .unwrap_or_default()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_f64()))
                .collect(),
        })
    }

    /// The value of a column (`None` inside for SQL NULL); `None` for no such column.
    fn get(&self, column: &str) -> Option<&Option<f64>> {
        self.row.iter().find(|(k, _)| k == column).map(|(_, v)| v)
    }
}

/// Compares DuckDB's respondents, means and counts with the CLI's report
/// (`.respondents`, `.concepts.<id>.mean` and `.n`); the largest difference of a mean,
/// or an error naming every concept that differs by more than [`TOLERANCE`].
pub fn compare_means(
    report: &Value,
    duck: &DuckDbResult,
    concepts: &[String],
    responses: u64,
) -> Result<f64> {
    let mut problems = Vec::new();
    let ours_count = report.get("respondents").and_then(Value::as_f64);
    let duck_count = duck.get("respondents").copied().flatten();
    if ours_count != Some(responses as f64) || duck_count != Some(responses as f64) {
        problems.push(format!(
            "respondents: ours {ours_count:?}, DuckDB {duck_count:?}, the file {responses}"
        ));
    }
    let mut largest: f64 = 0.0;
    for concept in concepts {
        let ours = report
            .at(&["concepts", concept, "mean"])
            .and_then(Value::as_f64);
        let ours_n = report
            .at(&["concepts", concept, "n"])
            .and_then(Value::as_f64);
        let Some(&theirs) = duck.get(concept) else {
            problems.push(format!("{concept}: DuckDB has no column for it"));
            continue;
        };
        let theirs_n = duck.get(&format!("n_{concept}")).copied().flatten();
        match (ours, theirs) {
            (Some(a), Some(b)) if (a - b).abs() <= TOLERANCE => {
                largest = largest.max((a - b).abs());
            }
            (None, None) => {}
            (a, b) => problems.push(format!("{concept}: mean ours {a:?}, DuckDB {b:?}")),
        }
        if ours_n != theirs_n {
            problems.push(format!(
                "{concept}: respondents with a score ours {ours_n:?}, DuckDB {theirs_n:?}"
            ));
        }
    }
    if problems.is_empty() {
        Ok(largest)
    } else {
        Err(format!(
            "DuckDB and the CLI disagree on the file of {responses} responses (tolerance \
             {TOLERANCE:e}):\n  {}",
            problems.join("\n  ")
        ))
    }
}

/// The Likert items of one concept, with their reverse flags.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptItems {
    pub concept: String,
    /// (item id, reverse)
    pub items: Vec<(String, bool)>,
}

impl ConceptItems {
    /// At least half of the items, rounded up, must be answered for a score.
    pub fn needed(&self) -> usize {
        self.items.len().div_ceil(2)
    }
}

/// A string literal in SQL.
fn sql_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A quoted identifier in SQL.
fn sql_name(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The DuckDB query for the six concept means of `file`, by the scan's rules: an
/// answer is 1..5 or null ("weet niet", left out); a reverse item counts as 6 - v; a
/// respondent's score is the mean of the answered items when at least half of the
/// concept's items (rounded up) are answered, else missing; the concept mean is the
/// mean over the respondents with a score. One thread. Only `answers` is read from
/// each line, with every item of a concept as an INTEGER.
pub fn duckdb_sql(file: &Path, concepts: &[ConceptItems]) -> String {
    let mut columns = Vec::new();
    let mut inner = Vec::new();
    let mut outer = vec!["count(*) AS respondents".to_owned()];
    for (k, concept) in concepts.iter().enumerate() {
        let mut answered = Vec::new();
        let mut sum = Vec::new();
        for (item, reverse) in &concept.items {
            let name = sql_name(item);
            columns.push(format!("{name} INTEGER"));
            answered.push(format!("(a.{name} IS NOT NULL)::INTEGER"));
            sum.push(if *reverse {
                format!("coalesce(6 - a.{name}, 0)")
            } else {
                format!("coalesce(a.{name}, 0)")
            });
        }
        inner.push(format!("    {} AS n{k}", answered.join(" + ")));
        inner.push(format!("    ({})::DOUBLE AS s{k}", sum.join(" + ")));
        let needed = concept.needed();
        outer.push(format!(
            "avg(CASE WHEN n{k} >= {needed} THEN s{k} / n{k} END) AS {}",
            sql_name(&concept.concept)
        ));
        outer.push(format!(
            "count(CASE WHEN n{k} >= {needed} THEN 1 END) AS {}",
            sql_name(&format!("n_{}", concept.concept))
        ));
    }
    let struct_type = format!("STRUCT({})", columns.join(", "));
    format!(
        "-- Made by `cargo xtask bench` from `netwerkscan instrument --json`.\n\
         SET threads = 1;\n\
         SELECT\n  {}\nFROM (\n  SELECT\n{}\n  FROM (\n    SELECT answers AS a\n    FROM read_json({}, \
         format = 'newline_delimited',\n      columns = {{answers: {}}})\n  )\n);\n",
        outer.join(",\n  "),
        inner.join(",\n"),
        sql_string(&file.to_string_lossy()),
        sql_string(&struct_type)
    )
}

/// How one run went: wall time from start to exit, and the peak resident memory.
#[derive(Debug, Clone, Copy)]
struct RunStats {
    elapsed: Duration,
    peak_rss_kib: u64,
}

/// Runs `command` once with stdout captured: wall time from start to exit, and the
/// peak resident memory, read from /proc/PID/status (VmHWM) every [`RSS_POLL`] while
/// it runs (std has no getrusage, and zombies keep no VmHWM). `taskset` execs the
/// program it pins, so the pid is the program's.
fn measure(command: &mut Command) -> Result<(RunStats, String)> {
    let shown = tools::show(command);
    let started = Instant::now();
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
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
        .map_err(|e| format!("`{shown}` did not finish: {e}"))?;
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    let peak_rss_kib = poller.join().unwrap_or(0);
    if !output.status.success() {
        return Err(format!(
            "`{shown}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok((
        RunStats {
            elapsed,
            peak_rss_kib,
        },
        String::from_utf8_lossy(&output.stdout).into_owned(),
    ))
}

/// The `VmHWM:   1234 kB` line of /proc/PID/status, in KiB.
pub fn vm_hwm_kib(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()
}

/// Makes the JSON Lines file of `count` responses unless the one there was made by
/// this generator with the same seed, count and items (recorded in a `.meta` file
/// beside it) and is complete. Returns its size.
fn ensure_jsonl(file: &Path, vocabulary: &Vocabulary, count: u64) -> Result<u64> {
    let meta_path = file.with_extension("jsonl.meta");
    let items: Vec<&str> = vocabulary.items.iter().map(|i| i.id.as_str()).collect();
    let wanted = format!(
        "generator {GENERATOR_VERSION}\nseed {SEED}\nresponses {count}\n\
         organisations {ORGANISATIONS}\ninstrument {} {}\nitems {}\n",
        vocabulary.instrument_id,
        vocabulary.instrument_version,
        items.join(",")
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
    let bytes = write_jsonl(&partial, vocabulary, count, SEED)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    fs::rename(&partial, file).map_err(|e| format!("cannot rename to {}: {e}", file.display()))?;
    fs::write(&meta_path, format!("{wanted}bytes {bytes}\n"))
        .map_err(|e| format!("cannot write {}: {e}", meta_path.display()))?;
    eprintln!(
        "bench: wrote {count} responses to {} ({bytes} bytes) in {:.1} s",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(bytes)
}

pub fn write_jsonl(
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

/// One question of the instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub module: Option<String>,
    pub concept: Option<String>,
    pub reverse: bool,
    /// A statement answered 1..5 (`type` absent or `"likert"`); open questions are not.
    pub likert: bool,
}

/// The ids a response is made of, read from the instrument as `netwerkscan
/// instrument --json` prints it (version 1, and the layout of version 2: open items,
/// the respondent's choices under `respondent`).
#[derive(Debug)]
pub struct Vocabulary {
    pub instrument_id: String,
    pub instrument_version: String,
    pub items: Vec<Item>,
    pub concepts: Vec<String>,
    pub rungs: Vec<String>,
    pub roles: Vec<String>,
    pub positions: Vec<String>,
    pub questions: Vec<String>,
    pub sources: Vec<String>,
}

impl Vocabulary {
    pub fn from_instrument(text: &str) -> Result<Self> {
        let root = json::parse(text).map_err(|e| e.to_string())?;
        let plain = |what: &str, value: Option<&Value>| -> Result<String> {
            let text = value
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{what} is not a string"))?;
            if is_plain(text) {
                Ok(text.to_owned())
            } else {
                Err(format!("{what} {text:?} would need escaping in JSON"))
            }
        };
        // A list of ids: entries that are objects with an id, or plain strings.
        let ids = |paths: &[&[&str]]| -> Result<Vec<String>> {
            let name = paths[0].join(".");
            let list = paths
                .iter()
                .find_map(|path| root.at(path).filter(|v| !v.items().is_empty()))
                .ok_or_else(|| format!("no list at {name}"))?;
            list.items()
                .iter()
                .map(|entry| plain(&format!("an id in {name}"), entry.get("id").or(Some(entry))))
                .collect()
        };
        let mut items = Vec::new();
        for entry in root.get("items").map(Value::items).unwrap_or_default() {
            let optional = |key: &str| match entry.get(key) {
                None | Some(Value::Null) => Ok(None),
                value => plain(&format!("items.{key}"), value).map(Some),
            };
            let kind = optional("type")?;
            items.push(Item {
                id: plain("an item id", entry.get("id"))?,
                module: optional("module")?,
                concept: optional("concept")?,
                reverse: entry
                    .get("reverse")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                likert: kind.is_none_or(|kind| kind == "likert"),
            });
        }
        if !items.iter().any(|item| item.likert) {
            return Err("no Likert items".to_owned());
        }
        Ok(Self {
            instrument_id: plain("the instrument's id", root.get("id"))?,
            instrument_version: plain("the instrument's version", root.get("version"))?,
            items,
            concepts: ids(&[&["concepts"]])?,
            rungs: ids(&[&["ladder", "rungs"]])?,
            roles: ids(&[&["roles"], &["respondent", "roles", "choices"]])?,
            positions: ids(&[&["positions"], &["respondent", "position", "choices"]])?,
            questions: ids(&[&["interests", "questions"]])?,
            sources: ids(&[&["interests", "influence", "sources"]])?,
        })
    }

    /// The response format version to write: 1 for instrument version 1, else 2
    /// (the response format that came with instrument version 2).
    pub fn response_version(&self) -> u32 {
        if self.instrument_version == "1" {
            1
        } else {
            2
        }
    }

    /// The Likert items of module `relaties` per concept, in the instrument's order of
    /// concepts; an error when a concept has none.
    pub fn concept_items(&self) -> Result<Vec<ConceptItems>> {
        self.concepts
            .iter()
            .map(|concept| {
                let items: Vec<(String, bool)> = self
                    .items
                    .iter()
                    .filter(|i| i.likert && i.module.as_deref() == Some("relaties"))
                    .filter(|i| i.concept.as_deref() == Some(concept))
                    .map(|i| (i.id.clone(), i.reverse))
                    .collect();
                if items.is_empty() {
                    Err(format!(
                        "the instrument has no relaties items for {concept}"
                    ))
                } else {
                    Ok(ConceptItems {
                        concept: concept.clone(),
                        items,
                    })
                }
            })
            .collect()
    }

    /// One response on one line (no newline): every Likert item answered 1 to 5 or
    /// `null` ("weet niet", 5%), importance, ladder, interests and influence, in one
    /// of [`ORGANISATIONS`] organisations with random roles. Open questions stay
    /// unanswered.
    pub fn response_line(&self, index: u64, random: &mut Random, out: &mut String) {
        let _ = write!(
            out,
            r#"{{"format":"netwerkscan-response","version":{},"instrument":{{"id":"{}","version":"{}"}},"respondent":{{"alias":"r{index}","organisation":"Organisatie {:02}","roles":["#,
            self.response_version(),
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
        let mut first = true;
        for item in self.items.iter().filter(|i| i.likert) {
            let comma = if first { "" } else { "," };
            first = false;
            let _ = write!(out, r#"{comma}"{}":"#, item.id);
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

/// Ids and versions are written into JSON and SQL unescaped, so they must need no
/// escaping.
fn is_plain(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// SplitMix64: small, fast and the same on every machine.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::from_instrument(netwerkregie::Instrument::builtin_json())
            .expect("the built-in instrument has every list")
    }

    /// The layout of instrument version 2: an open item, choices under `respondent`,
    /// `concept` and `reverse` left out where they do not apply.
    const V2: &str = r#"{"id": "netwerkscan", "version": "2",
        "concepts": [{"id": "respect"}, {"id": "vrijheid"}],
        "items": [
          {"id": "opgave-eigen", "module": "opgave", "text": {"nl": "x"}},
          {"id": "respect-waarden", "module": "relaties", "concept": "respect"},
          {"id": "respect-curatele", "module": "relaties", "concept": "respect", "reverse": true},
          {"id": "respect-open", "module": "relaties", "concept": "respect", "type": "open"},
          {"id": "vrijheid-ruimte", "module": "relaties", "concept": "vrijheid", "type": "likert"},
          {"id": "eerste-stap", "type": "open"}],
        "respondent": {"roles": {"choices": [{"id": "eigenaar"}, {"id": "oplosser"}]},
                       "position": {"choices": ["kern", "ring"]}},
        "ladder": {"rungs": [{"id": "loslaten"}, {"id": "reguleren"}]},
        "interests": {"questions": [{"id": "interest"}],
                      "influence": {"sources": [{"id": "resources"}]}}}"#;

    #[test]
    fn the_vocabulary_is_the_instrument_of_the_core() {
        let instrument = netwerkregie::Instrument::builtin();
        let v = vocabulary();
        let items: Vec<&str> = instrument
            .file()
            .items
            .iter()
            .map(|i| i.id.as_ref())
            .collect();
        let ours: Vec<&str> = v.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ours, items);
        assert_eq!(v.instrument_id, instrument.id());
        assert_eq!(v.instrument_version, instrument.version());
        assert_eq!(v.concepts.len(), 6);
        assert_eq!(v.rungs.first().map(String::as_str), Some("loslaten"));
        assert_eq!(v.sources.len(), 4);
        let concepts = v.concept_items().expect("every concept has items");
        assert_eq!(concepts.len(), 6);
        assert!(concepts.iter().all(|c| c.items.iter().any(|(_, r)| *r)));
    }

    #[test]
    fn reads_the_layout_of_version_2() {
        let v = Vocabulary::from_instrument(V2).expect("reads");
        assert_eq!(v.response_version(), 2);
        assert_eq!(v.roles, ["eigenaar", "oplosser"]);
        assert_eq!(v.positions, ["kern", "ring"]);
        let concepts = v.concept_items().expect("items");
        assert_eq!(
            concepts,
            [
                ConceptItems {
                    concept: "respect".to_owned(),
                    items: vec![
                        ("respect-waarden".to_owned(), false),
                        ("respect-curatele".to_owned(), true)
                    ],
                },
                ConceptItems {
                    concept: "vrijheid".to_owned(),
                    items: vec![("vrijheid-ruimte".to_owned(), false)],
                },
            ]
        );
        let mut line = String::new();
        v.response_line(1, &mut Random::new(1), &mut line);
        assert!(line.starts_with(r#"{"format":"netwerkscan-response","version":2,"#));
        assert!(!line.contains("respect-open") && !line.contains("eerste-stap"));
        assert!(line.contains(r#""opgave-eigen":"#));
        let parsed = json::parse(&line).expect("a generated line is JSON");
        assert_eq!(parsed.get("answers").map(|a| a.members().len()), Some(4));
        assert!(Vocabulary::from_instrument(r#"{"id": "x"}"#).is_err());
    }

    #[test]
    fn half_the_items_rounded_up_make_a_score() {
        let of = |n: usize| ConceptItems {
            concept: "c".to_owned(),
            items: vec![("i".to_owned(), false); n],
        };
        assert_eq!([1, 2, 3, 4, 5].map(|n| of(n).needed()), [1, 1, 2, 2, 3]);
    }

    #[test]
    fn the_query_follows_the_rules() {
        let v = Vocabulary::from_instrument(V2).expect("reads");
        let sql = duckdb_sql(
            Path::new("/tmp/it's.jsonl"),
            &v.concept_items().expect("items"),
        );
        assert!(sql.contains("SET threads = 1;\n"), "{sql}");
        assert!(sql.contains("read_json('/tmp/it''s.jsonl', format = 'newline_delimited'"));
        assert!(sql.contains(
            r#"columns = {answers: 'STRUCT("respect-waarden" INTEGER, "respect-curatele" INTEGER, "vrijheid-ruimte" INTEGER)'}"#
        ));
        assert!(sql.contains(
            r#"(a."respect-waarden" IS NOT NULL)::INTEGER + (a."respect-curatele" IS NOT NULL)::INTEGER AS n0"#
        ));
        assert!(sql.contains(
            r#"(coalesce(a."respect-waarden", 0) + coalesce(6 - a."respect-curatele", 0))::DOUBLE AS s0"#
        ));
        assert!(sql.contains(r#"avg(CASE WHEN n0 >= 1 THEN s0 / n0 END) AS "respect""#));
        assert!(sql.contains(r#"count(CASE WHEN n1 >= 1 THEN 1 END) AS "n_vrijheid""#));
        assert!(sql.contains("count(*) AS respondents"));
        assert!(!sql.contains("respect-open"));
    }

    #[test]
    fn means_are_compared_to_the_tolerance() {
        let report = json::parse(
            r#"{"respondents": 3, "concepts": {
                "respect": {"n": 3, "mean": 3.1666666666666665},
                "vrijheid": {"n": 0, "mean": null}}}"#,
        )
        .expect("report");
        let duck = |respect: f64, n: f64| {
            DuckDbResult::parse(&format!(
                r#"{{"duckdb": "2.0.1", "threads": "1", "import_seconds": 0.1,
                    "query_seconds": 0.25, "row": {{"respondents": 3, "respect": {respect},
                    "n_respect": {n}, "vrijheid": null, "n_vrijheid": 0}}}}"#
            ))
            .expect("parses")
        };
        let concepts = ["respect".to_owned(), "vrijheid".to_owned()];
        let same = duck(3.166_666_666_666_667, 3.0);
        assert_eq!(same.query_seconds, 0.25);
        assert_eq!(same.threads, "1");
        let difference = compare_means(&report, &same, &concepts, 3).expect("equal");
        assert!(difference < 1e-15);
        let off = compare_means(&report, &duck(3.1666, 3.0), &concepts, 3);
        assert!(off.is_err_and(|e| e.contains("respect: mean ours")));
        let counted = compare_means(&report, &duck(3.166_666_666_666_666_5, 2.0), &concepts, 3);
        assert!(counted.is_err_and(|e| e.contains("respondents with a score")));
        assert!(compare_means(&report, &same, &concepts, 4).is_err());
        assert!(DuckDbResult::parse("Traceback ...").is_err());
    }

    #[test]
    fn generated_lines_are_valid_responses() {
        let instrument = netwerkregie::Instrument::builtin();
        let v = vocabulary();
        let mut random = Random::new(SEED);
        let mut nulls = 0;
        let likert: Vec<&Item> = v.items.iter().filter(|i| i.likert).collect();
        for index in 1..=200 {
            let mut line = String::new();
            v.response_line(index, &mut random, &mut line);
            assert!(!line.contains('\n'));
            let response = netwerkregie::Response::from_json(&line, instrument)
                .unwrap_or_else(|e| panic!("line {index} is not valid: {e}\n{line}"));
            for item in &likert {
                if response.answer(instrument, &item.id).is_none() {
                    nulls += 1;
                }
            }
        }
        // About 5% "weet niet" of 200 x the Likert items.
        let expected = 200 * likert.len() / 20;
        assert!(
            (expected / 3..expected * 3).contains(&nulls),
            "{nulls} nulls"
        );
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
    fn file_names_count_short() {
        assert_eq!(short_count(100_000), "100k");
        assert_eq!(short_count(1_000_000), "1m");
        assert_eq!(short_count(1234), "1234");
    }
}
