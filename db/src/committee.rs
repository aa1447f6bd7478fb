//! A cycle's committee as the server knows it: who sits on it (its
//! settings until voting opens, the frozen seats after), each member's
//! public certification key, and their tie-break commitments. The
//! server never holds a member's secret key: it stores what members
//! register and checks what they sign ([`crate::count`]).

use counting::merkle::{Hash, from_hex, to_hex};
use pebble_domain::Action;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use crate::DbError;
use crate::entity::{
    account, committee_seat, cycle, cycle_committee, frozen_manifest, member_key,
    tiebreak_commitment,
};

/// Why a key or a commitment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitteeRefusal {
    /// No cycle with that id.
    NoSuchCycle,
    /// The account does not sit on this cycle's committee.
    NotOnCommittee,
    /// The cycle's phase does not allow it (voting has opened).
    Phase(pebble_domain::Phase),
    /// A commitment before a key: the key comes first.
    NoKey,
    /// The key is frozen in a cycle still to be certified, which could
    /// then never be certified with the new one.
    KeyInUse {
        /// That cycle.
        cycle: i32,
    },
}

/// Whether `account` sits on cycle `cycle`'s committee: its frozen seats
/// once voting has opened, its settings before.
pub async fn sits_on(db: &impl ConnectionTrait, cycle: i32, account: i32) -> Result<bool, DbError> {
    Ok(seat(db, cycle, account).await?.is_some())
}

/// Where `account` sits on cycle `cycle`'s committee: `Some(Some(index))`
/// in the frozen manifest once voting has opened, `Some(None)` before
/// (the settings name them), `None` if they do not sit on it.
pub async fn seat(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Option<Option<u32>>, DbError> {
    if frozen_manifest::Entity::find_by_id(cycle)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(committee_seat::Entity::find()
            .filter(committee_seat::Column::CycleId.eq(cycle))
            .filter(committee_seat::Column::AccountId.eq(account))
            .one(db)
            .await?
            .map(|row| Some(u32::try_from(row.member).unwrap_or(u32::MAX))));
    }
    Ok(cycle_committee::Entity::find_by_id((cycle, account))
        .one(db)
        .await?
        .map(|_| None))
}

/// The account of member `member` of cycle `cycle`'s frozen committee.
pub async fn seated(
    db: &impl ConnectionTrait,
    cycle: i32,
    member: u32,
) -> Result<Option<i32>, DbError> {
    Ok(
        committee_seat::Entity::find_by_id((cycle, i32::try_from(member).unwrap_or(i32::MAX)))
            .one(db)
            .await?
            .map(|row| row.account_id),
    )
}

/// `account`'s registered public key (hex) and when it was registered.
pub async fn registered(
    db: &impl ConnectionTrait,
    account: i32,
) -> Result<Option<(String, chrono::DateTime<chrono::Utc>)>, DbError> {
    Ok(member_key::Entity::find_by_id(account)
        .one(db)
        .await?
        .map(|row| (row.public_key, row.registered_at)))
}

/// `account`'s registered public key.
pub async fn key_of(db: &impl ConnectionTrait, account: i32) -> Result<Option<[u8; 32]>, DbError> {
    let Some(row) = member_key::Entity::find_by_id(account).one(db).await? else {
        return Ok(None);
    };
    from_hex(&row.public_key)
        .map(Some)
        .ok_or_else(|| DbError::InvalidValue {
            table: "member_key",
            column: "public_key",
            value: row.public_key,
        })
}

/// Registers `public_key` as `account`'s certification key, replacing
/// any earlier one (and the commitments made with it, which the new key
/// could not open) unless that key is frozen in a cycle not yet
/// certified.
pub async fn register_key(
    db: &DatabaseConnection,
    account: i32,
    public_key: &[u8; 32],
) -> Result<Result<(), CommitteeRefusal>, DbError> {
    let txn = db.begin().await?;
    if let Some(old) = key_of(&txn, account).await?
        && old != *public_key
    {
        for seat in committee_seat::Entity::find()
            .filter(committee_seat::Column::AccountId.eq(account))
            .all(&txn)
            .await?
        {
            let phase = crate::cycles::find(&txn, seat.cycle_id)
                .await?
                .map(|c| *c.phase);
            if phase != Some(pebble_domain::Phase::Certified) {
                return Ok(Err(CommitteeRefusal::KeyInUse {
                    cycle: seat.cycle_id,
                }));
            }
        }
        tiebreak_commitment::Entity::delete_many()
            .filter(tiebreak_commitment::Column::AccountId.eq(account))
            .exec(&txn)
            .await?;
    }
    member_key::Entity::insert(member_key::ActiveModel {
        account_id: Set(account),
        public_key: Set(to_hex(public_key)),
        registered_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::column(member_key::Column::AccountId)
            .update_columns([
                member_key::Column::PublicKey,
                member_key::Column::RegisteredAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// A member's commitment for a cycle: the salt and the commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// The 16-byte salt the secret is derived with.
    pub salt: [u8; 16],
    /// The commitment.
    pub commitment: Hash,
}

/// `account`'s commitment for cycle `cycle`, if made.
pub async fn commitment_of(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Option<Commitment>, DbError> {
    let Some(row) = tiebreak_commitment::Entity::find_by_id((cycle, account))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let salt = counting::merkle::bytes_from_hex(&row.salt).and_then(|b| b.try_into().ok());
    match (salt, from_hex(&row.commitment)) {
        (Some(salt), Some(commitment)) => Ok(Some(Commitment { salt, commitment })),
        _ => Err(DbError::InvalidValue {
            table: "tiebreak_commitment",
            column: "commitment",
            value: format!("{} {}", row.salt, row.commitment),
        }),
    }
}

/// Stores `account`'s tie-break commitment for cycle `cycle` (replacing
/// an earlier one) while the cycle is still before voting, holding its
/// phase so that opening voting either sees it or waits.
pub async fn commit(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    made: Commitment,
) -> Result<Result<(), CommitteeRefusal>, DbError> {
    let txn = db.begin().await?;
    let Some(row) = crate::cycles::find(&txn, cycle).await? else {
        return Ok(Err(CommitteeRefusal::NoSuchCycle));
    };
    if crate::cycles::hold_phase(&txn, cycle, Action::CommitTiebreak)
        .await?
        .is_none()
    {
        return Ok(Err(CommitteeRefusal::Phase(*row.phase)));
    }
    if cycle_committee::Entity::find_by_id((cycle, account))
        .one(&txn)
        .await?
        .is_none()
    {
        return Ok(Err(CommitteeRefusal::NotOnCommittee));
    }
    if key_of(&txn, account).await?.is_none() {
        return Ok(Err(CommitteeRefusal::NoKey));
    }
    tiebreak_commitment::Entity::insert(tiebreak_commitment::ActiveModel {
        cycle_id: Set(cycle),
        account_id: Set(account),
        salt: Set(to_hex(&made.salt)),
        commitment: Set(to_hex(&made.commitment)),
        made_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([
            tiebreak_commitment::Column::CycleId,
            tiebreak_commitment::Column::AccountId,
        ])
        .update_columns([
            tiebreak_commitment::Column::Salt,
            tiebreak_commitment::Column::Commitment,
            tiebreak_commitment::Column::MadeAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// One member of a cycle's committee (as its settings name them) and
/// what they have done towards opening voting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    /// The account.
    pub account: i32,
    /// Their display name.
    pub name: String,
    /// Their public key, if registered.
    pub key: Option<[u8; 32]>,
    /// Their commitment for this cycle, if made.
    pub commitment: Option<Commitment>,
}

/// Cycle `cycle`'s committee, in the order the manifest will list them,
/// with each member's key and commitment.
pub async fn readiness(db: &impl ConnectionTrait, cycle: i32) -> Result<Vec<Ready>, DbError> {
    let seats = cycle_committee::Entity::find()
        .filter(cycle_committee::Column::CycleId.eq(cycle))
        .order_by_asc(cycle_committee::Column::AccountId)
        .all(db)
        .await?;
    let mut ready = Vec::with_capacity(seats.len());
    for seat in seats {
        let name = account::Entity::find_by_id(seat.account_id)
            .one(db)
            .await?
            .map(|a| a.display_name)
            .unwrap_or_default();
        ready.push(Ready {
            account: seat.account_id,
            name,
            key: key_of(db, seat.account_id).await?,
            commitment: commitment_of(db, cycle, seat.account_id).await?,
        });
    }
    Ok(ready)
}

/// Cycles whose committee `account` sits on (by settings or frozen seat),
/// newest first, with their phase.
pub async fn cycles_of(
    db: &impl ConnectionTrait,
    account: i32,
) -> Result<Vec<cycle::Model>, DbError> {
    let mut found = Vec::new();
    for row in crate::cycles::list(db).await? {
        if sits_on(db, row.id, account).await? {
            found.push(row);
        }
    }
    Ok(found)
}
