//! Reading cycles and their proposals for public pages.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::DbError;
use crate::entity::{account, comment, cycle, proposal};

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
/// is out of draft (a draft is still being set up, and private).
pub async fn featured(db: &impl ConnectionTrait) -> Result<Option<CycleOverview>, DbError> {
    let Some(cycle) = cycle::Entity::find()
        .filter(cycle::Column::Phase.ne(cycle::Phase::Draft))
        .order_by_desc(cycle::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let rows = proposal::Entity::find()
        .filter(proposal::Column::CycleId.eq(cycle.id))
        .filter(proposal::Column::Status.ne(proposal::Status::Hidden))
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

/// Moves `cycle` from phase `from` to `to`, only if it is still in `from`:
/// two admins pressing "next phase" at once move it one step, not two.
/// Returns whether this call moved it.
pub async fn move_phase(
    db: &impl ConnectionTrait,
    id: i32,
    from: cycle::Phase,
    to: cycle::Phase,
) -> Result<bool, DbError> {
    let result = cycle::Entity::update_many()
        .col_expr(cycle::Column::Phase, sea_orm::sea_query::Expr::value(to))
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.eq(from))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
