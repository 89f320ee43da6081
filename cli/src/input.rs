//! Reading response files: single JSON files, JSON Lines files and folders of them.
//!
//! The files are listed once ([`Sources`]); after that a response's origin is a small
//! [`SourceRef`] (file index and line), turned into a name only when a message needs
//! one.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use netwerkregie::Lang;

use crate::json_lines::{self, LineProblem, BOM};
use crate::response::{self, MAX_RESPONSE_BYTES};
use crate::t;
use crate::terminal;

/// Where a response came from: a file of [`Sources`], and a line for JSON Lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceRef {
    /// Index into the file list.
    pub file: u32,
    /// 1-based line number; 0 for a whole file.
    pub line: u64,
}

/// The files to read, in order, with the names messages show.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<PathBuf>,
    names: Vec<String>,
    /// Copies of the sources that could not be read twice, deleted when dropped.
    copies: Vec<tempfile::TempPath>,
}

impl Sources {
    /// Lists `paths`, with every folder replaced by its `.json`, `.jsonl` and `.ndjson`
    /// files, sorted by name.
    pub fn expand(paths: &[PathBuf], lang: Lang) -> Result<Sources, String> {
        let mut files = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut found = Vec::new();
                let entries = std::fs::read_dir(p)
                    .map_err(|e| format!("{}: {}", terminal::path(p), io_problem(&e, lang)))?;
                for entry in entries {
                    // An entry that cannot be read is named, never skipped in silence.
                    let entry = entry
                        .map_err(|e| format!("{}: {}", terminal::path(p), io_problem(&e, lang)))?;
                    let f = entry.path();
                    if f.is_file() && is_response_file(&f) {
                        found.push(f);
                    }
                }
                found.sort();
                if found.is_empty() {
                    return Err(format!(
                        "{}: {}",
                        terminal::path(p),
                        t(
                            lang,
                            "geen .json- of .jsonl-bestanden in deze map",
                            "no .json or .jsonl files in this folder"
                        )
                    ));
                }
                files.extend(found);
            } else {
                files.push(p.clone());
            }
        }
        if u32::try_from(files.len()).is_err() {
            return Err(t(lang, "te veel bestanden", "too many files").to_owned());
        }
        let names = files.iter().map(|f| terminal::path(f)).collect();
        Ok(Sources {
            files,
            names,
            copies: Vec::new(),
        })
    }

    /// Copies each source that cannot be read twice (a pipe, a terminal, a device) to
    /// a temporary file that is read in its place, so that a second reading gives the
    /// same responses. A single JSON source is copied up to one byte past the largest
    /// response, as far as reading it would go; its name in messages stays its own.
    pub fn rereadable(mut self, lang: Lang) -> Result<Sources, String> {
        for (path, name) in self.files.iter_mut().zip(&self.names) {
            // A file that cannot be looked at is said when it is read.
            let Ok(meta) = std::fs::metadata(&*path) else {
                continue;
            };
            if meta.is_file() {
                continue;
            }
            let fail = |e: io::Error| format!("{name}: {}", io_problem(&e, lang));
            let lines = is_json_lines(path);
            let mut copy = tempfile::Builder::new()
                .prefix("netwerkscan-")
                .suffix(if lines { ".jsonl" } else { ".json" })
                .tempfile()
                .map_err(fail)?;
            let limit = if lines {
                u64::MAX
            } else {
                MAX_RESPONSE_BYTES as u64 + 1
            };
            let source = File::open(&*path).map_err(fail)?;
            io::copy(&mut source.take(limit), &mut copy).map_err(fail)?;
            let copy = copy.into_temp_path();
            path.clone_from(&copy.to_path_buf());
            self.copies.push(copy);
        }
        Ok(self)
    }

    /// The files, in order.
    #[must_use]
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// `file` or `file:line`, safe to print.
    #[must_use]
    pub fn name(&self, at: SourceRef) -> String {
        let file = self.names.get(at.file as usize).map_or("?", String::as_str);
        if at.line == 0 {
            file.to_owned()
        } else {
            format!("{file}:{}", at.line)
        }
    }
}

fn is_response_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "json" || e == "jsonl" || e == "ndjson")
}

fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// An I/O error in a sentence in `lang`: the usual ones in our words, the rest as the
/// system says them.
#[must_use]
pub fn io_problem(e: &io::Error, lang: Lang) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => t(lang, "bestaat niet", "does not exist").to_owned(),
        io::ErrorKind::PermissionDenied => t(lang, "geen toegang", "permission denied").to_owned(),
        io::ErrorKind::NotADirectory => t(
            lang,
            "een deel van het pad is geen map",
            "part of the path is not a folder",
        )
        .to_owned(),
        io::ErrorKind::IsADirectory => {
            t(lang, "is een map, geen bestand", "is a folder, not a file").to_owned()
        }
        _ => e.to_string(),
    }
}

/// Reads a whole file as UTF-8 text, refusing files larger than `limit` before reading
/// them. A leading UTF-8 byte order mark is dropped.
pub fn read_limited(path: &Path, limit: usize, lang: Lang) -> Result<String, String> {
    let file = File::open(path).map_err(|e| io_problem(&e, lang))?;
    let len = file.metadata().map_err(|e| io_problem(&e, lang))?.len();
    if len > limit as u64 {
        return Err(match lang {
            Lang::Nl => format!(
                "het bestand is {len} bytes; een antwoordbestand of instrument is hoogstens {limit} bytes"
            ),
            _ => format!(
                "the file is {len} bytes; a response or instrument is at most {limit} bytes"
            ),
        });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(&e, lang))?;
    // A pipe or device says nothing of its size beforehand.
    if bytes.len() > limit {
        return Err(match lang {
            Lang::Nl => format!("het bestand is groter dan {limit} bytes, het maximum"),
            _ => format!("the file is larger than {limit} bytes, the maximum"),
        });
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        not_utf8(
            lang,
            "het bestand",
            "the file",
            e.utf8_error().valid_up_to() + 1,
        )
    })
}

fn not_utf8(lang: Lang, nl_subject: &str, en_subject: &str, byte: usize) -> String {
    match lang {
        Lang::Nl => format!("{nl_subject} is geen geldige UTF-8 (byte {byte})"),
        _ => format!("{en_subject} is not valid UTF-8 (byte {byte})"),
    }
}

/// Calls `f` with every response text in `sources`, in order: a whole `.json` file,
/// or a line of a JSON Lines file, or why it could not be read. The text is borrowed
/// for the call only. Parsing is left to the caller, so it can happen on other
/// threads. Stops early when `f` breaks.
pub fn for_each_text(
    sources: &Sources,
    lang: Lang,
    mut f: impl FnMut(SourceRef, Result<&str, String>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (index, path) in sources.files.iter().enumerate() {
        // `expand` made sure the index fits.
        let file = u32::try_from(index).unwrap_or(u32::MAX);
        let whole = SourceRef { file, line: 0 };
        if !is_json_lines(path) {
            let text = read_limited(path, MAX_RESPONSE_BYTES, lang);
            f(whole, text.as_deref().map_err(Clone::clone))?;
            continue;
        }
        let opened = match File::open(path) {
            Ok(opened) => opened,
            Err(e) => {
                f(whole, Err(io_problem(&e, lang)))?;
                continue;
            }
        };
        let mut stopped = false;
        let seen = json_lines::json_lines(BufReader::with_capacity(1 << 16, opened), |line| {
            let at = SourceRef {
                file,
                line: line.number,
            };
            let text = line.text.map_err(|problem| line_problem(&problem, lang));
            let flow = f(at, text.as_deref().map_err(Clone::clone));
            stopped = flow.is_break();
            flow
        });
        if stopped {
            return ControlFlow::Break(());
        }
        if seen.non_blank == 0 {
            f(whole, Err(response::empty(lang)))?;
        }
    }
    ControlFlow::Continue(())
}

fn line_problem(problem: &LineProblem, lang: Lang) -> String {
    match problem {
        LineProblem::TooLong { bytes } => match lang {
            Lang::Nl => format!(
                "de regel is {bytes} bytes; een antwoord is hoogstens {MAX_RESPONSE_BYTES} bytes"
            ),
            _ => format!(
                "the line is {bytes} bytes; a response is at most {MAX_RESPONSE_BYTES} bytes"
            ),
        },
        LineProblem::NotUtf8 { byte } => not_utf8(lang, "de regel", "the line", *byte),
        LineProblem::Unreadable(e) => match lang {
            Lang::Nl => format!("kan niet verder lezen: {}", io_problem(e, lang)),
            _ => format!("cannot read on: {}", io_problem(e, lang)),
        },
    }
}
