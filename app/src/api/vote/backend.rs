//! The server side of the voting functions: the ballot sheet from the
//! frozen manifest, casting through the [`BallotBox`], and receipts.

use counting::checkpoint::Checkpoint;
use counting::merkle::{from_hex, to_hex};
use counting::{Ballot, FrozenManifest, ProjectId};
use http::StatusCode;
use leptos::prelude::*;
use pebble_db::DatabaseConnection;
use pebble_domain::VoterCode;
use pebble_domain::ballot_form::BallotFields;

use super::{BallotProject, BallotSheet, Receipt};
use crate::api::backend::{bad_input, database, internal, refuse};
use crate::api::ballot_box::{CastFailure, CastRequest, SharedBallotBox};
use crate::api::proposals::ProposalImage;
use crate::components::money::format_money;
use crate::error::AppError;
use crate::i18n::{Namer, VoteStrings, request_lang};

fn words() -> &'static VoteStrings {
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
    let summaries = pebble_db::proposals::summaries(db, cycle.id, &ids)
        .await
        .map_err(internal)?;
    let mut images = pebble_db::proposal_images::infos(db, &ids)
        .await
        .map_err(internal)?;
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
                    .and_then(|n| summaries.get(&n).cloned())
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
            .await
            .map_err(internal)?
            .unwrap_or_default(),
    })
}

async fn frozen(db: &DatabaseConnection, cycle: i32) -> Result<FrozenManifest, AppError> {
    pebble_db::frozen::frozen(db, cycle)
        .await
        .map_err(internal)?
        .map(|f| f.manifest)
        .ok_or_else(|| refuse(StatusCode::CONFLICT, words().voting_closed))
}

/// Names projects by their frozen titles and amounts in the currency.
fn explain(frozen: &FrozenManifest, say: impl FnOnce(&Namer) -> String) -> String {
    let currency = frozen.election.currency.code();
    let project = |id: &ProjectId| {
        frozen
            .manifest
            .index_of(id)
            .and_then(|i| frozen.titles.get(i).cloned())
            .unwrap_or_else(|| id.as_str().to_owned())
    };
    let money = |amount| format_money(amount, currency);
    say(&Namer {
        project: &project,
        money: &money,
    })
}

/// The ballot `fields` make for `frozen`, or a 422 naming the limit and
/// the project.
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

/// Casts the ballot in `fields` with `code`.
pub async fn cast(
    cycle: i32,
    code: &str,
    nonce: Option<&str>,
    fields: &BallotFields,
) -> Result<Receipt, AppError> {
    let text = words();
    let code: VoterCode = code.parse().map_err(|e| bad_input((text.code_error)(&e)))?;
    let nonce = match nonce.map(str::trim).filter(|n| !n.is_empty()) {
        None => None,
        Some(hex) => Some(parse_nonce(hex).ok_or_else(|| {
            bad_input("The nonce must be 32 hexadecimal digits (16 bytes), or left out.")
        })?),
    };
    let db = database()?;
    let frozen = frozen(&db, cycle).await?;
    let ballot = ballot_of(&frozen, fields)
        .map_err(|message| refuse(StatusCode::UNPROCESSABLE_ENTITY, message))?;
    let ballot_box = use_context::<SharedBallotBox>()
        .ok_or_else(|| internal("no ballot box in the request context"))?;
    let request = CastRequest {
        cycle,
        code,
        ballot,
        nonce,
        address: address(),
    };
    ballot_box
        .cast(request)
        .await
        .map_err(|failure| match failure {
            CastFailure::Guessing(wait) => {
                refuse(StatusCode::TOO_MANY_REQUESTS, (text.too_many_tries)(wait))
            }
            CastFailure::Code => refuse(StatusCode::FORBIDDEN, text.code_refused),
            CastFailure::NotVoting => refuse(StatusCode::CONFLICT, text.voting_closed),
            CastFailure::Invalid(e) => refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                explain(&frozen, |n| (text.ballot_error)(&e, n)),
            ),
            CastFailure::Duplicate => refuse(StatusCode::CONFLICT, text.duplicate),
            CastFailure::Busy => refuse(StatusCode::SERVICE_UNAVAILABLE, text.busy),
            CastFailure::Internal => internal("the ballot box failed"),
        })
}

fn parse_nonce(hex: &str) -> Option<[u8; 16]> {
    if hex.len() != 32 || !hex.is_ascii() {
        return None;
    }
    let mut nonce = [0u8; 16];
    for (byte, pair) in nonce.iter_mut().zip(hex.as_bytes().chunks(2)) {
        *byte = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(nonce)
}

/// The requesting client's address, for the guessing limit (in-process
/// requests share one).
fn address() -> std::net::IpAddr {
    use axum::extract::ConnectInfo;
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip())
        })
        .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]))
}

/// The receipt of entry `index` (leaf hash `leaf`) in cycle `cycle`'s
/// log, with the checkpoint of its first `size` entries.
pub async fn receipt_at(
    cycle: i32,
    index: u64,
    size: u64,
    leaf: &str,
) -> Result<Receipt, AppError> {
    let missing = || refuse(StatusCode::NOT_FOUND, words().receipt_unknown);
    let db = database()?;
    let found = pebble_db::frozen::frozen(&db, cycle)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    let signer = pebble_db::frozen::signer(&db, &found, cycle)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    let (current, _) = pebble_db::log::state(&db, cycle).await.map_err(internal)?;
    if index >= size || size > current {
        return Err(missing());
    }
    let (_, stored_leaf, _) = pebble_db::log::entry(&db, cycle, index)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    if from_hex(leaf) != Some(stored_leaf) {
        return Err(missing());
    }
    let head = pebble_db::log::head_at(&db, cycle, size)
        .await
        .map_err(internal)?;
    let checkpoint = Checkpoint {
        origin: found.manifest.election.log_origin(),
        head,
    };
    Ok(Receipt {
        cycle,
        index,
        leaf_hash: to_hex(&stored_leaf),
        tracker: counting::tracker::tracker(&stored_leaf),
        tree_size: size,
        root_hash: to_hex(&head.root),
        signed_note: checkpoint.sign(&signer),
    })
}
