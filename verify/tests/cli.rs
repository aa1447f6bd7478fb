//! `pebble-verify` as auditors and committee members run it: on a made-up
//! election's record (`counting`'s sample), with the passphrase in
//! `PEBBLE_KEY_PASSPHRASE` as a script would give it.

use std::path::PathBuf;
use std::process::Command;

use counting::committee::{KdfParams, KeyFile, commitment};
use counting::merkle::from_hex;
use counting::record::sample::{Sample, member_key};
use counting::record::{Certification, Decision, GroupTurnout, Record, Source};
use counting::{Ballot, BallotRules, Cents, Manifest, Project, ProjectId, Rule, TieBreak};

const PASSPHRASE: &str = "correct horse battery staple";

/// A file in a folder of this test process's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pebble-verify-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Runs the binary: whether it succeeded, and stdout then stderr.
fn run(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pebble-verify"))
        .args(args)
        .env("PEBBLE_KEY_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("pebble-verify runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

fn id(n: &str) -> ProjectId {
    n.parse().expect("an id")
}

/// A two-member sample election, counted, nobody's decision in yet.
fn sample() -> (Sample, Record) {
    let manifest = Manifest::new(
        Cents::new(1000),
        vec![
            Project {
                id: id("1"),
                cost: Cents::new(600),
            },
            Project {
                id: id("2"),
                cost: Cents::new(400),
            },
        ],
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
    let titles = vec!["One".to_owned(), "Two".to_owned()];
    let sample = Sample::new(
        1,
        "CLI",
        "USD",
        manifest,
        titles,
        &["A. Member", "B. Member"],
        2,
    )
    .expect("a sample");
    let ballots = vec![
        (Ballot::Approval([id("1")].into()), Source::Online),
        (Ballot::Approval([id("2")].into()), Source::Paper),
    ];
    let turnout = vec![GroupTurnout {
        group: "All".into(),
        issued: 3,
        used: 1,
    }];
    let record = Record::compile(sample.parts(ballots, turnout)).expect("compiles");
    (sample, record)
}

fn write(record: &Record, name: &str) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, serde_json::to_string(record).expect("JSON")).expect("written");
    path
}

#[test]
fn a_member_signs_offline_and_the_note_certifies_the_record() {
    let (sample, mut record) = sample();
    let key_path = scratch("member-0.json");
    let file = KeyFile::seal(
        &member_key(0),
        "a.member",
        PASSPHRASE,
        [1; 16],
        KdfParams::default(),
    )
    .expect("sealed");
    std::fs::write(&key_path, file.to_text()).expect("written");
    let record_path = write(&record, "unsigned.json");

    let (ok, said) = run(&[
        "sign",
        "--key",
        key_path.to_str().expect("a UTF-8 path"),
        "--certify",
        record_path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(ok, "{said}");
    let note = said
        .split_once('\n')
        .map(|(_, note)| note)
        .expect("the note after one line");
    let (certification, hash) =
        Certification::from_note(&sample.frozen.election, 0, &format!("{}\n", note.trim()))
            .expect("signed by member 0's key");
    assert_eq!(counting::merkle::to_hex(&hash), record.record_hash);
    assert_eq!(certification.decision, Decision::Certify);
    record.certifications.push(certification);
    sample
        .decide(
            &mut record,
            1,
            Decision::Certify,
            "2027-05-02T18:00:00Z",
            "",
        )
        .expect("the other member signs");
    let (ok, said) = run(&[write(&record, "signed.json")
        .to_str()
        .expect("a UTF-8 path")]);
    assert!(
        ok && said.contains("certified by A. Member, B. Member"),
        "{said}"
    );

    let (ok, said) = run(&[
        "sign",
        "--key",
        key_path.to_str().expect("a UTF-8 path"),
        "--object",
        record_path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(
        !ok && said.contains("reason"),
        "an objection says why: {said}"
    );
}

#[test]
fn a_made_key_commits_and_reveals_the_secret_its_commitment_opens() {
    let key_path = scratch("made.json");
    let (ok, said) = run(&[
        "keygen",
        "--owner",
        "b.member",
        "--out",
        key_path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(ok, "{said}");
    let (ok, again) = run(&[
        "keygen",
        "--owner",
        "b.member",
        "--out",
        key_path.to_str().expect("a UTF-8 path"),
    ]);
    assert!(!ok && again.contains("never overwritten"), "{again}");
    let key = key_path.to_str().expect("a UTF-8 path");
    let (ok, said) = run(&["commit", "--key", key]);
    assert!(ok, "{said}");
    let field = |name: &str| {
        said.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("{name} in {said}"))
    };
    let (salt, made) = (field("salt"), field("commitment"));
    let (ok, secret) = run(&["reveal", "--key", key, "--salt", &salt]);
    assert!(ok, "{secret}");
    let secret = from_hex(secret.trim()).expect("the secret, hex");
    assert_eq!(counting::merkle::to_hex(&commitment(&secret)), made);
}

#[test]
fn a_record_passes_only_against_the_manifest_hash_it_was_counted_under() {
    let (sample, mut record) = sample();
    for member in [0, 1] {
        sample
            .decide(
                &mut record,
                member,
                Decision::Certify,
                "2027-05-02T18:00:00Z",
                "",
            )
            .expect("signed");
    }
    let path = write(&record, "pinned.json");
    let path = path.to_str().expect("a UTF-8 path");
    let (ok, said) = run(&[path]);
    assert!(ok, "consistent on its own: {said}");
    let (ok, said) = run(&["--manifest", &record.manifest.hash.to_uppercase(), path]);
    assert!(ok, "{said}");
    let (ok, said) = run(&["--manifest", &"00".repeat(32), path]);
    assert!(
        !ok && said.starts_with("DISCREPANCY at manifest.hash"),
        "{said}"
    );
}

#[test]
fn a_receipt_saved_as_a_tlog_proof_is_checked_offline_against_the_manifest() {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use counting::merkle::leaf_hash;
    use counting::merkle::stored::audit::all_nodes;
    use counting::merkle::stored::inclusion_proof;
    use counting::tlog_proof::TlogProof;

    let (_, record) = sample();
    let manifest = scratch("manifest.json");
    let published = serde_json::json!({ "manifest": record.manifest.bytes });
    std::fs::write(&manifest, published.to_string()).expect("written");
    let entries: Vec<Vec<u8>> = record
        .log
        .entries
        .iter()
        .map(|e| STANDARD.decode(&e.entry).expect("base64"))
        .collect();
    let nodes = all_nodes(&entries.iter().map(|e| leaf_hash(e)).collect::<Vec<_>>());
    let proof = TlogProof {
        extra: Some(entries[1].clone()),
        index: 1,
        path: inclusion_proof(&nodes, 1, 2).expect("a path"),
        checkpoint: record.log.checkpoint.clone(),
    };
    let path = scratch("receipt.tlog-proof");
    std::fs::write(&path, proof.text()).expect("written");
    let (ok, said) = run(&[
        "receipt",
        path.to_str().expect("a UTF-8 path"),
        "--manifest",
        manifest.to_str().expect("a UTF-8 path"),
    ]);
    assert!(ok, "{said}");
    assert!(
        said.contains("entry 1 of the 2") && said.contains("the ballot names: Two"),
        "{said}"
    );
    let moved = TlogProof { index: 0, ..proof };
    std::fs::write(&path, moved.text()).expect("written");
    let (ok, said) = run(&[
        "receipt",
        path.to_str().expect("a UTF-8 path"),
        "--manifest",
        manifest.to_str().expect("a UTF-8 path"),
    ]);
    assert!(
        !ok && said.contains("REFUSED: the entry is not at index 0"),
        "{said}"
    );
    let (ok, said) = run(&["receipt", path.to_str().expect("a UTF-8 path")]);
    assert!(!ok && said.contains("usage"), "{said}");
}

#[test]
fn a_member_cosigns_the_log_offline_and_refuses_a_tree_that_does_not_extend_it() {
    use counting::checkpoint::Checkpoint;
    use counting::merkle::stored::TreeHead;
    use counting::merkle::{empty_root, leaf_hash};
    use counting::note::NoteSigner;

    let origin = "pebble/cycles/5/00112233445566778899aabbccddeeff";
    let log = NoteSigner::new(origin, &[3; 32]).expect("a log key");
    let signed = |size: u64, root| {
        Checkpoint {
            origin: origin.into(),
            head: TreeHead { size, root },
        }
        .sign(&log)
    };
    let key_path = scratch("witness-key.json");
    let file = KeyFile::seal(
        &member_key(1),
        "b.member",
        PASSPHRASE,
        [2; 16],
        KdfParams::default(),
    )
    .expect("sealed");
    std::fs::write(&key_path, file.to_text()).expect("written");
    let state = scratch("witness-state.txt");
    let name = format!("{origin}/committee/1");
    let log_key = log.verifier().to_string();
    let cosign = |request: &str, file: &str| {
        let request_path = scratch(file);
        std::fs::write(&request_path, request).expect("written");
        run(&[
            "cosign",
            "--key",
            key_path.to_str().expect("a UTF-8 path"),
            "--request",
            request_path.to_str().expect("a UTF-8 path"),
            "--state",
            state.to_str().expect("a UTF-8 path"),
            "--log-key",
            &log_key,
            "--name",
            &name,
        ])
    };
    let verifier = member_key(1).cosigner(&name).expect("a name").verifier();

    // Voting opens: the empty log, copied out of a page on Windows.
    let opening = signed(0, empty_root());
    let (ok, said) = cosign(
        &format!("old 0\r\n\r\n{}", opening.replace('\n', "\r\n")),
        "r0.txt",
    );
    assert!(ok, "{said}");
    let line = format!("{}\n", said.lines().last().expect("the line"));
    assert!(
        verifier.verify(&format!("{opening}{line}")).is_ok(),
        "{said}"
    );
    let kept = std::fs::read_to_string(&state).expect("the state file");
    assert_eq!(kept, format!("{opening}{line}"));

    // The sealed log of one entry extends the empty one.
    let sealed = signed(1, leaf_hash(b"a ballot"));
    let (ok, said) = cosign(&format!("old 0\n\n{sealed}"), "r1.txt");
    assert!(ok, "{said}");

    // Shown another tree of the same size, the member refuses, and the
    // state still holds the sealed checkpoint.
    let other = signed(1, leaf_hash(b"another ballot"));
    let (ok, said) = cosign(&format!("old 1\n\n{other}"), "r2.txt");
    assert!(!ok && said.contains("not cosigned"), "{said}");
    let kept = std::fs::read_to_string(&state).expect("the state file");
    assert!(kept.starts_with(&sealed), "{kept}");

    // A request that pretends the member holds nothing is a conflict.
    let (ok, said) = cosign(&format!("old 0\n\n{other}"), "r3.txt");
    assert!(
        !ok && said.contains("holds the checkpoint of size 1"),
        "{said}"
    );
}
