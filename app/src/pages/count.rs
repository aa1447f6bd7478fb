//! `/committee/count`: the committee's count of a cycle whose voting has
//! closed. First each member reveals their tie-break secret (their key
//! file, in their browser: the [`KeyUse`] island); then the record to
//! review (what was funded, the transcript, turnout, the record hash)
//! with each member's decision, signed with their own key. Plain forms:
//! every post comes back here by a redirect that says what happened, and
//! each key step has a paste-in form for members who use `pebble-verify`
//! instead of JavaScript.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::count::{
    CountState, CycleCount, DecideRecord, RevealRow, RevealSecret, Revealing, Review, Signing,
    StartCount, count_desk,
};
use crate::components::committee_key::{KeyTask, KeyTools, KeyUse};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::log_witness::WitnessStep;
use crate::error::AppError;
use crate::i18n::{CountStrings, t, tc};

/// What the address reports about the last post.
fn outcome(text: &CountStrings) -> Option<&'static str> {
    let query = use_query_map().get_untracked();
    if query.get_str("published").is_some() {
        return Some(text.published);
    }
    if query.get_str("cosigned").is_some() {
        return Some(crate::i18n::tw().cosigned_notice);
    }
    match query.get_str("decided") {
        Some("certify") => Some(text.decided_certify),
        Some("object") => Some(text.decided_object),
        _ if query.get_str("counted").is_some() => Some(text.counted),
        _ => query.get_str("revealed").map(|_| text.revealed),
    }
}

/// `/committee/count`.
#[component]
pub fn CountPage() -> impl IntoView {
    let text = tc();
    let query = use_query_map();
    let cycle = move || query.with(|q| q.get_str("cycle").and_then(|c| c.trim().parse().ok()));
    let desk = Resource::new(cycle, count_desk);
    view! {
        <Title text=text.title />
        <section class="narrow count-desk" aria-labelledby="count-heading">
            <h1 id="count-heading">{text.title}</h1>
            <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        Ok::<_, AppError>(match desk.await? {
                            Err(cycles) if cycles.is_empty() => {
                                view! { <p class="notice">{text.none_counting}</p> }.into_any()
                            }
                            Err(cycles) => view! {
                                <p>{text.choose}</p>
                                <ul class="cycle-choice">
                                    {cycles.into_iter().map(|(id, name)| view! {
                                        <li><a href=format!("/committee/count?cycle={id}")>{name}</a></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Ok(desk) => view! { <DeskView desk /> }.into_any(),
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn DeskView(desk: CycleCount) -> impl IntoView {
    let text = tc();
    let CycleCount {
        cycle_id,
        cycle_name,
        state,
    } = desk;
    view! {
        <p class="cycle-name">{cycle_name}</p>
        {outcome(text).map(|said| view! { <p class="notice outcome" role="status">{said}</p> })}
        {match state {
            CountState::Revealing(revealing) => view! { <RevealStep cycle_id revealing=*revealing /> }.into_any(),
            CountState::Review(review, signing) => view! {
                <h2>{text.review_heading}</h2>
                <p class="hint">{text.review_help}</p>
                <RecordView review=(*review).clone() />
                <DecideForms cycle_id record_hash=review.record_hash.clone() signing=*signing />
            }.into_any(),
            CountState::Certified(review) => view! {
                <p class="notice">
                    {text.certified_notice}" "
                    <a href=format!("/cycles/{cycle_id}/results")>{t().see_results}</a>
                </p>
                <RecordView review=*review />
            }.into_any(),
        }}
    }
}

/// Each member's reveal, in words.
fn reveal_list(members: Vec<RevealRow>) -> impl IntoView {
    let text = tc();
    view! {
        <ul class="reveals">
            {members.into_iter().map(|m| {
                let word = match (m.committed, m.secret.is_some()) {
                    (false, _) => text.no_commitment_word,
                    (true, true) => text.revealed_word,
                    (true, false) => text.not_revealed_word,
                };
                view! { <li><strong>{m.name}</strong>": "{word}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn RevealStep(cycle_id: i32, revealing: Revealing) -> impl IntoView {
    let text = tc();
    let reveal = ServerAction::<RevealSecret>::new();
    let start = ServerAction::<StartCount>::new();
    let revealed = revealing
        .members
        .iter()
        .filter(|m| m.secret.is_some())
        .count();
    let can_start = revealed >= revealing.needed;
    let form = "reveal-form".to_owned();
    let needs_key = revealing.your_salt.is_some()
        || revealing
            .your_witness
            .as_ref()
            .is_some_and(|task| !task.done);
    view! {
        {needs_key.then(|| view! { <KeyTools /> })}
        {revealing.your_witness.clone().map(|task| view! { <WitnessStep task nested=false /> })}
        <h2 id="reveal-heading">{text.reveal_heading}</h2>
        <p>{(text.ballots_sealed)(revealing.ballots)}</p>
        {revealing.witnesses.map(|(rows, met)| view! {
            <h3>{text.witnesses_heading}</h3>
            <ul class="witnesses">
                {rows.into_iter().map(|(name, cosigned)| view! {
                    <li>{(text.witness_row)(&name, cosigned)}</li>
                }).collect_view()}
            </ul>
            <p class=if met { "notice" } else { "hint" }>
                {if met { text.witnessed } else { text.not_yet_witnessed }}
            </p>
        })}
        <p class="hint">{text.reveal_help}</p>
        {reveal_list(revealing.members)}
        <p class="progress">{(text.reveals_status)(revealed, revealing.needed)}</p>
        {match revealing.your_salt {
            Some(salt) => view! {
                <KeyUse task=KeyTask::Reveal { salt: salt.clone() } form=form.clone() public_key=None
                    button=text.reveal_button.to_owned() />
                <ActionError action=reveal />
                <ActionForm action=reveal attr:id=form attr:class="stacked offline" attr:aria-labelledby="reveal-heading">
                    <input type="hidden" name="cycle" value=cycle_id />
                    <p class="hint"><code>{(text.reveal_offline)(&salt)}</code></p>
                    <label for="reveal-secret">{text.secret_label}</label>
                    <input id="reveal-secret" name="secret" required autocomplete="off" spellcheck="false"
                        pattern="[0-9a-fA-F]{64}" class="hex-input" />
                    <button type="submit">{text.reveal_button}</button>
                </ActionForm>
            }.into_any(),
            None => view! { <p class="notice">{text.you_revealed}</p> }.into_any(),
        }}
        {can_start.then(|| view! {
            <p class="hint">{(text.start_help)(revealing.needed)}</p>
            <ActionError action=start />
            <ActionForm action=start attr:class="stacked">
                <input type="hidden" name="cycle" value=cycle_id />
                <button type="submit">{text.start_button}</button>
            </ActionForm>
        })}
    }
}

/// A hash in groups of eight for reading aloud and comparing.
fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The record: hash, seed inputs, funded projects, transcript, turnout
/// and decisions.
#[component]
fn RecordView(review: Review) -> impl IntoView {
    let text = tc();
    let [group, issued, used] = text.turnout_columns;
    view! {
        <dl class="record-facts">
            <dt>{text.hash_label}</dt>
            <dd><code class="hash">{grouped(&review.record_hash)}</code></dd>
            <dt>{text.reveals_label}</dt>
            <dd>{reveal_list(review.reveals.clone())}</dd>
            <dt>{text.root_label}</dt>
            <dd><code class="hash">{grouped(&review.sealed_root)}</code></dd>
            <dt>{text.seed_label}</dt>
            <dd><code class="hash">{grouped(&review.seed)}</code></dd>
        </dl>
        {(review.imported == 0 || review.online + review.paper > 0)
            .then(|| view! { <p>{(text.ballots)(review.online, review.paper)}</p> })}
        {(review.imported > 0).then(|| view! { <p>{(text.imported)(review.imported)}</p> })}
        <h3>{text.funded_heading}</h3>
        <p>{(text.spent)(&review.spent, &review.budget)}</p>
        <ol class="funded">
            {review.funded.into_iter().map(|f| view! {
                <li>{f.title}" · "{f.cost}</li>
            }).collect_view()}
        </ol>
        <h3>{text.turnout_heading}</h3>
        <table class="turnout">
            <thead><tr><th scope="col">{group}</th><th scope="col">{issued}</th><th scope="col">{used}</th></tr></thead>
            <tbody>
                {review.turnout.into_iter().map(|(name, issued, used)| view! {
                    <tr><th scope="row">{name}</th><td>{issued}</td><td>{used}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <details class="transcript">
            <summary>{text.transcript_heading}</summary>
            // Focusable: it scrolls sideways on a phone, and keyboard
            // users must be able to scroll it too.
            <pre tabindex="0">{review.transcript}</pre>
        </details>
        <h3>{text.decisions_heading}</h3>
        <p class="progress">{(text.progress)(review.certified, review.needed, review.committee, review.objections)}</p>
        {if review.decisions.is_empty() {
            view! { <p class="hint">{text.decisions_none}</p> }.into_any()
        } else {
            view! {
                <ul class="decisions">
                    {review.decisions.into_iter().map(|d| {
                        let word = if d.certify { text.certified_word } else { text.objected_word };
                        let reason = (!d.reason.is_empty()).then(|| format!(": {}", d.reason));
                        let shown = format!("{} UTC", d.at.replace('T', " ").trim_end_matches('Z'));
                        view! { <li><strong>{d.name}</strong>" "{word}" · "<time datetime=d.at>{shown}</time>{reason}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn DecideForms(cycle_id: i32, record_hash: String, signing: Signing) -> impl IntoView {
    let text = tc();
    let certify = ServerAction::<DecideRecord>::new();
    let object = ServerAction::<DecideRecord>::new();
    let pasted = ServerAction::<DecideRecord>::new();
    let task = move |decision| KeyTask::Sign {
        origin: signing.origin.clone(),
        member: signing.member,
        record_hash: record_hash.clone(),
        decision,
    };
    let key = Some(signing.public_key.clone());
    let object_key = key.clone();
    let (certify_task, object_task) = (
        task(counting::record::Decision::Certify),
        task(counting::record::Decision::Object),
    );
    let record_address = format!("/api/committee-record?cycle={cycle_id}");
    view! {
        <KeyTools />
        <p class="hint">{text.sign_help}</p>
        <ActionError action=certify />
        <ActionForm action=certify attr:id="certify-form" attr:class="stacked">
            <input type="hidden" name="cycle" value=cycle_id />
            <input type="hidden" name="note" value="" />
            <KeyUse task=certify_task form="certify-form".to_owned()
                public_key=key button=text.certify_button.to_owned() />
        </ActionForm>
        <ActionError action=object />
        <details class="object">
        <summary>{text.object_summary}</summary>
        <ActionForm action=object attr:id="object-form" attr:class="stacked">
            <input type="hidden" name="cycle" value=cycle_id />
            <input type="hidden" name="note" value="" />
            <label for="objection">{text.object_label}</label>
            <input id="objection" name="reason" maxlength="300" />
            <KeyUse task=object_task form="object-form".to_owned()
                public_key=object_key button=text.object_button.to_owned() />
        </ActionForm>
        </details>
        <ActionError action=pasted />
        <ActionForm action=pasted attr:id="paste-form" attr:class="stacked offline">
            <input type="hidden" name="cycle" value=cycle_id />
            <p class="hint">
                {(text.sign_offline)(&record_address)}" "
                <a href=record_address.clone() download=format!("pebble-record-{cycle_id}.json")>{text.download_record}</a>
            </p>
            <label for="decision-note">{text.note_label}</label>
            <textarea id="decision-note" name="note" rows="8" required spellcheck="false"></textarea>
            <button type="submit">{text.send_note}</button>
        </ActionForm>
    }
}
