//! From stored rows to the types the UI and the rules speak.

use counting::Cents;
use pebble_db::DbError;
use pebble_db::entity::{account, cycle, proposal};

use crate::domain::{Phase, Role, Status};

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

/// The role of a stored account.
pub fn role_of(account: &account::Model) -> Role {
    match account.role {
        account::Role::Student => Role::Student,
        account::Role::Family => Role::Family,
        account::Role::Committee => Role::Committee,
        account::Role::Admin => Role::Admin,
    }
}

/// A role to store.
pub fn stored_role(role: Role) -> account::Role {
    match role {
        Role::Student => account::Role::Student,
        Role::Family => account::Role::Family,
        Role::Committee => account::Role::Committee,
        Role::Admin => account::Role::Admin,
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

/// Stored settings as the editor's parsed settings.
pub fn cycle_settings(
    stored: pebble_db::cycle_settings::Settings,
) -> Result<crate::domain::CycleSettings, DbError> {
    let invalid = |column: &'static str, value: String| DbError::InvalidValue {
        table: "cycle",
        column,
        value,
    };
    Ok(crate::domain::CycleSettings {
        currency: counting::Currency::try_from(stored.currency.clone())
            .map_err(|_| invalid("currency", stored.currency.clone()))?,
        budget: cents("cycle", "budget_cents", stored.budget_cents)?,
        certify_k: u32::try_from(stored.certify_k)
            .map_err(|_| invalid("certify_k", stored.certify_k.to_string()))?,
        name: stored.name,
        school: stored.school,
        description: stored.description,
        ballot: stored.ballot,
        rule: stored.rule,
        tie_break: stored.tie_break,
        committee: stored.committee,
    })
}

/// Parsed settings to store.
pub fn stored_settings(
    settings: crate::domain::CycleSettings,
) -> pebble_db::cycle_settings::Settings {
    pebble_db::cycle_settings::Settings {
        name: settings.name,
        school: settings.school,
        description: settings.description,
        currency: settings.currency.code().to_owned(),
        budget_cents: stored_cents(settings.budget),
        ballot: settings.ballot,
        rule: settings.rule,
        tie_break: settings.tie_break,
        committee: settings.committee,
        certify_k: i32::try_from(settings.certify_k).unwrap_or(i32::MAX),
    }
}
