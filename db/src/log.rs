//! A cycle's ballot log (RFC 9162 hashing): appending inside the caller's
//! transaction, sealing, and tree heads and proofs computed from the
//! stored complete-subtree nodes (`counting::merkle::stored`), so that
//! none of them reads the whole log.
//!
//! The positions of new entries are taken by a guarded update of the
//! log's head (`size = size + k WHERE size = seen AND NOT sealed`, for a
//! batch of k): one writer wins each range, whichever replica it runs on;
//! a loser reads the new head and tries the next range.

use std::collections::BTreeMap;

use counting::checkpoint::Checkpoint;
use counting::merkle::stored::{self, Nodes, Recorder, StoredProofError, TreeHead};
use counting::merkle::{Hash, from_hex, to_hex};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::DbError;
use crate::entity::{ballot_log, log_entry, log_node};

mod append;
pub mod check;
pub mod tiles;

pub use append::{Source, append_from, append_many};

/// Where an entry went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appended {
    /// Its index in the log.
    pub index: u64,
    /// Its leaf hash.
    pub leaf: Hash,
    /// The log's head just after it: `index + 1` entries.
    pub head: TreeHead,
}

/// Why an entry was not appended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppendRefusal {
    /// The log is sealed: voting has closed.
    Sealed,
    /// Every position tried was taken first.
    Busy,
    /// The same entry is already in the log (same nonce and ballot).
    Duplicate,
}

/// Why a proof was not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofRefusal {
    /// A size beyond the log's.
    BeyondLog {
        /// The size asked for.
        size: u64,
        /// The log's size.
        log_size: u64,
    },
    /// The sizes or index make no proof (or a node is missing).
    Proof(StoredProofError),
}

pub(crate) fn int(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// The log's size and whether it is sealed (an absent log is empty).
pub async fn state(db: &impl ConnectionTrait, cycle: i32) -> Result<(u64, bool), DbError> {
    let head = ballot_log::Entity::find_by_id(cycle).one(db).await?;
    Ok(head.map_or((0, false), |h| {
        (u64::try_from(h.size).unwrap_or(0), h.sealed)
    }))
}

/// Appends `entry` (canonical bytes) to cycle `cycle`'s log, in the
/// caller's transaction.
pub async fn append(
    txn: &impl ConnectionTrait,
    cycle: i32,
    entry: &[u8],
) -> Result<Result<Appended, AppendRefusal>, DbError> {
    Ok(append::append_many(txn, cycle, &[entry])
        .await?
        .map(|mut appended| appended.remove(0)))
}

/// The head of the first `size` entries (at most the log's size), from
/// the stored nodes it needs.
pub async fn head_at(
    db: &impl ConnectionTrait,
    cycle: i32,
    size: u64,
) -> Result<TreeHead, DbError> {
    let recorder = Recorder::default();
    TreeHead::of(&recorder, size).map_err(proof_bug)?;
    let nodes = fetch(db, cycle, &recorder.into_read()).await?;
    TreeHead::of(&nodes, size).map_err(proof_bug)
}

/// Seals the log, inside the move out of voting: no entry may be added
/// after this. Signs and stores the final checkpoint when the cycle has
/// a log key, and returns it.
pub async fn seal(db: &impl ConnectionTrait, cycle: i32) -> Result<Option<String>, DbError> {
    ballot_log::Entity::insert(ballot_log::ActiveModel {
        cycle_id: Set(cycle),
        size: Set(0),
        sealed: Set(true),
        sealed_checkpoint: Set(None),
    })
    .on_conflict(
        OnConflict::column(ballot_log::Column::CycleId)
            .update_column(ballot_log::Column::Sealed)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(None);
    };
    let Some(signer) = crate::frozen::signer(db, &frozen, cycle).await? else {
        return Ok(None);
    };
    let note = Checkpoint {
        origin: frozen.manifest.election.log_origin(),
        head: head(db, cycle).await?,
    }
    .sign(&signer);
    ballot_log::Entity::update_many()
        .col_expr(
            ballot_log::Column::SealedCheckpoint,
            Expr::value(note.clone()),
        )
        .filter(ballot_log::Column::CycleId.eq(cycle))
        .exec(db)
        .await?;
    Ok(Some(note))
}

/// The signed checkpoint the log was sealed with, once sealed.
pub async fn sealed_checkpoint(
    db: &impl ConnectionTrait,
    cycle: i32,
) -> Result<Option<String>, DbError> {
    Ok(ballot_log::Entity::find_by_id(cycle)
        .one(db)
        .await?
        .and_then(|row| row.sealed_checkpoint))
}

/// Entry `index` of the log: its canonical bytes, leaf hash and source
/// (`online` or `paper`).
pub async fn entry(
    db: &impl ConnectionTrait,
    cycle: i32,
    index: u64,
) -> Result<Option<(Vec<u8>, Hash, String)>, DbError> {
    let Ok(idx) = i64::try_from(index) else {
        return Ok(None);
    };
    let Some(row) = log_entry::Entity::find_by_id((cycle, idx)).one(db).await? else {
        return Ok(None);
    };
    let invalid = |column, value: &str| DbError::InvalidValue {
        table: "log_entry",
        column,
        value: value.to_owned(),
    };
    let bytes = crate::hex::decode(&row.entry).ok_or_else(|| invalid("entry", &row.entry))?;
    let leaf = from_hex(&row.leaf).ok_or_else(|| invalid("leaf", &row.leaf))?;
    Ok(Some((bytes, leaf, row.source)))
}

/// The index of the entry whose leaf hash is `leaf`, if the log holds
/// it: how a voter whose receipt was lost finds their entry (their
/// browser made the nonce, so it knows the leaf).
pub async fn index_of_leaf(
    db: &impl ConnectionTrait,
    cycle: i32,
    leaf: &Hash,
) -> Result<Option<u64>, DbError> {
    let row = log_entry::Entity::find()
        .filter(log_entry::Column::CycleId.eq(cycle))
        .filter(log_entry::Column::Leaf.eq(to_hex(leaf)))
        .one(db)
        .await?;
    Ok(row.map(|r| u64::try_from(r.idx).unwrap_or(u64::MAX)))
}

/// The entries whose leaf hash starts with `prefix` (lowercase hex, as a
/// tracker code's 40 bits give it): index and leaf, at most `limit`.
pub async fn leaves_starting(
    db: &impl ConnectionTrait,
    cycle: i32,
    prefix: &str,
    limit: u64,
) -> Result<Vec<(u64, Hash)>, DbError> {
    // A range on the leaf column: `prefix` ≤ leaf < `prefix` followed by
    // "g", which sorts after every hex digit; both engines answer it from
    // the (cycle, leaf) index.
    let rows = log_entry::Entity::find()
        .filter(log_entry::Column::CycleId.eq(cycle))
        .filter(log_entry::Column::Leaf.gte(prefix))
        .filter(log_entry::Column::Leaf.lt(format!("{prefix}g")))
        .order_by_asc(log_entry::Column::Idx)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|r| {
            let leaf = from_hex(&r.leaf).ok_or_else(|| DbError::InvalidValue {
                table: "log_entry",
                column: "leaf",
                value: r.leaf.clone(),
            })?;
            Ok((u64::try_from(r.idx).unwrap_or(u64::MAX), leaf))
        })
        .collect()
}

/// The head of the log as it is now.
pub async fn head(db: &impl ConnectionTrait, cycle: i32) -> Result<TreeHead, DbError> {
    let (size, _) = state(db, cycle).await?;
    head_at(db, cycle, size).await
}

/// The inclusion proof of entry `index` in the tree of the first `size`
/// entries.
pub async fn inclusion(
    db: &impl ConnectionTrait,
    cycle: i32,
    index: u64,
    size: u64,
) -> Result<Result<Vec<Hash>, ProofRefusal>, DbError> {
    prove(db, cycle, Wanted::Inclusion { index, size }).await
}

/// The consistency proof between the first `first` and `second` entries.
pub async fn consistency(
    db: &impl ConnectionTrait,
    cycle: i32,
    first: u64,
    second: u64,
) -> Result<Result<Vec<Hash>, ProofRefusal>, DbError> {
    prove(db, cycle, Wanted::Consistency { first, second }).await
}

/// A proof asked for.
#[derive(Clone, Copy)]
enum Wanted {
    Inclusion { index: u64, size: u64 },
    Consistency { first: u64, second: u64 },
}

impl Wanted {
    fn size(self) -> u64 {
        match self {
            Wanted::Inclusion { size, .. } => size,
            Wanted::Consistency { second, .. } => second,
        }
    }

    fn from(self, nodes: &impl Nodes) -> Result<Vec<Hash>, StoredProofError> {
        match self {
            Wanted::Inclusion { index, size } => stored::inclusion_proof(nodes, index, size),
            Wanted::Consistency { first, second } => {
                stored::consistency_proof(nodes, first, second)
            }
        }
    }
}

async fn prove(
    db: &impl ConnectionTrait,
    cycle: i32,
    wanted: Wanted,
) -> Result<Result<Vec<Hash>, ProofRefusal>, DbError> {
    let (log_size, _) = state(db, cycle).await?;
    let size = wanted.size();
    if size > log_size {
        return Ok(Err(ProofRefusal::BeyondLog { size, log_size }));
    }
    let recorder = Recorder::default();
    if let Err(e) = wanted.from(&recorder) {
        return Ok(Err(ProofRefusal::Proof(e)));
    }
    let nodes = fetch(db, cycle, &recorder.into_read()).await?;
    Ok(wanted.from(&nodes).map_err(ProofRefusal::Proof))
}

/// The stored nodes among `wanted`.
pub(crate) async fn fetch(
    db: &impl ConnectionTrait,
    cycle: i32,
    wanted: &[(u32, u64)],
) -> Result<BTreeMap<(u32, u64), Hash>, DbError> {
    if wanted.is_empty() {
        return Ok(BTreeMap::new());
    }
    // Each term names the whole primary key, so that SQLite looks each
    // node up by the index (a shared `cycle_id = ?` outside the OR made it
    // scan every node of the cycle).
    let mut any = Condition::any();
    for &(level, idx) in wanted {
        any = any.add(
            Condition::all()
                .add(log_node::Column::CycleId.eq(cycle))
                .add(log_node::Column::Level.eq(i32::try_from(level).unwrap_or(i32::MAX)))
                .add(log_node::Column::Idx.eq(int(idx))),
        );
    }
    let rows = log_node::Entity::find().filter(any).all(db).await?;
    let mut nodes = BTreeMap::new();
    for row in rows {
        let hash = from_hex(&row.hash).ok_or_else(|| DbError::InvalidValue {
            table: "log_node",
            column: "hash",
            value: row.hash.clone(),
        })?;
        let level = u32::try_from(row.level).unwrap_or(u32::MAX);
        nodes.insert((level, u64::try_from(row.idx).unwrap_or(u64::MAX)), hash);
    }
    Ok(nodes)
}

/// A node the log should hold is missing: the store is damaged.
pub(crate) fn proof_bug(e: StoredProofError) -> DbError {
    DbError::InvalidValue {
        table: "log_node",
        column: "hash",
        value: e.to_string(),
    }
}
