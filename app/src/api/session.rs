//! Signing in and out.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

/// Who is signed in, as the pages need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// Account id.
    pub id: i32,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
}

/// The signed-in account, if any.
#[server(prefix = "/api", endpoint = "whoami")]
pub async fn whoami() -> Result<Option<Viewer>, AppError> {
    use crate::api::backend::auth::viewer;
    Ok(viewer().await?.map(|account| Viewer {
        id: account.id,
        role: *account.role,
        name: account.display_name,
    }))
}

/// Checks the username and password, starts a session in an HttpOnly
/// cookie and goes to `next` (a path on this site) or the home page.
/// After too many wrong passwords for one username it refuses (429) for a
/// while, even the right one, so passwords cannot be guessed online.
#[server(prefix = "/api", endpoint = "sign-in")]
pub async fn sign_in(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::api::backend::cookies::{session_cookie, set_cookie};
    use crate::api::backend::{bad_input, database, refuse, words};
    use pebble_db::sign_in_failures;
    let username = username.trim();
    if username.is_empty() || password.is_empty() {
        return Err(bad_input(words().enter_both));
    }
    if username.len() > 64 || password.len() > 256 {
        return Err(bad_input(words().credentials_too_long));
    }
    let db = database()?;
    if sign_in_failures::blocked(&db, username).await? {
        return Err(refuse(
            http::StatusCode::TOO_MANY_REQUESTS,
            (words().too_many_attempts)(sign_in_failures::WINDOW_MINUTES),
        ));
    }
    let Some(account) = pebble_db::accounts::authenticate(&db, username, &password).await? else {
        sign_in_failures::record(&db, username).await?;
        return Err(refuse(
            http::StatusCode::UNAUTHORIZED,
            words().wrong_password,
        ));
    };
    sign_in_failures::clear(&db, username).await?;
    let token = pebble_db::sessions::start(&db, account.id).await?;
    set_cookie(&session_cookie(Some(&token)));
    if account.password_change_required {
        leptos_axum::redirect("/account?first=1");
        return Ok(());
    }
    let next = next.as_deref().and_then(crate::domain::LocalPath::parse);
    leptos_axum::redirect(next.as_ref().map_or("/", |path| path.as_str()));
    Ok(())
}

/// Whether the signed-in person must choose their own password before
/// anything else (401 when nobody is signed in).
#[server(prefix = "/api", endpoint = "account-state")]
pub async fn account_state() -> Result<bool, AppError> {
    use crate::api::backend::auth::viewer;
    use crate::api::backend::{refuse, words};
    match viewer().await? {
        Some(account) => Ok(account.password_change_required),
        None => Err(refuse(
            http::StatusCode::UNAUTHORIZED,
            words().sign_in_first,
        )),
    }
}

/// The signed-in person chooses a new password: `current` is their
/// password now (not asked when an admin made it, which the sign-in
/// spent), `new` and `again` the one they choose.
#[server(prefix = "/api", endpoint = "change-password")]
pub async fn change_password(
    current: Option<String>,
    new: String,
    again: String,
) -> Result<(), AppError> {
    use crate::api::backend::auth::viewer;
    use crate::api::backend::passwords;
    use crate::api::backend::{bad_field, bad_input, database, refuse, words};
    let Some(account) = viewer().await? else {
        return Err(refuse(
            http::StatusCode::UNAUTHORIZED,
            words().sign_in_first,
        ));
    };
    let db = database()?;
    if !account.password_change_required {
        let current = current.unwrap_or_default();
        let right = pebble_db::accounts::password_matches(&account, &current).await?;
        if !right {
            return Err(refuse(
                http::StatusCode::FORBIDDEN,
                words().current_password_wrong,
            ));
        }
    }
    if new != again {
        return Err(bad_input(words().passwords_differ));
    }
    let own_words = vec![account.username.clone(), account.display_name.clone()];
    let password = passwords::chosen_off_workers(new, own_words)
        .await
        .map_err(bad_field)?;
    pebble_db::accounts::set_password(&db, account.id, &password).await?;
    // Whoever knew the old password may be signed in elsewhere.
    if let Some(token) = crate::api::backend::auth::session_token() {
        pebble_db::sessions::end_others(&db, account.id, &token).await?;
    }
    leptos_axum::redirect("/account?changed=1");
    Ok(())
}

/// Ends every session of the signed-in person, on every device (this
/// one too), and clears the cookie; 401 when nobody is signed in.
#[server(prefix = "/api", endpoint = "sign-out-everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::api::backend::auth::viewer;
    use crate::api::backend::cookies::{session_cookie, set_cookie};
    use crate::api::backend::{database, refuse, words};
    let Some(account) = viewer().await? else {
        return Err(refuse(
            http::StatusCode::UNAUTHORIZED,
            words().sign_in_first,
        ));
    };
    pebble_db::sessions::end_all(&database()?, account.id).await?;
    set_cookie(&session_cookie(None));
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends the session and clears the cookie.
#[server(prefix = "/api", endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::api::backend::auth::session_token;
    use crate::api::backend::cookies::{session_cookie, set_cookie};
    use crate::api::backend::database;
    if let Some(token) = session_token() {
        let db = database()?;
        pebble_db::sessions::end(&db, &token).await?;
    }
    set_cookie(&session_cookie(None));
    leptos_axum::redirect("/");
    Ok(())
}
