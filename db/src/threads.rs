//! Proposal threads: comments, replies, edits, reports and
//! moderation. Callers check roles, phases and limits; this module stores.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::DbError;
use crate::entity::{account, comment, comment_report};

/// A comment as a thread shows it.
#[derive(Clone, Debug)]
pub struct ThreadComment {
    /// The row.
    pub comment: comment::Model,
    /// The author's display name, if the account still exists.
    pub author_name: Option<String>,
    /// How many people reported it.
    pub reports: u64,
}

/// One page of a thread: top-level comments `offset..offset + limit` in
/// the order written, each with all its replies.
#[derive(Clone, Debug)]
pub struct ThreadPage {
    /// The comments of the page and their replies, in the order written.
    pub comments: Vec<ThreadComment>,
    /// Number of top-level comments in the whole thread.
    pub top_level_total: u64,
}

/// A page of `proposal_id`'s thread.
pub async fn page(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    offset: u64,
    limit: u64,
) -> Result<ThreadPage, DbError> {
    let top_level = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(proposal_id))
        .filter(comment::Column::ParentId.is_null());
    let top_level_total = top_level.clone().count(db).await?;
    let roots: Vec<i32> = top_level
        .order_by_asc(comment::Column::Id)
        .offset(offset)
        .limit(limit)
        .select_only()
        .column(comment::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    // Replies can nest; gather every row of the thread and keep the ones
    // that descend from this page's roots.
    let rows = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(proposal_id))
        .order_by_asc(comment::Column::Id)
        .find_also_related(account::Entity)
        .all(db)
        .await?;
    let parent_of: BTreeMap<i32, Option<i32>> =
        rows.iter().map(|(c, _)| (c.id, c.parent_id)).collect();
    let root_of = |mut id: i32| {
        while let Some(Some(parent)) = parent_of.get(&id) {
            id = *parent;
        }
        id
    };
    let kept: Vec<_> = rows
        .into_iter()
        .filter(|(c, _)| roots.contains(&root_of(c.id)))
        .collect();
    let ids: Vec<i32> = kept.iter().map(|(c, _)| c.id).collect();
    let reports: BTreeMap<i32, i64> = comment_report::Entity::find()
        .select_only()
        .column(comment_report::Column::CommentId)
        .column_as(comment_report::Column::Id.count(), "n")
        .filter(comment_report::Column::CommentId.is_in(ids))
        .group_by(comment_report::Column::CommentId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let comments = kept
        .into_iter()
        .map(|(comment, author)| ThreadComment {
            reports: reports
                .get(&comment.id)
                .copied()
                .unwrap_or(0)
                .unsigned_abs(),
            author_name: author.map(|a| a.display_name),
            comment,
        })
        .collect();
    Ok(ThreadPage {
        comments,
        top_level_total,
    })
}

/// A comment by id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<comment::Model>, DbError> {
    Ok(comment::Entity::find_by_id(id).one(db).await?)
}

/// Adds a comment (or, with `parent_id`, a reply).
pub async fn post(
    db: &impl ConnectionTrait,
    proposal_id: i32,
    author_id: i32,
    parent_id: Option<i32>,
    body: String,
) -> Result<comment::Model, DbError> {
    let row = comment::ActiveModel {
        proposal_id: Set(proposal_id),
        author_id: Set(Some(author_id)),
        parent_id: Set(parent_id),
        body: Set(body),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

/// Replaces a comment's text.
pub async fn edit(
    db: &impl ConnectionTrait,
    comment: comment::Model,
    body: String,
) -> Result<comment::Model, DbError> {
    let mut row = comment.into_active_model();
    row.body = Set(body);
    row.edited_at = Set(Some(Utc::now()));
    Ok(row.update(db).await?)
}

/// Hides a comment with a public reason; the row and its replies stay.
pub async fn hide(
    db: &impl ConnectionTrait,
    comment: comment::Model,
    reason: String,
) -> Result<comment::Model, DbError> {
    let mut row = comment.into_active_model();
    row.hidden_reason = Set(Some(reason));
    Ok(row.update(db).await?)
}

/// Records `account_id`'s report of a comment; a second report by the same
/// person changes nothing.
pub async fn report(
    db: &impl ConnectionTrait,
    comment_id: i32,
    account_id: i32,
    reason: String,
) -> Result<(), DbError> {
    let row = comment_report::ActiveModel {
        comment_id: Set(comment_id),
        account_id: Set(account_id),
        reason: Set(reason),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    comment_report::Entity::insert(row)
        .on_conflict_do_nothing_on([
            comment_report::Column::CommentId,
            comment_report::Column::AccountId,
        ])
        .exec(db)
        .await?;
    Ok(())
}

/// How many comments `account_id` wrote since `since` (for rate limits).
pub async fn count_by_author_since(
    db: &impl ConnectionTrait,
    account_id: i32,
    since: chrono::DateTime<Utc>,
) -> Result<u64, DbError> {
    Ok(comment::Entity::find()
        .filter(comment::Column::AuthorId.eq(account_id))
        .filter(comment::Column::CreatedAt.gt(since))
        .count(db)
        .await?)
}
