//! The ballot log's read side: checkpoints, entries and proofs. Each
//! answer reads only what it needs (the head, one entry, the proof's
//! nodes), never the whole log.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use counting::merkle::{Hash, to_hex};
use pebble_db::log::{self, ProofRefusal};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::CheckpointBody;
use super::ballots::{leaf_of, refusal};
use super::error::{ApiError, cycle_id};
use crate::startup::AppState;

/// `GET …/log/checkpoint`: the signed head, the sealed one once voting
/// has closed.
pub async fn checkpoint(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<CheckpointBody>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let cycle_log = state.api.log(cycle).await?;
    let signed = cycle_log.checkpoint(&state.db, cycle).await?;
    Ok(Json(CheckpointBody::of(&signed)))
}

/// `GET …/log/entries/{index}`: one entry's bytes (base64), leaf hash and
/// source, once the cycle is certified. Before that every ballot is
/// secret: a 403 that says when it is published (leaf hashes and proofs
/// are public all along, through the other routes).
pub async fn entry(
    State(state): State<AppState>,
    Path((cycle, index)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    use base64::Engine;
    let cycle = cycle_id(&cycle)?;
    state.api.log(cycle).await?;
    let phase = pebble_db::cycles::find(&state.db, cycle)
        .await?
        .map(|row| *row.phase);
    if phase != Some(pebble_domain::Phase::Certified) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "Cycle {cycle}'s ballots are published with the results, when its committee certifies the count. Until then the log serves leaf hashes and proofs only: see …/log/leaf/{{leaf_hash}} and …/log/inclusion."
            ),
        ));
    }
    let (size, _) = log::state(&state.db, cycle).await?;
    let missing = || {
        ApiError::not_found(format!(
            "There is no entry {index:?} in this log: it has {size} entries, numbered from 0."
        ))
    };
    let at: u64 = index.parse().map_err(|_| missing())?;
    let (bytes, leaf, source) = log::entry(&state.db, cycle, at)
        .await?
        .ok_or_else(missing)?;
    Ok(Json(json!({
        "index": at,
        "entry": base64::engine::general_purpose::STANDARD.encode(bytes),
        "leaf_hash": to_hex(&leaf),
        "source": source,
    })))
}

/// `GET …/log/leaf/{leaf_hash}`: where the entry with this leaf hash is,
/// with the log's checkpoint and the inclusion proof in it. A voter's
/// client whose answer to a cast was lost finds its receipt here (it
/// made the nonce, so it knows the leaf) instead of casting again.
pub async fn leaf(
    State(state): State<AppState>,
    Path((cycle, leaf)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let hash = leaf_of(&leaf)?;
    state.api.log(cycle).await?;
    let found = state
        .api
        .ballot_box
        .recover(cycle, &hash)
        .await
        .map_err(|f| refusal(&f))?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "The log of cycle {cycle} holds no entry with leaf hash {}.",
                to_hex(&hash)
            ))
        })?;
    Ok(Json(json!({
        "index": found.index,
        "leaf_hash": to_hex(&hash),
        "tracker": counting::tracker::tracker(&hash),
        "tree_size": found.checkpoint.head.size,
        "path": found.inclusion.iter().map(|h| to_hex(h)).collect::<Vec<_>>(),
        "checkpoint": CheckpointBody::of(&found.checkpoint),
    })))
}

#[derive(Deserialize)]
struct InclusionQuery {
    index: u64,
    tree_size: u64,
}

#[derive(Deserialize)]
struct ConsistencyQuery {
    from: u64,
    to: u64,
}

fn query<T: DeserializeOwned>(raw: Option<String>, example: &str) -> Result<T, ApiError> {
    serde_urlencoded::from_str(raw.as_deref().unwrap_or(""))
        .map_err(|e| ApiError::bad_request(format!("Give whole numbers, as in ?{example}: {e}")))
}

fn path(proof: Result<Vec<Hash>, ProofRefusal>) -> Result<Vec<String>, ApiError> {
    match proof {
        Ok(path) => Ok(path.iter().map(|hash| to_hex(hash)).collect()),
        Err(ProofRefusal::BeyondLog { size, log_size }) => Err(ApiError::bad_request(format!(
            "The log has {log_size} entries; a proof cannot be given for a tree of {size}."
        ))),
        Err(ProofRefusal::Proof(e)) => Err(ApiError::bad_request(format!(
            "No proof for these numbers: {e}."
        ))),
    }
}

/// `GET …/log/inclusion?index=I&tree_size=N`: the audit path of entry
/// `I` in the tree of the first `N` entries (RFC 9162 §2.1.3).
pub async fn inclusion(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let wanted: InclusionQuery = query(raw, "index=0&tree_size=1")?;
    state.api.log(cycle).await?;
    let proof = log::inclusion(&state.db, cycle, wanted.index, wanted.tree_size).await?;
    Ok(Json(json!({
        "index": wanted.index,
        "tree_size": wanted.tree_size,
        "path": path(proof)?,
    })))
}

/// `GET …/log/consistency?from=M&to=N`: the consistency proof between the
/// trees of the first `M` and `N` entries (RFC 9162 §2.1.4).
pub async fn consistency(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let wanted: ConsistencyQuery = query(raw, "from=1&to=2")?;
    state.api.log(cycle).await?;
    let proof = log::consistency(&state.db, cycle, wanted.from, wanted.to).await?;
    Ok(Json(json!({
        "from": wanted.from,
        "to": wanted.to,
        "path": path(proof)?,
    })))
}
