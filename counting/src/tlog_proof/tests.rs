use super::*;
use crate::cosignature::Cosigner;
use crate::merkle::stored::audit::all_nodes;
use crate::merkle::stored::inclusion_proof;
use crate::record::sample::Sample;
use crate::record::{GroupTurnout, Source};
use crate::{BallotRules, Cents, Manifest, Project, Rule, TieBreak};

fn witness() -> Cosigner {
    Cosigner::new("parents.example/witness", &[77; 32]).expect("a cosigner")
}

fn sample(witnessed: bool) -> Sample {
    let manifest = Manifest::new(
        Cents::new(1000),
        ["1", "2"]
            .iter()
            .map(|id| Project {
                id: id.parse().expect("an id"),
                cost: Cents::new(400),
            })
            .collect(),
        BallotRules::Approval {
            max_cost: None,
            min_projects: 0,
            max_projects: None,
            min_budget_percent: 0,
        },
        Rule::Greedy,
        TieBreak::CheapestThenSeeded,
    )
    .expect("a manifest");
    let mut sample = Sample::new(
        1,
        "Proofs",
        "USD",
        manifest,
        vec!["One".into(), "Two".into()],
        &["A"],
        1,
    )
    .expect("a sample");
    if witnessed {
        sample.frozen.election.witnesses = Some(format!(
            "witness parents {}\nquorum parents\n",
            witness().verifier()
        ));
    }
    sample
}

/// The proof of entry `index` of a sealed log of five ballots, its
/// checkpoint cosigned by the witness when `cosigned`.
fn proof(sample: &Sample, index: usize, cosigned: bool) -> TlogProof {
    let ballots = (0..5)
        .map(|i| {
            let pick = if i % 2 == 0 { "1" } else { "2" };
            (
                Ballot::Approval([pick.parse().expect("an id")].into()),
                Source::Online,
            )
        })
        .collect();
    let mut parts = sample.parts(
        ballots,
        vec![GroupTurnout {
            group: "All".into(),
            issued: 5,
            used: 5,
        }],
    );
    if cosigned {
        let text = parts
            .checkpoint
            .split_once("\n\n")
            .map(|(text, _)| format!("{text}\n"))
            .expect("a note");
        parts
            .checkpoint
            .push_str(&witness().cosign(&text, 1_796_000_000).expect("cosigned"));
    }
    let leaves: Vec<_> = parts.entries.iter().map(|(e, _)| leaf_hash(e)).collect();
    let nodes = all_nodes(&leaves);
    TlogProof {
        extra: Some(parts.entries[index].0.clone()),
        index: index as u64,
        path: inclusion_proof(&nodes, index as u64, 5).expect("a path"),
        checkpoint: parts.checkpoint,
    }
}

#[test]
fn a_receipt_proof_reads_back_and_verifies_against_the_manifest_alone() {
    let sample = sample(true);
    for index in 0..5 {
        let made = proof(&sample, index, true);
        let text = made.text();
        assert!(text.starts_with("c2sp.org/tlog-proof@v1\nextra "));
        let read = TlogProof::parse(&text).expect("reads");
        assert_eq!(read, made);
        let included = read.verify_receipt(&sample.frozen).expect("verifies");
        assert_eq!((included.index, included.size), (index as u64, 5));
        assert_eq!(included.witnessed_by, ["parents"]);
        let expected = if index % 2 == 0 { "1" } else { "2" };
        assert_eq!(
            included.projects(),
            vec![expected.parse::<ProjectId>().expect("an id")]
        );
    }
}

#[test]
fn a_proof_short_of_its_witness_moved_or_of_another_election_is_refused() {
    let sample = sample(true);
    let unwitnessed = proof(&sample, 1, false);
    assert!(matches!(
        unwitnessed.verify_receipt(&sample.frozen),
        Err(ProofFileError::Checkpoint(_))
    ));
    let mut moved = proof(&sample, 1, true);
    moved.index = 2;
    assert!(matches!(
        moved.verify_receipt(&sample.frozen),
        Err(ProofFileError::NotIncluded { index: 2, size: 5 })
    ));
    let mut other = proof(&sample, 1, true);
    other.extra = proof(&sample, 2, true).extra;
    assert!(
        other.verify_receipt(&sample.frozen).is_err(),
        "another entry at index 1"
    );
    let plain = super::tests::sample(false);
    let theirs = proof(&plain, 1, false);
    assert!(matches!(
        theirs.verify_receipt(&sample.frozen),
        Err(ProofFileError::OtherElection(_))
    ));
    assert!(
        theirs.verify_receipt(&plain.frozen).is_ok(),
        "no policy, no cosignature needed"
    );
    let mut bare = theirs;
    bare.extra = None;
    assert_eq!(
        bare.verify_receipt(&plain.frozen),
        Err(ProofFileError::NoEntry)
    );
}

#[test]
fn malformed_files_are_refused_with_a_reason() {
    for text in [
        "",
        "c2sp.org/tlog-proof@v2\nindex 0\n\nx",
        "c2sp.org/tlog-proof@v1\nindex 01\n\nx",
        "c2sp.org/tlog-proof@v1\nextra !!\nindex 0\n\nx",
        "c2sp.org/tlog-proof@v1\nindex 0\nnot a hash\n\nx",
        "c2sp.org/tlog-proof@v1\nindex 0\n",
    ] {
        assert!(TlogProof::parse(text).is_err(), "{text:?}");
    }
}
