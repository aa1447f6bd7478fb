//! A student submits a proposal to the featured cycle.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::home::get_home;
use crate::api::proposals::SubmitProposal;
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::proposal_form::{Prefill, ProposalFields};
use crate::components::session::use_session;
use crate::domain::{Action, Phase};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::home::phase_name;

/// The proposal form, or why it is not open to this visitor now.
#[component]
pub fn NewProposalPage() -> impl IntoView {
    let text = t();
    let session = use_session();
    let home = OnceResource::new(get_home());
    let submit = ServerAction::<SubmitProposal>::new();
    view! {
        <Title text=text.new_proposal />
        <section class="narrow" aria-labelledby="new-proposal-heading">
            <h1 id="new-proposal-heading">{text.new_proposal}</h1>
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let viewer = session.viewer.await?;
                        let home = home.await?;
                        let Some(cycle) = home.cycle else {
                            return Ok::<_, AppError>(view! { <p>{text.no_cycle}</p> }.into_any());
                        };
                        if cycle.phase != Phase::Ideas {
                            return Ok(view! {
                                <p class="notice">{format!("{} {}", text.proposals_closed, phase_name(text, cycle.phase))}</p>
                            }.into_any());
                        }
                        if !viewer.as_ref().is_some_and(|v| v.role.may(Action::SubmitProposal)) {
                            let signed_in = viewer.is_some();
                            return Ok(view! {
                                <p class="notice">
                                    {text.students_propose}" "
                                    {(!signed_in).then(|| view! { <a href="/sign-in?next=/proposals/new">{text.sign_in}</a> })}
                                </p>
                            }.into_any());
                        }
                        Ok(view! {
                            <ActionForm action=submit attr:class="stacked">
                                <input type="hidden" name="cycle_id" value=cycle.id />
                                <ProposalFields prefill=Prefill::default() prefix="new" currency=cycle.currency.clone() />
                                <button type="submit">{text.submit_proposal}</button>
                            </ActionForm>
                            <ActionError action=submit />
                        }.into_any())
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
