//! Tie-breaking: the seed and the seeded order of projects.
//!
//! The seed is `SHA-256("pebble/tiebreak" ‖ sealed log root ‖ reveals)`,
//! where `reveals` holds, for each committee member in the frozen
//! manifest's order, `0x01 ‖ secret` (their 32-byte tie-break secret,
//! which opens the commitment the manifest froze; see
//! [`crate::committee`]) or `0x00` if they did not reveal. The secrets
//! were committed to before any vote was cast and the root is fixed when
//! the log is sealed, so no one can know the seed while votes are cast,
//! and no member can choose it: each can only reveal their one secret or
//! withhold it.
//!
//! The seeded order ranks each project by its key
//! `SHA-256("pebble/tiebreak/order" ‖ seed ‖ id)` (the id as ASCII bytes),
//! smallest key first; the first project in that order is the preferred
//! one. Anyone can recompute it with nothing but SHA-256.

use std::cmp::Ordering;

use sha2::{Digest, Sha256};

use crate::merkle::Hash;
use crate::{Cents, ProjectId, TieBreak};

/// Each committee member's tie-break reveal in member order: their
/// 32-byte secret, or `None` if they did not reveal.
pub type Reveals = Vec<Option<[u8; 32]>>;

/// The tie-break seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Seed(pub Hash);

impl Seed {
    /// Derives the seed from the sealed log root and each member's reveal
    /// (`None` for a member who did not reveal), in member order.
    pub fn from_reveals(sealed_root: &Hash, reveals: &[Option<[u8; 32]>]) -> Seed {
        let mut hasher = Sha256::new();
        hasher.update(b"pebble/tiebreak");
        hasher.update(sealed_root);
        for reveal in reveals {
            match reveal {
                Some(secret) => {
                    hasher.update([1]);
                    hasher.update(secret);
                }
                None => hasher.update([0]),
            }
        }
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
    fn the_seed_is_sha256_of_tag_root_and_each_members_reveal_or_its_absence() {
        let root = from_hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
            .unwrap_or_default();
        // Python: hashlib.sha256(b"pebble/tiebreak" + root + b"\x01" +
        // b"\xaa" * 32 + b"\x00" + b"\x01" + b"\xbb" * 32).hexdigest()
        let all = [Some([0xaa; 32]), None, Some([0xbb; 32])];
        assert_eq!(
            to_hex(&Seed::from_reveals(&root, &all).0),
            "9ee1e1b89eadc931714c481283acc787beee35ed16f592879744b23a0a01730a"
        );
        // The same with the third member withholding: ... + b"\x00").
        let withheld = [Some([0xaa; 32]), None, None];
        assert_eq!(
            to_hex(&Seed::from_reveals(&root, &withheld).0),
            "f85a0c58ea55c318f4d0749ed68c34e7d2cf5c2070e5d6e61db51bf886729e20"
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
