//! The fast path for the common case: a valid version 2 response to the current
//! instrument, read by a small hand-written scanner in one pass over the bytes.
//!
//! A report over a million responses spends most of its time reading JSON, and almost
//! every file it reads is valid and plain: known keys, answers that are one digit or
//! `null`, strings without surprises. This scanner reads exactly that, several times
//! faster than the general reader, and gives up (`None`) at the first thing it is not
//! sure of: an error, a key given twice, an earlier version, a value it would have to
//! interpret. The general reader ([`super::read`]) then reads the text again and finds
//! every problem with its field. The two must agree on every text this one accepts:
//! the property tests and the fuzzer compare them.

use std::borrow::Cow;

use serde_json::value::RawValue;

use super::{
    Answer, Extra, InstrumentRef, Interests, LadderAnswer, Respondent, Response, RESPONSE_FORMAT,
    RESPONSE_VERSION,
};
use crate::instrument::Instrument;
use crate::likert::Likert;
use crate::model::{
    Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung, Sector,
};

/// Nesting deeper than this is left to the general reader (serde_json stops at 128).
const MAX_DEPTH: usize = 64;

/// An object with more keys than this is left to the general reader: a key given twice
/// is found here by comparing it with every key before it, which takes minutes for the
/// 90,000 keys a file of a megabyte can hold (finding F8 of FUZZING.md).
const MAX_KEYS: usize = 64;

/// Reads `text` (without a byte order mark), or `None` to leave it to the general reader.
pub(super) fn read(text: &str, instrument: &Instrument) -> Option<Response> {
    let mut s = Scanner {
        b: text.as_bytes(),
        text,
        i: 0,
    };
    let response = s.response(instrument)?;
    s.ws();
    (s.i == s.b.len()).then_some(response)
}

/// The length of the run of bytes before the first `"`, `\\` or control character,
/// eight bytes at a time: strings are most of a response's bytes.
fn special(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(chunk);
        // A zero byte after xor marks a quote or a backslash; a byte below 0x20 sets
        // its high bit after the subtraction (bytes of 0x80 and up never do).
        let found = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH);
        if found != 0 {
            // The lowest flag is exact: a false one can only follow a true one.
            return i + found.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if c == b'"' || c == b'\\' || c < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// `a == b` for the short keys of a response, eight bytes at a time and inline: a call
/// to `memcmp` per key was a tenth of the scanner's time.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map(u64::from_le_bytes)
    };
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    // Whole words, and the last word (overlapping the one before) for the rest.
    let mut at = 0;
    while at + 8 < n {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

struct Scanner<'t> {
    b: &'t [u8],
    text: &'t str,
    i: usize,
}

/// Keys seen in one object, to give up on a key given twice.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    /// Marks key `k` (0..32); false when it was seen before.
    fn first(&mut self, k: usize) -> bool {
        let bit = 1u32 << k;
        let first = self.0 & bit == 0;
        self.0 |= bit;
        first
    }
}

impl<'t> Scanner<'t> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.i += 1;
        }
    }

    /// Skips whitespace and takes `c`.
    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// Skips whitespace; true (and takes it) when the next byte is `c`.
    fn try_eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// A string; borrowed when it has no escapes.
    #[inline]
    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.eat(b'"')?;
        let start = self.i;
        self.i = start + special(&self.b[start..]);
        match *self.b.get(self.i)? {
            b'"' => {
                let s = &self.text[start..self.i];
                self.i += 1;
                Some(Cow::Borrowed(s))
            }
            b'\\' => self.escaped(start),
            _ => None,
        }
    }

    /// Takes the key `"expected"` when it is next, without scanning for the string's end.
    #[inline]
    fn key_is(&mut self, expected: &str) -> bool {
        self.ws();
        let e = expected.as_bytes();
        let end = self.i + 1 + e.len();
        if self.b.get(self.i) == Some(&b'"')
            && self.b.get(self.i + 1..end).is_some_and(|key| same(key, e))
            && self.b.get(end) == Some(&b'"')
        {
            self.i = end + 1;
            true
        } else {
            false
        }
    }

    /// The rest of a string that has an escape, from `start` (after the opening quote).
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Option<Cow<'t, str>> {
        let mut out = String::with_capacity(self.i - start + 16);
        out.push_str(&self.text[start..self.i]);
        loop {
            let run = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run..self.i]);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    self.i += 1;
                    let c = self.peek()?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                // A surrogate pair: a lone half is the general reader's
                                // business (serde_json refuses it).
                                if self.b.get(self.i..self.i + 2)? != b"\\u" {
                                    return None;
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                            } else {
                                char::from_u32(hi)?
                            };
                            out.push(c);
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.i..self.i + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    /// `null`, taken when it is next.
    fn null(&mut self) -> bool {
        self.ws();
        if self.b.get(self.i..self.i + 4) == Some(b"null") {
            self.i += 4;
            true
        } else {
            false
        }
    }

    /// An answer on the 1..5 scale: one digit, or `null`.
    fn likert(&mut self) -> Option<Answer<Likert>> {
        // A digit and what follows it: "3.0", "30" or "3e0" are not one digit, and the
        // general reader names them. (A digit that ends the text ends it too early.)
        if let Some(&[d @ b'1'..=b'5', next]) = self.b.get(self.i..self.i + 2) {
            if matches!(next, b'0'..=b'9' | b'.' | b'e' | b'E') {
                return None;
            }
            self.i += 1;
            return Likert::new(d - b'0').map(Answer::Given);
        }
        self.null().then_some(Answer::Unknown)
    }

    /// An id of a fixed vocabulary, or `null` ("weet niet").
    fn id<T>(&mut self, parse: fn(&str) -> Option<T>) -> Option<Answer<T>> {
        if self.null() {
            return Some(Answer::Unknown);
        }
        parse(&self.string()?).map(Answer::Given)
    }

    /// Skips a value, checking its syntax, and returns its raw text.
    fn raw(&mut self) -> Option<Box<RawValue>> {
        self.ws();
        let start = self.i;
        self.skip(0)?;
        RawValue::from_string(self.text[start..self.i].to_owned()).ok()
    }

    fn skip(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' => {
                self.i += 1;
                let mut keys: Vec<Cow<'t, str>> = Vec::new();
                if self.try_eat(b'}') {
                    return Some(());
                }
                loop {
                    let key = self.string()?;
                    // Many keys are compared one by one no longer (finding F8): the
                    // general reader takes such an object.
                    if keys.len() >= MAX_KEYS || keys.contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    self.eat(b':')?;
                    self.skip(depth + 1)?;
                    if self.try_eat(b'}') {
                        return Some(());
                    }
                    self.eat(b',')?;
                }
            }
            b'[' => {
                self.i += 1;
                if self.try_eat(b']') {
                    return Some(());
                }
                loop {
                    self.skip(depth + 1)?;
                    if self.try_eat(b']') {
                        return Some(());
                    }
                    self.eat(b',')?;
                }
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.number(),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        (self.b.get(self.i..self.i + word.len())? == word).then(|| self.i += word.len())
    }

    /// A number of JSON's grammar.
    fn number(&mut self) -> Option<()> {
        let digits = |s: &mut Self| {
            let start = s.i;
            while let Some(b'0'..=b'9') = s.peek() {
                s.i += 1;
            }
            s.i > start
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                digits(self);
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(())
    }

    /// Calls `field` for every key of an object with the key's place in `keys`, giving
    /// up on a key seen twice among the known ones or the unknown ones, which are kept
    /// in `extra` (or, without one, are the general reader's to name). Files list the
    /// keys in the order of `keys`: the ones still to come are compared in place first.
    fn object(
        &mut self,
        mut extra: Option<&mut Extra>,
        keys: &[&str],
        mut field: impl FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        if self.try_eat(b'}') {
            return Some(());
        }
        let mut seen = Seen::default();
        let mut hint = 0;
        loop {
            // A key left out only moves the next one further along.
            let ahead = (hint..keys.len()).find(|&k| self.key_is(keys[k]));
            let known = match ahead {
                Some(k) => Ok(k),
                None => {
                    let key = self.string()?;
                    keys.iter().position(|k| *k == key).ok_or(key)
                }
            };
            self.eat(b':')?;
            match known {
                Ok(k) => {
                    if !seen.first(k) {
                        return None;
                    }
                    hint = k + 1;
                    field(self, k)?;
                }
                Err(key) => {
                    let extra = extra.as_deref_mut()?;
                    if extra.0.len() >= MAX_KEYS || extra.0.iter().any(|(k, _)| *k == key) {
                        return None;
                    }
                    let value = self.raw()?;
                    extra.0.push((key.into_owned(), value));
                }
            }
            if self.try_eat(b'}') {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn response(&mut self, instrument: &Instrument) -> Option<Response> {
        let mut r = Response::new(instrument);
        let (mut format, mut version, mut answers, mut about) = (false, false, false, false);
        let mut extra = Extra::default();
        self.object(Some(&mut extra), &super::TOP_LEVEL_FIELDS, |s, k| {
            match k {
                0 => {
                    format = s.string()? == RESPONSE_FORMAT;
                    if !format {
                        return None;
                    }
                }
                1 => {
                    // The version's digits, read without writing the number out for
                    // every response; "02", "2.0" or "2e0" are the general reader's.
                    s.ws();
                    let start = s.i;
                    while let Some(b'0'..=b'9') = s.peek() {
                        s.i += 1;
                    }
                    let digits = &s.text[start..s.i];
                    if digits.starts_with('0') || matches!(s.peek(), Some(b'.' | b'e' | b'E')) {
                        return None;
                    }
                    if digits.parse::<u64>().ok()? != RESPONSE_VERSION {
                        return None;
                    }
                    version = true;
                }
                2 => {
                    s.instrument(instrument, &mut r.instrument)?;
                    about = true;
                }
                3 => r.respondent = s.respondent()?,
                4 => r.form = s.id(Form::parse)?,
                5 => {
                    s.answers(instrument, &mut r.answers)?;
                    answers = true;
                }
                6 => s.importance(&mut r.importance)?,
                7 => r.comments = s.comments(instrument)?,
                8 => r.ladder = s.ladder()?,
                _ => r.interests = s.interests()?,
            }
            Some(())
        })?;
        // Without these the response is wrong, or older: the general reader says which.
        if !(format && version && answers && about) {
            return None;
        }
        r.extra = extra;
        Some(r)
    }

    /// The instrument's id and version, which must be `instrument`'s: `out` (made by
    /// [`Response::new`]) has them already and gains only the unknown fields.
    fn instrument(&mut self, instrument: &Instrument, out: &mut InstrumentRef) -> Option<()> {
        let (mut id, mut version) = (false, false);
        let mut extra = Extra::default();
        self.object(
            Some(&mut extra),
            // `from` and `left_out`: a response brought from an earlier version, for
            // the general reader.
            &["id", "version", "from", "left_out"],
            |s, k| match k {
                // Compared where they stand: a response to another instrument, or
                // another version of it, is the general reader's.
                0 => {
                    id = s.string()? == instrument.id();
                    id.then_some(())
                }
                1 => {
                    version = s.string()? == instrument.version();
                    version.then_some(())
                }
                _ => None,
            },
        )?;
        // Both must be there, and be this instrument's.
        if !(id && version) {
            return None;
        }
        out.extra = extra;
        Some(())
    }

    fn respondent(&mut self) -> Option<Respondent> {
        let mut out = Respondent::default();
        let mut extra = Extra::default();
        self.object(Some(&mut extra), &super::RESPONDENT_FIELDS, |s, k| {
            match k {
                0 => out.alias = s.text()?,
                1 => out.organisation = s.text()?,
                2 => out.roles = s.roles()?,
                3 => out.position = s.id(Position::parse)?,
                4 => out.sector = s.id(Sector::parse)?,
                _ => out.level = s.id(Level::parse)?,
            }
            Some(())
        })?;
        out.extra = extra;
        Some(out)
    }

    /// A text field: a string, or `null` for empty.
    fn text(&mut self) -> Option<String> {
        if self.null() {
            return Some(String::new());
        }
        Some(self.string()?.into_owned())
    }

    fn roles(&mut self) -> Option<Vec<Role>> {
        let mut roles = Vec::new();
        if self.null() {
            return Some(roles);
        }
        self.eat(b'[')?;
        if self.try_eat(b']') {
            return Some(roles);
        }
        loop {
            let role = Role::parse(&self.string()?)?;
            if !roles.contains(&role) {
                roles.push(role);
            }
            if self.try_eat(b']') {
                roles.sort();
                return Some(roles);
            }
            self.eat(b',')?;
        }
    }

    fn answers(&mut self, instrument: &Instrument, answers: &mut [Answer<Likert>]) -> Option<()> {
        self.eat(b'{')?;
        if self.try_eat(b'}') {
            return Some(());
        }
        let mut hint = 0;
        loop {
            // Files list the answers in the instrument's order: the next key is nearly
            // always the next statement's id, compared in place.
            let slot = match instrument.statement(hint) {
                Some(next) if self.key_is(&next.id) => hint,
                _ => usize::from(instrument.slot(&self.string()?)?),
            };
            hint = slot + 1;
            // Every answer read is given or "weet niet": one still unanswered is a key
            // seen for the first time.
            let answer = answers.get_mut(slot)?;
            if *answer != Answer::Unanswered {
                return None;
            }
            // A compact file's `:4,` is taken in one look; anything else step by step.
            if let Some(&[b':', digit @ b'1'..=b'5', end @ (b',' | b'}')]) =
                self.b.get(self.i..self.i + 3)
            {
                *answer = Answer::Given(Likert::new(digit - b'0')?);
                self.i += 3;
                if end == b'}' {
                    return Some(());
                }
                continue;
            }
            self.eat(b':')?;
            self.ws();
            *answer = self.likert()?;
            if self.try_eat(b'}') {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn importance(&mut self, out: &mut [Answer<Likert>; Concept::COUNT]) -> Option<()> {
        self.object(None, Concept::IDS, |s, k| {
            s.ws();
            out[k] = s.likert()?;
            Some(())
        })
    }

    fn comments(&mut self, instrument: &Instrument) -> Option<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> = Vec::new();
        self.eat(b'{')?;
        if self.try_eat(b'}') {
            return Some(out);
        }
        loop {
            let key = self.string()?;
            let known = Concept::parse(&key).is_some()
                || Module::parse(&key).is_some()
                || instrument.open_question(&key).is_some();
            if !known || out.iter().any(|(k, _)| *k == key) {
                return None;
            }
            self.eat(b':')?;
            // `null` is no comment, but the general reader still counts the key.
            if self.null() {
                return None;
            }
            let text = self.string()?.into_owned();
            out.push((key.into_owned(), text));
            if self.try_eat(b'}') {
                out.sort_by(|a, b| a.0.cmp(&b.0));
                return Some(out);
            }
            self.eat(b',')?;
        }
    }

    fn ladder(&mut self) -> Option<LadderAnswer> {
        let mut out = LadderAnswer::default();
        let mut extra = Extra::default();
        self.object(Some(&mut extra), &["current", "desired"], |s, k| {
            let a = s.id(Rung::parse)?;
            if k == 0 {
                out.current = a;
            } else {
                out.desired = a;
            }
            Some(())
        })?;
        out.extra = extra;
        Some(out)
    }

    fn interests(&mut self) -> Option<Interests> {
        let mut out = Interests::default();
        let mut extra = Extra::default();
        let mut influence_extra = Extra::default();
        // The questions, then `influence`.
        let mut keys = ["influence"; InterestQuestion::COUNT + 1];
        keys[..InterestQuestion::COUNT].copy_from_slice(InterestQuestion::IDS);
        self.object(Some(&mut extra), &keys, |s, k| {
            if k == InterestQuestion::COUNT {
                let mut answers = [Answer::Unanswered; InfluenceSource::COUNT];
                s.object(Some(&mut influence_extra), InfluenceSource::IDS, |s, k| {
                    s.ws();
                    answers[k] = s.likert()?;
                    Some(())
                })?;
                out.influence = answers;
            } else {
                s.ws();
                out.answers[k] = s.likert()?;
            }
            Some(())
        })?;
        out.extra = extra;
        out.influence_extra = influence_extra;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn same_is_equality_at_every_length() {
        let text = b"gelijkwaardigheid-afhankelijkheid";
        for n in 0..=text.len() {
            let a = &text[..n];
            assert!(same(a, a));
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same(a, &b), "{n} bytes, differing at {at}");
            }
            assert!(!same(a, &text[..n.saturating_sub(1)]) || n == 0);
        }
    }
}
