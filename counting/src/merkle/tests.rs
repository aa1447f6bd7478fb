//! Known-answer tests and properties for the log maths.
//!
//! Vectors: the RFC 6962 reference implementation's test data
//! (google/certificate-transparency, `cpp/merkletree/merkle_tree_test.cc`,
//! also in transparency-dev/merkle): eight inputs, the root for every
//! tree size 0..=8, and sample inclusion and consistency proofs.

use proptest::prelude::*;

use super::*;

const INPUTS: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

const ROOTS: [&str; 9] = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

/// (leaf index, tree size, audit path).
const INCLUSION: [(u64, usize, &[&str]); 4] = [
    (
        0,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        &[
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        3,
        &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
    ),
    (
        1,
        5,
        &[
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

/// (first size, second size, consistency proof).
const CONSISTENCY: [(u64, usize, &[&str]); 4] = [
    (1, 1, &[]),
    (
        1,
        8,
        &[
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        &[
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        &[
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
];

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .filter_map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

fn h(hex: &str) -> Hash {
    from_hex(hex).unwrap_or_else(|| panic!("bad vector {hex}"))
}

fn reference_leaves() -> Vec<Hash> {
    INPUTS
        .iter()
        .map(|input| leaf_hash(&bytes(input)))
        .collect()
}

fn leaves(n: usize) -> Vec<Hash> {
    (0..n)
        .map(|i| leaf_hash(&(i as u64).to_be_bytes()))
        .collect()
}

fn flip_bit(hash: &Hash, bit: usize) -> Hash {
    let mut out = *hash;
    out[bit / 8 % 32] ^= 1 << (bit % 8);
    out
}

#[test]
fn roots_of_every_reference_size_match_the_published_ones() {
    let leaves = reference_leaves();
    for (size, expected) in ROOTS.iter().enumerate() {
        assert_eq!(to_hex(&root(&leaves[..size])), *expected, "size {size}");
    }
}

#[test]
fn inclusion_proofs_match_the_published_ones_and_verify() {
    let leaves = reference_leaves();
    for (index, size, path) in INCLUSION {
        let proof = inclusion_proof(index, &leaves[..size]).expect("in range");
        let hex: Vec<String> = proof.iter().map(|hash| to_hex(hash)).collect();
        assert_eq!(hex, path, "leaf {index} of {size}");
        let leaf = &leaves[index as usize];
        assert_eq!(
            verify_inclusion(index, size as u64, leaf, &proof, &h(ROOTS[size])),
            Ok(())
        );
    }
}

#[test]
fn consistency_proofs_match_the_published_ones_and_verify() {
    let leaves = reference_leaves();
    for (first, second, expected) in CONSISTENCY {
        let proof = consistency_proof(first, &leaves[..second]).expect("valid sizes");
        let hex: Vec<String> = proof.iter().map(|hash| to_hex(hash)).collect();
        assert_eq!(hex, expected, "{first} -> {second}");
        let (r1, r2) = (h(ROOTS[first as usize]), h(ROOTS[second]));
        assert_eq!(
            verify_consistency(first, second as u64, &proof, &r1, &r2),
            Ok(())
        );
    }
}

#[test]
fn out_of_range_requests_are_errors_not_panics() {
    let leaves = leaves(3);
    assert_eq!(
        inclusion_proof(3, &leaves),
        Err(ProofError::IndexOutOfRange { index: 3, size: 3 })
    );
    assert_eq!(
        consistency_proof(0, &leaves),
        Err(ProofError::BadSizes {
            first: 0,
            second: 3
        })
    );
    assert_eq!(
        consistency_proof(4, &leaves),
        Err(ProofError::BadSizes {
            first: 4,
            second: 3
        })
    );
    let r = root(&leaves);
    assert_eq!(
        verify_inclusion(0, 0, &leaves[0], &[], &r),
        Err(ProofError::IndexOutOfRange { index: 0, size: 0 })
    );
    assert_eq!(
        verify_consistency(3, 2, &[], &r, &r),
        Err(ProofError::BadSizes {
            first: 3,
            second: 2
        })
    );
}

#[test]
fn a_proof_with_a_hash_too_many_or_too_few_is_rejected() {
    let leaves = leaves(6);
    let r = root(&leaves);
    let mut proof = inclusion_proof(2, &leaves).expect("in range");
    proof.push(r);
    assert_eq!(
        verify_inclusion(2, 6, &leaves[2], &proof, &r),
        Err(ProofError::WrongLength)
    );
    proof.truncate(proof.len() - 2);
    assert!(verify_inclusion(2, 6, &leaves[2], &proof, &r).is_err());
}

#[test]
fn hex_round_trips_and_rejects_malformed_text() {
    let hash = leaf_hash(b"pebble");
    assert_eq!(from_hex(&to_hex(&hash)), Some(hash));
    assert_eq!(from_hex("abc"), None);
    assert_eq!(from_hex(&"zz".repeat(32)), None);
}

proptest! {
    #[test]
    fn every_inclusion_proof_verifies_and_a_flipped_bit_fails(
        size in 1usize..200,
        pick in any::<prop::sample::Index>(),
        bit in 0usize..256,
    ) {
        let leaves = leaves(size);
        let r = root(&leaves);
        let index = pick.index(size);
        let proof = inclusion_proof(index as u64, &leaves).expect("in range");
        prop_assert_eq!(verify_inclusion(index as u64, size as u64, &leaves[index], &proof, &r), Ok(()));
        prop_assert!(verify_inclusion(index as u64, size as u64, &flip_bit(&leaves[index], bit), &proof, &r).is_err());
        prop_assert!(verify_inclusion(index as u64, size as u64, &leaves[index], &proof, &flip_bit(&r, bit)).is_err());
        if let Some(first) = proof.first() {
            let mut bad = proof.clone();
            bad[0] = flip_bit(first, bit);
            prop_assert!(verify_inclusion(index as u64, size as u64, &leaves[index], &bad, &r).is_err());
        }
    }

    #[test]
    fn every_consistency_proof_verifies_and_a_flipped_bit_fails(
        second in 1usize..200,
        pick in any::<prop::sample::Index>(),
        bit in 0usize..256,
    ) {
        let leaves = leaves(second);
        let first = pick.index(second) + 1;
        let (r1, r2) = (root(&leaves[..first]), root(&leaves));
        let proof = consistency_proof(first as u64, &leaves).expect("valid sizes");
        prop_assert_eq!(verify_consistency(first as u64, second as u64, &proof, &r1, &r2), Ok(()));
        prop_assert!(verify_consistency(first as u64, second as u64, &proof, &flip_bit(&r1, bit), &r2).is_err());
        prop_assert!(verify_consistency(first as u64, second as u64, &proof, &r1, &flip_bit(&r2, bit)).is_err());
        if let Some(hash) = proof.first() {
            let mut bad = proof.clone();
            bad[0] = flip_bit(hash, bit);
            prop_assert!(verify_consistency(first as u64, second as u64, &bad, &r1, &r2).is_err());
        }
    }
}
