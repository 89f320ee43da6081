//! One respondent's scores per concept and per scored module.

use crate::instrument::{Instrument, Item};
use crate::model::{Concept, Module};
use crate::response::Response;

/// A respondent's scores. A score exists only when at least half of the items
/// (rounded up) were answered on the scale; otherwise it is missing, never 0.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    /// Per concept, indexed by [`Concept::index`].
    pub concepts: [Option<f64>; 6],
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
            scores.concepts[c.index()] = mean_of(instrument.items_of_concept(*c), response);
        }
        for (i, m) in Module::SCORED.iter().enumerate() {
            scores.modules[i] = mean_of(instrument.items_of_module(*m), response);
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

/// Mean of the answered items (reverse items as `6 - v`) when at least half are answered.
fn mean_of<'a>(items: impl Iterator<Item = &'a Item>, response: &Response) -> Option<f64> {
    let (mut total, mut answered, mut sum) = (0usize, 0usize, 0u32);
    for item in items {
        total += 1;
        if let Some(v) = response.answer(&item.id) {
            answered += 1;
            let v = if item.reverse { v.reversed() } else { v };
            sum += u32::from(v.get());
        }
    }
    (answered > 0 && answered >= total.div_ceil(2)).then(|| f64::from(sum) / answered as f64)
}
