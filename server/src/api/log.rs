//! The ballot log's read side: checkpoints, entries and proofs. Each
//! answer reads only what it needs (the head, one entry, the proof's
//! nodes), never the whole log.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use counting::merkle::{Hash, to_hex};
use pebble_db::log::{self, ProofRefusal};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::CheckpointBody;
use super::ballots::{leaf_of, refusal};
use super::error::{ApiError, ErrorBody, cycle_id};
use crate::startup::AppState;

/// One entry of a certified cycle's log.
#[derive(Serialize, ToSchema)]
pub struct EntryBody {
    /// Its index, from 0.
    pub index: u64,
    /// Its canonical bytes, base64 (docs/ballot-log.md §2).
    pub entry: String,
    /// Its leaf hash, hex.
    pub leaf_hash: String,
    /// Where it came from: `online`, `paper` or `imported`.
    pub source: String,
}

/// Where the entry with a leaf hash is, and the proof of it.
#[derive(Serialize, ToSchema)]
pub struct LeafBody {
    /// Its index, from 0.
    pub index: u64,
    /// The leaf hash asked for, hex.
    pub leaf_hash: String,
    /// Its tracker code.
    pub tracker: String,
    /// The size of the tree the path is for.
    pub tree_size: u64,
    /// The inclusion proof (RFC 9162 §2.1.3), hex hashes.
    pub path: Vec<String>,
    /// The checkpoint of that tree.
    pub checkpoint: CheckpointBody,
}

/// An inclusion proof.
#[derive(Serialize, ToSchema)]
pub struct InclusionBody {
    /// The entry's index.
    pub index: u64,
    /// The tree's size.
    pub tree_size: u64,
    /// The audit path (RFC 9162 §2.1.3), hex hashes.
    pub path: Vec<String>,
}

/// A consistency proof.
#[derive(Serialize, ToSchema)]
pub struct ConsistencyBody {
    /// The smaller tree's size.
    pub from: u64,
    /// The larger tree's size.
    pub to: u64,
    /// The proof (RFC 9162 §2.1.4), hex hashes.
    pub path: Vec<String>,
}

/// `GET …/log/checkpoint`: the signed head, the sealed one once voting
/// has closed.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/log/checkpoint", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 2)),
    responses(
        (status = 200, description = "The signed checkpoint", body = CheckpointBody),
        (status = 404, description = "No such cycle, or voting has not opened", body = ErrorBody),
    ))]
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
#[utoipa::path(get, path = "/api/v1/cycles/{id}/log/entries/{index}", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 2), ("index" = u64, Path, description = "The entry's index, from 0")),
    responses(
        (status = 200, description = "The entry", body = EntryBody),
        (status = 403, description = "Not certified yet: ballots are secret until then", body = ErrorBody),
        (status = 404, description = "No such cycle or entry", body = ErrorBody),
    ))]
pub async fn entry(
    State(state): State<AppState>,
    Path((cycle, index)): Path<(String, String)>,
) -> Result<Json<EntryBody>, ApiError> {
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
    Ok(Json(EntryBody {
        index: at,
        entry: base64::engine::general_purpose::STANDARD.encode(bytes),
        leaf_hash: to_hex(&leaf),
        source,
    }))
}

/// `GET …/log/leaf/{leaf_hash}`: where the entry with this leaf hash is,
/// with the log's checkpoint and the inclusion proof in it. A voter's
/// client whose answer to a cast was lost finds its receipt here (it
/// made the nonce, so it knows the leaf) instead of casting again.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/log/leaf/{leaf_hash}", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 2), ("leaf_hash" = String, Path, description = "64 hexadecimal digits", pattern = "^[0-9a-fA-F]{64}$")),
    responses(
        (status = 200, description = "Where the entry is, with its proof", body = LeafBody),
        (status = 400, description = "Not a leaf hash", body = ErrorBody),
        (status = 404, description = "No such cycle, or no entry with this leaf", body = ErrorBody),
    ))]
pub async fn leaf(
    State(state): State<AppState>,
    Path((cycle, leaf)): Path<(String, String)>,
) -> Result<Json<LeafBody>, ApiError> {
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
    Ok(Json(LeafBody {
        index: found.index,
        leaf_hash: to_hex(&hash),
        tracker: counting::tracker::tracker(&hash),
        tree_size: found.checkpoint.head.size,
        path: found.inclusion.iter().map(|h| to_hex(h)).collect(),
        checkpoint: CheckpointBody::of(&found.checkpoint),
    }))
}

/// Which inclusion proof.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InclusionQuery {
    /// The entry's index.
    index: u64,
    /// The size of the tree to prove it in.
    tree_size: u64,
}

/// Which consistency proof.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// The smaller tree's size.
    from: u64,
    /// The larger tree's size.
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
#[utoipa::path(get, path = "/api/v1/cycles/{id}/log/inclusion", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 2), InclusionQuery),
    responses(
        (status = 200, description = "The audit path", body = InclusionBody),
        (status = 400, description = "Numbers that name no proof of this log", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
    ))]
pub async fn inclusion(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<InclusionBody>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let wanted: InclusionQuery = query(raw, "index=0&tree_size=1")?;
    state.api.log(cycle).await?;
    let proof = log::inclusion(&state.db, cycle, wanted.index, wanted.tree_size).await?;
    Ok(Json(InclusionBody {
        index: wanted.index,
        tree_size: wanted.tree_size,
        path: path(proof)?,
    }))
}

/// `GET …/log/consistency?from=M&to=N`: the consistency proof between the
/// trees of the first `M` and `N` entries (RFC 9162 §2.1.4).
#[utoipa::path(get, path = "/api/v1/cycles/{id}/log/consistency", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 2), ConsistencyQuery),
    responses(
        (status = 200, description = "The consistency proof", body = ConsistencyBody),
        (status = 400, description = "Numbers that name no proof of this log", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
    ))]
pub async fn consistency(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ConsistencyBody>, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let wanted: ConsistencyQuery = query(raw, "from=1&to=2")?;
    state.api.log(cycle).await?;
    let proof = log::consistency(&state.db, cycle, wanted.from, wanted.to).await?;
    Ok(Json(ConsistencyBody {
        from: wanted.from,
        to: wanted.to,
        path: path(proof)?,
    }))
}
