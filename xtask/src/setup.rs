//! `cargo xtask setup`: installs whatever the build and the tests need and is missing.
//!
//! Every check is cheap, so a second run on a complete machine takes well under a
//! second and installs nothing. Nothing here downloads a browser of its own: Chromium
//! and chromedriver come from Debian, and npm runs with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD.
//! The bench's DuckDB comes from PyPI into a venv under `target/` ([`duckdb`]), made
//! only by `cargo xtask bench` and only when it is missing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::tools;
use crate::Result;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const COMPONENTS: [&str; 2] = ["rustfmt", "clippy"];

/// How long to wait for a `cargo install wasm-bindgen-cli` that something else started.
const FOREIGN_INSTALL_PATIENCE: Duration = Duration::from_secs(15 * 60);

/// The browser and driver that the tests use, as found on PATH.
pub struct Browsers {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// Everything: what `build` needs, and the browsers for the tests and benchmarks.
pub fn run(root: &Path) -> Result<Browsers> {
    for_build(root)?;
    browsers()
}

/// What `cargo xtask build` (and so `serve`) needs: the wasm target, wasm-bindgen-cli
/// and the npm packages (wasm-opt, esbuild). Each check is cheap, so commands call this
/// every time and a complete machine loses well under a second.
pub fn for_build(root: &Path) -> Result {
    let started = Instant::now();
    rust_toolchain()?;
    wasm_bindgen_cli(root)?;
    npm_packages(root)?;
    eprintln!("setup: checked in {} ms", started.elapsed().as_millis());
    Ok(())
}

fn rust_toolchain() -> Result {
    if tools::find("rustup").is_none() {
        eprintln!(
            "setup: rustup not found; assuming the toolchain already has the {WASM_TARGET} \
             target, rustfmt and clippy"
        );
        return Ok(());
    }
    let targets = tools::probe(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed")?;
    if targets.lines().any(|line| line.trim() == WASM_TARGET) {
        eprintln!("setup: ok: rust target {WASM_TARGET}");
    } else {
        tools::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    let components =
        tools::probe(Command::new("rustup").args(["component", "list", "--installed"]))
            .ok_or("`rustup component list --installed` failed")?;
    let missing: Vec<&str> = COMPONENTS
        .into_iter()
        .filter(|name| !has_component(&components, name))
        .collect();
    if missing.is_empty() {
        eprintln!("setup: ok: rust components {}", COMPONENTS.join(", "));
    } else {
        tools::run(
            Command::new("rustup")
                .args(["component", "add"])
                .args(&missing),
        )?;
    }
    Ok(())
}

/// Whether `rustup component list --installed` lists `name` (as `name-<host triple>`).
fn has_component(listing: &str, name: &str) -> bool {
    listing.lines().map(str::trim).any(|line| {
        line == name
            || line
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// wasm-bindgen-cli must match the `wasm-bindgen` crate exactly: the CLI refuses to
/// process a module made by another version.
fn wasm_bindgen_cli(root: &Path) -> Result {
    let version = locked_wasm_bindgen(root)?;
    if wasm_bindgen_cli_is(&version) {
        eprintln!("setup: ok: wasm-bindgen-cli {version}");
        return Ok(());
    }
    wait_for_foreign_install("wasm-bindgen-cli")?;
    if wasm_bindgen_cli_is(&version) {
        eprintln!("setup: ok: wasm-bindgen-cli {version}");
        return Ok(());
    }
    // Not `--locked`: one of the CLI's locked dependencies is no longer served, and
    // the version pin on the CLI itself is what has to match.
    eprintln!("setup: installing wasm-bindgen-cli {version} (takes a few minutes)");
    tools::run(tools::cargo(root).args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    if wasm_bindgen_cli_is(&version) {
        Ok(())
    } else {
        Err(format!(
            "installed wasm-bindgen-cli {version}, but `wasm-bindgen --version` on PATH still \
             says {:?}; put ~/.cargo/bin first on PATH",
            tools::probe(Command::new("wasm-bindgen").arg("--version"))
        ))
    }
}

/// Both programs of wasm-bindgen-cli that we use answer `--version` with `version`.
fn wasm_bindgen_cli_is(version: &str) -> bool {
    ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .into_iter()
        .all(|program| {
            tools::probe(Command::new(program).arg("--version"))
                .is_some_and(|out| out == format!("{program} {version}"))
        })
}

/// The one version of the `wasm-bindgen` package in Cargo.lock (made if missing).
fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    if !lock_path.exists() {
        tools::run(tools::cargo(root).arg("generate-lockfile"))?;
    }
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    match locked_versions(&lock, "wasm-bindgen").as_slice() {
        [version] => Ok(version.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package".to_owned()),
        several => Err(format!(
            "Cargo.lock has several `wasm-bindgen` versions ({}); pin one",
            several.join(", ")
        )),
    }
}

/// The versions of package `name` in a Cargo.lock text. Each `[[package]]` table
/// starts with `name = "..."` followed by `version = "..."`.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current_name: Option<&str> = None;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            current_name = None;
        } else if let Some(value) = toml_string(line, "name") {
            current_name = Some(value);
        } else if let Some(value) = toml_string(line, "version") {
            if current_name == Some(name) {
                versions.push(value.to_owned());
            }
        }
    }
    versions
}

/// The value of a `key = "value"` line.
fn toml_string<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
    rest.trim().strip_prefix('"')?.strip_suffix('"')
}

/// Waits while another process runs `cargo install <package>` (a second install of the
/// same package would only fight it for the lock).
fn wait_for_foreign_install(package: &str) -> Result {
    let Some(pid) = foreign_install(package) else {
        return Ok(());
    };
    eprintln!("setup: another `cargo install {package}` is running (pid {pid}); waiting for it");
    let start = Instant::now();
    while foreign_install(package).is_some() {
        if start.elapsed() > FOREIGN_INSTALL_PATIENCE {
            return Err(format!(
                "gave up after {} minutes waiting for `cargo install {package}` (pid {pid})",
                FOREIGN_INSTALL_PATIENCE.as_secs() / 60
            ));
        }
        thread::sleep(Duration::from_secs(5));
    }
    Ok(())
}

/// The pid of a running `cargo install <package>`, read from /proc so that fresh
/// machines need no procps.
fn foreign_install(package: &str) -> Option<u32> {
    let needle = format!("cargo install {package}");
    let own = std::process::id();
    fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        if pid == own {
            return None;
        }
        let cmdline = fs::read(entry.path().join("cmdline")).ok()?;
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        cmdline.contains(&needle).then_some(pid)
    })
}

/// The toolchain rustup calls `nightly`, when it is installed. Nothing here installs
/// one: a machine without nightly fuzzes with the proptest fallback.
pub fn nightly() -> bool {
    tools::find("rustup").is_some()
        && tools::probe(Command::new("rustup").args(["toolchain", "list"]))
            .is_some_and(|list| has_nightly(&list))
}

/// Whether `rustup toolchain list` output names a nightly toolchain.
fn has_nightly(listing: &str) -> bool {
    listing
        .lines()
        .any(|line| line.trim_start().starts_with("nightly"))
}

/// What `cargo xtask fuzz` needs for libFuzzer: cargo-fuzz, installed when missing
/// (only where nightly is, as nothing else can run it). Returns whether libFuzzer can
/// be used.
pub fn fuzzing(root: &Path) -> Result<bool> {
    let started = Instant::now();
    if !nightly() {
        eprintln!(
            "setup: no nightly toolchain (`rustup toolchain list`): fuzzing uses the \
             proptest fallback; cargo-fuzz is not installed"
        );
        return Ok(false);
    }
    if cargo_fuzz_works() {
        eprintln!("setup: ok: cargo-fuzz");
    } else {
        wait_for_foreign_install("cargo-fuzz")?;
        if !cargo_fuzz_works() {
            // Not `--locked`, for the same reason as wasm-bindgen-cli: a locked
            // dependency may no longer be served.
            eprintln!("setup: installing cargo-fuzz (takes a few minutes)");
            tools::run(tools::cargo(root).args(["install", "cargo-fuzz"]))?;
            if !cargo_fuzz_works() {
                return Err(
                    "installed cargo-fuzz, but `cargo-fuzz --version` still fails; put \
                     ~/.cargo/bin first on PATH"
                        .to_owned(),
                );
            }
        }
    }
    eprintln!(
        "setup: fuzzing checked in {} ms",
        started.elapsed().as_millis()
    );
    Ok(true)
}

fn cargo_fuzz_works() -> bool {
    tools::probe(Command::new("cargo-fuzz").arg("--version")).is_some()
}

fn browsers() -> Result<Browsers> {
    if let (Some(chromium), Some(chromedriver)) =
        (tools::find("chromium"), tools::find("chromedriver"))
    {
        eprintln!(
            "setup: ok: {} and {}",
            chromium.display(),
            chromedriver.display()
        );
        return Ok(Browsers {
            chromium,
            chromedriver,
        });
    }
    eprintln!("setup: installing Debian's chromium and chromium-driver");
    let sudo = !is_root() && tools::find("sudo").is_some();
    let apt = |args: &[&str]| {
        let mut command = if sudo {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        } else {
            Command::new("apt-get")
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    tools::run(&mut apt(&["update"]))?;
    tools::run(&mut apt(&["install", "-y", "chromium", "chromium-driver"]))?;
    Ok(Browsers {
        chromium: tools::require(
            "chromium",
            "Debian's chromium package installs /usr/bin/chromium",
        )?,
        chromedriver: tools::require(
            "chromedriver",
            "Debian's chromium-driver package installs /usr/bin/chromedriver",
        )?,
    })
}

/// The venv of the bench's DuckDB anchor, `target/bench/venv`, with the `duckdb`
/// package from PyPI at `version`: made, or filled, only when it is missing. Returns
/// the venv's python.
pub fn duckdb(root: &Path, version: &str) -> Result<PathBuf> {
    let venv = crate::build::target_dir(root).join("bench").join("venv");
    let python = venv.join("bin").join("python");
    let has = |python: &Path| {
        tools::probe(Command::new(python).args(["-c", "import duckdb; print(duckdb.__version__)"]))
            .is_some_and(|found| found == version)
    };
    if has(&python) {
        eprintln!("setup: ok: duckdb {version} in {}", venv.display());
        return Ok(python);
    }
    if !python.exists() {
        let python3 = tools::require("python3", "install Python 3 (apt-get install python3)")?;
        tools::run(Command::new(python3).args(["-m", "venv"]).arg(&venv)).map_err(|e| {
            format!(
                "{e}; on Debian the venv module is in python3-venv (apt-get install python3-venv)"
            )
        })?;
    }
    tools::run(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg(format!("duckdb=={version}")),
    )?;
    if has(&python) {
        Ok(python)
    } else {
        Err(format!(
            "installed duckdb {version} in {}, but it does not import",
            venv.display()
        ))
    }
}

fn is_root() -> bool {
    tools::probe(Command::new("id").arg("-u")).is_some_and(|uid| uid == "0")
}

/// `npm ci` when node_modules is missing or older than package-lock.json. npm writes
/// `node_modules/.package-lock.json` last, so its age is the age of the install.
fn npm_packages(root: &Path) -> Result {
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let complete = [
        "node_modules/.bin/wasm-opt",
        "node_modules/playwright-core",
        "node_modules/.bin/lighthouse",
    ]
    .iter()
    .all(|path| root.join(path).exists());
    if complete && modified(&installed) >= modified(&lock) {
        eprintln!("setup: ok: node_modules matches package-lock.json");
        return Ok(());
    }
    let npm = tools::require(
        "npm",
        "install Node.js and npm (apt-get install nodejs npm)",
    )?;
    tools::run(
        Command::new(npm)
            .current_dir(root)
            .args(["ci", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            // Lighthouse brings puppeteer-core, which downloads nothing; this makes
            // sure no puppeteer ever does.
            .env("PUPPETEER_SKIP_DOWNLOAD", "1"),
    )
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|meta| meta.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::{has_component, has_nightly, locked_versions, toml_string};

    const LOCK: &str = r#"
# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
]

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.129"

[[package]]
name = "netwerkregie"
version = "0.1.0"
"#;

    #[test]
    fn finds_the_locked_version_of_a_package_only() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), ["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "netwerkregie"), ["0.1.0"]);
        assert!(locked_versions(LOCK, "wasm").is_empty());
    }

    #[test]
    fn reads_toml_strings() {
        assert_eq!(toml_string(r#"name = "x""#, "name"), Some("x"));
        assert_eq!(toml_string(r#"name="x""#, "name"), Some("x"));
        assert_eq!(toml_string(r#"names = "x""#, "name"), None);
        assert_eq!(toml_string("version = 4", "version"), None);
    }

    #[test]
    fn recognises_a_nightly_toolchain() {
        let listing = "stable-x86_64-unknown-linux-gnu (active, default)\n\
                       nightly-x86_64-unknown-linux-gnu\n1.95.0-x86_64-unknown-linux-gnu\n";
        assert!(has_nightly(listing));
        assert!(!has_nightly("stable-x86_64-unknown-linux-gnu (default)\n"));
        assert!(!has_nightly(""));
    }

    #[test]
    fn recognises_installed_components() {
        let listing = "cargo-x86_64-unknown-linux-gnu\nclippy-x86_64-unknown-linux-gnu\n\
                       rust-docs-x86_64-unknown-linux-gnu\n";
        assert!(has_component(listing, "clippy"));
        assert!(!has_component(listing, "rustfmt"));
    }
}
