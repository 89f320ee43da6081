//! Text for a terminal: other people's text is shown, never obeyed.
//!
//! Response files, file names and a trainer's instrument come from other people. A
//! control character in them would be obeyed by the terminal: an escape sequence can
//! clear the screen or retitle the window, a right-to-left override makes a line read
//! backwards, a newline forges a line of output. Every text the CLI writes (tables,
//! `validate` lines, messages on stderr) passes through this module, which shows each
//! such character as an escape like `\u{1b}`. `--json` output is left alone: JSON has
//! escaping of its own.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::io;
use std::path::Path;

/// Whether `c` must not reach a terminal as it is: C0 controls (newline and tab
/// included), DEL, C1 controls, the bidirectional controls and the line and paragraph
/// separators.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn push_escaped(out: &mut String, c: char) {
    if is_unsafe(c) {
        // Writing to a String cannot fail.
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// `text` with every unsafe character shown as `\u{..}`; borrowed when there is none.
#[must_use]
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// [`safe`] as a `Display` wrapper. Width, alignment and precision apply to the
/// escaped text, counted in characters.
#[derive(Debug, Clone, Copy)]
pub struct Safe<'a>(pub &'a str);

impl fmt::Display for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&safe(self.0))
    }
}

/// [`safe`], cut to at most `max` characters: a longer text keeps its first `max - 1`
/// characters and ends in "…".
#[must_use]
pub fn fit(text: &str, max: usize) -> Cow<'_, str> {
    let shown = safe(text);
    if shown.chars().nth(max).is_none() {
        return shown;
    }
    let mut cut: String = shown.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    Cow::Owned(cut)
}

/// CSV text made safe for a terminal (`--csv` without a redirect) while it stays CSV:
/// line ends (`\r\n`, and `\n` inside a quoted cell) and tabs are kept, every other
/// unsafe character is shown as `\u{..}`. Nobody's organisation name legitimately
/// holds an escape sequence, and a spreadsheet shows the escape as text.
#[must_use]
pub fn safe_csv(text: &str) -> Cow<'_, str> {
    let keep =
        |c: char, next: Option<char>| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'));
    let mut chars = text.chars().peekable();
    let mut unsafe_found = false;
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !keep(c, chars.peek().copied()) {
            unsafe_found = true;
            break;
        }
    }
    if !unsafe_found {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if keep(c, chars.peek().copied()) {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// A path as a person should see it: every unsafe character escaped, and every byte
/// that is not UTF-8 shown as `\xNN` (never replaced, so the name stays the truth).
#[must_use]
pub fn path(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            push_escaped(&mut out, c);
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// Writes one line to stderr, made safe. A failing stderr has nowhere to be reported,
/// so its error is dropped; `eprintln!` would panic instead.
pub fn say(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(io::stderr().lock(), "{}", safe(line));
}

/// A text writer that lets no unsafe character through except the newlines of the
/// text's own lines. Used with `write!`/`writeln!` like an `io::Write`.
#[derive(Debug)]
pub struct Terminal<W> {
    inner: W,
}

impl<W: io::Write> Terminal<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Terminal<W> {
        Terminal { inner }
    }

    /// Writes formatted text, escaping unsafe characters other than `\n`.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> io::Result<()> {
        struct Adapter<'a, W> {
            inner: &'a mut W,
            error: Option<io::Error>,
            escaped: String,
        }
        impl<W: io::Write> fmt::Write for Adapter<'_, W> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let result = if s.chars().any(|c| c != '\n' && is_unsafe(c)) {
                    self.escaped.clear();
                    for c in s.chars() {
                        if c == '\n' {
                            self.escaped.push(c);
                        } else {
                            push_escaped(&mut self.escaped, c);
                        }
                    }
                    self.inner.write_all(self.escaped.as_bytes())
                } else {
                    self.inner.write_all(s.as_bytes())
                };
                result.map_err(|e| {
                    self.error = Some(e);
                    fmt::Error
                })
            }
        }
        let mut adapter = Adapter {
            inner: &mut self.inner,
            error: None,
            escaped: String::new(),
        };
        match fmt::write(&mut adapter, args) {
            Ok(()) => Ok(()),
            Err(_) => Err(adapter
                .error
                .unwrap_or_else(|| io::Error::other("formatting failed"))),
        }
    }

    /// Flushes the writer underneath.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn csv_keeps_its_line_ends_and_tabs_only() {
        let csv = "a;\"b\nc\"\r\n\u{1b}[2J;x\ty\r\u{202e}\r\n";
        assert_eq!(
            safe_csv(csv),
            "a;\"b\nc\"\r\n\\u{1b}[2J;x\ty\\u{d}\\u{202e}\r\n"
        );
        assert!(matches!(safe_csv("a;b\r\n"), Cow::Borrowed(_)));
    }
    use super::*;

    #[test]
    fn controls_are_shown_not_obeyed() {
        assert_eq!(
            safe("Eve\u{1b}]0;pwned\u{7}\u{1b}[2J"),
            "Eve\\u{1b}]0;pwned\\u{7}\\u{1b}[2J"
        );
        assert_eq!(
            safe("a\u{202e}b\u{7f}c\u{9b}d\ne\tf"),
            "a\\u{202e}b\\u{7f}c\\u{9b}d\\u{a}e\\u{9}f"
        );
        assert!(matches!(safe("Gemeente Zuiderveen é 🙂"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_in_characters() {
        assert_eq!(fit("abcdef", 6), "abcdef");
        assert_eq!(fit("abcdefg", 6), "abcde…");
        assert_eq!(fit("éééééééé", 4), "ééé…");
        assert_eq!(fit(&"O".repeat(65_536), 40).chars().count(), 40);
    }

    #[test]
    fn paths_keep_bytes_that_are_not_utf8() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let p = Path::new(std::ffi::OsStr::from_bytes(b"g/Ren\xe9\x1b.json"));
            assert_eq!(path(p), "g/Ren\\xe9\\u{1b}.json");
        }
    }

    #[test]
    fn the_terminal_writer_keeps_newlines_only() {
        let mut out = Terminal::new(Vec::new());
        let bell = String::from("b\u{7}");
        writeln!(out, "a\u{1b}[2J {bell}").expect("writes");
        assert_eq!(
            String::from_utf8(out.inner).expect("utf-8"),
            "a\\u{1b}[2J b\\u{7}\n"
        );
    }
}
