//! The ballot log's read side: checkpoints, entries and proofs. Each
//! answer reads only what it needs (the head, one entry, the proof's
//! nodes), never the whole log.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::checkpoint::Checkpoint;
use counting::merkle::{Hash, to_hex};
use pebble_db::log::{self, ProofRefusal};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::checkpoint_json;
use super::error::{ApiError, cycle_id};
use crate::startup::AppState;

/// `GET …/log/checkpoint`: the signed head, the sealed one once voting
/// has closed.
pub async fn checkpoint(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let cycle_log = state.api.logs.opened(&state.db, cycle).await?;
    let election = &cycle_log.frozen.manifest.election;
    if let Some(note) = log::sealed_checkpoint(&state.db, cycle).await? {
        let verifier = cycle_log.signer.verifier();
        let checkpoint = Checkpoint::open(&note, &verifier).map_err(|e| {
            tracing::error!(%e, cycle, "the stored sealed checkpoint does not open");
            ApiError::from(pebble_db::DbError::InvalidValue {
                table: "ballot_log",
                column: "sealed_checkpoint",
                value: e.to_string(),
            })
        })?;
        let mut body = checkpoint_json(&checkpoint, &note);
        body["sealed"] = json!(true);
        return Ok(Json(body));
    }
    let checkpoint = Checkpoint {
        origin: election.log_origin(),
        head: log::head(&state.db, cycle).await?,
    };
    let mut body = checkpoint_json(&checkpoint, &checkpoint.sign(&cycle_log.signer));
    body["sealed"] = json!(false);
    Ok(Json(body))
}

/// `GET …/log/entries/{index}`: one entry's bytes (base64) and leaf hash.
pub async fn entry(
    State(state): State<AppState>,
    Path((cycle, index)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    state.api.logs.opened(&state.db, cycle).await?;
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
        "entry": STANDARD.encode(bytes),
        "leaf_hash": to_hex(&leaf),
        "source": source,
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
    state.api.logs.opened(&state.db, cycle).await?;
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
    state.api.logs.opened(&state.db, cycle).await?;
    let proof = log::consistency(&state.db, cycle, wanted.from, wanted.to).await?;
    Ok(Json(json!({
        "from": wanted.from,
        "to": wanted.to,
        "path": path(proof)?,
    })))
}
