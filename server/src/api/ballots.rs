//! `POST /api/v1/cycles/{id}/ballots`: cast a ballot with a voter code.
//!
//! The body is `{"code", "ballot", "nonce"?}`; it is parsed here and
//! cast by the ballot box ([`pebble_app::ballot_box`]), the same path the
//! voting pages take: the ballot is checked against the frozen manifest
//! before anything is written, a refused code (unknown or used) always
//! gets the same status, message and timing, and an entry already in the
//! log is refused whatever the code.

use std::net::IpAddr;
use std::time::Instant;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::{Extension, Json};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::Ballot;
use counting::merkle::{bytes_from_hex, from_hex};
use pebble_app::ballot_box::{CastFailure, CastRequest, Receipt};
use pebble_app::i18n::Lang;
use pebble_app::site::ClientAddress;
use pebble_domain::VoterCode;
use serde::{Deserialize, Serialize};

use super::CheckpointBody;
use super::error::{ApiError, ErrorBody, cycle_id};
use crate::startup::AppState;

/// The request body.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CastRequestBody {
    /// The voter code, as printed (`XXXXXX-XXXXXX-XXXXXX`).
    code: String,
    /// The ballot, within the manifest's limits.
    #[schema(value_type = BallotSchema)]
    ballot: Ballot,
    /// 16 random bytes, base64, made by the client (so it can find its
    /// receipt by leaf hash if the answer is lost); the server makes one
    /// if left out.
    nonce: Option<String>,
}

/// A ballot as the API reads it (`counting::Ballot`'s JSON form): the
/// kind, and its choices as project ids.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Ballot)]
#[serde(tag = "kind", content = "choices", rename_all = "snake_case")]
#[allow(dead_code)]
pub enum BallotSchema {
    /// The approved projects.
    Approval(Vec<String>),
    /// Projects in order of preference, most preferred first.
    Ranked(Vec<String>),
    /// Points per project, each above zero.
    Allocation(std::collections::BTreeMap<String, u64>),
}

/// The receipt, as the API answers a cast.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReceiptBody {
    /// The entry's index in the log.
    pub index: u64,
    /// Its leaf hash, hex.
    pub leaf_hash: String,
    /// The tracker code.
    pub tracker: String,
    /// The entry's canonical bytes (base64): the voter's own copy, the
    /// only one served before the cycle is certified.
    pub entry: String,
    /// The signed checkpoint just after the entry.
    pub checkpoint: CheckpointBody,
}

impl ReceiptBody {
    fn of(receipt: Receipt) -> ReceiptBody {
        let entry = bytes_from_hex(&receipt.entry).unwrap_or_default();
        ReceiptBody {
            index: receipt.index,
            tracker: receipt.tracker,
            entry: STANDARD.encode(entry),
            checkpoint: CheckpointBody {
                tree_size: receipt.tree_size,
                signed_note_base64: STANDARD.encode(&receipt.signed_note),
                root_hash: receipt.root_hash,
                signed_note: receipt.signed_note,
                sealed: false,
            },
            leaf_hash: receipt.leaf_hash,
        }
    }
}

/// The API's answer to a refused cast, in English.
pub fn refusal(failure: &CastFailure) -> ApiError {
    if failure == &CastFailure::Internal {
        return ApiError::internal();
    }
    let status =
        StatusCode::from_u16(failure.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut error = ApiError::new(status, failure.message(Lang::En.vote()));
    if let Some(wait) = failure.retry_after() {
        error = error.retry_after(wait);
    }
    error
}

/// Casts a ballot; 201 with the receipt.
#[utoipa::path(post, path = "/api/v1/cycles/{id}/ballots", tag = "casting",
    params(("id" = i32, Path, description = "The cycle", example = 1)),
    request_body = CastRequestBody,
    responses(
        (status = 201, description = "Cast: the receipt", body = ReceiptBody),
        (status = 400, description = "A body, code or ballot that does not read", body = ErrorBody),
        (status = 403, description = "The code is unknown or used (always the same answer)", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
        (status = 409, description = "Voting is not open, or the entry is in the log already", body = ErrorBody),
        (status = 415, description = "The body is not declared as JSON", body = ErrorBody),
        (status = 422, description = "The ballot breaks the manifest's limits", body = ErrorBody),
        (status = 429, description = "Too many refused codes from here: wait (Retry-After)", body = ErrorBody),
        (status = 503, description = "Busy: nothing was written, try again (Retry-After)", body = ErrorBody),
    ))]
pub async fn cast(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    client: Option<Extension<ClientAddress>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<ReceiptBody>), ApiError> {
    let started = Instant::now();
    // In-process tests have no connection; they share one address.
    let address = client.map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.0);
    let request = match json_only(&headers).and_then(|()| parse(&cycle, address, &body)) {
        Ok(request) => request,
        Err(error) => {
            state.api.metrics.malformed(started.elapsed());
            return Err(error);
        }
    };
    let receipt = state
        .api
        .ballot_box
        .cast(request, Lang::En.vote())
        .await
        .map_err(|failure| refusal(&failure))?;
    Ok((StatusCode::CREATED, Json(ReceiptBody::of(receipt))))
}

/// A cast must say its body is JSON: a web page elsewhere can send a
/// `text/plain` body to any site without asking first (a "simple" request
/// in the Fetch standard), but not an `application/json` one.
pub(crate) fn json_only(headers: &HeaderMap) -> Result<(), ApiError> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if essence.as_deref() == Some("application/json") {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "Send the body as JSON, with the header Content-Type: application/json.",
    ))
}

fn parse(cycle: &str, address: IpAddr, body: &[u8]) -> Result<CastRequest, ApiError> {
    let cycle = cycle_id(cycle)?;
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
    Ok(CastRequest {
        cycle,
        code,
        ballot: request.ballot,
        nonce,
        address,
    })
}

/// A leaf hash in a path: 64 hex digits.
pub fn leaf_of(text: &str) -> Result<counting::merkle::Hash, ApiError> {
    from_hex(text).ok_or_else(|| {
        ApiError::bad_request(format!(
            "{text:?} is not a leaf hash: a leaf hash is 64 hexadecimal digits."
        ))
    })
}
