//! `cargo xtask test`: everything CI checks, in order, stopping at the first failure.
//!
//! It is the one command `.ci/run` runs, on a fresh machine, so it starts with `setup`.
//! Each step prints a header; a failure names the step; the end prints the timings.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::build::{self, Profile};
use crate::fuzz;
use crate::setup::{self, Browsers};
use crate::tools;
use crate::Result;

const STEPS: usize = 12;

/// The wasm-bindgen-test runner waits this long (seconds) for a test; its default of
/// 20 is short for a cold Chromium on a two-core CI machine.
const WASM_TEST_TIMEOUT: &str = "120";

pub fn run(root: &Path) -> Result {
    let mut steps = Steps::default();
    let result = all_steps(root, &mut steps);
    steps.summary(result.is_ok());
    result
}

fn all_steps(root: &Path, steps: &mut Steps) -> Result {
    let mut browsers = None;

    steps.run("setup (cargo xtask setup)", || {
        browsers = Some(setup::run(root)?);
        Ok(Outcome::Passed)
    })?;
    let Some(browsers) = browsers else {
        return Err("setup found no browser".to_owned());
    };
    steps.cargo(root, "formatting", &["fmt", "--all", "--", "--check"])?;
    steps.cargo(
        root,
        "clippy, native",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    steps.cargo(
        root,
        "clippy, wasm32",
        &[
            "clippy",
            "-p",
            "netwerkscan-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            // Both builds of the crate: the small first-chart module and the full one.
            "--features",
            "first",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    steps.run("documentation (cargo doc, warnings denied)", || {
        // A doc link to nothing, or to a private item, is a warning only rustdoc sees.
        tools::run(
            tools::cargo(root)
                .args(["doc", "--workspace", "--no-deps"])
                .env("RUSTDOCFLAGS", "-D warnings"),
        )?;
        Ok(Outcome::Passed)
    })?;
    steps.cargo(
        root,
        "core builds for wasm32",
        &[
            "build",
            "-p",
            "netwerkregie",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    steps.cargo(root, "native tests", &["test", "--workspace"])?;
    steps.run("wasm binding tests in headless Chromium", || {
        wasm_tests(root, &browsers)
    })?;
    let mut site = PathBuf::new();
    steps.run("site build (cargo xtask build)", || {
        site = build::run(root, Profile::Release)?;
        Ok(Outcome::Passed)
    })?;
    steps.cargo(root, "CLI build", &["build", "-p", "netwerkscan"])?;
    steps.run("browser end-to-end tests", || {
        end_to_end(root, &site, &browsers)
    })?;
    // Last: the longest step, and a crash here is about inputs nobody wrote by hand.
    steps.run(
        &format!("fuzzing (cargo xtask fuzz --time {})", fuzz::CI_SECONDS),
        || {
            // The fuzz crate's own tests first (its reference readers, its dictionary
            // against the vocabulary): it is a workspace of its own, outside `--workspace`.
            tools::run(tools::cargo(root).args([
                "test".as_ref(),
                "--manifest-path".as_ref(),
                root.join("fuzz").join("Cargo.toml").as_os_str(),
            ]))?;
            let stats = fuzz::run(root, &fuzz::Options::ci())?;
            Ok(Outcome::Detail(
                stats
                    .iter()
                    .map(fuzz::Stats::summary)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ))
        },
    )
}

/// `#[wasm_bindgen_test]`s of the binding, run by wasm-bindgen-test-runner through
/// chromedriver. The runner reads Chromium's arguments from `wasm/webdriver.json`
/// and adds its own `headless`, `no-sandbox` and `disable-dev-shm-usage` to them.
fn wasm_tests(root: &Path, browsers: &Browsers) -> Result<Outcome> {
    let crate_dir = root.join("wasm");
    let webdriver_json = crate_dir.join("webdriver.json");
    if !webdriver_json.is_file() {
        return Err(format!(
            "{} is missing: Chromium would start without the arguments this machine needs",
            webdriver_json.display()
        ));
    }
    tools::run(
        tools::cargo(&crate_dir)
            .args([
                "test",
                "-p",
                "netwerkscan-wasm",
                "--target",
                "wasm32-unknown-unknown",
                "--features",
                "first",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", &browsers.chromedriver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", WASM_TEST_TIMEOUT)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json),
    )?;
    Ok(Outcome::Passed)
}

/// The page in a real browser: node's test runner with playwright-core, one file at a
/// time. The tests start `xtask serve --no-build --port 0` themselves.
fn end_to_end(root: &Path, site: &Path, browsers: &Browsers) -> Result<Outcome> {
    let tests = end_to_end_tests(&root.join("tests").join("e2e"));
    if tests.is_empty() {
        return Ok(Outcome::Skipped(
            "tests/e2e/ has no *.test.mjs yet".to_owned(),
        ));
    }
    let cli = build::target_dir(root).join("debug").join("netwerkscan");
    if !cli.is_file() {
        return Err(format!("the CLI build left no {}", cli.display()));
    }
    let xtask =
        std::env::current_exe().map_err(|e| format!("cannot find the xtask binary itself: {e}"))?;
    let node = tools::require("node", "install Node.js (apt-get install nodejs)")?;
    tools::run(
        Command::new(node)
            .current_dir(root)
            .args(["--test", "--test-concurrency=1"])
            .args(&tests)
            .env("NETWERKSCAN_BIN", &cli)
            .env("NETWERKSCAN_SITE", site)
            .env("XTASK_BIN", &xtask)
            .env("CHROMIUM", &browsers.chromium)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    Ok(Outcome::Passed)
}

/// The `*.test.mjs` files directly in `dir`, sorted, as paths relative to the root.
fn end_to_end_tests(dir: &Path) -> Vec<OsString> {
    let mut tests: Vec<OsString> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name())
                .filter(|name| name.to_string_lossy().ends_with(".test.mjs"))
                .map(|name| Path::new("tests").join("e2e").join(name).into_os_string())
                .collect()
        })
        .unwrap_or_default();
    tests.sort();
    tests
}

enum Outcome {
    Passed,
    /// Passed, with lines worth repeating in the summary (such as fuzzing statistics).
    Detail(String),
    Skipped(String),
}

/// Numbers, times and reports the steps.
struct Steps {
    started: Instant,
    done: Vec<(String, Duration, Outcome)>,
}

impl Default for Steps {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            done: Vec::new(),
        }
    }
}

impl Steps {
    fn run(&mut self, name: &str, step: impl FnOnce() -> Result<Outcome>) -> Result {
        let number = self.done.len() + 1;
        eprintln!("\n==> [{number}/{STEPS}] {name}");
        let started = Instant::now();
        let outcome = step().map_err(|e| {
            format!(
                "step {number}/{STEPS} `{name}` failed after {}: {e}",
                human(started.elapsed())
            )
        })?;
        let elapsed = started.elapsed();
        match &outcome {
            Outcome::Passed | Outcome::Detail(_) => {
                eprintln!("<== [{number}/{STEPS}] {name}: ok ({})", human(elapsed));
            }
            Outcome::Skipped(why) => eprintln!("<== [{number}/{STEPS}] {name}: SKIPPED: {why}"),
        }
        self.done.push((name.to_owned(), elapsed, outcome));
        Ok(())
    }

    fn cargo(&mut self, root: &Path, name: &str, args: &[&str]) -> Result {
        self.run(name, || {
            tools::run(tools::cargo(root).args(args))?;
            Ok(Outcome::Passed)
        })
    }

    fn summary(&self, success: bool) {
        eprintln!("\n==> summary");
        let mut skipped = 0;
        for (number, (name, elapsed, outcome)) in self.done.iter().enumerate() {
            let result = match outcome {
                Outcome::Passed | Outcome::Detail(_) => format!("ok       {:>9}", human(*elapsed)),
                Outcome::Skipped(why) => {
                    skipped += 1;
                    format!("skipped  ({why})")
                }
            };
            eprintln!("  [{:>2}/{STEPS}] {name:<42} {result}", number + 1);
            if let Outcome::Detail(lines) = outcome {
                for line in lines.lines() {
                    eprintln!("          {line}");
                }
            }
        }
        let passed = self.done.len() - skipped;
        let failed = if success {
            String::new()
        } else {
            format!(", step {} FAILED", self.done.len() + 1)
        };
        eprintln!(
            "xtask test: {passed} of {STEPS} steps ok, {skipped} skipped{failed}; total time {}",
            human(self.started.elapsed())
        );
    }
}

/// `4m 05.2s` or `12.3s`.
fn human(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    if seconds < 60.0 {
        format!("{seconds:.1}s")
    } else {
        let minutes = (seconds / 60.0).floor();
        format!("{minutes:.0}m {:04.1}s", seconds - minutes * 60.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(human(Duration::from_millis(12_340)), "12.3s");
        assert_eq!(human(Duration::from_millis(245_200)), "4m 05.2s");
    }

    #[test]
    fn end_to_end_tests_are_the_test_mjs_files_in_order() {
        let dir = std::env::temp_dir().join(format!("xtask-e2e-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("create");
        for name in ["b.test.mjs", "a.test.mjs", "helpers.mjs", "notes.md"] {
            fs::write(dir.join(name), "").expect("write");
        }
        let found = end_to_end_tests(&dir);
        fs::remove_dir_all(&dir).expect("clean up");
        assert_eq!(
            found,
            [
                Path::new("tests/e2e/a.test.mjs").as_os_str(),
                Path::new("tests/e2e/b.test.mjs").as_os_str()
            ]
        );
        assert!(end_to_end_tests(Path::new("/nonexistent/e2e")).is_empty());
    }
}
