//! The server side of the results: the certified record, worded off the
//! async workers (decoding every ballot for the tallies is real work on a
//! large cycle).

use http::StatusCode;
use pebble_db::count::{Published, published};

use super::CycleResults;
use crate::api::backend::{database, internal, refuse};
use crate::error::AppError;
use crate::i18n::request_lang;

/// See [`super::published_results`].
pub async fn results(cycle: i32) -> Result<CycleResults, AppError> {
    let text = request_lang().results();
    let db = database()?;
    match published(&db, cycle).await? {
        Published::NoSuchCycle => Err(refuse(StatusCode::NOT_FOUND, text.no_such_cycle)),
        Published::NotYet(_) => Err(refuse(StatusCode::FORBIDDEN, text.not_yet)),
        Published::Certified(record, frozen) => tokio::task::spawn_blocking(move || {
            super::build::results(cycle, &frozen.election.name, &frozen, &record, text)
        })
        .await
        .map_err(internal),
    }
}
