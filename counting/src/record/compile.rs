//! Building a record from a sealed log: decode, check the log against its
//! sealed checkpoint, derive the seed, count, hash.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::canonical::Body;
use super::{
    GroupTurnout, LogPart, ManifestPart, RECORD_FORMAT, Record, RecordEntry, RevealPart, SeedPart,
    Source,
};
use crate::checkpoint::Checkpoint;
use crate::encoding::DecodeError;
use crate::encoding::Entry;
use crate::merkle::{self, to_hex};
use crate::{Ballot, CountError, FrozenManifest, Seed, count};

/// What a record is compiled from.
#[derive(Clone, Debug)]
pub struct Parts {
    /// The manifest voting opened with.
    pub frozen: FrozenManifest,
    /// Each entry's canonical bytes and source, in log order.
    pub entries: Vec<(Vec<u8>, Source)>,
    /// The checkpoint signed when the log was sealed.
    pub checkpoint: String,
    /// Each committee member's tie-break reveal, in member order
    /// (`None` for a member who did not reveal).
    pub reveals: crate::tiebreak::Reveals,
    /// Codes issued and used per roster group.
    pub turnout: Vec<GroupTurnout>,
    /// Paper ballots keyed as spoiled.
    pub spoiled_paper: u64,
}

/// Why a record could not be compiled: the stored log is not what its
/// sealed checkpoint says, or the count cannot run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    /// The sealed checkpoint does not open with the manifest's log key.
    #[error("the sealed checkpoint does not verify: {0}")]
    Checkpoint(String),
    /// An entry that does not decode or names another manifest.
    #[error("log entry {index}: {reason}")]
    Entry {
        /// Its index in the log.
        index: usize,
        /// What is wrong.
        reason: String,
    },
    /// The entries are not the tree the checkpoint signs.
    #[error("the stored entries do not make the sealed checkpoint's tree")]
    Root,
    /// A reveal that does not open the member's commitment, or reveals
    /// that do not match the committee.
    #[error("{0}")]
    Reveals(String),
    /// The count refused.
    #[error(transparent)]
    Count(#[from] CountError),
}

impl Record {
    /// Compiles the record of a sealed log: every entry is decoded and
    /// checked against the manifest, the entries' tree against the sealed
    /// checkpoint, then the seed is derived and the count run. The
    /// record has no certifications yet.
    pub fn compile(parts: Parts) -> Result<Record, CompileError> {
        let Parts {
            frozen,
            entries,
            checkpoint,
            reveals,
            turnout,
            spoiled_paper,
        } = parts;
        let election = &frozen.election;
        let verifier = election
            .log_verifier()
            .map_err(|e| CompileError::Checkpoint(e.to_string()))?;
        let sealed = Checkpoint::open(&checkpoint, &verifier)
            .map_err(|e| CompileError::Checkpoint(e.to_string()))?;
        let manifest_hash = frozen.hash();
        let ballots = decode_entries(&entries, &manifest_hash)?;
        let leaves: Vec<_> = entries.iter().map(|(e, _)| merkle::leaf_hash(e)).collect();
        if sealed.head.size != leaves.len() as u64 || sealed.head.root != merkle::root(&leaves) {
            return Err(CompileError::Root);
        }
        check_reveals(&frozen, &reveals).map_err(CompileError::Reveals)?;
        let seed = Seed::from_reveals(&sealed.head.root, &reveals);
        let outcome = count(&frozen.manifest, &ballots, seed)?;
        let transcript = outcome.to_string();
        let manifest_bytes = frozen.encode();
        let record_hash = Body {
            manifest: &manifest_bytes,
            entries: &entries,
            checkpoint: &checkpoint,
            reveals: &reveals,
            turnout: &turnout,
            spoiled_paper,
            winners: &outcome.winners,
            spent: outcome.spent,
            transcript: &transcript,
        }
        .hash();
        Ok(Record {
            format: RECORD_FORMAT.to_owned(),
            record_hash: to_hex(&record_hash),
            manifest: ManifestPart {
                bytes: STANDARD.encode(&manifest_bytes),
                hash: to_hex(&manifest_hash),
            },
            log: LogPart {
                public_key: verifier.to_string(),
                checkpoint,
                entries: entries
                    .iter()
                    .map(|(entry, source)| RecordEntry {
                        entry: STANDARD.encode(entry),
                        source: *source,
                    })
                    .collect(),
            },
            seed: SeedPart {
                sealed_root: to_hex(&sealed.head.root),
                reveals: election
                    .members
                    .iter()
                    .zip(&reveals)
                    .enumerate()
                    .map(|(i, (member, reveal))| RevealPart {
                        member: u32::try_from(i).unwrap_or(u32::MAX),
                        name: member.name.clone(),
                        secret: reveal.map(|s| to_hex(&s)),
                    })
                    .collect(),
                seed: to_hex(&seed.0),
            },
            outcome,
            transcript,
            turnout,
            spoiled_paper,
            certifications: Vec::new(),
        })
    }
}

/// How many reveals a count needs: k, or every member who committed if
/// fewer did (none in a manifest without commitments).
pub fn reveals_needed(frozen: &FrozenManifest) -> usize {
    let committed = frozen
        .election
        .members
        .iter()
        .filter(|m| m.commitment.is_some())
        .count();
    committed.min(usize::try_from(frozen.election.threshold).unwrap_or(usize::MAX))
}

/// Checks that `reveals` has one place per member, that each secret
/// opens that member's commitment, and that there are enough of them.
pub fn check_reveals(frozen: &FrozenManifest, reveals: &[Option<[u8; 32]>]) -> Result<(), String> {
    let members = &frozen.election.members;
    if reveals.len() != members.len() {
        return Err(format!(
            "{} reveals for a committee of {}",
            reveals.len(),
            members.len()
        ));
    }
    for (member, reveal) in members.iter().zip(reveals) {
        let Some(secret) = reveal else { continue };
        match &member.commitment {
            None => {
                return Err(format!(
                    "{} made no commitment, so has nothing to reveal",
                    member.name
                ));
            }
            Some(made) if !crate::committee::opens(made, secret) => {
                return Err(format!(
                    "{}'s revealed secret does not open their commitment",
                    member.name
                ));
            }
            Some(_) => {}
        }
    }
    let revealed = reveals.iter().flatten().count();
    let needed = reveals_needed(frozen);
    if revealed < needed {
        return Err(format!(
            "{revealed} members revealed; the count needs {needed}"
        ));
    }
    Ok(())
}

/// Decodes every entry and checks it names `manifest_hash`.
pub(super) fn decode_entries(
    entries: &[(Vec<u8>, Source)],
    manifest_hash: &merkle::Hash,
) -> Result<Vec<Ballot>, CompileError> {
    entries
        .iter()
        .enumerate()
        .map(|(index, (bytes, _))| {
            let entry = Entry::decode(bytes).map_err(|e: DecodeError| CompileError::Entry {
                index,
                reason: format!("does not decode at byte {}: {}", e.offset, e.reason),
            })?;
            if &entry.manifest_hash != manifest_hash {
                return Err(CompileError::Entry {
                    index,
                    reason: "names another manifest".to_owned(),
                });
            }
            Ok(entry.ballot)
        })
        .collect()
}
