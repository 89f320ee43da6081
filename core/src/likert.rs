//! The 1..5 answer scale shared by items, importance, interests and influence.

use serde::Serialize;

/// One answer on the five-point scale. It cannot hold anything but 1..=5;
/// "weet niet" is the absence of a `Likert` (`Option::None`), never a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub struct Likert(u8);

impl Likert {
    /// The lowest point of the scale.
    pub const MIN: Likert = Likert(1);
    /// The highest point of the scale.
    pub const MAX: Likert = Likert(5);

    /// Returns the answer for `value`, or `None` outside 1..=5.
    #[must_use]
    pub fn new(value: u8) -> Option<Likert> {
        (1..=5).contains(&value).then_some(Likert(value))
    }

    /// The number 1..=5.
    #[must_use]
    pub fn get(self) -> u8 {
        self.0
    }

    /// The answer as it counts for a reverse-worded item: `6 - v`.
    #[must_use]
    pub fn reversed(self) -> Likert {
        Likert(6 - self.0)
    }
}

impl TryFrom<u8> for Likert {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Likert::new(value).ok_or_else(|| format!("{value} is not on the scale 1..5"))
    }
}

impl From<Likert> for u8 {
    fn from(value: Likert) -> u8 {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_five_exist() {
        assert_eq!(Likert::new(0), None);
        assert_eq!(Likert::new(6), None);
        assert_eq!(Likert::new(3).map(Likert::get), Some(3));
    }

    #[test]
    fn reverse_is_six_minus_v() {
        for v in 1..=5 {
            let l = Likert::new(v).expect("on the scale");
            assert_eq!(l.reversed().get(), 6 - v);
        }
    }
}
