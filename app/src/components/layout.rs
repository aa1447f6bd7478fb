//! The site header and footer on every page.

use leptos::prelude::*;

use crate::components::language::LanguageSwitch;
use crate::components::session::use_session;
use crate::domain::Role;
use crate::i18n::t;

/// Site name, who is signed in, and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let text = t();
    let session = use_session();
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    // A voting page's state lives in its posted form ("vote-form"): the
    // switch posts that form to keep the code and the ballot.
    let page_form = crate::pages::vote::posted::POSTED_PAGES
        .contains(&path.as_str())
        .then(|| "vote-form".to_owned());
    let back = move || {
        let search = location.search.get_untracked();
        if search.is_empty() {
            location.pathname.get_untracked()
        } else {
            format!("{}?{search}", location.pathname.get_untracked())
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Pebble"
            </a>
            <span class="tagline">{text.tagline}</span>
            <nav class="account" aria-label=text.account_menu>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match session.viewer.await {
                            Ok(Some(viewer)) => view! {
                                <span class="viewer">{format!("{} {}", text.signed_in_as, viewer.name)}</span>
                                <a href="/account">{text.account_title}</a>
                                {(viewer.role == Role::Admin).then(|| view! { <a href="/admin">{text.admin_link}</a> })}
                                {(viewer.role == Role::Committee).then(|| view! {
                                    <a href="/committee/paper">{crate::i18n::tp().desk_title}</a>
                                    <a href="/committee/count">{crate::i18n::tc().title}</a>
                                    <a href="/committee/keys">{crate::i18n::tc().keys_link}</a>
                                })}
                                <ActionForm action=session.sign_out attr:class="inline">
                                    <button type="submit" class="link-button">{text.sign_out}</button>
                                </ActionForm>
                            }.into_any(),
                            _ => view! { <a href="/sign-in">{text.sign_in}</a> }.into_any(),
                        }
                    })}
                </Suspense>
                <LanguageSwitch back=back() page_form=page_form.clone() page_action=path.clone() />
            </nav>
        </header>
    }
}

/// What Pebble is, in one line.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t().footer}</p>
        </footer>
    }
}
