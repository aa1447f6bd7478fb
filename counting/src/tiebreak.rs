//! Tie-breaking: the seed and the seeded order of projects.
//!
//! The seed is `SHA-256("pebble/tiebreak" ‖ sealed log root ‖ entropy)`,
//! where `entropy` is the public text entered at the certification
//! meeting, as UTF-8 bytes. No one can know it while votes are cast.
//!
//! The seeded order ranks each project by its key
//! `SHA-256("pebble/tiebreak/order" ‖ seed ‖ id)` (the id as ASCII bytes),
//! smallest key first; the first project in that order is the preferred
//! one. Anyone can recompute it with nothing but SHA-256.

use std::cmp::Ordering;

use sha2::{Digest, Sha256};

use crate::merkle::Hash;
use crate::{Cents, ProjectId, TieBreak};

/// The tie-break seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Seed(pub Hash);

impl Seed {
    /// Derives the seed from the sealed log root and the public entropy.
    pub fn derive(sealed_root: &Hash, entropy: &str) -> Seed {
        let mut hasher = Sha256::new();
        hasher.update(b"pebble/tiebreak");
        hasher.update(sealed_root);
        hasher.update(entropy.as_bytes());
        Seed(hasher.finalize().into())
    }

    /// A project's key in the seeded order.
    pub fn key(&self, id: &ProjectId) -> Hash {
        let mut hasher = Sha256::new();
        hasher.update(b"pebble/tiebreak/order");
        hasher.update(self.0);
        hasher.update(id.as_str().as_bytes());
        hasher.finalize().into()
    }
}

/// A total preference order over projects for breaking ties: `Less`
/// means `a` is preferred to `b` (funded first, or kept when eliminating).
#[derive(Clone, Debug)]
pub struct Preference {
    policy: TieBreak,
    seed: Seed,
}

impl Preference {
    /// The order a manifest's policy and a seed define.
    pub fn new(policy: TieBreak, seed: Seed) -> Self {
        Preference { policy, seed }
    }

    /// Compares two projects; ties in cost (where cost counts) go to the
    /// seeded order, and ids make the order total in any case.
    pub fn compare(&self, a: (&ProjectId, Cents), b: (&ProjectId, Cents)) -> Ordering {
        let seeded = || {
            self.seed
                .key(a.0)
                .cmp(&self.seed.key(b.0))
                .then_with(|| a.0.cmp(b.0))
        };
        match self.policy {
            TieBreak::Id => a.0.cmp(b.0),
            TieBreak::CheapestThenSeeded => a.1.cmp(&b.1).then_with(seeded),
            TieBreak::PreviousRoundThenSeeded => seeded(),
        }
    }

    /// The policy.
    pub fn policy(&self) -> TieBreak {
        self.policy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{from_hex, to_hex};
    use crate::testing::id;

    #[test]
    fn the_seed_is_sha256_of_tag_root_and_entropy() {
        let root = from_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
            .unwrap_or_default();
        // Python: hashlib.sha256(b"pebble/tiebreak" + root + "dice: 4 2 6".encode()).hexdigest()
        assert_eq!(
            to_hex(&Seed::derive(&root, "dice: 4 2 6").0),
            "f95b94d08b4cc5712da5284231516429a366bb0f18662eafc7375aaeac1af049"
        );
    }

    #[test]
    fn the_seeded_order_is_reproducible_from_the_keys() {
        let seed = Seed([7; 32]);
        let preference = Preference::new(TieBreak::PreviousRoundThenSeeded, seed);
        let mut ids = vec![id("a"), id("b"), id("c"), id("d")];
        ids.sort_by(|x, y| preference.compare((x, Cents::ZERO), (y, Cents::ZERO)));
        let mut by_key = ids.clone();
        by_key.sort_by_key(|p| seed.key(p));
        assert_eq!(ids, by_key);
    }

    #[test]
    fn cheapest_then_seeded_prefers_the_cheaper_project() {
        let preference = Preference::new(TieBreak::CheapestThenSeeded, Seed([1; 32]));
        let (a, b) = (id("a"), id("b"));
        assert_eq!(
            preference.compare((&b, Cents::new(5)), (&a, Cents::new(9))),
            Ordering::Less
        );
        assert_eq!(
            preference.compare((&a, Cents::new(9)), (&b, Cents::new(5))),
            Ordering::Greater
        );
    }

    #[test]
    fn id_policy_is_ascending_id() {
        let preference = Preference::new(TieBreak::Id, Seed([1; 32]));
        assert_eq!(
            preference.compare((&id("10"), Cents::new(1)), (&id("9"), Cents::ZERO)),
            Ordering::Less
        );
    }
}
