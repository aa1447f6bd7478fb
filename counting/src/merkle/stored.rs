//! Proofs from stored nodes, without reading the whole log.
//!
//! A log keeps the hash of every *complete* subtree: node (level ℓ,
//! index j) is the root of leaves `j·2^ℓ … (j+1)·2^ℓ − 1`, level 0 being
//! the leaf hashes. Every subtree RFC 9162 §2.1.1 splits a tree into
//! starts at a multiple of its own power-of-two size, so the root of any
//! range the proofs of §2.1.3.1 and §2.1.4.1 ask for is a handful of
//! stored nodes (at most one per level), and a proof costs O(log² n)
//! node reads and hashes instead of O(n).
//!
//! Appending leaf i completes one node per trailing one bit of i + 1
//! ([`completed_by`]); storing those as they come keeps every node a
//! proof will need.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::{Hash, ProofError, node_hash, verify_consistency, verify_inclusion};

/// Where complete-subtree nodes are read from (a database, a tile store,
/// a map in a test). `None` means the node is missing, which makes the
/// proof fail rather than be wrong.
pub trait Nodes {
    /// The root of leaves `index·2^level … (index+1)·2^level − 1`.
    fn node(&self, level: u32, index: u64) -> Option<Hash>;
}

/// Nodes held in memory, by (level, index).
impl Nodes for BTreeMap<(u32, u64), Hash> {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        self.get(&(level, index)).copied()
    }
}

/// Notes which nodes a computation reads (answering with zeros), so a
/// store can fetch exactly those in one query first: which nodes a proof
/// reads depends on its sizes and index only, never on the hashes.
#[derive(Debug, Default)]
pub struct Recorder(RefCell<BTreeSet<(u32, u64)>>);

impl Recorder {
    /// The nodes read so far, in (level, index) order.
    pub fn into_read(self) -> Vec<(u32, u64)> {
        self.0.into_inner().into_iter().collect()
    }
}

impl Nodes for Recorder {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        self.0.borrow_mut().insert((level, index));
        Some([0; 32])
    }
}

/// Why a proof could not be made from stored nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoredProofError {
    /// The sizes or index do not make a proof.
    #[error(transparent)]
    Proof(#[from] ProofError),
    /// A node the proof needs is not stored.
    #[error("node {index} at level {level} is not stored")]
    Missing {
        /// Its level.
        level: u32,
        /// Its index within the level.
        index: u64,
    },
}

/// A tree's size and root: what a checkpoint commits to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeHead {
    /// How many leaves.
    pub size: u64,
    /// The Merkle Tree Hash of those leaves.
    pub root: Hash,
}

impl TreeHead {
    /// The head of the first `size` leaves of `nodes` (the empty root for
    /// none).
    pub fn of(nodes: &impl Nodes, size: u64) -> Result<TreeHead, StoredProofError> {
        let root = if size == 0 {
            super::empty_root()
        } else {
            range_root(nodes, 0, size)?
        };
        Ok(TreeHead { size, root })
    }

    /// Checks that `leaf` is leaf `index` of this tree (RFC 9162 §2.1.3.2).
    pub fn verify_inclusion(
        &self,
        index: u64,
        leaf: &Hash,
        proof: &[Hash],
    ) -> Result<(), ProofError> {
        verify_inclusion(index, self.size, leaf, proof, &self.root)
    }

    /// Checks that `older` is a prefix of this tree (RFC 9162 §2.1.4.2).
    pub fn verify_consistency(&self, older: &TreeHead, proof: &[Hash]) -> Result<(), ProofError> {
        verify_consistency(older.size, self.size, proof, &older.root, &self.root)
    }
}

fn read(nodes: &impl Nodes, level: u32, index: u64) -> Result<Hash, StoredProofError> {
    nodes
        .node(level, index)
        .ok_or(StoredProofError::Missing { level, index })
}

/// The largest power of two strictly less than `n` (`n ≥ 2`).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// The root of leaves `start … end − 1` (`start < end`), where `start` is
/// a multiple of the largest power of two not above `end − start`, as
/// every subtree of RFC 9162's split is.
fn range_root(nodes: &impl Nodes, start: u64, end: u64) -> Result<Hash, StoredProofError> {
    let n = end - start;
    if n.is_power_of_two() && start.is_multiple_of(n) {
        return read(nodes, n.trailing_zeros(), start / n);
    }
    let k = split(n);
    let left = range_root(nodes, start, start + k)?;
    let right = range_root(nodes, start + k, end)?;
    Ok(node_hash(&left, &right))
}

/// The audit path of leaf `index` in the tree of the first `size` leaves
/// (PATH, §2.1.3.1), from stored nodes.
pub fn inclusion_proof(
    nodes: &impl Nodes,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, StoredProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size }.into());
    }
    let mut path = Vec::new();
    let (mut start, mut end, m) = (0, size, index);
    // Walk down to the leaf, noting each sibling; the path lists them
    // from the leaf up.
    while end - start > 1 {
        let k = split(end - start);
        if m < start + k {
            path.push(range_root(nodes, start + k, end)?);
            end = start + k;
        } else {
            path.push(range_root(nodes, start, start + k)?);
            start += k;
        }
    }
    path.reverse();
    Ok(path)
}

/// The proof that the first `first` leaves are a prefix of the first
/// `second` (PROOF, §2.1.4.1), from stored nodes.
pub fn consistency_proof(
    nodes: &impl Nodes,
    first: u64,
    second: u64,
) -> Result<Vec<Hash>, StoredProofError> {
    if first == 0 || first > second {
        return Err(ProofError::BadSizes { first, second }.into());
    }
    let mut proof = Vec::new();
    subproof(nodes, first, 0, second, true, &mut proof)?;
    Ok(proof)
}

/// SUBPROOF(m, D[start:end], whole) of §2.1.4.1, appending in the RFC's
/// order (the deepest part first).
fn subproof(
    nodes: &impl Nodes,
    m: u64,
    start: u64,
    end: u64,
    whole: bool,
    out: &mut Vec<Hash>,
) -> Result<(), StoredProofError> {
    let n = end - start;
    if m == n {
        if !whole {
            out.push(range_root(nodes, start, end)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(nodes, m, start, start + k, whole, out)?;
        out.push(range_root(nodes, start + k, end)?);
    } else {
        subproof(nodes, m - k, start + k, end, false, out)?;
        out.push(range_root(nodes, start, start + k)?);
    }
    Ok(())
}

/// The nodes that appending leaf `index` (with hash `leaf`) completes,
/// level 0 (the leaf) first: `(level, index, hash)`. `nodes` must hold
/// the nodes completed before it.
pub fn completed_by(
    nodes: &impl Nodes,
    index: u64,
    leaf: Hash,
) -> Result<Vec<(u32, u64, Hash)>, StoredProofError> {
    let mut done = vec![(0, index, leaf)];
    let (mut level, mut at, mut hash) = (0u32, index, leaf);
    while !at.is_multiple_of(2) {
        let left = read(nodes, level, at - 1)?;
        hash = node_hash(&left, &hash);
        level += 1;
        at /= 2;
        done.push((level, at, hash));
    }
    Ok(done)
}

pub mod audit;

#[cfg(test)]
mod tests;
