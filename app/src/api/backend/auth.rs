//! The signed-in account of a request, from its session cookie, and the
//! role checks every server function makes.

use std::sync::{Arc, Mutex};

use http::StatusCode;
use leptos::prelude::*;
use pebble_db::entity::account;

use super::cookies::{request_cookie, session_cookie_name};
use super::{database, internal, refuse};
use crate::domain::Action;
use crate::error::AppError;

/// The request's session token, if it sent one.
pub fn session_token() -> Option<String> {
    request_cookie(session_cookie_name())
}

/// The signed-in account of one request, looked up at most once: a page
/// renders with several server functions, each asking who is signed in.
/// The server puts a fresh one in every request's context.
#[derive(Clone, Default)]
pub struct ViewerCache(Arc<Mutex<Option<Option<account::Model>>>>);

impl ViewerCache {
    fn get(&self) -> Option<Option<account::Model>> {
        self.0.lock().ok().and_then(|found| found.clone())
    }

    fn set(&self, viewer: &Option<account::Model>) {
        if let Ok(mut found) = self.0.lock() {
            *found = Some(viewer.clone());
        }
    }
}

/// The signed-in account, if any.
pub async fn viewer() -> Result<Option<account::Model>, AppError> {
    let cache = use_context::<ViewerCache>();
    if let Some(found) = cache.as_ref().and_then(ViewerCache::get) {
        return Ok(found);
    }
    let found = match session_token() {
        None => None,
        Some(token) => {
            let idle = crate::site::SiteSettings::current().session_idle;
            pebble_db::sessions::account(&database()?, &token, idle).await?
        }
    };
    if let Some(cache) = cache {
        cache.set(&found);
    }
    Ok(found)
}

/// The signed-in account if its role may take `action`: 401 when nobody is
/// signed in, 403 when the role may not.
pub async fn require(action: Action) -> Result<account::Model, AppError> {
    let Some(account) = viewer().await? else {
        return Err(refuse(
            StatusCode::UNAUTHORIZED,
            super::words().sign_in_first,
        ));
    };
    if account.password_change_required {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            super::words().choose_own_password_first,
        ));
    }
    let role = *account.role;
    if !role.may(action) {
        return Err(refuse(StatusCode::FORBIDDEN, super::words().cannot(role)));
    }
    Ok(account)
}

/// Whether `viewer` sits on cycle `cycle`'s committee (its settings until
/// voting opens, its frozen seats after): committee rights go by
/// membership of that cycle's committee, not by the role alone.
pub async fn on_committee(viewer: Option<&account::Model>, cycle: i32) -> Result<bool, AppError> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    if *viewer.role != pebble_domain::Role::Committee {
        return Ok(false);
    }
    pebble_db::committee::sits_on(&database()?, cycle, viewer.id)
        .await
        .map_err(internal)
}

/// The signed-in account if its role may take `action` and it sits on
/// cycle `cycle`'s committee: 401, 403 as [`require`], and 403 that says
/// so for a member of another cycle's committee (or of none); 404 for no
/// such cycle.
pub async fn require_on_committee(action: Action, cycle: i32) -> Result<account::Model, AppError> {
    let account = require(action).await?;
    super::find_cycle(&database()?, cycle).await?;
    if !on_committee(Some(&account), cycle).await? {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            super::words().not_on_this_committee,
        ));
    }
    Ok(account)
}
