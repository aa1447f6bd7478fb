//! `GET /api/v1/cycles/{id}/manifest`: the manifest voting opened with,
//! its canonical bytes and hash, and the log's verifier key.

use axum::Json;
use axum::extract::{Path, State};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::merkle::to_hex;
use serde_json::{Value, json};

use super::error::{ApiError, cycle_id};
use crate::startup::AppState;

/// The frozen manifest as JSON; `manifest` holds its canonical bytes, so
/// anyone can recompute `manifest_hash` as their SHA-256.
pub async fn manifest(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let log = state.api.log(cycle).await?;
    let frozen = &log.frozen.manifest;
    let election = &frozen.election;
    let counted = &frozen.manifest;
    let projects: Vec<Value> = frozen
        .projects()
        .map(|(project, title)| {
            json!({
                "id": project.id.as_str(),
                "title": title,
                "cost": project.cost.minor_units(),
            })
        })
        .collect();
    Ok(Json(json!({
        "cycle": election.cycle,
        "election_id": election.id_hex(),
        "name": election.name,
        "currency": election.currency.code(),
        "budget": counted.budget.minor_units(),
        "projects": projects,
        "ballot": counted.ballot,
        "rule": counted.rule,
        "tie_break": counted.tie_break,
        "certification": { "threshold": election.threshold, "committee": election.committee },
        "committee": election.members.iter().enumerate().map(|(i, member)| json!({
            "member": i,
            "name": member.name,
            "key": election.member_verifier(i).and_then(Result::ok).map(|v| v.to_string()),
            "tiebreak_commitment": member.commitment.map(|c| to_hex(&c)),
        })).collect::<Vec<_>>(),
        "manifest": STANDARD.encode(frozen.encode()),
        "manifest_hash": to_hex(&log.frozen.hash),
        "log_origin": election.log_origin(),
        "log_key": log.signer.verifier().to_string(),
        // The whole c2sp.org/tlog-policy file, this log's line included,
        // as a witness or an auditor's tooling reads it; null without one.
        "witness_policy": election
            .witness_policy()
            .and_then(Result::ok)
            .map(|policy| policy.text()),
    })))
}
