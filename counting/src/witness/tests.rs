use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::merkle::leaf_hash;
use crate::merkle::stored::{Nodes, completed_by, consistency_proof};
use crate::note::NoteSigner;

pub(crate) const ORIGIN: &str = "pebble/cycles/1/00112233445566778899aabbccddeeff";

/// A log of `size` leaves whose leaf i is `i` and `fork` from leaf
/// `fork_at` on (a log that shows someone else another history).
pub(crate) fn log(size: u64, fork_at: u64) -> BTreeMap<(u32, u64), Hash> {
    let mut nodes = BTreeMap::new();
    for i in 0..size {
        let data = if i >= fork_at {
            format!("fork {i}")
        } else {
            format!("{i}")
        };
        for (level, index, hash) in
            completed_by(&nodes, i, leaf_hash(data.as_bytes())).expect("valid test data")
        {
            nodes.insert((level, index), hash);
        }
    }
    nodes
}

pub(crate) fn head(nodes: &impl Nodes, size: u64) -> TreeHead {
    TreeHead::of(nodes, size).expect("valid test data")
}

pub(crate) fn signer() -> NoteSigner {
    NoteSigner::new(ORIGIN, &[3; 32]).expect("valid test data")
}

pub(crate) fn signed(head: TreeHead) -> String {
    Checkpoint {
        origin: ORIGIN.into(),
        head,
    }
    .sign(&signer())
}

pub(crate) fn request(nodes: &impl Nodes, old: u64, new: u64) -> AddCheckpoint {
    AddCheckpoint {
        old_size: old,
        proof: if old == 0 || old == new {
            Vec::new()
        } else {
            consistency_proof(nodes, old, new).expect("valid test data")
        },
        checkpoint: signed(head(nodes, new)),
    }
}

#[test]
fn a_request_reads_back_from_its_body() {
    let nodes = log(13, u64::MAX);
    let request = request(&nodes, 5, 13);
    assert!(!request.proof.is_empty());
    assert_eq!(AddCheckpoint::parse(&request.body()), Ok(request));
}

#[test]
fn the_first_checkpoint_is_cosigned_without_a_proof() {
    let nodes = log(6, u64::MAX);
    let checkpoint = request(&nodes, 0, 6)
        .check(Some(&signer().verifier()), None)
        .expect("valid test data");
    assert_eq!(checkpoint.head, head(&nodes, 6));
}

#[test]
fn a_checkpoint_that_extends_the_held_one_is_cosigned() {
    let nodes = log(20, u64::MAX);
    let held = head(&nodes, 7);
    let checkpoint = request(&nodes, 7, 20)
        .check(Some(&signer().verifier()), Some(&held))
        .expect("valid test data");
    assert_eq!(checkpoint.head.size, 20);
}

#[test]
fn a_forked_log_is_refused_as_inconsistent() {
    let honest = log(7, u64::MAX);
    let forked = log(20, 4);
    let refusal = request(&forked, 7, 20)
        .check(Some(&signer().verifier()), Some(&head(&honest, 7)))
        .expect_err("refused");
    assert_eq!(refusal.status(), 422);
}

#[test]
fn the_same_size_with_another_root_is_refused() {
    let refusal = request(&log(9, 3), 9, 9)
        .check(
            Some(&signer().verifier()),
            Some(&head(&log(9, u64::MAX), 9)),
        )
        .expect_err("refused");
    assert_eq!(refusal.status(), 422);
}

#[test]
fn an_old_size_other_than_the_held_one_is_a_conflict_naming_it() {
    let nodes = log(20, u64::MAX);
    let refusal = request(&nodes, 5, 20)
        .check(Some(&signer().verifier()), Some(&head(&nodes, 7)))
        .expect_err("refused");
    assert_eq!(refusal, Refusal::Conflict(7));
    assert_eq!(refusal.status(), 409);
    assert_eq!(parse_conflict("7\n"), Some(7));
    assert_eq!(parse_conflict("07\n"), None);
}

#[test]
fn unknown_logs_unsigned_checkpoints_and_bad_requests_get_their_statuses() {
    let nodes = log(4, u64::MAX);
    let good = request(&nodes, 0, 4);
    assert_eq!(good.check(None, None).expect_err("refused").status(), 404);
    let stranger = NoteSigner::new(ORIGIN, &[4; 32])
        .expect("valid test data")
        .verifier();
    assert_eq!(
        good.check(Some(&stranger), None)
            .expect_err("refused")
            .status(),
        403
    );
    let mut past = good.clone();
    past.old_size = 5;
    assert_eq!(
        past.check(Some(&signer().verifier()), None)
            .expect_err("refused")
            .status(),
        400
    );
    let mut proof_from_zero = good.clone();
    proof_from_zero.proof = vec![[0; 32]];
    assert_eq!(
        proof_from_zero
            .check(Some(&signer().verifier()), None)
            .expect_err("refused")
            .status(),
        422
    );
    for body in [
        "",
        "old 1\n",
        "new 1\n\nx",
        "old 01\n\nx",
        "old 1\nnot base64\n\nx",
    ] {
        assert_eq!(
            AddCheckpoint::parse(body).expect_err("refused").status(),
            400,
            "{body:?}"
        );
    }
    let long = format!(
        "old 1\n{}\nx",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".repeat(64)
    );
    assert_eq!(
        AddCheckpoint::parse(&long).expect_err("refused").status(),
        400
    );
}

#[test]
fn an_empty_checkpoint_must_have_the_empty_root() {
    let wrong = AddCheckpoint {
        old_size: 0,
        proof: Vec::new(),
        checkpoint: signed(TreeHead {
            size: 0,
            root: [1; 32],
        }),
    };
    assert_eq!(
        wrong
            .check(Some(&signer().verifier()), None)
            .expect_err("refused")
            .status(),
        422
    );
    let right = AddCheckpoint {
        checkpoint: signed(TreeHead {
            size: 0,
            root: crate::merkle::empty_root(),
        }),
        ..wrong
    };
    assert!(right.check(Some(&signer().verifier()), None).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever sizes, the honest log's checkpoint is cosigned and a log
    /// that rewrote any leaf the witness had seen is not.
    #[test]
    fn a_witness_cosigns_exactly_the_extensions_of_what_it_saw(
        old in 1u64..40, grow in 0u64..40, fork in 0u64..40,
    ) {
        let new = old + grow;
        let honest = log(new, u64::MAX);
        let held = head(&honest, old);
        let verifier = signer().verifier();
        prop_assert!(request(&honest, old, new).check(Some(&verifier), Some(&held)).is_ok());
        let fork = fork % old;
        let forked = log(new, fork);
        prop_assert_eq!(
            request(&forked, old, new).check(Some(&verifier), Some(&held)).expect_err("refused").status(),
            422
        );
    }
}
