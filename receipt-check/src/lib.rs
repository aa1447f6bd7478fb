//! The receipt check's proofs and signatures, in the voter's browser:
//! `counting::receipt` (the manifest decoded strictly, the checkpoint's
//! Ed25519 signature, the inclusion and consistency proofs) compiled to
//! a wasm module of its own. The receipt page's island loads it when a
//! voter checks a receipt, so the third of the islands' bundle that this
//! takes is not in what every family downloads to vote.
//!
//! The island sends the claim and the evidence as JSON and gets back
//! `Result<Shown, Failure>` as JSON (`counting::receipt::check_json`).

/// Checks a receipt: `claim` and `evidence` as JSON; the answer as JSON,
/// or nothing if either does not parse.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn check(claim: &str, evidence: &str) -> Option<String> {
    counting::receipt::check_json(claim, evidence)
}

/// Reads a pasted or chosen `.tlog-proof` file: `[cycle, claim, size]` as
/// JSON, or nothing if it is not one.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn claim_of_proof(text: &str) -> Option<String> {
    counting::receipt::claim_of_proof_json(text)
}
