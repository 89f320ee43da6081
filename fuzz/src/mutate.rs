//! A structure-aware JSON mutator, shared by libFuzzer (as its custom mutator) and the
//! proptest fallback (driven by a tape of random words, so proptest can shrink it).
//!
//! It reads the input with a lenient parser of its own that keeps what serde_json would
//! reject or lose: numbers as written (`3.0`, `1e400`, `18446744073709551616`),
//! duplicate keys, and string escapes as written (lone surrogates). Then it changes one
//! node: a number into an edge case, a key into a known field or a near miss, a value
//! into another type, a member duplicated, a node wrapped in deep nesting, a huge string,
//! a control character, a BOM. Inputs that do not parse are mutated line by line (JSON
//! Lines) or byte by byte.

use std::sync::OnceLock;

use netwerkregie::model::{
    Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung, Sector,
};
use netwerkregie::response::{MAX_RESPONSE_BYTES, RESPONDENT_FIELDS, TOP_LEVEL_FIELDS};
use netwerkregie::{Instrument, Trigger};

/// Nesting deeper than this is not parsed (the mutator itself must not overflow its
/// stack); such inputs get byte mutations.
const MAX_PARSE_DEPTH: usize = 300;

/// A source of choices.
pub trait Entropy {
    /// A number in `0..n`; `n` is at least 1.
    fn below(&mut self, n: usize) -> usize;
}

impl dyn Entropy + '_ {
    /// True about once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty list.
    pub fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// SplitMix64, seeded by libFuzzer's seed for each mutation.
pub struct SplitMix(u64);

impl SplitMix {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
}

impl Entropy for SplitMix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z % n.max(1) as u64) as usize
    }
}

/// Choices read from a list of words; zeros once the list is used up. Shrinking the
/// list (proptest does) makes the mutations fewer and simpler.
pub struct Tape<'a> {
    words: &'a [u32],
    at: usize,
}

impl<'a> Tape<'a> {
    #[must_use]
    pub fn new(words: &'a [u32]) -> Self {
        Self { words, at: 0 }
    }
}

impl Entropy for Tape<'_> {
    fn below(&mut self, n: usize) -> usize {
        let word = self.words.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        word as usize % n.max(1)
    }
}

/// A JSON document as written, including what serde_json would refuse.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's text as written.
    Num(Vec<u8>),
    /// The string's text between the quotes, escapes as written.
    Str(Vec<u8>),
    Arr(Vec<Json>),
    /// Members in order, duplicates kept; keys as written between the quotes.
    Obj(Vec<(Vec<u8>, Json)>),
    /// `depth` levels of `[` (or `{"k":`) around a value, rendered without recursion.
    Nest {
        depth: usize,
        object: bool,
        inner: Box<Json>,
    },
    /// Text inserted as it is (`NaN`, a trailing comma, ...).
    Raw(Vec<u8>),
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Parses one JSON value with optional BOM and surrounding whitespace.
#[must_use]
pub fn parse(bytes: &[u8]) -> Option<(bool, Json)> {
    let (bom, rest) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut p = Parser { b: rest, i: 0 };
    let value = p.value(0)?;
    p.ws();
    (p.i == rest.len()).then_some((bom, value))
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\r' | b'\n') {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Some(value)
        } else {
            None
        }
    }

    fn string(&mut self) -> Option<Vec<u8>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.i;
        loop {
            match self.b.get(self.i)? {
                b'"' => break,
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
        let raw = self.b.get(start..self.i)?.to_vec();
        self.i += 1;
        Some(raw)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_PARSE_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => {
                let start = self.i;
                while self.i < self.b.len()
                    && matches!(
                        self.b[self.i],
                        b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                    )
                {
                    self.i += 1;
                }
                Some(Json::Num(self.b[start..self.i].to_vec()))
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Json::Arr(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(members));
                }
                loop {
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Json::Obj(members));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            _ => None,
        }
    }
}

/// Writes `value` compactly, or pretty with two-space indentation.
pub fn render(value: &Json, pretty: bool, out: &mut Vec<u8>) {
    render_at(value, pretty, 0, out);
}

fn newline(pretty: bool, indent: usize, out: &mut Vec<u8>) {
    if pretty {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', indent * 2));
    }
}

fn render_at(value: &Json, pretty: bool, indent: usize, out: &mut Vec<u8>) {
    match value {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::Num(n) | Json::Raw(n) => out.extend_from_slice(n),
        Json::Str(s) => {
            out.push(b'"');
            out.extend_from_slice(s);
            out.push(b'"');
        }
        Json::Arr(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                newline(pretty, indent + 1, out);
                render_at(item, pretty, indent + 1, out);
            }
            if !items.is_empty() {
                newline(pretty, indent, out);
            }
            out.push(b']');
        }
        Json::Obj(members) => {
            out.push(b'{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                newline(pretty, indent + 1, out);
                out.push(b'"');
                out.extend_from_slice(key);
                out.extend_from_slice(if pretty { b"\": " } else { b"\":" });
                render_at(item, pretty, indent + 1, out);
            }
            if !members.is_empty() {
                newline(pretty, indent, out);
            }
            out.push(b'}');
        }
        Json::Nest {
            depth,
            object,
            inner,
        } => {
            let (open, close): (&[u8], &[u8]) = if *object {
                (b"{\"n\":", b"}")
            } else {
                (b"[", b"]")
            };
            for _ in 0..*depth {
                out.extend_from_slice(open);
            }
            render_at(inner, false, 0, out);
            for _ in 0..*depth {
                out.extend_from_slice(close);
            }
        }
    }
}

/// Numbers that sit on an edge of the 1..5 scale, of u64, i64 or f64, or of JSON itself.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "3",
    "5",
    "6",
    "-1",
    "-0",
    "3.0",
    "5.0",
    "0.0",
    "-0.0",
    "4.5",
    "2.9999999999999999",
    "5.000000000000001",
    "1e0",
    "3E0",
    "1e400",
    "-1e400",
    "1e-400",
    "255",
    "256",
    "261",
    "65536",
    "4294967296",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "1.7976931348623157e308",
    "5e-324",
    "03",
    "1.",
    ".5",
    "+1",
    "0x3",
];

/// Text that is not JSON, or is JSON of a surprising kind.
const RAW: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "undefined",
    "'3'",
    "[1,]",
    "{\"a\":1,}",
    "{}",
    "[]",
    "[null]",
    "{\"\":null}",
    "\"\"",
    "\" \"",
    "true",
    "false",
    "null",
];

/// Contents of strings (between the quotes, escapes as written).
const STRING_EDGES: &[&str] = &[
    "",
    " ",
    "\\u0000",
    "\\ud800",
    "\\udc00",
    "\\ud800\\u0041",
    "\\udc00\\ud800",
    "\\ud83d\\ude00",
    "\\uDBFF\\uDFFF",
    "\\uffff",
    "\\u00e9",
    "\\\"",
    "\\\\",
    "\\/",
    "\\b\\f\\n\\r\\t",
    "\\x41",
    "\\u12",
    "\u{1}",
    "\u{1f}",
    "\t",
    "\n",
    "\u{7f}",
    "é",
    "\u{200b}",
    "\u{fffd}",
    "\u{1f600}",
    "a b",
    " respect",
    "Respect",
    "respect ",
    "opgave-0",
    "opgave-99",
    "opgave-1",
    "opgave-eigen",
    "__proto__",
    "constructor",
    "1",
    "3",
    "null",
];

/// Every field name of the response and instrument formats, and every id of the model:
/// the response's fields, and every key and every id-like string value of the built-in
/// instrument's file (so a new field of the instrument is in the vocabulary at once).
pub fn vocabulary() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        // The response's own fields as the readers know them, then the rest.
        let fields = TOP_LEVEL_FIELDS.iter().chain(&RESPONDENT_FIELDS);
        let mut words: Vec<String> = fields
            .chain(&[
                "id",
                "from",
                "left_out",
                "current",
                "desired",
                "influence",
                "scores",
                "ladder_current",
                "ladder_desired",
                "netwerkscan-response",
                "netwerkscan-instrument",
                "netwerkscan",
                "nl",
                "en",
                "de",
                "1",
                "2",
            ])
            .map(|s| (*s).to_owned())
            .collect();
        words.extend(Concept::ALL.iter().map(|c| c.id().to_owned()));
        words.extend(Module::ALL.iter().map(|m| m.id().to_owned()));
        words.extend(Role::ALL.iter().map(|r| r.id().to_owned()));
        words.extend(Position::ALL.iter().map(|p| p.id().to_owned()));
        words.extend(Sector::ALL.iter().map(|p| p.id().to_owned()));
        words.extend(Level::ALL.iter().map(|p| p.id().to_owned()));
        words.extend(Form::ALL.iter().map(|p| p.id().to_owned()));
        words.extend(Rung::ALL.iter().map(|r| r.id().to_owned()));
        words.extend(InterestQuestion::ALL.iter().map(|q| q.id().to_owned()));
        words.extend(InfluenceSource::ALL.iter().map(|s| s.id().to_owned()));
        words.extend(Trigger::all().iter().map(ToString::to_string));
        if let Ok(file) = serde_json::from_str(Instrument::builtin_json()) {
            collect_words(&file, &mut words);
        }
        words.sort();
        words.dedup();
        words
    })
}

/// The keys of `value` and its string values that look like ids (`opgave-eigen`).
fn collect_words(value: &serde_json::Value, words: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(members) => {
            for (key, v) in members {
                words.push(key.clone());
                collect_words(v, words);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                collect_words(v, words);
            }
        }
        serde_json::Value::String(s)
            if s.len() <= 40
                && s.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_:".contains(&b)
                }) =>
        {
            words.push(s.clone());
        }
        _ => {}
    }
}

/// The fallback's limit on a mutated input: over the readers' limit, like libFuzzer's.
pub const FALLBACK_MAX_SIZE: usize = MAX_RESPONSE_BYTES + 64 * 1024;

/// Sizes around the reader's limit, and some large ones below it.
fn huge_sizes(max_size: usize) -> Vec<usize> {
    [
        4096,
        65_536,
        MAX_RESPONSE_BYTES / 2,
        MAX_RESPONSE_BYTES - 1,
        MAX_RESPONSE_BYTES,
        MAX_RESPONSE_BYTES + 1,
    ]
    .into_iter()
    .filter(|size| *size <= max_size)
    .collect()
}

fn count(value: &Json) -> usize {
    1 + match value {
        Json::Arr(items) => items.iter().map(count).sum(),
        Json::Obj(members) => members.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// Calls `f` on the `k`-th node in pre-order; returns whether it was reached.
fn at_node(value: &mut Json, k: &mut usize, f: &mut dyn FnMut(&mut Json)) -> bool {
    if *k == 0 {
        f(value);
        return true;
    }
    *k -= 1;
    match value {
        Json::Arr(items) => items.iter_mut().any(|item| at_node(item, k, f)),
        Json::Obj(members) => members.iter_mut().any(|(_, item)| at_node(item, k, f)),
        _ => false,
    }
}

/// A value of some kind, from the edge lists and the vocabulary.
fn any_value(rng: &mut dyn Entropy) -> Json {
    match rng.below(8) {
        0 => Json::Null,
        1 => Json::Bool(rng.one_in(2)),
        2 | 3 => Json::Num(rng.pick(NUMBERS).as_bytes().to_vec()),
        4 => Json::Str(rng.pick(vocabulary()).as_bytes().to_vec()),
        5 => Json::Str(rng.pick(STRING_EDGES).as_bytes().to_vec()),
        6 => Json::Raw(rng.pick(RAW).as_bytes().to_vec()),
        _ => Json::Obj(vec![(
            rng.pick(vocabulary()).as_bytes().to_vec(),
            Json::Num(rng.pick(NUMBERS).as_bytes().to_vec()),
        )]),
    }
}

fn any_key(rng: &mut dyn Entropy) -> Vec<u8> {
    if rng.one_in(4) {
        rng.pick(STRING_EDGES).as_bytes().to_vec()
    } else {
        rng.pick(vocabulary()).as_bytes().to_vec()
    }
}

/// A change to a key: another known field, or a near miss of this one.
fn mutate_key(key: &mut Vec<u8>, rng: &mut dyn Entropy) {
    match rng.below(5) {
        0 => key.make_ascii_uppercase(),
        1 => key.push(b' '),
        2 => key.extend_from_slice(b"\\u0000"),
        3 => {
            // An escaped spelling of the same key: serde_json unescapes it.
            if let Some(first) = key.first().copied() {
                let escaped = format!("\\u{first:04x}");
                key.splice(0..1, escaped.bytes());
            }
        }
        _ => *key = any_key(rng),
    }
}

/// Changes one node of the tree.
fn mutate_node(node: &mut Json, rng: &mut dyn Entropy, max_size: usize) {
    if rng.one_in(24) {
        let inner = std::mem::replace(node, Json::Null);
        *node = Json::Nest {
            depth: *rng.pick(&[1, 2, 126, 127, 128, 129, 200, 5000]),
            object: rng.one_in(2),
            inner: Box::new(inner),
        };
        return;
    }
    if rng.one_in(5) {
        *node = any_value(rng);
        return;
    }
    match node {
        Json::Num(n) => match rng.below(4) {
            0 => n.extend_from_slice(b".0"),
            1 => n.insert(0, b'-'),
            2 => n.extend_from_slice(rng.pick::<&[u8]>(&[b"e400", b"e-400", b"0", b"e0"])),
            _ => *n = rng.pick(NUMBERS).as_bytes().to_vec(),
        },
        Json::Str(s) => match rng.below(6) {
            0 => *s = rng.pick(vocabulary()).as_bytes().to_vec(),
            1 => {
                let at = rng.below(s.len() + 1);
                let edge = rng.pick(STRING_EDGES).as_bytes();
                s.splice(at..at, edge.iter().copied());
            }
            // A huge string, where it fits: rarer than the rest, as it is slow to run.
            2 if rng.one_in(4) => {
                let sizes = huge_sizes(max_size);
                if !sizes.is_empty() {
                    let size = *rng.pick(&sizes);
                    s.resize(size, *rng.pick(b"a \xc3"));
                }
            }
            3 => s.make_ascii_uppercase(),
            4 => s.clear(),
            _ => *s = rng.pick(STRING_EDGES).as_bytes().to_vec(),
        },
        Json::Arr(items) => {
            let len = items.len();
            match rng.below(4) {
                0 if len > 0 => {
                    items.remove(rng.below(len));
                }
                1 if len > 0 => {
                    let copy = items[rng.below(len)].clone();
                    items.insert(rng.below(len + 1), copy);
                }
                2 if len > 1 => items.swap(rng.below(len), rng.below(len)),
                // Many copies of one element, up to a size near the limit: small
                // elements that pretty-printing makes several times larger.
                3 if len > 0 && rng.one_in(8) => {
                    let element = items[rng.below(len)].clone();
                    let mut text = Vec::new();
                    render(&element, false, &mut text);
                    let target = *rng.pick(&[4096, MAX_RESPONSE_BYTES / 2, MAX_RESPONSE_BYTES]);
                    let copies = target.min(max_size) / (text.len() + 1);
                    items.extend(std::iter::repeat_n(element, copies));
                }
                _ => items.insert(rng.below(len + 1), any_value(rng)),
            }
        }
        Json::Obj(members) => {
            let len = members.len();
            match rng.below(6) {
                0 if len > 0 => {
                    members.remove(rng.below(len));
                }
                // A duplicate key, with the same or another value, before or after.
                1 if len > 0 => {
                    let (key, value) = members[rng.below(len)].clone();
                    let value = if rng.one_in(2) { value } else { any_value(rng) };
                    members.insert(rng.below(len + 1), (key, value));
                }
                2 if len > 0 => {
                    let i = rng.below(len);
                    mutate_key(&mut members[i].0, rng);
                }
                3 if len > 1 => members.swap(rng.below(len), rng.below(len)),
                // Many members with distinct keys (`k0`, `k1`, ...) up to a size near
                // the limit: a reader that compares each key with all before it (to
                // refuse one given twice) takes minutes (finding F8).
                4 if rng.one_in(8) => {
                    let value = if len > 0 && rng.one_in(2) {
                        members[rng.below(len)].1.clone()
                    } else {
                        Json::Num(b"0".to_vec())
                    };
                    let mut text = Vec::new();
                    render(&value, false, &mut text);
                    let target = *rng.pick(&[4096, MAX_RESPONSE_BYTES / 2, MAX_RESPONSE_BYTES]);
                    let copies = target.min(max_size) / (text.len() + 10);
                    members
                        .extend((0..copies).map(|i| (format!("k{i}").into_bytes(), value.clone())));
                }
                _ => {
                    let at = rng.below(len + 1);
                    members.insert(at, (any_key(rng), any_value(rng)));
                }
            }
        }
        Json::Null | Json::Bool(_) | Json::Nest { .. } | Json::Raw(_) => *node = any_value(rng),
    }
}

/// Changes a parsed document: a node, or the document's frame (BOM, whitespace,
/// layout, a trailing second document).
fn mutate_document(
    bom: &mut bool,
    value: &mut Json,
    rng: &mut dyn Entropy,
    max_size: usize,
) -> Vec<u8> {
    let mut pretty = false;
    let mut suffix: Vec<u8> = Vec::new();
    match rng.below(16) {
        0 => *bom = !*bom,
        1 => pretty = true,
        2 => {
            suffix.extend_from_slice(rng.pick::<&[u8]>(&[b"\n", b" ", b"\r\n", b"x", b"}", b"\0"]));
        }
        3 => {
            // Pad with whitespace to a size at the limit.
            let mut text = Vec::new();
            render(value, false, &mut text);
            let sizes = huge_sizes(max_size);
            if !sizes.is_empty() {
                let size = *rng.pick(&sizes);
                suffix.resize(size.saturating_sub(text.len()), b' ');
            }
        }
        _ => {
            let mut k = rng.below(count(value));
            at_node(value, &mut k, &mut |node| mutate_node(node, rng, max_size));
        }
    }
    let mut out = Vec::new();
    if *bom {
        out.extend_from_slice(BOM);
    }
    render(value, pretty, &mut out);
    out.extend_from_slice(&suffix);
    out
}

/// Byte-level changes, for input that is not JSON (the fallback's stand-in for
/// libFuzzer's own mutations).
pub fn mutate_bytes(data: &mut Vec<u8>, rng: &mut dyn Entropy) {
    let len = data.len();
    match rng.below(6) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(16)).min(len);
            data.drain(start..end);
        }
        2 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(32)).min(len);
            let copy = data[start..end].to_vec();
            let at = rng.below(len + 1);
            data.splice(at..at, copy);
        }
        3 if len > 0 => data.truncate(rng.below(len)),
        4 => {
            let at = rng.below(len + 1);
            let word = rng.pick(vocabulary()).clone();
            data.splice(at..at, format!("\"{word}\"").into_bytes());
        }
        _ => {
            let at = rng.below(len + 1);
            data.insert(at, *rng.pick(b"{}[]\",:0123456789-.eE \n\\tfnu\x00\xff"));
        }
    }
}

/// One structure-aware mutation of `data`. Returns false when the input is neither a
/// JSON document nor JSON Lines, so the caller should mutate bytes instead.
pub fn mutate_json(data: &mut Vec<u8>, rng: &mut dyn Entropy, max_size: usize) -> bool {
    if let Some((mut bom, mut value)) = parse(data) {
        *data = mutate_document(&mut bom, &mut value, rng, max_size);
        return true;
    }
    // JSON Lines: change one line, or the lines themselves.
    if !data.contains(&b'\n') {
        return false;
    }
    let mut lines: Vec<Vec<u8>> = data.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match rng.below(8) {
        0 => {
            let copy = lines[rng.below(n)].clone();
            lines.insert(rng.below(n + 1), copy);
        }
        1 => {
            lines.remove(rng.below(n));
        }
        2 => lines.insert(
            rng.below(n + 1),
            rng.pick::<&[u8]>(&[b"", b" ", b"\r", b"\t "]).to_vec(),
        ),
        _ => {
            let i = rng.below(n);
            let line = &mut lines[i];
            if !mutate_json(line, rng, max_size) {
                mutate_bytes(line, rng);
            }
        }
    }
    *data = lines.join(&b'\n');
    true
}

/// The fallback's mutation: structure first, bytes when that is not possible.
pub fn mutate(data: &mut Vec<u8>, rng: &mut dyn Entropy) {
    if rng.one_in(5) || !mutate_json(data, rng, FALLBACK_MAX_SIZE) {
        mutate_bytes(data, rng);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_keeps_what_serde_json_loses() {
        let text = br#"{"a": 1e400, "a": 3.0, "s": "\ud800", "n": [18446744073709551616]}"#;
        let (bom, value) = parse(text).expect("parses");
        assert!(!bom);
        let mut out = Vec::new();
        render(&value, false, &mut out);
        assert_eq!(
            out,
            br#"{"a":1e400,"a":3.0,"s":"\ud800","n":[18446744073709551616]}"#
        );
    }

    #[test]
    fn bom_and_nesting() {
        let mut text = BOM.to_vec();
        text.extend_from_slice(b" [ {} ] ");
        assert_eq!(
            parse(&text),
            Some((true, Json::Arr(vec![Json::Obj(vec![])])))
        );
        let deep = "[".repeat(400) + &"]".repeat(400);
        assert_eq!(parse(deep.as_bytes()), None);
        let nest = Json::Nest {
            depth: 3,
            object: true,
            inner: Box::new(Json::Null),
        };
        let mut out = Vec::new();
        render(&nest, true, &mut out);
        assert_eq!(out, br#"{"n":{"n":{"n":null}}}"#);
    }

    #[test]
    fn mutations_never_panic_and_change_something() {
        let seed = br#"{"format":"netwerkscan-response","version":1,"answers":{"opgave-1":4},"x":[1,"a",null]}"#;
        let mut changed = 0;
        for s in 0..2000 {
            let mut data = seed.to_vec();
            let mut rng = SplitMix::new(s);
            mutate(&mut data, &mut rng);
            mutate(&mut data, &mut rng);
            changed += usize::from(data != seed);
        }
        assert!(changed > 1800, "{changed}");
        let mut lines = b"{\"a\":1}\n{\"b\":2}\n".to_vec();
        for s in 0..200 {
            mutate(&mut lines, &mut SplitMix::new(s));
        }
    }
}
