//! A committee member as a witness, in their browser or with
//! `pebble-verify cosign`: the same checks as any witness
//! ([`AddCheckpoint::check`]), with its latest checkpoint kept by the
//! server instead of on the member's disk.
//!
//! The server hands back the checkpoint the member last cosigned, with
//! the member's cosignature on it. Only the member's key could have made
//! that cosignature, so the server cannot hand back a checkpoint the
//! member never cosigned; it could hand back an older one, or none. The
//! browser therefore also remembers the size and root it last cosigned
//! (`remembered`): an older or missing hand-back is refused as
//! withheld, and the same size with another root as a fork. A member who
//! switches browsers loses only that second check, never the first.

use crate::checkpoint::Checkpoint;
use crate::committee::MemberKey;
use crate::cosignature::CosignatureVerifier;
use crate::merkle::stored::TreeHead;
use crate::note::{NoteVerifier, split};

use super::{AddCheckpoint, Refusal};

/// Why a member's witness does not cosign.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MemberRefusal {
    /// The witness's own checks refused the request.
    #[error("{0}")]
    Witness(Refusal),
    /// The checkpoint handed back is not one this member cosigned (for
    /// this log).
    #[error("the checkpoint handed back as yours carries no cosignature of yours for this log")]
    NotCosigned,
    /// The checkpoint handed back is older than the one this browser
    /// remembers cosigning (or missing).
    #[error("you cosigned the log at {remembered} entries, but the server handed back {handed}")]
    Withheld {
        /// The size the browser remembers.
        remembered: u64,
        /// The size the server handed back (0 for none).
        handed: u64,
    },
    /// The browser remembers another root at the handed-back size.
    #[error("the server handed back another tree of {0} entries than the one you cosigned")]
    Forked(u64),
}

/// Reads the checkpoint the server handed back as the member's latest:
/// its text must carry a valid cosignature by `own`, and name `origin`.
pub fn handed_back(
    note: &str,
    own: &CosignatureVerifier,
    origin: &str,
) -> Result<TreeHead, MemberRefusal> {
    own.verify(note).map_err(|_| MemberRefusal::NotCosigned)?;
    let (text, _) = split(note).map_err(|_| MemberRefusal::NotCosigned)?;
    let checkpoint = Checkpoint::parse(text).map_err(|_| MemberRefusal::NotCosigned)?;
    if checkpoint.origin != origin {
        return Err(MemberRefusal::NotCosigned);
    }
    Ok(checkpoint.head)
}

/// What a member's witness is asked, and what it knows.
#[derive(Clone, Debug)]
pub struct MemberWitness<'a> {
    /// The member's key.
    pub key: &'a MemberKey,
    /// Their witness key name ([`crate::Election::member_key_name`]).
    pub name: &'a str,
    /// The log's key, from the frozen manifest.
    pub log: &'a NoteVerifier,
    /// The checkpoint the server hands back as the member's latest.
    pub handed: Option<&'a str>,
    /// The size and root this browser remembers cosigning last.
    pub remembered: Option<TreeHead>,
}

impl MemberWitness<'_> {
    /// Checks `request` and cosigns its checkpoint at `timestamp`:
    /// the checkpoint and the cosignature line.
    pub fn cosign(
        &self,
        request: &AddCheckpoint,
        timestamp: u64,
    ) -> Result<(Checkpoint, String), MemberRefusal> {
        let cosigner = self
            .key
            .cosigner(self.name)
            .map_err(|_| MemberRefusal::NotCosigned)?;
        let origin = request.origin().unwrap_or_default();
        let latest = self
            .handed
            .map(|note| handed_back(note, &cosigner.verifier(), origin))
            .transpose()?;
        if let Some(remembered) = self.remembered {
            let handed = latest.map_or(0, |head| head.size);
            if handed < remembered.size {
                return Err(MemberRefusal::Withheld {
                    remembered: remembered.size,
                    handed,
                });
            }
            if latest.is_some_and(|head| head.size == remembered.size && head != remembered) {
                return Err(MemberRefusal::Forked(remembered.size));
            }
        }
        let checkpoint = request
            .check(Some(self.log), latest.as_ref())
            .map_err(MemberRefusal::Witness)?;
        let line = cosigner
            .cosign(&checkpoint.text(), timestamp)
            .map_err(|_| MemberRefusal::NotCosigned)?;
        Ok((checkpoint, line))
    }
}

#[cfg(test)]
mod tests;
