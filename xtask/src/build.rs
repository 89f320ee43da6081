//! `cargo xtask build`: the widget (`dist/widget/`), the site (`dist/site/`) and the
//! single offline file (`dist/netwerkscan.html`).
//!
//! The wasm crate is compiled twice for wasm32 (the small `first` module and the `full`
//! one), wasm-bindgen writes each module's JavaScript glue to `www/pkg/`, wasm-opt
//! shrinks them, and `www/build.mjs` bundles the page's ES modules with esbuild. Any
//! static file server can then serve `dist/site/`, and `dist/widget/` can be copied
//! into any site.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;
use crate::{setup, tools};

const WASM_CRATE: &str = "netwerkscan-wasm";
const WASM_LIB: &str = "netwerkscan_wasm";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// wasm-opt's feature switches. Rust 1.87 and later build wasm32-unknown-unknown with
/// bulk-memory, multivalue, mutable-globals, nontrapping-fptoint, reference-types and
/// sign-ext on (`rustc --print cfg --target wasm32-unknown-unknown`), so wasm-opt has to
/// accept the same set: its default is the MVP and, with the `target_features` section
/// stripped by `strip = true`, it cannot tell from the module itself. Binaryen splits
/// bulk memory in two (`memory.copy`/`memory.fill` are "bulk-memory-opt").
pub const WASM_OPT_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];

/// Which cargo profile the wasm is built with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// `--profile wasm-release` (size settings from the root manifest), then wasm-opt.
    Release,
    /// The debug profile and no wasm-opt: quick to rebuild while working on the page.
    Dev,
}

impl Profile {
    pub fn from_dev_flag(dev: bool) -> Self {
        if dev {
            Self::Dev
        } else {
            Self::Release
        }
    }

    fn target_subdir(self) -> &'static str {
        match self {
            Self::Release => "wasm-release",
            Self::Dev => "debug",
        }
    }
}

/// The directory the site is built into.
pub fn site_dir(root: &Path) -> PathBuf {
    root.join("dist").join("site")
}

/// The two builds of the wasm crate: (name, cargo features). `first` draws the page's
/// first chart; `full` is everything else.
const WASM_BUILDS: [(&str, &[&str]); 2] = [
    ("first", &["--no-default-features", "--features", "first"]),
    ("full", &[]),
];

/// Builds everything `www/build.mjs` bundles: both wasm modules into `www/pkg/`, then
/// the widget, the site and the single file into `dist/`. Returns the site's directory.
pub fn run(root: &Path, profile: Profile) -> Result<PathBuf> {
    setup::for_build(root)?;
    let site = site_dir(root);
    let pkg = root.join("www").join("pkg");
    if pkg.exists() {
        fs::remove_dir_all(&pkg)
            .map_err(|e| format!("cannot remove the stale {}: {e}", pkg.display()))?;
    }
    let wasm_bindgen = tools::require("wasm-bindgen", "run `cargo xtask setup`")?;
    for (name, features) in WASM_BUILDS {
        let mut cargo = tools::cargo(root);
        cargo.args(["build", "-p", WASM_CRATE, "--target", WASM_TARGET]);
        cargo.args(features);
        if profile == Profile::Release {
            cargo.args(["--profile", "wasm-release"]);
        }
        tools::run(&mut cargo)?;
        let wasm = target_dir(root)
            .join(WASM_TARGET)
            .join(profile.target_subdir())
            .join(format!("{WASM_LIB}.wasm"));
        // wasm-bindgen and wasm-opt take most of a build that changed only JavaScript:
        // their output is kept per input and reused while the input is the same.
        let cache = target_dir(root).join("wasm-cache").join(name);
        let key = cache_key(&wasm, profile)?;
        let module = cache.join(format!("{name}_bg.wasm"));
        if fs::read_to_string(cache.join("key")).ok().as_deref() != Some(key.as_str()) {
            if cache.exists() {
                fs::remove_dir_all(&cache)
                    .map_err(|e| format!("cannot clear {}: {e}", cache.display()))?;
            }
            tools::run(
                Command::new(&wasm_bindgen)
                    .args(["--target", "web", "--out-name", name, "--out-dir"])
                    .arg(&cache)
                    .arg(&wasm),
            )?;
            if profile == Profile::Release {
                optimize(root, &module)?;
            }
            fs::write(cache.join("key"), &key)
                .map_err(|e| format!("cannot write {}: {e}", cache.display()))?;
        } else {
            eprintln!("build: {name}: the wasm is unchanged; reusing wasm-bindgen's and wasm-opt's output");
        }
        copy_tree(&cache, &pkg).map_err(|e| format!("cannot copy {} to www/pkg/: {e}", cache.display()))?;
        let _ = fs::remove_file(pkg.join("key"));
        report_size(&module)?;
    }

    let node = tools::require("node", "install Node.js (apt-get install nodejs)")?;
    let mut bundle = Command::new(node);
    bundle
        .current_dir(root)
        .arg(root.join("www").join("build.mjs"));
    if profile == Profile::Dev {
        bundle.arg("--dev");
    }
    tools::run(&mut bundle)?;
    if !site.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html after the build",
            site.display()
        ));
    }
    eprintln!("build: site ready in {}", site.display());
    Ok(site)
}

/// Where cargo puts its output: `CARGO_TARGET_DIR` if set, else `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// What the processed module depends on: the compiled wasm's bytes and the profile.
fn cache_key(wasm: &Path, profile: Profile) -> Result<String> {
    use std::hash::{Hash, Hasher};
    let bytes = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    Ok(format!("{:?} {} {:016x}", profile, bytes.len(), h.finish()))
}

/// Runs wasm-opt -Oz on `module`, in place.
fn optimize(root: &Path, module: &Path) -> Result {
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing; run `cargo xtask setup`",
            wasm_opt.display()
        ));
    }
    let optimized = module.with_extension("opt.wasm");
    tools::run(
        Command::new(&wasm_opt)
            .arg("-Oz")
            .args(WASM_OPT_FEATURES)
            .args([
                "--strip-debug",
                "--strip-producers",
                "--strip-target-features",
            ])
            .arg("-o")
            .arg(&optimized)
            .arg(module),
    )?;
    fs::rename(&optimized, module).map_err(|e| format!("cannot replace {}: {e}", module.display()))
}

/// Copies the files below `from` into `to`, creating directories as needed.
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if fs::metadata(&source)?.is_dir() {
            copy_tree(&source, &target)?;
        } else {
            fs::copy(&source, &target)?;
        }
    }
    Ok(())
}

/// Prints the module's size as shipped and as it travels gzipped (`gzip -9`, when
/// gzip is installed).
fn report_size(module: &Path) -> Result {
    let raw = fs::metadata(module)
        .map_err(|e| format!("cannot read {}: {e}", module.display()))?
        .len();
    let gzipped = tools::find("gzip").and_then(|gzip| {
        let output = Command::new(gzip)
            .args(["-9", "-c"])
            .arg(module)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then_some(output.stdout.len() as u64)
    });
    let name = module
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match gzipped {
        Some(gz) => eprintln!(
            "build: {name}: {raw} bytes ({}), {gz} bytes gzipped ({})",
            kib(raw),
            kib(gz)
        ),
        None => eprintln!(
            "build: {name}: {raw} bytes ({}); no gzip to measure",
            kib(raw)
        ),
    }
    Ok(())
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_nested_trees() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let from = base.join("from");
        fs::create_dir_all(from.join("css/deep")).expect("create");
        fs::write(from.join("index.html"), "<p>hi</p>").expect("write");
        fs::write(from.join("css/deep/a.css"), "p{}").expect("write");
        let to = base.join("to");
        copy_tree(&from, &to).expect("copy");
        let read = |path: &str| fs::read_to_string(to.join(path)).expect("read");
        assert_eq!(read("index.html"), "<p>hi</p>");
        assert_eq!(read("css/deep/a.css"), "p{}");
        fs::remove_dir_all(&base).expect("clean up");
    }

    #[test]
    fn dev_builds_use_the_debug_profile() {
        assert_eq!(Profile::from_dev_flag(true).target_subdir(), "debug");
        assert_eq!(
            Profile::from_dev_flag(false).target_subdir(),
            "wasm-release"
        );
    }
}

#[cfg(test)]
mod profile_tests {
    use std::path::Path;

    /// The `[profile.NAME]` table of the root manifest, as `key = value` lines.
    fn profile(manifest: &str, name: &str) -> Vec<String> {
        let header = format!("[profile.{name}]");
        manifest
            .lines()
            .skip_while(|line| line.trim() != header)
            .skip(1)
            .take_while(|line| !line.trim_start().starts_with('['))
            .map(|line| line.split('#').next().unwrap_or("").replace(' ', ""))
            .filter(|line| !line.is_empty())
            .collect()
    }

    #[test]
    fn release_is_for_native_users_and_the_wasm_has_its_own_profile() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("root manifest");
        let release = profile(&manifest, "release");
        assert!(release.contains(&"opt-level=3".to_owned()), "{release:?}");
        assert!(
            !release.iter().any(|l| l.starts_with("panic=")),
            "release must unwind on a panic: {release:?}"
        );
        let wasm = profile(&manifest, "wasm-release");
        for line in ["inherits=\"release\"", "opt-level=\"z\"", "panic=\"abort\""] {
            assert!(wasm.contains(&line.to_owned()), "{line} in {wasm:?}");
        }
        assert_eq!(super::Profile::Release.target_subdir(), "wasm-release");
    }
}
