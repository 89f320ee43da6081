//! What the CLI tests share: running the binary, and temporary folders.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_netwerkscan"))
}

/// The repository root (the CLI crate lives in `cli/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

pub fn examples() -> PathBuf {
    root().join("examples")
}

pub fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[track_caller]
pub fn assert_no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
}

/// A fresh temporary folder, removed again when the test ends.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "netwerkscan-cli-test-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    pub fn write(&self, file: &str, text: &str) -> PathBuf {
        let p = self.path(file);
        fs::write(&p, text).expect("write");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The folder of the version 1 fixtures: the five examples as instrument 1 had them.
pub fn v1_fixtures() -> PathBuf {
    root().join("core/tests/fixtures/v1")
}

/// `actual` is the number `expected` (to 1e-12: the hand-computed fractions are exact).
#[track_caller]
pub fn close(actual: &serde_json::Value, expected: f64, what: &str) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected a number, found {actual}"));
    assert!(
        (a - expected).abs() < 1e-12,
        "{what}: expected {expected}, found {a}"
    );
}

/// Runs a command that must succeed without a word on stderr beyond `stderr_ok`, and
/// reads its stdout as JSON.
#[track_caller]
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert_no_panic(&o);
    serde_json::from_str(&stdout(&o)).expect("stdout is JSON")
}

/// A line with its runs of spaces made one: tables are compared on their content,
/// not on the width of their columns.
pub fn squash(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fails unless some line of `out`, squashed, is `expected`.
#[track_caller]
pub fn assert_line(out: &str, expected: &str) {
    assert!(
        out.lines().any(|l| squash(l) == expected),
        "no line {expected:?} in\n{out}"
    );
}

/// The example file `name` as JSON.
pub fn example(name: &str) -> serde_json::Value {
    let text = fs::read_to_string(examples().join(name)).expect("read");
    serde_json::from_str(&text).expect("JSON")
}

/// The built-in instrument as JSON, to make a trainer's instrument from.
pub fn builtin_instrument() -> serde_json::Value {
    serde_json::from_str(netwerkregie::Instrument::builtin_json()).expect("JSON")
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
