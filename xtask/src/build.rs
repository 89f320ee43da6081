//! `cargo xtask build`: the widget (`dist/widget/`), the site (`dist/site/`) and the
//! single offline file (`dist/netwerkscan.html`).
//!
//! The wasm crate is compiled twice for wasm32 (the small `first` module and the `full`
//! one), wasm-bindgen writes each module's JavaScript glue to `www/pkg/`, wasm-opt
//! shrinks them, and `www/build.mjs` bundles the page's ES modules with esbuild. Every
//! text file and the wasm of the site get a `gzip -9` sibling (`netwerk-scan.js.gz`),
//! as a real static host would send them; `xtask serve` sends those to clients that
//! accept gzip. Any static file server can then serve `dist/site/`, and `dist/widget/`
//! can be copied into any site.

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
        if fs::read_to_string(cache.join("key")).ok().as_deref() == Some(key.as_str()) {
            eprintln!(
                "build: {name}: the wasm is unchanged; reusing wasm-bindgen's and wasm-opt's output"
            );
        } else {
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
        }
        copy_tree(&cache, &pkg)
            .map_err(|e| format!("cannot copy {} to www/pkg/: {e}", cache.display()))?;
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
    precompress(&site)?;
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

/// The files that get a precompressed `.gz` sibling: text and the wasm.
pub const COMPRESSED_EXTENSIONS: [&str; 7] =
    ["html", "js", "css", "wasm", "json", "svg", "webmanifest"];

/// Whether `path` is one of the files [`precompress`] compresses.
fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Writes `FILE.gz` beside every compressible file below `dir` with the system's
/// `gzip -9 -k -n` (no name or time stamp in it, so the same file gives the same
/// bytes), replacing an older one. Without gzip it says so and leaves the site as it
/// is: `xtask serve` then sends the plain files. Returns how many files it compressed.
pub fn precompress(dir: &Path) -> Result<usize> {
    let mut files = Vec::new();
    collect_files(dir, &mut files).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    files.retain(|path| compressible(path));
    files.sort();
    if files.is_empty() {
        return Ok(0);
    }
    let Some(gzip) = tools::find("gzip") else {
        eprintln!(
            "build: note: no gzip on PATH, so no .gz files: `xtask serve` sends every file \
             uncompressed (apt-get install gzip)"
        );
        return Ok(0);
    };
    tools::run(
        Command::new(gzip)
            .args(["-9", "-k", "-n", "-f", "--"])
            .args(&files),
    )?;
    let (raw, gz) = files.iter().fold((0, 0), |(raw, gz), file| {
        let size = |path: &Path| fs::metadata(path).map_or(0, |m| m.len());
        let mut sibling = file.clone().into_os_string();
        sibling.push(".gz");
        (raw + size(file), gz + size(Path::new(&sibling)))
    });
    eprintln!(
        "build: precompressed {} files: {} raw, {} as .gz",
        files.len(),
        kib(raw),
        kib(gz)
    );
    Ok(files.len())
}

/// Every regular file below `dir`, symlinks not followed.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_files(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
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
    fn precompresses_text_and_wasm_only() {
        let base = std::env::temp_dir().join(format!("xtask-gzip-{}", std::process::id()));
        fs::create_dir_all(base.join("pkg")).expect("create");
        let text = "<p>Netwerkscan</p>\n".repeat(50);
        for name in [
            "index.html",
            "app.js",
            "style.css",
            "pkg/x_bg.wasm",
            "site.webmanifest",
        ] {
            fs::write(base.join(name), &text).expect("write");
        }
        fs::write(base.join("logo.png"), &text).expect("write");
        fs::write(base.join("old.js.gz"), b"old").expect("write");
        if tools::find("gzip").is_none() {
            assert_eq!(precompress(&base), Ok(0));
            fs::remove_dir_all(&base).expect("clean up");
            return;
        }
        assert_eq!(precompress(&base), Ok(5));
        for name in [
            "index.html",
            "app.js",
            "style.css",
            "pkg/x_bg.wasm",
            "site.webmanifest",
        ] {
            let gz = fs::read(base.join(format!("{name}.gz"))).expect("a .gz sibling");
            assert_eq!(&gz[..2], b"\x1f\x8b", "{name}");
            assert!(gz.len() < text.len() / 5, "{name}");
            assert!(base.join(name).is_file(), "{name} is kept");
        }
        assert!(!base.join("logo.png.gz").exists());
        assert!(!base.join("old.js.gz.gz").exists());
        // Again: the same bytes (no name, no time stamp), existing siblings replaced.
        let first = fs::read(base.join("app.js.gz")).expect("read");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(precompress(&base), Ok(5));
        assert_eq!(fs::read(base.join("app.js.gz")).expect("read"), first);
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
