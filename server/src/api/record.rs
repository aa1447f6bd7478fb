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

use super::error::{ApiError, cycle_id};
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
pub async fn record(
    State(state): State<AppState>,
    Path(cycle): Path<String>,
) -> Result<Json<Record>, ApiError> {
    Ok(Json(certified(&state, &cycle).await?.0))
}

/// `GET …/ballots.pb`: the ballots as a pabulib file, in log order.
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
