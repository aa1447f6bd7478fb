//! Reading cycles and their proposals for public pages.

use std::collections::BTreeMap;

use pebble_domain::{Action, Phase, Status};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::DbError;
use crate::entity::{Stored, account, comment, cycle, proposal};

/// A proposal as listed publicly: the row, its author's name and how many
/// comments its thread has.
#[derive(Clone, Debug)]
pub struct ListedProposal {
    /// The proposal row.
    pub proposal: proposal::Model,
    /// The author's display name, if the account still exists.
    pub author_name: Option<String>,
    /// Number of comments in its thread.
    pub comment_count: u64,
    /// Its image's version and alt text, if it has one.
    pub image: Option<crate::proposal_images::ImageInfo>,
}

/// A cycle with its public proposals, in submission order.
#[derive(Clone, Debug)]
pub struct CycleOverview {
    /// The cycle row.
    pub cycle: cycle::Model,
    /// Its proposals, hidden ones left out.
    pub proposals: Vec<ListedProposal>,
}

/// The cycle the home page features: the most recently created one that
/// is out of draft (a draft is still being set up, and private) and not
/// yet certified (a finished cycle gives way to a running one, whose
/// results stay a link away); else the most recent certified one.
pub async fn featured(db: &impl ConnectionTrait) -> Result<Option<CycleOverview>, DbError> {
    let running = cycle::Entity::find()
        .filter(cycle::Column::Phase.ne(Stored(Phase::Draft)))
        .filter(cycle::Column::Phase.ne(Stored(Phase::Certified)))
        .order_by_desc(cycle::Column::Id)
        .one(db)
        .await?;
    let cycle = match running {
        Some(cycle) => cycle,
        None => match cycle::Entity::find()
            .filter(cycle::Column::Phase.eq(Stored(Phase::Certified)))
            .order_by_desc(cycle::Column::Id)
            .one(db)
            .await?
        {
            Some(cycle) => cycle,
            None => return Ok(None),
        },
    };
    let rows = proposal::Entity::find()
        .filter(proposal::Column::CycleId.eq(cycle.id))
        .filter(proposal::Column::Status.ne(Stored(Status::Hidden)))
        .order_by_asc(proposal::Column::Id)
        .find_also_related(account::Entity)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|(p, _)| p.id).collect();
    let mut images = crate::proposal_images::infos(db, &ids).await?;
    let counts: BTreeMap<i32, i64> = comment::Entity::find()
        .select_only()
        .column(comment::Column::ProposalId)
        .column_as(comment::Column::Id.count(), "n")
        .filter(comment::Column::ProposalId.is_in(ids))
        .group_by(comment::Column::ProposalId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let proposals = rows
        .into_iter()
        .map(|(proposal, author)| ListedProposal {
            comment_count: counts
                .get(&proposal.id)
                .copied()
                .unwrap_or(0)
                .unsigned_abs(),
            author_name: author.map(|a| a.display_name),
            image: images.remove(&proposal.id),
            proposal,
        })
        .collect();
    Ok(Some(CycleOverview { cycle, proposals }))
}

/// Whether any cycle exists (the run command seeds the demo only if not).
pub async fn any_exist(db: &impl ConnectionTrait) -> Result<bool, DbError> {
    Ok(cycle::Entity::find().one(db).await?.is_some())
}

/// Every cycle, newest first (the admin's list).
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<cycle::Model>, DbError> {
    Ok(cycle::Entity::find()
        .order_by_desc(cycle::Column::Id)
        .all(db)
        .await?)
}

/// A cycle by id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<cycle::Model>, DbError> {
    Ok(cycle::Entity::find_by_id(id).one(db).await?)
}

/// Holds cycle `id` in a phase that allows `action` until the caller's
/// transaction ends: a no-op update of its phase, guarded by those
/// phases, that takes the row's lock (PostgreSQL) or the write lock
/// (SQLite). A phase move waits for the caller to commit, so what the
/// caller writes is seen by the move's checks. Returns the phase it
/// holds, or `None` if the cycle is not (or no longer) in such a phase.
pub async fn hold_phase(
    txn: &impl ConnectionTrait,
    id: i32,
    action: Action,
) -> Result<Option<Phase>, DbError> {
    let phases = Phase::ALL
        .into_iter()
        .filter(|phase| phase.allows(action).is_ok())
        .map(Stored);
    let held = cycle::Entity::update_many()
        .col_expr(cycle::Column::Phase, Expr::col(cycle::Column::Phase))
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.is_in(phases))
        .exec(txn)
        .await?;
    if held.rows_affected != 1 {
        return Ok(None);
    }
    Ok(find(txn, id).await?.map(|row| *row.phase))
}
