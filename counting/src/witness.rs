//! The witness's side of c2sp.org/tlog-witness `add-checkpoint`: the
//! request's text and the checks a witness makes before it cosigns.
//!
//! ```text
//! request = "old " decimal(old size) "\n"
//!           base64(hash) "\n" * (0 to 63, an RFC 9162 §2.1.4 consistency proof)
//!           "\n"
//!           signed checkpoint (c2sp.org/tlog-checkpoint)
//! ```
//!
//! The witness keeps, for each log it follows, the latest checkpoint it
//! cosigned. It cosigns a new one only if the log's key signed it, the
//! old size is that latest size, and the proof shows the new tree
//! extends the old one; the answers (404, 403, 400, 409, 422) are the
//! specification's. Keeping the state and answering over HTTP are the
//! server's (`pebble witness`); this module has no I/O.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::checkpoint::{Checkpoint, CheckpointError, decimal};
use crate::merkle::Hash;
use crate::merkle::stored::TreeHead;
use crate::note::{NoteError, NoteVerifier};

pub mod member;

/// The most proof lines a request may carry.
pub const MAX_PROOF_LINES: usize = 63;

/// An `add-checkpoint` request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddCheckpoint {
    /// The size of the checkpoint the client believes the witness holds.
    pub old_size: u64,
    /// The consistency proof from `old_size` to the checkpoint's size.
    pub proof: Vec<Hash>,
    /// The signed checkpoint.
    pub checkpoint: String,
}

/// Why a witness does not cosign, with the status the specification
/// gives each case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// 400: not a request, or an old size past the new one.
    #[error("{0}")]
    BadRequest(&'static str),
    /// 404: a log this witness does not follow.
    #[error("this witness does not follow log {0}")]
    UnknownLog(String),
    /// 403: no valid signature by the log's key.
    #[error("the checkpoint is not signed by the log's key: {0}")]
    Unsigned(NoteError),
    /// 409: the witness holds a checkpoint of another size; the answer
    /// body is that size.
    #[error("this witness holds the checkpoint of size {0}")]
    Conflict(u64),
    /// 422: the new checkpoint does not extend the one the witness holds.
    #[error("{0}")]
    Inconsistent(&'static str),
}

impl Refusal {
    /// The HTTP status of this answer.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::BadRequest(_) => 400,
            Refusal::UnknownLog(_) => 404,
            Refusal::Unsigned(_) => 403,
            Refusal::Conflict(_) => 409,
            Refusal::Inconsistent(_) => 422,
        }
    }
}

impl AddCheckpoint {
    /// Reads a request body.
    pub fn parse(body: &str) -> Result<AddCheckpoint, Refusal> {
        let (head, checkpoint) = body
            .split_once("\n\n")
            .ok_or(Refusal::BadRequest("no empty line before the checkpoint"))?;
        let mut lines = head.split('\n');
        let old_size = lines
            .next()
            .and_then(|line| line.strip_prefix("old "))
            .and_then(decimal)
            .ok_or(Refusal::BadRequest(
                "the first line must be 'old <size>' in decimal",
            ))?;
        let proof = lines
            .map(|line| {
                STANDARD
                    .decode(line)
                    .ok()
                    .and_then(|bytes| Hash::try_from(bytes).ok())
                    .ok_or(Refusal::BadRequest(
                        "a proof line is not a 32-byte hash in base64",
                    ))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if proof.len() > MAX_PROOF_LINES {
            return Err(Refusal::BadRequest("more than 63 proof lines"));
        }
        Ok(AddCheckpoint {
            old_size,
            proof,
            checkpoint: checkpoint.to_owned(),
        })
    }

    /// The request body.
    pub fn body(&self) -> String {
        let mut out = format!("old {}\n", self.old_size);
        for hash in &self.proof {
            out.push_str(&STANDARD.encode(hash));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.checkpoint);
        out
    }

    /// The origin the checkpoint names, read without checking anything,
    /// so the witness can find the log's key and its state.
    pub fn origin(&self) -> Option<&str> {
        self.checkpoint.split_once('\n').map(|(origin, _)| origin)
    }

    /// The witness's checks: `log` is the key the witness trusts for the
    /// origin (`None`: an unknown log), `latest` the checkpoint it last
    /// cosigned for it (`None`: never). On success, the checkpoint to
    /// cosign and to keep as the new latest.
    pub fn check(
        &self,
        log: Option<&NoteVerifier>,
        latest: Option<&TreeHead>,
    ) -> Result<Checkpoint, Refusal> {
        let origin = self.origin().unwrap_or_default();
        let log = log.ok_or_else(|| Refusal::UnknownLog(origin.to_owned()))?;
        let checkpoint = Checkpoint::open(&self.checkpoint, log).map_err(|e| match e {
            CheckpointError::Note(e @ (NoteError::Unsigned(_) | NoteError::BadSignature(_))) => {
                Refusal::Unsigned(e)
            }
            _ => Refusal::BadRequest("not a signed checkpoint"),
        })?;
        let new = &checkpoint.head;
        if self.old_size > new.size {
            return Err(Refusal::BadRequest(
                "the old size is past the checkpoint's size",
            ));
        }
        let held = latest.map_or(0, |head| head.size);
        if self.old_size != held {
            return Err(Refusal::Conflict(held));
        }
        if new.size == 0 && new.root != crate::merkle::empty_root() {
            return Err(Refusal::Inconsistent(
                "a checkpoint of size 0 must have the empty tree's root",
            ));
        }
        match latest {
            None => {
                if !self.proof.is_empty() {
                    return Err(Refusal::Inconsistent(
                        "from size 0 the proof must be empty",
                    ));
                }
            }
            Some(old) if old.size == 0 => {
                if !self.proof.is_empty() {
                    return Err(Refusal::Inconsistent(
                        "from size 0 the proof must be empty",
                    ));
                }
            }
            Some(old) if old.size == new.size => {
                if old.root != new.root {
                    return Err(Refusal::Inconsistent(
                        "same size, another root: the log shows two different trees",
                    ));
                }
            }
            Some(old) => new.verify_consistency(old, &self.proof).map_err(|_| {
                Refusal::Inconsistent(
                    "the consistency proof does not join the checkpoint to the one this witness holds",
                )
            })?,
        }
        Ok(checkpoint)
    }
}

/// Reads the body of a 409 answer (`text/x.tlog.size`): the size the
/// witness holds, in decimal, then a newline.
pub fn parse_conflict(body: &str) -> Option<u64> {
    body.strip_suffix('\n').and_then(decimal)
}

#[cfg(test)]
pub(crate) mod tests;
