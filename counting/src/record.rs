//! The election record: everything needed to re-check a cycle's count
//! without its server, and the hash its committee certifies.
//!
//! A record holds the frozen manifest, every log entry in log order with
//! its source, the sealed signed checkpoint, the tie-break seed's inputs
//! (each committee member's reveal),
//! the outcome with its byte-exact transcript, the turnout per roster
//! group (codes issued and used, never ballots per group) and the
//! committee's certifications, one per member (their latest decision).
//! Its JSON form (this module's serde types)
//! is the exchange form; its hash is over the canonical bytes of
//! [`canonical`], not over JSON text, so any implementation can
//! recompute it. Certifications sign that hash and so are not part of
//! it. [`verify`] re-checks a record; `docs/election-record.md` in the
//! repository defines every byte.

pub mod canonical;
pub mod certification;
mod compile;
pub mod export;
pub mod sample;
pub mod verify;

use serde::{Deserialize, Serialize};

pub use certification::{Certification, CertificationError, Decision};
pub use compile::{CompileError, Parts, check_reveals, reveals_needed};
pub use verify::{Discrepancy, Verified, verify};

use crate::transcript::Outcome;

/// The `format` every record of this version carries.
pub const RECORD_FORMAT: &str = "pebble election record 2";

/// A cycle's election record, in its JSON form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// [`RECORD_FORMAT`].
    pub format: String,
    /// SHA-256 of the canonical bytes, hex: what the committee certifies.
    pub record_hash: String,
    /// The frozen manifest.
    pub manifest: ManifestPart,
    /// The sealed ballot log.
    pub log: LogPart,
    /// The tie-break seed and its inputs.
    pub seed: SeedPart,
    /// Who won, what was spent, and every round.
    pub outcome: Outcome,
    /// The plain-text transcript (`Outcome`'s `Display`), byte-exact.
    pub transcript: String,
    /// Codes issued and used per roster group.
    pub turnout: Vec<GroupTurnout>,
    /// Paper ballots both keyers found spoiled (over-marked or
    /// unreadable): they are in no log entry, and counted here.
    #[serde(default)]
    pub spoiled_paper: u64,
    /// Each committee member's decision on `record_hash`: at most one
    /// per member (a change of mind replaces the earlier decision), in
    /// member order.
    pub certifications: Vec<Certification>,
}

/// The frozen manifest as stored and hashed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestPart {
    /// Its canonical bytes, base64 (RFC 4648 §4).
    pub bytes: String,
    /// SHA-256 of the bytes, hex: the manifest hash every entry names.
    pub hash: String,
}

/// The sealed log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPart {
    /// The log's verifier key (signed-note text form), as the manifest's
    /// log key and the log's name make it.
    pub public_key: String,
    /// The checkpoint signed when voting closed, as a signed note.
    pub checkpoint: String,
    /// Every entry in log order.
    pub entries: Vec<RecordEntry>,
}

/// One log entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordEntry {
    /// The entry's canonical bytes, base64.
    pub entry: String,
    /// Where the ballot came from.
    pub source: Source,
}

/// Where a log entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Cast on the web or the API with a voter code.
    Online,
    /// A paper ballot keyed twice by the committee.
    Paper,
    /// A vote of a past election imported from a pabulib file (training
    /// and demos): cast with no code.
    Imported,
}

impl Source {
    /// The byte the canonical form writes.
    pub fn byte(self) -> u8 {
        match self {
            Source::Online => 0,
            Source::Paper => 1,
            Source::Imported => 2,
        }
    }

    /// The name the API and JSON use.
    pub fn name(self) -> &'static str {
        match self {
            Source::Online => "online",
            Source::Paper => "paper",
            Source::Imported => "imported",
        }
    }
}

/// The tie-break seed: `SHA-256("pebble/tiebreak" ‖ sealed root ‖
/// reveals)` ([`crate::tiebreak::Seed::from_reveals`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedPart {
    /// The sealed checkpoint's root, hex.
    pub sealed_root: String,
    /// Each committee member's reveal, in member order.
    pub reveals: Vec<RevealPart>,
    /// The seed, hex.
    pub seed: String,
}

/// One committee member's tie-break reveal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealPart {
    /// The member's index in the frozen manifest's committee.
    pub member: u32,
    /// The member's name, as the manifest has it.
    pub name: String,
    /// The revealed secret, hex; `None` if the member did not reveal
    /// (or, in a manifest without commitments, could not).
    pub secret: Option<String>,
}

impl SeedPart {
    /// The reveals as the seed takes them, in member order; `None` if a
    /// secret is not 32 bytes of hex.
    pub fn secrets(&self) -> Option<crate::tiebreak::Reveals> {
        self.reveals
            .iter()
            .map(|r| match &r.secret {
                None => Some(None),
                Some(hex) => crate::merkle::from_hex(hex).map(Some),
            })
            .collect()
    }

    /// Names of the members who did not reveal.
    pub fn withheld_by(&self) -> Vec<&str> {
        self.reveals
            .iter()
            .filter(|r| r.secret.is_none())
            .map(|r| r.name.as_str())
            .collect()
    }
}

/// Participation of one roster group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTurnout {
    /// The group's name.
    pub group: String,
    /// Voter codes issued to it.
    pub issued: u64,
    /// Of those, codes a ballot was cast with.
    pub used: u64,
}

impl Record {
    /// How many log entries came from `source`.
    pub fn entries_from(&self, source: Source) -> u64 {
        self.log
            .entries
            .iter()
            .filter(|e| e.source == source)
            .count() as u64
    }

    /// Each member's decision, by member index (if a record lists a
    /// member twice, which [`verify`] refuses, the later one).
    pub fn latest_decisions(&self) -> std::collections::BTreeMap<u32, &Certification> {
        let mut latest = std::collections::BTreeMap::new();
        for certification in &self.certifications {
            latest.insert(certification.member, certification);
        }
        latest
    }
}

#[cfg(test)]
mod tests;
