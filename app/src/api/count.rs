//! The count's server functions, for the cycle's committee while it is
//! counting: the desk (the entropy form, then the record to review and
//! every member's decision), entering the public entropy, and certifying
//! or objecting. Nothing here is visible to anyone else, admins
//! included, until k members have certified.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One member's decision, for the committee to see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    /// The member's name.
    pub name: String,
    /// Whether they certified (else objected).
    pub certify: bool,
    /// Why, for an objection.
    pub reason: String,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// A funded project in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundedRow {
    /// Its proposal id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its cost, written as money.
    pub cost: String,
}

/// The record as the committee reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The record hash, hex: what a certification signs.
    pub record_hash: String,
    /// The entropy as entered.
    pub entropy: String,
    /// The sealed log's root, hex.
    pub sealed_root: String,
    /// The tie-break seed, hex.
    pub seed: String,
    /// Ballots cast online.
    pub online: u64,
    /// Paper ballots.
    pub paper: u64,
    /// Votes imported from a pabulib file.
    pub imported: u64,
    /// The budget, written as money.
    pub budget: String,
    /// What the funded projects cost, written as money.
    pub spent: String,
    /// The funded (or elected) projects, in the order chosen.
    pub funded: Vec<FundedRow>,
    /// The plain-text transcript.
    pub transcript: String,
    /// Codes issued and used per roster group.
    pub turnout: Vec<(String, u64, u64)>,
    /// Every decision, in order.
    pub decisions: Vec<DecisionRow>,
    /// Members whose latest decision certifies.
    pub certified: u32,
    /// Members whose latest decision objects.
    pub objections: u32,
    /// k.
    pub needed: u32,
    /// n.
    pub committee: u32,
}

/// Where a cycle's count stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountState {
    /// Waiting for the public entropy; the sealed log holds this many
    /// entries.
    Entropy {
        /// Entries in the sealed log.
        ballots: u64,
    },
    /// Counted, under review.
    Review(Box<Review>),
    /// Certified and published.
    Certified(Box<Review>),
}

/// A cycle's count desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleCount {
    /// The cycle.
    pub cycle_id: i32,
    /// Its name.
    pub cycle_name: String,
    /// Where it stands.
    pub state: CountState,
}

/// The committee's count desks: one cycle when `cycle` is given or only
/// one is counting, else the cycles to choose from (id, name).
#[server(prefix = "/api", endpoint = "count-desk")]
pub async fn count_desk(
    cycle: Option<i32>,
) -> Result<Result<CycleCount, Vec<(i32, String)>>, AppError> {
    backend::desk(cycle).await
}

/// Enters the public entropy for cycle `cycle` and runs the count.
#[server(prefix = "/api", endpoint = "enter-entropy")]
pub async fn enter_entropy(cycle: i32, entropy: String) -> Result<String, AppError> {
    let hash = backend::enter_entropy(cycle, &entropy).await?;
    leptos_axum::redirect(&format!("/committee/count?cycle={cycle}&counted=1"));
    Ok(hash)
}

/// Certifies (`decision` = `certify`) or objects to (`object`, with a
/// `reason`) the record with hash `record_hash` of cycle `cycle`.
#[server(prefix = "/api", endpoint = "decide-record")]
pub async fn decide_record(
    cycle: i32,
    record_hash: String,
    decision: String,
    reason: Option<String>,
) -> Result<bool, AppError> {
    let published = backend::decide(cycle, &record_hash, &decision, reason.as_deref()).await?;
    leptos_axum::redirect(&format!(
        "/committee/count?cycle={cycle}&decided={}{}",
        if decision.trim() == "object" {
            "object"
        } else {
            "certify"
        },
        if published { "&published=1" } else { "" }
    ));
    Ok(published)
}

#[cfg(feature = "ssr")]
pub mod backend;
