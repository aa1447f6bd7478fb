//! `POST /api/v1/cycles/{id}/log/proof`: a receipt as an offline proof
//! (c2sp.org/tlog-proof): the body is the receipt file a voter downloaded
//! (JSON with the entry in hex; only `entry` is read; the API's receipt,
//! with it in base64, serves too), the answer a
//! `.tlog-proof` file holding the log's checkpoint (the sealed one once
//! voting has closed) with its witnesses' cosignatures, the entry's index
//! and inclusion path, and the entry as the extra data.
//! `pebble-verify receipt` checks it with no network. The entry travels in
//! the body, never the address: it holds the ballot.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::merkle::{bytes_from_hex, leaf_hash};
use counting::tlog_proof::TlogProof;
use serde::Deserialize;

use super::ballots::{json_only, refusal};
use super::error::{ApiError, ErrorBody, cycle_id};
use crate::startup::AppState;

/// The receipt file a voter downloaded (only `entry` is read).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReceiptFile {
    /// The entry's canonical bytes, hex (the downloaded file) or base64
    /// (the API's receipt).
    entry: String,
}

/// See the module's doc.
#[utoipa::path(post, path = "/api/v1/cycles/{id}/log/proof", tag = "log",
    params(("id" = i32, Path, description = "The cycle", example = 1)),
    request_body = ReceiptFile,
    responses(
        (status = 200, description = "The receipt as a c2sp.org/tlog-proof file", body = String, content_type = "text/plain"),
        (status = 400, description = "Not a receipt file", body = ErrorBody),
        (status = 404, description = "No such cycle, or an entry not in its log", body = ErrorBody),
        (status = 415, description = "The body is not declared as JSON", body = ErrorBody),
    ))]
pub async fn proof(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let cycle = cycle_id(&cycle)?;
    json_only(&headers)?;
    let file: ReceiptFile = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(format!(
            "Send the receipt file you downloaded (JSON with the entry in hex, {{\"entry\": \"…\"}}): {e}"
        ))
    })?;
    let text = file.entry.trim();
    // The downloaded receipt file holds the entry in hex, the API's answer
    // in base64: try both, the one whose leaf the log holds wins.
    let candidates: Vec<Vec<u8>> = [bytes_from_hex(text), STANDARD.decode(text).ok()]
        .into_iter()
        .flatten()
        .filter(|bytes| !bytes.is_empty())
        .collect();
    if candidates.is_empty() {
        return Err(ApiError::bad_request(
            "The receipt's entry must be hex digits (or base64).",
        ));
    }
    let log = state.api.log(cycle).await?;
    let mut found = None;
    for entry in candidates {
        let leaf = leaf_hash(&entry);
        if let Some(recovered) = state
            .api
            .ballot_box
            .recover(cycle, &leaf)
            .await
            .map_err(|f| refusal(&f))?
        {
            found = Some((entry, leaf, recovered));
            break;
        }
    }
    let Some((entry, leaf, found)) = found else {
        return Err(ApiError::not_found(format!(
            "The log of cycle {cycle} holds no such entry: this receipt's ballot is not in it."
        )));
    };
    let checkpoint = pebble_db::witnesses::cosigned(
        &state.db,
        cycle,
        &log.frozen.manifest.election,
        found.checkpoint.head.size,
        found.checkpoint.note,
    )
    .await?;
    let proof = TlogProof {
        extra: Some(entry),
        index: found.index,
        path: found.inclusion,
        checkpoint,
    };
    let name = format!(
        "pebble-receipt-{cycle}-{}.tlog-proof",
        counting::tracker::tracker(&leaf)
    );
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        proof.text(),
    )
        .into_response())
}
