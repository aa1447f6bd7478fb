//! The language switch in the header: a plain form that reloads the page
//! in the chosen language; in the browser, choosing is enough.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};
use crate::islands::in_browser;

/// The language choice. Without JavaScript its button sends the form; with
/// it, changing the choice sends it and the button steps aside.
#[island]
pub fn LanguageSwitch() -> impl IntoView {
    let text = t();
    let current = use_lang();
    let form = NodeRef::<html::Form>::new();
    let running = in_browser();
    let send = move |_| {
        if let Some(form) = form.get() {
            // Sends the form as its button would (validation, submit event).
            let _ = form.request_submit();
        }
    };
    view! {
        <form class="language" method="post" action="/api/language" node_ref=form>
            <label for="language-select">{text.language}</label>
            <select id="language-select" name="lang" on:change=send>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! {
                        <option value=lang.code() selected=lang == current lang=lang.code()>{lang.name()}</option>
                    })
                    .collect_view()}
            </select>
            <button type="submit" hidden=move || running.get()>{text.change_language}</button>
        </form>
    }
}
