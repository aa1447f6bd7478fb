//! Decoding the canonical encoding, refusing every non-canonical input.

use std::collections::{BTreeMap, BTreeSet};

use super::VERSION;
use crate::project::MAX_ID_LEN;
use crate::{Ballot, BallotRules, Cents, Completion, Manifest, Project, ProjectId, Rule, TieBreak};

/// Why bytes are not a canonical encoding; `offset` is where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid encoding at byte {offset}: {reason}")]
pub struct DecodeError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub(super) fn at(&self) -> usize {
        self.at
    }

    pub(super) fn fail_at<T>(&self, offset: usize, reason: &'static str) -> Result<T, DecodeError> {
        Err(DecodeError { offset, reason })
    }

    /// A length-prefixed (u16) UTF-8 text.
    pub(super) fn text(&mut self) -> Result<String, DecodeError> {
        let len = usize::from(self.u16()?);
        let start = self.at;
        let bytes = self.take(len)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => self.fail_at(start, "a text is not UTF-8"),
        }
    }

    fn fail<T>(&self, reason: &'static str) -> Result<T, DecodeError> {
        Err(DecodeError {
            offset: self.at,
            reason,
        })
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        match self.bytes.get(self.at..self.at + n) {
            Some(slice) => {
                self.at += n;
                Ok(slice)
            }
            None => self.fail("unexpected end of data"),
        }
    }

    pub(super) fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn u16(&mut self) -> Result<u16, DecodeError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    pub(super) fn u32(&mut self) -> Result<u32, DecodeError> {
        let mut a = [0; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_be_bytes(a))
    }

    pub(super) fn u64(&mut self) -> Result<u64, DecodeError> {
        let mut a = [0; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_be_bytes(a))
    }

    fn flag(&mut self) -> Result<bool, DecodeError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => self.fail("a flag must be 0 or 1"),
        }
    }

    fn id(&mut self) -> Result<ProjectId, DecodeError> {
        let len = usize::from(self.u8()?);
        if len == 0 || len > MAX_ID_LEN {
            return self.fail("a project id has 1 to 255 bytes");
        }
        let start = self.at;
        let bytes = self.take(len)?;
        match std::str::from_utf8(bytes).ok().and_then(|s| s.parse().ok()) {
            Some(id) => Ok(id),
            None => Err(DecodeError {
                offset: start,
                reason: "a project id is not UTF-8 or is not a valid id",
            }),
        }
    }

    fn version(&mut self) -> Result<(), DecodeError> {
        if self.u8()? != VERSION {
            return self.fail("unknown encoding version");
        }
        Ok(())
    }

    pub(super) fn finish(&self) -> Result<(), DecodeError> {
        if self.at != self.bytes.len() {
            return self.fail("trailing bytes after the value");
        }
        Ok(())
    }

    /// Reads an id that must sort strictly after `previous`.
    fn ascending_id(&mut self, previous: Option<&ProjectId>) -> Result<ProjectId, DecodeError> {
        let start = self.at;
        let id = self.id()?;
        if previous.is_some_and(|p| *p >= id) {
            return Err(DecodeError {
                offset: start,
                reason: "ids must be in strictly ascending order",
            });
        }
        Ok(id)
    }
}

/// Decodes a ballot from its canonical bytes.
pub fn decode_ballot(bytes: &[u8]) -> Result<Ballot, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    r.version()?;
    let kind = r.u8()?;
    let count = r.u16()?;
    let ballot = match kind {
        1 => {
            let mut ids = BTreeSet::new();
            for _ in 0..count {
                let id = r.ascending_id(ids.last())?;
                ids.insert(id);
            }
            Ballot::Approval(ids)
        }
        2 => {
            let mut ids = Vec::with_capacity(usize::from(count));
            let mut seen = BTreeSet::new();
            for _ in 0..count {
                let start = r.at;
                let id = r.id()?;
                if !seen.insert(id.clone()) {
                    return Err(DecodeError {
                        offset: start,
                        reason: "a project is ranked twice",
                    });
                }
                ids.push(id);
            }
            Ballot::Ranked(ids)
        }
        3 => {
            let mut points = BTreeMap::new();
            for _ in 0..count {
                let id = r.ascending_id(points.last_key_value().map(|(k, _)| k))?;
                let given = r.u64()?;
                if given == 0 {
                    return r.fail("an allocation entry has zero points");
                }
                points.insert(id, given);
            }
            Ballot::Allocation(points)
        }
        _ => {
            return Err(DecodeError {
                offset: 1,
                reason: "unknown ballot kind",
            });
        }
    };
    r.finish()?;
    Ok(ballot)
}

/// Decodes a manifest from its canonical bytes and checks it.
pub fn decode_manifest(bytes: &[u8]) -> Result<Manifest, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    r.version()?;
    let budget = Cents::new(r.u64()?);
    let count = r.u16()?;
    let mut projects: Vec<Project> = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let id = r.ascending_id(projects.last().map(|p| &p.id))?;
        projects.push(Project {
            id,
            cost: Cents::new(r.u64()?),
        });
    }
    let ballot = match r.u8()? {
        1 => {
            let has_max_cost = r.flag()?;
            let max_cost = r.u64()?;
            if !has_max_cost && max_cost != 0 {
                return r.fail("an absent maximum must be written as 0");
            }
            let min_projects = r.u32()?;
            let has_max = r.flag()?;
            let max = r.u32()?;
            if !has_max && max != 0 {
                return r.fail("an absent maximum must be written as 0");
            }
            BallotRules::Approval {
                max_cost: has_max_cost.then_some(Cents::new(max_cost)),
                min_projects,
                max_projects: has_max.then_some(max),
                min_budget_percent: r.u8()?,
            }
        }
        2 => BallotRules::Ranked {
            max_ranks: r.u32()?,
        },
        3 => BallotRules::Allocation {
            points: r.u64()?,
            must_use_all: r.flag()?,
        },
        _ => return r.fail("unknown ballot rules"),
    };
    let rule = match r.u8()? {
        1 => Rule::Greedy,
        2 => Rule::Mes {
            completion: match r.u8()? {
                0 => Completion::None,
                1 => Completion::Greedy,
                2 => Completion::Add1,
                3 => Completion::Add1Greedy,
                _ => return r.fail("unknown MES completion"),
            },
        },
        3 => Rule::Irv,
        4 => Rule::Stv { seats: r.u32()? },
        _ => return r.fail("unknown rule"),
    };
    let tie_break = match r.u8()? {
        1 => TieBreak::CheapestThenSeeded,
        2 => TieBreak::PreviousRoundThenSeeded,
        3 => TieBreak::Id,
        _ => return r.fail("unknown tie-break policy"),
    };
    r.finish()?;
    Manifest::new(budget, projects, ballot, rule, tie_break).map_err(|_| DecodeError {
        offset: bytes.len(),
        reason: "the manifest's settings are inconsistent",
    })
}
