//! `/vote/ballot`: the ballot. Posted from the code step (or from the
//! review's "change", or the language switch), it checks the code first
//! and shows the refusal on the code step if the code cannot vote. As a
//! plain GET (a reload, or Back) it renders the ballot for the island to
//! restore from the tab: the ballot in progress, or the receipt once
//! cast.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::posted::{Posted, VoteState};
use super::{CodeStep, vote_state};
use crate::api::vote::{BallotSheet, Opening, check_code, vote_start};
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, tv};
use crate::islands::BallotForm;

/// What the page shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
enum Step {
    /// No cycle in voting (or several, and none named).
    Closed,
    /// The ballot for the posted code.
    Ballot(Box<BallotSheet>),
    /// The ballot for the island to restore (no code was posted).
    Restore(Box<BallotSheet>),
    /// The code was refused: why.
    Refused(Box<BallotSheet>, String),
}

async fn step(state: VoteState, posted: bool) -> Result<Step, AppError> {
    let Opening::Ballot(sheet) = vote_start(state.cycle).await? else {
        return Ok(Step::Closed);
    };
    if !posted || state.code.is_empty() {
        return Ok(Step::Restore(sheet));
    }
    Ok(match check_code(sheet.cycle_id, state.code.clone()).await {
        Ok(()) => Step::Ballot(sheet),
        Err(error) => {
            error.respond();
            Step::Refused(sheet, error.message().to_owned())
        }
    })
}

/// `/vote/ballot`.
#[component]
pub fn BallotPage() -> impl IntoView {
    let text = tv();
    let state = vote_state();
    let posted = Posted::read().is_some();
    let loaded = {
        let state = state.clone();
        Resource::new(|| (), move |_| step(state.clone(), posted))
    };
    view! {
        <Title text=text.vote_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.vote_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || {
                    let state = state.clone();
                    Suspend::new(async move {
                        Ok::<_, AppError>(match loaded.await? {
                            Step::Closed => view! { <p class="notice">{text.no_voting}</p> }.into_any(),
                            Step::Refused(sheet, message) => view! {
                                <CodeStep cycle_id=sheet.cycle_id cycle_name=sheet.cycle_name.clone()
                                    state error=Some(message) cleared=false />
                            }.into_any(),
                            Step::Ballot(sheet) | Step::Restore(sheet) => view! {
                                <p class="cycle-name">{sheet.cycle_name.clone()}</p>
                                <BallotForm sheet=*sheet code=state.code.clone() initial=state.fields.clone()
                                    shared=state.shared idle=state.idle />
                            }.into_any(),
                        })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}
