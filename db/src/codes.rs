//! Issuing voter codes: a named group of a cycle (made on first use) and
//! the digests of its new codes, written in one transaction.

use counting::merkle::to_hex;
use pebble_domain::Phase;
use pebble_domain::voter_code::{GroupName, VoterCode};
use rand::TryRngCore;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionTrait,
};

use crate::entity::{code_group, voter_code};
use crate::error::DbError;

/// Rows per INSERT (well under SQLite's limit on bound values).
const CHUNK: usize = 1_000;

/// Most codes one request issues.
pub const MAX_COUNT: u32 = 10_000;

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

/// Runs `make` with a byte source from the operating system's random
/// number generator (read 256 bytes at a time).
pub(crate) fn with_os_random<T>(
    make: impl FnOnce(&mut dyn FnMut() -> u8) -> T,
) -> Result<T, DbError> {
    let mut buffer = [0u8; 256];
    let mut used = buffer.len();
    let mut failed = None;
    let mut next_byte = || {
        if used == buffer.len() {
            if let Err(e) = rand::rngs::OsRng.try_fill_bytes(&mut buffer) {
                failed = Some(e.to_string());
            }
            used = 0;
        }
        used += 1;
        buffer[used - 1]
    };
    let made = make(&mut next_byte);
    match failed {
        Some(e) => Err(DbError::Random(e)),
        None => Ok(made),
    }
}

/// `count` codes from the operating system's random number generator.
fn generate(count: u32) -> Result<Vec<VoterCode>, DbError> {
    with_os_random(|next_byte| {
        (0..count)
            .map(|_| VoterCode::generate(&mut *next_byte))
            .collect()
    })
}

/// Makes `count` new codes (at most [`MAX_COUNT`]) for `group` of cycle
/// `cycle` and stores their digests; the codes, to be shown once.
pub async fn issue_new(
    db: &DatabaseConnection,
    cycle: i32,
    group: &GroupName,
    count: u32,
) -> Result<Result<(Vec<VoterCode>, Issued), Refusal>, DbError> {
    let Ok(key) = u64::try_from(cycle) else {
        return Ok(Err(Refusal::NoCycle));
    };
    let codes = generate(count.min(MAX_COUNT))?;
    let digests: Vec<String> = codes.iter().map(|c| to_hex(&c.digest(key))).collect();
    Ok(issue(db, cycle, group, &digests)
        .await?
        .map(|issued| (codes, issued)))
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

/// Whether the code with digest `digest` (hex) is one of cycle `cycle`'s
/// codes, used or not: the voting page's first step asks this, so that a
/// code from another cycle or a mistyped one is refused before the voter
/// fills a ballot, while a used code is told apart only when it casts
/// (whoever holds a list of codes must not learn who has voted).
pub async fn is_code_of(
    db: &impl sea_orm::ConnectionTrait,
    cycle: i32,
    digest: &str,
) -> Result<bool, DbError> {
    use sea_orm::QuerySelect;
    let groups = sea_orm::sea_query::Query::select()
        .column(code_group::Column::Id)
        .from(code_group::Entity)
        .and_where(code_group::Column::CycleId.eq(cycle))
        .to_owned();
    let found = voter_code::Entity::find()
        .select_only()
        .column(voter_code::Column::Digest)
        .filter(voter_code::Column::Digest.eq(digest))
        .filter(voter_code::Column::GroupId.in_subquery(groups))
        .into_tuple::<String>()
        .one(db)
        .await?;
    Ok(found.is_some())
}
