//! The count: after the log is sealed each committee member reveals
//! their tie-break secret (checked against the commitment the manifest
//! froze); once every member who committed has revealed, or k have and
//! a member starts it, the record is compiled from the sealed log
//! (`counting::record`) and stored once with its hash; then each member
//! certifies that hash or objects, with a note signed by their own key
//! ([`certify`]). Until k certify, only the committee sees the record.

mod certify;

use counting::merkle::{from_hex, to_hex};
use counting::record::{Certification, Decision, GroupTurnout, Parts, Record, Source};
use counting::tiebreak::Reveals;
use pebble_domain::{Action, Phase};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

pub use certify::{Decided, decide};

use crate::DbError;
use crate::entity::{
    certification, code_group, count_record, log_entry, tiebreak_reveal, voter_code,
};

/// Why a reveal, the count or a decision was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountRefusal {
    /// No cycle with that id.
    NoSuchCycle,
    /// The cycle is not counting.
    NotCounting,
    /// The member does not sit on this cycle's frozen committee.
    NotOnCommittee,
    /// The count ran already.
    AlreadyCounted,
    /// No record yet: the count has not run.
    NotCounted,
    /// The decision was on another record hash than the stored one.
    StaleHash,
    /// The secret does not open the member's frozen commitment.
    WrongSecret,
    /// The member made no commitment (an imported cycle): nothing to
    /// reveal.
    NothingToReveal,
    /// The member has revealed already.
    AlreadyRevealed,
    /// Too few reveals to count yet.
    TooFewReveals {
        /// Reveals so far.
        revealed: usize,
        /// Reveals the count needs (k, or every member who committed).
        needed: usize,
    },
    /// A decision whose signed note does not check out (the detail is
    /// `counting`'s English message).
    NotSigned(String),
    /// A decision whose time is not now (the member's clock is wrong).
    Time,
    /// The record cannot be compiled (the detail is `counting`'s English
    /// message, e.g. no ballots).
    Count(String),
    /// The sealed checkpoint lacks the cosignatures the cycle's witness
    /// policy asks for: the names of the witnesses who gave theirs.
    NotWitnessed(Vec<String>),
}

/// The stored record of a cycle with its decisions, and who counted.
#[derive(Clone, Debug)]
pub struct Stored {
    /// The record, certifications included.
    pub record: Record,
    /// The member who started the count.
    pub counted_by: i32,
    /// When.
    pub counted_at: chrono::DateTime<chrono::Utc>,
}

/// Where the reveals of a counting cycle stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revealing {
    /// Each member's reveal so far, in member order.
    pub reveals: Reveals,
    /// Which members committed, in member order.
    pub committed: Vec<bool>,
    /// Reveals the count needs.
    pub needed: usize,
}

impl Revealing {
    /// Reveals so far.
    pub fn revealed(&self) -> usize {
        self.reveals.iter().flatten().count()
    }

    /// Whether every member who committed has revealed.
    pub fn complete(&self) -> bool {
        self.reveals
            .iter()
            .zip(&self.committed)
            .all(|(reveal, committed)| reveal.is_some() || !committed)
    }
}

/// The frozen committee index of `account` in counting cycle `cycle`.
async fn member_index(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Result<u32, CountRefusal>, DbError> {
    let Some(row) = crate::cycles::find(db, cycle).await? else {
        return Ok(Err(CountRefusal::NoSuchCycle));
    };
    if row.phase.allows(Action::Certify).is_err() {
        return Ok(Err(CountRefusal::NotCounting));
    }
    Ok(match crate::committee::seat(db, cycle, account).await? {
        Some(Some(index)) => Ok(index),
        _ => Err(CountRefusal::NotOnCommittee),
    })
}

/// Cycle `cycle`'s reveals so far, against its frozen committee.
pub async fn revealing(
    db: &impl ConnectionTrait,
    cycle: i32,
) -> Result<Option<Revealing>, DbError> {
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(None);
    };
    let members = &frozen.manifest.election.members;
    let mut reveals: Reveals = vec![None; members.len()];
    for row in tiebreak_reveal::Entity::find()
        .filter(tiebreak_reveal::Column::CycleId.eq(cycle))
        .all(db)
        .await?
    {
        let secret = from_hex(&row.secret).ok_or_else(|| DbError::InvalidValue {
            table: "tiebreak_reveal",
            column: "secret",
            value: row.secret.clone(),
        })?;
        if let Some(place) = usize::try_from(row.member)
            .ok()
            .and_then(|m| reveals.get_mut(m))
        {
            *place = Some(secret);
        }
    }
    Ok(Some(Revealing {
        reveals,
        committed: members.iter().map(|m| m.commitment.is_some()).collect(),
        needed: counting::record::reveals_needed(&frozen.manifest),
    }))
}

/// Member `account` reveals their tie-break `secret` for cycle `cycle`.
/// It must open their frozen commitment, and is kept once. When it is
/// the last one awaited, the count runs; returns the record hash then.
pub async fn reveal(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    secret: &[u8; 32],
) -> Result<Result<Option<String>, CountRefusal>, DbError> {
    let member = match member_index(db, cycle, account).await? {
        Ok(member) => member,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(Err(CountRefusal::NotCounting));
    };
    let Some(seat) = frozen.manifest.election.members.get(member as usize) else {
        return Ok(Err(CountRefusal::NotOnCommittee));
    };
    let Some(commitment) = seat.commitment else {
        return Ok(Err(CountRefusal::NothingToReveal));
    };
    if !counting::committee::opens(&commitment, secret) {
        return Ok(Err(CountRefusal::WrongSecret));
    }
    let txn = db.begin().await?;
    if crate::cycles::hold_phase(&txn, cycle, Action::Certify)
        .await?
        .is_none()
    {
        return Ok(Err(CountRefusal::NotCounting));
    }
    if count_record::Entity::find_by_id(cycle)
        .one(&txn)
        .await?
        .is_some()
    {
        return Ok(Err(CountRefusal::AlreadyCounted));
    }
    let inserted = tiebreak_reveal::Entity::insert(tiebreak_reveal::ActiveModel {
        cycle_id: Set(cycle),
        member: Set(i32::try_from(member).unwrap_or(i32::MAX)),
        secret: Set(to_hex(secret)),
    })
    .on_conflict(
        OnConflict::columns([
            tiebreak_reveal::Column::CycleId,
            tiebreak_reveal::Column::Member,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if inserted != 1 {
        return Ok(Err(CountRefusal::AlreadyRevealed));
    }
    txn.commit().await?;
    let complete = revealing(db, cycle).await?.is_some_and(|r| r.complete());
    if !complete {
        return Ok(Ok(None));
    }
    Ok(match run_count(db, cycle, account).await? {
        Ok(hash) => Ok(Some(hash)),
        // Another member's reveal started it at the same moment.
        Err(CountRefusal::AlreadyCounted) => Ok(None),
        Err(refusal) => Err(refusal),
    })
}

/// Member `account` starts cycle `cycle`'s count with the reveals in so
/// far, if there are enough (members who withheld are named in the
/// record). Returns the record hash.
pub async fn count_now(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
) -> Result<Result<String, CountRefusal>, DbError> {
    if let Err(refusal) = member_index(db, cycle, account).await? {
        return Ok(Err(refusal));
    }
    run_count(db, cycle, account).await
}

/// Compiles cycle `cycle`'s record off the async workers and stores it,
/// once.
async fn run_count(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
) -> Result<Result<String, CountRefusal>, DbError> {
    if count_record::Entity::find_by_id(cycle)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(Err(CountRefusal::AlreadyCounted));
    }
    let Some(revealing) = revealing(db, cycle).await? else {
        return Ok(Err(CountRefusal::NotCounting));
    };
    if revealing.revealed() < revealing.needed {
        return Ok(Err(CountRefusal::TooFewReveals {
            revealed: revealing.revealed(),
            needed: revealing.needed,
        }));
    }
    let Some(parts) = parts(db, cycle, revealing.reveals).await? else {
        return Ok(Err(CountRefusal::NotCounting));
    };
    if let Some(policy) = parts.frozen.election.witness_policy() {
        // Counting a log its witnesses did not cosign would certify a
        // history that others may have been shown differently.
        let policy = policy.map_err(|e| DbError::InvalidValue {
            table: "frozen_manifest",
            column: "manifest",
            value: e.to_string(),
        })?;
        if policy.check(&parts.checkpoint).is_err() {
            let by = policy.cosigned_by(&parts.checkpoint).unwrap_or_default();
            return Ok(Err(CountRefusal::NotWitnessed(by.into_iter().collect())));
        }
    }
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

/// What a record of cycle `cycle` is compiled from, once its log is
/// sealed and signed; `None` before.
pub async fn parts(
    db: &impl ConnectionTrait,
    cycle: i32,
    reveals: Reveals,
) -> Result<Option<Parts>, DbError> {
    let Some(frozen) = crate::frozen::frozen(db, cycle).await? else {
        return Ok(None);
    };
    let Some(sealed) = crate::log::sealed_checkpoint(db, cycle).await? else {
        return Ok(None);
    };
    let (size, _) = crate::log::state(db, cycle).await?;
    let checkpoint =
        crate::witnesses::cosigned(db, cycle, &frozen.manifest.election, size, sealed).await?;
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
        reveals,
        turnout: turnout(db, cycle).await?,
        spoiled_paper: crate::paper::tally(db, cycle).await?.spoiled,
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
        .order_by_asc(certification::Column::Member)
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
