//! The same response given twice counts once.
//!
//! A response's identity is its [`fingerprint`](crate::response::fingerprint); the
//! first source with an identity is remembered in one word (file index and line
//! packed), so memory grows by about 17 bytes per distinct response (a hash table
//! entry of two `u64`s), never by its text.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use netwerkregie::Lang;

use crate::input::{SourceRef, Sources};

/// A response seen before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// Where it came again.
    pub copy: SourceRef,
    /// Where it came first (and counts).
    pub first: SourceRef,
}

impl Duplicate {
    /// The warning, in `lang`.
    #[must_use]
    pub fn message(&self, sources: &Sources, lang: Lang) -> String {
        let copy = sources.name(self.copy);
        let first = sources.name(self.first);
        if copy == first {
            return if lang.is_dutch() {
                format!("{copy} is meer dan eens opgegeven; het telt één keer mee")
            } else {
                format!("{copy} is given more than once; it counts once")
            };
        }
        if lang.is_dutch() {
            format!("{copy} is dezelfde respons als {first}; die telt één keer mee")
        } else {
            format!("{copy} is the same response as {first}; it counts once")
        }
    }
}

/// The identities seen so far, each with the source where it came first.
#[derive(Debug, Default)]
pub struct FirstSeen {
    first: HashMap<u64, u64, BuildHasherDefault<Identity>>,
    /// Sources too large to pack (more than 2^23 files or 2^40 lines: never in
    /// practice, but then still told truly).
    wide: Vec<SourceRef>,
}

/// Bits of a packed source for the line; the file index gets the rest but the top bit.
const LINE_BITS: u32 = 40;
/// The top bit marks an index into `wide`.
const WIDE: u64 = 1 << 63;

/// `at` in one word, or an index into `wide`.
fn pack(wide: &mut Vec<SourceRef>, at: SourceRef) -> u64 {
    let file = u64::from(at.file);
    if at.line < 1 << LINE_BITS && file < 1 << (63 - LINE_BITS) {
        (file << LINE_BITS) | at.line
    } else {
        wide.push(at);
        WIDE | (wide.len() as u64 - 1)
    }
}

impl FirstSeen {
    fn unpack(&self, packed: u64) -> SourceRef {
        if packed & WIDE == 0 {
            SourceRef {
                file: (packed >> LINE_BITS) as u32,
                line: packed & ((1 << LINE_BITS) - 1),
            }
        } else {
            // `pack` pushed it; an index that is not there cannot happen.
            self.wide
                .get((packed & !WIDE) as usize)
                .copied()
                .unwrap_or(SourceRef { file: 0, line: 0 })
        }
    }
}

/// The keys are hashes already: hashing them again would only cost time.
#[derive(Debug, Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used for `u64` keys; this keeps any other use sound.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl FirstSeen {
    /// Records the response with `identity` at `at`. It is new (`None`), or a duplicate
    /// of the one seen first. Call in the order of the sources.
    pub fn check(&mut self, identity: u64, at: SourceRef) -> Option<Duplicate> {
        // One probe of the table: a million identities do not fit in the cache.
        match self.first.entry(identity) {
            Entry::Occupied(first) => {
                let first = *first.get();
                Some(Duplicate {
                    copy: at,
                    first: self.unpack(first),
                })
            }
            Entry::Vacant(slot) => {
                slot.insert(pack(&mut self.wide, at));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_counts() {
        let mut seen = FirstSeen::default();
        let a = SourceRef { file: 0, line: 0 };
        let b = SourceRef { file: 1, line: 3 };
        assert_eq!(seen.check(7, a), None);
        assert_eq!(seen.check(8, b), None);
        assert_eq!(seen.check(7, b), Some(Duplicate { copy: b, first: a }));
    }

    #[test]
    fn sources_pack_and_unpack_to_the_truth() {
        let mut seen = FirstSeen::default();
        for (i, at) in [
            SourceRef { file: 0, line: 0 },
            SourceRef {
                file: 3,
                line: (1 << 40) - 1,
            },
            SourceRef {
                file: (1 << 23) - 1,
                line: 12,
            },
            SourceRef {
                file: 1 << 23,
                line: 1,
            },
            SourceRef {
                file: u32::MAX,
                line: u64::MAX,
            },
            SourceRef {
                file: 1,
                line: 1 << 40,
            },
        ]
        .into_iter()
        .enumerate()
        {
            let copy = SourceRef { file: 9, line: 9 };
            assert_eq!(seen.check(i as u64, at), None);
            assert_eq!(
                seen.check(i as u64, copy),
                Some(Duplicate { copy, first: at })
            );
        }
        assert_eq!(seen.wide.len(), 3);
    }
}
