//! What each phase needs before a cycle may enter it, and why a
//! move was refused. The storage layer checks the needs inside the move's
//! transaction; each language words the refusal.

use crate::Phase;

/// Why a cycle did not move to its next phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveRefusal {
    /// There is no cycle with this id.
    NoSuchCycle(i32),
    /// It is not in the phase the mover saw: someone moved it first.
    Moved {
        /// The phase it is in.
        now: Phase,
    },
    /// Certified is the last phase.
    Last,
    /// Counting ends only when k of the n committee members certify.
    NeedsCertification,
    /// Review with nothing to review.
    NoProposals,
    /// Deliberation while proposals still wait for the committee.
    Unreviewed {
        /// How many.
        count: u64,
        /// The lowest id among them.
        first: i32,
    },
    /// The stored settings no longer pass their checks (the detail is
    /// the check's English message).
    Settings(String),
    /// The ballot voting would freeze cannot be used (the detail is the
    /// `counting` crate's English message).
    Ballot(String),
    /// Voting cannot close while paper ballots wait for the committee
    /// (keyed once, or in the mismatch queue): a sealed log takes nothing
    /// more. How many, and the first serial.
    PaperWaiting {
        /// How many.
        count: u64,
        /// The first serial, as printed.
        first: String,
    },
    /// Voting cannot open until every committee member has registered a
    /// certification key and committed to a tie-break secret: the names
    /// of those who have not.
    CommitteeNotReady(Vec<String>),
}

impl MoveRefusal {
    /// Whether the refusal is about an id that names nothing (404) rather
    /// than the cycle's state (409).
    pub fn is_not_found(&self) -> bool {
        matches!(self, MoveRefusal::NoSuchCycle(_))
    }
}

impl std::fmt::Display for MoveRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MoveRefusal::NoSuchCycle(id) => write!(f, "There is no cycle number {id}."),
            MoveRefusal::Moved { now } => write!(
                f,
                "This cycle is already in the {now} phase; reload the page to see it."
            ),
            MoveRefusal::Last => f.write_str("The certified phase is the last one."),
            MoveRefusal::NeedsCertification => f.write_str(
                "A cycle moves from counting to certified only when enough committee members certify its count.",
            ),
            MoveRefusal::NoProposals => {
                f.write_str("No proposal has been submitted yet; review needs at least one.")
            }
            MoveRefusal::Unreviewed { count, first } => write!(
                f,
                "{count} submitted proposal(s) still need the committee's review, starting with number {first}."
            ),
            MoveRefusal::Settings(detail) => {
                write!(f, "The cycle's settings need fixing first: {detail}")
            }
            MoveRefusal::Ballot(detail) => write!(f, "The ballot cannot open: {detail}."),
            MoveRefusal::PaperWaiting { count, first } => write!(
                f,
                "Paper ballots waiting for the committee: {count}, starting with {first} (keyed once, or entries that differ). Key or resolve them on the paper desk first: once voting closes, the log takes nothing more."
            ),
            MoveRefusal::CommitteeNotReady(names) => write!(
                f,
                "Voting opens once every committee member has made their certification key and committed to a tie-break secret (on their committee page); still to do: {}.",
                names.join(", ")
            ),
        }
    }
}
