//! Ballots and their validation against a manifest.
//!
//! A ballot that fails validation is never stored; the error says which
//! limit and which project.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{BallotRules, Cents, Manifest, ProjectId};

/// One voter's ballot. Ballots carry no voter data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "choices", rename_all = "snake_case")]
pub enum Ballot {
    /// The approved projects.
    Approval(BTreeSet<ProjectId>),
    /// Projects in order of preference, most preferred first.
    Ranked(Vec<ProjectId>),
    /// Points per project; every entry is above zero.
    Allocation(BTreeMap<ProjectId, u64>),
}

/// Which kind of ballot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BallotKind {
    /// Approval (knapsack).
    Approval,
    /// Ranked.
    Ranked,
    /// Allocation of points.
    Allocation,
}

impl BallotKind {
    /// The kind's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            BallotKind::Approval => "approval",
            BallotKind::Ranked => "ranked",
            BallotKind::Allocation => "allocation",
        }
    }
}

/// Why a ballot is invalid for a manifest.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    /// The ballot is of another kind than the cycle uses.
    #[error("this cycle uses {expected} ballots, not {got} ballots")]
    WrongKind {
        /// The manifest's kind.
        expected: &'static str,
        /// The ballot's kind.
        got: &'static str,
    },
    /// A project that is not on the ballot.
    #[error("project {0} is not on this ballot")]
    UnknownProject(ProjectId),
    /// The same project ranked twice.
    #[error("project {0} is ranked more than once")]
    RankedTwice(ProjectId),
    /// The picked projects cost more than the budget.
    #[error("the projects you picked cost {total}, which is {over} over the budget of {budget}")]
    OverBudget {
        /// Their total cost.
        total: Cents,
        /// The budget.
        budget: Cents,
        /// By how much.
        over: Cents,
    },
    /// Fewer projects than the minimum.
    #[error("pick at least {min} projects (you picked {got})")]
    TooFewProjects {
        /// The minimum.
        min: u32,
        /// How many were picked.
        got: usize,
    },
    /// More projects than the maximum.
    #[error("pick at most {max} projects (you picked {got})")]
    TooManyProjects {
        /// The maximum.
        max: u32,
        /// How many were picked.
        got: usize,
    },
    /// The picked projects cost less than the required share of the budget.
    #[error(
        "the projects you picked must cost at least {percent}% of the budget ({needed}); they cost {total}"
    )]
    BelowMinimumShare {
        /// The required percentage.
        percent: u8,
        /// The amount that percentage is.
        needed: Cents,
        /// What the picked projects cost.
        total: Cents,
    },
    /// An empty ranked ballot.
    #[error("rank at least one project")]
    NothingRanked,
    /// More ranks than allowed.
    #[error("rank at most {max} projects (you ranked {got})")]
    TooManyRanks {
        /// k.
        max: u32,
        /// How many were ranked.
        got: usize,
    },
    /// An allocation entry of zero points (leave the project out instead).
    #[error("project {0} has zero points; leave it out instead")]
    ZeroPoints(ProjectId),
    /// More points than the voter has.
    #[error("you gave {total} points but have only {limit}")]
    TooManyPoints {
        /// Points given.
        total: u128,
        /// Points available.
        limit: u64,
    },
    /// The cycle requires using every point.
    #[error("use all {limit} points (you gave {total})")]
    MustUseAllPoints {
        /// Points given.
        total: u128,
        /// Points available.
        limit: u64,
    },
}

impl Ballot {
    /// The ballot's kind.
    pub fn kind(&self) -> BallotKind {
        match self {
            Ballot::Approval(_) => BallotKind::Approval,
            Ballot::Ranked(_) => BallotKind::Ranked,
            Ballot::Allocation(_) => BallotKind::Allocation,
        }
    }

    /// Checks what every ballot must be to be counted at all, whatever
    /// the limits: `manifest`'s kind, only its projects, none twice in a
    /// ranking, no zero points.
    pub fn validate_shape(&self, manifest: &Manifest) -> Result<(), BallotError> {
        let expected = rules_kind(&manifest.ballot);
        if expected != self.kind() {
            return Err(BallotError::WrongKind {
                expected: expected.name(),
                got: self.kind().name(),
            });
        }
        let known = |id: &ProjectId| {
            manifest
                .project(id)
                .map(|_| ())
                .ok_or_else(|| BallotError::UnknownProject(id.clone()))
        };
        match self {
            Ballot::Approval(ids) => ids.iter().try_for_each(known),
            Ballot::Ranked(order) => {
                let mut seen = BTreeSet::new();
                order.iter().try_for_each(|id| {
                    known(id)?;
                    if seen.insert(id) {
                        Ok(())
                    } else {
                        Err(BallotError::RankedTwice(id.clone()))
                    }
                })
            }
            Ballot::Allocation(points) => points.iter().try_for_each(|(id, given)| {
                known(id)?;
                if *given == 0 {
                    Err(BallotError::ZeroPoints(id.clone()))
                } else {
                    Ok(())
                }
            }),
        }
    }

    /// Checks the ballot against every limit of `manifest`.
    pub fn validate(&self, manifest: &Manifest) -> Result<(), BallotError> {
        let expected = rules_kind(&manifest.ballot);
        if expected != self.kind() {
            return Err(BallotError::WrongKind {
                expected: expected.name(),
                got: self.kind().name(),
            });
        }
        match (self, &manifest.ballot) {
            (
                Ballot::Approval(picked),
                BallotRules::Approval {
                    max_cost,
                    min_projects,
                    max_projects,
                    min_budget_percent,
                },
            ) => {
                let mut total: u128 = 0;
                for id in picked {
                    let project = manifest
                        .project(id)
                        .ok_or_else(|| BallotError::UnknownProject(id.clone()))?;
                    total += u128::from(project.cost.minor_units());
                }
                if let Some(limit) =
                    max_cost.filter(|limit| total > u128::from(limit.minor_units()))
                {
                    return Err(BallotError::OverBudget {
                        total: saturating_cents(total),
                        budget: limit,
                        over: saturating_cents(total - u128::from(limit.minor_units())),
                    });
                }
                let budget = u128::from(manifest.budget.minor_units());
                if picked.len() < *min_projects as usize {
                    return Err(BallotError::TooFewProjects {
                        min: *min_projects,
                        got: picked.len(),
                    });
                }
                if let Some(max) = max_projects.filter(|max| picked.len() > *max as usize) {
                    return Err(BallotError::TooManyProjects {
                        max,
                        got: picked.len(),
                    });
                }
                if total * 100 < budget * u128::from(*min_budget_percent) {
                    return Err(BallotError::BelowMinimumShare {
                        percent: *min_budget_percent,
                        needed: saturating_cents(
                            (budget * u128::from(*min_budget_percent)).div_ceil(100),
                        ),
                        total: saturating_cents(total),
                    });
                }
                Ok(())
            }
            (Ballot::Ranked(order), BallotRules::Ranked { max_ranks }) => {
                if order.is_empty() {
                    return Err(BallotError::NothingRanked);
                }
                let mut seen = BTreeSet::new();
                for id in order {
                    if manifest.project(id).is_none() {
                        return Err(BallotError::UnknownProject(id.clone()));
                    }
                    if !seen.insert(id) {
                        return Err(BallotError::RankedTwice(id.clone()));
                    }
                }
                if order.len() > *max_ranks as usize {
                    return Err(BallotError::TooManyRanks {
                        max: *max_ranks,
                        got: order.len(),
                    });
                }
                Ok(())
            }
            (
                Ballot::Allocation(points),
                BallotRules::Allocation {
                    points: limit,
                    must_use_all,
                },
            ) => {
                let mut total: u128 = 0;
                for (id, given) in points {
                    if manifest.project(id).is_none() {
                        return Err(BallotError::UnknownProject(id.clone()));
                    }
                    if *given == 0 {
                        return Err(BallotError::ZeroPoints(id.clone()));
                    }
                    total += u128::from(*given);
                }
                if total > u128::from(*limit) {
                    return Err(BallotError::TooManyPoints {
                        total,
                        limit: *limit,
                    });
                }
                if *must_use_all && total != u128::from(*limit) {
                    return Err(BallotError::MustUseAllPoints {
                        total,
                        limit: *limit,
                    });
                }
                Ok(())
            }
            _ => Err(BallotError::WrongKind {
                expected: expected.name(),
                got: self.kind().name(),
            }),
        }
    }
}

/// The kind of ballot a manifest's rules describe.
pub fn rules_kind(rules: &BallotRules) -> BallotKind {
    match rules {
        BallotRules::Approval { .. } => BallotKind::Approval,
        BallotRules::Ranked { .. } => BallotKind::Ranked,
        BallotRules::Allocation { .. } => BallotKind::Allocation,
    }
}

fn saturating_cents(value: u128) -> Cents {
    Cents::new(u64::try_from(value).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests;
