use counting::committee::commitment;
use counting::merkle::{from_hex, to_hex};
use counting::record::Decision;
use counting::record::certification::Certification;
use counting::record::sample::{Sample, member_key};
use counting::{BallotRules, Cents, Manifest, Project, Rule, TieBreak};

use super::*;

const PASSPHRASE: &str = "a passphrase of mine";

fn attributes(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

#[test]
fn a_made_key_opens_with_its_passphrase_and_only_as_the_expected_key() {
    let (file, public) = make("okafor", PASSPHRASE, PASSPHRASE, [7; 32], [1; 16]).expect("made");
    assert_eq!(public, to_hex(&MemberKey::from_seed([7; 32]).public_key()));
    assert!(open(&file, PASSPHRASE, Some(&public)).is_ok());
    assert!(open(&file, PASSPHRASE, None).is_ok());
    assert_eq!(
        open(&file, "not the passphrase", None).err(),
        Some(Problem::WrongPassphrase)
    );
    let other = to_hex(&MemberKey::from_seed([8; 32]).public_key());
    assert_eq!(
        open(&file, PASSPHRASE, Some(&other)).err(),
        Some(Problem::NotYours)
    );
    assert_eq!(
        open("{\"a\": 1}", PASSPHRASE, None).err(),
        Some(Problem::NotAKeyFile)
    );
}

#[test]
fn a_new_passphrase_is_typed_twice_and_long_enough() {
    assert_eq!(
        make("o", PASSPHRASE, "another one!", [7; 32], [1; 16]).err(),
        Some(Problem::PassphrasesDiffer)
    );
    assert_eq!(
        make("o", "short", "short", [7; 32], [1; 16]).err(),
        Some(Problem::ShortPassphrase)
    );
}

#[test]
fn a_commitment_is_opened_by_the_revealed_secret_of_its_salt() {
    let key = MemberKey::from_seed([7; 32]);
    let made = perform(&Task::Commit, &key, [3; 16], "", "").expect("committed");
    assert_eq!(made[0], ("salt", to_hex(&[3; 16])));
    let salt = made[0].1.clone();
    let task = Task::from_attributes(attributes(&[("data-task", "reveal"), ("data-salt", &salt)]))
        .expect("a task");
    let revealed = perform(&task, &key, [9; 16], "", "").expect("revealed");
    let secret = from_hex(&revealed[0].1).expect("hex");
    assert_eq!(to_hex(&commitment(&secret)), made[1].1);
}

#[test]
fn a_signed_decision_is_read_back_as_the_members_certification() {
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
    let sample = Sample::new(
        1,
        "Keys",
        "USD",
        manifest,
        vec!["One".into()],
        &["A", "B"],
        2,
    )
    .expect("a sample");
    let origin = sample.frozen.election.log_origin();
    let hash = to_hex(&[5; 32]);
    let task = Task::from_attributes(attributes(&[
        ("data-task", "sign"),
        ("data-origin", &origin),
        ("data-member", "1"),
        ("data-record-hash", &hash),
        ("data-decision", "object"),
    ]))
    .expect("a task");
    let key = member_key(1);
    assert_eq!(
        perform(&task, &key, [0; 16], "2027-05-02T18:00:00Z", "  ").err(),
        Some(Problem::ReasonRequired)
    );
    let fields = perform(
        &task,
        &key,
        [0; 16],
        "2027-05-02T18:00:00Z",
        "Room 12's box is missing",
    )
    .expect("signed");
    let (read, on) = Certification::from_note(&sample.frozen.election, 1, &fields[0].1)
        .expect("member 1's note");
    assert_eq!(
        (read.decision, read.reason.as_str(), on),
        (Decision::Object, "Room 12's box is missing", [5; 32])
    );
    assert!(
        Certification::from_note(&sample.frozen.election, 0, &fields[0].1).is_err(),
        "not member 0's"
    );
}

#[test]
fn attributes_that_name_no_whole_task_give_none() {
    for pairs in [
        vec![],
        vec![("data-task", "guess")],
        vec![("data-task", "reveal"), ("data-salt", "abc")],
        vec![
            ("data-task", "sign"),
            ("data-origin", "o"),
            ("data-member", "x"),
            ("data-record-hash", "00"),
            ("data-decision", "certify"),
        ],
    ] {
        assert_eq!(Task::from_attributes(attributes(&pairs)), None, "{pairs:?}");
    }
}
