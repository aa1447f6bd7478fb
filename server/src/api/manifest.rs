//! `GET /api/v1/cycles/{id}/manifest`: the manifest voting opened with,
//! its canonical bytes and hash, and the log's verifier key.

use axum::Json;
use axum::extract::{Path, State};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::merkle::to_hex;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody, cycle_id};
use crate::startup::AppState;

/// One project on the ballot.
#[derive(Serialize, ToSchema)]
pub struct ManifestProject {
    /// Its id (the proposal's number).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its ballot cost, in minor units of the currency.
    pub cost: u64,
}

/// How many certifications publish the record.
#[derive(Serialize, ToSchema)]
pub struct CertificationRule {
    /// k: the certifications needed.
    pub threshold: u32,
    /// n: the committee's size.
    pub committee: u32,
}

/// One committee member as the manifest froze them.
#[derive(Serialize, ToSchema)]
pub struct ManifestMember {
    /// Their place on the committee, from 0.
    pub member: usize,
    /// Their name.
    pub name: String,
    /// Their verifier key (`name+hexid+base64(0x01 ‖ key)`).
    pub key: Option<String>,
    /// Their tie-break commitment, hex (none in an imported cycle).
    pub tiebreak_commitment: Option<String>,
}

/// The manifest voting opened with.
#[derive(Serialize, ToSchema)]
pub struct ManifestBody {
    /// The cycle.
    pub cycle: u64,
    /// The election id, hex.
    pub election_id: String,
    /// The cycle's name.
    pub name: String,
    /// The currency (ISO 4217).
    pub currency: String,
    /// The budget, in minor units.
    pub budget: u64,
    /// The projects on the ballot.
    pub projects: Vec<ManifestProject>,
    /// The ballot's kind and limits (docs/ballot-log.md §1).
    #[schema(value_type = Object)]
    pub ballot: serde_json::Value,
    /// The counting rule and, for equal shares, its completion.
    #[schema(value_type = Object)]
    pub rule: serde_json::Value,
    /// The tie-break, by name (`cheapest-then-seeded`, …).
    #[schema(value_type = String)]
    pub tie_break: serde_json::Value,
    /// k of n.
    pub certification: CertificationRule,
    /// The committee, in order.
    pub committee: Vec<ManifestMember>,
    /// The frozen manifest's canonical bytes, base64.
    pub manifest: String,
    /// Their SHA-256, hex.
    pub manifest_hash: String,
    /// The log's origin line.
    pub log_origin: String,
    /// The log's verifier key.
    pub log_key: String,
    /// The whole c2sp.org/tlog-policy file its log must meet, or null.
    pub witness_policy: Option<String>,
}

/// The frozen manifest as JSON; `manifest` holds its canonical bytes, so
/// anyone can recompute `manifest_hash` as their SHA-256.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/manifest", tag = "cycles",
    params(("id" = i32, Path, description = "The cycle", example = 1)),
    responses(
        (status = 200, description = "The frozen manifest", body = ManifestBody),
        (status = 404, description = "No such cycle, or voting has not opened", body = ErrorBody),
    ))]
pub async fn manifest(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<ManifestBody>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let log = state.api.log(cycle).await?;
    let frozen = &log.frozen.manifest;
    let election = &frozen.election;
    let counted = &frozen.manifest;
    let json = |value: Result<serde_json::Value, serde_json::Error>| {
        value.map_err(|e| {
            tracing::error!(%e, "the manifest does not serialize");
            ApiError::internal()
        })
    };
    Ok(Json(ManifestBody {
        cycle: election.cycle,
        election_id: election.id_hex(),
        name: election.name.clone(),
        currency: election.currency.code().to_owned(),
        budget: counted.budget.minor_units(),
        projects: frozen
            .projects()
            .map(|(project, title)| ManifestProject {
                id: project.id.as_str().to_owned(),
                title: title.to_owned(),
                cost: project.cost.minor_units(),
            })
            .collect(),
        ballot: json(serde_json::to_value(&counted.ballot))?,
        rule: json(serde_json::to_value(counted.rule))?,
        tie_break: json(serde_json::to_value(counted.tie_break))?,
        certification: CertificationRule {
            threshold: election.threshold,
            committee: election.committee,
        },
        committee: election
            .members
            .iter()
            .enumerate()
            .map(|(i, member)| ManifestMember {
                member: i,
                name: member.name.clone(),
                key: election
                    .member_verifier(i)
                    .and_then(Result::ok)
                    .map(|v| v.to_string()),
                tiebreak_commitment: member.commitment.map(|c| to_hex(&c)),
            })
            .collect(),
        manifest: STANDARD.encode(frozen.encode()),
        manifest_hash: to_hex(&log.frozen.hash),
        log_origin: election.log_origin(),
        log_key: log.signer.verifier().to_string(),
        witness_policy: election
            .witness_policy()
            .and_then(Result::ok)
            .map(|policy| policy.text()),
    }))
}
