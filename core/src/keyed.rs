//! Values per member of a small fixed vocabulary, held in an array indexed by the enum
//! and written as a JSON object keyed by id, in the model's order.
//!
//! Concepts, modules, rungs and sources are small fixed sets: an array beats a map
//! keyed by strings in time and in code size, and the file format stays the same.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::model::{Concept, InfluenceSource, Module, Role, Rung};

/// A fixed set of keys: how many there are and the id of each.
pub trait Keys: Copy {
    /// The number of keys.
    const N: usize;
    /// The id of the key at `index`.
    fn id_at(index: usize) -> &'static str;
    /// The index of this key.
    fn position(self) -> usize;
}

macro_rules! keys {
    ($($t:ty),+) => {$(
        impl Keys for $t {
            const N: usize = <$t>::COUNT;
            fn id_at(index: usize) -> &'static str {
                <$t>::ALL.get(index).map_or("", |k| k.id())
            }
            fn position(self) -> usize {
                self.index()
            }
        }
    )+};
}

keys!(Concept, InfluenceSource, Role, Rung);

/// The three scored modules: opgave, organisatie, relaties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored(pub Module);

impl Keys for Scored {
    const N: usize = 3;
    fn id_at(index: usize) -> &'static str {
        Module::SCORED.get(index).map_or("", |m| m.id())
    }
    fn position(self) -> usize {
        Module::SCORED
            .iter()
            .position(|m| *m == self.0)
            .unwrap_or(0)
    }
}

/// One value per key of `K`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyed<K: Keys, T, const N: usize> {
    /// The values, by the key's index.
    pub values: [T; N],
    keys: PhantomData<K>,
}

impl<K: Keys, T, const N: usize> Keyed<K, T, N> {
    /// Wraps the values, given in the keys' order.
    #[must_use]
    pub fn new(values: [T; N]) -> Self {
        Keyed {
            values,
            keys: PhantomData,
        }
    }

    /// Each key's id with its value, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        self.values
            .iter()
            .enumerate()
            .map(|(i, v)| (K::id_at(i), v))
    }
}

impl<K: Keys, T: Default, const N: usize> Default for Keyed<K, T, N> {
    fn default() -> Self {
        Keyed::new(std::array::from_fn(|_| T::default()))
    }
}

impl<K: Keys, T, const N: usize> Index<K> for Keyed<K, T, N> {
    type Output = T;
    fn index(&self, key: K) -> &T {
        &self.values[key.position()]
    }
}

impl<K: Keys, T, const N: usize> IndexMut<K> for Keyed<K, T, N> {
    fn index_mut(&mut self, key: K) -> &mut T {
        &mut self.values[key.position()]
    }
}

impl<K: Keys, T: Serialize, const N: usize> Serialize for Keyed<K, T, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(N))?;
        for (i, v) in self.values.iter().enumerate() {
            map.serialize_entry(K::id_at(i), v)?;
        }
        map.end()
    }
}

/// Per concept.
pub type ByConcept<T> = Keyed<Concept, T, { Concept::COUNT }>;
/// Per scored module.
pub type ByModule<T> = Keyed<Scored, T, 3>;
/// Per rung.
pub type ByRung<T> = Keyed<Rung, T, { Rung::COUNT }>;
/// Per role.
pub type ByRole<T> = Keyed<Role, T, { Role::COUNT }>;
/// Per source of influence.
pub type ByInfluence<T> = Keyed<InfluenceSource, T, { InfluenceSource::COUNT }>;
