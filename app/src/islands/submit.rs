//! Plain forms that an island takes over when JavaScript runs: the form
//! posts to its server function by itself (so it works with JavaScript
//! off), and in the browser its submit event dispatches the island's
//! server action with the fields read from the form instead. Leptos'
//! `ActionForm` does the same but ships a generic form decoder and a
//! boxed view with every page's code; this reads named fields only.

use leptos::ev::SubmitEvent;

/// The form's fields by name, once its submit event is stopped; `None`
/// outside a browser or when the event has no form.
pub fn fields(ev: &SubmitEvent) -> Option<impl Fn(&str) -> String> {
    ev.prevent_default();
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use leptos::wasm_bindgen::JsCast;
        let form = ev
            .target()?
            .dyn_into::<leptos::web_sys::HtmlFormElement>()
            .ok()?;
        let data = leptos::web_sys::FormData::new_with_form(&form).ok()?;
        Some(move |name: &str| data.get(name).as_string().unwrap_or_default())
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        None::<fn(&str) -> String>
    }
}
