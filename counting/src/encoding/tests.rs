use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::Cents;
use crate::merkle::to_hex;
use crate::testing::{id, manifest};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn approval_ballot_bytes_are_pinned() {
    let ballot = Ballot::Approval(["b", "a"].iter().map(|s| id(s)).collect());
    assert_eq!(hex(&encode_ballot(&ballot)), "0101000201610162");
}

#[test]
fn ranked_ballot_bytes_keep_the_order() {
    let ballot = Ballot::Ranked(vec![id("b"), id("a")]);
    assert_eq!(hex(&encode_ballot(&ballot)), "0102000201620161");
}

#[test]
fn allocation_ballot_bytes_are_pinned() {
    let ballot = Ballot::Allocation([(id("x"), 7)].into_iter().collect());
    assert_eq!(hex(&encode_ballot(&ballot)), "0103000101780000000000000007");
}

#[test]
fn the_leaf_hash_of_a_ballot_is_pinned() {
    let ballot = Ballot::Approval(["a", "b"].iter().map(|s| id(s)).collect());
    // SHA-256(00 0101000201610162), computed independently with Python's hashlib.
    assert_eq!(
        to_hex(&ballot_leaf_hash(&ballot)),
        "b86c2051b99f95de02d08913d4628444edb6da70924992ae24aa786b33a91403"
    );
}

#[test]
fn manifest_bytes_are_pinned() {
    let m = manifest(
        1_000_000,
        &[("2", 250_000), ("1", 500_000)],
        BallotRules::Approval {
            max_cost: Some(Cents::new(1_000_000)),
            min_projects: 0,
            max_projects: Some(3),
            min_budget_percent: 10,
        },
        Rule::Mes {
            completion: Completion::Add1Greedy,
        },
        TieBreak::CheapestThenSeeded,
    );
    assert_eq!(
        hex(&encode_manifest(&m)),
        concat!(
            "01",
            "00000000000f4240",
            "0002",
            "0131",
            "000000000007a120",
            "0132",
            "000000000003d090",
            "01",
            "01",
            "00000000000f4240",
            "00000000",
            "01",
            "00000003",
            "0a",
            "02",
            "03",
            "01"
        )
    );
    assert_eq!(decode_manifest(&encode_manifest(&m)), Ok(m));
}

#[test]
fn non_canonical_ballots_are_refused_with_the_offset() {
    let unsorted = [1, 1, 0, 2, 1, b'b', 1, b'a'];
    assert_eq!(
        decode_ballot(&unsorted),
        Err(DecodeError {
            offset: 6,
            reason: "ids must be in strictly ascending order"
        })
    );
    let repeated = [1, 2, 0, 2, 1, b'a', 1, b'a'];
    assert_eq!(decode_ballot(&repeated).map_err(|e| e.offset), Err(6));
    let trailing = [1, 1, 0, 0, 9];
    assert_eq!(
        decode_ballot(&trailing).map_err(|e| e.reason),
        Err("trailing bytes after the value")
    );
    let zero_points = [1, 3, 0, 1, 1, b'a', 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        decode_ballot(&zero_points).map_err(|e| e.reason),
        Err("an allocation entry has zero points")
    );
    assert_eq!(
        decode_ballot(&[2, 1, 0, 0]).map_err(|e| e.reason),
        Err("unknown encoding version")
    );
    assert_eq!(
        decode_ballot(&[1, 9, 0, 0]).map_err(|e| e.reason),
        Err("unknown ballot kind")
    );
    assert_eq!(
        decode_ballot(&[1, 1, 0, 1, 1, b' ']).map_err(|e| e.offset),
        Err(5)
    );
    assert_eq!(
        decode_ballot(&[1, 1, 0, 1, 3, b'a']).map_err(|e| e.reason),
        Err("unexpected end of data")
    );
    assert_eq!(decode_ballot(&[]).map_err(|e| e.offset), Err(0));
}

fn any_id() -> impl Strategy<Value = ProjectId> {
    "[a-z0-9]{1,4}".prop_filter_map("valid id", |s| s.parse().ok())
}

fn any_ballot() -> impl Strategy<Value = Ballot> {
    prop_oneof![
        prop::collection::btree_set(any_id(), 0..8).prop_map(Ballot::Approval),
        prop::collection::btree_set(any_id(), 0..8).prop_shuffle_ids(),
        prop::collection::btree_map(any_id(), 1u64..u64::MAX, 0..8).prop_map(Ballot::Allocation),
    ]
}

trait ShuffleIds {
    fn prop_shuffle_ids(self) -> BoxedStrategy<Ballot>;
}

impl<S: Strategy<Value = BTreeSet<ProjectId>> + 'static> ShuffleIds for S {
    fn prop_shuffle_ids(self) -> BoxedStrategy<Ballot> {
        self.prop_map(|ids| ids.into_iter().collect::<Vec<_>>())
            .prop_shuffle()
            .prop_map(Ballot::Ranked)
            .boxed()
    }
}

proptest! {
    #[test]
    fn every_ballot_decodes_to_itself(ballot in any_ballot()) {
        prop_assert_eq!(decode_ballot(&encode_ballot(&ballot)), Ok(ballot));
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_what_decodes_is_canonical(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        if let Ok(ballot) = decode_ballot(&bytes) {
            prop_assert_eq!(encode_ballot(&ballot), bytes.clone());
        }
        if let Ok(manifest) = decode_manifest(&bytes) {
            prop_assert_eq!(encode_manifest(&manifest), bytes);
        }
    }

    #[test]
    fn mutated_ballot_bytes_never_panic_and_stay_canonical(ballot in any_ballot(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = encode_ballot(&ballot);
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(decoded) = decode_ballot(&bytes) {
            prop_assert_eq!(encode_ballot(&decoded), bytes);
        }
    }
}

#[test]
fn empty_collections_encode_as_zero_counts() {
    assert_eq!(
        encode_ballot(&Ballot::Approval(BTreeSet::new())),
        [1, 1, 0, 0]
    );
    assert_eq!(
        encode_ballot(&Ballot::Allocation(BTreeMap::new())),
        [1, 3, 0, 0]
    );
}
