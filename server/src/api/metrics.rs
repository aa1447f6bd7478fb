//! `/metrics` in the Prometheus text format: casts, refusals by reason,
//! cast latency and each cycle's log size. Nothing here counts anything
//! per project or per choice, so no partial result can leak through it.

use std::sync::atomic::AtomicU64;
use std::time::Duration;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use pebble_app::ballot_box::{CastFailure, Observer};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use super::error::ApiError;
use crate::startup::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Reason {
    reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CycleLabel {
    cycle: String,
}

/// The server's metrics.
pub struct Metrics {
    registry: Registry,
    casts: Counter,
    refusals: Family<Reason, Counter>,
    cast_seconds: Histogram,
    log_size: Family<CycleLabel, Gauge<u64, AtomicU64>>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("pebble");
        let casts = Counter::default();
        let refusals = Family::<Reason, Counter>::default();
        // 1 ms to about 4 s, doubling.
        let cast_seconds = Histogram::new([
            0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048,
            4.096,
        ]);
        let log_size = Family::<CycleLabel, Gauge<u64, AtomicU64>>::default();
        registry.register("casts", "Ballots cast", casts.clone());
        registry.register(
            "cast_refusals",
            "Casts refused, by the status sent",
            refusals.clone(),
        );
        registry.register(
            "cast_seconds",
            "Time to answer a cast, refusals included",
            cast_seconds.clone(),
        );
        registry.register(
            "log_entries",
            "Entries in each cycle's ballot log",
            log_size.clone(),
        );
        Metrics {
            registry,
            casts,
            refusals,
            cast_seconds,
            log_size,
        }
    }
}

impl Metrics {
    /// Records one request to cast that the ballot box never saw (its
    /// body did not parse).
    pub fn malformed(&self, took: Duration) {
        self.refuse("malformed");
        self.observe(took);
    }

    fn refuse(&self, reason: &str) {
        self.refusals
            .get_or_create(&Reason {
                reason: reason.to_owned(),
            })
            .inc();
    }

    fn observe(&self, took: Duration) {
        // Prometheus takes seconds as a float; this is reporting, not counting.
        self.cast_seconds.observe(took.as_secs_f64());
    }
}

impl Observer for Metrics {
    fn cast(&self, outcome: Result<(), &CastFailure>, took: Duration) {
        match outcome {
            Ok(()) => {
                self.casts.inc();
            }
            Err(failure) => self.refuse(match failure {
                CastFailure::NoSuchCycle => "no_cycle",
                CastFailure::Guessing(_) => "rate_limited",
                CastFailure::Code => "code",
                CastFailure::NotVoting => "not_voting",
                CastFailure::Invalid(_) => "invalid_ballot",
                CastFailure::Duplicate => "duplicate",
                CastFailure::Busy => "busy",
                CastFailure::Internal => "internal",
            }),
        }
        self.observe(took);
    }

    fn log_size(&self, cycle: i32, size: u64) {
        self.log_size
            .get_or_create(&CycleLabel {
                cycle: cycle.to_string(),
            })
            .set(size);
    }
}

impl Metrics {
    fn text(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// `GET /metrics`.
pub async fn metrics(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let text = state.api.metrics.text().map_err(|error| {
        tracing::error!(%error, "the metrics could not be written");
        ApiError::internal()
    })?;
    Ok((
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    ))
}
