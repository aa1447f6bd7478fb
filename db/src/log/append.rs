//! Appending entries: positions taken by one guarded update of the log's
//! head, the nodes each entry completes worked out from the frontier of
//! complete subtrees (read once), and every row written in a few
//! multi-row inserts. A batch of casts pays for one head update and one
//! commit together.

use std::collections::BTreeMap;

use counting::merkle::stored::{self, Recorder, TreeHead};
use counting::merkle::{self, to_hex};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, SqlErr};

use super::{AppendRefusal, Appended, fetch, int, proof_bug, state};
use crate::DbError;
use crate::entity::{ballot_log, log_entry, log_node};

/// Tries at a position before giving up (each loss means another writer
/// appended first, so this only runs out under a storm of writers).
const TRIES: usize = 1_000;

/// Rows per multi-row INSERT (well under SQLite's bound-value limit).
const ROWS: usize = 500;

/// Takes `count` positions at the end of the log; the first one.
async fn take_positions(
    txn: &impl ConnectionTrait,
    cycle: i32,
    count: u64,
) -> Result<Result<u64, AppendRefusal>, DbError> {
    ballot_log::Entity::insert(ballot_log::ActiveModel {
        cycle_id: Set(cycle),
        size: Set(0),
        sealed: Set(false),
        sealed_checkpoint: Set(None),
    })
    .on_conflict(
        OnConflict::column(ballot_log::Column::CycleId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    for _ in 0..TRIES {
        let (size, sealed) = state(txn, cycle).await?;
        if sealed {
            return Ok(Err(AppendRefusal::Sealed));
        }
        let taken = ballot_log::Entity::update_many()
            .col_expr(
                ballot_log::Column::Size,
                Expr::col(ballot_log::Column::Size).add(int(count)),
            )
            .filter(ballot_log::Column::CycleId.eq(cycle))
            .filter(ballot_log::Column::Size.eq(int(size)))
            .filter(ballot_log::Column::Sealed.eq(false))
            .exec(txn)
            .await?;
        if taken.rows_affected == 1 {
            return Ok(Ok(size));
        }
    }
    Ok(Err(AppendRefusal::Busy))
}

/// Where a ballot came from, as the log lists it beside the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Cast online (a page or the API).
    Online,
    /// Keyed from a paper ballot by double entry.
    Paper,
    /// A vote of a past election imported from a pabulib file.
    Imported,
}

impl Source {
    /// The stored and published name.
    pub fn name(self) -> &'static str {
        match self {
            Source::Online => "online",
            Source::Paper => "paper",
            Source::Imported => "imported",
        }
    }
}

/// Appends online `entries` (canonical bytes), in order, to cycle
/// `cycle`'s log in the caller's transaction; each one's index, leaf and
/// the head just after it. A refusal leaves the caller to roll back.
pub async fn append_many(
    txn: &impl ConnectionTrait,
    cycle: i32,
    entries: &[&[u8]],
) -> Result<Result<Vec<Appended>, AppendRefusal>, DbError> {
    append_from(txn, cycle, entries, Source::Online).await
}

/// [`append_many`] for entries from `source`.
pub async fn append_from(
    txn: &impl ConnectionTrait,
    cycle: i32,
    entries: &[&[u8]],
    source: Source,
) -> Result<Result<Vec<Appended>, AppendRefusal>, DbError> {
    if entries.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let start = match take_positions(txn, cycle, entries.len() as u64).await? {
        Ok(start) => start,
        Err(refusal) => return Ok(Err(refusal)),
    };
    // Every left sibling a new leaf needs is a complete subtree of the
    // tree of `start` leaves (its peaks) or was completed in this batch.
    let recorder = Recorder::default();
    TreeHead::of(&recorder, start).map_err(proof_bug)?;
    let mut nodes: BTreeMap<(u32, u64), merkle::Hash> =
        fetch(txn, cycle, &recorder.into_read()).await?;
    let mut appended = Vec::with_capacity(entries.len());
    let mut new_nodes = Vec::new();
    for (index, entry) in (start..).zip(entries) {
        let leaf = merkle::leaf_hash(entry);
        let completed = stored::completed_by(&nodes, index, leaf).map_err(proof_bug)?;
        nodes.extend(
            completed
                .iter()
                .map(|&(level, at, hash)| ((level, at), hash)),
        );
        new_nodes.extend(completed);
        let head = TreeHead::of(&nodes, index + 1).map_err(proof_bug)?;
        appended.push(Appended { index, leaf, head });
    }
    let rows: Vec<log_entry::ActiveModel> = appended
        .iter()
        .zip(entries)
        .map(|(at, entry)| log_entry::ActiveModel {
            cycle_id: Set(cycle),
            idx: Set(int(at.index)),
            entry: Set(crate::hex::encode(entry)),
            leaf: Set(to_hex(&at.leaf)),
            source: Set(source.name().to_owned()),
        })
        .collect();
    for chunk in rows.chunks(ROWS) {
        let inserted = log_entry::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await;
        if let Err(error) = inserted {
            // The leaf is unique per log; the caller rolls the positions back.
            if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                return Ok(Err(AppendRefusal::Duplicate));
            }
            return Err(error.into());
        }
    }
    for chunk in new_nodes.chunks(ROWS) {
        log_node::Entity::insert_many(chunk.iter().map(|&(level, idx, hash)| {
            log_node::ActiveModel {
                cycle_id: Set(cycle),
                level: Set(i32::try_from(level).unwrap_or(i32::MAX)),
                idx: Set(int(idx)),
                hash: Set(to_hex(&hash)),
            }
        }))
        .exec_without_returning(txn)
        .await?;
    }
    Ok(Ok(appended))
}
