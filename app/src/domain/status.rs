//! Where a proposal stands (SPEC §3).

use serde::{Deserialize, Serialize};

/// A proposal's review status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not yet reviewed.
    Submitted,
    /// Goes on the ballot.
    Feasible,
    /// Will not go on the ballot.
    NotFeasible,
    /// Merged into another proposal.
    Merged,
    /// Hidden by moderation.
    Hidden,
}

impl Status {
    /// Position in the UI's list of status names.
    pub fn index(self) -> usize {
        match self {
            Status::Submitted => 0,
            Status::Feasible => 1,
            Status::NotFeasible => 2,
            Status::Merged => 3,
            Status::Hidden => 4,
        }
    }

    /// A CSS-friendly name.
    pub fn slug(self) -> &'static str {
        ["submitted", "feasible", "not-feasible", "merged", "hidden"][self.index()]
    }
}
