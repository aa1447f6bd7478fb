//! The home page's data: the featured cycle and its proposals.

use crate::error::AppError;
use counting::Cents;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::domain::{Phase, Status};

/// A proposal in the public list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalCard {
    /// Proposal id.
    pub id: i32,
    /// Title.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// Category.
    pub category: String,
    /// The author's estimate.
    pub estimated_cost: Cents,
    /// Review status.
    pub status: Status,
    /// Author's display name, if known.
    pub author: Option<String>,
    /// Number of comments in its thread.
    pub comments: u64,
    /// Its image, if it has one.
    pub image: Option<crate::api::proposals::ProposalImage>,
}

/// The featured cycle with its proposals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleSummary {
    /// Cycle id.
    pub id: i32,
    /// URL-safe name.
    pub slug: String,
    /// Title.
    pub name: String,
    /// School or community.
    pub school: String,
    /// Description, plain text.
    pub description: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Total budget.
    pub budget: Cents,
    /// Current phase.
    pub phase: Phase,
    /// The frozen manifest's SHA-256 (hex), once voting has opened.
    pub manifest_hash: Option<String>,
    /// Public proposals in submission order.
    pub proposals: Vec<ProposalCard>,
}

/// Everything the home page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    /// The featured cycle, if one exists.
    pub cycle: Option<CycleSummary>,
    /// Every other cycle with certified results: id and name, newest
    /// first.
    pub past: Vec<(i32, String)>,
}

/// The featured cycle and its proposals.
#[server(prefix = "/api", endpoint = "home")]
pub async fn get_home() -> Result<HomeView, AppError> {
    use crate::api::backend::database;
    let db = database()?;
    let overview = pebble_db::cycles::featured(&db).await?;
    let mut cycle = overview.map(convert::cycle_summary).transpose()?;
    if let Some(cycle) = cycle.as_mut() {
        cycle.manifest_hash = pebble_db::frozen::stored_hash(&db, cycle.id).await?;
    }
    let featured = cycle.as_ref().map(|c| c.id);
    let past = pebble_db::cycles::list(&db)
        .await?
        .into_iter()
        .filter(|c| *c.phase == pebble_domain::Phase::Certified && Some(c.id) != featured)
        .map(|c| (c.id, c.name))
        .collect();
    Ok(HomeView { cycle, past })
}

#[cfg(feature = "ssr")]
mod convert {
    use super::*;
    use pebble_db::cycles::CycleOverview;

    pub(super) fn cycle_summary(
        overview: CycleOverview,
    ) -> Result<CycleSummary, pebble_db::DbError> {
        let proposals = overview
            .proposals
            .into_iter()
            .map(|listed| {
                Ok(ProposalCard {
                    id: listed.proposal.id,
                    estimated_cost: pebble_db::money::cents(
                        "proposal",
                        "estimated_cost_cents",
                        listed.proposal.estimated_cost_cents,
                    )?,
                    status: *listed.proposal.status,
                    title: listed.proposal.title,
                    summary: listed.proposal.summary,
                    category: listed.proposal.category,
                    author: listed.author_name,
                    comments: listed.comment_count,
                    image: listed.image.map(|info| {
                        crate::api::proposals::ProposalImage::of(listed.proposal.id, info)
                    }),
                })
            })
            .collect::<Result<Vec<_>, pebble_db::DbError>>()?;
        let cycle = overview.cycle;
        Ok(CycleSummary {
            budget: pebble_db::money::cents("cycle", "budget_cents", cycle.budget_cents)?,
            phase: *cycle.phase,
            id: cycle.id,
            slug: cycle.slug,
            name: cycle.name,
            school: cycle.school,
            description: cycle.description,
            currency: cycle.currency,
            manifest_hash: None,
            proposals,
        })
    }
}
