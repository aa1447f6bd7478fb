//! A real receipt from a small log checks out; every forgery or
//! alteration is caught by the check that should catch it.

use super::*;
use crate::checkpoint::Checkpoint;
use crate::merkle::{consistency_proof, inclusion_proof, root};
use crate::note::NoteSigner;
use crate::testing::{id, manifest};
use crate::{Ballot, BallotRules, Currency, Election, Rule, TieBreak};

struct Log {
    signer: NoteSigner,
    frozen: FrozenManifest,
    entries: Vec<Vec<u8>>,
}

fn new_log(size: usize) -> Log {
    let mut election = Election {
        id: [0x33; 16],
        cycle: 4,
        name: "Patio 2027".to_owned(),
        currency: Currency::try_from("USD".to_owned()).expect("a code"),
        log_key: [0; 32],
        threshold: 2,
        committee: 3,
        members: Vec::new(),
        witnesses: None,
    };
    let signer = NoteSigner::new(&election.log_origin(), &[9; 32]).expect("a key name");
    election.log_key = signer.public_key();
    let frozen = FrozenManifest {
        election,
        manifest: manifest(
            10_000,
            &[("1", 4_000), ("2", 7_500)],
            BallotRules::Ranked { max_ranks: 2 },
            Rule::Irv,
            TieBreak::PreviousRoundThenSeeded,
        ),
        titles: vec!["Benches".to_owned(), "Garden".to_owned()],
    };
    let entries = (0..size)
        .map(|i| {
            Entry {
                manifest_hash: frozen.hash(),
                nonce: [u8::try_from(i).expect("small"); 16],
                ballot: Ballot::Ranked(vec![id(if i % 2 == 0 { "1" } else { "2" })]),
            }
            .encode()
        })
        .collect();
    Log {
        signer,
        frozen,
        entries,
    }
}

impl Log {
    fn leaves(&self, size: usize) -> Vec<Hash> {
        self.entries[..size].iter().map(|e| leaf_hash(e)).collect()
    }

    fn checkpoint(&self, size: usize) -> String {
        Checkpoint {
            origin: self.frozen.election.log_origin(),
            head: TreeHead {
                size: size as u64,
                root: root(&self.leaves(size)),
            },
        }
        .sign(&self.signer)
    }

    /// The receipt of entry `index` given when the log had `then`
    /// entries, and the evidence of the log at `now`.
    fn case(&self, index: usize, then: usize, now: usize) -> (Claim, Evidence) {
        let leaves = self.leaves(now);
        let claim = Claim {
            index: index as u64,
            leaf: leaves[index],
            checkpoint: Some(self.checkpoint(then)),
            entry: Some(self.entries[index].clone()),
        };
        let evidence = Evidence {
            manifest: self.frozen.encode(),
            checkpoint: self.checkpoint(now),
            entry: None,
            inclusion: inclusion_proof(index as u64, &leaves).expect("in range"),
            consistency: consistency_proof(then as u64, &leaves).expect("in range"),
        };
        (claim, evidence)
    }
}

#[test]
fn every_receipt_of_a_growing_log_checks_out() {
    let log = new_log(9);
    for now in 1..=9 {
        for then in 1..=now {
            for index in 0..then {
                let (claim, evidence) = log.case(index, then, now);
                let verified = verify(&claim, &evidence)
                    .unwrap_or_else(|e| panic!("{index} {then} {now}: {e}"));
                assert_eq!(verified.head.size, now as u64);
                assert_eq!(verified.receipt_head.map(|h| h.size), Some(then as u64));
                assert_eq!(verified.manifest_hash, log.frozen.hash());
            }
        }
    }
}

#[test]
fn a_receipt_without_its_checkpoint_still_proves_inclusion() {
    let log = new_log(5);
    let (mut claim, evidence) = log.case(2, 3, 5);
    claim.checkpoint = None;
    assert_eq!(verify(&claim, &evidence).map(|v| v.receipt_head), Ok(None));
}

#[test]
fn the_voters_own_copy_shows_their_ballot_before_the_log_publishes_any() {
    let log = new_log(5);
    let (claim, evidence) = log.case(2, 3, 5);
    let verified = verify(&claim, &evidence).expect("checks out");
    assert_eq!(
        verified.entry.map(|e| e.encode()),
        Some(log.entries[2].clone())
    );
}

#[test]
fn a_tracker_alone_proves_inclusion_but_shows_no_ballot() {
    let log = new_log(5);
    let (mut claim, evidence) = log.case(2, 3, 5);
    claim.entry = None;
    claim.checkpoint = None;
    let verified = verify(&claim, &evidence).expect("checks out");
    assert_eq!((verified.entry_index(), verified.entry), (2, None));
}

#[test]
fn after_certification_the_logs_copy_is_checked_too() {
    let log = new_log(5);
    let (mut claim, mut evidence) = log.case(2, 3, 5);
    claim.entry = None;
    evidence.entry = Some(log.entries[2].clone());
    assert!(
        verify(&claim, &evidence)
            .expect("checks out")
            .entry
            .is_some()
    );
}

#[test]
fn a_forged_leaf_hash_is_refused() {
    let log = new_log(5);
    let (mut claim, evidence) = log.case(2, 3, 5);
    claim.leaf[0] ^= 1;
    assert_eq!(verify(&claim, &evidence), Err(ReceiptError::OtherCopy));
    claim.entry = None;
    assert!(matches!(
        verify(&claim, &evidence),
        Err(ReceiptError::NotIncluded(_))
    ));
}

#[test]
fn another_entry_or_index_is_refused() {
    let log = new_log(5);
    let (claim, mut evidence) = log.case(2, 3, 5);
    evidence.entry = Some(log.entries[3].clone());
    assert_eq!(verify(&claim, &evidence), Err(ReceiptError::OtherLeaf));
    let (mut claim, evidence) = log.case(2, 3, 5);
    claim.index = 1;
    assert!(matches!(
        verify(&claim, &evidence),
        Err(ReceiptError::NotIncluded(_))
    ));
}

#[test]
fn a_checkpoint_signed_with_another_key_is_refused() {
    let log = new_log(5);
    let (claim, mut evidence) = log.case(2, 3, 5);
    let other = NoteSigner::new(&log.frozen.election.log_origin(), &[8; 32]).expect("a name");
    evidence.checkpoint = Checkpoint::parse(
        evidence
            .checkpoint
            .split("\n\n")
            .next()
            .map(|text| format!("{text}\n"))
            .as_deref()
            .unwrap_or_default(),
    )
    .expect("the checkpoint's text")
    .sign(&other);
    assert!(matches!(
        verify(&claim, &evidence),
        Err(ReceiptError::Checkpoint(_))
    ));
}

#[test]
fn a_receipt_checkpoint_from_another_history_is_refused() {
    let log = new_log(6);
    let (claim, _) = log.case(1, 3, 6);
    let mut forked = new_log(6);
    forked.entries[2] = log.entries[5].clone();
    forked.signer = NoteSigner::new(&log.frozen.election.log_origin(), &[9; 32]).expect("a name");
    let (_, evidence) = forked.case(1, 3, 6);
    assert!(matches!(
        verify(&claim, &evidence),
        Err(ReceiptError::NotConsistent(_))
    ));
}

#[test]
fn flipped_bits_of_the_evidence_are_caught() {
    // Every fifth bit: each check (ed25519 in a debug build) is slow.
    let log = new_log(6);
    let (claim, evidence) = log.case(2, 4, 6);
    let flips = |bytes: &[u8]| -> Vec<Vec<u8>> {
        (0..bytes.len() * 8)
            .step_by(5)
            .map(|bit| {
                let mut changed = bytes.to_vec();
                changed[bit / 8] ^= 1 << (bit % 8);
                changed
            })
            .collect()
    };
    for manifest in flips(&evidence.manifest) {
        let changed = Evidence {
            manifest,
            ..evidence.clone()
        };
        assert!(verify(&claim, &changed).is_err());
    }
    for entry in flips(claim.entry.as_deref().unwrap_or_default()) {
        let changed = Claim {
            entry: Some(entry),
            ..claim.clone()
        };
        assert!(verify(&changed, &evidence).is_err());
    }
    for (i, hash) in evidence.inclusion.iter().enumerate() {
        for flipped in flips(hash) {
            let mut changed = evidence.clone();
            changed.inclusion[i].copy_from_slice(&flipped);
            assert!(verify(&claim, &changed).is_err());
        }
    }
    for (i, hash) in evidence.consistency.iter().enumerate() {
        for flipped in flips(hash) {
            let mut changed = evidence.clone();
            changed.consistency[i].copy_from_slice(&flipped);
            assert!(verify(&claim, &changed).is_err());
        }
    }
}

#[test]
fn the_json_check_shows_what_the_direct_check_shows() {
    let log = new_log(5);
    let (claim, evidence) = log.case(2, 3, 5);
    let json = |c: &Claim, e: &Evidence| {
        let answer = check_json(
            &serde_json::to_string(c).expect("JSON"),
            &serde_json::to_string(e).expect("JSON"),
        )
        .expect("both parse");
        serde_json::from_str::<Result<Shown, Failure>>(&answer).expect("an answer")
    };
    let shown = json(&claim, &evidence).expect("checks out");
    assert_eq!(shown, check(&claim, &evidence).expect("checks out"));
    // The same as the verification shows, with the check as a proof file
    // that reads back to this entry at this index.
    let plain = verify(&claim, &evidence).expect("checks out").shown();
    assert_eq!(
        Shown {
            proof: None,
            ..shown.clone()
        },
        plain
    );
    let file = crate::tlog_proof::TlogProof::parse(shown.proof.as_deref().expect("a proof"))
        .expect("a proof file");
    assert_eq!((file.index, file.extra.as_ref()), (2, claim.entry.as_ref()));
    let (cycle, again, size) = crate::tlog_proof::receipt_claim(
        &shown.proof.clone().expect("a proof").replace('\n', "\r\n"),
    )
    .expect("read back, CR LF and all");
    assert_eq!(
        (cycle, size, again.index, again.leaf),
        (4, 5, 2, claim.leaf)
    );
    assert_eq!(
        (shown.index, shown.size, shown.receipt_size),
        (2, 5, Some(3))
    );
    assert_eq!(shown.ballot, Some((true, vec!["Benches".to_owned()])));
    let mut forged = claim.clone();
    forged.leaf[0] ^= 1;
    assert_eq!(json(&forged, &evidence), Err(Failure::OtherCopy));
    assert_eq!(check_json("{", "{}"), None, "unreadable input is no answer");
}
