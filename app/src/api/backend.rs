//! Server-side helpers shared by the server functions: the database, the
//! signed-in account, and refusals worded in the request's language.

pub mod auth;
pub mod cookies;
pub mod passwords;
pub mod reencode;

use http::StatusCode;
use leptos::prelude::*;
use pebble_db::DatabaseConnection;

use crate::error::AppError;
pub use crate::error::internal;

/// The strings of the request's language, for the messages sent back.
pub fn words() -> &'static crate::i18n::Strings {
    crate::i18n::request_lang().strings()
}

/// The database pool the server put in the request's context.
pub fn database() -> Result<DatabaseConnection, AppError> {
    use_context::<DatabaseConnection>()
        .ok_or_else(|| internal("no database connection in the request context"))
}

/// Refuses the request with `status` (a 4xx) and `message`, which must be
/// safe to show and say what to change.
pub fn refuse(status: StatusCode, message: impl Into<String>) -> AppError {
    AppError::new(status, message)
}

/// 400 with a message about the input.
pub fn bad_input(message: impl std::fmt::Display) -> AppError {
    refuse(StatusCode::BAD_REQUEST, message.to_string())
}

/// 400 for a field that did not parse, worded in the request's language.
pub fn bad_field(error: crate::domain::FieldError) -> AppError {
    refuse(StatusCode::BAD_REQUEST, words().field_error(&error))
}

/// 404 for an id that names nothing.
pub fn not_found(thing: crate::i18n::Thing, id: i32) -> AppError {
    refuse(StatusCode::NOT_FOUND, (words().no_such)(thing, id))
}

/// 409 for a write that lost a race with a phase move: the phase checked
/// a moment ago no longer allows it.
pub fn phase_moved() -> AppError {
    refuse(StatusCode::CONFLICT, words().phase_moved)
}

/// The proposal `id` with its author and cycle, or a 404.
pub async fn find_proposal(
    db: &DatabaseConnection,
    id: i32,
) -> Result<pebble_db::proposals::Found, AppError> {
    pebble_db::proposals::find(db, id)
        .await?
        .ok_or_else(|| not_found(crate::i18n::Thing::Proposal, id))
}

/// The proposal `id` as the viewer may see it: a hidden proposal (and its
/// thread) is a 404 to everyone but its cycle's committee.
pub async fn visible_proposal(
    db: &DatabaseConnection,
    id: i32,
) -> Result<pebble_db::proposals::Found, AppError> {
    let found = find_proposal(db, id).await?;
    if *found.proposal.status == pebble_domain::Status::Hidden {
        let viewer = auth::viewer().await?;
        if !auth::on_committee(viewer.as_ref(), found.cycle.id).await? {
            return Err(not_found(crate::i18n::Thing::Proposal, id));
        }
    }
    Ok(found)
}

/// The proposal `id` if `author_id` wrote it and its cycle's phase lets
/// authors change proposals (ideas); else a 404, 403 or 409.
pub async fn authored_proposal(
    db: &DatabaseConnection,
    author_id: i32,
    id: i32,
) -> Result<pebble_db::proposals::Found, AppError> {
    use crate::domain::Action;
    let found = find_proposal(db, id).await?;
    if found.proposal.author_id != Some(author_id) {
        return Err(refuse(StatusCode::FORBIDDEN, words().only_author_proposal));
    }
    found
        .cycle
        .phase
        .allows(Action::EditOwnProposal)
        .map_err(wrong_phase)?;
    Ok(found)
}

/// The cycle `id`, or a 404.
pub async fn find_cycle(
    db: &DatabaseConnection,
    id: i32,
) -> Result<pebble_db::entity::cycle::Model, AppError> {
    pebble_db::cycles::find(db, id)
        .await?
        .ok_or_else(|| not_found(crate::i18n::Thing::Cycle, id))
}

/// 409 for an action the cycle's phase does not allow, naming the phase.
pub fn wrong_phase(refusal: crate::domain::PhaseRefusal) -> AppError {
    refuse(
        StatusCode::CONFLICT,
        words().refusal(refusal.action, refusal.phase),
    )
}
