//! pabulib `.pb` files (<https://pabulib.org/format>): read and write.
//!
//! A file has three sections, each a `;`-separated table with a header
//! row: `META` (key;value), `PROJECTS` (project_id;cost;…) and `VOTES`
//! (voter_id;vote;…). Votes are approval, ordinal (`vote` in order of
//! preference) or cumulative (`vote` with a parallel `points` column).
//! Malformed files are rejected with the line number and the reason.

mod fields;
mod read;
mod write;

pub use read::{PbError, parse};
pub use write::write;

use crate::{Ballot, BallotRules, Cents, Manifest, ManifestError, Project, Rule, TieBreak};

/// A parsed `.pb` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PbFile {
    /// META rows in file order (budget, vote_type and the rest).
    pub meta: Vec<(String, String)>,
    /// The budget from META.
    pub budget: Cents,
    /// Projects with their costs, in file order.
    pub projects: Vec<Project>,
    /// Each voter's id and ballot, in file order.
    pub votes: Vec<(String, Ballot)>,
}

impl PbFile {
    /// A META value by key.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn meta_number(&self, key: &str) -> Option<u64> {
        self.meta(key).and_then(|v| v.trim().parse().ok())
    }

    /// The manifest for counting this file by `rule` with `tie_break`. The
    /// ballot limits come from META (`max_sum_cost`, `min_length`,
    /// `max_length`, `max_sum_points`) or, where absent, from the votes.
    pub fn manifest(&self, rule: Rule, tie_break: TieBreak) -> Result<Manifest, ManifestError> {
        let kind = self.votes.first().map(|(_, b)| b.kind());
        let ballot = match kind {
            Some(crate::BallotKind::Ranked) => BallotRules::Ranked {
                max_ranks: self.meta_number("max_length").map_or_else(
                    || {
                        self.votes
                            .iter()
                            .map(|(_, b)| ballot_len(b))
                            .max()
                            .unwrap_or(1)
                    },
                    |n| n.min(u64::from(u32::MAX)) as u32,
                ),
            },
            Some(crate::BallotKind::Allocation) => BallotRules::Allocation {
                points: self.meta_number("max_sum_points").unwrap_or_else(|| {
                    self.votes
                        .iter()
                        .map(|(_, b)| points_of(b))
                        .max()
                        .unwrap_or(1)
                        .max(1)
                }),
                must_use_all: false,
            },
            _ => BallotRules::Approval {
                max_cost: self.meta_number("max_sum_cost").map(Cents::new),
                min_projects: self
                    .meta_number("min_length")
                    .map_or(0, |n| n.min(u64::from(u32::MAX)) as u32),
                max_projects: self
                    .meta_number("max_length")
                    .map(|n| n.min(u64::from(u32::MAX)) as u32),
                min_budget_percent: 0,
            },
        };
        Manifest::new(self.budget, self.projects.clone(), ballot, rule, tie_break)
    }
}

fn ballot_len(ballot: &Ballot) -> u32 {
    let n = match ballot {
        Ballot::Approval(ids) => ids.len(),
        Ballot::Ranked(ids) => ids.len(),
        Ballot::Allocation(points) => points.len(),
    };
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

fn points_of(ballot: &Ballot) -> u64 {
    match ballot {
        Ballot::Allocation(points) => points.values().fold(0u64, |sum, p| sum.saturating_add(*p)),
        _ => 0,
    }
}

#[cfg(test)]
mod tests;
