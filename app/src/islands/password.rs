//! A password field with a "show" toggle, for people typing a long
//! password on a phone.

use leptos::prelude::*;

use crate::i18n::t;
use crate::islands::in_browser;

/// A labelled password input. In the browser a button shows or hides what
/// was typed; without JavaScript the button is not offered.
#[island]
pub fn PasswordField(
    /// The input's id (its label points at it).
    id: String,
    /// The form field's name.
    name: String,
    /// The label's text.
    label: String,
    /// `current-password` or `new-password`.
    autocomplete: String,
    /// The fewest characters (0: no minimum).
    minlength: usize,
) -> impl IntoView {
    let text = t();
    let running = in_browser();
    let (shown, set_shown) = signal(false);
    let toggle_id = format!("{id}-show");
    view! {
        <label for=id.clone()>{label}</label>
        <span class="password-field">
            <input
                id=id.clone()
                name=name
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete=autocomplete
                minlength=(minlength > 0).then_some(minlength)
                required
            />
            <button
                type="button"
                id=toggle_id
                class="link-button"
                hidden=move || !running.get()
                aria-controls=id
                aria-pressed=move || shown.get().to_string()
                on:click=move |_| set_shown.update(|s| *s = !*s)
            >
                {text.show_password}
            </button>
        </span>
    }
}
