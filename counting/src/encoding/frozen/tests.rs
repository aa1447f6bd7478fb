//! The frozen manifest's bytes are pinned, round-trip, and refuse every
//! cut, every trailing byte and every change the format forbids.

use proptest::prelude::*;

use super::*;
use crate::testing::manifest;
use crate::{BallotRules, Rule, TieBreak};

fn frozen() -> FrozenManifest {
    FrozenManifest {
        election: Election {
            id: [0x11; 16],
            cycle: 7,
            name: "Parque 2027".to_owned(),
            currency: Currency::try_from("EUR".to_owned()).expect("a code"),
            log_key: [0x22; 32],
            threshold: 2,
            committee: 3,
            members: Vec::new(),
            witnesses: None,
        },
        manifest: manifest(
            10_000,
            &[("1", 4_000), ("2", 7_500)],
            BallotRules::Ranked { max_ranks: 2 },
            Rule::Irv,
            TieBreak::PreviousRoundThenSeeded,
        ),
        titles: vec!["Bancos".to_owned(), "Huerto escolar".to_owned()],
    }
}

/// The same election with its committee's certification keys (version 3).
fn frozen_with_members() -> FrozenManifest {
    let mut frozen = frozen();
    frozen.election.members = ["Okafor", "Lindqvist", "Ana Peña"]
        .iter()
        .zip([0x31u8, 0x32, 0x33])
        .map(|(name, byte)| CommitteeMember {
            name: (*name).to_owned(),
            key: [byte; 32],
            commitment: None,
        })
        .collect();
    frozen
}

/// The same with tie-break commitments from two of its members
/// (version 4).
fn frozen_with_commitments() -> FrozenManifest {
    let mut frozen = frozen_with_members();
    frozen.election.members[0].commitment = Some([0x41; 32]);
    frozen.election.members[2].commitment = Some([0x43; 32]);
    frozen
}

#[test]
fn version_2_bytes_without_members_are_pinned() {
    let bytes = frozen().encode();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let manifest = [
        "01",
        "0000000000002710", // budget
        "0002",
        "0131",
        "0000000000000fa0",
        "0132",
        "0000000000001d4c",
        "02",
        "00000002", // ranked, k = 2
        "03",       // irv
        "02",       // previous round, then seeded
    ]
    .concat();
    let expected = [
        "02",
        "706562626c652066726f7a656e206d616e6966657374", // the tag
        &"11".repeat(16),
        "0000000000000007",
        "000b",
        "5061727175652032303237", // "Parque 2027"
        "455552",                 // EUR
        &"22".repeat(32),
        "00000002",
        "00000003",
        &format!("{:08x}", manifest.len() / 2),
        &manifest,
        "0006",
        "42616e636f73",
        "000e",
        "48756572746f206573636f6c6172",
    ]
    .concat();
    assert_eq!(hex, expected);
}

#[test]
fn version_3_writes_each_member_after_the_count() {
    let v2 = frozen().encode();
    let v3 = frozen_with_members().encode();
    assert_eq!(v3[0], 3);
    let members_at = 1 + 22 + 16 + 8 + 2 + 11 + 3 + 32 + 4;
    assert_eq!(v3[members_at..members_at + 4], [0, 0, 0, 3]);
    let first = [&[0u8, 6][..], b"Okafor", &[0x31; 32]].concat();
    assert_eq!(v3[members_at + 4..members_at + 4 + first.len()], first);
    let members_len = (2 + 6 + 32) + (2 + 9 + 32) + (2 + 9 + 32);
    assert_eq!(v3.len(), v2.len() + members_len);
    assert_eq!(v3[members_at + 4 + members_len..], v2[members_at + 4..]);
}

#[test]
fn version_4_writes_each_members_commitment_after_their_key() {
    let v3 = frozen_with_members().encode();
    let v4 = frozen_with_commitments().encode();
    assert_eq!(v4[0], 4);
    let members_at = 1 + 22 + 16 + 8 + 2 + 11 + 3 + 32 + 4 + 4;
    let members = [
        &[0u8, 6][..],
        b"Okafor",
        &[0x31; 32],
        &[1],
        &[0x41; 32],
        &[0, 9],
        b"Lindqvist",
        &[0x32; 32],
        &[0],
        &[0, 9],
        "Ana Peña".as_bytes(),
        &[0x33; 32],
        &[1],
        &[0x43; 32],
    ]
    .concat();
    assert_eq!(v4[members_at..members_at + members.len()], members);
    assert_eq!(v4.len(), v3.len() + 3 + 64);
}

#[test]
fn a_version_4_manifest_in_which_nobody_committed_is_refused() {
    let mut bytes = frozen_with_commitments().encode();
    bytes[0] = 4;
    let mut none = frozen_with_members();
    none.election.members[0].commitment = None;
    let mut written = none.encode();
    assert_eq!(written[0], 3);
    written[0] = 4;
    assert!(decode_frozen(&written).is_err());
    assert!(decode_frozen(&bytes).is_ok());
}

#[test]
fn a_frozen_manifest_decodes_to_itself() {
    assert_eq!(
        decode_frozen(&frozen_with_commitments().encode()),
        Ok(frozen_with_commitments())
    );
    assert_eq!(decode_frozen(&frozen().encode()), Ok(frozen()));
    assert_eq!(
        decode_frozen(&frozen_with_members().encode()),
        Ok(frozen_with_members())
    );
}

#[test]
fn a_version_3_manifest_without_members_is_refused() {
    let mut bytes = frozen().encode();
    bytes[0] = 3;
    assert!(decode_frozen(&bytes).is_err());
}

#[test]
fn every_cut_and_any_trailing_byte_is_refused() {
    for bytes in [
        frozen().encode(),
        frozen_with_members().encode(),
        frozen_with_commitments().encode(),
    ] {
        for len in 0..bytes.len() {
            assert!(decode_frozen(&bytes[..len]).is_err(), "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_frozen(&longer).is_err());
    }
}

#[test]
fn each_member_key_gets_its_own_name() {
    let election = frozen_with_members().election;
    assert_eq!(
        election.member_key_name(1),
        "pebble/cycles/7/11111111111111111111111111111111/committee/1"
    );
    assert!(election.member_verifier(2).is_some());
    assert!(election.member_verifier(3).is_none());
}

#[test]
fn another_election_never_shares_the_hash() {
    let base = frozen();
    let mut others = Vec::new();
    let mut other = base.clone();
    other.election.id[15] ^= 1;
    others.push(other);
    let mut other = base.clone();
    other.election.cycle = 8;
    others.push(other);
    let mut other = base.clone();
    other.election.currency = Currency::try_from("USD".to_owned()).expect("a code");
    others.push(other);
    let mut other = base.clone();
    other.election.log_key[0] ^= 1;
    others.push(other);
    let mut other = base.clone();
    other.titles[1].push('!');
    others.push(other);
    others.push(frozen_with_members());
    let mut other = frozen_with_members();
    other.election.members[2].key[31] ^= 1;
    others.push(other);
    others.push(frozen_with_commitments());
    let mut other = frozen_with_commitments();
    other.election.members[0].commitment = Some([0x42; 32]);
    others.push(other);
    for other in others {
        assert_ne!(other.hash(), base.hash(), "{other:?}");
    }
}

#[test]
fn the_log_is_named_after_the_cycle_and_the_election() {
    assert_eq!(
        frozen().election.log_origin(),
        "pebble/cycles/7/11111111111111111111111111111111"
    );
}

proptest! {
    #[test]
    fn flipping_any_bit_is_refused_or_reads_as_another_manifest(at in 0usize..200, bit in 0u8..8) {
        let bytes = frozen_with_commitments().encode();
        let at = at % bytes.len();
        let mut flipped = bytes.clone();
        flipped[at] ^= 1 << bit;
        if let Ok(read) = decode_frozen(&flipped) {
            prop_assert_ne!(read.clone(), frozen_with_commitments());
            prop_assert_eq!(read.encode(), flipped);
        }
    }
}

/// The same with a witness policy: two outside witnesses, either one
/// (version 5).
fn frozen_with_witnesses() -> FrozenManifest {
    let mut frozen = frozen_with_commitments();
    let key = |i: u8| {
        crate::cosignature::Cosigner::new(&format!("w{i}.example"), &[i; 32])
            .expect("a cosigner")
            .verifier()
    };
    let policy = format!(
        "witness parents {} https://w1.example\nwitness district {}\ngroup outside any parents district\nquorum outside\n",
        key(1),
        key(2)
    );
    frozen.election.witnesses = Some(policy);
    frozen
}

#[test]
fn version_5_writes_the_witness_policy_after_the_members() {
    let v4 = frozen_with_commitments().encode();
    let v5 = frozen_with_witnesses().encode();
    assert_eq!(v5[0], 5);
    let policy = frozen_with_witnesses()
        .election
        .witnesses
        .expect("a policy");
    assert_eq!(v5.len(), v4.len() + 2 + policy.len());
    assert_eq!(decode_frozen(&v5), Ok(frozen_with_witnesses()));
    let election = frozen_with_witnesses().election;
    let read = election
        .witness_policy()
        .expect("a policy")
        .expect("it parses");
    assert_eq!(read.logs.len(), 1, "the election's log is the policy's log");
    assert_eq!(read.logs[0].0, election.log_verifier().expect("log key"));
    assert_eq!(read.witnesses.len(), 2);
}

#[test]
fn a_version_5_policy_that_is_not_canonical_or_names_a_log_is_refused() {
    let log = crate::note::NoteSigner::new("some/log", &[9; 32])
        .expect("signer")
        .verifier();
    let canonical = frozen_with_witnesses()
        .election
        .witnesses
        .expect("a policy");
    for policy in [
        canonical.replace("witness parents", "witness  parents"),
        format!("# a comment\n{canonical}"),
        format!("log {log}\n{canonical}"),
        "quorum nobody\n".to_owned(),
    ] {
        let mut frozen = frozen_with_witnesses();
        frozen.election.witnesses = Some(policy.clone());
        assert!(decode_frozen(&frozen.encode()).is_err(), "{policy}");
    }
    let mut none = frozen_with_witnesses();
    none.election.witnesses = Some("quorum none\n".to_owned());
    assert_eq!(decode_frozen(&none.encode()), Ok(none));
}
