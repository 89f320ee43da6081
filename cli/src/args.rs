//! The command line, declared for clap.
//!
//! Paths are taken as `PathBuf` (from `OsString`), so a file name that is not UTF-8 is
//! still a file name. Each command is a struct of small option groups that it
//! flattens (`Shared`, `Output`, `Files`), so a new option is one field in one place:
//! `report --by organisation|position|role|sector|level`, `--min-group N` and
//! `--baseline PATH` (repeatable) belong in [`ReportArgs`], `--csv` in [`Output`]
//! beside `--json`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand};
use netwerkregie::split::{Dimension, Rest, DEFAULT_MIN_GROUP};
use netwerkregie::Lang;

use crate::terminal;

/// The files a command reads, explained once for every help page.
const FILES_HELP: &str = "\
FILE is a response file (.json) or a JSON Lines file (.jsonl, one response per line);
a DIR stands for the .json and .jsonl files in it.";

/// Netwerkscan on the command line: the group report of response files, checking
/// files, and the instrument.
#[derive(Debug, Parser)]
#[command(name = "netwerkscan", version, after_help = FILES_HELP)]
pub struct Cli {
    /// What to do; without one, this help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The group report of response files: tables, JSON or SVG charts.
    #[command(after_help = FILES_HELP)]
    Report(ReportArgs),
    /// Check response files and name every problem.
    #[command(after_help = FILES_HELP)]
    Validate(ValidateArgs),
    /// Print the instrument: the questions.
    Instrument(InstrumentArgs),
}

impl Command {
    /// The options every command has.
    #[must_use]
    pub fn shared(&self) -> &Shared {
        match self {
            Command::Report(a) => &a.shared,
            Command::Validate(a) => &a.shared,
            Command::Instrument(a) => &a.shared,
        }
    }
}

/// `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub output: Output,
    /// Also write the charts as SVG files into DIR (made when missing; existing charts
    /// are replaced, and named when they are).
    #[arg(long, value_name = "DIR")]
    pub svg: Option<PathBuf>,
    /// Split the group by these (comma separated): organisation, position, role,
    /// sector, level.
    #[arg(long, value_name = "DIMENSION", value_delimiter = ',', value_parser = parse_dimension)]
    pub by: Vec<Dimension>,
    /// A split group smaller than this shows no scores, so nobody's answers can be read
    /// from a small group.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MIN_GROUP as u32, value_parser = parse_min_group)]
    pub min_group: u32,
    /// Set one group of a split against everyone else: DIMENSION=VALUE, such as
    /// sector=overheid (the dimension also in --by; an empty value: those who did not
    /// say). Withheld, like a split group, when either side is smaller than --min-group.
    #[arg(long, value_name = "DIMENSION=VALUE", value_parser = parse_rest)]
    pub rest: Option<Rest>,
    /// A baseline set (nulmeting): response files or folders to compare with (repeatable).
    #[arg(long, value_name = "PATH")]
    pub baseline: Vec<PathBuf>,
    #[command(flatten)]
    pub files: Files,
}

fn parse_min_group(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("use a whole number of 1 or more".to_owned()),
    }
}

fn parse_rest(s: &str) -> Result<Rest, String> {
    let (dimension, value) = s
        .split_once('=')
        .ok_or_else(|| "use DIMENSION=VALUE, such as sector=overheid".to_owned())?;
    Ok(Rest {
        dimension: parse_dimension(dimension)?,
        value: (!value.is_empty()).then(|| value.to_owned()),
    })
}

fn parse_dimension(s: &str) -> Result<Dimension, String> {
    Dimension::parse(s).ok_or_else(|| format!("use one of {}", Dimension::ids()))
}

/// `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub files: Files,
}

/// `instrument`.
#[derive(Debug, Args)]
pub struct InstrumentArgs {
    #[command(flatten)]
    pub shared: Shared,
    #[command(flatten)]
    pub output: InstrumentOutput,
}

/// How the instrument is printed: the questions have no scores to put in a spreadsheet.
#[derive(Debug, Args)]
pub struct InstrumentOutput {
    /// Print the instrument as JSON instead of a list.
    #[arg(long)]
    pub json: bool,
}

/// Options of every command.
#[derive(Debug, Args)]
pub struct Shared {
    /// Language of tables, charts and messages: nl, en, or a further language the
    /// instrument speaks (such as fy).
    #[arg(long, value_name = "nl|en", default_value = "nl", value_parser = parse_lang)]
    pub lang: Lang,
    /// Use a trainer's own instrument instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
}

impl Shared {
    /// The language as the core knows it.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| "use nl, en or another language code of 2 to 8 lowercase letters".to_owned())
}

/// How the result is printed.
#[derive(Debug, Args)]
pub struct Output {
    /// Print JSON instead of tables.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the scores as CSV for a spreadsheet (UTF-8 with a byte order mark; `;`
    /// and a decimal comma in Dutch; CRLF).
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
}

/// The response files read.
#[derive(Debug, Args)]
pub struct Files {
    /// Response files and folders.
    #[arg(value_name = "FILE|DIR", required = true)]
    pub paths: Vec<PathBuf>,
}

/// The outcome of reading the arguments.
#[derive(Debug)]
pub enum Parsed {
    /// A command to run.
    Run(Command),
    /// Print this text (help, version) on stdout and stop.
    Print(String),
    /// A mistake: print this on stderr and exit with code 2.
    Mistake(String),
}

/// Reads the arguments (the first is the program name).
#[must_use]
pub fn parse(args: &[OsString]) -> Parsed {
    match Cli::try_parse_from(args) {
        Ok(Cli {
            command: Some(command),
        }) => Parsed::Run(command),
        Ok(Cli { command: None }) => Parsed::Print(Cli::command().render_help().to_string()),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            Parsed::Print(e.render().to_string())
        }
        Err(e) => Parsed::Mistake(mistake(&e, args)),
    }
}

/// The mistake in our words on the first line, then clap's usage of the command.
fn mistake(e: &clap::Error, args: &[OsString]) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.as_str(),
        _ => "",
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    // The command, when the first argument names one.
    let command = args
        .get(1)
        .and_then(|a| a.to_str())
        .filter(|a| Cli::command().find_subcommand(a).is_some());
    let rendered = e.render().to_string();
    let mut message = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "unknown command \"{}\"",
                text(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            let arg = text(ContextKind::InvalidArg);
            if arg.starts_with('-') {
                match command {
                    Some(c) => format!("unknown option \"{arg}\" for {c}"),
                    None => format!("unknown option \"{arg}\""),
                }
            } else if command == Some("instrument") {
                format!(
                    "unexpected argument \"{arg}\": instrument takes no files (use --instrument FILE)"
                )
            } else {
                format!("unexpected argument \"{arg}\"")
            }
        }
        ErrorKind::InvalidValue => {
            let arg = text(ContextKind::InvalidArg);
            let flag = arg.split_whitespace().next().unwrap_or(arg);
            let value = text(ContextKind::InvalidValue);
            let valid = list(ContextKind::ValidValue);
            if value.is_empty() && flag.starts_with('<') {
                "a file name cannot be empty".to_owned()
            } else if value.is_empty() && args.iter().any(|a| a.is_empty()) {
                format!("{flag} needs a value, not an empty one")
            } else if value.is_empty() {
                format!("{flag} needs a value")
            } else if valid.is_empty() {
                format!("{flag}: \"{value}\" is not a valid value")
            } else {
                format!("{flag} must be one of {valid}, not \"{value}\"")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            if missing.contains("FILE|DIR") {
                "no response files given".to_owned()
            } else {
                format!("missing {missing}")
            }
        }
        ErrorKind::ArgumentConflict => format!(
            "{} cannot be used with {}",
            text(ContextKind::InvalidArg),
            list(ContextKind::PriorArg)
        ),
        _ => rendered
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_owned(),
    };
    let suggested = list(ContextKind::SuggestedSubcommand) + &list(ContextKind::SuggestedArg);
    if !suggested.is_empty() {
        message = format!("{message}; did you mean \"{suggested}\"?");
    }
    format!(
        "netwerkscan: {}\n\n{}",
        terminal::safe(&message),
        usage(command)
    )
}

/// The usage line of `command` (or of the whole program), and where to read more.
fn usage(command: Option<&str>) -> String {
    let mut cli = Cli::command();
    cli.build();
    let (usage, more) = match command.and_then(|c| cli.find_subcommand_mut(c)) {
        Some(sub) => (
            sub.render_usage().to_string(),
            format!("netwerkscan {} --help", sub.get_name()),
        ),
        None => (
            cli.render_usage().to_string(),
            "netwerkscan help".to_owned(),
        ),
    };
    format!("{}\n\nMore: {more}", usage.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Parsed {
        let args: Vec<OsString> = std::iter::once("netwerkscan")
            .chain(s.split_whitespace())
            .map(OsString::from)
            .collect();
        parse(&args)
    }

    fn mistake_of(s: &str) -> String {
        match parse_str(s) {
            Parsed::Mistake(m) => m,
            other => panic!("{s}: expected a mistake, got {other:?}"),
        }
    }

    #[test]
    fn report_with_flags() {
        let Parsed::Run(Command::Report(r)) = parse_str("report --lang en --json a.json b.jsonl")
        else {
            panic!("a report");
        };
        assert_eq!(r.shared.lang(), Lang::En);
        assert!(r.output.json);
        assert_eq!(r.files.paths.len(), 2);
    }

    #[test]
    fn mistakes_are_named() {
        assert!(mistake_of("report").contains("no response files"));
        assert!(mistake_of("report --lang DE x").contains("use nl, en or another language code"));
        assert!(mistake_of("report --svg").contains("--svg needs a value"));
        assert!(mistake_of("rapport x").contains("unknown command \"rapport\""));
        assert!(mistake_of("rapport x").contains("did you mean \"report\"?"));
        assert!(mistake_of("validate --json x").contains("unknown option \"--json\" for validate"));
        assert!(mistake_of("instrument x").contains("instrument takes no files"));
        for s in ["report", "rapport", "report --pdf x"] {
            let m = mistake_of(s);
            assert!(m.starts_with("netwerkscan: "), "{m}");
            assert!(m.contains("Usage:"), "{m}");
        }
    }

    #[test]
    fn help_and_nothing_print() {
        for s in ["", "help", "--help", "report -h", "help report"] {
            let Parsed::Print(text) = parse_str(s) else {
                panic!("{s}: help expected");
            };
            assert!(text.contains("Usage:"), "{s}: {text}");
        }
    }

    #[test]
    fn the_definition_is_sound() {
        Cli::command().debug_assert();
    }
}
