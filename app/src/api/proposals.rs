//! A proposal's page, its submission and editing by students, and its
//! review by the committee.

use counting::Cents;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{Phase, Status};
use crate::error::AppError;

/// Everything a proposal's page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPage {
    /// Proposal id.
    pub id: i32,
    /// Its cycle's id.
    pub cycle_id: i32,
    /// Its cycle's name.
    pub cycle_name: String,
    /// The cycle's currency.
    pub currency: String,
    /// The cycle's phase.
    pub phase: Phase,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category: String,
    /// The author's estimate.
    pub estimated_cost: Cents,
    /// The committee's cost for the ballot.
    pub ballot_cost: Option<Cents>,
    /// The committee's public note.
    pub review_note: Option<String>,
    /// Status.
    pub status: Status,
    /// The proposal it was merged into.
    pub merged_into: Option<i32>,
    /// Author's display name.
    pub author: Option<String>,
    /// Author's account id.
    pub author_id: Option<i32>,
    /// Its image, if it has one.
    pub image: Option<ProposalImage>,
    /// Whether the viewer sits on its cycle's committee (and so may
    /// review it and moderate its thread).
    pub viewer_on_committee: bool,
}

/// A proposal's image as a page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalImage {
    /// Its address, versioned by its content so a replaced image shows.
    pub url: String,
    /// Alt text.
    pub description: String,
}

#[cfg(feature = "ssr")]
impl ProposalImage {
    /// Proposal `id`'s stored image as a page links it.
    pub fn of(id: i32, info: pebble_db::proposal_images::ImageInfo) -> ProposalImage {
        let version: String = info.sha256.chars().take(16).collect();
        ProposalImage {
            url: format!("/proposals/{id}/image?v={version}"),
            description: info.description,
        }
    }
}

/// A proposal's page. Hidden proposals are shown to the committee only.
#[server(prefix = "/api", endpoint = "proposal")]
pub async fn get_proposal(id: i32) -> Result<ProposalPage, AppError> {
    use crate::api::backend::auth::{on_committee, viewer};
    use crate::api::backend::{database, visible_proposal};
    let db = database()?;
    let found = visible_proposal(&db, id).await?;
    let viewer_on_committee = on_committee(viewer().await?.as_ref(), found.cycle.id).await?;
    let p = found.proposal;
    let status = *p.status;
    let image = pebble_db::proposal_images::info(&db, p.id)
        .await?
        .map(|info| ProposalImage::of(p.id, info));
    let ballot_cost = p
        .ballot_cost_cents
        .map(|c| pebble_db::money::cents("proposal", "ballot_cost_cents", c))
        .transpose()?;
    Ok(ProposalPage {
        id: p.id,
        cycle_id: found.cycle.id,
        cycle_name: found.cycle.name,
        currency: found.cycle.currency,
        phase: *found.cycle.phase,
        estimated_cost: pebble_db::money::cents(
            "proposal",
            "estimated_cost_cents",
            p.estimated_cost_cents,
        )?,
        ballot_cost,
        review_note: p.review_note,
        status,
        merged_into: p.merged_into_id,
        author: found.author.as_ref().map(|a| a.display_name.clone()),
        author_id: p.author_id,
        image,
        viewer_on_committee,
        title: p.title,
        summary: p.summary,
        description: p.description,
        category: p.category,
    })
}

/// Proposals one student may submit in an hour.
pub const PROPOSALS_PER_HOUR: u64 = 5;

/// A student submits a proposal to a cycle in its ideas phase; goes to its page.
#[server(prefix = "/api", endpoint = "submit-proposal")]
pub async fn submit_proposal(
    cycle_id: i32,
    title: String,
    summary: String,
    description: String,
    category: String,
    estimated_cost: String,
) -> Result<i32, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{
        bad_field, database, find_cycle, phase_moved, refuse, words, wrong_phase,
    };
    use crate::domain::{Action, ProposalDraft};
    let author = require(Action::SubmitProposal).await?;
    let draft = ProposalDraft::parse(&title, &summary, &description, &category, &estimated_cost)
        .map_err(bad_field)?;
    let db = database()?;
    let cycle = find_cycle(&db, cycle_id).await?;
    cycle
        .phase
        .allows(Action::SubmitProposal)
        .map_err(wrong_phase)?;
    let hour_ago = chrono::Utc::now() - chrono::Duration::hours(1);
    let recent = pebble_db::proposals::count_by_author_since(&db, author.id, hour_ago).await?;
    if recent >= PROPOSALS_PER_HOUR {
        return Err(refuse(
            http::StatusCode::TOO_MANY_REQUESTS,
            (words().proposal_rate)(PROPOSALS_PER_HOUR),
        ));
    }
    let stored = pebble_db::proposals::submit(&db, cycle.id, author.id, &draft)
        .await?
        .ok_or_else(phase_moved)?;
    leptos_axum::redirect(&format!("/proposals/{}", stored.id));
    Ok(stored.id)
}

/// The author edits their proposal while the ideas phase is open.
#[server(prefix = "/api", endpoint = "edit-proposal")]
pub async fn edit_proposal(
    id: i32,
    title: String,
    summary: String,
    description: String,
    category: String,
    estimated_cost: String,
) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{authored_proposal, bad_field, database, phase_moved};
    use crate::domain::{Action, ProposalDraft};
    let author = require(Action::EditOwnProposal).await?;
    let draft = ProposalDraft::parse(&title, &summary, &description, &category, &estimated_cost)
        .map_err(bad_field)?;
    let db = database()?;
    let found = authored_proposal(&db, author.id, id).await?;
    pebble_db::proposals::edit(&db, found.proposal, &draft)
        .await?
        .ok_or_else(phase_moved)?;
    Ok(())
}

/// The committee's review: `verdict` is `feasible` (with `ballot_cost`),
/// `not_feasible`, or `merged` (with `merge_into`, another proposal of the
/// same cycle); `note` is public.
#[server(prefix = "/api", endpoint = "review-proposal")]
pub async fn review_proposal(
    id: i32,
    verdict: String,
    ballot_cost: Option<String>,
    merge_into: Option<String>,
    note: String,
) -> Result<(), AppError> {
    use crate::api::backend::auth::{require, require_on_committee};
    use crate::api::backend::{
        bad_field, bad_input, database, find_proposal, phase_moved, words, wrong_phase,
    };
    use crate::domain::{Action, PublicNote, fields};
    use pebble_db::proposals::Verdict;
    require(Action::ReviewProposal).await?;
    let note = PublicNote::parse(&note).map_err(bad_field)?;
    let db = database()?;
    let found = find_proposal(&db, id).await?;
    require_on_committee(Action::ReviewProposal, found.cycle.id).await?;
    found
        .cycle
        .phase
        .allows(Action::ReviewProposal)
        .map_err(wrong_phase)?;
    let verdict = match verdict.as_str() {
        "feasible" => {
            let cost = fields::cost(
                "ballot_cost",
                fields::Label::BallotCost,
                ballot_cost.as_deref().unwrap_or(""),
            )
            .map_err(bad_field)?;
            Verdict::Feasible { ballot_cost: cost }
        }
        "not_feasible" => Verdict::NotFeasible,
        "merged" => {
            let raw = merge_into.unwrap_or_default();
            let target: i32 = raw
                .trim()
                .parse()
                .map_err(|_| bad_input((words().merge_needs_number)(raw.trim())))?;
            let same_cycle = pebble_db::proposals::find(&db, target)
                .await?
                .is_some_and(|t| t.cycle.id == found.cycle.id && t.proposal.id != id);
            if !same_cycle {
                return Err(bad_input((words().merge_elsewhere)(target)));
            }
            Verdict::MergedInto {
                proposal_id: target,
            }
        }
        other => {
            return Err(bad_input((words().bad_verdict)(other)));
        }
    };
    pebble_db::proposals::review(&db, found.proposal, verdict, &note)
        .await?
        .ok_or_else(phase_moved)?;
    Ok(())
}
