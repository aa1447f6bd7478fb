//! The key user: the key file and its passphrase, and a button that uses
//! the key for the tool's task, fills the page's form with what the key
//! made and sends it.

use web_sys::{Element, HtmlButtonElement, HtmlInputElement};

use crate::dom;
use crate::task::{Given, Problem, Task, open, perform};

/// Wires the key user `tool` (`data-key-use`, with `data-form`, the
/// task's attributes and, when the server holds this member's key,
/// `data-public-key`).
pub fn wire(tool: Element) {
    let Some(form) = tool.get_attribute("data-form") else {
        return;
    };
    let Some(task) = Task::from_attributes(|name| tool.get_attribute(name)) else {
        return;
    };
    let expected = tool.get_attribute("data-public-key");
    let parts = (
        dom::find::<HtmlInputElement>(&tool, "input[type=file]"),
        dom::find::<HtmlInputElement>(&tool, "input[type=password]"),
        dom::find::<HtmlButtonElement>(&tool, "button"),
    );
    let (Some(file), Some(passphrase), Some(button)) = parts else {
        return;
    };
    dom::show(&tool, true);
    let ready = button.text_content().unwrap_or_default();
    let using = tool.clone();
    dom::on(&button.clone(), "click", move |_| {
        dom::say(&using, None);
        dom::busy(&button, true, &ready);
        let (tool, button, ready, form) =
            (using.clone(), button.clone(), ready.clone(), form.clone());
        let (file, passphrase, task, expected) = (
            file.clone(),
            passphrase.value(),
            task.clone(),
            expected.clone(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            let text = dom::file_text(&file).await;
            dom::pause(40).await;
            let outcome = text.ok_or(Problem::NotAKeyFile).and_then(|text| {
                let key = open(&text, &passphrase, expected.as_deref())?;
                let at = dom::now_utc().ok_or(Problem::NoRandom)?;
                let reason = dom::field(&form, "reason").unwrap_or_default();
                let remembered = match &task {
                    Task::Cosign { name, .. } => dom::remembered(name),
                    _ => None,
                };
                let given = Given {
                    salt: dom::random::<16>().ok_or(Problem::NoRandom)?,
                    at: &at,
                    unix: dom::now_unix().ok_or(Problem::NoRandom)?,
                    reason: &reason,
                    remembered,
                };
                perform(&task, &key, &given)
            });
            match outcome {
                Ok(made) => {
                    if let (Task::Cosign { name, .. }, Some(head)) = (&task, made.cosigned) {
                        dom::remember(name, head);
                    }
                    for (name, value) in made.fields {
                        dom::set_field(&form, name, &value);
                    }
                    dom::submit(&form);
                }
                Err(problem) => {
                    dom::say(&tool, Some(problem));
                    dom::busy(&button, false, &ready);
                }
            }
        });
    });
}
