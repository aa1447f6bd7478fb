//! The voting pages. Every form posts, so no code and no ballot travels
//! in an address:
//!
//! - `/vote`: the code step (typed, or filled in the browser from the
//!   code card's QR link, whose code is in the address's fragment, which
//!   no server sees). It posts to `/vote/ballot`.
//! - `/vote/ballot`: the ballot (the [`BallotForm`] island over a plain
//!   form). Posted, it checks the code first; reloaded (a GET), the island
//!   restores the ballot in progress, or the receipt, from the tab.
//! - `/vote/review` and `/vote/cast`: what plain forms reach with
//!   JavaScript off: the review, then the receipt, each the answer to a
//!   post, never stored by the browser.
//!
//! With `shared=1` in the address the pages run in shared-device mode for
//! class voting.

pub mod ballot;
pub mod cast;
pub mod posted;
pub mod review;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::vote::{Opening, vote_start};
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, tv};
use crate::islands::CodeField;
use posted::{Posted, VoteState};

/// Seconds without input before a shared device clears an unfinished
/// ballot, unless the address sets `idle` (10 to 600).
pub const IDLE_SECONDS: u64 = 120;

/// The voting state of this request: the posted form's, else the
/// address's (cycle and shared-device mode only).
pub fn vote_state() -> VoteState {
    if let Some(posted) = Posted::read() {
        return VoteState::of(&posted, IDLE_SECONDS);
    }
    let query = use_query_map().get_untracked();
    VoteState {
        cycle: query.get_str("cycle").and_then(|c| c.trim().parse().ok()),
        shared: query.get_str("shared") == Some("1"),
        idle: query
            .get_str("idle")
            .and_then(|s| s.trim().parse().ok())
            .map_or(IDLE_SECONDS, |s: u64| s.clamp(10, 600)),
        ..VoteState::default()
    }
}

/// The hidden inputs that carry `pairs` in a form.
pub fn hidden_inputs(pairs: Vec<(String, String)>) -> impl IntoView {
    pairs
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}

/// `/vote`.
#[component]
pub fn VotePage() -> impl IntoView {
    let text = tv();
    let state = vote_state();
    let cleared = use_query_map().get_untracked().get_str("cleared") == Some("1");
    let start = Resource::new(move || state.cycle, vote_start);
    view! {
        <Title text=text.vote_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.vote_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || {
                    let state = state.clone();
                    Suspend::new(async move {
                        let opening = start.await?;
                        Ok::<_, AppError>(match opening {
                            Opening::Closed => view! { <p class="notice">{text.no_voting}</p> }.into_any(),
                            Opening::Choose(cycles) => view! { <ChooseCycle cycles state /> }.into_any(),
                            Opening::Ballot(sheet) => view! {
                                <CodeStep cycle_id=sheet.cycle_id cycle_name=sheet.cycle_name.clone()
                                    state error=None cleared />
                            }.into_any(),
                        })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ChooseCycle(cycles: Vec<(i32, String)>, state: VoteState) -> impl IntoView {
    let text = tv();
    view! {
        <h2>{text.choose_cycle}</h2>
        <ul class="cycle-choice">
            {cycles.into_iter().map(|(id, name)| {
                let chosen = VoteState { cycle: Some(id), ..state.clone() };
                view! { <li><a href=chosen.address("/vote")>{name}</a></li> }
            }).collect_view()}
        </ul>
    }
}

/// The code step: the code field and the button that opens the ballot,
/// with `error` (the server's word on the code last sent) if any.
#[component]
pub fn CodeStep(
    /// The cycle.
    cycle_id: i32,
    /// Its name.
    cycle_name: String,
    /// The voting state (code as typed, shared-device mode).
    state: VoteState,
    /// Why the code last sent was refused.
    error: Option<String>,
    /// Whether the page was just cleared for the next voter.
    cleared: bool,
) -> impl IntoView {
    let text = tv();
    view! {
        <p class="cycle-name">{cycle_name}</p>
        {cleared.then(|| view! { <p class="notice" role="status">{text.cleared}</p> })}
        {state.shared.then(|| view! { <p class="notice shared-notice">{text.shared_notice}</p> })}
        <form id="vote-form" class="stacked code-form" method="post" action="/vote/ballot">
            <input type="hidden" name="cycle" value=cycle_id />
            {state.shared.then(|| view! {
                <input type="hidden" name="shared" value="1" />
                <input type="hidden" name="idle" value=state.idle />
            })}
            <CodeField value=state.code.clone() error cycle=cycle_id shared=state.shared />
            <button type="submit" class="primary">{text.open_ballot}</button>
        </form>
        <p class="hint"><a href=format!("/receipt?cycle={cycle_id}")>{text.check_receipt}</a></p>
    }
}
