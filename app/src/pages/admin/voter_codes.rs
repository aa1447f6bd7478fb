//! The admin's voter-code tool on a cycle: issue codes for a group and
//! see them once. An island: the codes come from the server function's
//! answer and are kept nowhere, so a reload cannot show them again.

use leptos::prelude::*;

use crate::api::codes::IssueCodes;
use crate::components::feedback::ActionError;
use crate::i18n::t;

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
            <ActionForm action=issue attr:class="stacked">
                <input type="hidden" name="cycle_id" value=cycle_id />
                <label for=group_id.clone()>{text.code_group}</label>
                <input id=group_id name="group" required maxlength="80" placeholder="Grade 9" />
                <label for=count_id.clone()>{text.code_count}</label>
                <input id=count_id name="count" required inputmode="numeric" value="30" />
                <button type="submit">{text.issue_codes}</button>
            </ActionForm>
            <ActionError action=issue />
            {move || issue.value().get().and_then(Result::ok).map(|issued| view! {
                <div class="created" role="status">
                    <p>{(text.codes_issued)(issued.codes.len(), &issued.group, issued.in_group)}</p>
                    <ol class="code-list">
                        {issued.codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
                    </ol>
                </div>
            })}
        </details>
    }
    .into_any()
}
