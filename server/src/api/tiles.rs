//! Each cycle's log as a tiled transparency log (c2sp.org/tlog-tiles) at
//! `/log/{cycle}/`: `checkpoint`, hash tiles `tile/<L>/<N>[.p/<W>]` and
//! entry bundles `tile/entries/<N>[.p/<W>]`. Hash tiles are public at all
//! times, as leaf hashes and proofs are; entry bundles hold ballots and
//! are served only once the cycle is certified (404 before). A full tile
//! never changes and may be kept for a year by any cache; a partial one
//! is kept a few seconds, and the checkpoint not at all.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use counting::tiles::{Kind, TileId};
use pebble_db::log;

use super::error::{ApiError, cycle_id};
use crate::startup::AppState;

/// How long a partial tile may be kept: its content never changes, but a
/// client should soon find the full tile that replaces it.
const PARTIAL_MAX_AGE: &str = "public, max-age=10";

/// `GET /log/{cycle}/checkpoint`: the log's signed checkpoint (the sealed
/// one once voting has closed), as a signed note.
pub async fn checkpoint(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Response, ApiError> {
    let cycle = cycle_id(&cycle)?;
    let cycle_log = state.api.log(cycle).await?;
    let signed = cycle_log.checkpoint(&state.db, cycle).await?;
    let election = &cycle_log.frozen.manifest.election;
    let note =
        pebble_db::witnesses::cosigned(&state.db, cycle, election, signed.head.size, signed.note)
            .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        note,
    )
        .into_response())
}

/// `GET /log/{cycle}/tile/{path}`: one tile or entry bundle.
pub async fn tile(
    State(state): State<AppState>,
    Path((cycle, path)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let cycle = cycle_id(&cycle)?;
    state.api.log(cycle).await?;
    let tile = TileId::parse(&format!("tile/{path}"))
        .map_err(|e| ApiError::not_found(format!("tile/{path} is not a tile of this log: {e}.")))?;
    if tile.kind == Kind::Entries {
        let phase = pebble_db::cycles::find(&state.db, cycle)
            .await?
            .map(|row| *row.phase);
        if phase != Some(pebble_domain::Phase::Certified) {
            return Err(ApiError::not_found(format!(
                "Cycle {cycle}'s entry bundles hold its ballots and are published when its committee certifies the count; its hash tiles are public now."
            )));
        }
    }
    let (size, _) = log::state(&state.db, cycle).await?;
    if !tile.within(size) {
        return Err(ApiError::not_found(format!(
            "The log holds {size} entries, which do not make {tile}."
        )));
    }
    let Some(bytes) = log::tiles::tile(&state.db, cycle, &tile).await? else {
        tracing::error!(cycle, %tile, "a tile within the log is missing from the store");
        return Err(ApiError::internal());
    };
    let cache = if tile.is_full() {
        "public, max-age=31536000, immutable"
    } else {
        PARTIAL_MAX_AGE
    };
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/octet-stream"),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response())
}
