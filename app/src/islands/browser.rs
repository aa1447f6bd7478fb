//! What islands ask of the browser beyond the DOM they render: random
//! bytes, a chosen file's text, the fields of a plain form they read and
//! send, and the address. On the server each is a no-op (islands call
//! them only once running in the browser).

use leptos::prelude::*;

/// `N` bytes from the browser's CSPRNG (`crypto.getRandomValues`).
pub fn random<const N: usize>() -> Option<[u8; N]> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let mut bytes = [0u8; N];
        let made = window()
            .crypto()
            .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()));
        if made.is_ok() {
            return Some(bytes);
        }
    }
    None
}

/// Puts the text of the file chosen in the input that fired `event`
/// into `into`.
pub fn read_file(event: leptos::ev::Event, into: RwSignal<String>) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            if let Some(text) = read.ok().and_then(|text| text.as_string()) {
                into.set(text);
            }
        });
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = (event, into);
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn form_element(form: &str) -> Option<web_sys::HtmlFormElement> {
    use wasm_bindgen::JsCast;
    document()
        .get_element_by_id(form)?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn input_of(form: &str, name: &str) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    form_element(form)?
        .elements()
        .named_item(name)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn textarea_of(form: &str, name: &str) -> Option<web_sys::HtmlTextAreaElement> {
    use wasm_bindgen::JsCast;
    form_element(form)?
        .elements()
        .named_item(name)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()
}

/// The value of field `name` of the form with id `form` (an input, a
/// text area or a select).
pub fn field(form: &str, name: &str) -> Option<String> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = input_of(form, name) {
            return Some(input.value());
        }
        if let Some(area) = textarea_of(form, name) {
            return Some(area.value());
        }
        form_element(form)?
            .elements()
            .named_item(name)?
            .dyn_into::<web_sys::HtmlSelectElement>()
            .ok()
            .map(|select| select.value())
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = (form, name);
        None
    }
}

/// The address's fragment (after `#`), if any.
pub fn fragment() -> Option<String> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let hash = window().location().hash().ok()?;
        (!hash.is_empty()).then_some(hash)
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    None
}

/// Takes the fragment out of the address and out of this page's history
/// entry (the address bar, Back and the tab's history keep no code).
pub fn drop_fragment() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let location = window().location();
        let plain = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        replace_address(&plain);
    }
}

/// Replaces this page's address (and its history entry) with `address`:
/// a reload then asks for `address` with a GET, never re-posting a form.
pub fn replace_address(address: &str) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = address;
}

/// Whether `ev` is the submit event of the form with id `form`.
pub fn is_form(ev: &leptos::ev::SubmitEvent, form: &str) -> bool {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.id() == form)
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = (ev, form);
        false
    }
}

/// Whether `ev` was sent by the language switch's button (which posts a
/// voting page's form with the language chosen).
pub fn submitted_by_language(ev: &leptos::ev::SubmitEvent) -> bool {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        ev.submitter()
            .is_some_and(|s| s.get_attribute("formaction").is_some())
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = ev;
        false
    }
}

/// Sends the form with id `form` without firing its submit event (after
/// an island has checked it).
pub fn submit_plainly(form: &str) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Some(form) = form_element(form) {
        let _ = form.submit();
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = form;
}

/// `text` as a `data:` address, for a download link that needs no
/// script.
pub fn data_address(text: &str) -> String {
    typed_data_address("application/json", text)
}

/// `text` as a `data:` address of media type `kind` (UTF-8).
pub fn typed_data_address(kind: &str, text: &str) -> String {
    let mut address = format!("data:{kind};charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            address.push(char::from(byte));
        } else {
            address.push_str(&format!("%{byte:02X}"));
        }
    }
    address
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_address_escapes_everything_but_unreserved_characters() {
        assert_eq!(
            data_address("{\"a\": 1}\n"),
            "data:application/json;charset=utf-8,%7B%22a%22%3A%201%7D%0A"
        );
    }
}
