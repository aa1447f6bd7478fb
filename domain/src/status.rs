//! Where a proposal stands.

use serde::{Deserialize, Serialize};

use crate::named::{Named, display_and_parse_by_name};

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
    /// Every status, in the UI's order.
    pub const ALL: [Status; 5] = [
        Status::Submitted,
        Status::Feasible,
        Status::NotFeasible,
        Status::Merged,
        Status::Hidden,
    ];

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

    /// The name as a CSS class and an address use it (`not-feasible`).
    pub fn slug(self) -> &'static str {
        ["submitted", "feasible", "not-feasible", "merged", "hidden"][self.index()]
    }
}

impl Named for Status {
    const WHAT: &'static str = "status";
    const ALL: &'static [Status] = &Status::ALL;

    /// The stored and JSON name (`not_feasible`).
    fn name(self) -> &'static str {
        ["submitted", "feasible", "not_feasible", "merged", "hidden"][self.index()]
    }
}

display_and_parse_by_name!(Status);
