//! A general JSON reader doing the least it can with a JSON Lines file, for scale in the
//! native bench.
//!
//! Reads FILE a megabyte at a time and lets serde_json check each non-blank line's syntax
//! where it lies, keeping nothing (`IgnoredAny`): no field looked up, nothing scored,
//! nothing allocated per line. `cargo xtask bench` times it beside the CLI and DuckDB, so
//! BENCHMARKS.md can set the CLI, which checks every field, beside a general reader that
//! checks only the syntax. Prints the number of lines read; a line that is not JSON
//! stops it with its number.

use std::io::Read;
use std::process::ExitCode;

/// How much is read at a time: large reads, each line parsed where it lies in the buffer.
const CHUNK: usize = 1 << 20;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: json_syntax FILE.jsonl");
        return ExitCode::from(2);
    };
    let mut file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("json_syntax: {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let mut buffer = vec![0u8; CHUNK];
    // The bytes of an unfinished line at the end of the buffer, moved to its start.
    let mut kept = 0;
    let mut lines = Lines::default();
    loop {
        if kept == buffer.len() {
            buffer.resize(buffer.len() * 2, 0); // A line longer than the buffer.
        }
        let n = match file.read(&mut buffer[kept..]) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("json_syntax: {e}");
                return ExitCode::FAILURE;
            }
        };
        let end = kept + n;
        // The whole lines in the buffer (at the end of the file: what is left, a last
        // line without a line end, if any).
        let (whole, next) = if n == 0 {
            (&buffer[..end], end)
        } else {
            match memchr::memrchr(b'\n', &buffer[..end]) {
                Some(i) => (&buffer[..i], i + 1),
                None => {
                    kept = end;
                    continue;
                }
            }
        };
        if n > 0 || end > 0 {
            for line in whole.split(|&b| b == b'\n') {
                if let Err(message) = lines.check(line) {
                    eprintln!("json_syntax: {message}");
                    return ExitCode::FAILURE;
                }
            }
        }
        if n == 0 {
            break;
        }
        buffer.copy_within(next..end, 0);
        kept = end - next;
    }
    println!("{}", lines.read);
    ExitCode::SUCCESS
}

/// Lines seen, and the non-blank ones read.
#[derive(Default)]
struct Lines {
    number: u64,
    read: u64,
}

impl Lines {
    fn check(&mut self, line: &[u8]) -> Result<(), String> {
        self.number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        serde_json::from_slice::<serde::de::IgnoredAny>(line)
            .map_err(|e| format!("line {}: {e}", self.number))?;
        self.read += 1;
        Ok(())
    }
}
