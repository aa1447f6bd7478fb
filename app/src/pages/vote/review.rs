//! `/vote/review`: the review step that plain forms (JavaScript off)
//! reach from the ballot: the ballot in words, checked against the
//! cycle's limits, with "change" and "cast my ballot".

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use pebble_domain::ballot_form::BallotFields;

use super::{VoteQuery, vote_query};
use crate::api::vote::{BallotSheet, CastBallot, Opening, vote_start};
use crate::components::ballot::{BallotSummary, check};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{t, tv};

/// `/vote/review`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let text = tv();
    let query = vote_query();
    let start = Resource::new(move || query.get().cycle, vote_start);
    view! {
        <Title text=text.review_title />
        <Meta name="referrer" content="no-referrer" />
        <h1>{text.review_title}</h1>
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    let opening = start.await?;
                    let query = query.get_untracked();
                    Ok::<_, AppError>(match opening {
                        Opening::Ballot(sheet) if query.cycle == Some(sheet.cycle_id) => {
                            view! { <Review sheet=*sheet query /> }.into_any()
                        }
                        _ => view! { <p class="notice">{text.voting_closed}</p> }.into_any(),
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The address back to the ballot with these fields filled in.
fn change_address(sheet: &BallotSheet, query: &VoteQuery) -> String {
    let mut pairs = vec![
        ("cycle".to_owned(), sheet.cycle_id.to_string()),
        ("code".to_owned(), query.code.clone()),
    ];
    if query.shared {
        pairs.push(("shared".to_owned(), "1".to_owned()));
    }
    pairs.extend(query.fields.pairs());
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", escape(k), escape(v)))
        .collect();
    format!("/vote?{}", encoded.join("&"))
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[component]
fn Review(sheet: BallotSheet, query: VoteQuery) -> impl IntoView {
    let text = tv();
    let cast = ServerAction::<CastBallot>::new();
    let back = change_address(&sheet, &query);
    let hidden = |fields: &BallotFields| {
        fields
            .pairs()
            .into_iter()
            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
            .collect_view()
    };
    let body = match check(&sheet, &query.fields, text) {
        Ok(ballot) => view! {
            <p class="not-cast" role="status">{text.not_cast_yet}</p>
            <BallotSummary sheet=sheet.clone() ballot />
            <ActionError action=cast />
            <ActionForm action=cast attr:class="ballot-actions">
                <input type="hidden" name="cycle" value=sheet.cycle_id />
                <input type="hidden" name="code" value=query.code.clone() />
                {hidden(&query.fields)}
                <a class="button secondary" href=back.clone()>{text.change}</a>
                <button type="submit" class="primary">{text.cast}</button>
            </ActionForm>
        }
        .into_any(),
        Err(message) => view! {
            <p class="error" role="alert">{text.cannot_cast}" "{message}</p>
            <p class="ballot-actions"><a class="button primary" href=back.clone()>{text.change}</a></p>
        }
        .into_any(),
    };
    view! {
        <p class="cycle-name">{sheet.cycle_name.clone()}</p>
        {body}
    }
}
