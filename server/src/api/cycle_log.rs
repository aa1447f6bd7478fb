//! Each cycle's frozen manifest and log signer, read once per process:
//! both are written when voting opens and never change, so every
//! replica may keep them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use counting::note::NoteSigner;
use pebble_db::DatabaseConnection;
use pebble_db::frozen::Frozen;

use super::error::ApiError;

/// A cycle's frozen manifest and the signer of its checkpoints.
#[derive(Debug)]
pub struct CycleLog {
    /// What voting opened with.
    pub frozen: Frozen,
    /// The log key.
    pub signer: NoteSigner,
}

/// The cache of [`CycleLog`]s.
#[derive(Debug, Default)]
pub struct CycleLogs(Mutex<HashMap<i32, Arc<CycleLog>>>);

impl CycleLogs {
    /// Cycle `cycle`'s log; `None` before voting opens; 404 if there is
    /// no such cycle.
    pub async fn get(
        &self,
        db: &DatabaseConnection,
        cycle: i32,
    ) -> Result<Option<Arc<CycleLog>>, ApiError> {
        if let Some(found) = self.lock().get(&cycle) {
            return Ok(Some(found.clone()));
        }
        if pebble_db::cycles::find(db, cycle).await?.is_none() {
            return Err(ApiError::not_found(format!("There is no cycle {cycle}.")));
        }
        let Some(frozen) = pebble_db::frozen::frozen(db, cycle).await? else {
            return Ok(None);
        };
        let Some(signer) = pebble_db::frozen::signer(db, &frozen, cycle).await? else {
            return Ok(None);
        };
        let log = Arc::new(CycleLog { frozen, signer });
        self.lock().insert(cycle, log.clone());
        Ok(Some(log))
    }

    /// Like [`CycleLogs::get`], with a 404 that says voting has not opened.
    pub async fn opened(
        &self,
        db: &DatabaseConnection,
        cycle: i32,
    ) -> Result<Arc<CycleLog>, ApiError> {
        self.get(db, cycle).await?.ok_or_else(|| {
            ApiError::not_found(format!(
                "Voting has not opened in cycle {cycle}: it has no manifest or ballot log yet."
            ))
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, Arc<CycleLog>>> {
        // A panic while holding the lock cannot leave the map half-written.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
