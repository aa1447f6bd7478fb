//! What a checked receipt shows a voter, and why one did not check out,
//! as plain data: the same whether the check ran on the server or in the
//! voter's browser, where it runs in a wasm module of its own (`receipt-
//! check/`) and crosses to the page as JSON ([`check_json`]).

use serde::{Deserialize, Serialize};

use super::{Claim, Evidence, ReceiptError, Verified, verify};
use crate::{Ballot, ProjectId};

/// Which check failed (a [`ReceiptError`] without its detail, which no
/// page shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// The served manifest is not a frozen manifest.
    Manifest,
    /// The served checkpoint does not open with the manifest's key.
    Checkpoint,
    /// The receipt's checkpoint does not open with the manifest's key.
    ReceiptCheckpoint,
    /// The entry at the index has another leaf hash.
    OtherLeaf,
    /// The voter's copy of the entry is not the one the receipt names.
    OtherCopy,
    /// The entry's bytes are not an entry.
    Entry,
    /// The entry names another manifest.
    OtherManifest,
    /// The inclusion proof fails.
    NotIncluded,
    /// The consistency proof fails.
    NotConsistent,
}

impl ReceiptError {
    /// Which check failed.
    pub fn failure(&self) -> Failure {
        match self {
            ReceiptError::Manifest(_) => Failure::Manifest,
            ReceiptError::Checkpoint(_) => Failure::Checkpoint,
            ReceiptError::ReceiptCheckpoint(_) => Failure::ReceiptCheckpoint,
            ReceiptError::OtherLeaf => Failure::OtherLeaf,
            ReceiptError::OtherCopy => Failure::OtherCopy,
            ReceiptError::Entry(_) => Failure::Entry,
            ReceiptError::OtherManifest => Failure::OtherManifest,
            ReceiptError::NotIncluded(_) => Failure::NotIncluded,
            ReceiptError::NotConsistent(_) => Failure::NotConsistent,
        }
    }
}

/// What a receipt that checked out shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    /// The entry's index.
    pub index: u64,
    /// The current checkpoint's tree size.
    pub size: u64,
    /// The receipt's own checkpoint's size, when it was checked.
    pub receipt_size: Option<u64>,
    /// The ballot's lines (project titles; points after a colon), and
    /// whether they are in order, if the entry's bytes were at hand.
    pub ballot: Option<(bool, Vec<String>)>,
    /// The check as an offline proof file (c2sp.org/tlog-proof,
    /// [`crate::tlog_proof`]), if the entry's bytes were at hand.
    #[serde(default)]
    pub proof: Option<String>,
}

impl Verified {
    /// What the receipt shows.
    pub fn shown(&self) -> Shown {
        let frozen = &self.manifest;
        let title = |id: &ProjectId| {
            frozen
                .manifest
                .index_of(id)
                .and_then(|i| frozen.titles.get(i).cloned())
                .unwrap_or_else(|| id.as_str().to_owned())
        };
        let ballot = self.entry.as_ref().map(|entry| match &entry.ballot {
            Ballot::Approval(set) => (false, set.iter().map(title).collect()),
            Ballot::Ranked(order) => (true, order.iter().map(title).collect()),
            Ballot::Allocation(points) => (
                false,
                points
                    .iter()
                    .map(|(id, p)| format!("{}: {p}", title(id)))
                    .collect(),
            ),
        });
        Shown {
            index: self.entry_index(),
            size: self.head.size,
            receipt_size: self.receipt_head.map(|h| h.size),
            ballot,
            proof: None,
        }
    }
}

/// [`verify`], and what the receipt shows, with the check as an offline
/// proof file when the entry's bytes were at hand (the voter's copy, or
/// the log's once certified): the evidence's checkpoint, with whatever
/// cosignatures it carries, and its inclusion path.
pub fn check(claim: &Claim, evidence: &Evidence) -> Result<Shown, Failure> {
    let verified = verify(claim, evidence).map_err(|e| e.failure())?;
    let mut shown = verified.shown();
    shown.proof = claim.entry.clone().or(evidence.entry.clone()).map(|entry| {
        crate::tlog_proof::TlogProof {
            extra: Some(entry),
            index: shown.index,
            path: evidence.inclusion.clone(),
            checkpoint: evidence.checkpoint.clone(),
        }
        .text()
    });
    Ok(shown)
}

/// [`verify`] with JSON in and out: `claim` and `evidence` as their
/// serde JSON, the answer a `Result<Shown, Failure>` as JSON (`None`
/// when either input does not parse).
pub fn check_json(claim: &str, evidence: &str) -> Option<String> {
    let claim: Claim = serde_json::from_str(claim).ok()?;
    let evidence: Evidence = serde_json::from_str(evidence).ok()?;
    serde_json::to_string(&check(&claim, &evidence)).ok()
}

/// [`crate::tlog_proof::receipt_claim`] with JSON out: `[cycle, claim,
/// the checkpoint's size]`, or `None` if `text` is not such a file.
pub fn claim_of_proof_json(text: &str) -> Option<String> {
    serde_json::to_string(&crate::tlog_proof::receipt_claim(text)?).ok()
}
