//! Checking a receipt, the same way wherever it runs: in the voter's
//! browser (the [`crate::islands::ReceiptCheck`] island, with the
//! `counting` crate compiled to wasm), or on this server for a browser
//! without JavaScript (which the page then says). What is checked: a
//! receipt file or its text, or a tracker code or paper serial that names
//! an entry; see `counting::receipt` for each step.

mod verifier;

use counting::merkle::{bytes_from_hex, from_hex};
use counting::receipt::{Claim, Evidence, Failure};
use leptos::either::Either;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ModuleFiles;
use crate::api::receipts::{ServedEvidence, find_receipt, receipt_evidence};
use crate::i18n::{VoteStrings, tv};

/// A receipt as pasted: the downloaded file, or its first fields only.
#[derive(Debug, Deserialize)]
struct Pasted {
    cycle: i32,
    index: u64,
    leaf_hash: String,
    tree_size: Option<u64>,
    signed_note: Option<String>,
    #[serde(default)]
    entry: Option<String>,
}

/// What a check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Checked {
    /// Every check passed: the verified facts, the checkpoint to compare,
    /// and the ballot in words (if its bytes were at hand), with whether
    /// it is ranked.
    Ok {
        /// The entry's index.
        index: u64,
        /// The checkpoint's tree size.
        size: u64,
        /// The receipt's own checkpoint's size, when it was checked.
        receipt_size: Option<u64>,
        /// The signed checkpoint.
        checkpoint: String,
        /// The ballot's lines, and whether they are in order.
        ballot: Option<(bool, Vec<String>)>,
        /// The check as an offline proof (c2sp.org/tlog-proof): its file
        /// name and text, when the entry's bytes were at hand.
        proof: Option<(String, String)>,
    },
    /// Why not.
    Refused(String),
}

fn evidence_of(served: &ServedEvidence) -> Option<Evidence> {
    let hashes = |list: &[String]| list.iter().map(|h| from_hex(h)).collect::<Option<Vec<_>>>();
    Some(Evidence {
        manifest: bytes_from_hex(&served.manifest)?,
        checkpoint: served.checkpoint.clone(),
        entry: match &served.entry {
            Some(hex) => Some(bytes_from_hex(hex)?),
            None => None,
        },
        inclusion: hashes(&served.inclusion)?,
        consistency: hashes(&served.consistency)?,
    })
}

async fn check_claim(
    text: &VoteStrings,
    module: &ModuleFiles,
    cycle: i32,
    claim: Claim,
    from: Option<u64>,
) -> Checked {
    let served = match receipt_evidence(cycle, claim.index, from).await {
        Ok(served) => served,
        Err(error) => {
            error.respond();
            return Checked::Refused(error.message().to_owned());
        }
    };
    let Some(evidence) = evidence_of(&served) else {
        return Checked::Refused((text.receipt_problem)(Failure::OtherLeaf));
    };
    match verifier::verify_here(module, &claim, &evidence).await {
        Some(Ok(shown)) => {
            let proof = shown.proof.map(|proof| {
                let name = format!(
                    "pebble-receipt-{cycle}-{}.tlog-proof",
                    counting::tracker::tracker(&claim.leaf)
                );
                (name, proof)
            });
            Checked::Ok {
                index: shown.index,
                size: shown.size,
                receipt_size: shown.receipt_size,
                checkpoint: served.checkpoint,
                ballot: shown.ballot,
                proof,
            }
        }
        Some(Err(failure)) => Checked::Refused((text.receipt_problem)(failure)),
        None => Checked::Refused(text.verifier_unavailable.to_owned()),
    }
}

/// Checks what was typed, pasted or read from a file: a receipt, or a
/// tracker code or paper serial of cycle `cycle`. In the browser the
/// proofs are checked by the receipt check's `module`.
pub async fn check(
    text: &'static VoteStrings,
    module: &ModuleFiles,
    typed: &str,
    cycle: Option<i32>,
) -> Checked {
    let typed = typed.trim();
    if typed.starts_with("c2sp.org/tlog-proof@v1") {
        return match verifier::claim_of_proof(module, typed).await {
            Some((cycle, claim, size)) => check_claim(text, module, cycle, claim, Some(size)).await,
            None => Checked::Refused(text.receipt_unreadable.to_owned()),
        };
    }
    if typed.starts_with('{') {
        let Ok(pasted) = serde_json::from_str::<Pasted>(typed) else {
            return Checked::Refused(text.receipt_unreadable.to_owned());
        };
        let Some(leaf) = from_hex(pasted.leaf_hash.trim()) else {
            return Checked::Refused(text.receipt_unreadable.to_owned());
        };
        let checkpoint = pasted.signed_note.filter(|n| !n.trim().is_empty());
        let from = checkpoint.as_ref().and(pasted.tree_size);
        let entry = pasted
            .entry
            .filter(|e| !e.is_empty())
            .and_then(|e| bytes_from_hex(&e));
        let claim = Claim {
            index: pasted.index,
            leaf,
            checkpoint,
            entry,
        };
        return check_claim(text, module, pasted.cycle, claim, from).await;
    }
    let Some(cycle) = cycle else {
        return Checked::Refused(text.choose_cycle_to_check.to_owned());
    };
    let named = match find_receipt(cycle, typed.to_owned()).await {
        Ok(named) => named,
        Err(error) => {
            error.respond();
            return Checked::Refused(error.message().to_owned());
        }
    };
    let Some(first) = named.into_iter().next() else {
        return Checked::Refused(text.receipt_unknown.to_owned());
    };
    let Some(leaf) = from_hex(&first.leaf) else {
        return Checked::Refused(text.receipt_unknown.to_owned());
    };
    let claim = Claim {
        index: first.index,
        leaf,
        checkpoint: None,
        entry: None,
    };
    check_claim(text, module, cycle, claim, None).await
}

/// What a check found, in words. `by_server`: this server ran it (the
/// browser had no JavaScript), which the page says plainly.
#[component]
pub fn CheckedView(
    /// What the check found.
    checked: Checked,
    /// Whether this server ran it.
    by_server: bool,
) -> impl IntoView {
    let text = tv();
    match checked {
        Checked::Ok {
            index,
            size,
            receipt_size,
            checkpoint,
            ballot,
            proof,
        } => Either::Left(view! {
            <section class="check-result ok" role="status">
                <h2>{text.receipt_ok}</h2>
                {by_server.then(|| view! { <p class="notice checked-by-server">{text.checked_by_server}</p> })}
                <ul class="verified">
                    <li>{text.verified_signature}</li>
                    <li>{(text.verified_inclusion)(index, size)}</li>
                    {receipt_size.map(|old| view! { <li>{(text.verified_consistency)(old, size)}</li> })}
                    <li>{text.verified_manifest}</li>
                </ul>
                {match ballot {
                    Some((ordered, lines)) => {
                        let items = lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
                        Either::Left(view! {
                            <h3>{text.ballot_in_log}</h3>
                            {if ordered { Either::Left(view! { <ol>{items}</ol> }) } else { Either::Right(view! { <ul>{items}</ul> }) }}
                        })
                    }
                    None => Either::Right(view! { <p>{text.ballot_published_later}</p> }),
                }}
                <p>{text.compare_checkpoint}</p>
                <pre class="note">{checkpoint}</pre>
                {proof.map(|(name, proof)| view! {
                    <p>
                        <a class="button" download=name
                            href=crate::islands::browser::typed_data_address("text/plain", &proof)>
                            {text.save_proof}
                        </a>
                    </p>
                    <p class="hint">{text.save_proof_help}</p>
                })}
            </section>
        }),
        Checked::Refused(reason) => Either::Right(view! {
            <section class="check-result refused" role="alert">
                <h2>{text.receipt_rejected}</h2>
                {by_server.then(|| view! { <p class="notice checked-by-server">{text.checked_by_server}</p> })}
                <p>{reason}</p>
            </section>
        }),
    }
}
