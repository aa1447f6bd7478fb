//! Casting ballots: one transaction holds the cycle in voting, uses each
//! voter code (compare-and-set: `used = true WHERE used = false`) and
//! appends the accepted entries to the log. Nothing joins an entry to a
//! code. Casts arriving together are cast as one batch: one transaction,
//! one commit (one disk sync) for all of them.
//!
//! A cast whose entry is already in the log (a retry after a lost answer,
//! or a replay of someone's entry) is refused as a duplicate before its
//! code is even looked at, so the answer never depends on the code: a
//! used code, an unused one and an unknown one get the same refusal, and
//! no code is spent. A voter whose answer was lost finds their entry by
//! its leaf hash instead ([`crate::log::index_of_leaf`]). Any other use of
//! a used code is refused exactly as an unknown code is.

use std::collections::{BTreeMap, BTreeSet};

use counting::merkle::{Hash, from_hex, leaf_hash, to_hex};
use pebble_domain::Phase;
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};

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
    /// The log is sealed or too busy, or holds this entry already.
    Log(AppendRefusal),
}

/// One cast asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    /// The voter code's digest (hex, `VoterCode::digest`).
    pub code_digest: String,
    /// The entry's canonical bytes.
    pub entry: Vec<u8>,
}

/// Values per `IN (…)` list.
const CHUNK: usize = 500;

/// What became of one cast of a batch.
pub type CastOutcome = Result<Appended, CastRefusal>;

/// Casts `entry` (canonical bytes) in cycle `cycle` with the code whose
/// digest (hex) is `code_digest`. All or nothing.
pub async fn cast(
    db: &DatabaseConnection,
    cycle: i32,
    code_digest: &str,
    entry: &[u8],
) -> Result<CastOutcome, DbError> {
    let one = Cast {
        code_digest: code_digest.to_owned(),
        entry: entry.to_vec(),
    };
    let mut outcomes = cast_batch(db, cycle, &[one]).await?;
    Ok(outcomes.remove(0))
}

/// How a cast of a batch is settled before the append.
enum Settled {
    Done(CastOutcome),
    /// Accepted: its place among the entries appended.
    Accepted(usize),
}

/// Casts every one of `casts` in cycle `cycle`, in one transaction; one
/// outcome per cast, in order. Refused casts write nothing; a database
/// error writes nothing for any of them. Whatever the batch's size, it
/// takes the same dozen statements.
pub async fn cast_batch(
    db: &DatabaseConnection,
    cycle: i32,
    casts: &[Cast],
) -> Result<Vec<CastOutcome>, DbError> {
    let txn = db.begin().await?;
    // A no-op write guarded by the phase: a move out of voting waits for
    // this batch, or this batch sees the move.
    let held = cycle::Entity::update_many()
        .col_expr(cycle::Column::Phase, Expr::col(cycle::Column::Phase))
        .filter(cycle::Column::Id.eq(cycle))
        .filter(cycle::Column::Phase.eq(Stored(Phase::Voting)))
        .exec(&txn)
        .await?;
    if held.rows_affected != 1 {
        return Ok(vec![Err(CastRefusal::NotVoting); casts.len()]);
    }
    let groups = Query::select()
        .column(code_group::Column::Id)
        .from(code_group::Entity)
        .and_where(code_group::Column::CycleId.eq(cycle))
        .to_owned();
    let leaves: Vec<Hash> = casts.iter().map(|c| leaf_hash(&c.entry)).collect();
    let logged = logged_leaves(&txn, cycle, &leaves).await?;
    // The first cast of each new entry may use its code; an entry already
    // logged, or a later copy of one accepted in this batch, is a
    // duplicate whatever its code, and no code is looked at for it.
    let mut first_of_leaf: BTreeMap<&Hash, usize> = BTreeMap::new();
    for (i, leaf) in leaves.iter().enumerate() {
        if !logged.contains(leaf) {
            first_of_leaf.entry(leaf).or_insert(i);
        }
    }
    let wanted: BTreeSet<&str> = first_of_leaf
        .values()
        .map(|&i| casts[i].code_digest.as_str())
        .collect();
    let now_used = use_codes(&txn, &wanted, &groups).await?;
    let mut claimed: BTreeSet<&str> = BTreeSet::new();
    let mut accepted: Vec<&[u8]> = Vec::new();
    let mut accepted_leaves: BTreeSet<&Hash> = BTreeSet::new();
    let mut settled = Vec::with_capacity(casts.len());
    for (i, (cast, leaf)) in casts.iter().zip(&leaves).enumerate() {
        let digest = cast.code_digest.as_str();
        settled.push(if logged.contains(leaf) || accepted_leaves.contains(leaf) {
            Settled::Done(Err(CastRefusal::Log(AppendRefusal::Duplicate)))
        } else if first_of_leaf.get(leaf) == Some(&i)
            && now_used.contains(digest)
            && claimed.insert(digest)
        {
            accepted_leaves.insert(leaf);
            accepted.push(&cast.entry);
            Settled::Accepted(accepted.len() - 1)
        } else {
            Settled::Done(Err(CastRefusal::Code))
        });
    }
    let appended = match log::append_many(&txn, cycle, &accepted).await? {
        Ok(appended) => appended,
        Err(refusal) => return Ok(vec![Err(CastRefusal::Log(refusal)); casts.len()]),
    };
    let outcomes = settled
        .into_iter()
        .map(|state| match state {
            Settled::Done(outcome) => outcome,
            Settled::Accepted(at) => Ok(appended[at]),
        })
        .collect();
    txn.commit().await?;
    Ok(outcomes)
}

/// Marks the unused codes among `digests` (of the cycle's `groups`) used,
/// in one statement; the ones it marked.
async fn use_codes(
    txn: &impl ConnectionTrait,
    digests: &BTreeSet<&str>,
    groups: &SelectStatement,
) -> Result<BTreeSet<String>, DbError> {
    let mut marked = BTreeSet::new();
    let all: Vec<&str> = digests.iter().copied().collect();
    for chunk in all.chunks(CHUNK) {
        let rows = voter_code::Entity::update_many()
            .col_expr(voter_code::Column::Used, Expr::value(true))
            .filter(voter_code::Column::Digest.is_in(chunk.iter().copied()))
            .filter(voter_code::Column::Used.eq(false))
            .filter(voter_code::Column::GroupId.in_subquery(groups.clone()))
            .exec_with_returning(txn)
            .await?;
        marked.extend(rows.into_iter().map(|row| row.digest));
    }
    Ok(marked)
}

/// Which of `leaves` the log holds already.
async fn logged_leaves(
    txn: &impl ConnectionTrait,
    cycle: i32,
    leaves: &[Hash],
) -> Result<BTreeSet<Hash>, DbError> {
    let mut found = BTreeSet::new();
    for chunk in leaves.chunks(CHUNK) {
        let rows: Vec<String> = log_entry::Entity::find()
            .select_only()
            .column(log_entry::Column::Leaf)
            .filter(log_entry::Column::CycleId.eq(cycle))
            .filter(log_entry::Column::Leaf.is_in(chunk.iter().map(|hash| to_hex(hash))))
            .into_tuple()
            .all(txn)
            .await?;
        for leaf in rows {
            let hash = from_hex(&leaf).ok_or_else(|| DbError::InvalidValue {
                table: "log_entry",
                column: "leaf",
                value: leaf.clone(),
            })?;
            found.insert(hash);
        }
    }
    Ok(found)
}
