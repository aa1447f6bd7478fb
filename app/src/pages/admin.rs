//! The admin's cycle page: the phase and the button that moves it on
//! (SPEC §2), and the account tools (SPEC §1).

mod accounts;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::cycles::AdvancePhase;
use crate::api::home::get_home;
use crate::components::feedback::ActionError;
use crate::components::session::use_session;
use crate::domain::Role;
use crate::i18n::t;
use crate::pages::home::phase_name;
use accounts::AccountTools;

/// `/admin`.
#[component]
pub fn AdminPage() -> impl IntoView {
    let text = t();
    let session = use_session();
    let advance = ServerAction::<AdvancePhase>::new();
    let home = Resource::new(move || advance.version().get(), |_| get_home());
    view! {
        <Title text=text.admin_link />
        <section class="narrow" aria-labelledby="admin-heading">
            <h1 id="admin-heading">{text.admin_heading}</h1>
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=move |_| view! { <p class="error" role="alert">{text.load_failed}</p> }>
                    {move || Suspend::new(async move {
                        let viewer = session.viewer.await?;
                        let home = home.await?;
                        if !viewer.is_some_and(|v| v.role == Role::Admin) {
                            return Ok::<_, ServerFnError>(view! { <p class="notice">{text.admins_only}</p> }.into_any());
                        }
                        let Some(cycle) = home.cycle else {
                            return Ok(view! { <p>{text.no_cycle}</p> }.into_any());
                        };
                        Ok(view! {
                            <h2>{cycle.name.clone()}</h2>
                            <ol class="phases">
                                {crate::domain::Phase::ALL
                                    .into_iter()
                                    .map(|p| view! {
                                        <li aria-current=(p == cycle.phase).then_some("step")>{phase_name(text, p)}</li>
                                    })
                                    .collect_view()}
                            </ol>
                            {match cycle.phase.next() {
                                Some(next) => view! {
                                    <ActionForm action=advance>
                                        <input type="hidden" name="cycle_id" value=cycle.id />
                                        <input type="hidden" name="from" value=cycle.phase.slug() />
                                        <button type="submit">{format!("{} {}", text.move_to, phase_name(text, next))}</button>
                                    </ActionForm>
                                }.into_any(),
                                None => view! { <p>{text.last_phase}</p> }.into_any(),
                            }}
                            <ActionError action=advance />
                            <AccountTools />
                        }.into_any())
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
