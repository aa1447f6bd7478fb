//! Issuing voter codes: a named group of a cycle (made on first use) and
//! the digests of its new codes, written in one transaction.

use pebble_domain::Phase;
use pebble_domain::voter_code::GroupName;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};

use crate::entity::{code_group, voter_code};
use crate::error::DbError;

/// Rows per INSERT (well under SQLite's limit on bound values).
const CHUNK: usize = 1_000;

/// What an issue did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    /// Codes written now.
    pub added: u64,
    /// Codes the group holds in all, these included.
    pub in_group: u64,
}

/// Why codes were not issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such cycle.
    NoCycle,
    /// The cycle's voting is over.
    Closed(Phase),
}

/// Writes `digests` (hex, from `VoterCode::digest`) into `group` of cycle
/// `cycle`, making the group if it is new. All or nothing.
pub async fn issue(
    db: &DatabaseConnection,
    cycle: i32,
    group: &GroupName,
    digests: &[String],
) -> Result<Result<Issued, Refusal>, DbError> {
    let txn = db.begin().await?;
    let Some(found) = crate::cycles::find(&txn, cycle).await? else {
        return Ok(Err(Refusal::NoCycle));
    };
    if *found.phase > Phase::Voting {
        return Ok(Err(Refusal::Closed(*found.phase)));
    }
    let existing = code_group::Entity::find()
        .filter(code_group::Column::CycleId.eq(cycle))
        .filter(code_group::Column::Name.eq(group.as_str()))
        .one(&txn)
        .await?;
    let group_id = match existing {
        Some(row) => row.id,
        None => {
            code_group::Entity::insert(code_group::ActiveModel {
                cycle_id: Set(cycle),
                name: Set(group.as_str().to_owned()),
                ..Default::default()
            })
            .exec(&txn)
            .await?
            .last_insert_id
        }
    };
    for chunk in digests.chunks(CHUNK) {
        voter_code::Entity::insert_many(chunk.iter().map(|digest| voter_code::ActiveModel {
            digest: Set(digest.clone()),
            group_id: Set(group_id),
            used: Set(false),
        }))
        .exec(&txn)
        .await?;
    }
    let in_group = voter_code::Entity::find()
        .filter(voter_code::Column::GroupId.eq(group_id))
        .count(&txn)
        .await?;
    txn.commit().await?;
    Ok(Ok(Issued {
        added: digests.len() as u64,
        in_group,
    }))
}
