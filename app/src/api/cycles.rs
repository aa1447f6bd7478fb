//! Moving a cycle through its phases (SPEC §2).

use leptos::prelude::*;

use crate::domain::Phase;

/// An admin moves the cycle from phase `from` (what their page showed) to
/// the next one. If someone moved it meanwhile, nothing changes and the
/// message says where it is now.
#[server(prefix = "/api", endpoint = "advance-phase")]
pub async fn advance_phase(cycle_id: i32, from: String) -> Result<Phase, ServerFnError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::convert::{phase, stored_phase};
    use crate::api::backend::{bad_input, database, find_cycle, internal, refuse, wrong_phase};
    use crate::domain::Action;
    require(Action::MovePhase).await?;
    let Some(from) = Phase::ALL.into_iter().find(|p| p.slug() == from.trim()) else {
        return Err(bad_input(format!(
            "'{}' is not a phase; phases are draft, ideas, review, deliberation, voting, counting and certified.",
            from.trim()
        )));
    };
    let db = database()?;
    let cycle = find_cycle(&db, cycle_id).await?;
    let current = phase(cycle.phase);
    if current != from {
        return Err(refuse(
            http::StatusCode::CONFLICT,
            format!(
                "This cycle is already in the {} phase; reload the page to see it.",
                current.slug()
            ),
        ));
    }
    from.allows(Action::MovePhase).map_err(wrong_phase)?;
    let Some(to) = from.next() else {
        return Err(wrong_phase(crate::domain::PhaseRefusal {
            action: Action::MovePhase,
            phase: from,
        }));
    };
    let moved = pebble_db::cycles::move_phase(&db, cycle_id, stored_phase(from), stored_phase(to))
        .await
        .map_err(internal)?;
    if !moved {
        return Err(refuse(
            http::StatusCode::CONFLICT,
            "Someone else moved this cycle just now; reload the page to see its phase.",
        ));
    }
    Ok(to)
}

/// Remembers the visitor's language in a cookie and goes back to the page.
#[server(prefix = "/api", endpoint = "language")]
pub async fn set_language(lang: String) -> Result<(), ServerFnError> {
    use crate::api::backend::auth::set_cookie;
    use crate::api::backend::bad_input;
    use crate::i18n::{LANG_COOKIE, Lang};
    let Some(lang) = Lang::from_code(lang.trim()) else {
        return Err(bad_input(format!(
            "'{}' is not a language Pebble offers.",
            lang.trim()
        )));
    };
    set_cookie(format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    ));
    Ok(())
}
