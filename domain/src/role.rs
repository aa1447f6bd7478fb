//! Who may do what.

use serde::{Deserialize, Serialize};

use crate::Action;
use crate::named::{Named, display_and_parse_by_name};

/// An account's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Proposes projects, comments, votes with a code.
    Student,
    /// Comments and votes with a code.
    Family,
    /// Reviews proposals, moderates threads, certifies.
    Committee,
    /// Configures cycles and accounts.
    Admin,
}

impl Role {
    /// Every role, for tables of role × action.
    pub const ALL: [Role; 4] = [Role::Student, Role::Family, Role::Committee, Role::Admin];

    /// Whether this role may take `action` at all (the phase is checked
    /// separately, and "own proposal" by the caller).
    pub fn may(self, action: Action) -> bool {
        match action {
            Action::SubmitProposal | Action::EditOwnProposal => self == Role::Student,
            Action::ReviewProposal
            | Action::ModerateComment
            | Action::PaperBallots
            | Action::CommitTiebreak
            | Action::Certify
            | Action::WitnessLog => self == Role::Committee,
            Action::Comment | Action::ReportComment => true,
            Action::MovePhase | Action::ManageAccounts | Action::EditCycle | Action::IssueCodes => {
                self == Role::Admin
            }
        }
    }
}

impl Named for Role {
    const WHAT: &'static str = "role";
    const ALL: &'static [Role] = &Role::ALL;

    fn name(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Family => "family",
            Role::Committee => "committee",
            Role::Admin => "admin",
        }
    }
}

display_and_parse_by_name!(Role);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_students_propose_only_the_committee_reviews_and_only_admins_move_phases() {
        for role in Role::ALL {
            assert_eq!(role.may(Action::SubmitProposal), role == Role::Student);
            assert_eq!(role.may(Action::ReviewProposal), role == Role::Committee);
            assert_eq!(role.may(Action::ModerateComment), role == Role::Committee);
            assert_eq!(role.may(Action::MovePhase), role == Role::Admin);
            assert!(role.may(Action::Comment));
        }
    }
}
