//! The canonical byte encoding of ballots and manifests, version 1.
//!
//! One encoding serves storage, hashing, export and counting, so
//! it has exactly one byte string per value: decoding rejects anything
//! that [`encode_ballot`] or [`encode_manifest`] would not produce.
//! Integers are big-endian. An id is one length byte (1–255) and its
//! UTF-8 bytes (a valid [`ProjectId`]; the ASCII ids of earlier Pebble
//! releases encode the same).
//!
//! ```text
//! ballot   = version:u8=1  kind:u8  count:u16  entry*count
//!   kind 1 approval:   entry = id                 ids strictly ascending
//!   kind 2 ranked:     entry = id                 most preferred first, no repeats
//!   kind 3 allocation: entry = id points:u64      ids strictly ascending, points > 0
//!
//! manifest = version:u8=1  budget:u64  count:u16  (id cost:u64)*count   ids strictly ascending
//!            rules  rule  tie_break:u8
//!   rules  = 1 has_max_cost:u8 max_cost:u64 min_projects:u32 has_max:u8 max_projects:u32
//!            min_budget_percent:u8             (an absent maximum is written as 0)
//!          | 2 max_ranks:u32
//!          | 3 points:u64 must_use_all:u8
//!   rule   = 1 (greedy) | 2 completion:u8 (mes; 0 none, 1 greedy, 2 add1, 3 add1-greedy)
//!          | 3 (irv) | 4 seats:u32 (stv)
//!   tie_break = 1 cheapest-then-seeded | 2 previous-round-then-seeded | 3 id
//! ```
//!
//! Pebble publishes the hash of the frozen manifest ([`frozen`], version 3),
//! which wraps these manifest bytes with the election's identity. A ballot
//! log entry ([`Entry`], version 2) wraps a ballot with the manifest hash
//! and a nonce; its leaf hash is `SHA-256(0x00 ‖ entry)`.

mod entry;
pub mod frozen;
mod reader;

use sha2::{Digest, Sha256};

use crate::merkle::{self, Hash};
use crate::{Ballot, BallotRules, Completion, Manifest, ProjectId, Rule, TieBreak};

pub use entry::{ENTRY_TAG, ENTRY_VERSION, Entry};
pub use frozen::{FROZEN_TAG, FROZEN_VERSION, decode_frozen};
pub use reader::{DecodeError, decode_ballot, decode_manifest};

/// The encoding version written by this crate.
pub const VERSION: u8 = 1;

/// The canonical bytes of a ballot.
///
/// Ballots with more than 65,535 entries cannot be valid for any manifest
/// this encoding can express, so the count saturates rather than wraps.
pub fn encode_ballot(ballot: &Ballot) -> Vec<u8> {
    let mut out = vec![VERSION];
    match ballot {
        Ballot::Approval(ids) => {
            out.push(1);
            put_count(&mut out, ids.len());
            ids.iter().for_each(|id| put_id(&mut out, id));
        }
        Ballot::Ranked(ids) => {
            out.push(2);
            put_count(&mut out, ids.len());
            ids.iter().for_each(|id| put_id(&mut out, id));
        }
        Ballot::Allocation(points) => {
            out.push(3);
            put_count(&mut out, points.len());
            for (id, given) in points {
                put_id(&mut out, id);
                out.extend_from_slice(&given.to_be_bytes());
            }
        }
    }
    out
}

/// The canonical bytes of a manifest.
pub fn encode_manifest(manifest: &Manifest) -> Vec<u8> {
    let mut out = vec![VERSION];
    out.extend_from_slice(&manifest.budget.minor_units().to_be_bytes());
    put_count(&mut out, manifest.projects.len());
    for project in &manifest.projects {
        put_id(&mut out, &project.id);
        out.extend_from_slice(&project.cost.minor_units().to_be_bytes());
    }
    match manifest.ballot {
        BallotRules::Approval {
            max_cost,
            min_projects,
            max_projects,
            min_budget_percent,
        } => {
            out.push(1);
            out.push(u8::from(max_cost.is_some()));
            out.extend_from_slice(&max_cost.map_or(0, |c| c.minor_units()).to_be_bytes());
            out.extend_from_slice(&min_projects.to_be_bytes());
            out.push(u8::from(max_projects.is_some()));
            out.extend_from_slice(&max_projects.unwrap_or(0).to_be_bytes());
            out.push(min_budget_percent);
        }
        BallotRules::Ranked { max_ranks } => {
            out.push(2);
            out.extend_from_slice(&max_ranks.to_be_bytes());
        }
        BallotRules::Allocation {
            points,
            must_use_all,
        } => {
            out.push(3);
            out.extend_from_slice(&points.to_be_bytes());
            out.push(u8::from(must_use_all));
        }
    }
    match manifest.rule {
        Rule::Greedy => out.push(1),
        Rule::Mes { completion } => {
            out.push(2);
            out.push(completion_code(completion));
        }
        Rule::Irv => out.push(3),
        Rule::Stv { seats } => {
            out.push(4);
            out.extend_from_slice(&seats.to_be_bytes());
        }
    }
    out.push(match manifest.tie_break {
        TieBreak::CheapestThenSeeded => 1,
        TieBreak::PreviousRoundThenSeeded => 2,
        TieBreak::Id => 3,
    });
    out
}

/// `SHA-256(0x00 ‖ encode_ballot(b))`: the leaf hash of a bare ballot, as
/// the first ballot log format defined it (entries now wrap the ballot:
/// see [`Entry::leaf_hash`]).
pub fn ballot_leaf_hash(ballot: &Ballot) -> Hash {
    merkle::leaf_hash(&encode_ballot(ballot))
}

/// The published hash of a frozen manifest.
pub fn manifest_hash(manifest: &Manifest) -> Hash {
    Sha256::digest(encode_manifest(manifest)).into()
}

pub(crate) fn completion_code(completion: Completion) -> u8 {
    match completion {
        Completion::None => 0,
        Completion::Greedy => 1,
        Completion::Add1 => 2,
        Completion::Add1Greedy => 3,
    }
}

fn put_count(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u16::try_from(n).unwrap_or(u16::MAX).to_be_bytes());
}

fn put_id(out: &mut Vec<u8>, id: &ProjectId) {
    let bytes = id.as_str().as_bytes();
    // ProjectId guarantees 1..=255 bytes, so the length fits in one byte.
    out.push(bytes.len() as u8);
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests;
