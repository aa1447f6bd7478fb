//! "Check my receipt": the browser fetches the log's evidence for the
//! receipt's entry and verifies it itself with `counting::receipt` (the
//! checkpoint's signature with the frozen manifest's log key, the leaf,
//! the inclusion proof, and the consistency proof from the receipt's own
//! checkpoint), then shows the ballot the log holds and the checkpoint
//! to compare with the one posted at school.

use counting::Ballot;
use counting::merkle::{bytes_from_hex, from_hex};
use counting::receipt::{Claim, Evidence, ReceiptError, Verified, verify};
use leptos::either::Either;
use leptos::prelude::*;
use serde::Deserialize;

use crate::api::receipts::{ServedEvidence, receipt_evidence};
use crate::i18n::{VoteStrings, tv};
use crate::islands::in_browser;

/// A receipt as pasted: the downloaded file, or its first fields only.
#[derive(Debug, Deserialize)]
struct Pasted {
    cycle: i32,
    index: u64,
    leaf_hash: String,
    tree_size: Option<u64>,
    signed_note: Option<String>,
}

/// What a check found.
#[derive(Clone, Debug)]
enum Found {
    Ok(Box<Verified>, String),
    Refused(String),
}

fn evidence_of(served: &ServedEvidence) -> Option<Evidence> {
    let hashes = |list: &[String]| list.iter().map(|h| from_hex(h)).collect::<Option<Vec<_>>>();
    Some(Evidence {
        manifest: bytes_from_hex(&served.manifest)?,
        checkpoint: served.checkpoint.clone(),
        entry: bytes_from_hex(&served.entry)?,
        inclusion: hashes(&served.inclusion)?,
        consistency: hashes(&served.consistency)?,
    })
}

async fn check(text: &'static VoteStrings, typed: String) -> Found {
    let pasted: Pasted = match serde_json::from_str(typed.trim()) {
        Ok(pasted) => pasted,
        Err(_) => return Found::Refused(text.receipt_unreadable.to_owned()),
    };
    let Some(leaf) = from_hex(pasted.leaf_hash.trim()) else {
        return Found::Refused(text.receipt_unreadable.to_owned());
    };
    let checkpoint = pasted.signed_note.filter(|n| !n.trim().is_empty());
    let from = checkpoint.as_ref().and(pasted.tree_size);
    let served = match receipt_evidence(pasted.cycle, pasted.index, from).await {
        Ok(served) => served,
        Err(error) => return Found::Refused(error.message().to_owned()),
    };
    let Some(evidence) = evidence_of(&served) else {
        return Found::Refused((text.receipt_problem)(&ReceiptError::OtherLeaf));
    };
    let claim = Claim {
        index: pasted.index,
        leaf,
        checkpoint,
    };
    match verify(&claim, &evidence) {
        Ok(verified) => Found::Ok(Box::new(verified), served.checkpoint),
        Err(error) => Found::Refused((text.receipt_problem)(&error)),
    }
}

/// The ballot the log holds, in words.
fn ballot_lines(verified: &Verified) -> (bool, Vec<String>) {
    let frozen = &verified.manifest;
    let title = |id: &counting::ProjectId| {
        frozen
            .manifest
            .index_of(id)
            .and_then(|i| frozen.titles.get(i).cloned())
            .unwrap_or_else(|| id.as_str().to_owned())
    };
    match &verified.entry.ballot {
        Ballot::Approval(set) => (false, set.iter().map(title).collect()),
        Ballot::Ranked(order) => (true, order.iter().map(title).collect()),
        Ballot::Allocation(points) => (
            false,
            points
                .iter()
                .map(|(id, p)| format!("{}: {p}", title(id)))
                .collect(),
        ),
    }
}

/// Puts the text of the file chosen in the input that fired `event`
/// into `into`.
fn read_file(event: leptos::ev::Event, into: RwSignal<String>) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            if let Some(text) = read.ok().and_then(|text| text.as_string()) {
                into.set(text);
            }
        });
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = (event, into);
}

/// The receipt field, the check button and what the check found.
#[island]
pub fn ReceiptCheck(initial: String) -> impl IntoView {
    let text = tv();
    let running = in_browser();
    let typed = RwSignal::new(initial.clone());
    let found = RwSignal::new(None::<Found>);
    let busy = RwSignal::new(false);
    let run = move || {
        busy.set(true);
        found.set(None);
        let now = typed.get_untracked();
        leptos::task::spawn_local(async move {
            found.set(Some(check(text, now).await));
            busy.set(false);
        });
    };
    let result = move || {
        found.get().map(|found| match found {
            Found::Ok(verified, note) => {
                let (ordered, lines) = ballot_lines(&verified);
                let items = lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
                Either::Left(view! {
                    <section class="check-result ok" role="status">
                        <h2>{text.receipt_ok}</h2>
                        <ul class="verified">
                            <li>{text.verified_signature}</li>
                            <li>{(text.verified_inclusion)(verified.entry_index(), verified.head.size)}</li>
                            {verified.receipt_head.map(|old| view! {
                                <li>{(text.verified_consistency)(old.size, verified.head.size)}</li>
                            })}
                            <li>{text.verified_manifest}</li>
                        </ul>
                        <h3>{text.ballot_in_log}</h3>
                        {if ordered { Either::Left(view! { <ol>{items}</ol> }) } else { Either::Right(view! { <ul>{items}</ul> }) }}
                        <p>{text.compare_checkpoint}</p>
                        <pre class="note">{note}</pre>
                    </section>
                })
            }
            Found::Refused(reason) => Either::Right(view! {
                <section class="check-result refused" role="alert">
                    <h2>{text.receipt_rejected}</h2>
                    <p>{reason}</p>
                </section>
            }),
        })
    };
    view! {
        <div class="receipt-check stacked">
            <label for="receipt-text">{text.receipt_label}</label>
            <textarea id="receipt-text" name="receipt" rows="8" spellcheck="false"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))>{initial}</textarea>
            {move || running.get().then(|| view! {
                <label for="receipt-file">{text.receipt_file}</label>
                <input id="receipt-file" type="file" accept=".json,application/json,text/plain"
                    on:change=move |ev| read_file(ev, typed) />
                <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| run()>
                    {move || if busy.get() { text.checking } else { text.check }}
                </button>
            })}
            {move || (!running.get()).then(|| view! { <p class="notice">{text.receipt_needs_script}</p> })}
            {result}
        </div>
    }
}
