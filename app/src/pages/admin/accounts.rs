//! The admin's account tools: one account, a roster CSV, invite codes.
//! An island: a new password or code is shown once, in the page, from the
//! server function's answer (nothing keeps it to show after a reload).

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::accounts::{CreateAccount, CreateInvite, ImportRoster};
use crate::components::feedback::ActionError;
use crate::i18n::t;
use crate::islands::submit;
use leptos::server_fn::ServerFn as _;

/// Three forms, each showing its result (passwords and codes once).
#[island]
pub fn AccountTools() -> impl IntoView {
    crate::islands::action_error_from_address();
    let text = t();
    let create = ServerAction::<CreateAccount>::new();
    let import = ServerAction::<ImportRoster>::new();
    let invite = ServerAction::<CreateInvite>::new();
    let role_options = move |with_admin: bool| {
        let mut roles = vec![
            ("student", text.role_student),
            ("family", text.role_family),
            ("committee", text.role_committee),
        ];
        if with_admin {
            roles.push(("admin", text.role_admin));
        }
        roles
            .into_iter()
            .map(|(value, name)| view! { <option value=value>{name}</option> })
            .collect_view()
    };
    view! {
        <section class="admin-tool" aria-labelledby="create-account-heading">
            <h2 id="create-account-heading">{text.create_account}</h2>
            <form method="post" action=CreateAccount::PATH class="stacked" on:submit=move |ev| {
                if let Some(field) = submit::fields(&ev) {
                    create.dispatch(CreateAccount {
                        username: field("username"),
                        display_name: field("display_name"),
                        role: field("role"),
                    });
                }
            }>
                <label for="new-username">{text.username}</label>
                <input id="new-username" name="username" required maxlength="64" autocomplete="off" />
                <label for="new-display-name">{text.display_name}</label>
                <input id="new-display-name" name="display_name" required maxlength="120" />
                <label for="new-role">{text.role}</label>
                <select id="new-role" name="role">{role_options(true)}</select>
                <button type="submit">{text.create_account}</button>
            </form>
            <ActionError action=create />
            {move || create.value().get().and_then(Result::ok).map(|c| view! {
                <p class="created" role="status">
                    {format!("{} {} · {} ", text.account_created, c.username, text.password)}
                    <code>{c.password}</code>" "{text.shown_once}
                </p>
            })}
        </section>
        <section class="admin-tool" aria-labelledby="roster-heading">
            <h2 id="roster-heading">{text.import_roster}</h2>
            <p class="hint">{text.roster_help}</p>
            <form method="post" action=ImportRoster::PATH class="stacked" on:submit=move |ev| {
                if let Some(field) = submit::fields(&ev) {
                    import.dispatch(ImportRoster { csv: field("csv") });
                }
            }>
                <label for="roster-csv">{text.roster_csv}</label>
                <textarea id="roster-csv" name="csv" required rows="6">"username,display_name,role\n"</textarea>
                <button type="submit">{text.import_roster}</button>
            </form>
            <ActionError action=import />
            {move || import.value().get().and_then(Result::ok).map(|rows| view! {
                <table class="roster-report">
                    <caption>{text.roster_report}</caption>
                    <thead><tr><th scope="col">{text.line}</th><th scope="col">{text.username}</th><th scope="col">{text.result}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let class = if row.outcome.is_ok() { "ok" } else { "rejected" };
                            view! {
                            <tr class=class>
                                <td>{row.line}</td>
                                <td>{row.username}</td>
                                <td>{match row.outcome {
                                    Ok(c) => Either::Left(view! { {format!("{} ", text.password)}<code>{c.password}</code> }),
                                    Err(reason) => Either::Right(view! { {format!("{} {reason}", text.rejected)} }),
                                }}</td>
                            </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
        <section class="admin-tool" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{text.invite_codes}</h2>
            <form method="post" action=CreateInvite::PATH class="stacked" on:submit=move |ev| {
                if let Some(field) = submit::fields(&ev) {
                    invite.dispatch(CreateInvite { role: field("role") });
                }
            }>
                <label for="invite-role">{text.role}</label>
                <select id="invite-role" name="role">{role_options(false)}</select>
                <button type="submit">{text.make_invite}</button>
            </form>
            <ActionError action=invite />
            {move || invite.value().get().and_then(Result::ok).map(|code| view! {
                <p class="created" role="status">{format!("{} ", text.invite_made)}<code>{code}</code>" "{text.shown_once}</p>
            })}
        </section>
    }
}
