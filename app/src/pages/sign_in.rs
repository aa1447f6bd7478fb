//! Signing in with a username and password.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::session::SignIn;
use crate::components::feedback::ActionError;
use crate::i18n::t;
use crate::islands::PasswordField;

/// The sign-in form, a plain form post. `?next=/path` comes back to that
/// page afterwards (a path on this site only).
#[component]
pub fn SignInPage() -> impl IntoView {
    let text = t();
    // Created inside the routes, so that after a plain form post the
    // action reads the server's error from the address.
    let sign_in = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <Title text=text.sign_in />
        <section class="narrow" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading">{text.sign_in}</h1>
            <ActionForm action=sign_in attr:class="stacked">
                <input type="hidden" name="next" value=next />
                <label for="username">{text.username}</label>
                <input id="username" name="username" autocomplete="username" required maxlength="64" />
                <PasswordField
                    id="password".to_owned()
                    name="password".to_owned()
                    label=text.password.to_owned()
                    autocomplete="current-password".to_owned()
                    minlength=0
                />
                <button type="submit">{text.sign_in}</button>
            </ActionForm>
            <ActionError action=sign_in />
            <p class="hint">{text.sign_in_help}</p>
            <p><a href="/join">{text.join}</a></p>
        </section>
    }
}
