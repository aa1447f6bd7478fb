//! What the ballot island keeps in the browser: the ballot in progress,
//! and once it is cast, its receipt, in the tab's session storage (never
//! on the server, and gone with the tab), so that a reload or Back shows
//! the same ballot, or the receipt, again.

use crate::ballot_box::Receipt;

/// The ballot of a cycle as this tab keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// Whose ballot (the code it was opened with): another voter's code
    /// on a shared device starts afresh.
    pub code: String,
    /// The fields.
    pub fields: pebble_domain::ballot_form::BallotFields,
    /// The nonce made for this ballot, kept so that a retry after a lost
    /// answer sends the same entry, which the log then finds.
    pub nonce: String,
    /// The receipt, once the ballot is cast.
    #[serde(default)]
    pub receipt: Option<Receipt>,
}

fn key(cycle: i32) -> String {
    format!("pebble-ballot-{cycle}")
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

/// The kept ballot of `cycle`, if any.
pub fn load(cycle: i32) -> Option<Kept> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let text = storage()?.get_item(&key(cycle)).ok()??;
        serde_json::from_str(&text).ok()
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = key(cycle);
        None
    }
}

/// Keeps `kept` for `cycle`.
pub fn save(cycle: i32, kept: &Kept) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(kept)) {
        let _ = storage.set_item(&key(cycle), &text);
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = (key(cycle), kept);
}

/// Forgets `cycle`'s kept ballot.
pub fn forget(cycle: i32) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(cycle));
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = key(cycle);
}

/// The fields of the form with id `form` as the page holds them now:
/// what the voter ticked or typed, even before the island ran.
pub fn form_fields(form: &str) -> Option<pebble_domain::ballot_form::BallotFields> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        use wasm_bindgen::JsCast;
        let form = leptos::prelude::document()
            .get_element_by_id(form)?
            .dyn_into::<web_sys::HtmlFormElement>()
            .ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let mut pairs = Vec::new();
        let entries = js_sys::try_iter(&data).ok()??;
        for entry in entries.flatten() {
            let pair: js_sys::Array = entry.unchecked_into();
            if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                pairs.push((name, value));
            }
        }
        Some(pebble_domain::ballot_form::BallotFields::from_pairs(
            pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        ))
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    {
        let _ = form;
        None
    }
}

/// Opens `address` in this tab.
pub fn go(address: &str) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    let _ = leptos::prelude::window().location().set_href(address);
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = address;
}

/// Opens the browser's print dialog.
pub fn print() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    let _ = leptos::prelude::window().print();
}

/// Moves keyboard focus to the element with id `id`, once the view has
/// caught up.
///
/// Leptos runs its effects on its own schedule, so the list that holds
/// the element may be rebuilt a frame or two after the move: the element
/// focused first is then taken out of the page and focus falls to the
/// body, where a keyboard user's next arrow key goes nowhere. For a few
/// frames, focus lost that way is given back to the element that now has
/// the id; focus the user moved elsewhere is left where it is.
pub fn focus(id: String) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    focus_for_frames(id, true, 8);
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = id;
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn focus_for_frames(id: String, first: bool, frames: u8) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let document = leptos::prelude::document();
        let lost = match document.active_element() {
            None => true,
            Some(active) => !active.is_connected() || document.body().is_some_and(|b| *b == active),
        };
        if (first || lost)
            && let Some(element) = document
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
        if frames > 0 {
            focus_for_frames(id, false, frames - 1);
        }
    });
}
