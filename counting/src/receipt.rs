//! Checking a voter's receipt against what the log serves: the frozen
//! manifest, a signed checkpoint, the entry and its proofs. Everything
//! the server sends is re-derived here, so a receipt checks out only if
//! the log really holds the voter's entry under a checkpoint signed with
//! the key the frozen manifest names.
//!
//! The checks, in order (each failure names which):
//! 1. the manifest decodes strictly (its hash is then the SHA-256 of the
//!    very bytes served);
//! 2. the current checkpoint opens with the manifest's log key, under
//!    the log's name (C2SP tlog-checkpoint, signed note);
//! 3. if the entry's bytes are at hand (the voter's own copy, kept with
//!    the receipt, or the log's once the cycle is certified and its
//!    ballots are public), their leaf hash (RFC 6962 §2.1,
//!    `SHA-256(0x00 ‖ entry)`) is the receipt's, and the entry decodes
//!    and names this manifest;
//! 4. the inclusion proof takes the leaf at the receipt's index to the
//!    checkpoint's root (RFC 9162 §2.1.3.2);
//! 5. if the receipt carries the checkpoint it was given with, it opens
//!    with the same key and the consistency proof shows the current log
//!    extends it (RFC 9162 §2.1.4.2): nothing before it was changed.

mod shown;

use serde::{Deserialize, Serialize};

pub use shown::{Failure, Shown, check, check_json, claim_of_proof_json};

use crate::FrozenManifest;
use crate::checkpoint::{Checkpoint, CheckpointError};
use crate::encoding::{DecodeError, Entry, decode_frozen};
use crate::merkle::stored::TreeHead;
use crate::merkle::{Hash, ProofError, leaf_hash, verify_consistency, verify_inclusion};

/// What the voter holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The entry's index in the log.
    pub index: u64,
    /// The entry's leaf hash.
    pub leaf: Hash,
    /// The signed checkpoint given with the receipt, if kept.
    pub checkpoint: Option<String>,
    /// The entry's canonical bytes as the voter's browser made them, if
    /// kept with the receipt: before certification the log serves no
    /// ballot, so this copy is how the voter sees theirs.
    pub entry: Option<Vec<u8>>,
}

/// What the log serves for a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The frozen manifest's canonical bytes.
    pub manifest: Vec<u8>,
    /// The log's current (or sealed) signed checkpoint.
    pub checkpoint: String,
    /// The entry's canonical bytes, once the cycle is certified (before
    /// that the log serves leaf hashes and proofs only).
    pub entry: Option<Vec<u8>>,
    /// The entry's inclusion proof in the checkpoint's tree.
    pub inclusion: Vec<Hash>,
    /// The consistency proof from the receipt's checkpoint to the
    /// current one (empty when the receipt has none).
    pub consistency: Vec<Hash>,
}

/// A receipt that checked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The frozen manifest.
    pub manifest: FrozenManifest,
    /// Its hash.
    pub manifest_hash: Hash,
    /// The current checkpoint's head.
    pub head: TreeHead,
    /// The entry the log holds, if its bytes were at hand.
    pub entry: Option<Entry>,
    /// The receipt's own checkpoint's head, when it had one.
    pub receipt_head: Option<TreeHead>,
    index: u64,
}

/// Why a receipt did not check out.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    /// The served manifest is not a frozen manifest.
    #[error("the ballot's manifest is damaged: {0}")]
    Manifest(DecodeError),
    /// The served checkpoint does not open with the manifest's key.
    #[error("the log's checkpoint is not signed with this cycle's log key: {0}")]
    Checkpoint(CheckpointError),
    /// The receipt's checkpoint does not open with the manifest's key.
    #[error("the receipt's checkpoint is not signed with this cycle's log key: {0}")]
    ReceiptCheckpoint(CheckpointError),
    /// The entry at the index has another leaf hash.
    #[error("the log's entry at this index is not the one on the receipt (its leaf hash differs)")]
    OtherLeaf,
    /// The voter's copy of the entry is not the entry the receipt names.
    #[error("the ballot kept with the receipt is not the one its leaf hash names")]
    OtherCopy,
    /// The entry's bytes are not an entry.
    #[error("the log's entry is damaged: {0}")]
    Entry(DecodeError),
    /// The entry names another manifest.
    #[error("the entry was cast on another ballot (its manifest hash differs)")]
    OtherManifest,
    /// The inclusion proof fails.
    #[error("the log does not prove that it holds this entry: {0}")]
    NotIncluded(ProofError),
    /// The consistency proof fails.
    #[error("the log now is not an extension of the log the receipt was given with: {0}")]
    NotConsistent(ProofError),
}

impl Verified {
    /// The entry's index (as the inclusion proof established it).
    pub fn entry_index(&self) -> u64 {
        self.index
    }
}

/// Checks `claim` against `evidence` (see the module's list).
pub fn verify(claim: &Claim, evidence: &Evidence) -> Result<Verified, ReceiptError> {
    let manifest = decode_frozen(&evidence.manifest).map_err(ReceiptError::Manifest)?;
    let manifest_hash = manifest.hash();
    let election = &manifest.election;
    let verifier = election
        .log_verifier()
        .map_err(|e| ReceiptError::Checkpoint(CheckpointError::Note(e)))?;
    let head = Checkpoint::open(&evidence.checkpoint, &verifier)
        .map_err(ReceiptError::Checkpoint)?
        .head;
    if let Some(copy) = &claim.entry
        && leaf_hash(copy) != claim.leaf
    {
        return Err(ReceiptError::OtherCopy);
    }
    if let Some(served) = &evidence.entry
        && leaf_hash(served) != claim.leaf
    {
        return Err(ReceiptError::OtherLeaf);
    }
    let entry = match claim.entry.as_ref().or(evidence.entry.as_ref()) {
        None => None,
        Some(bytes) => {
            let entry = Entry::decode(bytes).map_err(ReceiptError::Entry)?;
            if entry.manifest_hash != manifest_hash {
                return Err(ReceiptError::OtherManifest);
            }
            Some(entry)
        }
    };
    verify_inclusion(
        claim.index,
        head.size,
        &claim.leaf,
        &evidence.inclusion,
        &head.root,
    )
    .map_err(ReceiptError::NotIncluded)?;
    let receipt_head = match &claim.checkpoint {
        None => None,
        Some(note) => {
            let old = Checkpoint::open(note, &verifier)
                .map_err(ReceiptError::ReceiptCheckpoint)?
                .head;
            verify_consistency(
                old.size,
                head.size,
                &evidence.consistency,
                &old.root,
                &head.root,
            )
            .map_err(ReceiptError::NotConsistent)?;
            Some(old)
        }
    };
    Ok(Verified {
        manifest,
        manifest_hash,
        head,
        entry,
        receipt_head,
        index: claim.index,
    })
}

#[cfg(test)]
mod tests;
