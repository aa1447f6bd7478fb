//! `POST /api/v1/cycles/{id}/ballots`: cast a ballot with a voter code.
//!
//! The body is `{"code", "ballot", "nonce"?}`; the ballot is checked
//! against the frozen manifest before anything is written, and the whole
//! cast (code used, entry appended) is part of one transaction, with the
//! casts that arrived at the same time (see [`super::caster`]). A refused
//! code, unknown or used, always gets the same status, message and
//! timing. The voting pages cast through the same path ([`PageBallotBox`]).

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::encoding::Entry;
use counting::{Ballot, merkle};
use pebble_app::api::ballot_box::{BallotBox, CastFailure, CastRequest};
use pebble_app::api::vote::Receipt;
use pebble_db::casting::{Cast, CastRefusal};
use pebble_db::log::AppendRefusal;
use pebble_domain::VoterCode;
use rand::TryRngCore;
use serde::Deserialize;
use serde_json::{Value, json};

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
struct CastRequestBody {
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
    let result = cast_json(&state, &cycle, address, &body).await;
    state.api.metrics.cast(&result, started.elapsed());
    result
}

async fn cast_json(
    state: &AppState,
    cycle: &str,
    address: IpAddr,
    body: &[u8],
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let cycle = cycle_id(cycle)?;
    // Before the body is even read: a blocked address learns nothing.
    if let Err(wait) = state.api.guessing.gate(address) {
        return Err(refusal(cycle, CastFailure::Guessing(wait.as_secs() + 1)));
    }
    let request: CastRequestBody = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "The body must be JSON {{\"code\": \"…\", \"ballot\": {{\"kind\": …, \"choices\": …}}, \"nonce\": \"…\"}}: {e}"
        ))
    })?;
    let code: VoterCode = request
        .code
        .parse()
        .map_err(|e: pebble_domain::voter_code::CodeError| ApiError::bad_request(e.to_string()))?;
    let nonce = match request.nonce.as_deref() {
        Some(text) => Some(
            STANDARD
                .decode(text)
                .ok()
                .and_then(|bytes| <[u8; 16]>::try_from(bytes).ok())
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "The nonce must be 16 bytes in base64 (24 characters), or left out.",
                    )
                })?,
        ),
        None => None,
    };
    let parsed = CastRequest {
        cycle,
        code,
        ballot: request.ballot,
        nonce,
        address,
    };
    let receipt = cast_parsed(state, parsed)
        .await
        .map_err(|failure| refusal(cycle, failure))?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "index": receipt.index,
            "leaf_hash": receipt.leaf_hash,
            "tracker": receipt.tracker,
            "checkpoint": {
                "tree_size": receipt.tree_size,
                "root_hash": receipt.root_hash,
                "signed_note": receipt.signed_note,
                "signed_note_base64": STANDARD.encode(&receipt.signed_note),
            },
        })),
    ))
}

/// The API's answer for a cast that failed.
fn refusal(cycle: i32, failure: CastFailure) -> ApiError {
    match failure {
        CastFailure::Guessing(wait) => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many codes that could not vote were tried from your address. Wait a minute, then check your code and try again.",
        )
        .retry_after(wait),
        CastFailure::Code => ApiError::new(
            StatusCode::FORBIDDEN,
            "This code cannot vote in this cycle: it is not one of its codes, or it has already been used.",
        ),
        CastFailure::NotVoting => ApiError::conflict(format!(
            "Voting is not open in cycle {cycle}: its ballot log is closed. Nothing was recorded."
        )),
        CastFailure::Invalid(e) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{e}. Nothing was recorded."),
        ),
        CastFailure::Duplicate => ApiError::conflict(
            "This exact entry (the same nonce and ballot) is already in the log; cast with a new nonce.",
        ),
        CastFailure::Busy => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "The ballot log is too busy right now; nothing was recorded. Please try again.",
        )
        .retry_after(1),
        CastFailure::Internal => ApiError::internal(),
    }
}

/// What a storage failure means to the voter.
fn failed(error: &ApiError) -> CastFailure {
    if error.status() == StatusCode::SERVICE_UNAVAILABLE {
        CastFailure::Busy
    } else {
        CastFailure::Internal
    }
}

/// Casts a parsed ballot: the one path of the API and the voting pages.
pub async fn cast_parsed(state: &AppState, request: CastRequest) -> Result<Receipt, CastFailure> {
    let started = Instant::now();
    let CastRequest {
        cycle,
        code,
        ballot,
        nonce,
        address,
    } = request;
    if let Err(wait) = state.api.guessing.gate(address) {
        return Err(CastFailure::Guessing(wait.as_secs() + 1));
    }
    let nonce = match nonce {
        Some(nonce) => nonce,
        None => {
            let mut nonce = [0u8; 16];
            rand::rngs::OsRng.try_fill_bytes(&mut nonce).map_err(|e| {
                tracing::error!(%e, "no random nonce");
                CastFailure::Busy
            })?;
            nonce
        }
    };
    let log = state
        .api
        .logs
        .get(&state.db, cycle)
        .await
        .map_err(|e| failed(&e))?
        .ok_or(CastFailure::NotVoting)?;
    ballot
        .validate(&log.frozen.manifest.manifest)
        .map_err(CastFailure::Invalid)?;
    let entry = Entry {
        manifest_hash: log.frozen.hash,
        nonce,
        ballot,
    }
    .encode();
    let digest = merkle::to_hex(&code.digest(u64::try_from(cycle).unwrap_or(0)));
    let cast = Cast {
        code_digest: digest,
        entry,
    };
    let outcome = state
        .api
        .caster
        .cast(cycle, cast)
        .await
        .map_err(|e| failed(&e))?;
    let appended = match outcome {
        Ok(appended) => appended,
        Err(CastRefusal::Code) => {
            state.api.guessing.refused(address);
            tokio::time::sleep(REFUSAL_FLOOR.saturating_sub(started.elapsed())).await;
            return Err(CastFailure::Code);
        }
        Err(CastRefusal::NotVoting) | Err(CastRefusal::Log(AppendRefusal::Sealed)) => {
            return Err(CastFailure::NotVoting);
        }
        Err(CastRefusal::Log(AppendRefusal::Duplicate)) => return Err(CastFailure::Duplicate),
        Err(CastRefusal::Log(AppendRefusal::Busy)) => return Err(CastFailure::Busy),
    };
    let checkpoint = counting::checkpoint::Checkpoint {
        origin: log.frozen.manifest.election.log_origin(),
        head: appended.head,
    };
    state.api.metrics.log_size(cycle, appended.head.size);
    Ok(Receipt {
        cycle,
        index: appended.index,
        leaf_hash: merkle::to_hex(&appended.leaf),
        tracker: counting::tracker::tracker(&appended.leaf),
        tree_size: appended.head.size,
        root_hash: merkle::to_hex(&appended.head.root),
        signed_note: checkpoint.sign(&log.signer),
    })
}

/// The ballot box the voting pages cast into: [`cast_parsed`], counted
/// in `/metrics` as the API's casts are.
#[derive(Clone)]
pub struct PageBallotBox(pub AppState);

impl BallotBox for PageBallotBox {
    fn cast(
        &self,
        request: CastRequest,
    ) -> Pin<Box<dyn Future<Output = Result<Receipt, CastFailure>> + Send + '_>> {
        Box::pin(async move {
            let started = Instant::now();
            let cycle = request.cycle;
            let result = cast_parsed(&self.0, request).await;
            let for_metrics = result.as_ref().map_err(|f| refusal(cycle, f.clone()));
            self.0.api.metrics.cast(&for_metrics, started.elapsed());
            result
        })
    }
}
