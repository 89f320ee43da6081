//! Netwerkscan's development tasks, run as `cargo xtask <command>` (the alias lives in
//! `.cargo/config.toml`).
//!
//! Every step that CI takes is a subcommand here, so it can be run locally the same way
//! (the cargo-xtask convention). `cargo xtask test` is the one command CI runs.
//!
//! Architecture Invariant: the xtask binary depends on nothing but std (its tests may
//! use the core crate). It has to compile in seconds on a fresh machine, before
//! `setup` has installed anything.

mod bench;
mod build;
mod fuzz;
mod serve;
mod setup;
mod test;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every fallible task returns a message that says what failed and, where it can,
/// what to do about it.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup                 Install what is missing: the wasm32 target, rustfmt, clippy,
                        wasm-bindgen-cli (the Cargo.lock version), Chromium and
                        chromedriver (apt), the npm packages (npm ci), and
                        cargo-fuzz where a nightly toolchain is.
  build [--dev]         Build the static site into dist/site/. --dev skips wasm-opt
                        and uses the debug profile.
  serve [--port N] [--no-build] [--dev] [--dir DIR] [--verbose] [--no-gzip]
                        Build, then serve dist/site/ on http://127.0.0.1:8000/.
                        --port 0 picks a free port; --dir serves DIR as it is,
                        without building; --verbose logs each request. Clients
                        that accept gzip get a file's .gz sibling (made by
                        build); --no-gzip always sends the plain file.
  test                  Everything CI runs, in order, failing fast (fuzzing each
                        target for 30 s at the end).
  fuzz [--time S] [--engine libfuzzer|proptest] [--sanitizer none|address] [TARGET...]
                        Run the fuzz targets of fuzz/fuzz_targets/ (all, or those
                        named), S seconds each (default 600): libFuzzer through
                        `cargo +nightly fuzz` when a nightly toolchain is installed
                        (cargo-fuzz is installed if missing), else the targets'
                        proptest fallback on stable. Fails on any crash.
  bench [--no-build] [--only PARTS]
                        Measure the release site against a Chart.js page in headless
                        Chromium (browser), the CLI against DuckDB over up to a
                        million responses (native), and the served site with
                        Lighthouse (lighthouse); writes BENCHMARKS.md with the
                        targets. --only browser,native,... measures those parts and
                        prints their Markdown without writing BENCHMARKS.md;
                        --no-build measures the existing dist/site/.
  help                  This text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: Vec<String>) -> Result {
    let mut args = Args::new(args);
    let Some(command) = args.command() else {
        eprint!("{USAGE}");
        return Err("no command given".to_owned());
    };
    let root = project_root();
    match command.as_str() {
        "setup" => {
            args.finish()?;
            setup::run(&root)?;
            setup::fuzzing(&root).map(drop)
        }
        "build" => {
            let dev = args.flag("--dev");
            args.finish()?;
            build::run(&root, build::Profile::from_dev_flag(dev)).map(drop)
        }
        "serve" => {
            let options = serve::Options {
                port: match args.value("--port")? {
                    Some(port) => port
                        .parse()
                        .map_err(|_| format!("--port: `{port}` is not a port number"))?,
                    None => serve::DEFAULT_PORT,
                },
                build: !args.flag("--no-build"),
                profile: build::Profile::from_dev_flag(args.flag("--dev")),
                dir: args.value("--dir")?.map(PathBuf::from),
                verbose: args.flag("--verbose"),
                gzip: !args.flag("--no-gzip"),
            };
            args.finish()?;
            serve::run(&root, &options)
        }
        "test" => {
            args.finish()?;
            test::run(&root)
        }
        "fuzz" => {
            let options = fuzz::Options {
                seconds: match args.value("--time")? {
                    Some(s) => s
                        .parse()
                        .map_err(|_| format!("--time: `{s}` is not a number of seconds"))?,
                    None => fuzz::DEFAULT_SECONDS,
                },
                engine: match args.value("--engine")?.as_deref() {
                    None => None,
                    Some("libfuzzer") => Some(fuzz::Engine::LibFuzzer),
                    Some("proptest") => Some(fuzz::Engine::Proptest),
                    Some(other) => {
                        return Err(format!("--engine: `{other}` is not libfuzzer or proptest"))
                    }
                },
                sanitizer: match args.value("--sanitizer")? {
                    None => "none".to_owned(),
                    Some(s) if s == "none" || s == "address" => s,
                    Some(other) => {
                        return Err(format!("--sanitizer: `{other}` is not none or address"))
                    }
                },
                targets: args.positional(),
            };
            args.finish()?;
            fuzz::run(&root, &options).map(drop)
        }
        "bench" => {
            let options = bench::Options {
                build: !args.flag("--no-build"),
                parts: match args.value("--only")? {
                    Some(list) => bench::Parts::parse(&list)?,
                    None => bench::Parts::ALL,
                },
            };
            args.finish()?;
            bench::run(&root, &options)
        }
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("{USAGE}");
            Err(format!("unknown command `{other}`"))
        }
    }
}

/// The repository root: xtask lives one level below it.
fn project_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// The command line after the subcommand: flags are taken out one by one and
/// `finish` rejects whatever is left, so a typo never passes silently.
struct Args {
    rest: Vec<String>,
}

impl Args {
    fn new(args: Vec<String>) -> Self {
        Self { rest: args }
    }

    fn command(&mut self) -> Option<String> {
        if self.rest.is_empty() {
            None
        } else {
            Some(self.rest.remove(0))
        }
    }

    /// Takes out a boolean flag such as `--dev`.
    fn flag(&mut self, name: &str) -> bool {
        let before = self.rest.len();
        self.rest.retain(|arg| arg != name);
        self.rest.len() != before
    }

    /// Takes out `--name VALUE` or `--name=VALUE`.
    fn value(&mut self, name: &str) -> Result<Option<String>> {
        let prefix = format!("{name}=");
        if let Some(i) = self.rest.iter().position(|arg| arg.starts_with(&prefix)) {
            let arg = self.rest.remove(i);
            return Ok(Some(arg[prefix.len()..].to_owned()));
        }
        let Some(i) = self.rest.iter().position(|arg| arg == name) else {
            return Ok(None);
        };
        if i + 1 >= self.rest.len() {
            return Err(format!("{name} needs a value"));
        }
        let value = self.rest.remove(i + 1);
        self.rest.remove(i);
        Ok(Some(value))
    }

    /// Takes out the arguments that are not options (such as target names).
    fn positional(&mut self) -> Vec<String> {
        let (positional, rest) = self.rest.drain(..).partition(|arg| !arg.starts_with('-'));
        self.rest = rest;
        positional
    }

    fn finish(self) -> Result {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "unexpected argument(s): {} (see `cargo xtask help`)",
                self.rest.join(" ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Args;

    fn args(list: &[&str]) -> Args {
        Args::new(list.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn flags_and_values_are_taken_out() {
        let mut a = args(&["serve", "--port", "0", "--no-build", "--dir=/tmp/x"]);
        assert_eq!(a.command().as_deref(), Some("serve"));
        assert!(a.flag("--no-build"));
        assert!(!a.flag("--dev"));
        assert_eq!(a.value("--port"), Ok(Some("0".to_owned())));
        assert_eq!(a.value("--dir"), Ok(Some("/tmp/x".to_owned())));
        assert_eq!(a.finish(), Ok(()));
    }

    #[test]
    fn positional_arguments_are_taken_after_the_options() {
        let mut a = args(&["fuzz", "--time", "60", "response_json", "instrument_json"]);
        assert_eq!(a.command().as_deref(), Some("fuzz"));
        assert_eq!(a.value("--time"), Ok(Some("60".to_owned())));
        assert_eq!(a.positional(), ["response_json", "instrument_json"]);
        assert_eq!(a.finish(), Ok(()));
        let mut a = args(&["response_json", "--tiem", "60"]);
        assert_eq!(a.positional(), ["response_json", "60"]);
        assert!(a.finish().is_err_and(|e| e.contains("--tiem")));
    }

    #[test]
    fn leftovers_and_missing_values_are_errors() {
        let mut a = args(&["--port"]);
        assert!(a.value("--port").is_err());
        let a = args(&["--prot", "80"]);
        assert!(a.finish().is_err_and(|e| e.contains("--prot 80")));
    }
}
