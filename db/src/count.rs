//! The count: a committee member enters the public entropy, the record
//! is compiled from the sealed log (`counting::record`), and stored once
//! with its hash; then each member certifies that hash or objects
//! ([`certify`]). Until k certify, only the committee sees the record.

mod certify;

use counting::record::{Certification, Decision, GroupTurnout, Parts, Record, Source};
use pebble_domain::{Action, Entropy, Phase};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

pub use certify::{Decided, decide};

use crate::DbError;
use crate::entity::{
    certification, code_group, committee_key, count_record, log_entry, voter_code,
};

/// Why the count or a decision was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountRefusal {
    /// No cycle with that id.
    NoSuchCycle,
    /// The cycle is not counting.
    NotCounting,
    /// The member does not sit on this cycle's frozen committee.
    NotOnCommittee,
    /// The entropy was entered already: the count ran once.
    AlreadyCounted,
    /// No record yet: the entropy has not been entered.
    NotCounted,
    /// The decision was on another record hash than the stored one.
    StaleHash,
    /// An objection needs a reason.
    ReasonRequired,
    /// The record cannot be compiled (the detail is `counting`'s English
    /// message, e.g. no ballots).
    Count(String),
}

/// The stored record of a cycle with its decisions, and who counted.
#[derive(Clone, Debug)]
pub struct Stored {
    /// The record, certifications included.
    pub record: Record,
    /// The entropy's account.
    pub counted_by: i32,
    /// When it was entered.
    pub counted_at: chrono::DateTime<chrono::Utc>,
}

/// The committee member index of `account` in cycle `cycle`'s frozen
/// committee, if they sit on it.
pub async fn member_of(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Option<committee_key::Model>, DbError> {
    Ok(committee_key::Entity::find()
        .filter(committee_key::Column::CycleId.eq(cycle))
        .filter(committee_key::Column::AccountId.eq(account))
        .one(db)
        .await?)
}

/// Enters the public entropy for cycle `cycle` as member `account`:
/// compiles the record off the async workers and stores it, once.
/// Returns the record hash.
pub async fn enter_entropy(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    entropy: &Entropy,
) -> Result<Result<String, CountRefusal>, DbError> {
    if let Err(refusal) = check_member(db, cycle, account).await? {
        return Ok(Err(refusal));
    }
    if count_record::Entity::find_by_id(cycle)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(Err(CountRefusal::AlreadyCounted));
    }
    let Some(parts) = parts(db, cycle, entropy.as_str()).await? else {
        return Ok(Err(CountRefusal::NotCounting));
    };
    let compiled = tokio::task::spawn_blocking(move || Record::compile(parts))
        .await
        .map_err(|e| DbError::Random(format!("the count stopped: {e}")))?;
    let record = match compiled {
        Ok(record) => record,
        Err(counting::record::CompileError::Count(e)) => {
            return Ok(Err(CountRefusal::Count(e.to_string())));
        }
        Err(e) => {
            return Err(DbError::InvalidValue {
                table: "log_entry",
                column: "entry",
                value: e.to_string(),
            });
        }
    };
    let json = serde_json::to_string(&record).map_err(|e| DbError::InvalidValue {
        table: "count_record",
        column: "record",
        value: e.to_string(),
    })?;
    let txn = db.begin().await?;
    if crate::cycles::hold_phase(&txn, cycle, Action::Certify)
        .await?
        .is_none()
    {
        return Ok(Err(CountRefusal::NotCounting));
    }
    let inserted = count_record::Entity::insert(count_record::ActiveModel {
        cycle_id: Set(cycle),
        entropy: Set(entropy.as_str().to_owned()),
        record_hash: Set(record.record_hash.clone()),
        record: Set(json),
        counted_by: Set(account),
        counted_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::column(count_record::Column::CycleId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if inserted != 1 {
        return Ok(Err(CountRefusal::AlreadyCounted));
    }
    txn.commit().await?;
    Ok(Ok(record.record_hash))
}

/// Refuses unless cycle `cycle` is counting and `account` sits on its
/// frozen committee.
async fn check_member(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Result<committee_key::Model, CountRefusal>, DbError> {
    let Some(row) = crate::cycles::find(db, cycle).await? else {
        return Ok(Err(CountRefusal::NoSuchCycle));
    };
    if row.phase.allows(Action::Certify).is_err() {
        return Ok(Err(CountRefusal::NotCounting));
    }
    Ok(match member_of(db, cycle, account).await? {
        Some(member) => Ok(member),
        None => Err(CountRefusal::NotOnCommittee),
    })
}

/// What a record of cycle `cycle` is compiled from, once its log is
/// sealed and signed; `None` before.
pub async fn parts(
    db: &impl ConnectionTrait,
    cycle: i32,
    entropy: &str,
) -> Result<Option<Parts>, DbError> {
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(None);
    };
    let Some(checkpoint) = crate::log::sealed_checkpoint(db, cycle).await? else {
        return Ok(None);
    };
    let rows = log_entry::Entity::find()
        .filter(log_entry::Column::CycleId.eq(cycle))
        .order_by_asc(log_entry::Column::Idx)
        .all(db)
        .await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let bytes = crate::hex::decode(&row.entry).ok_or_else(|| DbError::InvalidValue {
            table: "log_entry",
            column: "entry",
            value: row.entry.clone(),
        })?;
        let source = match row.source.as_str() {
            "paper" => Source::Paper,
            "imported" => Source::Imported,
            _ => Source::Online,
        };
        entries.push((bytes, source));
    }
    Ok(Some(Parts {
        frozen: frozen.manifest,
        entries,
        checkpoint,
        entropy: entropy.to_owned(),
        turnout: turnout(db, cycle).await?,
    }))
}

/// Codes issued and used per roster group of cycle `cycle`, by group name.
pub async fn turnout(db: &impl ConnectionTrait, cycle: i32) -> Result<Vec<GroupTurnout>, DbError> {
    let groups = code_group::Entity::find()
        .filter(code_group::Column::CycleId.eq(cycle))
        .order_by_asc(code_group::Column::Name)
        .all(db)
        .await?;
    let counts = |used: Option<bool>| {
        let mut query = voter_code::Entity::find()
            .select_only()
            .column(voter_code::Column::GroupId)
            .column_as(voter_code::Column::Digest.count(), "n")
            .filter(voter_code::Column::GroupId.is_in(groups.iter().map(|g| g.id)))
            .group_by(voter_code::Column::GroupId);
        if let Some(used) = used {
            query = query.filter(voter_code::Column::Used.eq(used));
        }
        query.into_tuple::<(i32, i64)>().all(db)
    };
    let issued = counts(None).await?;
    let used = counts(Some(true)).await?;
    let of = |rows: &[(i32, i64)], group: i32| {
        rows.iter()
            .find(|(g, _)| *g == group)
            .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0))
    };
    Ok(groups
        .iter()
        .map(|g| GroupTurnout {
            group: g.name.clone(),
            issued: of(&issued, g.id),
            used: of(&used, g.id),
        })
        .collect())
}

/// Where a cycle's public record stands.
#[derive(Clone, Debug)]
pub enum Published {
    /// No cycle with that id.
    NoSuchCycle,
    /// Not certified: nothing is public yet. The phase it is in.
    NotYet(Phase),
    /// Certified: the record and the manifest it was counted under.
    Certified(Box<Record>, Box<counting::FrozenManifest>),
}

/// Cycle `cycle`'s record for everyone, only once it is certified: the
/// one check that the API's exports and `pebble export` share.
pub async fn published(db: &impl ConnectionTrait, cycle: i32) -> Result<Published, DbError> {
    let Some(row) = crate::cycles::find(db, cycle).await? else {
        return Ok(Published::NoSuchCycle);
    };
    if *row.phase != Phase::Certified {
        return Ok(Published::NotYet(*row.phase));
    }
    let missing = |what: &str| DbError::InvalidValue {
        table: "count_record",
        column: "cycle_id",
        value: format!("certified cycle {cycle} has no {what}"),
    };
    let record = stored(db, cycle)
        .await?
        .ok_or_else(|| missing("record"))?
        .record;
    let frozen = crate::frozen::frozen(db, cycle)
        .await?
        .ok_or_else(|| missing("frozen manifest"))?
        .manifest;
    Ok(Published::Certified(Box::new(record), Box::new(frozen)))
}

/// Cycle `cycle`'s record with every decision so far, if counted.
pub async fn stored(db: &impl ConnectionTrait, cycle: i32) -> Result<Option<Stored>, DbError> {
    let Some(row) = count_record::Entity::find_by_id(cycle).one(db).await? else {
        return Ok(None);
    };
    let invalid = |column, value: String| DbError::InvalidValue {
        table: "count_record",
        column,
        value,
    };
    let mut record: Record =
        serde_json::from_str(&row.record).map_err(|e| invalid("record", e.to_string()))?;
    let frozen = crate::frozen::frozen(db, cycle)
        .await?
        .ok_or_else(|| invalid("cycle_id", "no frozen manifest".to_owned()))?;
    let members = &frozen.manifest.election.members;
    record.certifications = certification::Entity::find()
        .filter(certification::Column::CycleId.eq(cycle))
        .order_by_asc(certification::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| Certification {
            member: u32::try_from(c.member).unwrap_or(u32::MAX),
            name: usize::try_from(c.member)
                .ok()
                .and_then(|m| members.get(m))
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            decision: if c.decision == "object" {
                Decision::Object
            } else {
                Decision::Certify
            },
            at: c.at,
            reason: c.reason,
            note: c.note,
        })
        .collect();
    Ok(Some(Stored {
        record,
        counted_by: row.counted_by,
        counted_at: row.counted_at,
    }))
}
