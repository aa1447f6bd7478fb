use std::collections::BTreeMap;

use proptest::prelude::*;

use super::super::{
    consistency_proof as from_leaves_consistency, inclusion_proof as from_leaves_inclusion,
    leaf_hash, root,
};
use super::*;

/// A log's stored nodes, filled as `completed_by` says, leaf by leaf.
#[derive(Default)]
struct Log(BTreeMap<(u32, u64), Hash>);

impl Nodes for Log {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        self.0.get(&(level, index)).copied()
    }
}

fn log_of(size: u64) -> (Log, Vec<Hash>) {
    let mut log = Log::default();
    let leaves: Vec<Hash> = (0..size).map(|i| leaf_hash(&i.to_be_bytes())).collect();
    for (i, leaf) in leaves.iter().enumerate() {
        for (level, index, hash) in completed_by(&log, i as u64, *leaf).expect("complete") {
            log.0.insert((level, index), hash);
        }
    }
    (log, leaves)
}

#[test]
fn proofs_from_stored_nodes_are_the_proofs_from_all_the_leaves() {
    let (log, leaves) = log_of(70);
    for size in 1..=70u64 {
        let prefix = &leaves[..size as usize];
        let head = TreeHead::of(&log, size).expect("head");
        assert_eq!(head.root, root(prefix), "size {size}");
        for index in 0..size {
            let proof = inclusion_proof(&log, index, size).expect("proof");
            assert_eq!(proof, from_leaves_inclusion(index, prefix).expect("proof"));
            assert_eq!(
                head.verify_inclusion(index, &leaves[index as usize], &proof),
                Ok(())
            );
        }
        for first in 1..=size {
            let proof = consistency_proof(&log, first, size).expect("proof");
            assert_eq!(
                proof,
                from_leaves_consistency(first, prefix).expect("proof")
            );
            let older = TreeHead::of(&log, first).expect("head");
            assert_eq!(head.verify_consistency(&older, &proof), Ok(()));
        }
    }
}

#[test]
fn appending_a_leaf_completes_one_node_per_trailing_one_bit() {
    let (log, _) = log_of(8);
    // Leaves 0..7: 8 leaves, 4 pairs, 2 quads, 1 eight.
    assert_eq!(log.0.len(), 15);
    let (log, _) = log_of(7);
    assert_eq!(log.0.len(), 7 + 3 + 1);
    assert_eq!(
        TreeHead::of(&log, 0).expect("empty").root,
        super::super::empty_root()
    );
}

#[test]
fn a_missing_node_or_bad_sizes_make_no_proof() {
    let (mut log, _) = log_of(12);
    assert_eq!(
        inclusion_proof(&log, 12, 12),
        Err(StoredProofError::Proof(ProofError::IndexOutOfRange {
            index: 12,
            size: 12
        }))
    );
    assert_eq!(
        consistency_proof(&log, 0, 12),
        Err(StoredProofError::Proof(ProofError::BadSizes {
            first: 0,
            second: 12
        }))
    );
    log.0.remove(&(2, 1));
    assert_eq!(
        inclusion_proof(&log, 0, 12),
        Err(StoredProofError::Missing { level: 2, index: 1 })
    );
}

proptest! {
    #[test]
    fn a_changed_leaf_or_root_fails_what_verified(
        size in 1u64..300,
        pick in any::<prop::sample::Index>(),
        first_pick in any::<prop::sample::Index>(),
        bit in 0usize..256,
    ) {
        let (log, leaves) = log_of(size);
        let head = TreeHead::of(&log, size).expect("head");
        let index = pick.index(size as usize) as u64;
        let proof = inclusion_proof(&log, index, size).expect("proof");
        let mut leaf = leaves[index as usize];
        prop_assert_eq!(head.verify_inclusion(index, &leaf, &proof), Ok(()));
        leaf[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(head.verify_inclusion(index, &leaf, &proof).is_err());

        let first = first_pick.index(size as usize) as u64 + 1;
        let older = TreeHead::of(&log, first).expect("head");
        let proof = consistency_proof(&log, first, size).expect("proof");
        prop_assert_eq!(head.verify_consistency(&older, &proof), Ok(()));
        let mut forged = older;
        forged.root[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(head.verify_consistency(&forged, &proof).is_err());
    }
}

#[test]
fn a_recorder_names_exactly_the_nodes_a_proof_reads() {
    let (log, leaves) = log_of(45);
    let recorder = Recorder::default();
    inclusion_proof(&recorder, 17, 45).expect("proof");
    consistency_proof(&recorder, 20, 45).expect("proof");
    let read: BTreeMap<(u32, u64), Hash> = recorder
        .into_read()
        .into_iter()
        .map(|(level, index)| ((level, index), log.node(level, index).expect("stored")))
        .collect();
    assert!(
        read.len() < 30,
        "a few nodes, not every leaf: {}",
        read.len()
    );
    assert_eq!(
        inclusion_proof(&read, 17, 45),
        Ok(from_leaves_inclusion(17, &leaves).expect("proof"))
    );
    assert_eq!(
        consistency_proof(&read, 20, 45),
        Ok(from_leaves_consistency(20, &leaves).expect("proof"))
    );
}
