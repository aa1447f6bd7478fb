//! Casting a ballot: one transaction that holds the cycle in voting, uses
//! the voter code (compare-and-set: `used = true WHERE used = false`) and
//! appends the entry to the log. Nothing joins the entry to the code.
//!
//! A retry of the same cast (same code, same entry bytes, so the same
//! nonce) finds the entry by its leaf and answers the same receipt; any
//! other use of a used code is refused exactly as an unknown code is.

use counting::merkle::{Hash, leaf_hash, to_hex};
use pebble_domain::Phase;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use crate::DbError;
use crate::entity::{Stored, code_group, cycle, log_entry, voter_code};
use crate::log::{self, AppendRefusal, Appended};

/// Why a ballot was not cast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CastRefusal {
    /// The cycle is not (or no longer) voting.
    NotVoting,
    /// The code is unknown here or already used (one answer for both).
    Code,
    /// The log is sealed or too busy.
    Log(AppendRefusal),
}

/// Casts `entry` (canonical bytes) in cycle `cycle` with the code whose
/// digest (hex) is `code_digest`. All or nothing.
pub async fn cast(
    db: &DatabaseConnection,
    cycle: i32,
    code_digest: &str,
    entry: &[u8],
) -> Result<Result<Appended, CastRefusal>, DbError> {
    let txn = db.begin().await?;
    // A no-op write guarded by the phase: a move out of voting waits for
    // this cast, or this cast sees the move.
    let held = cycle::Entity::update_many()
        .col_expr(cycle::Column::Phase, Expr::col(cycle::Column::Phase))
        .filter(cycle::Column::Id.eq(cycle))
        .filter(cycle::Column::Phase.eq(Stored(Phase::Voting)))
        .exec(&txn)
        .await?;
    if held.rows_affected != 1 {
        return Ok(Err(CastRefusal::NotVoting));
    }
    let groups = Query::select()
        .column(code_group::Column::Id)
        .from(code_group::Entity)
        .and_where(code_group::Column::CycleId.eq(cycle))
        .to_owned();
    let used = voter_code::Entity::update_many()
        .col_expr(voter_code::Column::Used, Expr::value(true))
        .filter(voter_code::Column::Digest.eq(code_digest))
        .filter(voter_code::Column::Used.eq(false))
        .filter(voter_code::Column::GroupId.in_subquery(groups.clone()))
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        let leaf = leaf_hash(entry);
        let retried = same_cast(&txn, cycle, code_digest, groups, &leaf).await?;
        return Ok(retried.ok_or(CastRefusal::Code));
    }
    match log::append(&txn, cycle, entry).await? {
        Ok(appended) => {
            txn.commit().await?;
            Ok(Ok(appended))
        }
        Err(refusal) => Ok(Err(CastRefusal::Log(refusal))),
    }
}

/// The receipt of an earlier cast of exactly this entry with this (now
/// used) code, if there was one.
async fn same_cast(
    txn: &impl sea_orm::ConnectionTrait,
    cycle: i32,
    code_digest: &str,
    groups: sea_orm::sea_query::SelectStatement,
    leaf: &Hash,
) -> Result<Option<Appended>, DbError> {
    let code_used = voter_code::Entity::find()
        .filter(voter_code::Column::Digest.eq(code_digest))
        .filter(voter_code::Column::Used.eq(true))
        .filter(voter_code::Column::GroupId.in_subquery(groups))
        .one(txn)
        .await?
        .is_some();
    if !code_used {
        return Ok(None);
    }
    let entry = log_entry::Entity::find()
        .filter(log_entry::Column::CycleId.eq(cycle))
        .filter(log_entry::Column::Leaf.eq(to_hex(leaf)))
        .one(txn)
        .await?;
    let Some(row) = entry else {
        return Ok(None);
    };
    let index = u64::try_from(row.idx).unwrap_or(u64::MAX);
    let head = log::head_at(txn, cycle, index.saturating_add(1)).await?;
    Ok(Some(Appended {
        index,
        leaf: *leaf,
        head,
    }))
}
