//! `/vote/cast`: where a plain-form cast lands (JavaScript off): "Your
//! ballot is cast" and the receipt, or the review again with the reason
//! it was refused, the ballot kept. A reload re-posts the same ballot,
//! which the log already holds: the page shows its receipt again.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::hidden_inputs;
use super::posted::VoteState;
use super::review::{Found, NotSent, Outcome, Posting, posted_ballot};
use crate::api::vote::BallotSheet;
use crate::ballot_box::Receipt;
use crate::components::feedback::ErrorNotice;
use crate::components::receipt::ReceiptView;
use crate::error::AppError;
use crate::i18n::{t, tv};

/// `/vote/cast`.
#[component]
pub fn CastPage() -> impl IntoView {
    let text = tv();
    let found = Resource::new(
        || (),
        |_| posted_ballot(|state, sheet| async move { cast(&state, &sheet).await }),
    );
    view! {
        <Title text=text.cast_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.vote_title}</h1>
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
async fn cast(state: &VoteState, sheet: &BallotSheet) -> Result<Posting, AppError> {
    crate::api::vote::posted::cast(state, sheet).await
}

#[cfg(not(feature = "ssr"))]
async fn cast(_: &VoteState, _: &BallotSheet) -> Result<Posting, AppError> {
    Err(crate::error::internal(
        "ballots are cast by posting to the server",
    ))
}

/// The receipt after a plain-form cast; `before` when it was cast
/// earlier (a reload, or Back and resubmit). Its language switch posts
/// the ballot back here without the code, which finds it in the log.
#[component]
pub fn CastReceipt(
    /// The posted voting state.
    state: VoteState,
    /// The receipt.
    receipt: Receipt,
    /// Whether it was cast before this post.
    before: bool,
) -> impl IntoView {
    let text = tv();
    let next = VoteState {
        cycle: Some(receipt.cycle),
        ..state.clone()
    };
    let keep = VoteState {
        code: String::new(),
        nonce: state.nonce.clone(),
        ..state.clone()
    };
    view! {
        {before.then(|| view! { <p class="notice" role="status">{text.cast_before}</p> })}
        <ReceiptView receipt />
        <form id="vote-form" method="post" action="/vote/cast" hidden>
            {hidden_inputs(keep.hidden_pairs())}
        </form>
        {state.shared.then(|| view! {
            <p class="ballot-actions">
                <a class="button primary next-voter" href=format!("{}&cleared=1", next.address("/vote"))>{text.next_voter}</a>
            </p>
        })}
    }
}
