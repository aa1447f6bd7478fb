//! `pebble check-log`: re-verifies a cycle's stored log from the database
//! alone, after a restore or when an insider may have edited it. Every
//! entry is at its index, hashes to its stored leaf and names the frozen
//! manifest; every stored complete-subtree node is the one its entries
//! make, none missing, none extra
//! ([`counting::merkle::stored::audit`]); and the sealed checkpoint, once
//! there is one, carries the log key's signature over that very head.

use std::collections::BTreeMap;

use counting::checkpoint::Checkpoint;
use counting::encoding::Entry;
use counting::merkle::stored::audit::audit;
use counting::merkle::{Hash, from_hex, leaf_hash, root, to_hex};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::DbError;
use crate::entity::{log_entry, log_node};

/// What the check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogCheck {
    /// The log's size as its head says.
    pub size: u64,
    /// Entries stored.
    pub entries: u64,
    /// The root its entries make.
    pub root: Hash,
    /// Whether it is sealed, and whether its sealed checkpoint was checked.
    pub sealed: bool,
    /// Each way the store disagrees with itself; empty when it holds.
    pub problems: Vec<String>,
}

impl LogCheck {
    /// Whether the log holds together.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks cycle `cycle`'s log; `None` when the cycle has no frozen
/// manifest (voting never opened).
pub async fn check(db: &impl ConnectionTrait, cycle: i32) -> Result<Option<LogCheck>, DbError> {
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(None);
    };
    let (size, sealed) = super::state(db, cycle).await?;
    let mut problems = Vec::new();
    let rows = log_entry::Entity::find()
        .filter(log_entry::Column::CycleId.eq(cycle))
        .order_by_asc(log_entry::Column::Idx)
        .all(db)
        .await?;
    let mut leaves = Vec::with_capacity(rows.len());
    for (expected, row) in (0i64..).zip(&rows) {
        if row.idx != expected {
            problems.push(format!(
                "entry {expected} is missing (the next stored is {})",
                row.idx
            ));
            break;
        }
        let Some(bytes) = crate::hex::decode(&row.entry) else {
            problems.push(format!("entry {expected} is not hexadecimal"));
            break;
        };
        let leaf = leaf_hash(&bytes);
        if from_hex(&row.leaf) != Some(leaf) {
            problems.push(format!(
                "entry {expected}'s stored leaf hash is not the hash of its bytes"
            ));
        }
        match Entry::decode(&bytes) {
            Ok(entry) if entry.manifest_hash == frozen.hash => {}
            Ok(_) => problems.push(format!("entry {expected} names another manifest")),
            Err(error) => problems.push(format!("entry {expected} does not decode: {error}")),
        }
        leaves.push(leaf);
    }
    let entries = u64::try_from(rows.len()).unwrap_or(u64::MAX);
    if entries != size {
        problems.push(format!(
            "the log's head says {size} entries; {entries} are stored"
        ));
    }
    let stored: BTreeMap<(u32, u64), Hash> = log_node::Entity::find()
        .filter(log_node::Column::CycleId.eq(cycle))
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let key = (
                u32::try_from(row.level).unwrap_or(u32::MAX),
                u64::try_from(row.idx).unwrap_or(u64::MAX),
            );
            (key, from_hex(&row.hash).unwrap_or([0xff; 32]))
        })
        .collect();
    problems.extend(audit(&leaves, &stored).iter().map(ToString::to_string));
    let made = root(&leaves);
    if let Some(note) = super::sealed_checkpoint(db, cycle).await? {
        match frozen.manifest.election.log_verifier() {
            Err(error) => problems.push(format!("the manifest's log key is unusable: {error}")),
            Ok(key) => match Checkpoint::open(&note, &key) {
                Err(error) => {
                    problems.push(format!("the sealed checkpoint does not verify: {error}"))
                }
                Ok(checkpoint)
                    if checkpoint.head.size != entries || checkpoint.head.root != made =>
                {
                    problems.push(format!(
                        "the sealed checkpoint is of {} entries with root {}; the entries make {entries} with root {}",
                        checkpoint.head.size,
                        to_hex(&checkpoint.head.root),
                        to_hex(&made)
                    ));
                }
                Ok(_) => {}
            },
        }
    } else if sealed {
        problems.push("the log is sealed but holds no sealed checkpoint".to_owned());
    }
    Ok(Some(LogCheck {
        size,
        entries,
        root: made,
        sealed,
        problems,
    }))
}
