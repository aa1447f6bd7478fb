//! pabulib `.pb` files (<https://pabulib.org/format>): read and write.
//!
//! A file has three sections, each a `;`-separated table with a header
//! row: `META` (key;value), `PROJECTS` (project_id;cost;…) and `VOTES`
//! (voter_id;vote;…). Votes are approval, ordinal (`vote` in order of
//! preference) or cumulative (`vote` with a parallel `points` column).
//! Files are read as pabutools reads them; what cannot be read is refused
//! with the line number and the reason.

mod amount;
mod fields;
mod ids;
mod irregular;
mod read;
mod repeats;
mod write;

pub use irregular::{Irregularity, IrregularityKind};
pub use read::{PbError, parse};
pub use write::write;

/// `units` × 10^−`places` as a pabulib file writes an amount
/// (`1234567.89`, `300`).
pub fn write_amount(units: u64, places: u32) -> String {
    amount::write(units, places)
}

use crate::{
    Ballot, BallotError, BallotRules, Cents, Manifest, ManifestError, Profile, Project, Rule,
    TieBreak,
};

/// A parsed `.pb` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PbFile {
    /// META rows in file order (budget, vote_type and the rest).
    pub meta: Vec<(String, String)>,
    /// Decimal places of the file's amounts: the budget and the costs are
    /// in units of 10^−scale (0 when every amount is a whole number).
    pub scale: u32,
    /// The budget from META, in units of 10^−scale.
    pub budget: Cents,
    /// Projects with their costs, in file order.
    pub projects: Vec<Project>,
    /// The votes, in file order, as they were cast.
    pub votes: Vec<Vote>,
    /// What the file records that a ballot cast in Pebble could not be,
    /// each kind once (votes breaking the file's own limits are found by
    /// [`PbFile::profile`], which needs the manifest).
    pub irregularities: Vec<Irregularity>,
}

/// One vote of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vote {
    /// The voter's id as written (may be empty).
    pub voter: String,
    /// The ballot: a repeated project kept once (see [`IrregularityKind`]).
    pub ballot: Ballot,
    /// The line it is on.
    pub line: usize,
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
        self.meta(key)
            .and_then(amount::Decimal::parse)
            .and_then(|d| d.scaled(0))
    }

    /// How far apart MES's add-one budgets are: pabutools adds one unit of
    /// the file's currency per voter (`voter_budget_increment=1`), which
    /// is 10^scale of the file's exact units.
    pub fn currency_unit(&self) -> Cents {
        Cents::new(10u64.pow(self.scale))
    }

    /// `units` written as the file writes amounts (`1234567.89`).
    pub fn amount(&self, units: Cents) -> String {
        amount::write(units.minor_units(), self.scale)
    }

    /// The manifest for counting this file by `rule` with `tie_break`. The
    /// ballot limits come from META (`max_sum_cost`, `min_length`,
    /// `max_length`, `max_sum_points`) or, where absent, from the votes.
    pub fn manifest(&self, rule: Rule, tie_break: TieBreak) -> Result<Manifest, ManifestError> {
        let kind = self.votes.first().map(|v| v.ballot.kind());
        let ballot = match kind {
            Some(crate::BallotKind::Ranked) => BallotRules::Ranked {
                max_ranks: self.meta_number("max_length").map_or_else(
                    || {
                        self.votes
                            .iter()
                            .map(|v| ballot_len(&v.ballot))
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
                        .map(|v| points_of(&v.ballot))
                        .max()
                        .unwrap_or(1)
                        .max(1)
                }),
                must_use_all: false,
            },
            _ => BallotRules::Approval {
                max_cost: self
                    .meta("max_sum_cost")
                    .and_then(amount::Decimal::parse)
                    .and_then(|d| d.scaled(self.scale))
                    .map(Cents::new),
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

impl PbFile {
    /// The votes as cast, ready to count with `manifest`: a vote that
    /// breaks one of the file's own limits is counted as cast and
    /// reported (with the irregularities found on reading).
    pub fn profile(&self, manifest: &Manifest) -> Result<(Profile, Vec<Irregularity>), PbError> {
        let mut profile = Profile::new(manifest);
        let mut irregular = irregular::Tally::from(self.irregularities.clone());
        for vote in &self.votes {
            let Err(broken) = vote.ballot.validate(manifest) else {
                profile.push_valid(manifest, &vote.ballot);
                continue;
            };
            let kind = match broken {
                BallotError::OverBudget { .. } => IrregularityKind::OverBudget,
                BallotError::TooFewProjects { .. } => limit("min_length"),
                BallotError::TooManyProjects { .. } | BallotError::TooManyRanks { .. } => {
                    limit("max_length")
                }
                BallotError::TooManyPoints { .. } => limit("max_sum_points"),
                other => {
                    return Err(PbError {
                        line: vote.line,
                        reason: other.to_string(),
                    });
                }
            };
            irregular.note(kind, vote.line);
            profile
                .push_as_cast(manifest, &vote.ballot)
                .map_err(|e| PbError {
                    line: vote.line,
                    reason: e.to_string(),
                })?;
        }
        Ok((profile, irregular.into_vec()))
    }
}

fn limit(name: &str) -> IrregularityKind {
    IrregularityKind::BreaksLimit(name.to_owned())
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
mod damaged;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;
