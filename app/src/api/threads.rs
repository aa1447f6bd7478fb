//! A proposal's thread: comments, replies, edits, reports and moderation.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Top-level comments per page.
pub const PAGE_SIZE: u64 = 20;
/// Replies nest visually up to this depth; deeper ones line up at it.
pub const MAX_DEPTH: u8 = 3;
/// How long an author may edit a comment.
pub const EDIT_MINUTES: i64 = 15;
/// Comments one person may post per minute.
pub const COMMENTS_PER_MINUTE: u64 = 5;

/// One comment as the thread shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    /// Comment id.
    pub id: i32,
    /// Nesting depth, 0 for top-level, at most [`MAX_DEPTH`].
    pub depth: u8,
    /// Author's display name.
    pub author: Option<String>,
    /// The text; `None` when hidden (the committee still sees it).
    pub body: Option<String>,
    /// The committee's public reason, when hidden.
    pub hidden_reason: Option<String>,
    /// When written, `YYYY-MM-DD HH:MM` UTC.
    pub written: String,
    /// Whether its author edited it.
    pub edited: bool,
    /// Reports (shown to the committee only; 0 for others).
    pub reports: u64,
    /// Whether the viewer wrote it and may still edit it.
    pub editable: bool,
}

/// One page of a thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    /// Comments in display order (each reply after its parent).
    pub comments: Vec<CommentView>,
    /// This page, from 1.
    pub page: u64,
    /// Number of pages, at least 1.
    pub pages: u64,
    /// Whether the phase lets people write.
    pub open: bool,
}

/// Page `page` (from 1) of `proposal_id`'s thread.
#[server(prefix = "/api", endpoint = "thread")]
pub async fn get_thread(proposal_id: i32, page: u64) -> Result<ThreadView, AppError> {
    use crate::api::backend::auth::{on_committee, viewer};
    use crate::api::backend::{database, visible_proposal};
    use crate::domain::Action;
    let db = database()?;
    let found = visible_proposal(&db, proposal_id).await?;
    let viewer = viewer().await?;
    let committee = on_committee(viewer.as_ref(), found.cycle.id).await?;
    let fetch = |page: u64| {
        // A page past the end (any number fits in the address) reads as
        // the last one, and its offset never overflows the SQL layer.
        let offset = (page - 1)
            .saturating_mul(PAGE_SIZE)
            .min(u64::from(u32::MAX));
        pebble_db::threads::page(&db, proposal_id, offset, PAGE_SIZE)
    };
    let mut page = page.max(1);
    let mut stored = fetch(page).await?;
    let pages = stored.top_level_total.div_ceil(PAGE_SIZE).max(1);
    if page > pages {
        page = pages;
        stored = fetch(page).await?;
    }
    let now = chrono::Utc::now();
    let ordered = display_order(&stored.comments);
    let comments = ordered
        .into_iter()
        .map(|(depth, item)| {
            let c = &item.comment;
            let mine = viewer.as_ref().is_some_and(|v| Some(v.id) == c.author_id);
            CommentView {
                id: c.id,
                depth,
                author: item.author_name.clone(),
                body: (c.hidden_reason.is_none() || committee).then(|| c.body.clone()),
                hidden_reason: c.hidden_reason.clone(),
                written: c.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                edited: c.edited_at.is_some(),
                reports: if committee { item.reports } else { 0 },
                editable: mine
                    && c.hidden_reason.is_none()
                    && now - c.created_at < chrono::Duration::minutes(EDIT_MINUTES),
            }
        })
        .collect();
    Ok(ThreadView {
        comments,
        page,
        pages,
        open: found.cycle.phase.allows(Action::Comment).is_ok(),
    })
}

/// Depth-first order: each comment followed by its replies, oldest first.
#[cfg(feature = "ssr")]
fn display_order(
    comments: &[pebble_db::threads::ThreadComment],
) -> Vec<(u8, &pebble_db::threads::ThreadComment)> {
    fn visit<'a>(
        parent: Option<i32>,
        depth: u8,
        all: &'a [pebble_db::threads::ThreadComment],
        out: &mut Vec<(u8, &'a pebble_db::threads::ThreadComment)>,
    ) {
        for item in all.iter().filter(|c| c.comment.parent_id == parent) {
            out.push((depth.min(MAX_DEPTH), item));
            visit(Some(item.comment.id), depth.saturating_add(1), all, out);
        }
    }
    let mut out = Vec::with_capacity(comments.len());
    visit(None, 0, comments, &mut out);
    out
}

/// Comments on a proposal, or (with `parent_id`) replies to a comment.
#[server(prefix = "/api", endpoint = "post-comment")]
pub async fn post_comment(
    proposal_id: i32,
    parent_id: Option<String>,
    body: String,
) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{
        bad_field, bad_input, database, not_found, refuse, visible_proposal, words, wrong_phase,
    };
    use crate::domain::{Action, CommentBody};
    let author = require(Action::Comment).await?;
    let body = CommentBody::parse(&body).map_err(bad_field)?;
    let parent_id = match parent_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            raw.parse::<i32>()
                .map_err(|_| bad_input((words().reply_to_number)(raw)))?,
        ),
    };
    let db = database()?;
    let found = visible_proposal(&db, proposal_id).await?;
    found
        .cycle
        .phase
        .allows(Action::Comment)
        .map_err(wrong_phase)?;
    if let Some(parent) = parent_id {
        let same_thread = pebble_db::threads::find(&db, parent)
            .await?
            .is_some_and(|c| c.proposal_id == proposal_id);
        if !same_thread {
            return Err(not_found(crate::i18n::Thing::CommentInThread, parent));
        }
    }
    let minute_ago = chrono::Utc::now() - chrono::Duration::minutes(1);
    let recent = pebble_db::threads::count_by_author_since(&db, author.id, minute_ago).await?;
    if recent >= COMMENTS_PER_MINUTE {
        return Err(refuse(
            http::StatusCode::TOO_MANY_REQUESTS,
            (words().comment_rate)(COMMENTS_PER_MINUTE),
        ));
    }
    pebble_db::threads::post(
        &db,
        proposal_id,
        author.id,
        parent_id,
        body.as_str().to_owned(),
    )
    .await?;
    Ok(())
}

/// The author edits their comment within [`EDIT_MINUTES`] of writing it.
#[server(prefix = "/api", endpoint = "edit-comment")]
pub async fn edit_comment(comment_id: i32, body: String) -> Result<(), AppError> {
    use crate::api::backend::{bad_field, refuse, words};
    use crate::domain::{Action, CommentBody};
    let (db, author, comment) = comment_in_open_thread(comment_id, Action::Comment).await?;
    let body = CommentBody::parse(&body).map_err(bad_field)?;
    if comment.author_id != Some(author.id) || comment.hidden_reason.is_some() {
        return Err(refuse(
            http::StatusCode::FORBIDDEN,
            words().only_author_comment,
        ));
    }
    if chrono::Utc::now() - comment.created_at >= chrono::Duration::minutes(EDIT_MINUTES) {
        return Err(refuse(
            http::StatusCode::CONFLICT,
            (words().edit_window)(EDIT_MINUTES),
        ));
    }
    pebble_db::threads::edit(&db, comment, body.as_str().to_owned()).await?;
    Ok(())
}

/// The committee hides a comment with a public reason.
#[server(prefix = "/api", endpoint = "hide-comment")]
pub async fn hide_comment(comment_id: i32, reason: String) -> Result<(), AppError> {
    use crate::api::backend::bad_field;
    use crate::domain::{Action, Reason};
    let (db, _, comment) = comment_in_open_thread(comment_id, Action::ModerateComment).await?;
    let reason = Reason::parse(&reason).map_err(bad_field)?;
    pebble_db::threads::hide(&db, comment, reason.as_str().to_owned()).await?;
    Ok(())
}

/// Any signed-in person reports a comment to the committee.
#[server(prefix = "/api", endpoint = "report-comment")]
pub async fn report_comment(comment_id: i32, reason: String) -> Result<(), AppError> {
    use crate::api::backend::bad_field;
    use crate::domain::{Action, Reason};
    let (db, reporter, comment) = comment_in_open_thread(comment_id, Action::ReportComment).await?;
    let reason = Reason::parse(&reason).map_err(bad_field)?;
    pebble_db::threads::report(&db, comment.id, reporter.id, reason.as_str().to_owned()).await?;
    Ok(())
}

/// The signed-in account allowed `action`, and the comment, whose thread
/// must still be open.
#[cfg(feature = "ssr")]
async fn comment_in_open_thread(
    comment_id: i32,
    action: crate::domain::Action,
) -> Result<
    (
        pebble_db::DatabaseConnection,
        pebble_db::entity::account::Model,
        pebble_db::entity::comment::Model,
    ),
    AppError,
> {
    use crate::api::backend::auth::{require, require_on_committee};
    use crate::api::backend::{database, not_found, visible_proposal, wrong_phase};
    let account = require(action).await?;
    let db = database()?;
    let Some(comment) = pebble_db::threads::find(&db, comment_id).await? else {
        return Err(not_found(crate::i18n::Thing::Comment, comment_id));
    };
    let found = visible_proposal(&db, comment.proposal_id).await?;
    if action == crate::domain::Action::ModerateComment {
        require_on_committee(action, found.cycle.id).await?;
    }
    found.cycle.phase.allows(action).map_err(wrong_phase)?;
    Ok((db, account, comment))
}
