//! Mean, spread and range of a set of scores, accumulated one value at a time so that
//! a million respondents never need to be held in memory at once.

use serde::Serialize;

use crate::model::{Band, EPSILON};

/// A running summary (Welford's algorithm: stable for long runs of similar values).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    n: usize,
    mean: f64,
    m2: f64,
    min: f64,
    max: f64,
}

impl Summary {
    /// Adds one value.
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        if self.n == 1 {
            self.min = x;
            self.max = x;
        } else {
            self.min = self.min.min(x);
            self.max = self.max.max(x);
        }
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Combines two summaries (Chan et al.'s parallel update), as if every value of
    /// `other` had been added here.
    pub fn merge(&mut self, other: &Summary) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let n = self.n + other.n;
        let delta = other.mean - self.mean;
        self.mean += delta * other.n as f64 / n as f64;
        self.m2 += other.m2 + delta * delta * self.n as f64 * other.n as f64 / n as f64;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.n = n;
    }

    /// Adds a value if there is one.
    pub fn add_opt(&mut self, x: Option<f64>) {
        if let Some(x) = x {
            self.add(x);
        }
    }

    /// How many values were added.
    #[must_use]
    pub fn n(&self) -> usize {
        self.n
    }

    /// The mean, when there is at least one value.
    #[must_use]
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then_some(self.mean)
    }

    /// The sample standard deviation (n - 1); 0 for a single value.
    #[must_use]
    pub fn sd(&self) -> Option<f64> {
        match self.n {
            0 => None,
            1 => Some(0.0),
            n => Some((self.m2.max(0.0) / (n - 1) as f64).sqrt()),
        }
    }

    /// The statistics as reported.
    #[must_use]
    pub fn stats(&self) -> Stats {
        self.stats_with(Divergence::SCORE)
    }

    /// The statistics of one statement's answers. A single answer is a whole number, so
    /// one "2" beside one "4" is no sign of different perspectives yet: a statement
    /// diverges from 3 points apart, or from a spread (sd) of 1.25 among three or more.
    #[must_use]
    pub fn item_stats(&self) -> Stats {
        self.stats_with(Divergence::ITEM)
    }

    fn stats_with(&self, rule: Divergence) -> Stats {
        let (mean, sd) = (self.mean(), self.sd());
        let (min, max) = if self.n > 0 {
            (Some(self.min), Some(self.max))
        } else {
            (None, None)
        };
        let divergent = match (sd, min, max) {
            (Some(sd), Some(min), Some(max)) => {
                (self.n >= 3 && sd >= rule.sd - EPSILON) || max - min >= rule.range - EPSILON
            }
            _ => false,
        };
        Stats {
            n: self.n,
            mean,
            sd,
            min,
            max,
            band: mean.map(Band::of),
            divergent,
        }
    }
}

/// When perspectives differ ("meervoudig kijken"): a spread (sd, among three or more
/// respondents) or a distance between the lowest and the highest.
#[derive(Debug, Clone, Copy)]
struct Divergence {
    sd: f64,
    range: f64,
}

impl Divergence {
    /// For scores (means of several answers).
    const SCORE: Divergence = Divergence {
        sd: 1.0,
        range: 2.0,
    };
    /// For single answers.
    const ITEM: Divergence = Divergence {
        sd: 1.25,
        range: 3.0,
    };
}

/// Group statistics of one concept, module or source of influence.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stats {
    /// Respondents with a score.
    pub n: usize,
    /// Mean of their scores; `None` when nobody has one (missing, never 0).
    pub mean: Option<f64>,
    /// Sample standard deviation (n - 1), 0 when n = 1.
    pub sd: Option<f64>,
    /// Lowest score.
    pub min: Option<f64>,
    /// Highest score.
    pub max: Option<f64>,
    /// How the mean reads.
    pub band: Option<Band>,
    /// Perspectives differ: n >= 3 and sd >= 1.0, or max - min >= 2.0.
    pub divergent: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(xs: &[f64]) -> Stats {
        let mut s = Summary::default();
        for x in xs {
            s.add(*x);
        }
        s.stats()
    }

    #[test]
    fn empty_has_no_mean() {
        let s = summary(&[]);
        assert_eq!((s.n, s.mean, s.band, s.divergent), (0, None, None, false));
    }

    #[test]
    fn one_value_has_zero_spread() {
        let s = summary(&[3.5]);
        assert_eq!(
            (s.mean, s.sd, s.min, s.max),
            (Some(3.5), Some(0.0), Some(3.5), Some(3.5))
        );
        assert_eq!(s.band, Some(Band::Aandacht));
    }

    #[test]
    fn sample_sd_and_divergence() {
        // 2, 4, 4: mean 10/3, sample variance ((4/3)^2 + 2 (2/3)^2) / 2 = 4/3.
        let s = summary(&[2.0, 4.0, 4.0]);
        assert!((s.mean.unwrap_or_default() - 10.0 / 3.0).abs() < 1e-12);
        assert!((s.sd.unwrap_or_default() - (4.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!(s.divergent, "range 2.0 makes it divergent");
        let s = summary(&[3.0, 4.0, 4.5]);
        assert!(!s.divergent);
        // n = 2 with sd >= 1 but range < 2 is not divergent.
        let s = summary(&[2.6, 4.4]);
        assert!(s.sd.unwrap_or_default() > 1.0);
        assert!(!s.divergent);
    }

    #[test]
    fn merged_summaries_equal_one_summary() {
        let xs = [1.0, 2.5, 4.0, 3.0, 5.0, 2.0, 1.5];
        let mut whole = Summary::default();
        for x in xs {
            whole.add(x);
        }
        let (mut a, mut b) = (Summary::default(), Summary::default());
        for x in &xs[..3] {
            a.add(*x);
        }
        for x in &xs[3..] {
            b.add(*x);
        }
        a.merge(&b);
        let (w, m) = (whole.stats(), a.stats());
        assert_eq!((w.n, w.min, w.max), (m.n, m.min, m.max));
        assert!((w.mean.unwrap_or_default() - m.mean.unwrap_or_default()).abs() < 1e-12);
        assert!((w.sd.unwrap_or_default() - m.sd.unwrap_or_default()).abs() < 1e-12);
        let mut empty = Summary::default();
        empty.merge(&Summary::default());
        assert_eq!(empty.n(), 0);
    }

    #[test]
    fn a_single_answer_diverges_from_three_points_apart() {
        let item = |xs: &[f64]| {
            let mut s = Summary::default();
            for x in xs {
                s.add(*x);
            }
            s.item_stats().divergent
        };
        assert!(
            !item(&[2.0, 4.0]),
            "2 points apart is not yet divergent for one answer"
        );
        assert!(item(&[2.0, 5.0]));
        // sd of 2, 4, 5, 1 is 1.83 (>= 1.25) with n >= 3; of 2, 3, 4 it is 1.0.
        assert!(item(&[2.0, 4.0, 4.0, 1.0]));
        assert!(!item(&[2.0, 3.0, 4.0]));
    }

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(Band::of(4.0), Band::Sterk);
        assert_eq!(Band::of(3.999), Band::Aandacht);
        assert_eq!(Band::of(3.0), Band::Aandacht);
        assert_eq!(Band::of(2.999), Band::Zorg);
    }
}
