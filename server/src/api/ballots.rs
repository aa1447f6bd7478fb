//! `POST /api/v1/cycles/{id}/ballots`: cast a ballot with a voter code.
//!
//! The body is `{"code", "ballot", "nonce"?}`; the ballot is checked
//! against the frozen manifest before anything is written, and the whole
//! cast (code used, entry appended) is part of one transaction, with the
//! casts that arrived at the same time (see [`super::caster`]). A refused
//! code, unknown or used, always gets the same status, message and
//! timing.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::encoding::Entry;
use counting::{Ballot, merkle};
use pebble_db::casting::{Cast, CastRefusal};
use pebble_db::log::AppendRefusal;
use pebble_domain::VoterCode;
use rand::TryRngCore;
use serde::Deserialize;
use serde_json::{Value, json};

use super::checkpoint_json;
use super::error::{ApiError, cycle_id};
use crate::startup::AppState;

/// How long a refused code takes to answer at least. An unknown code and
/// a used one take the same path through the batch, and the floor hides
/// what is left: how long the batch they shared took. It also slows
/// guessing down.
const REFUSAL_FLOOR: Duration = Duration::from_millis(200);

/// The request body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CastRequest {
    code: String,
    ballot: Ballot,
    nonce: Option<String>,
}

/// Casts a ballot; 201 with the receipt.
pub async fn cast(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    connection: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let started = Instant::now();
    // In-process tests have no connection; they share one address.
    let address = connection.map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.0.ip());
    let result = cast_inner(&state, &cycle, address, &body).await;
    state.api.metrics.cast(&result, started.elapsed());
    result
}

async fn cast_inner(
    state: &AppState,
    cycle: &str,
    address: IpAddr,
    body: &[u8],
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let started = Instant::now();
    let cycle = cycle_id(cycle)?;
    if let Err(wait) = state.api.guessing.gate(address) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many codes that could not vote were tried from your address. Wait a minute, then check your code and try again.",
        )
        .retry_after(wait.as_secs() + 1));
    }
    let request: CastRequest = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "The body must be JSON {{\"code\": \"…\", \"ballot\": {{\"kind\": …, \"choices\": …}}, \"nonce\": \"…\"}}: {e}"
        ))
    })?;
    let code: VoterCode = request
        .code
        .parse()
        .map_err(|e: pebble_domain::voter_code::CodeError| ApiError::bad_request(e.to_string()))?;
    let nonce = match request.nonce.as_deref() {
        Some(text) => STANDARD
            .decode(text)
            .ok()
            .and_then(|bytes| <[u8; 16]>::try_from(bytes).ok())
            .ok_or_else(|| {
                ApiError::bad_request(
                    "The nonce must be 16 bytes in base64 (24 characters), or left out.",
                )
            })?,
        None => {
            let mut nonce = [0u8; 16];
            rand::rngs::OsRng.try_fill_bytes(&mut nonce).map_err(|e| {
                tracing::error!(%e, "no random nonce");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The server cannot make a nonce now; send one, or try again.",
                )
            })?;
            nonce
        }
    };
    let log =
        state.api.logs.get(&state.db, cycle).await?.ok_or_else(|| {
            ApiError::conflict(format!("Voting has not opened in cycle {cycle}."))
        })?;
    request
        .ballot
        .validate(&log.frozen.manifest.manifest)
        .map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("{e}. Nothing was recorded."),
            )
        })?;
    let entry = Entry {
        manifest_hash: log.frozen.hash,
        nonce,
        ballot: request.ballot,
    }
    .encode();
    let digest = merkle::to_hex(&code.digest(u64::try_from(cycle).unwrap_or(0)));
    let cast = Cast {
        code_digest: digest,
        entry,
    };
    let appended = match state.api.caster.cast(cycle, cast).await? {
        Ok(appended) => appended,
        Err(CastRefusal::Code) => {
            state.api.guessing.refused(address);
            tokio::time::sleep(REFUSAL_FLOOR.saturating_sub(started.elapsed())).await;
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "This code cannot vote in this cycle: it is not one of its codes, or it has already been used.",
            ));
        }
        Err(CastRefusal::NotVoting) | Err(CastRefusal::Log(AppendRefusal::Sealed)) => {
            return Err(ApiError::conflict(format!(
                "Voting is not open in cycle {cycle}: its ballot log is closed. Nothing was recorded."
            )));
        }
        Err(CastRefusal::Log(AppendRefusal::Duplicate)) => {
            return Err(ApiError::conflict(
                "This exact entry (the same nonce and ballot) is already in the log; cast with a new nonce.",
            ));
        }
        Err(CastRefusal::Log(AppendRefusal::Busy)) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "The ballot log is too busy right now; nothing was recorded. Please try again.",
            )
            .retry_after(1));
        }
    };
    let checkpoint = counting::checkpoint::Checkpoint {
        origin: log.frozen.manifest.election.log_origin(),
        head: appended.head,
    };
    state.api.metrics.log_size(cycle, appended.head.size);
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "index": appended.index,
            "leaf_hash": merkle::to_hex(&appended.leaf),
            "tracker": counting::tracker::tracker(&appended.leaf),
            "checkpoint": checkpoint_json(&checkpoint, &checkpoint.sign(&log.signer)),
        })),
    ))
}
