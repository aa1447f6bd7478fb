use super::*;
use crate::checkpoint::Checkpoint;
use crate::merkle::stored::TreeHead;
use crate::note::NoteSigner;

const ORIGIN: &str = "pebble/cycles/1/00112233445566778899aabbccddeeff";

fn signed_checkpoint(size: u64) -> String {
    let log = NoteSigner::new(ORIGIN, &[7; 32]).expect("valid test data");
    Checkpoint {
        origin: ORIGIN.into(),
        head: TreeHead {
            size,
            root: [size as u8; 32],
        },
    }
    .sign(&log)
}

fn witness() -> Cosigner {
    Cosigner::new("witness.example/parents", &[9; 32]).expect("valid test data")
}

#[test]
fn a_cosignature_added_to_a_checkpoint_verifies_with_its_time() {
    let note = signed_checkpoint(5);
    let text = note
        .split_once("\n\n")
        .expect("valid test data")
        .0
        .to_owned()
        + "\n";
    let line = witness()
        .cosign(&text, 1_796_000_000)
        .expect("valid test data");
    let cosigned = format!("{note}{line}");
    assert_eq!(witness().verifier().verify(&cosigned), Ok(1_796_000_000));
}

#[test]
fn the_log_signature_still_opens_a_cosigned_checkpoint() {
    let note = signed_checkpoint(5);
    let text = note
        .split_once("\n\n")
        .expect("valid test data")
        .0
        .to_owned()
        + "\n";
    let cosigned = format!(
        "{note}{}",
        witness().cosign(&text, 1).expect("valid test data")
    );
    let log = NoteSigner::new(ORIGIN, &[7; 32])
        .expect("valid test data")
        .verifier();
    assert_eq!(
        Checkpoint::open(&cosigned, &log)
            .expect("valid test data")
            .head
            .size,
        5
    );
}

#[test]
fn a_cosignature_is_refused_on_another_checkpoint_or_time() {
    let text = "o\n5\nAAAA\n";
    let line = witness().cosign(text, 100).expect("valid test data");
    let other = format!("o\n6\nAAAA\n\n{line}");
    assert!(matches!(
        witness().verifier().verify(&other),
        Err(NoteError::BadSignature(_))
    ));
    // The time is signed: moving it breaks the signature.
    let blob = STANDARD
        .decode(line.trim_end().rsplit_once(' ').expect("valid test data").1)
        .expect("valid test data");
    let mut moved = blob.clone();
    moved[11] ^= 1;
    let moved = format!(
        "{text}\n{DASH}witness.example/parents {}\n",
        STANDARD.encode(moved)
    );
    assert!(witness().verifier().verify(&moved).is_err());
}

#[test]
fn every_flipped_bit_of_a_cosignature_line_is_refused() {
    let text = "o\n5\nAAAA\n";
    let line = witness().cosign(text, 100).expect("valid test data");
    let blob = STANDARD
        .decode(line.trim_end().rsplit_once(' ').expect("valid test data").1)
        .expect("valid test data");
    for bit in 0..blob.len() * 8 {
        let mut flipped = blob.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let note = format!(
            "{text}\n{DASH}witness.example/parents {}\n",
            STANDARD.encode(flipped)
        );
        assert!(witness().verifier().verify(&note).is_err(), "bit {bit}");
    }
}

#[test]
fn a_log_signature_by_the_same_key_is_not_a_cosignature() {
    // The same Ed25519 key as a note signer (type 0x01) under the same
    // name: its key id differs, so the line is skipped, never accepted.
    let as_log = NoteSigner::new("witness.example/parents", &[9; 32]).expect("valid test data");
    let note = as_log.sign("o\n5\nAAAA\n").expect("valid test data");
    assert!(matches!(
        witness().verifier().verify(&note),
        Err(NoteError::Unsigned(_))
    ));
}

#[test]
fn the_verifier_key_reads_back_and_names_type_4() {
    let text = witness().verifier().to_string();
    let key = STANDARD
        .decode(text.rsplit('+').next().expect("valid test data"))
        .expect("valid test data");
    assert_eq!(key[0], 0x04);
    assert_eq!(CosignatureVerifier::parse(&text), Ok(witness().verifier()));
    let log_key = NoteSigner::new("witness.example/parents", &[9; 32])
        .expect("valid test data")
        .verifier()
        .to_string();
    assert_eq!(
        CosignatureVerifier::parse(&log_key),
        Err(NoteError::VerifierKey)
    );
}

#[test]
fn a_time_past_the_signed_range_is_refused() {
    assert!(witness().cosign("o\n1\nAAAA\n", 1 << 63).is_err());
    assert!(witness().cosign("no newline", 1).is_err());
}
