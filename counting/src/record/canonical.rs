//! The canonical bytes of an election record, version 2, and its hash.
//!
//! ```text
//! record     = version:u8=2  tag:"pebble election record" (22 bytes)
//!              manifest_len:u32  frozen_manifest
//!              entry_count:u64  logged * entry_count
//!              checkpoint:long     (the sealed checkpoint, the whole signed note)
//!              member_count:u32  reveal * member_count
//!              group_count:u32  group * group_count
//!              spoiled_paper:u64
//!              winner_count:u32  winner:text * winner_count
//!              spent:u64
//!              transcript:long
//! logged     = source:u8 (0 online, 1 paper, 2 imported)  entry_len:u32  entry
//! reveal     = 0x00 (not revealed) | 0x01 secret:32       (in member order)
//! group      = name:text  issued:u64  used:u64
//! text       = length:u16  UTF-8 bytes
//! long       = length:u32  UTF-8 bytes
//! ```
//!
//! Integers are big-endian. `frozen_manifest` and `entry` are the bytes
//! of `docs/ballot-log.md` §1 and §2. The record hash is
//! `SHA-256(record)`; the certifications sign it and are not in it.
//! (Version 1 held free-text entropy where version 2 holds the reveals.)

use sha2::{Digest, Sha256};

use super::{GroupTurnout, Source};
use crate::encoding::frozen::put_text;
use crate::merkle::Hash;
use crate::{Cents, ProjectId};

/// The record format's version.
pub const RECORD_VERSION: u8 = 2;

/// The domain tag after the version byte.
pub const RECORD_TAG: &[u8] = b"pebble election record";

/// What the record hash covers, borrowed from wherever it is held.
#[derive(Clone, Copy, Debug)]
pub struct Body<'a> {
    /// The frozen manifest's canonical bytes.
    pub manifest: &'a [u8],
    /// Each entry's canonical bytes and source, in log order.
    pub entries: &'a [(Vec<u8>, Source)],
    /// The sealed checkpoint as a signed note.
    pub checkpoint: &'a str,
    /// Each member's tie-break reveal, in member order.
    pub reveals: &'a [Option<[u8; 32]>],
    /// Codes issued and used per group.
    pub turnout: &'a [GroupTurnout],
    /// Paper ballots keyed as spoiled.
    pub spoiled_paper: u64,
    /// The funded or elected projects, in the order the count chose them.
    pub winners: &'a [ProjectId],
    /// What the winners cost together.
    pub spent: Cents,
    /// The plain-text transcript.
    pub transcript: &'a str,
}

impl Body<'_> {
    /// The canonical bytes.
    pub fn encode(&self) -> Vec<u8> {
        let entries: usize = self.entries.iter().map(|(e, _)| 5 + e.len()).sum();
        let mut out = Vec::with_capacity(
            64 + self.manifest.len() + entries + self.checkpoint.len() + self.transcript.len(),
        );
        out.push(RECORD_VERSION);
        out.extend_from_slice(RECORD_TAG);
        put_long(&mut out, self.manifest);
        out.extend_from_slice(&(self.entries.len() as u64).to_be_bytes());
        for (entry, source) in self.entries {
            out.push(source.byte());
            put_long(&mut out, entry);
        }
        put_long(&mut out, self.checkpoint.as_bytes());
        put_u32_len(&mut out, self.reveals.len());
        for reveal in self.reveals {
            match reveal {
                Some(secret) => {
                    out.push(1);
                    out.extend_from_slice(secret);
                }
                None => out.push(0),
            }
        }
        put_u32_len(&mut out, self.turnout.len());
        for group in self.turnout {
            put_text(&mut out, &group.group);
            out.extend_from_slice(&group.issued.to_be_bytes());
            out.extend_from_slice(&group.used.to_be_bytes());
        }
        out.extend_from_slice(&self.spoiled_paper.to_be_bytes());
        put_u32_len(&mut out, self.winners.len());
        for winner in self.winners {
            put_text(&mut out, winner.as_str());
        }
        out.extend_from_slice(&self.spent.minor_units().to_be_bytes());
        put_long(&mut out, self.transcript.as_bytes());
        out
    }

    /// The record hash: SHA-256 of the canonical bytes.
    pub fn hash(&self) -> Hash {
        Sha256::digest(self.encode()).into()
    }
}

fn put_u32_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_be_bytes());
}

fn put_long(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::id;

    fn turnout() -> Vec<GroupTurnout> {
        vec![GroupTurnout {
            group: "Grade 9".to_owned(),
            issued: 240,
            used: 212,
        }]
    }

    #[test]
    fn record_bytes_are_pinned() {
        let entries = vec![
            (vec![0xaa, 0xbb], Source::Online),
            (vec![0xcc], Source::Paper),
        ];
        let winners = vec![id("3")];
        let turnout = turnout();
        let body = Body {
            manifest: &[0x01, 0x02, 0x03],
            entries: &entries,
            checkpoint: "cp\n",
            reveals: &[Some([0xab; 32]), None],
            turnout: &turnout,
            spoiled_paper: 2,
            winners: &winners,
            spent: Cents::new(9_200),
            transcript: "t",
        };
        let hex: String = body.encode().iter().map(|b| format!("{b:02x}")).collect();
        let expected = [
            "02",
            "706562626c6520656c656374696f6e207265636f7264", // the tag
            "00000003010203",
            "0000000000000002",
            "00",
            "00000002aabb",
            "01",
            "00000001cc",
            "0000000363700a", // "cp\n"
            "00000002",
            &format!("01{}", "ab".repeat(32)),
            "00",
            "00000001",
            "0007",
            "47726164652039", // "Grade 9"
            "00000000000000f0",
            "00000000000000d4",
            "0000000000000002",
            "00000001",
            "000133",
            "00000000000023f0",
            "0000000174",
        ]
        .concat();
        assert_eq!(hex, expected);
    }

    #[test]
    fn every_part_changes_the_hash() {
        let entries = vec![(vec![0xaa], Source::Online)];
        let paper = vec![(vec![0xaa], Source::Paper)];
        let winners = vec![id("3")];
        let turnout = turnout();
        let base = Body {
            manifest: &[1],
            entries: &entries,
            checkpoint: "cp\n",
            reveals: &[Some([1; 32])],
            turnout: &turnout,
            spoiled_paper: 0,
            winners: &winners,
            spent: Cents::new(1),
            transcript: "t",
        };
        let none: Vec<ProjectId> = Vec::new();
        let others = [
            Body {
                manifest: &[2],
                ..base
            },
            Body {
                entries: &paper,
                ..base
            },
            Body {
                checkpoint: "cq\n",
                ..base
            },
            Body {
                reveals: &[Some([2; 32])],
                ..base
            },
            Body {
                reveals: &[None],
                ..base
            },
            Body {
                turnout: &[],
                ..base
            },
            Body {
                winners: &none,
                ..base
            },
            Body {
                spoiled_paper: 1,
                ..base
            },
            Body {
                spent: Cents::new(2),
                ..base
            },
            Body {
                transcript: "u",
                ..base
            },
        ];
        for other in others {
            assert_ne!(other.hash(), base.hash(), "{other:?}");
        }
    }
}
