//! Receipts as offline proofs in the c2sp.org/tlog-proof format: the
//! checkpoint (with its witnesses' cosignatures), the entry's index, its
//! inclusion path, and the voter's entry as the extra data, so that a
//! receipt can be checked with no network against the frozen manifest
//! alone.
//!
//! ```text
//! c2sp.org/tlog-proof@v1
//! extra <base64 of the entry>        (Pebble always writes it: the leaf is its hash)
//! index <decimal>
//! <base64 hash>\n * (RFC 6962 §2.1.1 audit path, the leaf's sibling first)
//! <empty line>
//! <signed checkpoint, cosignatures included>
//! ```

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::checkpoint::{Checkpoint, decimal};
use crate::election::FrozenManifest;
use crate::encoding::Entry;
use crate::merkle::{Hash, leaf_hash};
use crate::{Ballot, ProjectId};

/// The format's first line.
pub const HEADER: &str = "c2sp.org/tlog-proof@v1";

/// An inclusion proof as c2sp.org/tlog-proof writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlogProof {
    /// The opaque extra data (Pebble: the entry's bytes).
    pub extra: Option<Vec<u8>>,
    /// The entry's index in the log.
    pub index: u64,
    /// The audit path, the leaf's sibling first.
    pub path: Vec<Hash>,
    /// The signed checkpoint, cosignatures included.
    pub checkpoint: String,
}

/// Why a proof file was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProofFileError {
    /// Not the format.
    #[error("not a c2sp.org/tlog-proof file: {0}")]
    Format(&'static str),
    /// No entry in the extra data, or one that does not decode.
    #[error("the proof does not carry a Pebble ballot entry as its extra data")]
    NoEntry,
    /// An entry of another election.
    #[error("the entry is of another election (manifest hash {0})")]
    OtherElection(String),
    /// The checkpoint is not the log's, or not witnessed as asked.
    #[error("the checkpoint does not check out: {0}")]
    Checkpoint(String),
    /// The path does not join the entry to the checkpoint's root.
    #[error("the entry is not at index {index} of the tree of {size} entries the checkpoint signs")]
    NotIncluded {
        /// The index claimed.
        index: u64,
        /// The checkpoint's size.
        size: u64,
    },
}

impl TlogProof {
    /// The file's text.
    pub fn text(&self) -> String {
        let mut out = format!("{HEADER}\n");
        if let Some(extra) = &self.extra {
            out.push_str(&format!("extra {}\n", STANDARD.encode(extra)));
        }
        out.push_str(&format!("index {}\n", self.index));
        for hash in &self.path {
            out.push_str(&STANDARD.encode(hash));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.checkpoint);
        out
    }

    /// Reads a proof file.
    pub fn parse(text: &str) -> Result<TlogProof, ProofFileError> {
        let (head, checkpoint) = text.split_once("\n\n").ok_or(ProofFileError::Format(
            "no empty line before the checkpoint",
        ))?;
        let mut lines = head.split('\n').peekable();
        if lines.next() != Some(HEADER) {
            return Err(ProofFileError::Format(
                "the first line must be c2sp.org/tlog-proof@v1",
            ));
        }
        let extra = match lines.peek().and_then(|line| line.strip_prefix("extra ")) {
            Some(data) => {
                let bytes = STANDARD
                    .decode(data)
                    .map_err(|_| ProofFileError::Format("the extra data is not base64"))?;
                lines.next();
                Some(bytes)
            }
            None => None,
        };
        let index = lines
            .next()
            .and_then(|line| line.strip_prefix("index "))
            .and_then(decimal)
            .ok_or(ProofFileError::Format("expected 'index <decimal>'"))?;
        let path = lines
            .map(|line| {
                STANDARD
                    .decode(line)
                    .ok()
                    .and_then(|bytes| Hash::try_from(bytes).ok())
                    .ok_or(ProofFileError::Format(
                        "a path line is not a 32-byte hash in base64",
                    ))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if path.len() > 64 {
            return Err(ProofFileError::Format("a path has at most 64 hashes"));
        }
        Ok(TlogProof {
            extra,
            index,
            path,
            checkpoint: checkpoint.to_owned(),
        })
    }

    /// Checks a receipt proof against `frozen` alone: the extra data is a
    /// ballot entry of this election, the checkpoint is signed by its log
    /// (and cosigned as its witness policy asks, if it has one), and the
    /// path joins the entry's leaf to the checkpoint's root.
    pub fn verify_receipt(&self, frozen: &FrozenManifest) -> Result<Included, ProofFileError> {
        let bytes = self.extra.as_ref().ok_or(ProofFileError::NoEntry)?;
        let entry = Entry::decode(bytes).map_err(|_| ProofFileError::NoEntry)?;
        if entry.manifest_hash != frozen.hash() {
            return Err(ProofFileError::OtherElection(crate::merkle::to_hex(
                &entry.manifest_hash,
            )));
        }
        let election = &frozen.election;
        let log = election
            .log_verifier()
            .map_err(|e| ProofFileError::Checkpoint(e.to_string()))?;
        let checkpoint = Checkpoint::open(&self.checkpoint, &log)
            .map_err(|e| ProofFileError::Checkpoint(e.to_string()))?;
        let witnessed_by = match election.witness_policy() {
            None => Vec::new(),
            Some(policy) => {
                let policy = policy.map_err(|e| ProofFileError::Checkpoint(e.to_string()))?;
                policy
                    .check(&self.checkpoint)
                    .map_err(|e| ProofFileError::Checkpoint(e.to_string()))?;
                policy
                    .cosigned_by(&self.checkpoint)
                    .map_err(|e| ProofFileError::Checkpoint(e.to_string()))?
                    .into_iter()
                    .collect()
            }
        };
        let head = checkpoint.head;
        head.verify_inclusion(self.index, &leaf_hash(bytes), &self.path)
            .map_err(|_| ProofFileError::NotIncluded {
                index: self.index,
                size: head.size,
            })?;
        Ok(Included {
            index: self.index,
            size: head.size,
            ballot: entry.ballot,
            witnessed_by,
        })
    }
}

/// What a receipt check needs from a proof file a voter pasted or
/// posted: the cycle its checkpoint's origin names
/// (`pebble/cycles/<cycle>/<election id>`), the claim (the file's own
/// checkpoint, cosignatures and all, checked like a downloaded
/// receipt's), and that checkpoint's size. A form posts a textarea's line
/// breaks as CR LF (HTML's form submission rules); the signed text has LF
/// only, so they are undone first.
pub fn receipt_claim(text: &str) -> Option<(i32, crate::receipt::Claim, u64)> {
    let text = text.trim().replace("\r\n", "\n");
    let proof = TlogProof::parse(&format!("{text}\n")).ok()?;
    let entry = proof.extra?;
    let mut lines = proof.checkpoint.split('\n');
    let cycle = lines
        .next()?
        .strip_prefix("pebble/cycles/")?
        .split('/')
        .next()?
        .parse()
        .ok()?;
    let size = lines.next()?.parse().ok()?;
    let claim = crate::receipt::Claim {
        index: proof.index,
        leaf: leaf_hash(&entry),
        checkpoint: Some(proof.checkpoint),
        entry: Some(entry),
    };
    Some((cycle, claim, size))
}

/// The frozen manifest as `/api/v1/cycles/{id}/manifest` publishes it:
/// the `manifest` field, its canonical bytes in base64.
pub fn published_manifest(base64: &str) -> Result<FrozenManifest, String> {
    let bytes = STANDARD
        .decode(base64.trim())
        .map_err(|_| "the manifest is not base64".to_owned())?;
    crate::encoding::decode_frozen(&bytes).map_err(|e| e.to_string())
}

/// What a verified receipt proof shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Included {
    /// The entry's index.
    pub index: u64,
    /// The size of the tree that holds it.
    pub size: u64,
    /// The ballot in the entry.
    pub ballot: Ballot,
    /// The witnesses (policy names) whose cosignatures verified.
    pub witnessed_by: Vec<String>,
}

impl Included {
    /// The projects the ballot names, in its order (for the voter to
    /// recognise their ballot).
    pub fn projects(&self) -> Vec<ProjectId> {
        match &self.ballot {
            Ballot::Approval(picks) => picks.iter().cloned().collect(),
            Ballot::Ranked(order) => order.clone(),
            Ballot::Allocation(points) => points.keys().cloned().collect(),
        }
    }
}

#[cfg(test)]
mod tests;
