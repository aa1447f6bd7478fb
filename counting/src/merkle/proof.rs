//! Inclusion and consistency proofs: generation (RFC 9162 §2.1.3.1 and
//! §2.1.4.1) and verification (§2.1.3.2 and §2.1.4.2).

use super::{Hash, node_hash, root, split};

/// Why a proof cannot be made or does not verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The leaf index is not below the tree size.
    #[error("leaf index {index} is outside a tree of {size} leaves")]
    IndexOutOfRange {
        /// The requested index.
        index: u64,
        /// The tree size.
        size: u64,
    },
    /// A consistency proof needs `0 < first ≤ second`.
    #[error("no consistency proof between tree sizes {first} and {second}")]
    BadSizes {
        /// The older size.
        first: u64,
        /// The newer size.
        second: u64,
    },
    /// The proof has the wrong number of hashes for the sizes.
    #[error("the proof has the wrong length for these tree sizes")]
    WrongLength,
    /// The recomputed root is not the expected one.
    #[error("the proof does not lead to the expected root")]
    RootMismatch,
}

/// The audit path for leaf `index` in the tree of `leaves` (PATH, §2.1.3.1).
pub fn inclusion_proof(index: u64, leaves: &[Hash]) -> Result<Vec<Hash>, ProofError> {
    let size = leaves.len() as u64;
    let m = usize::try_from(index).ok().filter(|m| *m < leaves.len());
    let m = m.ok_or(ProofError::IndexOutOfRange { index, size })?;
    let mut path = Vec::new();
    path_into(m, leaves, &mut path);
    Ok(path)
}

fn path_into(m: usize, leaves: &[Hash], out: &mut Vec<Hash>) {
    if leaves.len() <= 1 {
        return;
    }
    let k = split(leaves.len());
    if m < k {
        path_into(m, &leaves[..k], out);
        out.push(root(&leaves[k..]));
    } else {
        path_into(m - k, &leaves[k..], out);
        out.push(root(&leaves[..k]));
    }
}

/// The proof that the first `first` leaves are a prefix of `leaves`
/// (PROOF, §2.1.4.1).
pub fn consistency_proof(first: u64, leaves: &[Hash]) -> Result<Vec<Hash>, ProofError> {
    let second = leaves.len() as u64;
    let m = usize::try_from(first)
        .ok()
        .filter(|m| *m > 0 && *m <= leaves.len());
    let m = m.ok_or(ProofError::BadSizes { first, second })?;
    let mut proof = Vec::new();
    subproof_into(m, leaves, true, &mut proof);
    Ok(proof)
}

fn subproof_into(m: usize, leaves: &[Hash], whole: bool, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if m == n {
        if !whole {
            out.push(root(leaves));
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof_into(m, &leaves[..k], whole, out);
        out.push(root(&leaves[k..]));
    } else {
        subproof_into(m - k, &leaves[k..], false, out);
        out.push(root(&leaves[..k]));
    }
}

/// Checks that `leaf` is at `index` in the tree of `size` leaves with
/// root `expected` (§2.1.3.2).
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    expected: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return Err(ProofError::WrongLength);
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(ProofError::WrongLength);
    }
    if &r == expected {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// Checks that the tree of `first` leaves with root `first_root` is a
/// prefix of the tree of `second` leaves with root `second_root`
/// (§2.1.4.2).
pub fn verify_consistency(
    first: u64,
    second: u64,
    proof: &[Hash],
    first_root: &Hash,
    second_root: &Hash,
) -> Result<(), ProofError> {
    if first == 0 || first > second {
        return Err(ProofError::BadSizes { first, second });
    }
    if first == second {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        return if first_root == second_root {
            Ok(())
        } else {
            Err(ProofError::RootMismatch)
        };
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if first.is_power_of_two() {
        path.push(*first_root);
    }
    path.extend_from_slice(proof);
    let (first_hash, rest) = path.split_first().ok_or(ProofError::WrongLength)?;
    let (mut f_n, mut s_n) = (first - 1, second - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut f_r, mut s_r) = (*first_hash, *first_hash);
    for c in rest {
        if s_n == 0 {
            return Err(ProofError::WrongLength);
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    if s_n != 0 {
        return Err(ProofError::WrongLength);
    }
    if &f_r == first_root && &s_r == second_root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}
