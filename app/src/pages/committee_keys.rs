//! `/committee/keys`: a committee member's own certification key and
//! their tie-break commitments. The key is made in the browser (the
//! [`KeyMaker`] island) or offline with `pebble-verify keygen`; either
//! way the server only ever receives its public half.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::committee::{CommitTiebreak, KeyPage, RegisterKey, SeatRow, key_desk};
use crate::components::committee_key::{KeyMaker, KeyTask, KeyTools, KeyUse};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::log_witness::WitnessStep;
use crate::error::AppError;
use crate::i18n::{t, tc, tw};

/// `/committee/keys`.
#[component]
pub fn CommitteeKeysPage() -> impl IntoView {
    let text = tc();
    let desk = Resource::new(|| (), |_| key_desk());
    let query = use_query_map().get_untracked();
    let said = if query.get_str("registered").is_some() {
        Some(text.key_saved)
    } else if query.get_str("committed").is_some() {
        Some(text.committed_notice)
    } else if query.get_str("cosigned").is_some() {
        Some(tw().cosigned_notice)
    } else {
        None
    };
    view! {
        <Title text=text.keys_title />
        <section class="narrow committee-keys" aria-labelledby="keys-heading">
            <h1 id="keys-heading">{text.keys_title}</h1>
            {said.map(|said| view! { <p class="notice outcome" role="status">{said}</p> })}
            <p>{text.keys_intro}</p>
            <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let desk = desk.await?;
                        Ok::<_, AppError>(view! { <Desk desk /> })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Desk(desk: KeyPage) -> impl IntoView {
    let text = tc();
    let register = ServerAction::<RegisterKey>::new();
    let has_key = desk.key.is_some();
    view! {
        <KeyTools />
        {match desk.key.clone() {
            Some((key, when)) => view! { <p class="key-status">{(text.key_registered)(&when, &key)}</p> }.into_any(),
            None => view! { <p class="key-status notice">{text.no_key}</p> }.into_any(),
        }}
        <h2>{if has_key { text.replace_heading } else { text.make_heading }}</h2>
        {has_key.then(|| view! { <p class="hint">{text.replace_help}</p> })}
        <KeyMaker owner=desk.username.clone() form="register-key".to_owned() />
        <ActionError action=register />
        <ActionForm action=register attr:id="register-key" attr:class="stacked offline">
            <p class="hint"><code>{(text.keygen_offline)(&desk.username)}</code></p>
            <label for="register-key-public">{text.public_key_label}</label>
            <input id="register-key-public" name="public_key" required autocomplete="off"
                spellcheck="false" pattern="[0-9a-fA-F]{64}" class="hex-input" />
            <button type="submit">{text.register_button}</button>
        </ActionForm>
        <h2>{text.cycles_heading}</h2>
        {if desk.seats.is_empty() {
            view! { <p>{text.no_cycles}</p> }.into_any()
        } else {
            view! {
                <ul class="seats">
                    {desk.seats.into_iter().map(|seat| view! { <Seat seat has_key /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Seat(seat: SeatRow, has_key: bool) -> impl IntoView {
    let text = tc();
    let commit = ServerAction::<CommitTiebreak>::new();
    let form = format!("commit-{}", seat.cycle_id);
    let (key_form, form_id) = (form.clone(), form.clone());
    let (salt_id, commitment_id) = (format!("{form}-salt"), format!("{form}-commitment"));
    let status = if seat.committed {
        text.committed
    } else {
        text.not_committed
    };
    view! {
        <li class="seat">
            <h3>{seat.name.clone()}" · "{seat.phase.clone()}</h3>
            {if seat.frozen {
                view! {
                    <p>{text.frozen_notice}</p>
                    {seat.witness.clone().map(|task| view! { <WitnessStep task nested=true /> })}
                    {seat.counting.then(|| view! {
                        <p><a class="button" href=format!("/committee/count?cycle={}", seat.cycle_id)>{text.go_count}</a></p>
                    })}
                }.into_any()
            } else {
                view! {
                    <p class="hint">{text.commit_help}</p>
                    <p class="commit-status">{status}</p>
                    {has_key.then(|| view! {
                        <KeyUse task=KeyTask::Commit form=key_form public_key=None button=text.commit_button.to_owned() />
                    })}
                    <ActionError action=commit />
                    <ActionForm action=commit attr:id=form_id attr:class="stacked offline">
                        <input type="hidden" name="cycle" value=seat.cycle_id />
                        <p class="hint"><code>{text.commit_offline}</code></p>
                        <label for=salt_id.clone()>{text.salt_label}</label>
                        <input id=salt_id name="salt" required autocomplete="off"
                            spellcheck="false" pattern="[0-9a-fA-F]{32}" class="hex-input" />
                        <label for=commitment_id.clone()>{text.commitment_label}</label>
                        <input id=commitment_id name="commitment" required autocomplete="off"
                            spellcheck="false" pattern="[0-9a-fA-F]{64}" class="hex-input" />
                        <button type="submit">{text.send_commitment}</button>
                    </ActionForm>
                }.into_any()
            }}
        </li>
    }
}
