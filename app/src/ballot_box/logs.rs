//! Each cycle's frozen manifest and log signer, read once per process:
//! both are written when voting opens and never change, so every
//! replica may keep them; and the checkpoints they sign.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use counting::note::NoteSigner;
use pebble_db::DatabaseConnection;
use pebble_db::frozen::Frozen;

use pebble_db::DbError;

/// A cycle's frozen manifest and the signer of its checkpoints.
#[derive(Debug)]
pub struct CycleLog {
    /// What voting opened with.
    pub frozen: Frozen,
    /// The log key.
    pub signer: NoteSigner,
}

/// Whether a cycle has a log.
#[derive(Debug)]
pub enum Opened {
    /// No cycle with this id.
    NoSuchCycle,
    /// Voting has not opened: no manifest, no log.
    NotYet,
    /// Its log.
    Log(Arc<CycleLog>),
}

/// The cache of [`CycleLog`]s.
#[derive(Debug, Default)]
pub struct CycleLogs(Mutex<HashMap<i32, Arc<CycleLog>>>);

impl CycleLogs {
    /// Cycle `cycle`'s log: [`Opened::NoSuchCycle`], [`Opened::NotYet`]
    /// before voting opens, else the log.
    pub async fn get(&self, db: &DatabaseConnection, cycle: i32) -> Result<Opened, DbError> {
        if let Some(found) = self.lock().get(&cycle) {
            return Ok(Opened::Log(found.clone()));
        }
        if pebble_db::cycles::find(db, cycle).await?.is_none() {
            return Ok(Opened::NoSuchCycle);
        }
        let Some(frozen) = pebble_db::frozen::frozen(db, cycle).await? else {
            return Ok(Opened::NotYet);
        };
        let Some(signer) = pebble_db::frozen::signer(db, &frozen, cycle).await? else {
            return Ok(Opened::NotYet);
        };
        let log = Arc::new(CycleLog { frozen, signer });
        self.lock().insert(cycle, log.clone());
        Ok(Opened::Log(log))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, Arc<CycleLog>>> {
        // A panic while holding the lock cannot leave the map half-written.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A signed checkpoint of a cycle's log, as the voter and the API see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The tree head it signs.
    pub head: counting::merkle::stored::TreeHead,
    /// The signed note (C2SP tlog-checkpoint).
    pub note: String,
    /// Whether it is the checkpoint the log was sealed with.
    pub sealed: bool,
}

impl CycleLog {
    /// The checkpoint of the log's first `size` entries, signed now.
    pub async fn checkpoint_at(
        &self,
        db: &DatabaseConnection,
        cycle: i32,
        size: u64,
    ) -> Result<Signed, DbError> {
        let head = pebble_db::log::head_at(db, cycle, size).await?;
        Ok(self.sign(head))
    }

    fn sign(&self, head: counting::merkle::stored::TreeHead) -> Signed {
        let checkpoint = counting::checkpoint::Checkpoint {
            origin: self.frozen.manifest.election.log_origin(),
            head,
        };
        Signed {
            head,
            note: checkpoint.sign(&self.signer),
            sealed: false,
        }
    }

    /// The log's checkpoint: the one it was sealed with once voting has
    /// closed, else its current head, signed now.
    pub async fn checkpoint(&self, db: &DatabaseConnection, cycle: i32) -> Result<Signed, DbError> {
        if let Some(note) = pebble_db::log::sealed_checkpoint(db, cycle).await? {
            let opened = counting::checkpoint::Checkpoint::open(&note, &self.signer.verifier())
                .map_err(|e| DbError::InvalidValue {
                    table: "ballot_log",
                    column: "sealed_checkpoint",
                    value: e.to_string(),
                })?;
            return Ok(Signed {
                head: opened.head,
                note,
                sealed: true,
            });
        }
        Ok(self.sign(pebble_db::log::head(db, cycle).await?))
    }
}
