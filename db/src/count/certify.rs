//! A member's decision on the record hash, signed with their
//! certification key, and the move to `certified` when k agree.
//!
//! All in one transaction that first holds the cycle in counting: the
//! decision is stored, the members' latest decisions on the hash are
//! read, and if k certify and none objects the cycle moves to
//! `certified` by the guarded `UPDATE … WHERE phase = 'counting'`. Two
//! members deciding at once are serialised by that hold (the row lock on
//! PostgreSQL, the write lock on SQLite), so the k-th certification
//! always sees the others.

use std::collections::BTreeMap;

use counting::merkle::from_hex;
use counting::record::{Certification, Decision};
use pebble_domain::{Action, Phase, Reason};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use super::{CountRefusal, check_member};
use crate::DbError;
use crate::entity::{Stored, certification, count_record, cycle};

/// What a decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decided {
    /// Members whose latest decision certifies.
    pub certified: u32,
    /// Members whose latest decision objects.
    pub objections: u32,
    /// How many must certify (k).
    pub needed: u32,
    /// Whether this decision published the results.
    pub published: bool,
}

/// Member `account` decides on cycle `cycle`'s record, whose hash they
/// reviewed as `seen_hash` (a stale page is refused, not applied to a
/// record they did not see). An objection needs a reason.
pub async fn decide(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    seen_hash: &str,
    decision: Decision,
    reason: Option<Reason>,
) -> Result<Result<Decided, CountRefusal>, DbError> {
    let member = match check_member(db, cycle, account).await? {
        Ok(member) => member,
        Err(refusal) => return Ok(Err(refusal)),
    };
    if decision == Decision::Object && reason.is_none() {
        return Ok(Err(CountRefusal::ReasonRequired));
    }
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(Err(CountRefusal::NotCounted));
    };
    let election = &frozen.manifest.election;
    let invalid = |value: &str| DbError::InvalidValue {
        table: "committee_key",
        column: "secret",
        value: value.to_owned(),
    };
    let seed = crate::hex::seed("committee_key", &member.secret)?;
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
    if stored.record_hash != seen_hash {
        return Ok(Err(CountRefusal::StaleHash));
    }
    let hash = from_hex(&stored.record_hash).ok_or_else(|| invalid("record hash not hex"))?;
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let index = u32::try_from(member.member).unwrap_or(u32::MAX);
    let reason = reason.as_ref().map_or("", Reason::as_str);
    let signed = Certification::sign(election, index, &seed, &hash, decision, &at, reason)
        .map_err(|e| invalid(&e.to_string()))?;
    certification::Entity::insert(certification::ActiveModel {
        cycle_id: Set(cycle),
        member: Set(member.member),
        account_id: Set(account),
        record_hash: Set(stored.record_hash.clone()),
        decision: Set(decision.name().to_owned()),
        reason: Set(signed.reason),
        at: Set(signed.at),
        note: Set(signed.note),
        ..Default::default()
    })
    .exec_without_returning(&txn)
    .await?;
    let mut latest = BTreeMap::new();
    for row in certification::Entity::find()
        .filter(certification::Column::CycleId.eq(cycle))
        .filter(certification::Column::RecordHash.eq(stored.record_hash.as_str()))
        .order_by_asc(certification::Column::Id)
        .all(&txn)
        .await?
    {
        latest.insert(row.member, row.decision);
    }
    let certified = latest.values().filter(|d| *d == "certify").count();
    let objections = latest.len() - certified;
    let needed = election.threshold;
    let mut decided = Decided {
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
