//! Merkle tree maths for the ballot log, exactly as RFC 9162 §2.1 (and
//! RFC 6962 §2.1) define it, over SHA-256:
//!
//! - leaf hash `SHA-256(0x00 ‖ data)`, node hash `SHA-256(0x01 ‖ left ‖ right)`;
//! - the root of an empty tree is `SHA-256()` of nothing;
//! - a tree of `n > 1` leaves splits at `k`, the largest power of two `< n`.
//!
//! Everything here works on leaf *hashes*: the log stores them, and a
//! verifier holds one. Proof generation from all the leaves costs O(n)
//! hashes, from stored complete-subtree nodes ([`stored`]) O(log² n);
//! verification O(log n).

mod proof;
pub mod stored;

use sha2::{Digest, Sha256};

pub use proof::{
    ProofError, consistency_proof, inclusion_proof, verify_consistency, verify_inclusion,
};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// `SHA-256(0x00 ‖ data)`: the hash of one log entry (RFC 9162 §2.1.1).
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(data);
    hasher.finalize().into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`: an interior node (RFC 9162 §2.1.1).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The root of an empty tree: SHA-256 of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The Merkle Tree Hash of the leaves whose hashes are given (MTH, RFC 9162
/// §2.1.1).
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves {
        [] => empty_root(),
        [only] => *only,
        _ => {
            let k = split(leaves.len());
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// The largest power of two strictly less than `n` (`n ≥ 2`).
pub(crate) fn split(n: usize) -> usize {
    debug_assert!(n >= 2);
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

/// Lower-case hexadecimal of a hash (or any bytes: ids, key ids), as
/// published in checkpoints and the API.
pub fn to_hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// The bytes of `text`, if it is hexadecimal: an even number of hex
/// digits, either case, nothing else (no sign, no spaces).
pub fn bytes_from_hex(text: &str) -> Option<Vec<u8>> {
    hex::decode(text).ok()
}

/// Parses 64 hexadecimal digits into a hash.
pub fn from_hex(text: &str) -> Option<Hash> {
    bytes_from_hex(text)?.try_into().ok()
}

#[cfg(test)]
mod tests;
