//! A ballot log entry: the canonical ballot with what makes every entry
//! unique and ties it to one cycle.
//!
//! ```text
//! entry = version:u8=2  tag:"pebble ballot log entry" (23 bytes)
//!         manifest_hash:32  nonce:16  ballot
//! leaf  = SHA-256(0x00 ‖ entry)                  (RFC 9162 §2.1.1)
//! ```
//!
//! `ballot` is the canonical ballot (version 1) to the end of the entry.
//! Without the nonce two voters who cast the same ballot would share one
//! leaf, and a dishonest server could hand both the same receipt (a clash
//! attack); with it, equal ballots are different leaves. The manifest hash
//! ties the entry to one frozen manifest, so a leaf of one cycle is never
//! a leaf of another.

use super::{DecodeError, decode_ballot, encode_ballot};
use crate::Ballot;
use crate::merkle::{self, Hash};

/// The entry format's version (ballots inside stay at version 1).
pub const ENTRY_VERSION: u8 = 2;

/// The domain tag after the version byte.
pub const ENTRY_TAG: &[u8] = b"pebble ballot log entry";

/// Bytes of an entry before its ballot.
const HEADER: usize = 1 + ENTRY_TAG.len() + 32 + 16;

/// One entry of a cycle's ballot log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// SHA-256 of the frozen manifest's canonical bytes.
    pub manifest_hash: Hash,
    /// 16 random bytes, made in the voter's browser (or by the server).
    pub nonce: [u8; 16],
    /// The ballot as cast.
    pub ballot: Ballot,
}

impl Entry {
    /// The entry's canonical bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + 64);
        out.push(ENTRY_VERSION);
        out.extend_from_slice(ENTRY_TAG);
        out.extend_from_slice(&self.manifest_hash);
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&encode_ballot(&self.ballot));
        out
    }

    /// Reads an entry, refusing any bytes [`Entry::encode`] would not
    /// write.
    pub fn decode(bytes: &[u8]) -> Result<Entry, DecodeError> {
        let fail = |offset, reason| Err(DecodeError { offset, reason });
        if bytes.len() < HEADER {
            return fail(bytes.len(), "unexpected end of data");
        }
        if bytes[0] != ENTRY_VERSION {
            return fail(0, "unsupported entry version");
        }
        if &bytes[1..1 + ENTRY_TAG.len()] != ENTRY_TAG {
            return fail(1, "not a ballot log entry");
        }
        let at = 1 + ENTRY_TAG.len();
        let mut manifest_hash = [0u8; 32];
        manifest_hash.copy_from_slice(&bytes[at..at + 32]);
        let mut nonce = [0u8; 16];
        nonce.copy_from_slice(&bytes[at + 32..HEADER]);
        let ballot = decode_ballot(&bytes[HEADER..]).map_err(|e| DecodeError {
            offset: e.offset + HEADER,
            reason: e.reason,
        })?;
        Ok(Entry {
            manifest_hash,
            nonce,
            ballot,
        })
    }

    /// The entry's leaf hash in the log.
    pub fn leaf_hash(&self) -> Hash {
        merkle::leaf_hash(&self.encode())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::testing::id;

    fn entry(nonce: u8) -> Entry {
        Entry {
            manifest_hash: [7; 32],
            nonce: [nonce; 16],
            ballot: Ballot::Approval(BTreeSet::from([id("a"), id("b")])),
        }
    }

    #[test]
    fn an_entry_reads_back_and_its_leaf_matches_a_value_computed_apart() {
        let e = entry(1);
        assert_eq!(Entry::decode(&e.encode()), Ok(e.clone()));
        // Python: hashlib.sha256(b"\0" + b"\x02" + b"pebble ballot log entry"
        //   + bytes([7]) * 32 + bytes([1]) * 16
        //   + bytes([1, 1, 0, 2, 1]) + b"a" + bytes([1]) + b"b").hexdigest()
        assert_eq!(
            merkle::to_hex(&e.leaf_hash()),
            "609e1d2c7e280a1f37e21796fc34092956292de5c0f64b40d04d43195335d91a"
        );
    }

    #[test]
    fn equal_ballots_with_different_nonces_are_different_leaves() {
        assert_ne!(entry(1).leaf_hash(), entry(2).leaf_hash());
        let mut other_cycle = entry(1);
        other_cycle.manifest_hash[0] ^= 1;
        assert_ne!(entry(1).leaf_hash(), other_cycle.leaf_hash());
    }

    #[test]
    fn anything_but_a_canonical_entry_is_refused_where_it_goes_wrong() {
        let good = entry(1).encode();
        let offset = |bytes: &[u8]| Entry::decode(bytes).map_err(|e| (e.offset, e.reason));
        assert_eq!(offset(&good[..10]), Err((10, "unexpected end of data")));
        let mut wrong = good.clone();
        wrong[0] = 1;
        assert_eq!(offset(&wrong), Err((0, "unsupported entry version")));
        let mut wrong = good.clone();
        wrong[3] ^= 0x20;
        assert_eq!(offset(&wrong), Err((1, "not a ballot log entry")));
        let mut trailing = good.clone();
        trailing.push(0);
        assert!(matches!(offset(&trailing), Err((at, _)) if at >= HEADER));
        // Ids out of order inside the ballot: the offset counts from the
        // entry's start.
        let mut swapped = good;
        let b = swapped.len() - 1;
        let a = b - 2;
        swapped.swap(a, b);
        assert!(matches!(offset(&swapped), Err((at, _)) if at > HEADER));
    }
}
