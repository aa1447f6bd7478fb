//! Moving a cycle through its phases, and the language switch.

use leptos::prelude::*;

use crate::domain::Phase;
use crate::error::AppError;

/// An admin moves the cycle from phase `from` (what their page showed) to
/// the next one, if what that phase needs is in place. If someone moved
/// it meanwhile, nothing changes and the message says where it is now.
/// Closing voting cannot be undone, so it needs `confirm=yes`.
#[server(prefix = "/api", endpoint = "advance-phase")]
pub async fn advance_phase(
    cycle_id: i32,
    from: String,
    confirm: Option<String>,
) -> Result<Phase, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database, refuse, words};
    use crate::domain::Action;
    use http::StatusCode;
    require(Action::MovePhase).await?;
    let from: Phase = from
        .trim()
        .parse()
        .map_err(|_| bad_input((words().not_a_phase)(from.trim())))?;
    if from == Phase::Voting && confirm.as_deref() != Some("yes") {
        return Err(bad_input(words().confirm_close_voting));
    }
    let db = database()?;
    match pebble_db::transitions::advance(&db, cycle_id, from).await? {
        Ok(to) => Ok(to),
        Err(refusal) => {
            let status = if refusal.is_not_found() {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::CONFLICT
            };
            Err(refuse(status, words().move_refused(&refusal)))
        }
    }
}

/// Remembers the visitor's language in a cookie and goes back to the
/// page `back` (a path on this site), or where the browser came from.
#[server(prefix = "/api", endpoint = "language")]
pub async fn set_language(lang: String, back: Option<String>) -> Result<(), AppError> {
    use crate::api::backend::cookies::{lang_cookie, set_cookie};
    use crate::api::backend::{bad_input, words};
    use crate::i18n::Lang;
    let Some(lang) = Lang::from_code(lang.trim()) else {
        return Err(bad_input((words().not_a_language)(lang.trim())));
    };
    set_cookie(&lang_cookie(lang));
    if let Some(back) = back.as_deref().and_then(crate::domain::LocalPath::parse) {
        leptos_axum::redirect(back.as_str());
    }
    Ok(())
}
