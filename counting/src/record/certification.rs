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
use crate::committee::MemberKey;
use crate::merkle::{Hash, from_hex, to_hex};
use crate::note::NoteError;

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
    note_text_for(&election.log_origin(), record_hash, decision, at, reason)
}

/// [`note_text`] for the election whose log is named `origin` (all a
/// member's browser is given).
pub fn note_text_for(
    origin: &str,
    record_hash: &Hash,
    decision: Decision,
    at: &str,
    reason: &str,
) -> String {
    let mut text = format!(
        "{CERTIFICATION_HEADER}\n{}\n{}\n{}\nat {}\n",
        origin,
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

/// Why a pasted certification was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CertificationError {
    /// The manifest has no such member.
    #[error("the manifest's committee has no member {0}")]
    NoSuchMember(u32),
    /// The note is not signed by this member's key.
    #[error("it is not signed with this member's certification key: {0}")]
    NotSigned(NoteError),
    /// Signed, but not a certification of this election in canonical
    /// form.
    #[error("it is not a certification of this election: {0}")]
    NotACertification(&'static str),
}

impl Certification {
    /// Member `member`'s decision on `record_hash`, signed with `key`
    /// (in the member's browser or with `pebble-verify sign`).
    pub fn sign(
        election: &Election,
        member: u32,
        key: &MemberKey,
        record_hash: &Hash,
        decision: Decision,
        at: &str,
        reason: &str,
    ) -> Result<Certification, NoteError> {
        let index = usize::try_from(member).unwrap_or(usize::MAX);
        let signer = key.signer(&election.member_key_name(index))?;
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

impl Certification {
    /// Reads member `member`'s signed `note`: checks the signature with
    /// the key the manifest names for them and that its text is a
    /// certification of this election, written as [`note_text`] writes
    /// it. Returns the decision and the record hash it was made on.
    pub fn from_note(
        election: &Election,
        member: u32,
        note: &str,
    ) -> Result<(Certification, Hash), CertificationError> {
        let index = usize::try_from(member).unwrap_or(usize::MAX);
        let verifier = election
            .member_verifier(index)
            .ok_or(CertificationError::NoSuchMember(member))?
            .map_err(CertificationError::NotSigned)?;
        let text = verifier.open(note).map_err(CertificationError::NotSigned)?;
        let not = CertificationError::NotACertification;
        let mut lines = text.lines();
        if lines.next() != Some(CERTIFICATION_HEADER) {
            return Err(not("its first line is not the certification header"));
        }
        if lines.next() != Some(election.log_origin().as_str()) {
            return Err(not("it names another election's log"));
        }
        let hash = lines
            .next()
            .and_then(from_hex)
            .ok_or(not("its third line is not a record hash"))?;
        let decision = match lines.next() {
            Some("certify") => Decision::Certify,
            Some("object") => Decision::Object,
            _ => return Err(not("its fourth line is neither certify nor object")),
        };
        let at = lines
            .next()
            .and_then(|l| l.strip_prefix("at "))
            .ok_or(not("its fifth line is not the time"))?;
        let reason = match lines.next() {
            None => "",
            Some(line) => line
                .strip_prefix("reason ")
                .ok_or(not("its sixth line is not a reason"))?,
        };
        if note_text(election, &hash, decision, at, reason) != text {
            return Err(not("it is not written as Pebble writes certifications"));
        }
        if decision == Decision::Object && reason.is_empty() {
            return Err(not("an objection must say why"));
        }
        let certification = Certification {
            member,
            name: election.members[index].name.clone(),
            decision,
            at: at.to_owned(),
            reason: reason.to_owned(),
            note: note.to_owned(),
        };
        Ok((certification, hash))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_written_on_one_line() {
        assert_eq!(one_line("  the total\n is wrong \t"), "the total is wrong");
    }

    fn election() -> Election {
        Election {
            id: [3; 16],
            cycle: 4,
            name: "Budget".to_owned(),
            currency: crate::Currency::try_from("USD".to_owned()).expect("a code"),
            log_key: [0; 32],
            threshold: 1,
            committee: 2,
            members: (1u8..=2)
                .map(|i| crate::CommitteeMember {
                    name: format!("Member {i}"),
                    key: MemberKey::from_seed([i; 32]).public_key(),
                    commitment: None,
                })
                .collect(),
            witnesses: None,
        }
    }

    #[test]
    fn a_signed_decision_reads_back_from_its_note_alone() {
        let election = election();
        let key = MemberKey::from_seed([2; 32]);
        let made = Certification::sign(
            &election,
            1,
            &key,
            &[9; 32],
            Decision::Object,
            "2026-12-07T10:00:00Z",
            "the paper count is short by one",
        )
        .expect("signed");
        let (read, hash) = Certification::from_note(&election, 1, &made.note).expect("reads");
        assert_eq!((read, hash), (made, [9; 32]));
    }

    #[test]
    fn a_note_by_another_members_key_or_for_another_election_is_refused() {
        let election = election();
        let made = Certification::sign(
            &election,
            0,
            &MemberKey::from_seed([1; 32]),
            &[9; 32],
            Decision::Certify,
            "2026-12-07T10:00:00Z",
            "",
        )
        .expect("signed");
        assert!(matches!(
            Certification::from_note(&election, 1, &made.note),
            Err(CertificationError::NotSigned(_))
        ));
        let mut other = election.clone();
        other.id = [4; 16];
        assert!(Certification::from_note(&other, 0, &made.note).is_err());
        assert_eq!(
            Certification::from_note(&election, 5, &made.note),
            Err(CertificationError::NoSuchMember(5))
        );
    }

    #[test]
    fn a_note_the_server_did_not_write_canonically_is_refused_even_if_signed() {
        let election = election();
        let key = MemberKey::from_seed([1; 32]);
        let signer = key.signer(&election.member_key_name(0)).expect("signer");
        let text = format!(
            "{CERTIFICATION_HEADER}\n{}\n{}\ncertify\nat  2026\n",
            election.log_origin(),
            to_hex(&[9; 32])
        );
        let note = signer.sign(&text).expect("signed");
        assert!(matches!(
            Certification::from_note(&election, 0, &note),
            Err(CertificationError::NotACertification(_))
        ));
    }

    #[test]
    fn decisions_are_named_as_the_note_writes_them() {
        assert_eq!(Decision::Certify.name(), "certify");
        assert_eq!(Decision::Object.name(), "object");
    }
}
