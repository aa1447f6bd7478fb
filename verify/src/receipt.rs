//! `pebble-verify receipt PROOF --manifest MANIFEST.json`: a voter's
//! receipt, downloaded as a c2sp.org/tlog-proof file, checked with no
//! network against the manifest published when voting opened
//! ([`counting::tlog_proof`]).

use std::fmt::Write as _;
use std::path::Path;

use counting::merkle::to_hex;
use counting::tlog_proof::{TlogProof, published_manifest};

use crate::Report;

/// Checks the proof file at `proof` against the manifest JSON at
/// `manifest` (`GET /api/v1/cycles/{id}/manifest`, saved).
pub fn verify_receipt_file(proof: &Path, manifest: &Path) -> Report {
    let failed = |text: String| Report { text, ok: false };
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}\n", path.display()))
    };
    let (proof_text, manifest_text) = match (read(proof), read(manifest)) {
        (Ok(p), Ok(m)) => (p, m),
        (Err(e), _) | (_, Err(e)) => return failed(e),
    };
    let json: serde_json::Value = match serde_json::from_str(&manifest_text) {
        Ok(json) => json,
        Err(e) => {
            return failed(format!(
                "{} is not the manifest's JSON: {e}\n",
                manifest.display()
            ));
        }
    };
    let frozen = match json["manifest"].as_str().map(published_manifest) {
        Some(Ok(frozen)) => frozen,
        Some(Err(e)) => return failed(format!("{}: {e}\n", manifest.display())),
        None => {
            return failed(format!(
                "{} has no \"manifest\" field: save GET /api/v1/cycles/{{id}}/manifest\n",
                manifest.display()
            ));
        }
    };
    let mut text = format!(
        "manifest hash {} (compare it with the one published when voting opened)\n",
        to_hex(&frozen.hash())
    );
    let included = match TlogProof::parse(&proof_text).and_then(|p| p.verify_receipt(&frozen)) {
        Ok(included) => included,
        Err(e) => {
            let _ = writeln!(text, "REFUSED: {e}");
            return failed(text);
        }
    };
    let titles: Vec<&str> = included
        .projects()
        .iter()
        .filter_map(|id| {
            frozen
                .projects()
                .find(|(project, _)| project.id == *id)
                .map(|(_, title)| title)
        })
        .collect();
    let _ = writeln!(
        text,
        "the ballot is entry {} of the {} the log's checkpoint signs",
        included.index, included.size
    );
    if !included.witnessed_by.is_empty() {
        let _ = writeln!(
            text,
            "cosigned as the cycle's witness policy asks, by: {}",
            included.witnessed_by.join(", ")
        );
    }
    let _ = writeln!(text, "the ballot names: {}", titles.join("; "));
    text.push_str("OK\n");
    Report { text, ok: true }
}
