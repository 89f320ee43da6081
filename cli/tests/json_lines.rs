//! The JSON Lines reader against a plain model of what it should say, on random bytes,
//! small limits and tiny read buffers (so lines cross every buffer boundary). This is
//! also how a fuzz target calls it: a function over `impl BufRead`.

use std::io::BufReader;
use std::ops::ControlFlow;

use netwerkscan::json_lines::{json_lines_limited, LineProblem, Seen, BOM};
use proptest::prelude::*;

#[derive(Debug, PartialEq, Eq)]
enum Said {
    Text(String),
    TooLong(u64),
    NotUtf8(usize),
}

fn blank(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Splits on `\n`, drops a `\r` before it and a BOM at the start, skips blank lines.
fn model(input: &[u8], limit: usize) -> (Vec<(u64, Said)>, Seen) {
    let mut said = Vec::new();
    let mut seen = Seen::default();
    let mut rest = input;
    while !rest.is_empty() {
        seen.lines += 1;
        let (mut line, ended, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], true, &rest[i + 1..]),
            None => (rest, false, &rest[rest.len()..]),
        };
        rest = next;
        if ended {
            line = line.strip_suffix(b"\r").unwrap_or(line);
        }
        if seen.lines == 1 {
            line = line.strip_prefix(BOM).unwrap_or(line);
        }
        if blank(line) {
            continue;
        }
        seen.non_blank += 1;
        let s = if line.len() > limit {
            Said::TooLong(line.len() as u64)
        } else {
            match std::str::from_utf8(line) {
                Ok(t) => Said::Text(t.to_owned()),
                Err(e) => Said::NotUtf8(e.valid_up_to() + 1),
            }
        };
        said.push((seen.lines, s));
    }
    (said, seen)
}

fn reader(input: &[u8], limit: usize, capacity: usize) -> (Vec<(u64, Said)>, Seen) {
    let mut said = Vec::new();
    let seen = json_lines_limited(BufReader::with_capacity(capacity, input), limit, |line| {
        let s = match line.text {
            Ok(t) => Said::Text(t.to_owned()),
            Err(LineProblem::TooLong { bytes }) => Said::TooLong(bytes),
            Err(LineProblem::NotUtf8 { byte }) => Said::NotUtf8(byte),
            Err(LineProblem::Unreadable(e)) => panic!("reading memory failed: {e}"),
        };
        said.push((line.number, s));
        ControlFlow::Continue(())
    });
    (said, seen)
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop::sample::select(vec![
        b'a', b'{', b'}', b' ', b'\t', b'\r', b'\n', b'\n', 0xff, 0xc3, 0xa9, 0xef, 0xbb, 0xbf,
        0xe2, 0x82, 0xac,
    ]);
    prop::collection::vec(byte, 0..300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_reader_says_what_the_model_says(
        input in bytes(),
        limit in 0usize..16,
        capacity in 1usize..20,
    ) {
        prop_assert_eq!(reader(&input, limit, capacity), model(&input, limit));
    }

    #[test]
    fn a_bom_first_changes_nothing_else(input in bytes(), limit in 0usize..16) {
        let mut with_bom = BOM.to_vec();
        with_bom.extend_from_slice(&input);
        let (said, _) = reader(&with_bom, limit, 7);
        let (plain, _) = reader(&input, limit, 7);
        // The BOM goes from line 1 only, so the rest reads the same...
        prop_assert_eq!(
            said.iter().filter(|(n, _)| *n > 1).collect::<Vec<_>>(),
            plain.iter().filter(|(n, _)| *n > 1).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_reader_that_breaks_stops_the_reading() {
    let mut count = 0;
    let seen = json_lines_limited(&b"{1}\n{2}\n{3}\n"[..], 10, |_| {
        count += 1;
        ControlFlow::Break(())
    });
    assert_eq!(count, 1);
    assert_eq!(seen.lines, 1);
}
