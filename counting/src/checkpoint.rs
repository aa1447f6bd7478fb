//! Checkpoints: a log's signed tree head in the C2SP tlog-checkpoint
//! format (<https://c2sp.org/tlog-checkpoint>), carried in a signed note
//! ([`crate::note`]).
//!
//! ```text
//! <origin>\n              the log's name, also its key's name
//! <tree size>\n           decimal, no leading zeros
//! <root hash>\n           base64 (standard, padded) of the 32-byte root
//! ```

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::merkle::stored::TreeHead;
use crate::note::{NoteError, NoteSigner, NoteVerifier};

/// Why a checkpoint was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// The signed note itself was refused.
    #[error(transparent)]
    Note(#[from] NoteError),
    /// The text is not origin, size and root on three lines.
    #[error("not a checkpoint: {0}")]
    Format(&'static str),
    /// A checkpoint of another log.
    #[error("the checkpoint is for log {found}, not {expected}")]
    Origin {
        /// The log asked for.
        expected: String,
        /// The log the checkpoint names.
        found: String,
    },
}

/// A number as the C2SP formats write sizes and indexes: ASCII decimal
/// with no leading zeros (`0` itself excepted), nothing else.
pub(crate) fn decimal(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    text.parse().ok().filter(|_| canonical)
}

/// A log's tree head and the log's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's unique name (the key's name too).
    pub origin: String,
    /// The tree's size and root.
    pub head: TreeHead,
}

impl Checkpoint {
    /// The checkpoint's text: origin, size and root, one per line.
    pub fn text(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.head.size,
            STANDARD.encode(self.head.root)
        )
    }

    /// Reads a checkpoint's text (extension lines after the root are
    /// allowed by the format and ignored).
    pub fn parse(text: &str) -> Result<Checkpoint, CheckpointError> {
        let body = text
            .strip_suffix('\n')
            .ok_or(CheckpointError::Format("the text must end in a newline"))?;
        let mut lines = body.split('\n');
        let (Some(origin), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(CheckpointError::Format(
                "expected origin, tree size and root hash",
            ));
        };
        if origin.is_empty() {
            return Err(CheckpointError::Format("the origin line is empty"));
        }
        let size = decimal(size).ok_or(CheckpointError::Format(
            "the tree size is not a decimal number",
        ))?;
        let root = STANDARD
            .decode(root)
            .ok()
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .ok_or(CheckpointError::Format(
                "the root hash is not 32 bytes of base64",
            ))?;
        Ok(Checkpoint {
            origin: origin.to_owned(),
            head: TreeHead { size, root },
        })
    }

    /// The checkpoint signed by `signer`, as a signed note.
    pub fn sign(&self, signer: &NoteSigner) -> String {
        signer.sign_checked(&self.text())
    }

    /// Opens a signed checkpoint: the signature by `verifier` must hold
    /// and the origin must be the verifier's name.
    pub fn open(note: &str, verifier: &NoteVerifier) -> Result<Checkpoint, CheckpointError> {
        let checkpoint = Checkpoint::parse(verifier.open(note)?)?;
        if checkpoint.origin != verifier.name() {
            return Err(CheckpointError::Origin {
                expected: verifier.name().to_owned(),
                found: checkpoint.origin,
            });
        }
        Ok(checkpoint)
    }
}

#[cfg(test)]
mod tests;
