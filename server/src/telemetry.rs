//! Structured logs through `tracing`.

use tracing_subscriber::EnvFilter;

/// Installs the log subscriber: human-readable by default, JSON lines when
/// `PEBBLE_LOG_FORMAT=json`; the level from `RUST_LOG` (default `info`).
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if std::env::var("PEBBLE_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    // A second init (tests spawning several apps) keeps the first subscriber.
    drop(result);
}
