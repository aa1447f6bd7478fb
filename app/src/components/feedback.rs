//! What a form says after it was sent (the server's message on failure),
//! and what a page says when it cannot be shown.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The message of a server function's error.
pub fn error_message(error: &AppError) -> String {
    error.message().to_owned()
}

/// Why a page (or part of one) could not be shown, in words, with a way
/// back; for an `ErrorBoundary`'s fallback. The page answers with the
/// error's status (any error other than an [`AppError`] is ours, a 500).
#[component]
pub fn ErrorNotice(
    /// The boundary's errors.
    errors: ArcRwSignal<Errors>,
) -> impl IntoView {
    let text = crate::i18n::t();
    let mut signed_out = false;
    let messages: Vec<String> = errors
        .get_untracked()
        .into_iter()
        .map(|(_, error)| match error.downcast_ref::<AppError>() {
            Some(known) => {
                known.respond();
                signed_out |= known.status() == http::StatusCode::UNAUTHORIZED;
                known.message().to_owned()
            }
            None => {
                let ours = crate::error::internal(&error);
                ours.respond();
                ours.message().to_owned()
            }
        })
        .collect();
    // Someone told to sign in gets the way there, and back here after.
    let location = leptos_router::hooks::use_location();
    let here = format!(
        "{}{}",
        location.pathname.get_untracked(),
        location
            .search
            .get_untracked()
            .strip_prefix('?')
            .map(|q| format!("?{q}"))
            .unwrap_or_default()
    );
    let sign_in = format!("/sign-in?next={}", crate::address::query_value(&here));
    view! {
        {messages
            .into_iter()
            .map(|message| view! { <p class="error" role="alert">{message}</p> })
            .collect_view()}
        {signed_out.then(|| view! { <p><a class="button primary" href=sign_in>{text.sign_in}</a></p> })}
        <p><a href="/">{text.back_home}</a></p>
    }
}

/// Shows the last error of `action`, if its last call failed, as an alert
/// that screen readers announce. Works after a plain form post too: the
/// server puts the error in the page's address and the action reads it.
#[component]
pub fn ActionError<S>(
    /// The action whose last error to show.
    action: ServerAction<S>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="error" role="alert">{error_message(&error)}</p> })
    }
}

/// Shows the error a plain (non-`ActionForm`) form post to the server
/// function at `path` left in the page's address, such as a multipart
/// upload, which the server answers by sending the browser back here.
#[component]
pub fn PlainPostError(
    /// The server function's path, e.g. `/api/proposal-image`.
    path: &'static str,
) -> impl IntoView {
    use leptos::server_fn::error::ServerFnUrlError;
    let query = leptos_router::hooks::use_query_map();
    move || {
        let query = query.read();
        let err = query.get("__err")?;
        (query.get("__path").as_deref() == Some(path)).then(|| {
            let error = ServerFnUrlError::<AppError>::decode_err(&err);
            view! { <p class="error" role="alert">{error_message(&error)}</p> }
        })
    }
}
