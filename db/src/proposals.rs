//! Proposals: submission and editing by students, review by the committee
//!. Callers check roles; each write holds the cycle in a phase
//! that allows it ([`hold_phase`]), so a phase move never slips between
//! the caller's check and the write.

use chrono::Utc;
use counting::Cents;
use pebble_domain::{Action, ProposalDraft, PublicNote, Status};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

use crate::DbError;
use crate::cycles::hold_phase;
use crate::entity::{Stored, account, cycle, proposal};
use crate::money::stored_cents;

/// The committee's decision on a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Goes on the ballot at this cost.
    Feasible {
        /// The cost on the ballot.
        ballot_cost: Cents,
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

/// Stores a new proposal, status `submitted`, if its cycle is still in a
/// phase that takes proposals; `None` if not.
pub async fn submit(
    db: &DatabaseConnection,
    cycle_id: i32,
    author_id: i32,
    draft: &ProposalDraft,
) -> Result<Option<proposal::Model>, DbError> {
    let txn = db.begin().await?;
    if hold_phase(&txn, cycle_id, Action::SubmitProposal)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let now = Utc::now();
    let row = proposal::ActiveModel {
        cycle_id: Set(cycle_id),
        author_id: Set(Some(author_id)),
        status: Set(Stored(Status::Submitted)),
        created_at: Set(now),
        ..text_of(draft, now)
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Some(row))
}

/// Replaces the author's text of `proposal`, if its cycle's phase still
/// lets authors edit; `None` if not.
pub async fn edit(
    db: &DatabaseConnection,
    proposal: proposal::Model,
    draft: &ProposalDraft,
) -> Result<Option<proposal::Model>, DbError> {
    let txn = db.begin().await?;
    if hold_phase(&txn, proposal.cycle_id, Action::EditOwnProposal)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let mut row = text_of(draft, Utc::now());
    row.id = Set(proposal.id);
    let updated = row.update(&txn).await?;
    txn.commit().await?;
    Ok(Some(updated))
}

/// The columns a student writes.
fn text_of(draft: &ProposalDraft, now: chrono::DateTime<Utc>) -> proposal::ActiveModel {
    proposal::ActiveModel {
        title: Set(draft.title().to_owned()),
        summary: Set(draft.summary().to_owned()),
        description: Set(draft.description().to_owned()),
        category: Set(draft.category().to_owned()),
        estimated_cost_cents: Set(stored_cents(draft.estimated_cost())),
        updated_at: Set(Some(now)),
        ..Default::default()
    }
}

/// Records the committee's verdict and public note, if the cycle is still
/// in review; `None` if not. Once voting opens, no cost or status on the
/// ballot can change.
pub async fn review(
    db: &DatabaseConnection,
    proposal: proposal::Model,
    verdict: Verdict,
    note: &PublicNote,
) -> Result<Option<proposal::Model>, DbError> {
    let txn = db.begin().await?;
    if hold_phase(&txn, proposal.cycle_id, Action::ReviewProposal)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let (status, cost, merged) = match verdict {
        Verdict::Feasible { ballot_cost } => {
            (Status::Feasible, Some(stored_cents(ballot_cost)), None)
        }
        Verdict::NotFeasible => (Status::NotFeasible, None, None),
        Verdict::MergedInto { proposal_id } => (Status::Merged, None, Some(proposal_id)),
    };
    let updated = proposal::ActiveModel {
        id: Set(proposal.id),
        status: Set(Stored(status)),
        ballot_cost_cents: Set(cost),
        merged_into_id: Set(merged),
        review_note: Set(Some(note.as_str().to_owned())),
        updated_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    txn.commit().await?;
    Ok(Some(updated))
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

/// The summaries and descriptions of cycle `cycle`'s proposals among
/// `ids`, for the ballot.
pub async fn summaries(
    db: &impl ConnectionTrait,
    cycle: i32,
    ids: &[i32],
) -> Result<std::collections::BTreeMap<i32, (String, String)>, DbError> {
    let rows = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::Id)
        .column(proposal::Column::Summary)
        .column(proposal::Column::Description)
        .filter(proposal::Column::CycleId.eq(cycle))
        .filter(proposal::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, summary, description)| (id, (summary, description)))
        .collect())
}
