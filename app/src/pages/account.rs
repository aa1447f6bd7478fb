//! `/account`: the signed-in person changes their password. After a
//! first sign-in with a password an admin made (a committee member's or
//! an admin's), this is the only page that works until they have chosen
//! their own: the admin's one was spent by that sign-in. Here too they
//! sign out on every device at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::session::{ChangePassword, SignOutEverywhere, account_state};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::error::AppError;
use crate::i18n::t;
use crate::islands::PasswordField;

/// `/account`.
#[component]
pub fn AccountPage() -> impl IntoView {
    let text = t();
    let change = ServerAction::<ChangePassword>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let state = Resource::new(|| (), |_| account_state());
    let changed = use_query_map().get_untracked().get_str("changed").is_some();
    view! {
        <Title text=text.account_title />
        <section class="narrow" aria-labelledby="account-heading">
            <h1 id="account-heading">{text.account_title}</h1>
            {changed.then(|| view! { <p class="notice outcome" role="status">{text.password_changed}</p> })}
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let must_change = state.await?;
                        Ok::<_, AppError>(view! {
                            {must_change.then(|| view! { <p class="notice" role="status">{text.choose_own_password}</p> })}
                            <h2>{text.change_password}</h2>
                            <ActionForm action=change attr:class="stacked">
                                {(!must_change).then(|| view! {
                                    <PasswordField id="current-password".to_owned() name="current".to_owned()
                                        label=text.current_password.to_owned() autocomplete="current-password".to_owned() minlength=0 />
                                })}
                                <PasswordField id="new-password".to_owned() name="new".to_owned()
                                    label=text.new_password.to_owned() autocomplete="new-password".to_owned() minlength=10 />
                                <PasswordField id="new-password-again".to_owned() name="again".to_owned()
                                    label=text.new_password_again.to_owned() autocomplete="new-password".to_owned() minlength=10 />
                                <button type="submit">{text.change_password}</button>
                            </ActionForm>
                            <ActionError action=change />
                            <h2>{text.sign_out_everywhere}</h2>
                            <p>{text.sign_out_everywhere_hint}</p>
                            <ActionForm action=everywhere>
                                <button type="submit" class="secondary">{text.sign_out_everywhere}</button>
                            </ActionForm>
                            <ActionError action=everywhere />
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
