//! The page, as the key tools use it: elements by selector and attribute,
//! the plain form they fill and send, the browser's randomness and clock,
//! a chosen file's text, and a download address for a made file.

use std::cell::RefCell;
use std::rc::Rc;

use base64::Engine;
use counting::merkle::stored::TreeHead;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Document, Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

use crate::task::Problem;

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Every element matching `selector`.
pub fn all(selector: &str) -> Vec<Element> {
    let Some(found) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The first element in `within` matching `selector`, as a `T`.
pub fn find<T: JsCast>(within: &Element, selector: &str) -> Option<T> {
    within.query_selector(selector).ok()??.dyn_into::<T>().ok()
}

/// Shows or hides `element`.
pub fn show(element: &Element, shown: bool) {
    let _ = if shown {
        element.remove_attribute("hidden")
    } else {
        element.set_attribute("hidden", "")
    };
}

/// Runs `handler` on every `event` of `element`, for the page's life.
pub fn on(element: &Element, event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = element.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Says `problem` in the tool's alert, in the words the page gave for
/// it, or clears the alert.
pub fn say(tool: &Element, problem: Option<Problem>) {
    let Some(alert) = find::<Element>(tool, "[role=alert]") else {
        return;
    };
    let words = problem.and_then(|p| tool.get_attribute(p.attribute()));
    alert.set_text_content(words.as_deref());
    show(&alert, words.is_some());
}

/// Marks the tool's button busy (its `data-working` words) or ready.
pub fn busy(button: &web_sys::HtmlButtonElement, now: bool, ready_words: &str) {
    button.set_disabled(now);
    let words = if now {
        button.get_attribute("data-working").unwrap_or_default()
    } else {
        ready_words.to_owned()
    };
    button.set_text_content(Some(&words));
}

fn form(id: &str) -> Option<HtmlFormElement> {
    document()?.get_element_by_id(id)?.dyn_into().ok()
}

fn named<T: JsCast>(form_id: &str, name: &str) -> Option<T> {
    form(form_id)?
        .elements()
        .named_item(name)?
        .dyn_into::<T>()
        .ok()
}

/// The value of field `name` of the form with id `form_id`.
pub fn field(form_id: &str, name: &str) -> Option<String> {
    named::<HtmlInputElement>(form_id, name)
        .map(|input| input.value())
        .or_else(|| named::<HtmlTextAreaElement>(form_id, name).map(|area| area.value()))
}

/// Sets field `name` of the form with id `form_id`.
pub fn set_field(form_id: &str, name: &str, value: &str) {
    if let Some(input) = named::<HtmlInputElement>(form_id, name) {
        input.set_value(value);
    } else if let Some(area) = named::<HtmlTextAreaElement>(form_id, name) {
        area.set_value(value);
    }
}

/// Sends the form with id `form_id` as its submit button would.
pub fn submit(form_id: &str) {
    if let Some(form) = form(form_id) {
        let _ = form.request_submit();
    }
}

/// `N` bytes from the browser's CSPRNG (`crypto.getRandomValues`).
pub fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// The browser's clock as RFC 3339 UTC to the second.
pub fn now_utc() -> Option<String> {
    // `toISOString` gives milliseconds: 2026-12-07T10:00:00.000Z.
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    Some(format!("{}Z", iso.get(..19)?))
}

/// The browser's clock in POSIX seconds.
pub fn now_unix() -> Option<u64> {
    let ms = js_sys::Date::now();
    (ms.is_finite() && ms > 0.0).then_some(ms as u64 / 1000)
}

fn storage_key(name: &str) -> String {
    format!("pebble-witness:{name}")
}

/// The tree head this browser last cosigned as witness `name` (its key
/// name), from the page's local storage: "size base64(root)".
pub fn remembered(name: &str) -> Option<TreeHead> {
    let stored = web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(&storage_key(name))
        .ok()??;
    let (size, root) = stored.split_once(' ')?;
    let root = base64::engine::general_purpose::STANDARD
        .decode(root)
        .ok()?;
    Some(TreeHead {
        size: size.parse().ok()?,
        root: root.try_into().ok()?,
    })
}

/// Remembers `head` as the tree head this browser last cosigned as
/// witness `name` (a browser without storage remembers nothing, and
/// relies on the server's hand-back alone).
pub fn remember(name: &str, head: TreeHead) {
    let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) else {
        return;
    };
    let text = format!(
        "{} {}",
        head.size,
        base64::engine::general_purpose::STANDARD.encode(head.root)
    );
    let _ = storage.set_item(&storage_key(name), &text);
}

/// The text of the file chosen in `input`.
pub async fn file_text(input: &HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}

/// Waits `ms` milliseconds, so that the page can say "working" before
/// Argon2id keeps the thread busy for a second or two.
pub async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// An address to download `text` from, as a JSON file.
pub fn download_address(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// A value shared by a tool's handlers.
pub type Shared<T> = Rc<RefCell<T>>;
