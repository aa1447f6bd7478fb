//! Server-side helpers shared by the server functions: the database, the
//! signed-in account, and errors that carry a status and a safe message.

pub mod auth;
pub mod convert;

use http::StatusCode;
use leptos::prelude::*;
use pebble_db::DatabaseConnection;

/// The strings of the request's language, for the messages sent back.
pub fn words() -> &'static crate::i18n::Strings {
    crate::i18n::request_lang().strings()
}

/// The database pool the server put in the request's context.
pub fn database() -> Result<DatabaseConnection, ServerFnError> {
    use_context::<DatabaseConnection>()
        .ok_or_else(|| internal("no database connection in the request context"))
}

/// Logs `cause` and returns the generic message for the browser. The
/// cause goes to the log, never to the browser.
pub fn internal(cause: impl std::fmt::Display) -> ServerFnError {
    tracing::error!(%cause, "server function failed");
    ServerFnError::new(words().internal_error)
}

/// Refuses the request with `status` (a 4xx) and `message`, which must be
/// safe to show and say what to change. A plain form post (JavaScript off)
/// keeps the redirect back to its page, where the message is shown.
pub fn refuse(status: StatusCode, message: impl Into<String>) -> ServerFnError {
    let plain_form_post = use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if !plain_form_post && let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    ServerFnError::new(message.into())
}

/// 400 with a message about the input.
pub fn bad_input(message: impl std::fmt::Display) -> ServerFnError {
    refuse(StatusCode::BAD_REQUEST, message.to_string())
}

/// 400 for a field that did not parse, worded in the request's language.
pub fn bad_field(error: crate::domain::FieldError) -> ServerFnError {
    refuse(StatusCode::BAD_REQUEST, error.message_in(words()))
}

/// 404 for an id that names nothing.
pub fn not_found(thing: crate::i18n::Thing, id: i32) -> ServerFnError {
    refuse(StatusCode::NOT_FOUND, (words().no_such)(thing, id))
}

/// The proposal `id` with its author and cycle, or a 404.
pub async fn find_proposal(
    db: &DatabaseConnection,
    id: i32,
) -> Result<pebble_db::proposals::Found, ServerFnError> {
    pebble_db::proposals::find(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| not_found(crate::i18n::Thing::Proposal, id))
}

/// The proposal `id` if `author_id` wrote it and its cycle's phase lets
/// authors change proposals (ideas); else a 404, 403 or 409.
pub async fn authored_proposal(
    db: &DatabaseConnection,
    author_id: i32,
    id: i32,
) -> Result<pebble_db::proposals::Found, ServerFnError> {
    use crate::domain::Action;
    let found = find_proposal(db, id).await?;
    if found.proposal.author_id != Some(author_id) {
        return Err(refuse(StatusCode::FORBIDDEN, words().only_author_proposal));
    }
    convert::phase(found.cycle.phase)
        .allows(Action::EditOwnProposal)
        .map_err(wrong_phase)?;
    Ok(found)
}

/// The cycle `id`, or a 404.
pub async fn find_cycle(
    db: &DatabaseConnection,
    id: i32,
) -> Result<pebble_db::entity::cycle::Model, ServerFnError> {
    pebble_db::cycles::find(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(|| not_found(crate::i18n::Thing::Cycle, id))
}

/// 409 for an action the cycle's phase does not allow, naming the phase.
pub fn wrong_phase(refusal: crate::domain::PhaseRefusal) -> ServerFnError {
    refuse(
        StatusCode::CONFLICT,
        words().refusal(refusal.action, refusal.phase),
    )
}
