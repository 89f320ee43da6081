//! JSON Lines: one response per line, read with bounded memory.
//!
//! The reader holds one line buffer of at most the limit (plus the line end), reused
//! for every line, and hands each line to the caller as a `&str` borrowed from it, so
//! a million lines cost no allocation each. A line over the limit is skipped in small
//! chunks while its bytes are counted, so its true size can be told without keeping
//! it. Every bad line is reported with its number and reading goes on to the end of
//! the file; only a read error stops it.

use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;

use crate::response::MAX_RESPONSE_BYTES;

/// The UTF-8 byte order mark, accepted at the start of the first line.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// Chunk size for skipping the rest of an over-long line.
const SKIP_CHUNK: u64 = 1 << 16;

/// One non-blank line, as [`json_lines`] hands it over.
#[derive(Debug)]
pub struct Line<'a> {
    /// The 1-based line number in the file.
    pub number: u64,
    /// The line without its line end (`\n` or `\r\n`) and, on line 1, without a byte
    /// order mark; or why it cannot be used.
    pub text: Result<&'a str, LineProblem>,
}

/// Why a line cannot be used.
#[derive(Debug)]
pub enum LineProblem {
    /// The line is longer than the limit; `bytes` is its true length (without the
    /// line end), counted to its end.
    TooLong {
        /// The line's length in bytes.
        bytes: u64,
    },
    /// The line is not UTF-8; `byte` is the 1-based position in the line of the first
    /// byte that is not.
    NotUtf8 {
        /// Where the bad byte is.
        byte: usize,
    },
    /// The file could not be read here; reading stops.
    Unreadable(io::Error),
}

/// What [`json_lines`] saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// Lines in the file, blank ones included (a last line without a newline counts).
    pub lines: u64,
    /// Lines handed to the caller: every line that is not blank, good or bad.
    pub non_blank: u64,
}

/// Reads JSON Lines from `reader` with lines of at most [`MAX_RESPONSE_BYTES`], calling
/// `f` with every line that is not blank, in order, until the end or until `f`
/// breaks.
///
/// ```
/// use std::ops::ControlFlow;
/// use netwerkscan::json_lines::{json_lines, Line};
/// let mut good = Vec::new();
/// let seen = json_lines(&b"{\"a\": 1}\r\n\n\xff\n"[..], |line: Line<'_>| {
///     if let Ok(text) = line.text {
///         good.push((line.number, text.to_owned()));
///     }
///     ControlFlow::Continue(())
/// });
/// assert_eq!(good, [(1, "{\"a\": 1}".to_owned())]);
/// assert_eq!(seen.non_blank, 2);
/// ```
pub fn json_lines(reader: impl BufRead, f: impl FnMut(Line<'_>) -> ControlFlow<()>) -> Seen {
    json_lines_limited(reader, MAX_RESPONSE_BYTES, f)
}

/// [`json_lines`] with lines of at most `limit` bytes.
pub fn json_lines_limited(
    mut reader: impl BufRead,
    limit: usize,
    mut f: impl FnMut(Line<'_>) -> ControlFlow<()>,
) -> Seen {
    let limit = limit as u64;
    let mut buf: Vec<u8> = Vec::with_capacity(limit.min(SKIP_CHUNK) as usize);
    let mut seen = Seen::default();
    loop {
        let number = seen.lines + 1;
        buf.clear();
        // Room for the longest good line: the limit, a CR, the LF and on line 1 a BOM.
        let bom_room = if number == 1 { BOM.len() as u64 } else { 0 };
        let room = limit + 2 + bom_room;
        // Nearly every line lies whole in the reader's buffer: it is handed over from
        // there, found with one `memchr` and never copied. A line that runs past the
        // buffer, or the file's last line without a newline, takes the copying path.
        let whole = match reader.fill_buf() {
            Ok(available) => memchr::memchr(b'\n', available)
                .filter(|&end| (end as u64) < room)
                .map(|end| {
                    let text = line_text(&available[..=end], number, limit);
                    let flow = text.map(|text| {
                        seen.non_blank += 1;
                        f(Line { number, text })
                    });
                    (end + 1, flow)
                }),
            // The copying path meets the error again and reports it.
            Err(_) => None,
        };
        if let Some((used, flow)) = whole {
            reader.consume(used);
            seen.lines = number;
            if flow.is_some_and(|flow| flow.is_break()) {
                return seen;
            }
            continue;
        }
        let read = match (&mut reader).take(room).read_until(b'\n', &mut buf) {
            Ok(0) => return seen,
            Ok(n) => n as u64,
            Err(e) => {
                seen.lines = number;
                seen.non_blank += 1;
                let _ = f(Line {
                    number,
                    text: Err(LineProblem::Unreadable(e)),
                });
                return seen;
            }
        };
        seen.lines = number;
        let bom = if number == 1 && buf.starts_with(BOM) {
            BOM.len() as u64
        } else {
            0
        };
        if read == room && buf.last() != Some(&b'\n') {
            // Too long: count the rest of the line without keeping it.
            let mut total = read;
            let mut last = buf.last().copied();
            let mut before_last = buf.len().checked_sub(2).map(|i| buf[i]);
            let mut ended = false;
            // A blank line is skipped whatever its length.
            let mut blank = is_blank(&buf[bom as usize..]);
            loop {
                buf.clear();
                match (&mut reader).take(SKIP_CHUNK).read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        total += n as u64;
                        blank = blank && is_blank(&buf);
                        if n >= 2 {
                            before_last = Some(buf[n - 2]);
                        } else {
                            before_last = last;
                        }
                        last = buf.last().copied();
                        if last == Some(b'\n') {
                            ended = true;
                            break;
                        }
                    }
                    Err(e) => {
                        seen.non_blank += 1;
                        let _ = f(Line {
                            number,
                            text: Err(LineProblem::Unreadable(e)),
                        });
                        return seen;
                    }
                }
            }
            let mut bytes = total - bom;
            if ended {
                bytes -= 1;
                if before_last == Some(b'\r') {
                    bytes -= 1;
                }
            }
            if blank {
                continue;
            }
            seen.non_blank += 1;
            let problem = LineProblem::TooLong { bytes };
            if f(Line {
                number,
                text: Err(problem),
            })
            .is_break()
            {
                return seen;
            }
            continue;
        }
        if let Some(text) = line_text(&buf, number, limit) {
            seen.non_blank += 1;
            if f(Line { number, text }).is_break() {
                return seen;
            }
        }
    }
}

/// The text of line `number`, read whole with its line end (`buf`, at most the room
/// [`json_lines_limited`] gives it), or `None` when it is blank.
fn line_text(buf: &[u8], number: u64, limit: u64) -> Option<Result<&str, LineProblem>> {
    let mut line = buf;
    if let Some(rest) = line.strip_suffix(b"\n") {
        line = rest.strip_suffix(b"\r").unwrap_or(rest);
    }
    if number == 1 {
        line = line.strip_prefix(BOM).unwrap_or(line);
    }
    if is_blank(line) {
        return None;
    }
    Some(if line.len() as u64 > limit {
        Err(LineProblem::TooLong {
            bytes: line.len() as u64,
        })
    } else {
        std::str::from_utf8(line).map_err(|e| LineProblem::NotUtf8 {
            byte: e.valid_up_to() + 1,
        })
    })
}

/// Only JSON whitespace: such a line holds no response and is skipped.
fn is_blank(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], limit: usize) -> (Vec<String>, Seen) {
        collect_from(input, limit)
    }

    fn collect_from(input: impl BufRead, limit: usize) -> (Vec<String>, Seen) {
        let mut out = Vec::new();
        let seen = json_lines_limited(input, limit, |line| {
            out.push(match line.text {
                Ok(t) => format!("{}:{t}", line.number),
                Err(LineProblem::TooLong { bytes }) => format!("{}:long {bytes}", line.number),
                Err(LineProblem::NotUtf8 { byte }) => format!("{}:utf8 {byte}", line.number),
                Err(LineProblem::Unreadable(e)) => format!("{}:io {e}", line.number),
            });
            ControlFlow::Continue(())
        });
        (out, seen)
    }

    #[test]
    fn lines_blank_crlf_and_bom() {
        let (out, seen) = collect(b"\xef\xbb\xbf{1}\r\n\n  \r\n{2}\n{3}", 10);
        assert_eq!(out, ["1:{1}", "4:{2}", "5:{3}"]);
        assert_eq!(
            seen,
            Seen {
                lines: 5,
                non_blank: 3
            }
        );
    }

    #[test]
    fn long_lines_tell_their_true_size_and_reading_goes_on() {
        let long = "x".repeat(200_000);
        let input = format!("{{1}}\n{long}\r\n{{3}}\n{long}");
        let (out, _) = collect(input.as_bytes(), 10);
        assert_eq!(out, ["1:{1}", "2:long 200000", "3:{3}", "4:long 200000"]);
        // Exactly at the limit is fine; one over is not, with or without CR.
        let (out, _) = collect(b"0123456789\r\n0123456789a\n0123456789a\r\n", 10);
        assert_eq!(out, ["1:0123456789", "2:long 11", "3:long 11"]);
    }

    #[test]
    fn bad_utf8_names_its_byte() {
        let (out, seen) = collect(b"{1}\nab\xffc\n{3}\n", 100);
        assert_eq!(out, ["1:{1}", "2:utf8 3", "3:{3}"]);
        assert_eq!(seen.non_blank, 3);
        // A multibyte line over the limit is too long, not "invalid UTF-8".
        let (out, _) = collect("éééééé\n".as_bytes(), 5);
        assert_eq!(out, ["1:long 12"]);
    }

    #[test]
    fn lines_across_the_readers_buffer_read_the_same() {
        // Whole lines are borrowed from the reader's buffer, the others copied: every
        // buffer size cuts the lines somewhere else, and each must read the same.
        let input = b"\xef\xbb\xbf{1}\r\n\n  \r\n{2}\nab\xffc\n0123456789a\r\n{3}\n   \n{4}";
        let expected = ["1:{1}", "4:{2}", "5:utf8 3", "6:long 11", "7:{3}", "9:{4}"];
        for capacity in 1..=input.len() + 1 {
            let (out, seen) =
                collect_from(std::io::BufReader::with_capacity(capacity, &input[..]), 10);
            assert_eq!(out, expected, "buffer of {capacity} bytes");
            assert_eq!(
                seen,
                Seen {
                    lines: 9,
                    non_blank: 6
                },
                "buffer of {capacity} bytes"
            );
        }
    }

    #[test]
    fn an_empty_file_has_no_lines() {
        assert_eq!(collect(b"", 10).1, Seen::default());
        assert_eq!(
            collect(b"\n\n", 10).1,
            Seen {
                lines: 2,
                non_blank: 0
            }
        );
        let spaces = format!("{}\r\n", " ".repeat(100_000));
        assert_eq!(collect(spaces.as_bytes(), 10).0, Vec::<String>::new());
    }
}
