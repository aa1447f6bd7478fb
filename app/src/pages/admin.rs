//! The admin's page: every cycle with its phase, the button that moves it
//! on and a link to its settings, and the account tools.

mod accounts;
pub mod cycle_editor;
mod voter_codes;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::cycle_editor::{CycleRow, list_cycles};
use crate::api::cycles::AdvancePhase;
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::session::use_session;
use crate::domain::{Phase, Role};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::home::phase_name;
use accounts::AccountTools;
use voter_codes::VoterCodeTool;

/// Runs `fetch` (an admin-only server function) only if an admin is
/// signed in, so that a page shown to anyone else says why instead of
/// answering with the function's 401 or 403.
pub(crate) async fn if_admin<T, F>(fetch: impl FnOnce() -> F) -> Result<Option<T>, AppError>
where
    F: std::future::Future<Output = Result<T, AppError>>,
{
    match crate::api::session::whoami().await? {
        Some(viewer) if viewer.role == Role::Admin => fetch().await.map(Some),
        _ => Ok(None),
    }
}

/// `/admin`.
#[component]
pub fn AdminPage() -> impl IntoView {
    let text = t();
    let session = use_session();
    let advance = ServerAction::<AdvancePhase>::new();
    let cycles = Resource::new(move || advance.version().get(), |_| if_admin(list_cycles));
    view! {
        <Title text=text.admin_link />
        <section class="narrow" aria-labelledby="admin-heading">
            <h1 id="admin-heading">{text.admin_heading}</h1>
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let viewer = session.viewer.await?;
                        if !viewer.is_some_and(|v| v.role == Role::Admin) {
                            return Ok::<_, AppError>(view! { <p class="notice">{text.admins_only}</p> }.into_any());
                        }
                        let Some(cycles) = cycles.await? else {
                            return Ok(view! { <p class="notice">{text.admins_only}</p> }.into_any());
                        };
                        Ok(view! {
                            <h2>{text.cycles_heading}</h2>
                            <p><a href="/admin/cycles/new">{text.new_cycle}</a></p>
                            {cycles.is_empty().then(|| view! { <p>{text.no_cycle}</p> })}
                            {cycles.into_iter().map(|c| cycle_card(c, advance)).collect_view()}
                            <ActionError action=advance />
                            <AccountTools />
                        }.into_any())
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

/// One cycle: its phases with the current one marked, the button to the
/// next phase and the link to its settings.
fn cycle_card(cycle: CycleRow, advance: ServerAction<AdvancePhase>) -> impl IntoView {
    let text = t();
    let heading = format!("cycle-{}-heading", cycle.id);
    let labelled_by = heading.clone();
    view! {
        <article class="admin-cycle" aria-labelledby=labelled_by>
            <h3 id=heading>{cycle.name}</h3>
            <p class="hint">{cycle.school}</p>
            <ol class="phases">
                {Phase::ALL
                    .into_iter()
                    .map(|p| view! {
                        <li aria-current=(p == cycle.phase).then_some("step")>{phase_name(text, p)}</li>
                    })
                    .collect_view()}
            </ol>
            {(!cycle.committee.is_empty()).then(|| view! {
                <p class="hint">{text.committee_readiness}</p>
                <ul class="readiness">
                    {cycle.committee.iter().map(|(name, key, committed)| {
                        let said = match (key, committed) {
                            (true, true) => text.member_ready,
                            (true, false) => text.member_not_committed,
                            _ => text.member_no_key,
                        };
                        view! { <li><strong>{name.clone()}</strong>": "{said}</li> }
                    }).collect_view()}
                </ul>
            })}
            {match (cycle.phase, cycle.phase.next()) {
                (Phase::Counting, _) => view! { <p class="hint">{text.committee_certifies}</p> }.into_any(),
                (Phase::Voting, Some(next)) => {
                    let confirm_id = format!("confirm-close-{}", cycle.id);
                    let confirm_for = confirm_id.clone();
                    view! {
                        <ActionForm action=advance attr:class="stacked close-voting">
                            <input type="hidden" name="cycle_id" value=cycle.id />
                            <input type="hidden" name="from" value=cycle.phase.to_string() />
                            <p class="warning-text">{text.close_voting_warning}</p>
                            <label class="tick" for=confirm_for>
                                <input type="checkbox" id=confirm_id name="confirm" value="yes" required />
                                {text.close_voting_confirm}
                            </label>
                            <button type="submit">{format!("{} {}", text.move_to, phase_name(text, next))}</button>
                        </ActionForm>
                    }.into_any()
                }
                (_, Some(next)) => view! {
                    <ActionForm action=advance>
                        <input type="hidden" name="cycle_id" value=cycle.id />
                        <input type="hidden" name="from" value=cycle.phase.to_string() />
                        <button type="submit">{format!("{} {}", text.move_to, phase_name(text, next))}</button>
                    </ActionForm>
                }.into_any(),
                (_, None) => view! { <p>{text.last_phase}</p> }.into_any(),
            }}
            <p><a href=format!("/admin/cycles/{}", cycle.id)>{text.cycle_settings}</a></p>
            {(cycle.phase <= Phase::Voting).then(|| view! { <VoterCodeTool cycle_id=cycle.id /> }.into_any())}
        </article>
    }
}
