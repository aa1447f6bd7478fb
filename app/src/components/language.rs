//! The language switch in the header, a plain form (no wasm: a page
//! needs none to change its language). It keeps the page and what is on
//! it: on most pages it posts the choice with the page's address, and the
//! server sends the browser back there in the new language. On a voting
//! page, whose state (the voter's code, the ballot) lives in a posted
//! form, its button posts that form itself, with the language, so the
//! page comes back in the new language with the same code and ticks
//! (the ballot island starts from what the page holds).

use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};

/// The language choice. `back` is the page's own address; `page_form`,
/// on a voting page, is the id of the form that carries its state, and
/// `page_action` where that form posts to stay on the page.
#[component]
pub fn LanguageSwitch(
    /// The page's own address.
    back: String,
    /// On a voting page, the id of the form that carries its state.
    page_form: Option<String>,
    /// Where that form posts to stay on the page.
    page_action: String,
) -> impl IntoView {
    let text = t();
    let current = use_lang();
    let on_page = page_form.is_some();
    let options = Lang::ALL
        .into_iter()
        .map(|lang| view! {
            <option value=lang.code() selected=lang == current lang=lang.code()>{lang.name()}</option>
        })
        .collect_view();
    view! {
        <form class="language" method="post" action="/api/language">
            <input type="hidden" name="back" value=back />
            <label for="language-select">{text.language}</label>
            <select id="language-select" name="lang" form=page_form.clone()>
                {options}
            </select>
            <button type="submit"
                form=page_form
                formaction=on_page.then_some(page_action)
                formmethod=on_page.then_some("post")>
                {text.change_language}
            </button>
        </form>
    }
}
