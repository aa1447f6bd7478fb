//! A cycle's phases and what each allows.

use serde::{Deserialize, Serialize};

use crate::named::{Named, display_and_parse_by_name};

/// A cycle's phase, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being set up.
    Draft,
    /// Students submit proposals.
    Ideas,
    /// The committee reviews them.
    Review,
    /// Threads are the focus; the ballot is previewed.
    Deliberation,
    /// Ballots are cast.
    Voting,
    /// The log is sealed and counted.
    Counting,
    /// Results are public.
    Certified,
}

/// Something a person does to a cycle's proposals or threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Submit a new proposal.
    SubmitProposal,
    /// Edit one's own proposal.
    EditOwnProposal,
    /// Mark feasible or not, set the ballot cost, merge duplicates.
    ReviewProposal,
    /// Comment or reply in a thread (editing included).
    Comment,
    /// Report a comment to the committee.
    ReportComment,
    /// Hide a comment with a public reason.
    ModerateComment,
    /// Move the cycle to its next phase.
    MovePhase,
    /// Create accounts and invite codes (not tied to a phase).
    ManageAccounts,
    /// Create a cycle or change its settings (those that decide the
    /// outcome only before voting).
    EditCycle,
    /// Issue voter codes for a roster group (up to the end of voting).
    IssueCodes,
    /// Print paper ballots, key them (double entry) and resolve
    /// mismatches: while voting is open.
    PaperBallots,
    /// Commit to a tie-break secret (committee members, each for
    /// themselves): before voting opens, which freezes the commitments.
    CommitTiebreak,
    /// Reveal the tie-break secret, start the count, then certify the
    /// record or object to it: while counting.
    Certify,
    /// Cosign the ballot log's checkpoint as a witness (committee members
    /// named by the cycle's witness policy): while voting is open and
    /// once it is sealed, before the count.
    WitnessLog,
}

/// Why the current phase refuses an action. Each language words it
/// (naming the phase); `Display` gives the English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseRefusal {
    /// What was refused.
    pub action: Action,
    /// The phase that refused it.
    pub phase: Phase,
}

impl std::fmt::Display for PhaseRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english_refusal(self.action, self.phase.name()))
    }
}

/// Why the phase called `phase` refuses `action`, in English (the English
/// language file uses this too, so the wording lives in one place).
pub fn english_refusal(action: Action, phase: &str) -> String {
    match action {
        Action::SubmitProposal => format!(
            "Proposals can only be submitted in the ideas phase; this cycle is in the {phase} phase."
        ),
        Action::EditOwnProposal => format!(
            "Proposals can only be edited in the ideas phase; this cycle is in the {phase} phase."
        ),
        Action::ReviewProposal => format!(
            "Proposals are reviewed in the review phase; this cycle is in the {phase} phase."
        ),
        Action::Comment | Action::ReportComment | Action::ModerateComment => {
            format!("Threads are read-only in the {phase} phase.")
        }
        Action::MovePhase | Action::ManageAccounts => format!("The {phase} phase is the last one."),
        Action::EditCycle => {
            format!("A cycle in the {phase} phase can no longer be edited: its record is final.")
        }
        Action::IssueCodes => format!(
            "Voter codes are issued up to the end of voting; this cycle is in the {phase} phase."
        ),
        Action::PaperBallots => format!(
            "Paper ballots are printed and keyed while voting is open; this cycle is in the {phase} phase."
        ),
        Action::CommitTiebreak => format!(
            "Tie-break commitments are made before voting opens; this cycle is in the {phase} phase."
        ),
        Action::Certify => format!(
            "The count is run and certified in the counting phase; this cycle is in the {phase} phase."
        ),
        Action::WitnessLog => format!(
            "The committee witnesses the ballot log while voting is open and once it is sealed; this cycle is in the {phase} phase."
        ),
    }
}

impl Named for Phase {
    const WHAT: &'static str = "phase";
    const ALL: &'static [Phase] = &Phase::ALL;

    fn name(self) -> &'static str {
        Phase::NAMES[self.index()]
    }
}

display_and_parse_by_name!(Phase);

impl Phase {
    /// Every phase in order.
    pub const ALL: [Phase; 7] = [
        Phase::Draft,
        Phase::Ideas,
        Phase::Review,
        Phase::Deliberation,
        Phase::Voting,
        Phase::Counting,
        Phase::Certified,
    ];

    /// The phase after this one, if any.
    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    /// Position in [`Phase::ALL`].
    pub fn index(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// Every phase's name, in order.
    pub const NAMES: [&'static str; 7] = [
        "draft",
        "ideas",
        "review",
        "deliberation",
        "voting",
        "counting",
        "certified",
    ];

    /// Whether the settings that decide the outcome (budget, ballot, rule,
    /// tie-break, committee, k of n) may still change: voting freezes them.
    pub fn settings_open(self) -> bool {
        self < Phase::Voting
    }

    /// Whether this phase allows `action`; if not, a message naming it.
    pub fn allows(self, action: Action) -> Result<(), PhaseRefusal> {
        let allowed = match action {
            Action::SubmitProposal | Action::EditOwnProposal => self == Phase::Ideas,
            Action::ReviewProposal => self == Phase::Review,
            Action::Comment | Action::ReportComment | Action::ModerateComment => {
                self != Phase::Certified
            }
            Action::MovePhase | Action::EditCycle => self != Phase::Certified,
            Action::ManageAccounts => true,
            Action::IssueCodes => self <= Phase::Voting,
            Action::PaperBallots => self == Phase::Voting,
            Action::CommitTiebreak => self < Phase::Voting,
            Action::Certify => self == Phase::Counting,
            Action::WitnessLog => matches!(self, Phase::Voting | Phase::Counting),
        };
        if allowed {
            Ok(())
        } else {
            Err(PhaseRefusal {
                action,
                phase: self,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_run_from_draft_to_certified_one_step_at_a_time() {
        assert_eq!(Phase::Draft.next(), Some(Phase::Ideas));
        assert_eq!(Phase::Counting.next(), Some(Phase::Certified));
        assert_eq!(Phase::Certified.next(), None);
    }

    #[test]
    fn proposals_are_submitted_only_in_ideas_and_reviewed_only_in_review() {
        for phase in Phase::ALL {
            assert_eq!(
                phase.allows(Action::SubmitProposal).is_ok(),
                phase == Phase::Ideas
            );
            assert_eq!(
                phase.allows(Action::ReviewProposal).is_ok(),
                phase == Phase::Review
            );
        }
    }

    #[test]
    fn a_phase_parses_from_its_name_and_nothing_else() {
        for phase in Phase::ALL {
            assert_eq!(phase.to_string().parse::<Phase>(), Ok(phase));
        }
        let unknown = "autumn".parse::<Phase>().expect_err("not a phase");
        assert!(unknown.to_string().contains("draft, ideas"), "{unknown}");
        assert!("Voting".parse::<Phase>().is_err(), "names are exact");
    }

    #[test]
    fn threads_stay_open_until_certified_and_the_refusal_names_the_phase() {
        for phase in Phase::ALL {
            assert_eq!(
                phase.allows(Action::Comment).is_ok(),
                phase != Phase::Certified
            );
        }
        let refusal = Phase::Voting
            .allows(Action::SubmitProposal)
            .expect_err("voting refuses proposals");
        assert!(refusal.to_string().contains("voting phase"), "{refusal}");
    }
}
