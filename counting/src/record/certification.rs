//! A committee member's decision on a record hash, as a signed note
//! (C2SP signed-note, see [`crate::note`]) by the member's certification
//! key, whose public half the frozen manifest names.
//!
//! ```text
//! text = "pebble election record certification\n"
//!        log origin "\n"
//!        record hash (hex) "\n"
//!        ("certify" | "object") "\n"
//!        "at " time "\n"
//!        ["reason " reason "\n"]        (present when the reason is not empty)
//! ```
//!
//! The key's name is `<log origin>/committee/<member index>`.

use serde::{Deserialize, Serialize};

use crate::Election;
use crate::merkle::{Hash, to_hex};
use crate::note::{NoteError, NoteSigner};

/// The first line of every certification.
pub const CERTIFICATION_HEADER: &str = "pebble election record certification";

/// What a member decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The record is right: publish it.
    Certify,
    /// Something is wrong; the reason says what.
    Object,
}

impl Decision {
    /// The word the note carries.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Certify => "certify",
            Decision::Object => "object",
        }
    }
}

/// One decision of one member, with its signed note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    /// The member's index in the frozen manifest's committee.
    pub member: u32,
    /// The member's name, as the manifest has it.
    pub name: String,
    /// What they decided.
    pub decision: Decision,
    /// When, as the server's clock read it (RFC 3339, UTC).
    pub at: String,
    /// Why (required to object), on one line.
    pub reason: String,
    /// The signed note over [`note_text`].
    pub note: String,
}

/// `text` on one line: every run of whitespace, newlines included,
/// becomes one space, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a decision's note signs.
pub fn note_text(
    election: &Election,
    record_hash: &Hash,
    decision: Decision,
    at: &str,
    reason: &str,
) -> String {
    let mut text = format!(
        "{CERTIFICATION_HEADER}\n{}\n{}\n{}\nat {}\n",
        election.log_origin(),
        to_hex(record_hash),
        decision.name(),
        one_line(at),
    );
    let reason = one_line(reason);
    if !reason.is_empty() {
        text.push_str("reason ");
        text.push_str(&reason);
        text.push('\n');
    }
    text
}

impl Certification {
    /// Member `member`'s decision on `record_hash`, signed with their
    /// certification key's 32-byte secret `seed`.
    pub fn sign(
        election: &Election,
        member: u32,
        seed: &[u8; 32],
        record_hash: &Hash,
        decision: Decision,
        at: &str,
        reason: &str,
    ) -> Result<Certification, NoteError> {
        let index = usize::try_from(member).unwrap_or(usize::MAX);
        let signer = NoteSigner::new(&election.member_key_name(index), seed)?;
        let note = signer.sign(&note_text(election, record_hash, decision, at, reason))?;
        Ok(Certification {
            member,
            name: election
                .members
                .get(index)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            decision,
            at: one_line(at),
            reason: one_line(reason),
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_written_on_one_line() {
        assert_eq!(one_line("  the total\n is wrong \t"), "the total is wrong");
    }

    #[test]
    fn decisions_are_named_as_the_note_writes_them() {
        assert_eq!(Decision::Certify.name(), "certify");
        assert_eq!(Decision::Object.name(), "object");
    }
}
