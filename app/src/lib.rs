//! Pebble's user interface: a Leptos app rendered on the server (`ssr`),
//! in islands mode: only the components in [`islands`] are compiled for
//! the browser (`hydrate`) and made interactive there; every other part
//! of a page is HTML from the server, with forms that post plainly.

// The islands' views are typed (no boxed `AnyView`, whose hydration code
// every page would download), so their types nest deeper than the default.
#![recursion_limit = "256"]

pub mod address;
pub mod api;
pub mod ballot_box;
pub mod components;
pub mod error;
pub mod i18n;
pub mod islands;
pub mod pages;
pub mod site;

pub use pebble_domain as domain;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::{SiteFooter, SiteHeader};
use crate::components::session::Session;
use crate::i18n::request_lang;
use crate::pages::{
    account::AccountPage,
    admin::AdminPage,
    admin::cycle_editor::{EditCyclePage, NewCyclePage},
    committee_keys::CommitteeKeysPage,
    count::CountPage,
    home::HomePage,
    join::JoinPage,
    new_proposal::NewProposalPage,
    not_found::NotFound,
    paper::{PaperDeskPage, print::PaperPrintPage},
    proposal::ProposalRoute,
    receipt::ReceiptPage,
    results::ResultsPage,
    sign_in::SignInPage,
    vote::{VotePage, ballot::BallotPage, cast::CastPage, review::ReviewPage},
};

/// A wasm module of its own (a page's tool beside the islands): its
/// JavaScript and its wasm.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModuleFiles {
    /// The JavaScript module's address.
    pub module: String,
    /// The wasm's address.
    pub wasm: String,
}

impl ModuleFiles {
    /// `/pkg/<name>.js` and `/pkg/<name>.wasm`, or with `.<hash>` before
    /// the extension when the build hashed them.
    pub fn named(name: &str, js: Option<&str>, wasm: Option<&str>) -> ModuleFiles {
        let at = |hash: Option<&str>, ext: &str| match hash {
            Some(hash) => format!("/pkg/{name}.{hash}.{ext}"),
            None => format!("/pkg/{name}.{ext}"),
        };
        ModuleFiles {
            module: at(js, "js"),
            wasm: at(wasm, "wasm"),
        }
    }
}

/// Where the compiled files are: `/pkg/pebble.<hash>.css` and the like
/// in a build that content-hashes its files (the server reads the hashes
/// from the site's `hash.txt`), else `/pkg/pebble.css`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteAssets {
    /// The stylesheet's address.
    pub stylesheet: String,
    /// The committee key tools (`keytools/`).
    pub keytools: ModuleFiles,
    /// The receipt check's verifier (`receipt-check/`).
    pub receipt_check: ModuleFiles,
}

impl Default for SiteAssets {
    fn default() -> Self {
        SiteAssets {
            stylesheet: "/pkg/pebble.css".to_owned(),
            keytools: ModuleFiles::named("keytools", None, None),
            receipt_check: ModuleFiles::named("receiptcheck", None, None),
        }
    }
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=request_lang().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: site layout around the routed pages.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = request_lang();
    provide_context(lang);
    Session::provide();
    let text = lang.strings();
    let assets = use_context::<SiteAssets>().unwrap_or_default();
    view! {
        <Stylesheet id="pebble" href=assets.stylesheet />
        <Title formatter=|page: String| format!("{page} · Pebble") />
        <Router>
            <a class="skip-link" href="#main">{text.skip_to_content}</a>
            <SiteHeader />
            <main id="main">
                // Async: the whole page is rendered before it is sent, so it
                // is complete without JavaScript (streamed chunks need JS).
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/proposals/new") view=NewProposalPage ssr=SsrMode::Async />
                    <Route path=path!("/proposals/:id") view=ProposalRoute ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/cycles/new") view=NewCyclePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/cycles/:id") view=EditCyclePage ssr=SsrMode::Async />
                    <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/vote") view=VotePage ssr=SsrMode::Async />
                    <Route path=path!("/vote/ballot") view=BallotPage ssr=SsrMode::Async />
                    <Route path=path!("/vote/review") view=ReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/vote/cast") view=CastPage ssr=SsrMode::Async />
                    <Route path=path!("/receipt") view=ReceiptPage ssr=SsrMode::Async />
                    <Route path=path!("/committee/paper") view=PaperDeskPage ssr=SsrMode::Async />
                    <Route path=path!("/committee/paper/print") view=PaperPrintPage ssr=SsrMode::Async />
                    <Route path=path!("/committee/count") view=CountPage ssr=SsrMode::Async />
                    <Route path=path!("/committee/keys") view=CommitteeKeysPage ssr=SsrMode::Async />
                    <Route path=path!("/cycles/:id/results") view=ResultsPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// Browser entry point: readies the islands, which the loader script then
/// hydrates one by one.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A marker for the end-to-end tests (and curious auditors): the
    // loader hydrates the islands in microtasks right after this call, so
    // a task queued now runs once every island on the page is live.
    set_timeout(
        || {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("data-pebble-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
