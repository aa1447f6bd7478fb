//! The language switch in the header. It keeps the page and what is on
//! it: on most pages it posts the choice with the page's address, and the
//! server sends the browser back there in the new language. On a voting
//! page, whose state (the voter's code, the ballot) lives in a posted
//! form, it posts that form itself, with the language, so the page comes
//! back in the new language with the same code and ticks. In the browser,
//! choosing is enough: the choice is sent, then the page reloads, and the
//! ballot island restores the ballot from the tab's storage.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};
use crate::islands::in_browser;

/// The language choice. `back` is the page's own address; `page_form`,
/// on a voting page, is the id of the form that carries its state, and
/// `page_action` where that form posts to stay on the page.
#[island]
pub fn LanguageSwitch(
    back: String,
    page_form: Option<String>,
    page_action: String,
) -> impl IntoView {
    let text = t();
    let current = use_lang();
    let form = NodeRef::<html::Form>::new();
    let running = in_browser();
    let on_page = page_form.is_some();
    let send = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if on_page {
            // The ballot island keeps its state in the tab; a reload of
            // the page's plain address restores it in the new language.
            leptos::task::spawn_local(async move {
                if crate::api::cycles::set_language(chosen, None).await.is_ok() {
                    let _ = window().location().reload();
                }
            });
        } else if let Some(form) = form.get() {
            // Sends the form as its button would (validation, submit event).
            let _ = form.request_submit();
        }
    };
    let options = move || {
        Lang::ALL
            .into_iter()
            .map(|lang| view! {
                <option value=lang.code() selected=lang == current lang=lang.code()>{lang.name()}</option>
            })
            .collect_view()
    };
    view! {
        <form class="language" method="post" action="/api/language" node_ref=form>
            <input type="hidden" name="back" value=back />
            <label for="language-select">{text.language}</label>
            <select id="language-select" name="lang" form=page_form.clone() on:change=send>
                {options()}
            </select>
            <button type="submit" hidden=move || running.get()
                form=page_form.clone()
                formaction=on_page.then(|| page_action.clone())
                formmethod=on_page.then_some("post")>
                {text.change_language}
            </button>
        </form>
    }
}
