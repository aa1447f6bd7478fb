//! The certified election record and its exports: `record` (JSON),
//! `ballots.pb` (pabulib) and `results.csv`. Each answers only once the
//! cycle is certified; before that every one of them is a 403 for
//! everyone, admins included, so no count, total or partial, leaves the
//! committee's review page early.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use counting::record::{Record, export};
use pebble_db::count::{self, Published};

use super::error::{ApiError, ErrorBody, cycle_id};
use crate::startup::AppState;

/// The certified record of cycle `cycle` and its frozen manifest: 404 for
/// no such cycle, 403 before certification.
async fn certified(
    state: &AppState,
    cycle: &str,
) -> Result<(Record, counting::FrozenManifest), ApiError> {
    let cycle = cycle_id(cycle)?;
    match count::published(&state.db, cycle).await? {
        Published::NoSuchCycle => Err(ApiError::not_found(format!("There is no cycle {cycle}."))),
        Published::NotYet(phase) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "Cycle {cycle}'s results and record are published when its committee certifies the count; it is in the {phase} phase."
            ),
        )),
        Published::Certified(record, frozen) => Ok((*record, *frozen)),
    }
}

fn download(kind: &'static str, name: String, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

fn undecodable(cycle: &str) -> ApiError {
    tracing::error!(cycle, "a certified record's entries do not decode");
    ApiError::internal()
}

/// `GET …/record`: the election record as JSON, certifications included.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/record", tag = "results",
    params(("id" = i32, Path, description = "The cycle", example = 2)),
    responses(
        (status = 200, description = "The election record (docs/election-record.md)", body = Object),
        (status = 403, description = "Not certified yet: nothing of the count is public before", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
    ))]
pub async fn record(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<Record>, ApiError> {
    Ok(Json(certified(&state, &cycle).await?.0))
}

/// `GET …/ballots.pb`: the ballots as a pabulib file, in log order.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/ballots.pb", tag = "results",
    params(("id" = i32, Path, description = "The cycle", example = 2)),
    responses(
        (status = 200, description = "The ballots as a pabulib file", body = String, content_type = "text/plain"),
        (status = 403, description = "Not certified yet: nothing of the count is public before", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
    ))]
pub async fn ballots_pb(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Response, ApiError> {
    let (record, frozen) = certified(&state, &cycle).await?;
    let text = export::pb(&frozen, &record).ok_or_else(|| undecodable(&cycle))?;
    Ok(download(
        "text/plain; charset=utf-8",
        format!("pebble-cycle-{cycle}.pb"),
        text,
    ))
}

/// `GET …/results.csv`: one row per project.
#[utoipa::path(get, path = "/api/v1/cycles/{id}/results.csv", tag = "results",
    params(("id" = i32, Path, description = "The cycle", example = 2)),
    responses(
        (status = 200, description = "One row per project", body = String, content_type = "text/csv"),
        (status = 403, description = "Not certified yet: nothing of the count is public before", body = ErrorBody),
        (status = 404, description = "No such cycle", body = ErrorBody),
    ))]
pub async fn results_csv(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Response, ApiError> {
    let (record, frozen) = certified(&state, &cycle).await?;
    let text = crate::results_csv::results(&frozen, &record).ok_or_else(|| undecodable(&cycle))?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("pebble-cycle-{cycle}-results.csv"),
        text,
    ))
}
