//! Checkpoints round-trip through signing and opening; a published Go
//! checksum-database checkpoint parses; every edit is refused.

use super::*;
use crate::merkle::stored::TreeHead;

const ORIGIN: &str = "pebble.example/cycles/7";

fn signer() -> NoteSigner {
    NoteSigner::new(ORIGIN, &[42; 32]).expect("a valid name")
}

fn checkpoint() -> Checkpoint {
    Checkpoint {
        origin: ORIGIN.to_owned(),
        head: TreeHead {
            size: 1234,
            root: [0xab; 32],
        },
    }
}

#[test]
fn a_signed_checkpoint_opens_to_itself() {
    let note = checkpoint().sign(&signer());
    assert!(note.starts_with("pebble.example/cycles/7\n1234\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n\n— pebble.example/cycles/7 "));
    assert_eq!(
        Checkpoint::open(&note, &signer().verifier()),
        Ok(checkpoint())
    );
}

#[test]
fn the_go_checksum_database_checkpoint_parses() {
    let text = "go.sum database tree\n13485\n/ZWur4obeiqK+ASdnPK+/Rmz6LPQMUeSmHh0+UkL54Y=\n";
    let parsed = Checkpoint::parse(text).expect("a published checkpoint");
    assert_eq!(parsed.origin, "go.sum database tree");
    assert_eq!(parsed.head.size, 13485);
    assert_eq!(parsed.text(), text);
}

#[test]
fn a_checkpoint_of_another_log_is_refused_even_when_signed() {
    let other = Checkpoint {
        origin: "pebble.example/cycles/8".to_owned(),
        ..checkpoint()
    };
    let note = other.sign(&signer());
    assert!(matches!(
        Checkpoint::open(&note, &signer().verifier()),
        Err(CheckpointError::Origin { .. })
    ));
}

#[test]
fn an_edited_size_or_root_breaks_the_signature() {
    let note = checkpoint().sign(&signer());
    for forged in [
        note.replacen("\n1234\n", "\n1235\n", 1),
        note.replacen("q6urq6ur", "q6urq6uq", 1),
    ] {
        assert!(matches!(
            Checkpoint::open(&forged, &signer().verifier()),
            Err(CheckpointError::Note(NoteError::BadSignature(_)))
        ));
    }
    let stranger = NoteSigner::new(ORIGIN, &[43; 32]).expect("valid");
    assert!(Checkpoint::open(&note, &stranger.verifier()).is_err());
}

#[test]
fn malformed_texts_are_refused() {
    for text in [
        "",
        "origin\n",
        "origin\n12\n",
        "origin\n12\nAAAA\n",
        "origin\n012\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n",
        "origin\n+12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n",
        "\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n",
        "origin\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=",
    ] {
        assert!(Checkpoint::parse(text).is_err(), "{text:?}");
    }
}
