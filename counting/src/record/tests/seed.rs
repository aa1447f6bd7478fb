//! The seed from the committee's reveals: every reveal is checked
//! against its commitment, enough must be there, and a member's only
//! choices are to reveal their one secret or to withhold it.

use proptest::prelude::*;

use super::*;

#[test]
fn a_changed_reveal_is_caught_against_its_commitment() {
    let mut record = certified();
    record.seed.reveals[1].secret = Some(merkle::to_hex(&[0x77; 32]));
    let found = caught(&record);
    assert_eq!(found.at, "seed.reveals", "{found}");
    assert!(
        found
            .what
            .contains("Lindqvist's revealed secret does not open"),
        "{found}"
    );
}

#[test]
fn a_reveal_dropped_after_the_count_is_caught_at_the_seed() {
    let mut record = certified();
    record.seed.reveals[0].secret = None;
    let found = caught(&record);
    assert_eq!(found.at, "seed", "{found}");
}

#[test]
fn a_record_counted_without_one_members_reveal_verifies_and_names_them() {
    let mut parts = parts();
    parts.reveals[1] = None;
    let mut record = Record::compile(parts).expect("compiles with k reveals");
    assert_eq!(record.seed.withheld_by(), ["Lindqvist"]);
    decide(&mut record, 0, Decision::Certify, "");
    decide(&mut record, 2, Decision::Certify, "");
    assert!(verify(&record).expect("verifies").certified());
}

#[test]
fn fewer_than_k_reveals_cannot_be_counted() {
    let mut parts = parts();
    parts.reveals[1] = None;
    parts.reveals[2] = None;
    assert_eq!(
        Record::compile(parts),
        Err(CompileError::Reveals(
            "1 members revealed; the count needs 2".to_owned()
        ))
    );
}

#[test]
fn reveals_renamed_or_reordered_are_caught() {
    let mut record = certified();
    record.seed.reveals.swap(0, 1);
    assert_eq!(caught(&record).at, "seed.reveals[0]");
    let mut record = certified();
    record.seed.reveals[2].name = "Someone".to_owned();
    assert_eq!(caught(&record).at, "seed.reveals[2]");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Once the others have revealed, the last member can bring about
    /// one of two seeds only: theirs revealed, or withheld. Any other
    /// secret is refused at the count.
    #[test]
    fn the_last_member_chooses_between_two_seeds_at_most(other in any::<[u8; 32]>()) {
        let mut parts = parts();
        prop_assume!(other != secret(2));
        parts.reveals[2] = Some(other);
        prop_assert!(matches!(Record::compile(parts), Err(CompileError::Reveals(_))));
        let revealed = Record::compile(super::parts()).expect("revealed");
        let mut withheld = super::parts();
        withheld.reveals[2] = None;
        let withheld = Record::compile(withheld).expect("withheld");
        prop_assert_ne!(revealed.seed.seed, withheld.seed.seed);
    }
}
