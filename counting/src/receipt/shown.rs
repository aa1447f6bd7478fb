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
        }
    }
}

/// [`verify`] with JSON in and out: `claim` and `evidence` as their
/// serde JSON, the answer a `Result<Shown, Failure>` as JSON (`None`
/// when either input does not parse).
pub fn check_json(claim: &str, evidence: &str) -> Option<String> {
    let claim: Claim = serde_json::from_str(claim).ok()?;
    let evidence: Evidence = serde_json::from_str(evidence).ok()?;
    let answer: Result<Shown, Failure> = verify(&claim, &evidence)
        .map(|v| v.shown())
        .map_err(|e| e.failure());
    serde_json::to_string(&answer).ok()
}
