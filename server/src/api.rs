//! The public JSON API under `/api/v1` (documented in the README): the
//! frozen manifest, casting, and the ballot log's checkpoints, entries
//! and proofs, for scripts, kiosks and auditors. Hashes are lowercase
//! hex, byte strings base64; every refusal is a 4xx `{"error": message}`.

pub mod ballots;
pub mod caster;
pub mod cycle_log;
pub mod error;
pub mod limiter;
pub mod log;
pub mod manifest;
pub mod metrics;
pub mod record;

use axum::Router;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::checkpoint::Checkpoint;
use counting::merkle::to_hex;
use serde_json::{Value, json};

use crate::startup::AppState;

/// What the API keeps between requests.
#[derive(Debug)]
pub struct Api {
    /// The casting queue.
    pub caster: caster::Caster,
    /// Frozen manifests and log keys.
    pub logs: cycle_log::CycleLogs,
    /// The code-guessing limiter.
    pub guessing: limiter::Guessing,
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
}

impl Api {
    /// The API's state, with its casting queue started on `db`.
    pub fn start(db: pebble_db::DatabaseConnection) -> Api {
        Api {
            caster: caster::Caster::start(db),
            logs: cycle_log::CycleLogs::default(),
            guessing: limiter::Guessing::default(),
            metrics: metrics::Metrics::default(),
        }
    }
}

/// A checkpoint as the API sends it.
pub fn checkpoint_json(checkpoint: &Checkpoint, note: &str) -> Value {
    json!({
        "tree_size": checkpoint.head.size,
        "root_hash": to_hex(&checkpoint.head.root),
        "signed_note": note,
        "signed_note_base64": STANDARD.encode(note),
    })
}

/// The API's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cycles/{id}/manifest", get(manifest::manifest))
        .route("/api/v1/cycles/{id}/ballots", post(ballots::cast))
        .route("/api/v1/cycles/{id}/log/checkpoint", get(log::checkpoint))
        .route("/api/v1/cycles/{id}/log/entries/{index}", get(log::entry))
        .route("/api/v1/cycles/{id}/log/inclusion", get(log::inclusion))
        .route("/api/v1/cycles/{id}/log/consistency", get(log::consistency))
        .route("/api/v1/cycles/{id}/record", get(record::record))
        .route("/api/v1/cycles/{id}/ballots.pb", get(record::ballots_pb))
        .route("/api/v1/cycles/{id}/results.csv", get(record::results_csv))
        .route("/metrics", get(metrics::metrics))
}
