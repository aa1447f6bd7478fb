//! What the ballot island asks of the browser: session storage for the
//! ballot in progress, random bytes for the nonce, navigation, print.
//! On the server each is a no-op; islands call them only once running.

/// The ballot in progress, as session storage keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// Whose ballot (the code it was opened with): another voter's code
    /// on a shared device starts afresh.
    pub code: String,
    /// The fields.
    pub fields: pebble_domain::ballot_form::BallotFields,
    /// The nonce made for this ballot, kept so a retry after a lost
    /// answer sends the same entry and gets the same receipt.
    pub nonce: String,
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

/// A new 16-byte nonce from the browser's CSPRNG, as 32 hex digits;
/// empty if there is none (the server then makes one).
pub fn nonce() -> String {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let mut bytes = [0u8; 16];
        let made = leptos::prelude::window()
            .crypto()
            .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()));
        if made.is_ok() {
            return counting::merkle::to_hex(&bytes);
        }
    }
    String::new()
}

/// Opens `address` in this tab.
pub fn go(address: &str) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    let _ = leptos::prelude::window().location().set_href(address);
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = address;
}

/// Replaces this page's address (and its history entry) with `address`.
pub fn replace_address(address: &str) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Ok(history) = leptos::prelude::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
    }
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = address;
}

/// Opens the browser's print dialog.
pub fn print() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    let _ = leptos::prelude::window().print();
}
