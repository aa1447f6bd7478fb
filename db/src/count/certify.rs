//! A member's decision on the record hash, signed in their browser (or
//! offline) with their own certification key, and the move to
//! `certified` when k agree.
//!
//! The server only checks: the note must open with the key the frozen
//! manifest names for this member, be a certification of this election
//! in canonical form, name the stored record hash, and carry a time
//! that is now (from the count's start to a few minutes ahead, for
//! clocks that run fast). All in one transaction that first holds the
//! cycle in counting: the decision replaces the member's earlier one
//! (one decision per member; the record keeps each member's latest), the
//! decisions on the hash are read, and if k certify and none objects the
//! cycle moves to `certified` by the guarded `UPDATE … WHERE phase =
//! 'counting'`. Two members deciding at once are serialised by that hold
//! (the row lock on PostgreSQL, the write lock on SQLite), so the k-th
//! certification always sees the others.

use counting::merkle::to_hex;
use counting::record::{Certification, Decision};
use pebble_domain::{Action, Phase};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::{CountRefusal, member_index};
use crate::DbError;
use crate::entity::{Stored, certification, count_record, cycle};

/// How far ahead of the server's clock a decision's time may be.
const CLOCK_SKEW: chrono::Duration = chrono::Duration::minutes(10);

/// What a decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decided {
    /// What the member decided.
    pub decision: Decision,
    /// Members whose decision certifies.
    pub certified: u32,
    /// Members whose decision objects.
    pub objections: u32,
    /// How many must certify (k).
    pub needed: u32,
    /// Whether this decision published the results.
    pub published: bool,
}

/// Member `account` decides on cycle `cycle`'s record with `note`, a
/// certification signed by their key. A note on another hash than the
/// stored record's (a stale page) is refused, not applied to a record
/// they did not see.
pub async fn decide(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    note: &str,
) -> Result<Result<Decided, CountRefusal>, DbError> {
    let member = match member_index(db, cycle, account).await? {
        Ok(member) => member,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(Err(CountRefusal::NotCounted));
    };
    let election = &frozen.manifest.election;
    let (signed, hash) = match Certification::from_note(election, member, note) {
        Ok(read) => read,
        Err(e) => return Ok(Err(CountRefusal::NotSigned(e.to_string()))),
    };
    let txn = db.begin().await?;
    if crate::cycles::hold_phase(&txn, cycle, Action::Certify)
        .await?
        .is_none()
    {
        return Ok(Err(CountRefusal::NotCounting));
    }
    let Some(stored) = count_record::Entity::find_by_id(cycle).one(&txn).await? else {
        return Ok(Err(CountRefusal::NotCounted));
    };
    if stored.record_hash != to_hex(&hash) {
        return Ok(Err(CountRefusal::StaleHash));
    }
    let at = chrono::DateTime::parse_from_rfc3339(&signed.at).map(|t| t.to_utc());
    let now = chrono::Utc::now();
    let in_range = at.is_ok_and(|at| {
        at >= stored.counted_at - chrono::Duration::minutes(1) && at <= now + CLOCK_SKEW
    });
    if !in_range {
        return Ok(Err(CountRefusal::Time));
    }
    certification::Entity::insert(certification::ActiveModel {
        cycle_id: Set(cycle),
        member: Set(i32::try_from(member).unwrap_or(i32::MAX)),
        account_id: Set(account),
        record_hash: Set(stored.record_hash.clone()),
        decision: Set(signed.decision.name().to_owned()),
        reason: Set(signed.reason.clone()),
        at: Set(signed.at.clone()),
        note: Set(signed.note.clone()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            certification::Column::CycleId,
            certification::Column::Member,
        ])
        .update_columns([
            certification::Column::AccountId,
            certification::Column::RecordHash,
            certification::Column::Decision,
            certification::Column::Reason,
            certification::Column::At,
            certification::Column::Note,
        ])
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let decisions = certification::Entity::find()
        .filter(certification::Column::CycleId.eq(cycle))
        .filter(certification::Column::RecordHash.eq(stored.record_hash.as_str()))
        .all(&txn)
        .await?;
    let certified = decisions.iter().filter(|d| d.decision == "certify").count();
    let objections = decisions.len() - certified;
    let needed = election.threshold;
    let mut decided = Decided {
        decision: signed.decision,
        certified: u32::try_from(certified).unwrap_or(u32::MAX),
        objections: u32::try_from(objections).unwrap_or(u32::MAX),
        needed,
        published: false,
    };
    if objections == 0 && decided.certified >= needed {
        let moved = cycle::Entity::update_many()
            .col_expr(cycle::Column::Phase, Expr::value(Stored(Phase::Certified)))
            .filter(cycle::Column::Id.eq(cycle))
            .filter(cycle::Column::Phase.eq(Stored(Phase::Counting)))
            .exec(&txn)
            .await?;
        decided.published = moved.rows_affected == 1;
    }
    txn.commit().await?;
    Ok(Ok(decided))
}
