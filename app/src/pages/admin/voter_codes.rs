//! The admin's voter-code tool on a cycle: issue codes for a group and
//! see them once. An island: the codes come from the server function's
//! answer and are kept nowhere, so a reload cannot show them again.

use leptos::prelude::*;

use crate::api::codes::{IssueCodes, IssuedCodes};
use crate::components::feedback::ActionError;
use crate::i18n::t;
use crate::islands::submit;
use leptos::server_fn::ServerFn as _;

/// The form and, after it, the codes just issued.
#[island]
pub fn VoterCodeTool(cycle_id: i32) -> impl IntoView {
    let text = t();
    let issue = ServerAction::<IssueCodes>::new();
    let group_id = format!("codes-group-{cycle_id}");
    let count_id = format!("codes-count-{cycle_id}");
    view! {
        <details class="voter-codes">
            <summary>{text.voter_codes}</summary>
            <p class="hint">{text.voter_codes_help}</p>
            <form method="post" action=IssueCodes::PATH class="stacked" on:submit=move |ev| {
                if let Some(field) = submit::fields(&ev) {
                    issue.dispatch(IssueCodes {
                        cycle_id,
                        group: field("group"),
                        count: field("count"),
                    });
                }
            }>
                <input type="hidden" name="cycle_id" value=cycle_id />
                <label for=group_id.clone()>{text.code_group}</label>
                <input id=group_id name="group" required maxlength="80" placeholder="Grade 9" />
                <label for=count_id.clone()>{text.code_count}</label>
                <input id=count_id name="count" required inputmode="numeric" value="30" />
                <button type="submit">{text.issue_codes}</button>
            </form>
            <ActionError action=issue />
            {move || issue.value().get().and_then(Result::ok).map(|issued| view! { <CodeSheet issued /> })}
        </details>
    }
}

/// The printable sheet: one card per code with the cycle, the group, the
/// code grouped for reading, a QR code that opens the ballot with it and
/// two lines of instructions (English and Spanish). Printing the page
/// prints only the cards (see the print stylesheet).
#[component]
fn CodeSheet(issued: IssuedCodes) -> impl IntoView {
    let text = t();
    let IssuedCodes {
        cycle_name,
        group,
        vote_address,
        cards,
        in_group,
        ..
    } = issued;
    let count = cards.len();
    let cards = cards
        .into_iter()
        .map(|card| {
            view! {
                <li class="code-card">
                    <p class="card-cycle">{cycle_name.clone()}</p>
                    <p class="card-group">{group.clone()}</p>
                    <img class="qr" src=card.qr alt=text.code_qr_alt width="112" height="112" />
                    <code class="card-code">{card.code}</code>
                    <p class="card-help" lang="en">{format!("Scan the QR code, or open {vote_address} and type the code. One code, one ballot: keep it to yourself.")}</p>
                    <p class="card-help" lang="es">{format!("Escanea el código QR, o abre {vote_address} y escribe el código. Un código, una papeleta: no lo compartas.")}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="created code-sheet" role="status">
            <p class="no-print">{(text.codes_issued)(count, &group, in_group)}</p>
            <p class="no-print"><button type="button" on:click=move |_| crate::islands::ballot::print()>{text.print_codes}</button></p>
            <ol class="code-list code-cards">{cards}</ol>
        </div>
    }
}
