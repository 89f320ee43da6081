//! The stable-toolchain stand-in for libFuzzer: the same target, the same checks, run
//! under proptest for a given time.
//!
//! Inputs are the committed seeds as they are, then a mix of arbitrary bytes, JSON
//! built from the formats' field names and edge values, and seeds changed by the
//! mutator of [`crate::mutate`] (driven by a tape of random words, so a failure shrinks
//! to few, simple mutations). A failing input is written to `fuzz/artifacts/<target>/`
//! like libFuzzer's crashes, and the program exits with 1.
//!
//! ```text
//! <target> [--time SECONDS] [--seeds DIR] [FILE...]
//! ```
//! With files, it runs each once (to reproduce an artifact) and stops.
//! At the end it prints libFuzzer's `stat::` lines, which `cargo xtask fuzz` reads.

use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use crate::mutate::{self, Tape};

/// What the fallback feeds a target.
#[derive(Debug, Clone)]
enum Input {
    /// Arbitrary bytes.
    Bytes(Vec<u8>),
    /// A JSON object made of known field names and edge values.
    Built(Vec<u8>),
    /// Seed `seed`, changed `rounds` times by the mutator reading `tape`.
    Mutated {
        seed: usize,
        rounds: usize,
        tape: Vec<u32>,
    },
}

fn bytes_of(input: &Input, seeds: &[Vec<u8>]) -> Vec<u8> {
    match input {
        Input::Bytes(b) | Input::Built(b) => b.clone(),
        Input::Mutated { seed, rounds, tape } => {
            let mut data = seeds.get(*seed).cloned().unwrap_or_default();
            let mut rng = Tape::new(tape);
            for _ in 0..*rounds {
                mutate::mutate(&mut data, &mut rng);
            }
            data
        }
    }
}

/// A JSON value from the formats' vocabulary, nested a few levels.
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        (0u8..=7).prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "3.0",
            "-1",
            "1e400",
            "18446744073709551616",
            "2.5",
            "-0"
        ])
        .prop_map(str::to_owned),
        "[a-z-]{0,12}".prop_map(|s| format!("\"{s}\"")),
        prop::sample::select(vec!["\"\\ud800\"", "\"\\u0000\"", "\"\u{1}\"", "\"é\""])
            .prop_map(str::to_owned),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(|items| format!("[{}]", items.join(","))),
            vec((key(), inner), 0..6).prop_map(|members| {
                let body: Vec<String> = members
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(mutate::vocabulary().to_vec()),
        "[a-z_-]{0,8}",
    ]
}

/// A response-shaped object: the format marker and version first, then anything.
fn built() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(vec!["0", "1", "2", "1.0", "\"1\""]),
        vec((key(), json_value()), 0..10),
    )
        .prop_map(|(version, members)| {
            let mut text = format!("{{\"format\":\"netwerkscan-response\",\"version\":{version}");
            for (k, v) in members {
                let _ = write!(text, ",\"{k}\":{v}");
            }
            text.push('}');
            text.into_bytes()
        })
}

fn input(n_seeds: usize) -> impl Strategy<Value = Input> {
    let mutated = (0..n_seeds.max(1), 1usize..=4, vec(any::<u32>(), 1..64))
        .prop_map(|(seed, rounds, tape)| Input::Mutated { seed, rounds, tape });
    prop_oneof![
        1 => vec(any::<u8>(), 0..256).prop_map(Input::Bytes),
        1 => built().prop_map(Input::Built),
        6 => mutated,
    ]
}

/// The last panic's message and place, kept quietly (the panic hook prints nothing:
/// proptest panics on purpose while it shrinks).
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn quiet_panics() {
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = format!("panicked{place}: {message}");
        }
    }));
}

fn last_panic() -> String {
    LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default()
}

/// Seconds to run without `--time`.
const DEFAULT_SECONDS: u64 = 60;
/// Seconds between two progress lines.
const PULSE_SECONDS: u64 = 10;

struct Options {
    time: Duration,
    seeds: PathBuf,
    files: Vec<PathBuf>,
}

fn options(target: &str) -> Result<Options, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        time: Duration::from_secs(DEFAULT_SECONDS),
        seeds: manifest.join("seeds").join(target),
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--time" => {
                let value = args.next().ok_or("--time needs seconds")?;
                let seconds: u64 = value
                    .parse()
                    .map_err(|_| format!("--time: `{value}` is not a number of seconds"))?;
                options.time = Duration::from_secs(seconds);
            }
            "--seeds" => options.seeds = args.next().ok_or("--seeds needs a folder")?.into(),
            other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
            file => options.files.push(file.into()),
        }
    }
    Ok(options)
}

fn read_seeds(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut seeds: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
                .collect()
        })
        .unwrap_or_default();
    seeds.sort();
    seeds
}

/// FNV-1a, to name an artifact after its content.
fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn save_artifact(target: &str, data: &[u8]) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("artifacts")
        .join(target);
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("crash-proptest-{:016x}", fnv(data)));
    std::fs::write(&path, data).ok()?;
    Some(path)
}

fn show(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(&data[..data.len().min(600)]).into_owned();
    let more = if data.len() > 600 {
        format!(" ... ({} bytes)", data.len())
    } else {
        String::new()
    };
    format!("{text:?}{more}")
}

/// Runs each file once, as libFuzzer does when given files.
fn reproduce(
    target: &str,
    files: &[PathBuf],
    run_one: &dyn Fn(&[u8]) -> Result<(), String>,
) -> ExitCode {
    for file in files {
        let data = match std::fs::read(file) {
            Ok(data) => data,
            Err(e) => {
                eprintln!("{target}: {}: {e}", file.display());
                return ExitCode::from(2);
            }
        };
        match run_one(&data) {
            Ok(()) => eprintln!("{target}: {}: ok", file.display()),
            Err(why) => {
                eprintln!("{target}: {}: FAILED: {why}", file.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Runs `check` as target `target`; the `main` of every target built without libFuzzer.
pub fn main(target: &str, check: fn(&[u8])) -> ExitCode {
    let options = match options(target) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("{target}: {e}");
            return ExitCode::from(2);
        }
    };
    quiet_panics();
    let started = Instant::now();
    let executed = AtomicU64::new(0);
    let run_one = |data: &[u8]| -> Result<(), String> {
        executed.fetch_add(1, Ordering::Relaxed);
        panic::catch_unwind(AssertUnwindSafe(|| check(data))).map_err(|_| last_panic())
    };

    if !options.files.is_empty() {
        return reproduce(target, &options.files, &run_one);
    }

    eprintln!(
        "{target}: proptest fallback (stable; random and mutated inputs, not coverage-guided): \
         {} s, seeds from {}",
        options.time.as_secs(),
        options.seeds.display()
    );
    let seeds = read_seeds(&options.seeds);
    for (path, data) in &seeds {
        if let Err(why) = run_one(data) {
            eprintln!("{target}: seed {} FAILED: {why}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!("{target}: INITED with {} seed(s)", seeds.len());
    let seeds: Vec<Vec<u8>> = seeds.into_iter().map(|(_, d)| d).collect();

    let mut next_pulse = Duration::from_secs(PULSE_SECONDS);
    while started.elapsed() < options.time {
        let mut runner = TestRunner::new(Config {
            cases: 256,
            failure_persistence: None,
            max_shrink_iters: 4096,
            ..Config::default()
        });
        let result = runner.run(&input(seeds.len()), |input| {
            let data = bytes_of(&input, &seeds);
            run_one(&data).map_err(TestCaseError::fail)
        });
        match result {
            Ok(()) => {}
            Err(TestError::Fail(why, input)) => {
                let data = bytes_of(&input, &seeds);
                let saved = save_artifact(target, &data)
                    .map_or_else(String::new, |p| format!("\nsaved as {}", p.display()));
                let how = match &input {
                    Input::Mutated { seed, rounds, tape } => {
                        format!("\nmade from seed {seed} by {rounds} mutation(s), tape {tape:?}")
                    }
                    Input::Bytes(_) | Input::Built(_) => String::new(),
                };
                eprintln!(
                    "{target}: FAILED after {} executions: {why}{how}\ninput {}{saved}",
                    executed.load(Ordering::Relaxed),
                    show(&data)
                );
                return ExitCode::FAILURE;
            }
            Err(TestError::Abort(why)) => {
                eprintln!("{target}: proptest aborted: {why}");
                return ExitCode::FAILURE;
            }
        }
        if started.elapsed() >= next_pulse {
            next_pulse += Duration::from_secs(PULSE_SECONDS);
            eprintln!(
                "#{} pulse exec/s: {:.0}",
                executed.load(Ordering::Relaxed),
                executed.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    let total = executed.load(Ordering::Relaxed);
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("#{total} DONE (proptest fallback)");
    eprintln!("stat::number_of_executed_units: {total}");
    eprintln!(
        "stat::average_exec_per_sec:     {:.0}",
        total as f64 / seconds.max(1e-9)
    );
    eprintln!("stat::run_time_seconds:         {seconds:.0}");
    ExitCode::SUCCESS
}
