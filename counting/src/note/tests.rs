//! Known answers from the format's reference implementation and its
//! specification, then tampering of every part of a note.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::*;

/// Go's `golang.org/x/mod/sumdb/note` package documentation and
/// `note_test.go` (`TestSign`): key, text and the exact signed note.
const GO_SIGNER: &str =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VERIFIER: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                       then you don't know what your problem is.\n";
const GO_NOTE: &str = "If you think cryptography is the answer to your problem,\n\
                       then you don't know what your problem is.\n\
                       \n\
                       — PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

/// The example of the C2SP signed-note specification
/// (<https://c2sp.org/signed-note>, "Example").
const SPEC_VERIFIER: &str = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const SPEC_NOTE: &str = "This is an example message.\n\n— example.com/foo \
    Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

/// A checkpoint of the Go checksum database signed by its published key
/// (`sum.golang.org+033de0ae+…`, from Go's `cmd/go/internal/modfetch`),
/// as quoted in google/trillian-examples' gossip tests.
const SUMDB_VERIFIER: &str = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
const SUMDB_NOTE: &str = "go.sum database tree\n13485\n/ZWur4obeiqK+ASdnPK+/Rmz6LPQMUeSmHh0+UkL54Y=\n\n\
    — sum.golang.org Az3grnQReYTvpCrRxT+w50vixbqBlB/aPS8bL8f8KW4HHP+UjLSXOJgCh4f54n8hO6lrESglzyRXMXnhaWzaeY3zqw8=\n";

fn go_signer() -> NoteSigner {
    // PRIVATE+KEY+name+id+base64: the base64 may hold '+' itself.
    let blob = GO_SIGNER.splitn(5, '+').nth(4).unwrap_or_default();
    let bytes = STANDARD.decode(blob).expect("the vector is base64");
    let seed: [u8; 32] = bytes[1..].try_into().expect("a 32-byte seed");
    NoteSigner::new("PeterNeumann", &seed).expect("a valid name")
}

#[test]
fn signing_the_reference_text_gives_the_reference_note_byte_for_byte() {
    let signer = go_signer();
    assert_eq!(signer.sign(GO_TEXT).as_deref(), Ok(GO_NOTE));
    assert_eq!(signer.verifier().to_string(), GO_VERIFIER);
}

#[test]
fn published_notes_open_with_their_published_keys() {
    for (key, note) in [
        (GO_VERIFIER, GO_NOTE),
        (SPEC_VERIFIER, SPEC_NOTE),
        (SUMDB_VERIFIER, SUMDB_NOTE),
    ] {
        let verifier = NoteVerifier::parse(key).expect("a published key parses");
        assert_eq!(verifier.to_string(), key);
        let text = verifier.open(note).expect("a published note verifies");
        assert!(note.starts_with(text));
    }
}

#[test]
fn a_changed_byte_of_the_text_breaks_the_signature() {
    let verifier = NoteVerifier::parse(GO_VERIFIER).expect("parses");
    let forged = GO_NOTE.replacen("problem,", "problem;", 1);
    assert!(matches!(
        verifier.open(&forged),
        Err(NoteError::BadSignature(_))
    ));
}

#[test]
fn every_flipped_bit_of_the_signature_is_caught() {
    let verifier = NoteVerifier::parse(SUMDB_VERIFIER).expect("parses");
    let (text, line) = SUMDB_NOTE.split_at(SUMDB_NOTE.rfind("\n\n").expect("blank") + 2);
    let blob = line.trim_end().rsplit(' ').next().expect("blob");
    let bytes = STANDARD.decode(blob).expect("base64");
    for bit in 0..bytes.len() * 8 {
        let mut flipped = bytes.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let note = format!("{text}— sum.golang.org {}\n", STANDARD.encode(&flipped));
        assert!(verifier.open(&note).is_err(), "bit {bit} went unnoticed");
    }
}

#[test]
fn a_note_signed_by_another_key_is_unsigned_for_this_one() {
    let verifier = NoteVerifier::parse(SPEC_VERIFIER).expect("parses");
    assert!(matches!(
        verifier.open(GO_NOTE),
        Err(NoteError::Unsigned(_))
    ));
    let other = NoteSigner::new("PeterNeumann", &[7; 32]).expect("valid");
    let impostor = other.sign(GO_TEXT).expect("signs");
    let real = NoteVerifier::parse(GO_VERIFIER).expect("parses");
    assert!(matches!(real.open(&impostor), Err(NoteError::Unsigned(_))));
}

#[test]
fn signatures_by_unknown_keys_beside_a_good_one_are_skipped() {
    let verifier = NoteVerifier::parse(SPEC_VERIFIER).expect("parses");
    let note = format!("{SPEC_NOTE}— other.example/key AAAAAAB0ZXN0\n");
    assert_eq!(verifier.open(&note), Ok("This is an example message.\n"));
}

#[test]
fn malformed_notes_and_keys_are_refused_with_a_reason() {
    let verifier = NoteVerifier::parse(GO_VERIFIER).expect("parses");
    for note in [
        "",
        "text\n",
        "text\n\n",
        "text\n\n— PeterNeumann\n",
        "text\n\nPeterNeumann abc\n",
    ] {
        assert!(
            matches!(verifier.open(note), Err(NoteError::Malformed(_))),
            "{note:?}"
        );
    }
    assert_eq!(go_signer().sign("no newline"), Err(NoteError::Text));
    for key in [
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+AhpZ2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+not base64",
    ] {
        assert!(NoteVerifier::parse(key).is_err(), "{key:?}");
    }
    assert_eq!(
        NoteSigner::new("a b", &[1; 32]).err(),
        Some(NoteError::KeyName)
    );
    assert_eq!(
        NoteSigner::new("a+b", &[1; 32]).err(),
        Some(NoteError::KeyName)
    );
}
