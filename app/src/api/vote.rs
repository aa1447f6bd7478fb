//! The voting pages' server functions: which cycle is in voting and its
//! ballot, the code step, casting from the ballot island, and finding a
//! cast entry again by its leaf hash. All of them post: no code or
//! ballot ever travels in an address.

use std::collections::BTreeMap;

use counting::BallotRules;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::proposals::ProposalImage;
pub use crate::ballot_box::Receipt;
use crate::error::AppError;

/// A project as the ballot shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotProject {
    /// Its id on the ballot (the proposal's number).
    pub id: String,
    /// The title frozen with the ballot.
    pub title: String,
    /// Its cost on the ballot, in minor units.
    pub cost: u64,
    /// The proposal's summary.
    pub summary: String,
    /// The proposal's description, shown in the page on a shared device
    /// (where a proposal opened in another tab could outlive the ballot).
    pub description: String,
    /// Its image, if it has one.
    pub image: Option<ProposalImage>,
}

/// The ballot of a cycle in voting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotSheet {
    /// The cycle.
    pub cycle_id: i32,
    /// Its name.
    pub cycle_name: String,
    /// Its currency (ISO 4217).
    pub currency: String,
    /// The budget, in minor units.
    pub budget: u64,
    /// What a ballot may contain.
    pub rules: BallotRules,
    /// The projects, in the ballot's order.
    pub projects: Vec<BallotProject>,
    /// The frozen manifest's hash (hex).
    pub manifest_hash: String,
}

/// What `/vote` offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Opening {
    /// No cycle is in voting.
    Closed,
    /// Several are: the voter picks one (id, name).
    Choose(Vec<(i32, String)>),
    /// The ballot of the one in voting, or of the one asked for.
    Ballot(Box<BallotSheet>),
}

/// The cycle in voting (`cycle`, or the only one) and its ballot.
#[server(prefix = "/api", endpoint = "vote-start")]
pub async fn vote_start(cycle: Option<i32>) -> Result<Opening, AppError> {
    use crate::api::backend::database;
    use pebble_domain::Phase;
    let db = database()?;
    let voting: Vec<_> = pebble_db::cycles::list(&db)
        .await?
        .into_iter()
        .filter(|c| *c.phase == Phase::Voting)
        .collect();
    let chosen = match (cycle, voting.as_slice()) {
        (_, []) => return Ok(Opening::Closed),
        (Some(id), _) => voting.iter().find(|c| c.id == id),
        (None, [only]) => Some(only),
        (None, _) => None,
    };
    let Some(chosen) = chosen else {
        return Ok(Opening::Choose(
            voting.into_iter().map(|c| (c.id, c.name)).collect(),
        ));
    };
    let sheet = backend::sheet(&db, chosen).await?;
    Ok(Opening::Ballot(Box::new(sheet)))
}

/// The code step: whether `code` is one of cycle `cycle`'s codes (a used
/// code is not told apart here; the cast refuses it), with the limits
/// and timing of a cast.
#[server(prefix = "/api", endpoint = "check-code")]
pub async fn check_code(cycle: i32, code: String) -> Result<(), AppError> {
    backend::check_code(cycle, &code).await
}

/// Casts a ballot with `code` from the ballot island: the receipt. The
/// ballot is in the fields of [`pebble_domain::ballot_form`]; `nonce` is
/// 32 hex digits made by the voter's browser. (Without JavaScript the
/// ballot is cast by a plain form post to `/vote/cast`, whose answer is
/// the receipt's page.)
#[server(prefix = "/api", endpoint = "cast-ballot")]
pub async fn cast_ballot(
    cycle: i32,
    code: String,
    nonce: Option<String>,
    choices: Option<BTreeMap<String, String>>,
    ranks: Option<BTreeMap<String, String>>,
    points: Option<BTreeMap<String, String>>,
) -> Result<Receipt, AppError> {
    let fields = pebble_domain::ballot_form::BallotFields {
        choices: choices.unwrap_or_default(),
        ranks: ranks.unwrap_or_default(),
        points: points.unwrap_or_default(),
    };
    backend::cast(cycle, &code, nonce.as_deref(), &fields).await
}

/// Where the entry with leaf hash `leaf` is in cycle `cycle`'s log, with
/// the log's checkpoint: for the ballot island, whose answer to a cast
/// was lost (it made the nonce, so it knows the leaf), to rebuild its
/// receipt instead of casting again. `None` if the log does not hold it.
#[server(prefix = "/api", endpoint = "find-entry")]
pub async fn find_entry(cycle: i32, leaf: String) -> Result<Option<FoundEntry>, AppError> {
    backend::find_entry(cycle, &leaf).await
}

/// What a posted review or cast found (the plain-form voting pages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Posting {
    /// Not cast yet: the ballot checks out (the nonce made for it).
    Ready(String),
    /// The ballot breaks a limit, or the cast was refused: why, and the
    /// nonce made for the ballot.
    Refused(String, String),
    /// Cast now.
    Cast(Box<Receipt>),
    /// Cast before (the same nonce and ballot are in the log).
    AlreadyCast(Box<Receipt>),
}

/// An entry found by its leaf hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundEntry {
    /// Its index.
    pub index: u64,
    /// The checkpoint's tree size.
    pub tree_size: u64,
    /// Its root hash (hex).
    pub root_hash: String,
    /// The signed checkpoint.
    pub signed_note: String,
}

#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod posted;
