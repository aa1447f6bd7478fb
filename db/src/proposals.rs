//! Proposals: submission and editing by students, review by the committee
//! (SPEC §3). Callers check roles and phases; this module only stores.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, Set,
};

use crate::DbError;
use crate::entity::proposal::{self, Status};
use crate::entity::{account, cycle};

/// What a student writes; already validated by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Title, at most 120 characters.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// Full description.
    pub description: String,
    /// Category.
    pub category: String,
    /// The author's estimate in minor units.
    pub estimated_cost_cents: i64,
}

/// The committee's decision on a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Goes on the ballot at this cost.
    Feasible {
        /// The cost on the ballot, in minor units.
        ballot_cost_cents: i64,
    },
    /// Does not go on the ballot.
    NotFeasible,
    /// A duplicate of another proposal of the same cycle.
    MergedInto {
        /// The proposal it joins.
        proposal_id: i32,
    },
}

/// A proposal with its author and cycle, for its page.
#[derive(Clone, Debug)]
pub struct Found {
    /// The proposal row.
    pub proposal: proposal::Model,
    /// Its author, if the account still exists.
    pub author: Option<account::Model>,
    /// Its cycle.
    pub cycle: cycle::Model,
}

/// Stores a new proposal, status `submitted`.
pub async fn submit(
    db: &impl ConnectionTrait,
    cycle_id: i32,
    author_id: i32,
    draft: Draft,
) -> Result<proposal::Model, DbError> {
    let now = Utc::now();
    let row = proposal::ActiveModel {
        cycle_id: Set(cycle_id),
        author_id: Set(Some(author_id)),
        title: Set(draft.title),
        summary: Set(draft.summary),
        description: Set(draft.description),
        category: Set(draft.category),
        estimated_cost_cents: Set(draft.estimated_cost_cents),
        status: Set(Status::Submitted),
        created_at: Set(now),
        updated_at: Set(Some(now)),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

/// Replaces the author's text of `proposal`.
pub async fn edit(
    db: &impl ConnectionTrait,
    proposal: proposal::Model,
    draft: Draft,
) -> Result<proposal::Model, DbError> {
    let mut row = proposal.into_active_model();
    row.title = Set(draft.title);
    row.summary = Set(draft.summary);
    row.description = Set(draft.description);
    row.category = Set(draft.category);
    row.estimated_cost_cents = Set(draft.estimated_cost_cents);
    row.updated_at = Set(Some(Utc::now()));
    Ok(row.update(db).await?)
}

/// Records the committee's verdict and public note.
pub async fn review(
    db: &impl ConnectionTrait,
    proposal: proposal::Model,
    verdict: Verdict,
    note: String,
) -> Result<proposal::Model, DbError> {
    let mut row = proposal.into_active_model();
    let (status, cost, merged) = match verdict {
        Verdict::Feasible { ballot_cost_cents } => {
            (Status::Feasible, Some(ballot_cost_cents), None)
        }
        Verdict::NotFeasible => (Status::NotFeasible, None, None),
        Verdict::MergedInto { proposal_id } => (Status::Merged, None, Some(proposal_id)),
    };
    row.status = Set(status);
    row.ballot_cost_cents = Set(cost);
    row.merged_into_id = Set(merged);
    row.review_note = Set(Some(note));
    row.updated_at = Set(Some(Utc::now()));
    Ok(row.update(db).await?)
}

/// A proposal by id with its author and cycle.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<Found>, DbError> {
    let Some((proposal, author)) = proposal::Entity::find_by_id(id)
        .find_also_related(account::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let cycle = cycle::Entity::find_by_id(proposal.cycle_id)
        .one(db)
        .await?
        .ok_or_else(|| DbError::InvalidValue {
            table: "proposal",
            column: "cycle_id",
            value: proposal.cycle_id.to_string(),
        })?;
    Ok(Some(Found {
        proposal,
        author,
        cycle,
    }))
}

/// How many proposals `account_id` submitted since `since` (for the rate
/// limit).
pub async fn count_by_author_since(
    db: &impl ConnectionTrait,
    account_id: i32,
    since: chrono::DateTime<Utc>,
) -> Result<u64, DbError> {
    Ok(proposal::Entity::find()
        .filter(proposal::Column::AuthorId.eq(account_id))
        .filter(proposal::Column::CreatedAt.gt(since))
        .count(db)
        .await?)
}
