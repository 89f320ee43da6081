//! One respondent's scores per concept and per scored module.

use crate::instrument::{Instrument, Slot};
use crate::likert::Likert;
use crate::model::{Concept, Module};
use crate::response::{Answer, Response};

/// A respondent's scores. A score exists only when at least half of the items
/// (rounded up) were answered on the scale; otherwise it is missing, never 0.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    /// Per concept, indexed by [`Concept::index`].
    pub concepts: [Option<f64>; Concept::COUNT],
    /// Per scored module, indexed like [`Module::SCORED`].
    pub modules: [Option<f64>; 3],
}

impl Scores {
    /// Scores `response` on `instrument`.
    ///
    /// ```
    /// use netwerkregie::{Concept, Instrument, Response, Scores};
    /// let instrument = Instrument::builtin();
    /// let scores = Scores::of(instrument, &Response::new(instrument));
    /// assert_eq!(scores.concept(Concept::Respect), None);
    /// ```
    #[must_use]
    pub fn of(instrument: &Instrument, response: &Response) -> Scores {
        let asked = response.migrated.as_ref().map(|m| m.asked.as_slice());
        let mut scores = Scores::default();
        for c in Concept::ALL {
            scores.concepts[c.index()] =
                mean_asked(instrument.concept_slots(*c), &response.answers, asked);
        }
        for (i, m) in Module::SCORED.iter().enumerate() {
            scores.modules[i] = mean_asked(instrument.module_slots(*m), &response.answers, asked);
        }
        scores
    }

    /// The score of a concept.
    #[must_use]
    pub fn concept(&self, c: Concept) -> Option<f64> {
        self.concepts[c.index()]
    }

    /// The score of a module; `None` for modules without Likert items.
    #[must_use]
    pub fn module(&self, m: Module) -> Option<f64> {
        Module::SCORED
            .iter()
            .position(|s| *s == m)
            .and_then(|i| self.modules[i])
    }
}

/// The value an answer counts for: reverse items as `6 - v`; "weet niet" and unanswered
/// count for nothing.
#[must_use]
pub fn counted(slot: Slot, answers: &[Answer<Likert>]) -> Option<u8> {
    let v = answers.get(usize::from(slot.index))?.value()?;
    Some(if slot.reverse { v.reversed() } else { v }.get())
}

/// The mean of the answered items (reverse items as `6 - v`) when at least half are
/// answered. The one scoring rule, shared by the page's first chart and the report.
#[must_use]
pub fn mean_of(slots: &[Slot], answers: &[Answer<Likert>]) -> Option<f64> {
    mean_asked(slots, answers, None)
}

/// [`mean_of`] for a response to an earlier version: "at least half" counts only the
/// items that version asked (`asked`, by slot; `None` when it asked every item).
#[must_use]
pub fn mean_asked(
    slots: &[Slot],
    answers: &[Answer<Likert>],
    asked: Option<&[bool]>,
) -> Option<f64> {
    let (mut total, mut answered, mut sum) = (0usize, 0usize, 0u32);
    for slot in slots {
        if asked.is_some_and(|a| !a.get(usize::from(slot.index)).copied().unwrap_or(false)) {
            continue;
        }
        total += 1;
        if let Some(v) = counted(*slot, answers) {
            answered += 1;
            sum += u32::from(v);
        }
    }
    (answered > 0 && answered >= total.div_ceil(2)).then(|| f64::from(sum) / answered as f64)
}
