//! A record whose manifest names a witness policy verifies only when its
//! sealed checkpoint carries the cosignatures the policy asks for.

use crate::cosignature::Cosigner;
use crate::record::sample::Sample;
use crate::record::{Decision, GroupTurnout, Record, Source};
use crate::{Ballot, BallotRules, Cents, Manifest, Project, Rule, TieBreak};

fn witness(i: u8) -> Cosigner {
    Cosigner::new(&format!("w{i}.example"), &[40 + i; 32]).expect("a cosigner")
}

/// Two outside witnesses, both needed.
fn sample() -> Sample {
    let manifest = Manifest::new(
        Cents::new(1000),
        vec![Project {
            id: "1".parse().expect("an id"),
            cost: Cents::new(600),
        }],
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
        "Witnessed",
        "USD",
        manifest,
        vec!["One".into()],
        &["A"],
        1,
    )
    .expect("a sample");
    sample.frozen.election.witnesses = Some(format!(
        "witness parents {}\nwitness district {}\ngroup both all parents district\nquorum both\n",
        witness(1).verifier(),
        witness(2).verifier()
    ));
    sample
}

/// The certified record, its sealed checkpoint cosigned by `by`.
fn record(by: &[u8]) -> Record {
    let sample = sample();
    let ballots = vec![
        (
            Ballot::Approval(["1".parse().expect("an id")].into()),
            Source::Online
        );
        3
    ];
    let mut parts = sample.parts(
        ballots,
        vec![GroupTurnout {
            group: "All".into(),
            issued: 3,
            used: 3,
        }],
    );
    let text = parts
        .checkpoint
        .split_once("\n\n")
        .map(|(text, _)| format!("{text}\n"))
        .expect("a signed note");
    for i in by {
        let line = witness(*i).cosign(&text, 1_796_000_000).expect("cosigned");
        parts.checkpoint.push_str(&line);
    }
    let mut record = Record::compile(parts).expect("compiles");
    sample
        .decide(
            &mut record,
            0,
            Decision::Certify,
            "2027-05-02T18:00:00Z",
            "",
        )
        .expect("certified");
    record
}

#[test]
fn a_record_witnessed_as_its_policy_asks_verifies() {
    let verified = crate::record::verify::verify(&record(&[1, 2])).expect("verifies");
    assert!(verified.certified());
}

#[test]
fn a_record_short_of_its_witnesses_is_refused_at_the_checkpoint() {
    for by in [&[1][..], &[2], &[]] {
        let refused = crate::record::verify::verify(&record(by)).expect_err("refused");
        assert_eq!(refused.at, "log.checkpoint", "{by:?}");
        assert!(refused.what.contains("not witnessed"), "{}", refused.what);
    }
}
