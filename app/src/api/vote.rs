//! The voting pages' server functions: which cycle is in voting and its
//! ballot, casting (from the ballot island and from the plain form), and
//! a receipt as the page after a plain-form cast shows it.

use std::collections::BTreeMap;

use counting::BallotRules;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::proposals::ProposalImage;
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

/// A voter's receipt: where their entry is in the log and a signed
/// checkpoint that holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The cycle.
    pub cycle: i32,
    /// The entry's index in the log.
    pub index: u64,
    /// The entry's leaf hash (hex).
    pub leaf_hash: String,
    /// The tracker code (from the leaf hash).
    pub tracker: String,
    /// The checkpoint's tree size.
    pub tree_size: u64,
    /// The checkpoint's root hash (hex).
    pub root_hash: String,
    /// The signed checkpoint note.
    pub signed_note: String,
}

impl Receipt {
    /// The receipt as the downloadable file holds it (JSON).
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The downloadable file's name.
    pub fn file_name(&self) -> String {
        format!("pebble-receipt-{}-{}.json", self.cycle, self.tracker)
    }
}

/// The cycle in voting (`cycle`, or the only one) and its ballot.
#[server(prefix = "/api", endpoint = "vote-start")]
pub async fn vote_start(cycle: Option<i32>) -> Result<Opening, AppError> {
    use crate::api::backend::{database, internal};
    use pebble_domain::Phase;
    let db = database()?;
    let voting: Vec<_> = pebble_db::cycles::list(&db)
        .await
        .map_err(internal)?
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

/// Casts a ballot with `code`: the receipt. The ballot is in the fields
/// of [`pebble_domain::ballot_form`]; `nonce` is 32 hex digits made by
/// the voter's browser (without JavaScript the server makes one). A
/// plain form post (no `js`) is sent on to the receipt's page.
#[server(prefix = "/api", endpoint = "cast-ballot")]
#[allow(clippy::too_many_arguments)]
pub async fn cast_ballot(
    cycle: i32,
    code: String,
    nonce: Option<String>,
    choices: Option<BTreeMap<String, String>>,
    ranks: Option<BTreeMap<String, String>>,
    points: Option<BTreeMap<String, String>>,
    js: Option<String>,
) -> Result<Receipt, AppError> {
    let fields = pebble_domain::ballot_form::BallotFields {
        choices: choices.unwrap_or_default(),
        ranks: ranks.unwrap_or_default(),
        points: points.unwrap_or_default(),
    };
    let receipt = backend::cast(cycle, &code, nonce.as_deref(), &fields).await?;
    if js.is_none() {
        leptos_axum::redirect(&receipt_address(&receipt));
    }
    Ok(receipt)
}

/// The address of the page that shows `receipt` after a plain-form cast.
pub fn receipt_address(receipt: &Receipt) -> String {
    format!(
        "/vote/cast?cycle={}&index={}&size={}&leaf={}",
        receipt.cycle, receipt.index, receipt.tree_size, receipt.leaf_hash
    )
}

/// The receipt of entry `index` of cycle `cycle`'s log whose leaf hash is
/// `leaf`, with a checkpoint of the log's first `size` entries.
#[server(prefix = "/api", endpoint = "receipt")]
pub async fn receipt_at(
    cycle: i32,
    index: u64,
    size: u64,
    leaf: String,
) -> Result<Receipt, AppError> {
    backend::receipt_at(cycle, index, size, &leaf).await
}

#[cfg(feature = "ssr")]
pub mod backend;
