//! `/join`: create your account with an invite code.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::accounts::Join;
use crate::components::feedback::ActionError;
use crate::domain::account::{PASSWORD_MIN, USERNAME_MAX};
use crate::i18n::t;
use crate::islands::PasswordField;

/// The invite form, a plain form post that signs the new account in.
#[component]
pub fn JoinPage() -> impl IntoView {
    let text = t();
    let join = ServerAction::<Join>::new();
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
                <PasswordField
                    id="join-password".to_owned()
                    name="password".to_owned()
                    label=text.password.to_owned()
                    autocomplete="new-password".to_owned()
                    minlength=PASSWORD_MIN
                />
                <button type="submit">{text.join}</button>
            </ActionForm>
            <ActionError action=join />
        </section>
    }
}
