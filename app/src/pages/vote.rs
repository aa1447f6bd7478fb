//! `/vote`: the voter's code, then the ballot. The code comes typed or
//! from the QR link on the code card (`/vote?cycle=3&code=…`). With
//! `shared=1` the page runs in shared-device mode for class voting.

pub mod cast;
pub mod review;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use pebble_domain::VoterCode;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::{BallotSheet, Opening, vote_start};
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, tv};
use crate::islands::{BallotForm, CodeField};

/// Seconds without input before a shared device clears an unfinished
/// ballot, unless the address sets `idle` (10 to 600).
const IDLE_SECONDS: u64 = 120;

/// What the address asks of the voting pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoteQuery {
    /// The cycle, if named.
    pub cycle: Option<i32>,
    /// The code as typed or linked.
    pub code: String,
    /// Shared-device mode.
    pub shared: bool,
    /// Its idle time.
    pub idle: u64,
    /// Ballot fields (a review's "change" link).
    pub fields: BallotFields,
    /// Whether the page was just cleared for the next voter.
    pub cleared: bool,
}

/// The address's query, read.
pub fn vote_query() -> Memo<VoteQuery> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| VoteQuery {
            cycle: q.get_str("cycle").and_then(|c| c.trim().parse().ok()),
            code: q.get("code").unwrap_or_default(),
            shared: q.get_str("shared") == Some("1"),
            idle: q
                .get_str("idle")
                .and_then(|s| s.parse().ok())
                .map_or(IDLE_SECONDS, |s: u64| s.clamp(10, 600)),
            fields: BallotFields::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))),
            cleared: q.get_str("cleared") == Some("1"),
        })
    })
}

/// `/vote`.
#[component]
pub fn VotePage() -> impl IntoView {
    let text = tv();
    let query = vote_query();
    let start = Resource::new(move || query.get().cycle, vote_start);
    view! {
        <Title text=text.vote_title />
        // The code can be in the address: keep it out of other sites' logs.
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.vote_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    let opening = start.await?;
                    let query = query.get_untracked();
                    Ok::<_, AppError>(match opening {
                        Opening::Closed => view! { <p class="notice">{text.no_voting}</p> }.into_any(),
                        Opening::Choose(cycles) => view! { <ChooseCycle cycles query /> }.into_any(),
                        Opening::Ballot(sheet) => view! { <BallotStep sheet=*sheet query /> }.into_any(),
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ChooseCycle(cycles: Vec<(i32, String)>, query: VoteQuery) -> impl IntoView {
    let text = tv();
    let shared = if query.shared { "&shared=1" } else { "" };
    view! {
        <h2>{text.choose_cycle}</h2>
        <ul class="cycle-choice">
            {cycles.into_iter().map(|(id, name)| view! {
                <li><a href=format!("/vote?cycle={id}{shared}")>{name}</a></li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn BallotStep(sheet: BallotSheet, query: VoteQuery) -> impl IntoView {
    let text = tv();
    let typed = query.code.trim().to_owned();
    let parsed = (!typed.is_empty()).then(|| typed.parse::<VoterCode>());
    let heading = view! {
        <p class="cycle-name">{sheet.cycle_name.clone()}</p>
    };
    match parsed {
        Some(Ok(code)) => view! {
            {heading}
            <BallotForm sheet code=code.to_string() initial=query.fields shared=query.shared idle=query.idle />
        }
        .into_any(),
        other => {
            let error = match other {
                Some(Err(e)) => Some((text.code_error)(&e)),
                _ => None,
            };
            view! {
                {heading}
                {query.cleared.then(|| view! { <p class="notice" role="status">{text.cleared}</p> })}
                {query.shared.then(|| view! { <p class="notice shared-notice">{text.shared_notice}</p> })}
                <form class="stacked code-form" method="get" action="/vote">
                    <input type="hidden" name="cycle" value=sheet.cycle_id />
                    {query.shared.then(|| view! {
                        <input type="hidden" name="shared" value="1" />
                        <input type="hidden" name="idle" value=query.idle />
                    })}
                    <CodeField value=typed error />
                    <button type="submit" class="primary">{text.open_ballot}</button>
                </form>
            }
            .into_any()
        }
    }
}
