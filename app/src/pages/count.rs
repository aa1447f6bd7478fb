//! `/committee/count`: the committee's count of a cycle whose voting has
//! closed. First the public entropy, entered once at the certification
//! meeting; then the record to review (what was funded, the transcript,
//! turnout, the record hash) with each member's decision, and the forms
//! to certify it or object. Plain forms: every post comes back here by a
//! redirect that says what happened.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::count::{CountState, CycleCount, DecideRecord, EnterEntropy, Review, count_desk};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{CountStrings, t, tc};

/// What the address reports about the last post.
fn outcome(text: &CountStrings) -> Option<&'static str> {
    let query = use_query_map().get_untracked();
    if query.get_str("published").is_some() {
        return Some(text.published);
    }
    match query.get_str("decided") {
        Some("certify") => Some(text.decided_certify),
        Some("object") => Some(text.decided_object),
        _ => query.get_str("counted").map(|_| text.counted),
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
            CountState::Entropy { ballots } => view! { <EntropyForm cycle_id ballots /> }.into_any(),
            CountState::Review(review) => view! {
                <h2>{text.review_heading}</h2>
                <p class="hint">{text.review_help}</p>
                <RecordView review=(*review).clone() />
                <DecideForms cycle_id record_hash=review.record_hash.clone() />
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

#[component]
fn EntropyForm(cycle_id: i32, ballots: u64) -> impl IntoView {
    let text = tc();
    let enter = ServerAction::<EnterEntropy>::new();
    view! {
        <h2 id="entropy-heading">{text.entropy_heading}</h2>
        <p>{(text.ballots_sealed)(ballots)}</p>
        <p class="hint">{text.entropy_help}</p>
        <ActionError action=enter />
        <ActionForm action=enter attr:class="stacked" attr:aria-labelledby="entropy-heading">
            <input type="hidden" name="cycle" value=cycle_id />
            <label for="entropy">{text.entropy_label}</label>
            <input id="entropy" name="entropy" required maxlength="200" autocomplete="off" />
            <button type="submit" class="primary">{text.entropy_button}</button>
        </ActionForm>
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
            <dt>{text.entropy_shown}</dt>
            <dd><code>{review.entropy.clone()}</code></dd>
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
                        view! { <li><strong>{d.name}</strong>" "{word}" · "<time>{d.at}</time>{reason}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn DecideForms(cycle_id: i32, record_hash: String) -> impl IntoView {
    let text = tc();
    let certify = ServerAction::<DecideRecord>::new();
    let object = ServerAction::<DecideRecord>::new();
    let certified_hash = record_hash.clone();
    view! {
        <ActionError action=certify />
        <ActionForm action=certify attr:class="stacked">
            <input type="hidden" name="cycle" value=cycle_id />
            <input type="hidden" name="record_hash" value=certified_hash />
            <input type="hidden" name="decision" value="certify" />
            <button type="submit" class="primary">{text.certify_button}</button>
        </ActionForm>
        <ActionError action=object />
        <ActionForm action=object attr:class="stacked">
            <input type="hidden" name="cycle" value=cycle_id />
            <input type="hidden" name="record_hash" value=record_hash />
            <input type="hidden" name="decision" value="object" />
            <label for="objection">{text.object_label}</label>
            <input id="objection" name="reason" required maxlength="300" />
            <button type="submit">{text.object_button}</button>
        </ActionForm>
    }
}
