//! The page for unknown addresses.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// Shown for any address no route matches, with a 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let text = t();
    view! {
        <Title text=text.not_found />
        <h1>{text.not_found}</h1>
        <p>
            <a href="/">{text.back_home}</a>
        </p>
    }
}
