//! A made-up election taken through every step a real one takes, for
//! tests, examples and benchmarks outside this crate: a frozen manifest
//! whose committee members hold their own keys and committed to
//! tie-break secrets, entries in a log sealed by its key, every member's
//! reveal, and decisions signed by the members' keys. The keys are fixed
//! (derived from the member's position), so samples are reproducible;
//! never use them for a real election.

use super::{Certification, Decision, GroupTurnout, Parts, Record, Source};
use crate::checkpoint::Checkpoint;
use crate::committee::{MemberKey, commitment};
use crate::encoding::Entry;
use crate::merkle::stored::TreeHead;
use crate::merkle::{self, from_hex};
use crate::note::NoteSigner;
use crate::{Ballot, CommitteeMember, Currency, Election, FrozenManifest, Manifest};

/// The salt of every sample member's commitment.
const SALT: [u8; 16] = [0x5a; 16];

/// A sample election.
#[derive(Debug)]
pub struct Sample {
    /// Its frozen manifest.
    pub frozen: FrozenManifest,
    log: NoteSigner,
}

/// Member `i`'s fixed sample key.
pub fn member_key(i: usize) -> MemberKey {
    MemberKey::from_seed([u8::try_from(i).unwrap_or(0).wrapping_add(10); 32])
}

impl Sample {
    /// Cycle `cycle` called `name`, in `currency`, with `manifest`, the
    /// projects' `titles`, and a committee of `members` of whom
    /// `threshold` must certify, every one committed.
    pub fn new(
        cycle: u64,
        name: &str,
        currency: &str,
        manifest: Manifest,
        titles: Vec<String>,
        members: &[&str],
        threshold: u32,
    ) -> Result<Sample, String> {
        let mut election = Election {
            id: [3; 16],
            cycle,
            name: name.to_owned(),
            currency: Currency::try_from(currency.to_owned()).map_err(|e| e.to_string())?,
            log_key: [0; 32],
            threshold,
            committee: u32::try_from(members.len()).map_err(|e| e.to_string())?,
            members: Vec::new(),
            witnesses: None,
        };
        let log = NoteSigner::new(&election.log_origin(), &[1; 32]).map_err(|e| e.to_string())?;
        election.log_key = log.public_key();
        election.members = members
            .iter()
            .enumerate()
            .map(|(i, name)| CommitteeMember {
                name: (*name).to_owned(),
                key: member_key(i).public_key(),
                commitment: Some(commitment(&member_key(i).tiebreak_secret(&SALT))),
            })
            .collect();
        Ok(Sample {
            frozen: FrozenManifest {
                election,
                manifest,
                titles,
            },
            log,
        })
    }

    /// Each ballot as a log entry (nonce from its position) with its
    /// source.
    pub fn entries(&self, ballots: Vec<(Ballot, Source)>) -> Vec<(Vec<u8>, Source)> {
        let hash = self.frozen.hash();
        ballots
            .into_iter()
            .enumerate()
            .map(|(i, (ballot, source))| {
                let mut nonce = [0u8; 16];
                nonce[..8].copy_from_slice(&(i as u64).to_be_bytes());
                let entry = Entry {
                    manifest_hash: hash,
                    nonce,
                    ballot,
                };
                (entry.encode(), source)
            })
            .collect()
    }

    /// What the record is compiled from: `ballots` in a sealed log, every
    /// member's reveal, and `turnout`.
    pub fn parts(&self, ballots: Vec<(Ballot, Source)>, turnout: Vec<GroupTurnout>) -> Parts {
        let entries = self.entries(ballots);
        let leaves: Vec<_> = entries.iter().map(|(e, _)| merkle::leaf_hash(e)).collect();
        let checkpoint = Checkpoint {
            origin: self.frozen.election.log_origin(),
            head: TreeHead {
                size: leaves.len() as u64,
                root: merkle::root(&leaves),
            },
        }
        .sign(&self.log);
        Parts {
            frozen: self.frozen.clone(),
            entries,
            checkpoint,
            reveals: (0..self.frozen.election.members.len())
                .map(|i| Some(member_key(i).tiebreak_secret(&SALT)))
                .collect(),
            turnout,
            spoiled_paper: 0,
        }
    }

    /// Member `member` decides on `record` (replacing their earlier
    /// decision), signed with their key at `at`.
    pub fn decide(
        &self,
        record: &mut Record,
        member: u32,
        decision: Decision,
        at: &str,
        reason: &str,
    ) -> Result<(), String> {
        let hash = from_hex(&record.record_hash).ok_or("the record hash is not hex")?;
        let made = Certification::sign(
            &self.frozen.election,
            member,
            &member_key(member as usize),
            &hash,
            decision,
            at,
            reason,
        )
        .map_err(|e| e.to_string())?;
        record.certifications.retain(|c| c.member != member);
        record.certifications.push(made);
        record.certifications.sort_by_key(|c| c.member);
        Ok(())
    }
}
