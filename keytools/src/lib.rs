//! A committee member's key tools in the browser: the key file is made,
//! read and unsealed here (Argon2id and Ed25519 from the `counting`
//! crate), and only what the key makes (a public key, a commitment, a
//! revealed secret, a signed decision) is put in the page's plain form
//! and posted. The secret key never leaves the page.
//!
//! This is a wasm module of its own, loaded by the committee's key and
//! count pages only: Argon2id and Ed25519 signing are a tenth of the
//! islands' bundle, and the families who vote never need them. The server
//! renders every element these tools use (hidden until they run, beside a
//! note that the paste-in forms work without JavaScript); [`start`] finds
//! them by their `data-key-*` attributes and wires them. What the
//! attributes say, and the words of each problem, are in
//! `app/src/components/committee_key.rs`, which renders them.

pub mod task;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod maker;
#[cfg(target_arch = "wasm32")]
mod using;

/// Wires every key tool on the page (run when the module loads).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    for hint in dom::all("[data-key-needs-script]") {
        dom::show(&hint, false);
    }
    for tool in dom::all("[data-key-maker]") {
        maker::wire(tool);
    }
    for tool in dom::all("[data-key-use]") {
        using::wire(tool);
    }
}
