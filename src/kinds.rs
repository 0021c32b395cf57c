//! [`ByKind`]: one value per kind of entity (people, organisations, places), for what the index
//! and the pages keep the same way for each kind. Indexed by [`EntityKind`], so that code
//! written once for a kind does not repeat itself in a three-arm `match`.

use crate::annotate::EntityKind;

/// The kinds in their order (the order of [`EntityKind`], and of [`ByKind::iter`]).
pub const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organisation, EntityKind::Place];

/// A `T` for each kind of entity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ByKind<T> {
    pub people: T,
    pub organisations: T,
    pub places: T,
}

impl<T> ByKind<T> {
    /// One value per kind, made by `make`, in [`KINDS`] order.
    pub fn new(mut make: impl FnMut(EntityKind) -> T) -> ByKind<T> {
        ByKind {
            people: make(EntityKind::Person),
            organisations: make(EntityKind::Organisation),
            places: make(EntityKind::Place),
        }
    }

    /// Each kind with its value, in [`KINDS`] order.
    pub fn iter(&self) -> impl Iterator<Item = (EntityKind, &T)> {
        KINDS.into_iter().zip([&self.people, &self.organisations, &self.places])
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (EntityKind, &mut T)> {
        KINDS.into_iter().zip([&mut self.people, &mut self.organisations, &mut self.places])
    }

    pub fn map<U>(&self, mut f: impl FnMut(EntityKind, &T) -> U) -> ByKind<U> {
        ByKind::new(|kind| f(kind, &self[kind]))
    }
}

impl<T> std::ops::Index<EntityKind> for ByKind<T> {
    type Output = T;

    fn index(&self, kind: EntityKind) -> &T {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Organisation => &self.organisations,
            EntityKind::Place => &self.places,
        }
    }
}

impl<T> std::ops::IndexMut<EntityKind> for ByKind<T> {
    fn index_mut(&mut self, kind: EntityKind) -> &mut T {
        match kind {
            EntityKind::Person => &mut self.people,
            EntityKind::Organisation => &mut self.organisations,
            EntityKind::Place => &mut self.places,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reaches_its_own_value() {
        let mut counts = ByKind::new(|kind| vec![kind]);
        counts[EntityKind::Place].push(EntityKind::Person);
        assert_eq!(counts.places, vec![EntityKind::Place, EntityKind::Person]);
        assert_eq!(counts[EntityKind::Organisation], vec![EntityKind::Organisation]);
        let kinds: Vec<EntityKind> = counts.iter().map(|(kind, _)| kind).collect();
        assert_eq!(kinds, KINDS);
        assert_eq!(counts.map(|_, list| list.len()), ByKind { people: 1, organisations: 1, places: 2 });
    }
}
