//! `netwerkscan`: the native face of the netwerkregie core.
//!
//! Reads response files (JSON, or JSON Lines with one response per line), and prints
//! the group report as tables or JSON, writes the charts as SVG, validates files and
//! prints the instrument.

mod aggregate;
mod args;
mod input;
mod svg;
mod table;

use std::io::Write;
use std::process::ExitCode;

use netwerkregie::Instrument;

use crate::args::{Command, Options};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let (command, options) = match args::parse(&argv) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("netwerkscan: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(command, &options) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error of ours.
        Err(message) if message == BROKEN_PIPE => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("netwerkscan: {message}");
            ExitCode::FAILURE
        }
    }
}

const BROKEN_PIPE: &str = "broken pipe";

/// Output errors: a closed pipe ends quietly, anything else is reported.
fn io(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        BROKEN_PIPE.to_owned()
    } else {
        format!("cannot write the output: {e}")
    }
}

fn load_instrument(options: &Options) -> Result<Instrument, String> {
    match &options.instrument {
        None => Ok(Instrument::builtin().clone()),
        Some(path) => {
            let text = input::read_limited(path, netwerkregie::instrument::MAX_INSTRUMENT_BYTES)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Instrument::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

fn run(command: Command, options: &Options) -> Result<ExitCode, String> {
    let instrument = load_instrument(options)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::Help => {
            writeln!(out, "{}", args::USAGE).map_err(|e| io(&e))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Instrument => {
            if options.json {
                let json =
                    serde_json::to_string_pretty(instrument.file()).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| io(&e))?;
            } else {
                table::instrument(&mut out, &instrument, options.lang).map_err(|e| io(&e))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate => {
            let mut bad = 0usize;
            let mut good = 0usize;
            input::for_each_response(
                &options.files,
                &instrument,
                options.lang,
                |source, parsed| match parsed {
                    Ok(r) => {
                        good += 1;
                        let answered = r.answers.values().filter(|v| v.is_some()).count();
                        let _ = writeln!(
                            out,
                            "ok: {source} ({}, {}; {answered} of {} items answered)",
                            or_dash(&r.respondent.alias),
                            or_dash(&r.respondent.organisation),
                            instrument.items().len()
                        );
                    }
                    Err(e) => {
                        bad += 1;
                        eprintln!("{source}: {e}");
                    }
                },
            )?;
            if bad > 0 {
                eprintln!(
                    "netwerkscan: {bad} of {} response(s) are not valid",
                    bad + good
                );
                Ok(ExitCode::FAILURE)
            } else {
                Ok(ExitCode::SUCCESS)
            }
        }
        Command::Report => {
            let group = match aggregate::group(&options.files, &instrument, options.lang)? {
                Ok(group) => group,
                Err(problems) => {
                    for p in &problems {
                        eprintln!("{p}");
                    }
                    return Err(format!(
                        "{} response(s) could not be read; no report was made",
                        problems.len()
                    ));
                }
            };
            let report = group.report();
            if let Some(dir) = &options.svg {
                svg::write_all(dir, &report, &instrument, options.lang)?;
            }
            if options.json {
                let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| io(&e))?;
            } else {
                table::report(&mut out, &report, &instrument, options.lang).map_err(|e| io(&e))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "-"
    } else {
        s
    }
}
