//! The server side of the voting functions: the ballot sheet from the
//! frozen manifest, and the code step, casting and finding an entry
//! through the [`BallotBox`].

use std::sync::Arc;

use counting::{Ballot, FrozenManifest};
use http::StatusCode;
use leptos::prelude::*;
use pebble_db::DatabaseConnection;
use pebble_domain::VoterCode;
use pebble_domain::ballot_form::BallotFields;

use super::{BallotProject, BallotSheet, FoundEntry, Receipt};
use crate::api::backend::{bad_input, database, internal, refuse};
use crate::api::proposals::ProposalImage;
use crate::ballot_box::cast::explain;
use crate::ballot_box::{BallotBox, CastFailure, CastRequest};
use crate::error::AppError;
use crate::i18n::{VoteStrings, request_lang};

pub fn words() -> &'static VoteStrings {
    request_lang().vote()
}

/// The ballot of `cycle`, which is in voting.
pub async fn sheet(
    db: &DatabaseConnection,
    cycle: &pebble_db::entity::cycle::Model,
) -> Result<BallotSheet, AppError> {
    let frozen = frozen(db, cycle.id).await?;
    let manifest = &frozen.manifest;
    let ids: Vec<i32> = manifest
        .projects
        .iter()
        .filter_map(|p| p.id.as_str().parse().ok())
        .collect();
    let summaries = pebble_db::proposals::summaries(db, cycle.id, &ids).await?;
    let mut images = pebble_db::proposal_images::infos(db, &ids).await?;
    let projects = manifest
        .projects
        .iter()
        .zip(&frozen.titles)
        .map(|(project, title)| {
            let number = project.id.as_str().parse::<i32>().ok();
            BallotProject {
                id: project.id.as_str().to_owned(),
                title: title.clone(),
                cost: project.cost.minor_units(),
                summary: number
                    .and_then(|n| summaries.get(&n).map(|(s, _)| s.clone()))
                    .unwrap_or_default(),
                description: number
                    .and_then(|n| summaries.get(&n).map(|(_, d)| d.clone()))
                    .unwrap_or_default(),
                image: number
                    .and_then(|n| images.remove(&n).map(|info| ProposalImage::of(n, info))),
            }
        })
        .collect();
    Ok(BallotSheet {
        cycle_id: cycle.id,
        cycle_name: cycle.name.clone(),
        currency: frozen.election.currency.code().to_owned(),
        budget: manifest.budget.minor_units(),
        rules: manifest.ballot.clone(),
        projects,
        manifest_hash: pebble_db::frozen::stored_hash(db, cycle.id)
            .await?
            .unwrap_or_default(),
    })
}

async fn frozen(db: &DatabaseConnection, cycle: i32) -> Result<FrozenManifest, AppError> {
    pebble_db::frozen::frozen(db, cycle)
        .await?
        .map(|f| f.manifest)
        .ok_or_else(|| refuse(StatusCode::CONFLICT, words().voting_closed))
}

/// The ballot `fields` make for `frozen`, or a message naming the limit
/// and the project.
pub fn ballot_of(frozen: &FrozenManifest, fields: &BallotFields) -> Result<Ballot, String> {
    let text = words();
    let kind = counting::ballot::rules_kind(&frozen.manifest.ballot);
    let ballot = fields
        .parse(kind)
        .map_err(|e| explain(frozen, |n| (text.form_error)(&e, n)))?;
    ballot
        .validate(&frozen.manifest)
        .map_err(|e| explain(frozen, |n| (text.ballot_error)(&e, n)))?;
    Ok(ballot)
}

/// The ballot box the server put in the request's context.
pub fn ballot_box() -> Result<Arc<BallotBox>, AppError> {
    use_context::<Arc<BallotBox>>().ok_or_else(|| internal("no ballot box in the request context"))
}

/// A refusal of the ballot box as the pages answer it.
pub fn refused(failure: &CastFailure) -> AppError {
    let status =
        StatusCode::from_u16(failure.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if failure == &CastFailure::Internal {
        return internal("the ballot box failed");
    }
    refuse(status, failure.message(words()))
}

/// The voter code typed, or a 400 that says what is wrong with it.
pub fn parse_code(code: &str) -> Result<VoterCode, AppError> {
    code.parse()
        .map_err(|e| bad_input((words().code_error)(&e)))
}

/// The nonce as 32 hex digits, or `None` when left out.
pub fn parse_nonce(nonce: Option<&str>) -> Result<Option<[u8; 16]>, AppError> {
    match nonce.map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok(None),
        Some(hex) => counting::merkle::bytes_from_hex(hex)
            .and_then(|bytes| <[u8; 16]>::try_from(bytes).ok())
            .map(Some)
            .ok_or_else(|| bad_input(words().bad_nonce)),
    }
}

/// See [`super::check_code`].
pub async fn check_code(cycle: i32, code: &str) -> Result<(), AppError> {
    let code = parse_code(code)?;
    ballot_box()?
        .check_code(cycle, &code, address())
        .await
        .map_err(|f| refused(&f))
}

/// Casts the ballot in `fields` with `code`.
pub async fn cast(
    cycle: i32,
    code: &str,
    nonce: Option<&str>,
    fields: &BallotFields,
) -> Result<Receipt, AppError> {
    let code = parse_code(code)?;
    let nonce = parse_nonce(nonce)?;
    let db = database()?;
    let frozen = frozen(&db, cycle).await?;
    let ballot = ballot_of(&frozen, fields)
        .map_err(|message| refuse(StatusCode::UNPROCESSABLE_ENTITY, message))?;
    let request = CastRequest {
        cycle,
        code,
        ballot,
        nonce,
        address: address(),
    };
    ballot_box()?
        .cast(request, words())
        .await
        .map_err(|f| refused(&f))
}

/// See [`super::find_entry`].
pub async fn find_entry(cycle: i32, leaf: &str) -> Result<Option<FoundEntry>, AppError> {
    let leaf = counting::merkle::from_hex(leaf.trim())
        .ok_or_else(|| bad_input(words().receipt_unreadable))?;
    let found = ballot_box()?
        .recover(cycle, &leaf)
        .await
        .map_err(|f| refused(&f))?;
    Ok(found.map(|found| FoundEntry {
        index: found.index,
        tree_size: found.checkpoint.head.size,
        root_hash: counting::merkle::to_hex(&found.checkpoint.head.root),
        signed_note: found.checkpoint.note,
    }))
}

/// The requesting client's address, for the guessing limit, as the
/// server decided it ([`ClientAddress`](crate::site::ClientAddress));
/// in-process requests share one.
pub fn address() -> std::net::IpAddr {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<crate::site::ClientAddress>()
                .map(|c| c.0)
        })
        .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]))
}
