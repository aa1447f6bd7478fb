//! A proposal's page: the proposal, the committee's review, the author's
//! edit form, and its thread.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::proposal_images::RemoveProposalImage;
use crate::api::proposals::{EditProposal, ProposalPage, ReviewProposal, get_proposal};
use crate::api::session::Viewer;
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::money::{format_money, format_plain};
use crate::components::proposal_form::{Prefill, ProposalFields};
use crate::components::proposal_image::{ImageForm, ProposalFigure};
use crate::components::session::use_session;
use crate::components::thread::Thread;
use crate::domain::Action;
use crate::error::AppError;
use crate::i18n::t;
use crate::islands::AmountField;
use crate::islands::amount::AmountKind;
use crate::pages::home::{phase_name, status_name};

/// `/proposals/:id`.
#[component]
pub fn ProposalRoute() -> impl IntoView {
    let text = t();
    let params = use_params_map();
    let raw_id = move || params.read().get("id").unwrap_or_default();
    let session = use_session();
    let review = ServerAction::<ReviewProposal>::new();
    let edit = ServerAction::<EditProposal>::new();
    let remove_image = ServerAction::<RemoveProposalImage>::new();
    let proposal = Resource::new(
        move || {
            let versions = (
                review.version().get(),
                edit.version().get(),
                remove_image.version().get(),
            );
            (raw_id(), versions)
        },
        move |(raw, _)| async move {
            match raw.parse::<i32>() {
                Ok(id) => get_proposal(id).await,
                Err(_) => Err(AppError::new(
                    http::StatusCode::NOT_FOUND,
                    (text.not_a_proposal_number)(&raw),
                )),
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    let page = proposal.await?;
                    let viewer = session.viewer.await?;
                    Ok::<_, AppError>(view! { <ProposalView page viewer review edit remove_image /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ProposalView(
    page: ProposalPage,
    viewer: Option<Viewer>,
    review: ServerAction<ReviewProposal>,
    edit: ServerAction<EditProposal>,
    remove_image: ServerAction<RemoveProposalImage>,
) -> impl IntoView {
    let text = t();
    let moderating = page.viewer_on_committee;
    let reviewing = page.viewer_on_committee && page.phase.allows(Action::ReviewProposal).is_ok();
    let editing = viewer
        .as_ref()
        .is_some_and(|v| Some(v.id) == page.author_id)
        && page.phase.allows(Action::EditOwnProposal).is_ok();
    let status_class = format!("status status-{}", page.status.slug());
    let proposal_id = page.id;
    let thread_open_to_viewer = viewer.is_some();
    let has_image = page.image.is_some();
    view! {
        <Title text=page.title.clone() />
        <article class="proposal-page" aria-labelledby="proposal-title">
            <p class="school"><a href="/">{page.cycle_name.clone()}</a>" · "{phase_name(text, page.phase)}</p>
            <h1 id="proposal-title">{page.title.clone()}</h1>
            <p class="meta">
                <span class="category">{page.category.clone()}</span>
                <span class=status_class>{status_name(text, page.status)}</span>
                {page.author.clone().map(|name| view! { <span class="author">{format!("{} {name}", text.by)}</span> })}
            </p>
            <p class="summary">{page.summary.clone()}</p>
            {page.image.clone().map(|image| view! { <ProposalFigure image /> })}
            <div class="description">{page.description.clone()}</div>
            <dl class="facts">
                <div>
                    <dt>{text.cost_label}</dt>
                    <dd class="estimated-cost">{format_money(page.estimated_cost, &page.currency)}</dd>
                </div>
                {page.ballot_cost.map(|cost| view! {
                    <div>
                        <dt>{text.ballot_cost}</dt>
                        <dd class="ballot-cost">{format_money(cost, &page.currency)}</dd>
                    </div>
                })}
                {page.merged_into.map(|target| view! {
                    <div>
                        <dt>{text.merged_into}</dt>
                        <dd><a href=format!("/proposals/{target}")>{format!("#{target}")}</a></dd>
                    </div>
                })}
            </dl>
            {page.review_note.clone().map(|note| view! {
                <section class="review-note" aria-labelledby="review-note-heading">
                    <h2 id="review-note-heading">{text.committee_note}</h2>
                    <p>{note}</p>
                </section>
            })}
        </article>
        {reviewing.then(|| view! { <ReviewForm page=page.clone() review /> })}
        {editing.then(|| view! {
            <section class="edit-proposal" aria-labelledby="edit-heading">
                <h2 id="edit-heading">{text.edit_proposal}</h2>
                <ActionForm action=edit attr:class="stacked">
                    <input type="hidden" name="id" value=proposal_id />
                    <ProposalFields prefill=Prefill::of(&page) prefix="edit" currency=page.currency.clone() />
                    <button type="submit">{text.save_changes}</button>
                </ActionForm>
                <ActionError action=edit />
            </section>
            <ImageForm proposal_id has_image remove=remove_image />
        })}
        <Thread proposal_id signed_in=thread_open_to_viewer committee=moderating />
    }
}

#[component]
fn ReviewForm(page: ProposalPage, review: ServerAction<ReviewProposal>) -> impl IntoView {
    let text = t();
    let cost = format_plain(page.ballot_cost.unwrap_or(page.estimated_cost));
    view! {
        <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{text.review_heading}</h2>
            <ActionForm action=review attr:class="stacked">
                <input type="hidden" name="id" value=page.id />
                <fieldset>
                    <legend>{text.verdict}</legend>
                    <label><input type="radio" name="verdict" value="feasible" checked=true />" "{text.verdict_feasible}</label>
                    <label><input type="radio" name="verdict" value="not_feasible" />" "{text.verdict_not_feasible}</label>
                    <label><input type="radio" name="verdict" value="merged" />" "{text.verdict_merged}</label>
                </fieldset>
                <AmountField
                    id="ballot_cost".to_owned()
                    name="ballot_cost".to_owned()
                    label=text.ballot_cost.to_owned()
                    value=cost
                    currency=page.currency.clone()
                    kind=AmountKind::BallotCost
                    required=false
                />
                <label for="merge_into">{text.merge_into}</label>
                <input id="merge_into" name="merge_into" inputmode="numeric" />
                <label for="note">{text.public_note}</label>
                <textarea id="note" name="note" required rows="3">{page.review_note.clone().unwrap_or_default()}</textarea>
                <button type="submit">{text.save_review}</button>
            </ActionForm>
            <ActionError action=review />
        </section>
    }
}
