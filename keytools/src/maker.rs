//! The key maker: a passphrase typed twice, then the key file to
//! download and keep, then its public key registered with the page's
//! form (field `public_key`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlAnchorElement, HtmlButtonElement, HtmlInputElement};

use crate::dom::{self, Shared};
use crate::task::{Problem, make};

/// Wires the key maker `tool` (`data-key-maker`, with `data-owner` and
/// `data-form`).
pub fn wire(tool: Element) {
    let (Some(owner), Some(form)) = (
        tool.get_attribute("data-owner"),
        tool.get_attribute("data-form"),
    ) else {
        return;
    };
    let parts = (
        dom::find::<HtmlInputElement>(&tool, "#new-passphrase"),
        dom::find::<HtmlInputElement>(&tool, "#new-passphrase-again"),
        dom::find::<HtmlButtonElement>(&tool, "[data-make]"),
        dom::find::<Element>(&tool, "[data-made]"),
        dom::find::<HtmlAnchorElement>(&tool, "[data-download]"),
        dom::find::<HtmlButtonElement>(&tool, "[data-register]"),
    );
    let (Some(first), Some(again), Some(button), Some(made), Some(download), Some(register)) =
        parts
    else {
        return;
    };
    dom::show(&tool, true);
    let public: Shared<Option<String>> = Rc::new(RefCell::new(None));
    let ready = button.text_content().unwrap_or_default();

    let making = tool.clone();
    let made_public = public.clone();
    let link = download.clone();
    dom::on(&button.clone(), "click", move |_| {
        dom::say(&making, None);
        dom::busy(&button, true, &ready);
        let (tool, button, ready) = (making.clone(), button.clone(), ready.clone());
        let (first, again, owner) = (first.value(), again.value(), owner.clone());
        let (made, download, public) = (made.clone(), download.clone(), made_public.clone());
        wasm_bindgen_futures::spawn_local(async move {
            dom::pause(40).await;
            let outcome = match (dom::random::<32>(), dom::random::<16>()) {
                (Some(seed), Some(salt)) => make(&owner, &first, &again, seed, salt),
                _ => Err(Problem::NoRandom),
            };
            match outcome.and_then(|(file, key)| {
                Ok((dom::download_address(&file).ok_or(Problem::NoRandom)?, key))
            }) {
                Ok((address, key)) => {
                    download.set_href(&address);
                    *public.borrow_mut() = Some(key);
                    dom::show(&made, true);
                    dom::busy(&button, true, &ready);
                    button.set_text_content(Some(&ready));
                }
                Err(problem) => {
                    dom::say(&tool, Some(problem));
                    dom::busy(&button, false, &ready);
                }
            }
        });
    });

    let saved = register.clone();
    dom::on(&link, "click", move |_| saved.set_disabled(false));
    dom::on(&register.clone(), "click", move |_| {
        if let Some(key) = public.borrow().as_deref() {
            dom::set_field(&form, "public_key", key);
            dom::submit(&form);
        }
    });
}
