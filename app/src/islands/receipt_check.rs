//! "Check my receipt" in the browser: the voter pastes the receipt,
//! chooses the downloaded file, or types a tracker code or a paper
//! serial; the browser fetches the log's evidence and verifies it itself
//! ([`crate::components::receipt_check`], the `counting` crate in wasm).
//! Without JavaScript the same form posts to `/receipt` and the server
//! runs the same check, and says so.

use leptos::prelude::*;

use crate::ModuleFiles;
use crate::components::receipt_check::{Checked, CheckedView, check};
use crate::i18n::tv;
use crate::islands::{browser, in_browser};

/// The receipt field, the check button and what the check found. It
/// lives in the form with id `form`, whose `cycle` field names the cycle
/// for a tracker code or serial; `verifier` is where the receipt check's
/// module is, loaded when a voter checks.
#[island]
pub fn ReceiptCheck(initial: String, form: String, verifier: ModuleFiles) -> impl IntoView {
    let text = tv();
    let running = in_browser();
    let typed = RwSignal::new(initial.clone());
    let found = RwSignal::new(None::<Checked>);
    let busy = RwSignal::new(false);
    let kept_form = form.clone();
    Effect::new(move |_| {
        // The receipt this tab kept when it cast, if any.
        let cycle = browser::field(&kept_form, "cycle").and_then(|c| c.trim().parse().ok());
        if typed.get_untracked().trim().is_empty()
            && let Some(receipt) = cycle
                .and_then(crate::islands::ballot::load)
                .and_then(|k| k.receipt)
        {
            typed.set(receipt.to_file());
        }
    });
    let verifier = StoredValue::new(verifier);
    let run = move || {
        busy.set(true);
        found.set(None);
        let now = typed.get_untracked();
        let cycle = browser::field(&form, "cycle").and_then(|c| c.trim().parse().ok());
        leptos::task::spawn_local(async move {
            let verifier = verifier.get_value();
            found.set(Some(check(text, &verifier, &now, cycle).await));
            busy.set(false);
        });
    };
    view! {
        <div class="receipt-check stacked">
            <label for="receipt-text">{text.receipt_label}</label>
            <textarea id="receipt-text" name="receipt" rows="8" spellcheck="false"
                aria-describedby="receipt-text-help"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))>{initial}</textarea>
            <p id="receipt-text-help" class="hint">{text.receipt_text_help}</p>
            {move || running.get().then(|| view! {
                <label for="receipt-file">{text.receipt_file}</label>
                <input id="receipt-file" type="file" accept=".json,.tlog-proof,application/json,text/plain"
                    on:change=move |ev| browser::read_file(ev, typed) />
            })}
            <button type=move || if running.get() { "button" } else { "submit" } class="primary"
                disabled=move || busy.get()
                on:click=move |ev| {
                    if running.get_untracked() {
                        ev.prevent_default();
                        run();
                    }
                }>
                {move || if busy.get() { text.checking } else { text.check }}
            </button>
            {move || found.get().map(|checked| view! { <CheckedView checked by_server=false /> })}
        </div>
    }
}
