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
        let mut scores = Scores::default();
        for c in Concept::ALL {
            scores.concepts[c.index()] = mean_of(instrument.concept_slots(*c), &response.answers);
        }
        for (i, m) in Module::SCORED.iter().enumerate() {
            scores.modules[i] = mean_of(instrument.module_slots(*m), &response.answers);
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
    let (mut answered, mut sum) = (0usize, 0u32);
    for slot in slots {
        if let Some(v) = counted(*slot, answers) {
            answered += 1;
            sum += u32::from(v);
        }
    }
    (answered > 0 && answered >= slots.len().div_ceil(2)).then(|| f64::from(sum) / answered as f64)
}
