//! `/join`: create your account with an invite code (SPEC §1).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::accounts::Join;
use crate::components::feedback::ActionError;
use crate::components::session::use_session;
use crate::domain::account::{PASSWORD_MIN, USERNAME_MAX};
use crate::i18n::t;

/// The invite form.
#[component]
pub fn JoinPage() -> impl IntoView {
    let text = t();
    let session = use_session();
    let join = ServerAction::<Join>::new();
    Effect::new(move |_| {
        if matches!(join.value().get(), Some(Ok(()))) {
            session.changed();
        }
    });
    view! {
        <Title text=text.join />
        <section class="narrow" aria-labelledby="join-heading">
            <h1 id="join-heading">{text.join}</h1>
            <ActionForm action=join attr:class="stacked">
                <label for="join-code">{text.invite_code}</label>
                <input id="join-code" name="code" required autocomplete="off" />
                <label for="join-username">{text.username}</label>
                <input id="join-username" name="username" required maxlength=USERNAME_MAX autocomplete="username" />
                <label for="join-display-name">{text.display_name}</label>
                <input id="join-display-name" name="display_name" required maxlength="120" />
                <label for="join-password">{text.password}</label>
                <input id="join-password" name="password" type="password" required minlength=PASSWORD_MIN autocomplete="new-password" />
                <button type="submit">{text.join}</button>
            </ActionForm>
            <ActionError action=join />
        </section>
    }
}
