//! Reading response files: single JSON files, JSON Lines files and directories.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use netwerkregie::response::MAX_RESPONSE_BYTES;
use netwerkregie::{Instrument, Lang, Response, ResponseError};

/// A response, or what is wrong with it in a sentence.
pub type Parsed = Result<Response, String>;

/// Reads a whole file, refusing files larger than `limit` before reading them.
pub fn read_limited(path: &Path, limit: usize) -> Result<String, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let len = file.metadata().map_err(|e| e.to_string())?.len();
    if len > limit as u64 {
        return Err(format!(
            "the file is {len} bytes; a response or instrument is at most {limit} bytes"
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())
}

fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// Expands directories into their `.json` and `.jsonl` files, sorted by name.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{}: {e}", p.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| {
                    f.is_file()
                        && f.extension()
                            .is_some_and(|e| e == "json" || e == "jsonl" || e == "ndjson")
                })
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!(
                    "{}: no .json or .jsonl files in this folder",
                    p.display()
                ));
            }
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

/// One response's text as read, or why it could not be read, with where it came from.
pub struct Record {
    /// `file` or `file:line`.
    pub source: String,
    /// The response's JSON text.
    pub text: Result<String, String>,
}

impl Record {
    /// Parses the text; the error is in `lang`.
    pub fn parse(self, instrument: &Instrument, lang: Lang) -> Parsed {
        self.text
            .and_then(|t| Response::from_json(&t, instrument).map_err(|e| e.message(lang)))
    }
}

/// Calls `f` with every response text in `paths`, in order: a whole `.json` file, or
/// a line of a JSON Lines file. Parsing is left to the caller, so it can happen on
/// other threads.
pub fn for_each_record(
    paths: &[PathBuf],
    lang: Lang,
    mut f: impl FnMut(Record),
) -> Result<(), String> {
    let mut emit = |source: String, text: Result<String, String>| f(Record { source, text });
    for path in expand(paths)? {
        let name = path.display().to_string();
        if is_json_lines(&path) {
            let file = match File::open(&path) {
                Ok(file) => file,
                Err(e) => {
                    emit(name, Err(e.to_string()));
                    continue;
                }
            };
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let mut number = 0usize;
            let mut any = false;
            loop {
                let mut line = String::new();
                number += 1;
                // Read at most one response's worth plus a little, so a file without
                // newlines cannot exhaust memory.
                let read = match (&mut reader)
                    .take(MAX_RESPONSE_BYTES as u64 + 2)
                    .read_line(&mut line)
                {
                    Ok(n) => n,
                    Err(e) => {
                        emit(format!("{name}:{number}"), Err(e.to_string()));
                        break;
                    }
                };
                if read == 0 {
                    break;
                }
                if !line.ends_with('\n') && read as u64 > MAX_RESPONSE_BYTES as u64 {
                    let too_large = ResponseError::TooLarge { bytes: read }.message(lang);
                    emit(format!("{name}:{number}"), Err(too_large));
                    break;
                }
                if line.trim().is_empty() {
                    continue;
                }
                any = true;
                emit(format!("{name}:{number}"), Ok(line));
            }
            if !any {
                emit(name, Err(ResponseError::Empty.message(lang)));
            }
        } else {
            emit(name, read_limited(&path, MAX_RESPONSE_BYTES));
        }
    }
    Ok(())
}

/// Calls `f` with a source name (`file` or `file:line`) and the parse result of every
/// response in `paths`, in order.
pub fn for_each_response(
    paths: &[PathBuf],
    instrument: &Instrument,
    lang: Lang,
    mut f: impl FnMut(&str, Parsed),
) -> Result<(), String> {
    for_each_record(paths, lang, |record| {
        let source = record.source.clone();
        f(&source, record.parse(instrument, lang));
    })
}
