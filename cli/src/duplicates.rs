//! The same response given twice counts once.
//!
//! A response's identity is its [`fingerprint`](crate::response::fingerprint); the
//! first source with an identity is remembered in a compact [`SourceRef`], so memory
//! grows by a few words per distinct response, never by its text.

use std::collections::HashMap;

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
            return match lang {
                Lang::Nl => format!("{copy} is meer dan eens opgegeven; het telt één keer mee"),
                Lang::En => format!("{copy} is given more than once; it counts once"),
            };
        }
        match lang {
            Lang::Nl => format!("{copy} is dezelfde respons als {first}; die telt één keer mee"),
            Lang::En => format!("{copy} is the same response as {first}; it counts once"),
        }
    }
}

/// The identities seen so far, each with the source where it came first.
#[derive(Debug, Default)]
pub struct FirstSeen {
    first: HashMap<u64, SourceRef>,
}

impl FirstSeen {
    /// Records the response with `identity` at `at`. It is new (`None`), or a duplicate
    /// of the one seen first. Call in the order of the sources.
    pub fn check(&mut self, identity: u64, at: SourceRef) -> Option<Duplicate> {
        match self.first.entry(identity) {
            std::collections::hash_map::Entry::Occupied(e) => Some(Duplicate {
                copy: at,
                first: *e.get(),
            }),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(at);
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
}
