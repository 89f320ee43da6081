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

/// Calls `f` with a source name (`file` or `file:line`) and the parse result of every
/// response in `paths`. Files that cannot be opened are an error for the whole run.
pub fn for_each_response(
    paths: &[PathBuf],
    instrument: &Instrument,
    lang: Lang,
    mut f: impl FnMut(&str, Parsed),
) -> Result<(), String> {
    for path in expand(paths)? {
        let name = path.display().to_string();
        if is_json_lines(&path) {
            let file = match File::open(&path) {
                Ok(file) => file,
                Err(e) => {
                    f(&name, Err(e.to_string()));
                    continue;
                }
            };
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let mut line = String::new();
            let mut number = 0usize;
            let mut any = false;
            loop {
                line.clear();
                number += 1;
                // Read at most one response's worth plus a little, so a file without
                // newlines cannot exhaust memory.
                let read = (&mut reader)
                    .take(MAX_RESPONSE_BYTES as u64 + 2)
                    .read_line(&mut line);
                let read = match read {
                    Ok(n) => n,
                    Err(e) => {
                        f(&format!("{name}:{number}"), Err(e.to_string()));
                        break;
                    }
                };
                if read == 0 {
                    break;
                }
                if !line.ends_with('\n') && read as u64 > MAX_RESPONSE_BYTES as u64 {
                    f(
                        &format!("{name}:{number}"),
                        Err(ResponseError::TooLarge { bytes: read }.message(lang)),
                    );
                    break;
                }
                if line.trim().is_empty() {
                    continue;
                }
                any = true;
                let parsed = Response::from_json(&line, instrument).map_err(|e| e.message(lang));
                f(&format!("{name}:{number}"), parsed);
            }
            if !any {
                f(&name, Err(ResponseError::Empty.message(lang)));
            }
        } else {
            let parsed = read_limited(&path, MAX_RESPONSE_BYTES).and_then(|text| {
                Response::from_json(&text, instrument).map_err(|e| e.message(lang))
            });
            f(&name, parsed);
        }
    }
    Ok(())
}
