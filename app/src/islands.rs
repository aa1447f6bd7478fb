//! The only parts of Pebble that ship code to the browser (Leptos
//! islands): everything else is rendered on the server alone. Each island
//! renders complete, working HTML on the server too, so every page works
//! with JavaScript off; in the browser it adds feedback without a round
//! trip. Their props travel in the page as JSON, so they stay small.

// `#[island]` generates a struct for the props it serializes into the
// page, where doc comments cannot go; each island's own docs say what its
// props mean.
#[allow(missing_docs)]
pub mod amount;
#[allow(missing_docs)]
pub mod ballot;
pub mod browser;
#[allow(missing_docs)]
pub mod code_field;
#[allow(missing_docs)]
pub mod limit;
#[allow(missing_docs)]
pub mod password;
#[allow(missing_docs)]
pub mod receipt_check;
pub mod submit;

pub use amount::AmountField;
pub use ballot::BallotForm;
pub use code_field::CodeField;
pub use limit::LimitedText;
pub use password::PasswordField;
pub use receipt_check::ReceiptCheck;

use leptos::prelude::*;

/// A signal that turns true once the island runs in the browser: the
/// server renders (and the browser first hydrates) the `false` state, so
/// nothing promises interactivity that JavaScript-off readers lack.
pub fn in_browser() -> ReadSignal<bool> {
    let (running, set_running) = signal(false);
    Effect::new(move |_| set_running.set(true));
    running
}

/// In the browser, the error a plain form post left in the page's address
/// (`?__path=…&__err=…`), given to the island's server actions as the
/// router gives it to them on the server: an island that was posted
/// before it hydrated shows the same message the server rendered.
pub fn action_error_from_address() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let Ok(search) = window().location().search() else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return;
        };
        if let (Some(path), Some(err)) = (params.get("__path"), params.get("__err")) {
            provide_context(leptos::server::ServerActionError::new(&path, &err));
        }
    }
}
