use super::*;
use crate::cosignature::Cosigner;
use crate::note::NoteSigner;

const ORIGIN: &str = "pebble/cycles/1/00112233445566778899aabbccddeeff";

fn log() -> NoteSigner {
    NoteSigner::new(ORIGIN, &[1; 32]).expect("valid test data")
}

fn witness(i: u8) -> Cosigner {
    Cosigner::new(&format!("w{i}.example"), &[10 + i; 32]).expect("valid test data")
}

/// Members of the committee (X1–X3) and two outside witnesses (Y1, Y2):
/// two of the committee and one outsider, as a school might ask.
fn policy_text() -> String {
    format!(
        "# a cycle's witnesses\n\
         log {}\n\
         witness X1 {}\n\
         witness X2 {}\twith-a-url.example/witness\n\
         witness X3 {}\n\
         group committee 2 X1 X2 X3\n\
         \n\
         witness Y1 {}\n\
         witness Y2 {}\n\
         group outside any Y1 Y2\n\
         group both all committee outside\n\
         quorum both\n",
        log().verifier(),
        witness(1).verifier(),
        witness(2).verifier(),
        witness(3).verifier(),
        witness(4).verifier(),
        witness(5).verifier(),
    )
}

fn cosigned_by(witnesses: &[u8]) -> String {
    let text = format!("{ORIGIN}\n3\n{}\n", "A".repeat(43) + "=");
    let checkpoint = Checkpoint::parse(&text).expect("valid test data");
    let mut note = checkpoint.sign(&log());
    for i in witnesses {
        note.push_str(
            &witness(*i)
                .cosign(&text, 1_796_000_000)
                .expect("valid test data"),
        );
    }
    note
}

#[test]
fn a_quorum_of_nested_groups_is_met_exactly_when_it_should_be() {
    let policy = Policy::parse(&policy_text()).expect("valid test data");
    assert!(policy.check(&cosigned_by(&[1, 2, 4])).is_ok());
    assert!(policy.check(&cosigned_by(&[3, 1, 5])).is_ok());
    for short in [&[1, 2][..], &[1, 4], &[4, 5], &[1, 4, 5], &[]] {
        assert!(
            matches!(
                policy.check(&cosigned_by(short)),
                Err(PolicyError::Quorum(_))
            ),
            "{short:?}"
        );
    }
}

#[test]
fn the_canonical_text_reads_back_to_the_same_policy() {
    let policy = Policy::parse(&policy_text()).expect("valid test data");
    let text = policy.text();
    assert!(!text.contains('#') && !text.contains('\t'));
    assert_eq!(Policy::parse(&text).expect("valid test data"), policy);
    assert_eq!(Policy::parse(&text).expect("valid test data").text(), text);
    assert_eq!(
        policy.witnesses[1].url.as_deref(),
        Some("with-a-url.example/witness")
    );
}

#[test]
fn a_checkpoint_another_log_signed_is_refused_whatever_its_cosignatures() {
    let policy = Policy::parse(&policy_text()).expect("valid test data");
    let text = format!("{ORIGIN}\n3\n{}\n", "A".repeat(43) + "=");
    let stranger = NoteSigner::new(ORIGIN, &[2; 32]).expect("valid test data");
    let mut note = Checkpoint::parse(&text)
        .expect("valid test data")
        .sign(&stranger);
    for i in [1, 2, 4] {
        note.push_str(&witness(i).cosign(&text, 1).expect("valid test data"));
    }
    assert!(matches!(policy.check(&note), Err(PolicyError::Log(_))));
}

#[test]
fn a_cosignature_that_names_a_witness_but_does_not_verify_is_refused() {
    let policy = Policy::parse(&policy_text()).expect("valid test data");
    let note = cosigned_by(&[1, 2, 4]).replace("\n3\n", "\n4\n");
    assert!(policy.check(&note).is_err());
}

#[test]
fn quorum_none_needs_only_the_log() {
    let policy = Policy::parse(&format!("log {}\nquorum none\n", log().verifier()))
        .expect("valid test data");
    assert!(policy.check(&cosigned_by(&[])).is_ok());
}

#[test]
fn malformed_policies_are_refused_with_the_line() {
    let w1 = witness(1).verifier();
    let w2 = witness(2).verifier();
    let cases = [
        format!("witness A {w1}\n"),
        format!("witness A {w1}\nquorum B\n"),
        format!("witness A {w1}\nwitness A {w2}\nquorum A\n"),
        format!("witness A {w1}\nwitness B {w1}\nquorum A\n"),
        format!("witness A {w1}\ngroup G 2 A\nquorum G\n"),
        format!("witness A {w1}\ngroup G 0 A\nquorum G\n"),
        format!("witness A {w1}\ngroup G any A A\nquorum G\n"),
        format!("group G any A\nwitness A {w1}\nquorum G\n"),
        format!("witness none {w1}\nquorum none\n"),
        format!("witness A {}\nquorum A\n", log().verifier()),
        format!("witness A {w1}\nquorum A\nquorum A\n"),
        format!("witness A {w1}\r\nquorum A\n"),
        "frobnicate\nquorum none\n".to_owned(),
    ];
    for case in cases {
        assert!(Policy::parse(&case).is_err(), "{case:?}");
    }
    assert!(matches!(
        Policy::parse("witness A x\n"),
        Err(PolicyError::Line { line: 1, .. })
    ));
}
