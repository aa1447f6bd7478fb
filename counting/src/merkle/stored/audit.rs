//! Auditing a stored log: the complete-subtree nodes a store holds,
//! checked against the nodes its leaves make. A database administrator
//! who edits a node, drops one or adds one, and a restore that lost some,
//! all show here before any proof is served from them (RFC 9162 §2.1.1
//! defines the hashes; the nodes are the roots of complete subtrees,
//! as [`super::completed_by`] stores them).

use std::collections::BTreeMap;

use super::super::Hash;
use super::{StoredProofError, completed_by};

/// Every complete-subtree node of a log whose leaf hashes are `leaves`, by
/// (level, index): what a store that appended them one by one holds.
pub fn all_nodes(leaves: &[Hash]) -> BTreeMap<(u32, u64), Hash> {
    let mut nodes = BTreeMap::new();
    for (index, leaf) in (0u64..).zip(leaves) {
        // The nodes an append completes need only nodes already made.
        let done: Result<Vec<(u32, u64, Hash)>, StoredProofError> =
            completed_by(&nodes, index, *leaf);
        for (level, at, hash) in done.unwrap_or_default() {
            nodes.insert((level, at), hash);
        }
    }
    nodes
}

/// A stored node that disagrees with the leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeProblem {
    /// Stored with another hash than the leaves make.
    Wrong {
        /// Its level (0: a leaf).
        level: u32,
        /// Its index within the level.
        index: u64,
    },
    /// The leaves make it; the store does not hold it.
    Missing {
        /// Its level.
        level: u32,
        /// Its index within the level.
        index: u64,
    },
    /// The store holds it; the leaves do not make it (beyond the log).
    Extra {
        /// Its level.
        level: u32,
        /// Its index within the level.
        index: u64,
    },
}

impl std::fmt::Display for NodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NodeProblem::Wrong { level, index } => write!(
                f,
                "node (level {level}, index {index}) is stored with another hash than its entries make"
            ),
            NodeProblem::Missing { level, index } => {
                write!(f, "node (level {level}, index {index}) is missing")
            }
            NodeProblem::Extra { level, index } => write!(
                f,
                "node (level {level}, index {index}) is stored but lies beyond the log's entries"
            ),
        }
    }
}

/// Compares `stored` with the nodes `leaves` make, in (level, index)
/// order.
pub fn audit(leaves: &[Hash], stored: &BTreeMap<(u32, u64), Hash>) -> Vec<NodeProblem> {
    let made = all_nodes(leaves);
    let mut problems = Vec::new();
    for (&(level, index), hash) in &made {
        match stored.get(&(level, index)) {
            None => problems.push(NodeProblem::Missing { level, index }),
            Some(found) if found != hash => problems.push(NodeProblem::Wrong { level, index }),
            Some(_) => {}
        }
    }
    for &(level, index) in stored.keys() {
        if !made.contains_key(&(level, index)) {
            problems.push(NodeProblem::Extra { level, index });
        }
    }
    problems.sort_by_key(|p| match *p {
        NodeProblem::Wrong { level, index }
        | NodeProblem::Missing { level, index }
        | NodeProblem::Extra { level, index } => (level, index),
    });
    problems
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::merkle::stored::TreeHead;
    use crate::merkle::{leaf_hash, root};

    fn leaves(n: u64) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    #[test]
    fn seven_leaves_make_seven_leaf_nodes_three_pairs_and_one_quad() {
        let nodes = all_nodes(&leaves(7));
        let per_level: Vec<usize> = (0..4)
            .map(|level| nodes.keys().filter(|(l, _)| *l == level).count())
            .collect();
        assert_eq!(per_level, [7, 3, 1, 0]);
    }

    #[test]
    fn a_flipped_bit_a_dropped_node_and_an_added_one_are_each_named() {
        let leaves = leaves(6);
        let mut stored = all_nodes(&leaves);
        assert_eq!(audit(&leaves, &stored), []);
        if let Some(hash) = stored.get_mut(&(1, 2)) {
            hash[31] ^= 1;
        }
        stored.remove(&(0, 5));
        stored.insert((0, 6), [0; 32]);
        assert_eq!(
            audit(&leaves, &stored),
            [
                NodeProblem::Missing { level: 0, index: 5 },
                NodeProblem::Extra { level: 0, index: 6 },
                NodeProblem::Wrong { level: 1, index: 2 },
            ]
        );
    }

    proptest! {
        #[test]
        fn the_nodes_give_the_root_of_the_leaves(n in 0u64..300) {
            let leaves = leaves(n);
            let head = TreeHead::of(&all_nodes(&leaves), n).expect("every node is there");
            prop_assert_eq!(head.root, root(&leaves));
        }
    }
}
