//! A committee member's witness step: the log's checkpoint, what they
//! cosigned last, and their key cosigning it in the browser (the
//! `keytools` module checks the log's signature and the consistency
//! proof first), with a paste-in form for `pebble-verify cosign`.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::witnessing::{CosignLog, WitnessTask};
use crate::components::committee_key::{KeyTask, KeyUse};
use crate::components::feedback::ActionError;
use crate::i18n::tw;

/// The witness step for `task` (the page loads the key tools).
#[component]
pub fn WitnessStep(
    /// What the member's browser is asked to cosign.
    task: WitnessTask,
    /// Whether it sits inside a cycle's own section (its heading one
    /// level down).
    nested: bool,
) -> impl IntoView {
    let text = tw();
    let cosign = ServerAction::<CosignLog>::new();
    let form = format!("cosign-{}", task.cycle_id);
    let line_id = format!("{form}-line");
    let request_id = format!("{form}-request");
    let handed_id = format!("{form}-handed");
    let heading = if nested {
        view! { <h4>{text.heading}</h4> }.into_any()
    } else {
        view! { <h2>{text.heading}</h2> }.into_any()
    };
    let help = if task.sealed {
        text.sealed_help
    } else {
        text.opening_help
    };
    let step = if task.done {
        view! { <p class="notice witness-done">{text.done}</p> }.into_any()
    } else {
        let key_task = KeyTask::Cosign {
            request: task.request.clone(),
            log_key: task.log_key.clone(),
            key_name: task.key_name.clone(),
            handed: task.handed.clone(),
        };
        view! {
            <KeyUse task=key_task form=form.clone() public_key=Some(task.public_key.clone())
                button=text.button.to_owned() />
            <ActionError action=cosign />
            <ActionForm action=cosign attr:id=form attr:class="stacked offline">
                <input type="hidden" name="cycle" value=task.cycle_id />
                <input type="hidden" name="size" value=task.size.to_string() />
                <p class="hint">{(text.offline)(&task.log_key, &task.key_name)}</p>
                <label for=request_id.clone()>{text.request_label}</label>
                <textarea id=request_id rows="6" readonly spellcheck="false">{task.request.clone()}</textarea>
                {task.handed.clone().map(|handed| view! {
                    <label for=handed_id.clone()>{text.handed_label}</label>
                    <textarea id=handed_id.clone() rows="5" readonly spellcheck="false">{handed}</textarea>
                })}
                <label for=line_id.clone()>{text.line_label}</label>
                <input id=line_id name="cosignature" required autocomplete="off" spellcheck="false" />
                <button type="submit">{text.send}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <div class="witness-step">
            {heading}
            <p class="hint">{help}</p>
            <p class="checkpoint"><code>{(text.checkpoint)(task.size, &task.root)}</code></p>
            <p class="witness-status">{(text.last_cosigned)(task.last)}</p>
            {step}
        </div>
    }
}
