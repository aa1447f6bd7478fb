//! The ballot island's review step: the ballot in words, "change" and
//! "cast my ballot", and the cast itself. An answer lost on the way (the
//! network dropped, the server was restarting) is not cast again: the
//! island rebuilds its entry (manifest hash, its own nonce, the ballot),
//! and asks the log where that leaf is. If the log holds it, the ballot
//! was cast and the receipt is made from the log's answer.

use std::sync::Arc;

use counting::encoding::Entry;
use counting::merkle::{from_hex, leaf_hash, to_hex};
use leptos::either::Either;
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::{BallotSheet, cast_ballot, find_entry};
use crate::ballot_box::Receipt;
use crate::components::ballot::{BallotSummary, check};
use crate::i18n::{VoteStrings, tv};

/// The entry the ballot makes with `nonce` (hex), as the server will
/// append it.
fn entry_of(
    sheet: &BallotSheet,
    fields: &BallotFields,
    nonce: &str,
    text: &VoteStrings,
) -> Option<Vec<u8>> {
    let ballot = check(sheet, fields, text).ok()?;
    let nonce: [u8; 16] = counting::merkle::bytes_from_hex(nonce)?.try_into().ok()?;
    Some(
        Entry {
            manifest_hash: from_hex(&sheet.manifest_hash)?,
            nonce,
            ballot,
        }
        .encode(),
    )
}

/// Casts, and after a lost answer looks for the entry in the log.
async fn cast(
    sheet: Arc<BallotSheet>,
    fields: BallotFields,
    code: String,
    nonce: String,
    text: &'static VoteStrings,
) -> Result<Receipt, String> {
    let answer = cast_ballot(
        sheet.cycle_id,
        code,
        Some(nonce.clone()),
        Some(fields.choices.clone()),
        Some(fields.ranks.clone()),
        Some(fields.points.clone()),
    )
    .await;
    let error = match answer {
        Ok(receipt) => return Ok(receipt),
        Err(error) => error,
    };
    // A refusal in words (4xx other than a busy server) is final.
    let lost = error.status().is_server_error() || error.status().as_u16() == 0;
    let Some(entry) = entry_of(&sheet, &fields, &nonce, text).filter(|_| lost) else {
        return Err(error.message().to_owned());
    };
    let leaf = leaf_hash(&entry);
    match find_entry(sheet.cycle_id, to_hex(&leaf)).await {
        Ok(Some(found)) => Ok(Receipt {
            cycle: sheet.cycle_id,
            index: found.index,
            leaf_hash: to_hex(&leaf),
            tracker: counting::tracker::tracker(&leaf),
            tree_size: found.tree_size,
            root_hash: found.root_hash,
            signed_note: found.signed_note,
            entry: to_hex(&entry),
        }),
        _ => Err(format!("{} {}", error.message(), text.try_again_safely)),
    }
}

/// The review step.
#[component]
pub fn Review(
    sheet: Arc<BallotSheet>,
    fields: RwSignal<BallotFields>,
    code: RwSignal<String>,
    nonce: RwSignal<String>,
    stage_casting: Signal<bool>,
    problem: RwSignal<Option<String>>,
    on_change: Callback<()>,
    on_cast: Callback<()>,
    on_cast_done: Callback<Result<Receipt, String>>,
) -> impl IntoView {
    let text = tv();
    let checked = check(&sheet, &fields.get_untracked(), text);
    let cast_sheet = sheet.clone();
    let run = move || {
        on_cast.run(());
        let (sheet, fields, code, nonce) = (
            cast_sheet.clone(),
            fields.get_untracked(),
            code.get_untracked(),
            nonce.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            on_cast_done.run(cast(sheet, fields, code, nonce, text).await);
        });
    };
    view! {
        <section class="ballot-review" aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1">{text.review_title}</h2>
            {match checked {
                Ok(ballot) => Either::Left(view! {
                    <BallotSummary sheet=(*sheet).clone() ballot />
                    {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                    <div class="ballot-actions">
                        <button type="button" class="secondary" disabled=move || stage_casting.get()
                            on:click=move |_| on_change.run(())>{text.change}</button>
                        <button type="button" class="primary cast-button" disabled=move || stage_casting.get()
                            on:click=move |_| run()>{move || if stage_casting.get() { text.casting } else { text.cast }}</button>
                    </div>
                }),
                Err(message) => Either::Right(view! {
                    <p class="error" role="alert">{text.cannot_cast}" "{message}</p>
                    <div class="ballot-actions">
                        <button type="button" class="primary"
                            on:click=move |_| on_change.run(())>{text.change}</button>
                    </div>
                }),
            }}
        </section>
    }
}
