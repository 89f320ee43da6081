//! `netwerkscan`: the native face of the netwerkregie core.
//!
//! Reads response files (JSON, or JSON Lines with one response per line), and prints
//! the group report as tables or JSON, writes the charts as SVG, validates files and
//! prints the instrument. The binary is [`main`]; the reading code is public so it can
//! be tested and fuzzed on its own (see [`json_lines::json_lines`]).
//!
//! What every command promises: bad input gets a message naming the file, line and
//! field; other people's text reaches the terminal escaped ([`terminal`]); a write
//! that fails is an error (exit code 1), except a closed pipe, which ends quietly.

pub mod aggregate;
pub mod args;
pub mod duplicates;
pub mod input;
pub mod json_lines;
pub mod response;
pub mod svg;
pub mod table;
pub mod terminal;

use std::ffi::OsString;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;

use netwerkregie::{Instrument, Lang};

use crate::args::{Command, Parsed};
use crate::duplicates::Sightings;
use crate::input::Sources;
use crate::terminal::{say, Terminal};

/// Picks the Dutch or the English string: the CLI's own messages are written in code
/// in these two; every word of the report comes from the instrument.
#[must_use]
pub fn t<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    if lang.is_dutch() {
        nl
    } else {
        en
    }
}

/// A count in words: `one` when `n` is 1, else `other` (each Dutch, English), with
/// `{n}` filled in.
#[must_use]
pub fn count(lang: Lang, n: usize, one: (&str, &str), other: (&str, &str)) -> String {
    let (nl, en) = if n == 1 { one } else { other };
    t(lang, nl, en).replace("{n}", &n.to_string())
}

/// Why a command stopped early.
#[derive(Debug)]
enum Stop {
    /// The reader of our output went away (`| head`): not an error of ours.
    Quiet,
    /// Say this on stderr and exit with code 1.
    Failed(String),
    /// Say this, then each problem on a line of its own, and exit with code 1.
    Listed(String, Vec<String>),
    /// A mistake in the command line found late (a language the instrument does not
    /// speak): say this and exit with code 2, like any usage mistake.
    Usage(String),
}

/// Output errors: a closed pipe ends quietly, anything else is reported.
fn output(lang: Lang) -> impl Fn(io::Error) -> Stop {
    move |e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Stop::Quiet
        } else {
            Stop::Failed(format!(
                "{}: {e}",
                t(
                    lang,
                    "kan de uitvoer niet schrijven",
                    "cannot write the output"
                )
            ))
        }
    }
}

/// Runs the command line `args` (the first is the program name).
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    let command = match args::parse(&args) {
        Parsed::Run(command) => command,
        Parsed::Print(text) => {
            let mut out = io::stdout().lock();
            return match writeln!(out, "{}", text.trim_end()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // The language is not known yet: help is in English.
                Err(e) => finish(output(Lang::En)(e)),
            };
        }
        Parsed::Mistake(text) => {
            let _ = writeln!(io::stderr().lock(), "{text}");
            return ExitCode::from(2);
        }
    };
    let lang = command.shared().lang();
    match run(&command, lang) {
        Ok(code) => code,
        Err(stop) => finish(stop),
    }
}

fn finish(stop: Stop) -> ExitCode {
    match stop {
        Stop::Quiet => ExitCode::SUCCESS,
        Stop::Failed(message) => {
            say(&format!("netwerkscan: {message}"));
            ExitCode::FAILURE
        }
        Stop::Listed(message, problems) => {
            say(&format!("netwerkscan: {message}"));
            for problem in &problems {
                say(&format!("  - {problem}"));
            }
            ExitCode::FAILURE
        }
        Stop::Usage(message) => {
            say(&format!("netwerkscan: {message}"));
            ExitCode::from(2)
        }
    }
}

fn load_instrument(command: &Command, lang: Lang) -> Result<Instrument, Stop> {
    match &command.shared().instrument {
        None => Ok(Instrument::builtin().clone()),
        Some(path) => {
            let name = terminal::path(path);
            let text =
                input::read_limited(path, netwerkregie::instrument::MAX_INSTRUMENT_BYTES, lang)
                    .map_err(|e| Stop::Failed(format!("{name}: {e}")))?;
            Instrument::from_json(&text).map_err(|e| match e {
                // Every problem on a line of its own, in the user's language: one line of
                // 77 problems joined by escaped newlines cannot be read.
                netwerkregie::InstrumentError::Invalid(problems) => Stop::Listed(
                    format!(
                        "{name}: {} ({}):",
                        t(
                            lang,
                            "het instrument is niet geldig",
                            "the instrument is not valid"
                        ),
                        count(
                            lang,
                            problems.len(),
                            ("1 probleem", "1 problem"),
                            ("{n} problemen", "{n} problems"),
                        ),
                    ),
                    problems.iter().map(|p| p.message(lang)).collect(),
                ),
                other => Stop::Failed(format!("{name}: {}", other.message(lang))),
            })
        }
    }
}

fn run(command: &Command, lang: Lang) -> Result<ExitCode, Stop> {
    let instrument = load_instrument(command, lang)?;
    if !instrument.languages().contains(&lang) {
        let speaks: Vec<String> = instrument
            .languages()
            .iter()
            .map(ToString::to_string)
            .collect();
        return Err(Stop::Usage(format!(
            "--lang {lang}: {} {}",
            t(lang, "het instrument spreekt", "the instrument speaks"),
            speaks.join(", ")
        )));
    }
    let stdout = io::stdout();
    match command {
        Command::Instrument(a) => {
            if a.output.json {
                let json = serde_json::to_string_pretty(instrument.file())
                    .map_err(|e| Stop::Failed(e.to_string()))?;
                let mut out = stdout.lock();
                writeln!(out, "{json}")
                    .and_then(|()| out.flush())
                    .map_err(output(lang))?;
            } else {
                let mut out = Terminal::new(stdout.lock());
                table::instrument(&mut out, &instrument, lang)
                    .and_then(|()| out.flush())
                    .map_err(output(lang))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate(a) => validate(&a.files.paths, &instrument, lang),
        Command::Report(a) => report(a, &instrument, lang),
    }
}

/// `validate`: a line per response, every problem on stderr, duplicates as warnings.
fn validate(
    paths: &[std::path::PathBuf],
    instrument: &Instrument,
    lang: Lang,
) -> Result<ExitCode, Stop> {
    let sources = Sources::expand(paths, lang).map_err(Stop::Failed)?;
    let mut out = Terminal::new(io::stdout().lock());
    let mut seen = Sightings::default();
    let mut seq = 0u64;
    let (mut good, mut bad) = (0usize, 0usize);
    let mut failure = None;
    let items = instrument.statement_count();
    let _ = input::for_each_text(&sources, lang, |at, text| {
        match text.and_then(|text| response::parse(text, instrument, lang)) {
            Ok(r) => {
                good += 1;
                let (alias, organisation) = response::who(&r);
                let answered = t(
                    lang,
                    "{n} van {items} uitspraken beantwoord",
                    "{n} of {items} items answered",
                )
                .replace("{n}", &response::answered(&r).to_string())
                .replace("{items}", &items.to_string());
                // A response to an earlier version says so, as the report does.
                let migrated = response::migrated(&r).map_or_else(String::new, |(from, left)| {
                    let answers = count(
                        lang,
                        left,
                        (
                            "1 antwoord op een vervangen vraag",
                            "1 answer to a replaced question",
                        ),
                        (
                            "{n} antwoorden op vervangen vragen",
                            "{n} answers to replaced questions",
                        ),
                    );
                    t(
                        lang,
                        "; versie {from}, gelezen als versie {to}: {answers} weggelaten",
                        "; version {from}, read as version {to}: {answers} left out",
                    )
                    .replace("{answers}", &answers)
                    .replace("{to}", instrument.version())
                    .replace("{from}", from)
                });
                let written = writeln!(
                    out,
                    "ok: {} ({}, {}; {answered}{})",
                    sources.name(at),
                    or_dash(alias),
                    or_dash(organisation),
                    terminal::safe(&migrated),
                );
                if let Err(e) = written {
                    failure = Some(output(lang)(e));
                    return ControlFlow::Break(());
                }
                seen.record(response::fingerprint(&r), seq, at);
            }
            Err(e) => {
                bad += 1;
                say(&format!("{}: {e}", sources.name(at)));
            }
        }
        seq += 1;
        ControlFlow::Continue(())
    });
    if let Some(stop) = failure {
        return Err(stop);
    }
    out.flush().map_err(output(lang))?;
    // Copies are known once every response is read: said after the last line.
    match Sightings::copies(vec![seen]) {
        Ok(copies) => {
            for c in copies {
                say(&c.duplicate.message(&sources, lang));
            }
        }
        Err(e) => say(&format!("netwerkscan: {}", duplicates::unsorted(&e, lang))),
    }
    if bad > 0 {
        say(&format!(
            "netwerkscan: {}",
            count(
                lang,
                bad + good,
                (
                    "1 van 1 respons is niet geldig",
                    "1 of 1 response is not valid"
                ),
                if bad == 1 {
                    (
                        "1 van {n} responsen is niet geldig",
                        "1 of {n} responses is not valid",
                    )
                } else {
                    (
                        "{bad} van {n} responsen zijn niet geldig",
                        "{bad} of {n} responses are not valid",
                    )
                },
            )
            .replace("{bad}", &bad.to_string())
        ));
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// `report`: every response read and checked first; no report while one is bad.
fn report(a: &args::ReportArgs, instrument: &Instrument, lang: Lang) -> Result<ExitCode, Stop> {
    // A dimension asked for twice is split by once (JSON has one key per dimension).
    let mut by = Vec::with_capacity(a.by.len());
    for d in &a.by {
        if !by.contains(d) {
            by.push(*d);
        }
    }
    // Everyone else is shown beside the groups of its split.
    if let Some(rest) = a.rest.as_ref().filter(|r| !by.contains(&r.dimension)) {
        let d = rest.dimension.id();
        return Err(Stop::Usage(
            t(
                lang,
                "--rest {d}=… vergelijkt met de groepen van --by {d}: geef die ook op",
                "--rest {d}=… compares with the groups of --by {d}: give that too",
            )
            .replace("{d}", d),
        ));
    }
    let options = netwerkregie::split::Options {
        by,
        min_group: a.min_group as usize,
        rest: a.rest.clone(),
    };
    let now = gather(&a.files.paths, instrument, lang, &options)?;
    let mut report = now.group.report();
    if let Some(splits) = &now.splits {
        report.splits = splits.report();
        report.rest = splits.rest();
    }
    say_migrated(&report, "", instrument, lang);
    if !a.baseline.is_empty() {
        let base = gather(
            &a.baseline,
            instrument,
            lang,
            &netwerkregie::split::Options::default(),
        )?;
        let base = base.group.report();
        // A baseline of an earlier version is compared on fewer questions: say so.
        say_migrated(
            &base,
            t(lang, "nulmeting: ", "baseline: "),
            instrument,
            lang,
        );
        report.change = Some(netwerkregie::split::change(&base, &report));
    }
    if let Some(dir) = &a.svg {
        for replaced in svg::write_all(dir, &report, instrument, lang).map_err(Stop::Failed)? {
            say(&format!("netwerkscan: {replaced}"));
        }
    }
    let stdout = io::stdout();
    if a.output.json {
        let json =
            serde_json::to_string_pretty(&report).map_err(|e| Stop::Failed(e.to_string()))?;
        let mut out = stdout.lock();
        writeln!(out, "{json}")
            .and_then(|()| out.flush())
            .map_err(output(lang))?;
    } else if a.output.csv {
        // For a spreadsheet, but often printed first: line ends and tabs as they are,
        // any other control character (an escape sequence in an organisation's name)
        // shown as `\u{1b}`, as in every text output.
        let csv = netwerkregie::export::csv(&report, instrument, lang);
        let csv = terminal::safe_csv(&csv);
        let mut out = stdout.lock();
        out.write_all(csv.as_bytes())
            .and_then(|()| out.flush())
            .map_err(output(lang))?;
    } else {
        let mut out = Terminal::new(stdout.lock());
        table::report(&mut out, &report, instrument, lang)
            .and_then(|()| out.flush())
            .map_err(output(lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr how many responses of `report` answered an earlier instrument
/// version, and how many of their answers were left out.
fn say_migrated(report: &netwerkregie::Report, prefix: &str, instrument: &Instrument, lang: Lang) {
    for m in &report.migrated {
        say(&format!(
            "netwerkscan: {prefix}{}; {}",
            count(
                lang,
                m.responses,
                (
                    "1 respons beantwoordde versie {from} van het instrument en is gelezen als versie {to}",
                    "1 response answered version {from} of the instrument and was read as version {to}",
                ),
                (
                    "{n} responsen beantwoordden versie {from} van het instrument en zijn gelezen als versie {to}",
                    "{n} responses answered version {from} of the instrument and were read as version {to}",
                ),
            )
            .replace("{to}", instrument.version())
            .replace("{from}", &m.from),
            count(
                lang,
                m.left_out,
                (
                    "1 antwoord op een vervangen vraag is weggelaten",
                    "1 answer to a replaced question was left out",
                ),
                (
                    "{n} antwoorden op vervangen vragen zijn weggelaten",
                    "{n} answers to replaced questions were left out",
                ),
            )
        ));
    }
}

/// Reads every response in `paths` into a group (and the splits asked for); the notes
/// (problems and duplicates) are said on stderr; a bad response stops the report.
fn gather<'a>(
    paths: &[std::path::PathBuf],
    instrument: &'a Instrument,
    lang: Lang,
    options: &netwerkregie::split::Options,
) -> Result<aggregate::Gathered<'a>, Stop> {
    let sources = Sources::expand(paths, lang)
        .and_then(|s| s.rereadable(lang))
        .map_err(Stop::Failed)?;
    let gathered = aggregate::gather(&sources, instrument, lang, options).map_err(Stop::Failed)?;
    for note in &gathered.notes {
        say(&note.message(&sources, lang));
    }
    if gathered.problems > 0 {
        return Err(Stop::Failed(count(
            lang,
            gathered.problems,
            (
                "1 respons kon niet worden gelezen; er is geen rapport gemaakt",
                "1 response could not be read; no report was made",
            ),
            (
                "{n} responsen konden niet worden gelezen; er is geen rapport gemaakt",
                "{n} responses could not be read; no report was made",
            ),
        )));
    }
    Ok(gathered)
}

/// A name for the `validate` line: cut like a table column, "-" when empty.
fn or_dash(s: &str) -> std::borrow::Cow<'_, str> {
    if s.trim().is_empty() {
        "-".into()
    } else {
        terminal::fit(s, table::MAX_NAME)
    }
}
