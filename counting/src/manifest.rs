//! The manifest: everything that decides an outcome, frozen when voting
//! opens and hashed (see [`crate::encoding`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::{Cents, Project, ProjectId};

mod names;

pub use names::UnknownName;

/// What a ballot may contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BallotRules {
    /// Pick projects (knapsack: their total cost at most `max_cost`).
    Approval {
        /// The most the picked projects may cost together; Pebble cycles
        /// set the budget (`None`: no limit, as in many pabulib files).
        max_cost: Option<Cents>,
        /// At least this many projects (0: no minimum).
        min_projects: u32,
        /// At most this many projects (`None`: no maximum).
        max_projects: Option<u32>,
        /// The picked projects must cost at least this percentage of the
        /// budget (0: no minimum), as in Decidim.
        min_budget_percent: u8,
    },
    /// Rank up to `max_ranks` projects in strict order.
    Ranked {
        /// The most projects a ballot may rank (k).
        max_ranks: u32,
    },
    /// Distribute whole points over projects.
    Allocation {
        /// Points each voter has (P).
        points: u64,
        /// Whether a ballot must use exactly all P points.
        must_use_all: bool,
    },
}

/// How MES completes an outcome that leaves money unspent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Completion {
    /// Plain MES.
    None,
    /// Fill the rest with `greedy`.
    Greedy,
    /// Raise each voter's budget by one minor unit at a time while the
    /// outcome still fits, stopping at the first exhaustive one.
    Add1,
    /// `add1`, then `greedy` (the default).
    Add1Greedy,
}

/// The counting rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// Fund by descending score while money lasts (skip, don't stop).
    Greedy,
    /// Method of Equal Shares with a completion.
    Mes {
        /// How leftover money is used.
        completion: Completion,
    },
    /// Instant-runoff, one winner.
    Irv,
    /// Single transferable vote for several seats.
    Stv {
        /// Seats to fill.
        seats: u32,
    },
}

/// How ties are broken, fixed before voting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreak {
    /// PB rules: prefer the cheaper project, then the seeded order.
    CheapestThenSeeded,
    /// IRV/STV: decide by the counts of earlier rounds, then the seeded order.
    PreviousRoundThenSeeded,
    /// Ascending project id (pabutools' `lexico_tie_breaking`).
    Id,
}

/// An election's fixed parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Total budget in minor units.
    pub budget: Cents,
    /// Projects on the ballot, in ascending id order.
    pub projects: Vec<Project>,
    /// What a ballot may contain.
    pub ballot: BallotRules,
    /// The counting rule.
    pub rule: Rule,
    /// The tie-break policy.
    pub tie_break: TieBreak,
}

/// Why a manifest cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// No projects.
    #[error("the ballot needs at least one project")]
    NoProjects,
    /// The same id twice.
    #[error("project {0} appears twice")]
    DuplicateProject(ProjectId),
    /// A project that costs nothing.
    #[error("project {0} must have a cost above zero")]
    ZeroCost(ProjectId),
    /// Rule and ballot kind do not go together.
    #[error("the {rule} rule needs ranked ballots")]
    RuleNeedsRanked {
        /// The rule's name.
        rule: &'static str,
    },
    /// Tie-break policy and rule do not go together.
    #[error("tie-break {policy} cannot be used with the {rule} rule")]
    TieBreakMismatch {
        /// The policy's name.
        policy: &'static str,
        /// The rule's name.
        rule: &'static str,
    },
    /// A limit that makes every ballot invalid or is meaningless.
    #[error("invalid ballot limits: {0}")]
    BadLimits(&'static str),
}

impl Rule {
    /// The rule's name as used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::Mes { .. } => "mes",
            Rule::Irv => "irv",
            Rule::Stv { .. } => "stv",
        }
    }

    /// Whether this is a participatory-budgeting rule (greedy, MES) rather
    /// than a seat election (IRV, STV).
    pub fn is_budgeting(self) -> bool {
        matches!(self, Rule::Greedy | Rule::Mes { .. })
    }
}

impl TieBreak {
    /// The policy's name (as serde spells it too).
    pub fn name(self) -> &'static str {
        match self {
            TieBreak::CheapestThenSeeded => "cheapest-then-seeded",
            TieBreak::PreviousRoundThenSeeded => "previous-round-then-seeded",
            TieBreak::Id => "id",
        }
    }
}

impl Manifest {
    /// Checks the manifest and sorts its projects by id.
    pub fn new(
        budget: Cents,
        mut projects: Vec<Project>,
        ballot: BallotRules,
        rule: Rule,
        tie_break: TieBreak,
    ) -> Result<Manifest, ManifestError> {
        projects.sort_by(|a, b| a.id.cmp(&b.id));
        let mut seen = BTreeSet::new();
        for project in &projects {
            if !seen.insert(&project.id) {
                return Err(ManifestError::DuplicateProject(project.id.clone()));
            }
            if project.cost == Cents::ZERO {
                return Err(ManifestError::ZeroCost(project.id.clone()));
            }
        }
        if projects.is_empty() {
            return Err(ManifestError::NoProjects);
        }
        Manifest::check_settings(&ballot, rule, tie_break)?;
        check_limits(&ballot, &rule, Some(projects.len()))?;
        Ok(Manifest {
            budget,
            projects,
            ballot,
            rule,
            tie_break,
        })
    }

    /// Checks the settings a cycle fixes before its projects are known:
    /// rule and ballot kind go together, the tie-break policy suits the
    /// rule, and no limit makes every ballot invalid. [`Manifest::new`]
    /// repeats these checks and adds those that need the projects.
    pub fn check_settings(
        ballot: &BallotRules,
        rule: Rule,
        tie_break: TieBreak,
    ) -> Result<(), ManifestError> {
        if !rule.is_budgeting() && !matches!(ballot, BallotRules::Ranked { .. }) {
            return Err(ManifestError::RuleNeedsRanked { rule: rule.name() });
        }
        let policy_fits = match tie_break {
            TieBreak::CheapestThenSeeded => rule.is_budgeting(),
            TieBreak::PreviousRoundThenSeeded => !rule.is_budgeting(),
            TieBreak::Id => true,
        };
        if !policy_fits {
            return Err(ManifestError::TieBreakMismatch {
                policy: tie_break.name(),
                rule: rule.name(),
            });
        }
        check_limits(ballot, &rule, None)
    }

    /// The project with `id`, if it is on the ballot.
    pub fn project(&self, id: &ProjectId) -> Option<&Project> {
        self.projects
            .binary_search_by(|p| p.id.cmp(id))
            .ok()
            .map(|i| &self.projects[i])
    }

    /// The position of `id` in [`Manifest::projects`].
    pub fn index_of(&self, id: &ProjectId) -> Option<usize> {
        self.projects.binary_search_by(|p| p.id.cmp(id)).ok()
    }
}

/// Checks limits; those that depend on the number of projects only when
/// `project_count` is known.
fn check_limits(
    ballot: &BallotRules,
    rule: &Rule,
    project_count: Option<usize>,
) -> Result<(), ManifestError> {
    match *ballot {
        BallotRules::Approval {
            min_projects,
            max_projects,
            min_budget_percent,
            ..
        } => {
            if min_budget_percent > 100 {
                return Err(ManifestError::BadLimits(
                    "the minimum share of the budget is a percentage (0–100)",
                ));
            }
            if max_projects.is_some_and(|max| max < min_projects || max == 0) {
                return Err(ManifestError::BadLimits(
                    "the maximum number of projects is below the minimum",
                ));
            }
            if project_count.is_some_and(|count| min_projects as usize > count) {
                return Err(ManifestError::BadLimits(
                    "the minimum number of projects exceeds the projects on the ballot",
                ));
            }
        }
        BallotRules::Ranked { max_ranks } => {
            if max_ranks == 0 {
                return Err(ManifestError::BadLimits(
                    "a ranked ballot must allow at least one rank",
                ));
            }
        }
        BallotRules::Allocation { points, .. } => {
            if points == 0 {
                return Err(ManifestError::BadLimits(
                    "an allocation ballot needs at least one point",
                ));
            }
        }
    }
    if let Rule::Stv { seats } = *rule
        && (seats == 0 || project_count.is_some_and(|count| seats as usize > count))
    {
        return Err(ManifestError::BadLimits(
            "STV needs between 1 and the number of candidates seats",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approval() -> BallotRules {
        BallotRules::Approval {
            max_cost: None,
            min_projects: 0,
            max_projects: None,
            min_budget_percent: 0,
        }
    }

    #[test]
    fn settings_for_a_pb_cycle_pass_before_any_project_exists() {
        let mes = Rule::Mes {
            completion: Completion::Add1Greedy,
        };
        assert_eq!(
            Manifest::check_settings(&approval(), mes, TieBreak::CheapestThenSeeded),
            Ok(())
        );
    }

    #[test]
    fn irv_on_approval_ballots_is_refused_by_name() {
        assert_eq!(
            Manifest::check_settings(&approval(), Rule::Irv, TieBreak::PreviousRoundThenSeeded),
            Err(ManifestError::RuleNeedsRanked { rule: "irv" })
        );
    }

    #[test]
    fn a_seat_tie_break_on_a_budgeting_rule_is_refused() {
        assert!(matches!(
            Manifest::check_settings(&approval(), Rule::Greedy, TieBreak::PreviousRoundThenSeeded),
            Err(ManifestError::TieBreakMismatch { .. })
        ));
    }

    #[test]
    fn limits_that_need_the_projects_wait_for_them() {
        let ranked = BallotRules::Ranked { max_ranks: 3 };
        let stv = Rule::Stv { seats: 40 };
        assert_eq!(
            Manifest::check_settings(&ranked, stv, TieBreak::PreviousRoundThenSeeded),
            Ok(())
        );
        let zero = Rule::Stv { seats: 0 };
        assert!(
            Manifest::check_settings(&ranked, zero, TieBreak::PreviousRoundThenSeeded).is_err()
        );
    }
}
