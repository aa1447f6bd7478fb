//! Where a receipt's proofs and signatures are checked: on this server
//! for a browser without JavaScript, else in the voter's browser by the
//! receipt check's own wasm module (`receipt-check/`), which the island
//! loads the first time a voter checks a receipt. Either way the check
//! is `counting::receipt`'s; in the browser it crosses as JSON.

use counting::receipt::{Claim, Evidence, Failure, Shown};

use crate::ModuleFiles;

/// Checks `claim` against `evidence`: what the receipt shows, which check
/// failed, or `None` when the browser could not load the check.
pub async fn verify_here(
    module: &ModuleFiles,
    claim: &Claim,
    evidence: &Evidence,
) -> Option<Result<Shown, Failure>> {
    #[cfg(feature = "ssr")]
    {
        let _ = module;
        Some(counting::receipt::check(claim, evidence))
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let claim = serde_json::to_string(claim).ok()?;
        let evidence = serde_json::to_string(evidence).ok()?;
        let answer = in_browser::check(module, &claim, &evidence).await?;
        serde_json::from_str(&answer).ok()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = (module, claim, evidence);
        None
    }
}

/// Reads a pasted `.tlog-proof` file (`counting::tlog_proof::receipt_claim`):
/// in the browser by the receipt check's module, so the islands' bundle
/// carries none of it.
pub async fn claim_of_proof(module: &ModuleFiles, text: &str) -> Option<(i32, Claim, u64)> {
    #[cfg(feature = "ssr")]
    {
        let _ = module;
        counting::tlog_proof::receipt_claim(text)
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let answer = in_browser::call(module, "claim_of_proof", &[text]).await?;
        serde_json::from_str(&answer).ok()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = (module, text);
        None
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
mod in_browser {
    use std::cell::RefCell;

    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use crate::ModuleFiles;

    // A dynamic `import()` is syntax, not a function wasm-bindgen can
    // import; this one-line snippet ships beside the islands' module.
    #[wasm_bindgen(inline_js = "export function load_module(url) { return import(url); }")]
    extern "C" {
        fn load_module(url: &str) -> Promise;
    }

    thread_local! {
        static LOADED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    fn get(from: &JsValue, name: &str) -> Option<JsValue> {
        Reflect::get(from, &JsValue::from_str(name)).ok()
    }

    /// The module, loaded and its wasm started (once per page).
    async fn module(files: &ModuleFiles) -> Option<JsValue> {
        if let Some(loaded) = LOADED.with(|l| l.borrow().clone()) {
            return Some(loaded);
        }
        let namespace = JsFuture::from(load_module(&files.module)).await.ok()?;
        let init: Function = get(&namespace, "default")?.dyn_into().ok()?;
        let options = Object::new();
        Reflect::set(
            &options,
            &JsValue::from_str("module_or_path"),
            &JsValue::from_str(&files.wasm),
        )
        .ok()?;
        let started: Promise = init.call1(&JsValue::NULL, &options).ok()?.dyn_into().ok()?;
        JsFuture::from(started).await.ok()?;
        LOADED.with(|l| *l.borrow_mut() = Some(namespace.clone()));
        Some(namespace)
    }

    /// The module's `check(claim, evidence)`.
    pub async fn check(files: &ModuleFiles, claim: &str, evidence: &str) -> Option<String> {
        call(files, "check", &[claim, evidence]).await
    }

    /// The module's function `name` called with `args` (strings), its
    /// string answer.
    pub async fn call(files: &ModuleFiles, name: &str, args: &[&str]) -> Option<String> {
        let namespace = module(files).await?;
        let function: Function = get(&namespace, name)?.dyn_into().ok()?;
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        function.apply(&JsValue::NULL, &args).ok()?.as_string()
    }
}
