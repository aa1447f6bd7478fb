//! The count's server functions, for the cycle's committee while it is
//! counting: the desk (each member's tie-break reveal, then the record to
//! review and every member's decision), revealing, starting the count,
//! and certifying or objecting with a note signed by the member's own
//! key. Nothing here is visible to anyone else, admins included, until k
//! members have certified.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
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

/// One member's tie-break reveal, for the committee to see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealRow {
    /// The member's name.
    pub name: String,
    /// Whether they committed (in an imported cycle nobody did).
    pub committed: bool,
    /// The revealed secret (hex), once revealed.
    pub secret: Option<String>,
}

/// The reveals before the count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revealing {
    /// Entries in the sealed log.
    pub ballots: u64,
    /// Every member's reveal so far.
    pub members: Vec<RevealRow>,
    /// Reveals the count needs.
    pub needed: usize,
    /// The viewer's commitment salt (hex), if they committed and have
    /// not revealed: their browser derives the secret from it.
    pub your_salt: Option<String>,
    /// The witnesses the cycle's policy names, each with whether it has
    /// cosigned the sealed checkpoint, and whether the policy is met
    /// (`None`: the cycle has no witness policy).
    #[serde(default)]
    pub witnesses: Option<(Vec<(String, bool)>, bool)>,
    /// What the viewer's browser is asked to cosign as a witness of the
    /// sealed log, if the policy makes them one.
    #[serde(default)]
    pub your_witness: Option<crate::api::witnessing::WitnessTask>,
}

/// What a member's browser needs to sign a decision on the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signing {
    /// The log's name, which certifications name.
    pub origin: String,
    /// The viewer's index on the frozen committee.
    pub member: u32,
    /// Their frozen public key (hex): the key file must hold it.
    pub public_key: String,
}

/// The record as the committee reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The record hash, hex: what a certification signs.
    pub record_hash: String,
    /// Each member's reveal.
    pub reveals: Vec<RevealRow>,
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
    /// Waiting for the members' reveals.
    Revealing(Box<Revealing>),
    /// Counted, under review; what the viewer's browser signs with.
    Review(Box<Review>, Box<Signing>),
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

/// Reveals the viewer's tie-break secret (64 hex digits) for cycle
/// `cycle`; the count runs once every member who committed has revealed.
#[server(prefix = "/api", endpoint = "reveal-secret")]
pub async fn reveal_secret(cycle: i32, secret: String) -> Result<bool, AppError> {
    let counted = backend::reveal(cycle, &secret).await?;
    let said = if counted { "counted" } else { "revealed" };
    leptos_axum::redirect(&format!("/committee/count?cycle={cycle}&{said}=1"));
    Ok(counted)
}

/// Starts cycle `cycle`'s count with the reveals in so far (at least k).
#[server(prefix = "/api", endpoint = "start-count")]
pub async fn start_count(cycle: i32) -> Result<String, AppError> {
    let hash = backend::start_count(cycle).await?;
    leptos_axum::redirect(&format!("/committee/count?cycle={cycle}&counted=1"));
    Ok(hash)
}

/// Certifies or objects to cycle `cycle`'s record with `note`: the
/// decision as a signed note, made with the member's own key in their
/// browser or with `pebble-verify sign`.
#[server(prefix = "/api", endpoint = "decide-record")]
pub async fn decide_record(cycle: i32, note: String) -> Result<bool, AppError> {
    let decided = backend::decide(cycle, &note).await?;
    let word = match decided.decision {
        counting::record::Decision::Certify => "certify",
        counting::record::Decision::Object => "object",
    };
    leptos_axum::redirect(&format!(
        "/committee/count?cycle={cycle}&decided={word}{}",
        if decided.published {
            "&published=1"
        } else {
            ""
        }
    ));
    Ok(decided.published)
}

/// Cycle `cycle`'s record as it stands (uncertified), for a member to
/// check and sign offline with `pebble-verify sign`: committee members
/// of the cycle only.
#[server(prefix = "/api", endpoint = "committee-record", input = GetUrl)]
pub async fn committee_record(cycle: i32) -> Result<counting::record::Record, AppError> {
    backend::record_for_member(cycle).await
}

#[cfg(feature = "ssr")]
pub mod backend;
