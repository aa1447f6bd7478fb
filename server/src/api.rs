//! The public JSON API under `/api/v1` (documented in the README): the
//! frozen manifest, casting, and the ballot log's checkpoints, leaf
//! lookups and proofs (entries only once a cycle is certified), for
//! scripts, kiosks and auditors. Hashes are lowercase hex, byte strings
//! base64; every refusal is a 4xx `{"error": message}`. Casting and
//! checkpoints go through the app's ballot box
//! ([`pebble_app::ballot_box`]), the one the voting pages use.

pub mod ballots;
pub mod error;
pub mod log;
pub mod manifest;
pub mod metrics;
pub mod openapi;
pub mod proof;
pub mod record;
pub mod tiles;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::merkle::to_hex;
use pebble_app::ballot_box::BallotBox;
use pebble_app::ballot_box::logs::{CycleLog, Opened, Signed};
use serde::Serialize;

use crate::startup::AppState;
use error::ApiError;

/// What the API keeps between requests.
#[derive(Debug)]
pub struct Api {
    /// The ballot box (casting queue, limiter, logs), shared with the
    /// voting pages.
    pub ballot_box: Arc<BallotBox>,
    /// Counters for `/metrics`.
    pub metrics: Arc<metrics::Metrics>,
}

impl Api {
    /// The API's state, with its ballot box started on `db`.
    pub fn start(db: pebble_db::DatabaseConnection) -> Api {
        let metrics = Arc::new(metrics::Metrics::default());
        let observer: Arc<dyn pebble_app::ballot_box::Observer> = metrics.clone();
        Api {
            ballot_box: Arc::new(BallotBox::start(db, Some(observer))),
            metrics,
        }
    }

    /// Cycle `cycle`'s log: 404 for no such cycle, and before voting
    /// opens.
    pub async fn log(&self, cycle: i32) -> Result<Arc<CycleLog>, ApiError> {
        match self.ballot_box.log(cycle).await? {
            Opened::NoSuchCycle => Err(ApiError::not_found(format!("There is no cycle {cycle}."))),
            Opened::NotYet => Err(ApiError::not_found(format!(
                "Voting has not opened in cycle {cycle}: it has no manifest or ballot log yet."
            ))),
            Opened::Log(log) => Ok(log),
        }
    }
}

/// A signed checkpoint as the API sends it, on its own and in receipts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CheckpointBody {
    /// The tree size.
    pub tree_size: u64,
    /// The root hash, hex.
    pub root_hash: String,
    /// The signed note (C2SP tlog-checkpoint).
    pub signed_note: String,
    /// The same, base64.
    pub signed_note_base64: String,
    /// Whether it is the checkpoint the log was sealed with.
    pub sealed: bool,
}

impl CheckpointBody {
    /// The body of `signed`.
    pub fn of(signed: &Signed) -> CheckpointBody {
        CheckpointBody {
            tree_size: signed.head.size,
            root_hash: to_hex(&signed.head.root),
            signed_note: signed.note.clone(),
            signed_note_base64: STANDARD.encode(&signed.note),
            sealed: signed.sealed,
        }
    }
}

/// The API's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/docs", get(openapi::reference))
        .route("/api/v1/cycles/{id}/manifest", get(manifest::manifest))
        .route("/api/v1/cycles/{id}/ballots", post(ballots::cast))
        .route("/api/v1/cycles/{id}/log/checkpoint", get(log::checkpoint))
        .route("/api/v1/cycles/{id}/log/entries/{index}", get(log::entry))
        .route("/api/v1/cycles/{id}/log/leaf/{leaf}", get(log::leaf))
        .route("/api/v1/cycles/{id}/log/inclusion", get(log::inclusion))
        .route("/api/v1/cycles/{id}/log/consistency", get(log::consistency))
        .route("/api/v1/cycles/{id}/log/proof", post(proof::proof))
        .route("/api/v1/cycles/{id}/record", get(record::record))
        .route("/api/v1/cycles/{id}/ballots.pb", get(record::ballots_pb))
        .route("/api/v1/cycles/{id}/results.csv", get(record::results_csv))
        .route("/log/{id}/checkpoint", get(tiles::checkpoint))
        .route("/log/{id}/tile/{*path}", get(tiles::tile))
}
