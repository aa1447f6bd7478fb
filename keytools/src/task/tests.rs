use counting::committee::commitment;
use counting::merkle::stored::TreeHead;
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
    let given = Given {
        salt: [3; 16],
        ..Given::default()
    };
    let made = perform(&Task::Commit, &key, &given)
        .expect("committed")
        .fields;
    assert_eq!(made[0], ("salt", to_hex(&[3; 16])));
    let salt = made[0].1.clone();
    let task = Task::from_attributes(attributes(&[("data-task", "reveal"), ("data-salt", &salt)]))
        .expect("a task");
    let revealed = perform(&task, &key, &Given::default())
        .expect("revealed")
        .fields;
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
        perform(
            &task,
            &key,
            &Given {
                at: "2027-05-02T18:00:00Z",
                reason: "  ",
                ..Given::default()
            }
        )
        .err(),
        Some(Problem::ReasonRequired)
    );
    let given = Given {
        at: "2027-05-02T18:00:00Z",
        reason: "Room 12's box is missing",
        ..Given::default()
    };
    let fields = perform(&task, &key, &given).expect("signed").fields;
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

#[test]
fn a_cosign_task_read_from_the_page_checks_the_log_and_remembers_what_it_cosigned() {
    use counting::checkpoint::Checkpoint;
    use counting::merkle::empty_root;
    use counting::note::NoteSigner;

    let origin = "pebble/cycles/2/00112233445566778899aabbccddeeff";
    let log = NoteSigner::new(origin, &[3; 32]).expect("a log key");
    let opening = Checkpoint {
        origin: origin.into(),
        head: TreeHead {
            size: 0,
            root: empty_root(),
        },
    }
    .sign(&log);
    let name = format!("{origin}/committee/0");
    let log_key = log.verifier().to_string();
    let request = format!("old 0\n\n{opening}");
    let task = Task::from_attributes(attributes(&[
        ("data-task", "cosign"),
        ("data-request", &request),
        ("data-log-key", &log_key),
        ("data-key-name", &name),
        ("data-handed", ""),
    ]))
    .expect("a task");
    let key = member_key(0);
    let given = Given {
        unix: 1_765_000_000,
        ..Given::default()
    };
    let made = perform(&task, &key, &given).expect("cosigned");
    assert_eq!(made.fields[1], ("size", "0".to_owned()));
    assert_eq!(made.cosigned.map(|head| head.size), Some(0));
    let verifier = key.cosigner(&name).expect("a name").verifier();
    let note = format!("{opening}{}", made.fields[0].1);
    assert_eq!(verifier.verify(&note), Ok(1_765_000_000));

    // This browser cosigned size 4 before; a server that hands back
    // nothing is hiding it.
    let remembered = Given {
        remembered: Some(TreeHead {
            size: 4,
            root: [7; 32],
        }),
        ..Given::default()
    };
    assert_eq!(
        perform(&task, &key, &remembered).err(),
        Some(Problem::Withheld)
    );
    // Another log's key did not sign this checkpoint.
    let stranger = NoteSigner::new(origin, &[4; 32]).expect("a key");
    let forged = task_with_log(&request, &stranger.verifier().to_string(), &name);
    assert_eq!(
        perform(&forged, &key, &given).err(),
        Some(Problem::NotConsistent)
    );
}

fn task_with_log(request: &str, log_key: &str, name: &str) -> Task {
    Task::from_attributes(attributes(&[
        ("data-task", "cosign"),
        ("data-request", request),
        ("data-log-key", log_key),
        ("data-key-name", name),
    ]))
    .expect("a task")
}
