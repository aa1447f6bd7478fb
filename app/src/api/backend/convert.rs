//! From stored rows to the types the UI and the rules speak.

use counting::Cents;
use pebble_db::DbError;
use pebble_db::entity::{cycle, proposal};

use crate::domain::{Phase, Status};

/// A stored amount as [`Cents`]; a negative one is a corrupt row.
pub fn cents(table: &'static str, column: &'static str, value: i64) -> Result<Cents, DbError> {
    u64::try_from(value)
        .map(Cents::new)
        .map_err(|_| DbError::InvalidValue {
            table,
            column,
            value: value.to_string(),
        })
}

/// Cents as a stored amount (amounts are bounded far below `i64::MAX`).
pub fn stored_cents(amount: Cents) -> i64 {
    i64::try_from(amount.minor_units()).unwrap_or(i64::MAX)
}

/// A stored phase.
pub fn phase(phase: cycle::Phase) -> Phase {
    match phase {
        cycle::Phase::Draft => Phase::Draft,
        cycle::Phase::Ideas => Phase::Ideas,
        cycle::Phase::Review => Phase::Review,
        cycle::Phase::Deliberation => Phase::Deliberation,
        cycle::Phase::Voting => Phase::Voting,
        cycle::Phase::Counting => Phase::Counting,
        cycle::Phase::Certified => Phase::Certified,
    }
}

/// A phase to store.
pub fn stored_phase(phase: Phase) -> cycle::Phase {
    match phase {
        Phase::Draft => cycle::Phase::Draft,
        Phase::Ideas => cycle::Phase::Ideas,
        Phase::Review => cycle::Phase::Review,
        Phase::Deliberation => cycle::Phase::Deliberation,
        Phase::Voting => cycle::Phase::Voting,
        Phase::Counting => cycle::Phase::Counting,
        Phase::Certified => cycle::Phase::Certified,
    }
}

/// A stored status.
pub fn status(status: proposal::Status) -> Status {
    match status {
        proposal::Status::Submitted => Status::Submitted,
        proposal::Status::Feasible => Status::Feasible,
        proposal::Status::NotFeasible => Status::NotFeasible,
        proposal::Status::Merged => Status::Merged,
        proposal::Status::Hidden => Status::Hidden,
    }
}
