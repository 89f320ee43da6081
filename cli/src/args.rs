//! Command-line arguments, parsed by hand: four commands and five flags need no framework.

use std::path::PathBuf;

use netwerkregie::Lang;

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// The group report.
    Report,
    /// Check files.
    Validate,
    /// Print the instrument.
    Instrument,
    /// Print usage.
    Help,
}

/// The flags and files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub lang: Lang,
    pub json: bool,
    pub svg: Option<PathBuf>,
    pub instrument: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

pub const USAGE: &str = "\
Usage:
  netwerkscan report [--lang nl|en] [--json] [--svg DIR] [--instrument FILE] FILE|DIR...
  netwerkscan validate [--instrument FILE] FILE|DIR...
  netwerkscan instrument [--lang nl|en] [--json] [--instrument FILE]

FILE is a response file (.json) or a JSON Lines file (.jsonl, one response per line);
a DIR stands for the .json and .jsonl files in it.
  --lang nl|en       language of tables and charts (default nl)
  --json             print JSON instead of tables
  --svg DIR          also write the charts as SVG files into DIR
  --instrument FILE  use a trainer's own instrument instead of the built-in one";

/// Parses the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<(Command, Options), String> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        Some("report") => Command::Report,
        Some("validate") => Command::Validate,
        Some("instrument") => Command::Instrument,
        Some("help" | "--help" | "-h") | None => return Ok((Command::Help, Options::default())),
        Some(other) => return Err(format!("unknown command \"{other}\"")),
    };
    let mut options = Options::default();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--json" => options.json = true,
            "--lang" => {
                let v = value("--lang")?;
                options.lang = Lang::parse(&v)
                    .ok_or_else(|| format!("--lang must be nl or en, not \"{v}\""))?;
            }
            "--svg" => options.svg = Some(PathBuf::from(value("--svg")?)),
            "--instrument" => options.instrument = Some(PathBuf::from(value("--instrument")?)),
            "--help" | "-h" => return Ok((Command::Help, options)),
            flag if flag.starts_with("--") => return Err(format!("unknown option \"{flag}\"")),
            file => options.files.push(PathBuf::from(file)),
        }
    }
    match command {
        Command::Report | Command::Validate if options.files.is_empty() => {
            Err("no response files given".into())
        }
        Command::Instrument if !options.files.is_empty() => {
            Err("instrument takes no files (use --instrument FILE)".into())
        }
        Command::Validate if options.json || options.svg.is_some() => {
            Err("validate takes no --json or --svg".into())
        }
        _ => Ok((command, options)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn report_with_flags() {
        let (c, o) = parse(&args("report --lang en --json a.json b.jsonl")).expect("parses");
        assert_eq!(c, Command::Report);
        assert_eq!(o.lang, Lang::En);
        assert!(o.json);
        assert_eq!(o.files.len(), 2);
    }

    #[test]
    fn mistakes_are_named() {
        assert!(parse(&args("report"))
            .unwrap_err()
            .contains("no response files"));
        assert!(parse(&args("report --lang de x"))
            .unwrap_err()
            .contains("nl or en"));
        assert!(parse(&args("report --svg"))
            .unwrap_err()
            .contains("--svg needs a value"));
        assert!(parse(&args("rapport x"))
            .unwrap_err()
            .contains("unknown command"));
    }
}
