//! `/vote/review`: the review that plain forms (JavaScript off) reach
//! from the ballot: the ballot in words, checked against the cycle's
//! limits, with "change" and "cast my ballot". It answers a post; a
//! ballot already cast (Back, then the browser's resubmit) shows its
//! receipt instead.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::posted::{Posted, VoteState};
use super::{hidden_inputs, vote_state};
use crate::api::vote::{BallotSheet, Opening, vote_start};
use crate::components::ballot::{BallotSummary, check};
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, tv};

/// What a posted voting page found.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Found {
    /// Nothing was posted, or no cycle is in voting.
    NotPosted(Option<i32>),
    /// The ballot, its state, and what became of it.
    Posted(Box<BallotSheet>, VoteState, Posting),
}

pub use crate::api::vote::Posting;

/// Loads the sheet of the posted cycle and runs `work` on the ballot.
pub async fn posted_ballot<F, Fut>(work: F) -> Result<Found, AppError>
where
    F: FnOnce(VoteState, BallotSheet) -> Fut,
    Fut: std::future::Future<Output = Result<Posting, AppError>>,
{
    let state = vote_state();
    if Posted::read().is_none() {
        return Ok(Found::NotPosted(state.cycle));
    }
    let Opening::Ballot(sheet) = vote_start(state.cycle).await? else {
        return Ok(Found::NotPosted(state.cycle));
    };
    let posting = work(state.clone(), (*sheet).clone()).await?;
    Ok(Found::Posted(sheet, state, posting))
}

/// `/vote/review`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let text = tv();
    let found = Resource::new(
        || (),
        |_| posted_ballot(|state, sheet| async move { review(&state, &sheet).await }),
    );
    view! {
        <Title text=text.review_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.review_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    Ok::<_, AppError>(match found.await? {
                        Found::NotPosted(cycle) => view! { <NotSent cycle /> }.into_any(),
                        Found::Posted(sheet, state, posting) => {
                            view! { <Outcome sheet=*sheet state posting /> }.into_any()
                        }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[cfg(feature = "ssr")]
async fn review(state: &VoteState, sheet: &BallotSheet) -> Result<Posting, AppError> {
    crate::api::vote::posted::review(state, sheet).await
}

#[cfg(not(feature = "ssr"))]
async fn review(_: &VoteState, _: &BallotSheet) -> Result<Posting, AppError> {
    Err(crate::error::internal("reviews are posted to the server"))
}

/// A voting page reached without its form: nothing was sent.
#[component]
pub fn NotSent(
    /// The cycle, if the address named one.
    cycle: Option<i32>,
) -> impl IntoView {
    let text = tv();
    let state = VoteState {
        cycle,
        ..VoteState::default()
    };
    view! {
        <p class="notice">{text.not_sent}</p>
        <p><a class="button primary" href=state.address("/vote")>{text.open_ballot}</a></p>
    }
}

/// What became of a posted ballot: its review (with the refusal, if
/// any), or its receipt.
#[component]
pub fn Outcome(
    /// The ballot's sheet.
    sheet: BallotSheet,
    /// The posted voting state.
    state: VoteState,
    /// What became of the ballot.
    posting: Posting,
) -> impl IntoView {
    match posting {
        Posting::Ready(nonce) => {
            let state = VoteState { nonce, ..state };
            view! { <Review sheet state problem=None /> }.into_any()
        }
        Posting::Refused(message, nonce) => {
            let state = VoteState { nonce, ..state };
            view! { <Review sheet state problem=Some(message) /> }.into_any()
        }
        Posting::Cast(receipt) => {
            view! { <super::cast::CastReceipt state receipt=*receipt before=false /> }.into_any()
        }
        Posting::AlreadyCast(receipt) => {
            view! { <super::cast::CastReceipt state receipt=*receipt before=true /> }.into_any()
        }
    }
}

#[component]
fn Review(sheet: BallotSheet, state: VoteState, problem: Option<String>) -> impl IntoView {
    let text = tv();
    let checked = check(&sheet, &state.fields, text);
    let change = view! {
        <form method="post" action="/vote/ballot" class="inline">
            {hidden_inputs(state.hidden_pairs())}
            <button type="submit" class=if checked.is_ok() { "secondary" } else { "primary" }>{text.change}</button>
        </form>
    };
    let body = match checked {
        Ok(ballot) => view! {
            <p class="not-cast" role="status">{text.not_cast_yet}</p>
            <BallotSummary sheet=sheet.clone() ballot />
            {problem.map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <div class="ballot-actions">
                {change}
                <form id="vote-form" method="post" action="/vote/cast" class="inline">
                    {hidden_inputs(state.hidden_pairs())}
                    <button type="submit" class="primary">{text.cast}</button>
                </form>
            </div>
        }
        .into_any(),
        Err(message) => view! {
            <p class="error" role="alert">{text.cannot_cast}" "{message}</p>
            <form id="vote-form" method="post" action="/vote/review" hidden>
                {hidden_inputs(state.hidden_pairs())}
            </form>
            <div class="ballot-actions">{change}</div>
        }
        .into_any(),
    };
    view! {
        <p class="cycle-name">{sheet.cycle_name.clone()}</p>
        {body}
    }
}
