//! `cargo xtask fuzz [--time S] [TARGET...]`: runs the fuzz targets of `fuzz/`.
//!
//! A target is a file `fuzz/fuzz_targets/<name>.rs`; nothing else lists them. With a
//! nightly toolchain the targets run under libFuzzer (`cargo +nightly fuzz run`,
//! cargo-fuzz installed when missing); without one, each target's proptest fallback
//! runs for the same time (the same checks, built on stable). Either way a crash fails
//! the command, and the end prints executions, speed and coverage per target.
//!
//! `cargo xtask test` runs this with `--time 30` ([`CI_SECONDS`]).

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::setup;
use crate::tools;
use crate::Result;

/// Seconds per target of `cargo xtask fuzz` (the official runs).
pub const DEFAULT_SECONDS: u64 = 600;
/// Seconds per target in `cargo xtask test`.
pub const CI_SECONDS: u64 = 30;

/// libFuzzer's longest input: a bit over the readers' 1 MiB limit, so inputs on both
/// sides of it can be made.
const MAX_LEN: usize = 1024 * 1024 + 64 * 1024;
/// A 1 MiB document parses in milliseconds; an input that takes longer is a finding.
const TIMEOUT_SECONDS: u32 = 10;
/// Memory per input run; a 1 MiB document should need a few tens of MB.
const RSS_LIMIT_MB: u32 = 2048;

/// Which engine runs the targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// libFuzzer through cargo-fuzz, on nightly.
    LibFuzzer,
    /// The targets' proptest fallback, on stable.
    Proptest,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::LibFuzzer => "libFuzzer",
            Engine::Proptest => "proptest fallback",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Seconds per target.
    pub seconds: u64,
    /// The targets to run; all when empty.
    pub targets: Vec<String>,
    /// Force an engine; `None` picks libFuzzer when nightly is installed.
    pub engine: Option<Engine>,
    /// cargo-fuzz's `--sanitizer`: `none` (the default) or `address`.
    pub sanitizer: String,
}

impl Options {
    /// What `cargo xtask test` runs.
    #[must_use]
    pub fn ci() -> Self {
        Self {
            seconds: CI_SECONDS,
            targets: Vec::new(),
            engine: None,
            sanitizer: "none".to_owned(),
        }
    }
}

/// What one target's run did, read from libFuzzer's (or the fallback's) output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub target: String,
    pub seconds: f64,
    pub executions: Option<u64>,
    pub executions_per_second: Option<u64>,
    /// libFuzzer's `cov:` (edges covered) and `ft:` (features) once the seeds and the
    /// corpus were read (`INITED`).
    pub start_coverage: Option<u64>,
    pub start_features: Option<u64>,
    /// libFuzzer's `cov:` and `ft:` at the end.
    pub coverage: Option<u64>,
    pub features: Option<u64>,
    /// libFuzzer's `corp:` at the end: inputs/size.
    pub corpus: Option<String>,
    pub peak_rss_mb: Option<u64>,
    /// Where libFuzzer wrote a crashing input.
    pub artifact: Option<String>,
}

impl Stats {
    /// Takes what a line of output says.
    fn read_line(&mut self, line: &str) {
        let number = |prefix: &str| -> Option<u64> {
            line.strip_prefix(prefix)
                .and_then(|rest| rest.trim().parse().ok())
        };
        if let Some(n) = number("stat::number_of_executed_units:") {
            self.executions = Some(n);
        } else if let Some(n) = number("stat::average_exec_per_sec:") {
            self.executions_per_second = Some(n);
        } else if let Some(n) = number("stat::peak_rss_mb:") {
            self.peak_rss_mb = Some(n);
        } else if line.starts_with('#') && line.contains("INITED") {
            self.start_coverage = field(line, "cov:").and_then(|v| v.parse().ok());
            self.start_features = field(line, "ft:").and_then(|v| v.parse().ok());
        } else if line.starts_with('#') && line.contains("DONE") {
            self.coverage = field(line, "cov:").and_then(|v| v.parse().ok());
            self.features = field(line, "ft:").and_then(|v| v.parse().ok());
            self.corpus = field(line, "corp:").map(str::to_owned);
        } else if let Some(i) = line.find("Test unit written to ") {
            self.artifact = Some(line[i + "Test unit written to ".len()..].trim().to_owned());
        } else if let Some(path) = line.strip_prefix("saved as ") {
            // The proptest fallback's crash file.
            self.artifact = Some(path.trim().to_owned());
        }
    }

    /// `response_json: 1,234,567 executions in 30 s (41,152/s), cov 812 -> 1510, ft 1040
    /// -> 6012, corpus 402/96Kb`.
    #[must_use]
    pub fn summary(&self) -> String {
        let executions = self.executions.map_or_else(
            || "executions unknown".to_owned(),
            |n| format!("{} executions", thousands(n)),
        );
        let rate = self
            .executions_per_second
            .map_or_else(String::new, |r| format!(" ({}/s)", thousands(r)));
        let coverage = match (self.start_coverage, self.start_features) {
            (Some(cov0), Some(ft0)) => match (self.coverage, self.features) {
                (Some(cov), Some(ft)) => format!(", cov {cov0} -> {cov}, ft {ft0} -> {ft}"),
                _ => format!(", cov {cov0}, ft {ft0} at the start"),
            },
            _ => match (self.coverage, self.features) {
                (Some(cov), Some(ft)) => format!(", cov {cov}, ft {ft}"),
                _ => String::new(),
            },
        };
        let corpus = self
            .corpus
            .as_ref()
            .map_or_else(String::new, |c| format!(", corpus {c}"));
        format!(
            "{}: {executions} in {:.0} s{rate}{coverage}{corpus}",
            self.target, self.seconds
        )
    }
}

/// The value after `name` in a libFuzzer status line (`cov: 123 ft: 456 ...`).
fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let mut words = line.split_whitespace();
    words.find(|w| *w == name)?;
    words.next()
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a libFuzzer line is one of the many `NEW`/`REDUCE` (and `NEW_FUNC`) lines,
/// which are counted rather than shown.
fn is_progress(line: &str) -> bool {
    let new_unit = line.starts_with('#')
        && line
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| matches!(w, "NEW" | "REDUCE"));
    new_unit || line.trim_start().starts_with("NEW_FUNC[")
}

/// The fuzz targets: the `.rs` files of `fuzz/fuzz_targets/`, by name.
pub fn targets(fuzz_dir: &Path) -> Result<Vec<String>> {
    let dir = fuzz_dir.join("fuzz_targets");
    let entries = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}

/// The targets to run: the requested ones, each checked, or all.
fn chosen(all: &[String], requested: &[String]) -> Result<Vec<String>> {
    if requested.is_empty() {
        return Ok(all.to_vec());
    }
    for name in requested {
        if !all.contains(name) {
            return Err(format!(
                "no fuzz target `{name}`; the targets are {} (files in fuzz/fuzz_targets/)",
                all.join(", ")
            ));
        }
    }
    Ok(requested.to_vec())
}

/// Runs the targets and returns what each did; an error on the first crash.
pub fn run(root: &Path, options: &Options) -> Result<Vec<Stats>> {
    let fuzz_dir = root.join("fuzz");
    let all = targets(&fuzz_dir)?;
    let targets = chosen(&all, &options.targets)?;
    if targets.is_empty() {
        return Err("fuzz/fuzz_targets/ has no targets".to_owned());
    }
    let engine = match options.engine {
        Some(Engine::LibFuzzer) => {
            if !setup::fuzzing(root)? {
                return Err("--engine libfuzzer needs a nightly toolchain".to_owned());
            }
            Engine::LibFuzzer
        }
        Some(Engine::Proptest) => Engine::Proptest,
        // A machine where cargo-fuzz cannot be installed still fuzzes, with the fallback.
        None => match setup::fuzzing(root) {
            Ok(true) => Engine::LibFuzzer,
            Ok(false) => Engine::Proptest,
            Err(e) => {
                eprintln!("fuzz: warning: {e}; fuzzing with the proptest fallback instead");
                Engine::Proptest
            }
        },
    };
    eprintln!(
        "fuzz: {} for {} s per target: {}",
        engine.name(),
        options.seconds,
        targets.join(", ")
    );
    if engine == Engine::Proptest {
        eprintln!(
            "fuzz: this is the proptest fallback, not coverage-guided fuzzing; install a \
             nightly toolchain for libFuzzer"
        );
    }

    let started = Instant::now();
    build(root, &fuzz_dir, engine, &options.sanitizer)?;
    eprintln!(
        "fuzz: built the targets in {:.0} s",
        started.elapsed().as_secs_f64()
    );

    let mut all_stats = Vec::new();
    for target in &targets {
        let seeds = fuzz_dir.join("seeds").join(target);
        if !seeds.is_dir() {
            eprintln!(
                "fuzz: warning: {} is missing; {target} starts without seeds",
                seeds.display()
            );
        }
        let mut command = match engine {
            Engine::LibFuzzer => {
                let corpus = fuzz_dir.join("corpus").join(target);
                fs::create_dir_all(&corpus)
                    .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
                libfuzzer_command(root, &fuzz_dir, target, &options.sanitizer, options.seconds)
            }
            Engine::Proptest => fallback_command(root, &fuzz_dir, target, options.seconds),
        };
        eprintln!(
            "\n--> fuzz {target} ({}, {} s)",
            engine.name(),
            options.seconds
        );
        let stats = run_target(&mut command, target)?;
        eprintln!("<-- {}", stats.summary());
        all_stats.push(stats);
    }
    eprintln!(
        "\nfuzz: {} ({})",
        engine.name(),
        sanitizer_note(engine, &options.sanitizer)
    );
    for stats in &all_stats {
        eprintln!("  {}", stats.summary());
    }
    Ok(all_stats)
}

fn sanitizer_note(engine: Engine, sanitizer: &str) -> String {
    match engine {
        Engine::LibFuzzer => format!("sanitizer {sanitizer}, debug assertions on"),
        Engine::Proptest => "stable, debug assertions on".to_owned(),
    }
}

/// `cargo +nightly ...` through rustup's proxy. The variables that `cargo xtask` set
/// for itself would pin the inner cargo to the stable toolchain.
fn nightly_cargo(root: &Path) -> Command {
    let mut command = Command::new("cargo");
    command
        .current_dir(root)
        .arg("+nightly")
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC");
    command
}

fn build(root: &Path, fuzz_dir: &Path, engine: Engine, sanitizer: &str) -> Result {
    match engine {
        Engine::LibFuzzer => tools::run(nightly_cargo(root).args(["fuzz", "build"]).args([
            "--fuzz-dir".as_ref(),
            fuzz_dir.as_os_str(),
            "--sanitizer".as_ref(),
            sanitizer.as_ref(),
        ])),
        Engine::Proptest => tools::run(
            tools::cargo(root)
                .args(["build", "--release", "--bins"])
                .args([
                    "--manifest-path".as_ref(),
                    fuzz_dir.join("Cargo.toml").as_os_str(),
                ]),
        ),
    }
}

/// `cargo +nightly fuzz run`: the working corpus in `fuzz/corpus/<target>` (ignored by
/// git), the committed seeds read beside it, the JSON dictionary, and limits for
/// 1 MiB documents.
fn libfuzzer_command(
    root: &Path,
    fuzz_dir: &Path,
    target: &str,
    sanitizer: &str,
    seconds: u64,
) -> Command {
    let mut command = nightly_cargo(root);
    command
        .args(["fuzz", "run", "--fuzz-dir"])
        .arg(fuzz_dir)
        .args(["--sanitizer", sanitizer, target])
        .arg(fuzz_dir.join("corpus").join(target));
    // A new target may have no seeds yet; libFuzzer stops at a missing folder.
    let seeds = fuzz_dir.join("seeds").join(target);
    if seeds.is_dir() {
        command.arg(seeds);
    }
    command.arg("--").args(libfuzzer_flags(fuzz_dir, seconds));
    command
}

fn libfuzzer_flags(fuzz_dir: &Path, seconds: u64) -> Vec<String> {
    vec![
        format!("-max_total_time={seconds}"),
        format!("-max_len={MAX_LEN}"),
        // libFuzzer turns length control off for a custom mutator; without it the
        // mutator's huge strings fill the corpus with 1 MiB inputs at 1/10 the speed.
        // With it, inputs grow towards MAX_LEN as coverage stalls.
        "-len_control=100".to_owned(),
        format!("-rss_limit_mb={RSS_LIMIT_MB}"),
        format!("-timeout={TIMEOUT_SECONDS}"),
        format!("-dict={}", fuzz_dir.join("json.dict").display()),
        "-print_final_stats=1".to_owned(),
    ]
}

fn fallback_command(root: &Path, fuzz_dir: &Path, target: &str, seconds: u64) -> Command {
    let mut command = tools::cargo(root);
    command
        .args(["run", "--quiet", "--release", "--manifest-path"])
        .arg(fuzz_dir.join("Cargo.toml"))
        .args(["--bin", target, "--", "--time"])
        .arg(seconds.to_string());
    command
}

/// Runs one target, showing its output (less the `NEW`/`REDUCE` lines) and reading
/// its statistics; an error when it fails.
fn run_target(command: &mut Command, target: &str) -> Result<Stats> {
    let shown = tools::show(command);
    eprintln!("$ {shown}");
    let started = Instant::now();
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let mut stats = Stats {
        target: target.to_owned(),
        ..Stats::default()
    };
    let mut progress = 0u64;
    let mut in_dictionary = false;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            stats.read_line(&line);
            // libFuzzer's recommended dictionary: hundreds of lines of no use here.
            if line.starts_with("###### Recommended dictionary") {
                in_dictionary = true;
            } else if line.starts_with("###### End of recommended dictionary") {
                in_dictionary = false;
            } else if is_progress(&line) {
                progress += 1;
            } else if !in_dictionary {
                eprintln!("{line}");
            }
        }
    }
    let exit = child
        .wait()
        .map_err(|e| format!("`{shown}` did not finish: {e}"))?;
    stats.seconds = started.elapsed().as_secs_f64();
    if progress > 0 {
        eprintln!("({progress} NEW/REDUCE/NEW_FUNC lines not shown)");
    }
    if exit.success() {
        Ok(stats)
    } else {
        let artifact = stats
            .artifact
            .as_deref()
            .map_or_else(String::new, |a| format!("; the input is in {a}"));
        Err(format!(
            "fuzz target `{target}` failed ({exit}) after {:.0} s{artifact}; see its output \
             above. Reproduce with `cargo +nightly fuzz run {target} <input>` or \
             `cargo run --release --manifest-path fuzz/Cargo.toml --bin {target} -- <input>`, \
             and add a regression test in core/tests/fuzz_regressions.rs",
            stats.seconds
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_statistics() {
        let mut stats = Stats::default();
        for line in [
            "#2\tINITED cov: 812 ft: 1040 corp: 18/21Kb exec/s: 0 rss: 44Mb",
            "#4096\tNEW    cov: 900 ft: 1200 corp: 19/22Kb lim: 4096 exec/s: 2048 rss: 45Mb",
            "#1234567\tDONE   cov: 1510 ft: 6012 corp: 402/96Kb lim: 4096 exec/s: 41152 rss: 60Mb",
            "stat::number_of_executed_units: 1234567",
            "stat::average_exec_per_sec:     41152",
            "stat::new_units_added:          384",
            "stat::peak_rss_mb:              60",
        ] {
            stats.read_line(line);
        }
        assert_eq!(stats.executions, Some(1_234_567));
        assert_eq!(stats.executions_per_second, Some(41_152));
        assert_eq!((stats.coverage, stats.features), (Some(1510), Some(6012)));
        assert_eq!(stats.corpus.as_deref(), Some("402/96Kb"));
        assert_eq!(stats.peak_rss_mb, Some(60));
        stats.target = "response_json".to_owned();
        stats.seconds = 30.2;
        assert_eq!(
            (stats.start_coverage, stats.start_features),
            (Some(812), Some(1040))
        );
        assert_eq!(
            stats.summary(),
            "response_json: 1,234,567 executions in 30 s (41,152/s), cov 812 -> 1510, \
             ft 1040 -> 6012, corpus 402/96Kb"
        );
    }

    #[test]
    fn finds_the_crash_artifact() {
        let mut stats = Stats::default();
        stats.read_line(
            "artifact_prefix='/w/fuzz/artifacts/response_json/'; Test unit written to \
             /w/fuzz/artifacts/response_json/crash-0a1b",
        );
        assert_eq!(
            stats.artifact.as_deref(),
            Some("/w/fuzz/artifacts/response_json/crash-0a1b")
        );
        stats.read_line("saved as /w/fuzz/artifacts/response_json/crash-proptest-01");
        assert_eq!(
            stats.artifact.as_deref(),
            Some("/w/fuzz/artifacts/response_json/crash-proptest-01")
        );
    }

    #[test]
    fn progress_lines_are_only_new_and_reduce() {
        assert!(is_progress("#4096\tNEW    cov: 900 ft: 1200"));
        assert!(is_progress("#5000\tREDUCE cov: 900 ft: 1200"));
        assert!(is_progress("\tNEW_FUNC[1/3]: 0x556108d44f11"));
        assert!(!is_progress("#8192\tpulse  cov: 900 ft: 1200"));
        assert!(!is_progress("#1\tDONE   cov: 900"));
        assert!(!is_progress("==123== ERROR: libFuzzer: deadly signal"));
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn targets_are_the_files_of_fuzz_targets() {
        let dir = std::env::temp_dir().join(format!("xtask-fuzz-{}", std::process::id()));
        fs::create_dir_all(dir.join("fuzz_targets")).expect("create");
        for name in ["b_target.rs", "a_target.rs", "notes.md"] {
            fs::write(dir.join("fuzz_targets").join(name), "").expect("write");
        }
        let found = targets(&dir);
        fs::remove_dir_all(&dir).expect("clean up");
        let found = found.expect("listed");
        assert_eq!(found, ["a_target", "b_target"]);
        assert_eq!(chosen(&found, &[]), Ok(found.clone()));
        assert_eq!(
            chosen(&found, &["b_target".to_owned()]),
            Ok(vec!["b_target".to_owned()])
        );
        assert!(chosen(&found, &["c".to_owned()]).is_err_and(|e| e.contains("a_target")));
    }

    #[test]
    fn the_repository_has_targets_with_seeds() {
        let fuzz_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let found = targets(&fuzz_dir).expect("fuzz/fuzz_targets is readable");
        for expected in ["instrument_json", "response_json", "response_lines"] {
            assert!(
                found.iter().any(|t| t == expected),
                "{expected} in {found:?}"
            );
        }
        for target in ["instrument_json", "response_json", "response_lines"] {
            let seeds = fuzz_dir.join("seeds").join(target);
            let n = fs::read_dir(&seeds).map_or(0, Iterator::count);
            assert!(n > 0, "{} has no seeds", seeds.display());
        }
        assert!(fuzz_dir.join("json.dict").is_file());
    }

    #[test]
    fn libfuzzer_runs_with_limits_for_one_mebibyte_documents() {
        let flags = libfuzzer_flags(Path::new("/w/fuzz"), 30);
        assert!(flags.contains(&"-max_total_time=30".to_owned()));
        assert!(flags.contains(&format!("-max_len={}", 1024 * 1024 + 64 * 1024)));
        assert!(flags.iter().any(|f| f.starts_with("-rss_limit_mb=")));
        assert!(flags.iter().any(|f| f.starts_with("-timeout=")));
        assert!(flags.contains(&"-dict=/w/fuzz/json.dict".to_owned()));
        let command = libfuzzer_command(
            Path::new("/w"),
            Path::new("/w/fuzz"),
            "response_json",
            "none",
            30,
        );
        let shown = tools::show(&command);
        assert!(
            shown.starts_with(
                "cargo +nightly fuzz run --fuzz-dir /w/fuzz --sanitizer none response_json \
                 /w/fuzz/corpus/response_json -- -max_total_time=30"
            ),
            "{shown}"
        );
    }
}
