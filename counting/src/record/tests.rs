//! A record compiled from a real (small) sealed log verifies; each kind
//! of tampering is caught by `verify` at the place it was made.

use proptest::prelude::*;

use super::*;
use crate::checkpoint::Checkpoint;
use crate::committee::{MemberKey, commitment};
use crate::encoding::Entry;
use crate::merkle::stored::TreeHead;
use crate::merkle::{self, from_hex};
use crate::note::NoteSigner;
use crate::testing::{id, manifest};
use crate::{
    Ballot, BallotRules, CommitteeMember, Currency, Election, FrozenManifest, Rule, TieBreak,
};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

const LOG_SEED: [u8; 32] = [9; 32];
const MEMBERS: [(&str, u8); 3] = [("Okafor", 41), ("Lindqvist", 42), ("Peña", 43)];

/// The salt each member made their tie-break commitment with.
const SALT: [u8; 16] = [0x5a; 16];

/// Member `member`'s certification key.
fn key(member: usize) -> MemberKey {
    MemberKey::from_seed([MEMBERS[member].1; 32])
}

/// Member `member`'s tie-break secret.
fn secret(member: usize) -> [u8; 32] {
    key(member).tiebreak_secret(&SALT)
}

fn frozen() -> FrozenManifest {
    let mut election = Election {
        id: [0x44; 16],
        cycle: 5,
        name: "Patio 2027".to_owned(),
        currency: Currency::try_from("USD".to_owned()).expect("a code"),
        log_key: [0; 32],
        threshold: 2,
        committee: 3,
        members: Vec::new(),
        witnesses: None,
    };
    election.log_key = log_signer(&election).public_key();
    election.members = MEMBERS
        .iter()
        .enumerate()
        .map(|(i, (name, _))| CommitteeMember {
            name: (*name).to_owned(),
            key: key(i).public_key(),
            commitment: Some(commitment(&secret(i))),
        })
        .collect();
    let approval = BallotRules::Approval {
        max_cost: Some(crate::Cents::new(10_000)),
        min_projects: 0,
        max_projects: None,
        min_budget_percent: 0,
    };
    FrozenManifest {
        election,
        manifest: manifest(
            10_000,
            &[("1", 4_000), ("2", 4_000), ("3", 5_000)],
            approval,
            Rule::Greedy,
            TieBreak::CheapestThenSeeded,
        ),
        titles: vec!["Benches".into(), "Garden".into(), "Shade sails".into()],
    }
}

fn log_signer(election: &Election) -> NoteSigner {
    NoteSigner::new(&election.log_origin(), &LOG_SEED).expect("a key name")
}

fn entry(frozen: &FrozenManifest, nonce: u8, picks: &[&str]) -> Vec<u8> {
    Entry {
        manifest_hash: frozen.hash(),
        nonce: [nonce; 16],
        ballot: Ballot::Approval(picks.iter().map(|p| id(p)).collect()),
    }
    .encode()
}

fn sealed(frozen: &FrozenManifest, entries: &[(Vec<u8>, Source)], signer: &NoteSigner) -> String {
    let leaves: Vec<_> = entries.iter().map(|(e, _)| merkle::leaf_hash(e)).collect();
    Checkpoint {
        origin: frozen.election.log_origin(),
        head: TreeHead {
            size: leaves.len() as u64,
            root: merkle::root(&leaves),
        },
    }
    .sign(signer)
}

/// Projects 1 and 2 tie (same score, same cost): the seed decides.
fn parts() -> Parts {
    let frozen = frozen();
    let picks: [&[&str]; 7] = [
        &["1", "3"],
        &["2", "3"],
        &["1"],
        &["2"],
        &["3"],
        &["1", "2"],
        &["3"],
    ];
    let entries: Vec<_> = picks
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let source = if i == 6 {
                Source::Paper
            } else {
                Source::Online
            };
            (entry(&frozen, u8::try_from(i).expect("small"), p), source)
        })
        .collect();
    let checkpoint = sealed(&frozen, &entries, &log_signer(&frozen.election));
    Parts {
        frozen,
        entries,
        checkpoint,
        reveals: (0..MEMBERS.len()).map(|i| Some(secret(i))).collect(),
        turnout: vec![
            GroupTurnout {
                group: "Grade 9".into(),
                issued: 10,
                used: 4,
            },
            GroupTurnout {
                group: "Families".into(),
                issued: 5,
                used: 2,
            },
        ],
        spoiled_paper: 1,
    }
}

/// Member `member` decides; a later decision replaces their earlier one,
/// as the server keeps them.
fn decide(record: &mut Record, member: u32, decision: Decision, reason: &str) {
    let frozen = frozen();
    let hash = from_hex(&record.record_hash).expect("hex");
    let c = Certification::sign(
        &frozen.election,
        member,
        &key(member as usize),
        &hash,
        decision,
        "2027-05-02T18:00:00Z",
        reason,
    )
    .expect("signed");
    record.certifications.retain(|other| other.member != member);
    record.certifications.push(c);
    record.certifications.sort_by_key(|c| c.member);
}

fn certified() -> Record {
    let mut record = Record::compile(parts()).expect("compiles");
    decide(&mut record, 0, Decision::Certify, "");
    decide(&mut record, 2, Decision::Certify, "");
    record
}

fn caught(record: &Record) -> Discrepancy {
    verify(record).expect_err("the tampering must be caught")
}

#[test]
fn a_certified_record_verifies_and_says_what_it_holds() {
    let verified = verify(&certified()).expect("verifies");
    assert!(verified.certified());
    assert_eq!((verified.online, verified.paper), (6, 1));
    assert_eq!(verified.winners.len(), 2);
    assert_eq!(verified.winners[0], id("3"));
    assert_eq!(verified.certified_by, ["Okafor", "Peña"]);
}

#[test]
fn the_json_form_reads_back_to_the_same_record() {
    let record = certified();
    let json = serde_json::to_string(&record).expect("serialises");
    let read: Record = serde_json::from_str(&json).expect("reads");
    assert_eq!(read, record);
    assert!(verify(&read).is_ok());
}

#[test]
fn compiling_twice_gives_the_same_record_and_hash() {
    assert_eq!(Record::compile(parts()), Record::compile(parts()));
}

#[test]
fn the_seed_breaks_the_tie_and_shows_in_the_transcript() {
    let record = Record::compile(parts()).expect("compiles");
    assert!(
        record.transcript.contains("tie between 1, 2 broken by"),
        "{}",
        record.transcript
    );
}

#[test]
fn fewer_than_k_certifications_do_not_certify() {
    let mut record = Record::compile(parts()).expect("compiles");
    decide(&mut record, 1, Decision::Certify, "");
    let verified = verify(&record).expect("verifies");
    assert!(!verified.certified());
}

#[test]
fn an_objection_blocks_until_its_member_certifies() {
    let mut record = certified();
    decide(
        &mut record,
        1,
        Decision::Object,
        "the paper count\nwas 8, not 7",
    );
    let verified = verify(&record).expect("verifies");
    assert!(!verified.certified());
    assert_eq!(verified.objected_by, ["Lindqvist"]);
    assert_eq!(
        record.certifications[1].reason,
        "the paper count was 8, not 7"
    );
    decide(&mut record, 1, Decision::Certify, "");
    assert!(verify(&record).expect("verifies").certified());
}

#[test]
fn a_changed_entry_is_caught_in_the_log() {
    let mut record = certified();
    let frozen = frozen();
    record.log.entries[2].entry = STANDARD.encode(entry(&frozen, 2, &["2"]));
    let found = caught(&record);
    assert_eq!(found.at, "log.entries", "{found}");
    assert!(
        found.what.contains("is not the sealed checkpoint's"),
        "{found}"
    );
}

#[test]
fn a_dropped_entry_is_caught_in_the_log() {
    let mut record = certified();
    record.log.entries.remove(4);
    let found = caught(&record);
    assert_eq!(
        found.to_string(),
        "log.entries: 6 entries, but the sealed checkpoint covers 7"
    );
}

#[test]
fn reordered_entries_are_caught_in_the_log() {
    let mut record = certified();
    record.log.entries.swap(0, 1);
    assert_eq!(caught(&record).at, "log.entries");
}

#[test]
fn a_checkpoint_re_signed_with_another_key_is_caught() {
    let mut record = certified();
    let frozen = frozen();
    let other = NoteSigner::new(&frozen.election.log_origin(), &[7; 32]).expect("a key name");
    let entries: Vec<_> = record
        .log
        .entries
        .iter()
        .map(|e| (STANDARD.decode(&e.entry).expect("base64"), e.source))
        .collect();
    record.log.checkpoint = sealed(&frozen, &entries, &other);
    let found = caught(&record);
    assert_eq!(found.at, "log.checkpoint", "{found}");
}

#[test]
fn a_forged_certification_is_caught() {
    let mut record = Record::compile(parts()).expect("compiles");
    decide(&mut record, 0, Decision::Certify, "");
    let frozen = frozen();
    let hash = from_hex(&record.record_hash).expect("hex");
    let forged = Certification::sign(
        &frozen.election,
        1,
        &MemberKey::from_seed([66; 32]),
        &hash,
        Decision::Certify,
        "now",
        "",
    )
    .expect("signed");
    record.certifications.push(forged);
    let found = caught(&record);
    assert_eq!(found.at, "certifications[1] (Lindqvist)", "{found}");
    assert!(
        found
            .what
            .contains("not signed with this member's certification key"),
        "{found}"
    );
}

#[test]
fn a_certification_of_another_hash_is_caught() {
    let mut record = Record::compile(parts()).expect("compiles");
    let frozen = frozen();
    let c = Certification::sign(
        &frozen.election,
        2,
        &key(2),
        &[1; 32],
        Decision::Certify,
        "now",
        "",
    )
    .expect("signed");
    record.certifications.push(c);
    let found = caught(&record);
    assert_eq!(found.at, "certifications[0] (Peña)");
    assert!(
        found.what.starts_with("signed for record hash 0101"),
        "{found}"
    );
}

#[test]
fn a_certification_whose_fields_were_edited_is_caught() {
    let mut record = certified();
    record.certifications[1].decision = Decision::Object;
    assert!(caught(&record).what.starts_with("the signed note says"));
}

#[test]
fn a_member_listed_twice_is_caught() {
    let mut record = certified();
    let again = record.certifications[0].clone();
    record.certifications.push(again);
    let found = caught(&record);
    assert_eq!(found.at, "certifications[2]", "{found}");
}

#[test]
fn an_edited_outcome_is_caught() {
    let mut record = certified();
    record.outcome.winners.swap(0, 1);
    assert_eq!(caught(&record).at, "outcome.winners");
    let mut record = certified();
    record.outcome.spent = crate::Cents::new(1);
    assert_eq!(caught(&record).at, "outcome.spent");
}

#[test]
fn an_edited_transcript_line_is_caught_by_its_number() {
    let mut record = certified();
    record.transcript = record.transcript.replacen("funded 3", "funded 1", 1);
    let found = caught(&record);
    assert!(found.at.starts_with("transcript line "), "{found}");
    assert!(found.what.contains("funded 1"), "{found}");
}

#[test]
fn edited_turnout_is_caught_by_the_record_hash_or_its_sums() {
    let mut record = certified();
    record.turnout[0].used += 1;
    assert_eq!(caught(&record).at, "turnout");
    let mut record = certified();
    record.turnout[0].issued += 1;
    assert_eq!(caught(&record).at, "record_hash");
}

#[test]
fn a_paper_entry_relabelled_online_is_caught() {
    let mut record = certified();
    record.log.entries[6].source = Source::Online;
    assert_eq!(caught(&record).at, "turnout");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn flipping_any_bit_of_any_entry_is_caught(which in 0usize..7, at in 0usize..200, bit in 0u8..8) {
        let mut record = certified();
        let mut bytes = STANDARD.decode(&record.log.entries[which].entry).expect("base64");
        let at = at % bytes.len();
        bytes[at] ^= 1 << bit;
        record.log.entries[which].entry = STANDARD.encode(&bytes);
        let found = verify(&record).expect_err("caught");
        prop_assert!(found.at.starts_with("log.entries"), "{}", found);
    }
}

mod seed;

#[test]
fn the_pb_export_reads_back_to_the_logged_ballots_in_log_order() {
    let record = certified();
    let text = export::pb(&frozen(), &record).expect("exports");
    let file = crate::pabulib::parse(&text).expect("reads");
    let read: Vec<Ballot> = file.votes.iter().map(|v| v.ballot.clone()).collect();
    assert_eq!(Some(read), export::ballots(&frozen(), &record));
    assert_eq!(file.meta("budget"), Some("100"));
    assert_eq!(file.meta("vote_type"), Some("approval"));
    assert_eq!(
        file.meta("pebble_record_hash"),
        Some(record.record_hash.as_str())
    );
}

mod witnessed;
