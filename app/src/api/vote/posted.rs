//! What the plain-form voting pages (JavaScript off) do with the form
//! they were posted: review a ballot, cast it, or find it again in the
//! log. A ballot whose entry (this nonce, this ballot) is already in the
//! log is shown as cast, with its receipt rebuilt from the log: a reload
//! or Back after casting re-posts the same form, and must not look like
//! a ballot not cast yet.

use counting::encoding::Entry;
use counting::merkle::leaf_hash;
use http::StatusCode;

use super::backend::{ballot_box, ballot_of, parse_code, parse_nonce, refused};
use super::{BallotSheet, Posting, Receipt};
use crate::api::backend::{database, internal, refuse};
use crate::ballot_box::{CastFailure, CastRequest};
use crate::error::AppError;
use crate::pages::vote::posted::VoteState;

/// The nonce of `state`, or a new one from the operating system.
fn nonce_of(state: &VoteState) -> Result<[u8; 16], AppError> {
    if let Some(nonce) = parse_nonce(Some(&state.nonce))? {
        return Ok(nonce);
    }
    let mut nonce = [0u8; 16];
    rand::TryRngCore::try_fill_bytes(&mut rand::rngs::OsRng, &mut nonce)
        .map_err(|e| internal(format!("no random nonce: {e}")))?;
    Ok(nonce)
}

/// The receipt of the entry `state` makes with `nonce`, if the log holds
/// it.
async fn already_cast(
    state: &VoteState,
    sheet: &BallotSheet,
    nonce: [u8; 16],
) -> Result<Result<Option<Receipt>, String>, AppError> {
    let db = database()?;
    let frozen = pebble_db::frozen::frozen(&db, sheet.cycle_id)
        .await?
        .ok_or_else(|| refuse(StatusCode::CONFLICT, super::backend::words().voting_closed))?;
    let ballot = match ballot_of(&frozen.manifest, &state.fields) {
        Ok(ballot) => ballot,
        Err(message) => return Ok(Err(message)),
    };
    let entry = Entry {
        manifest_hash: frozen.hash,
        nonce,
        ballot,
    }
    .encode();
    let found = ballot_box()?
        .recover(sheet.cycle_id, &leaf_hash(&entry))
        .await
        .map_err(|f| refused(&f))?;
    Ok(Ok(found.map(|found| found.receipt(sheet.cycle_id, &entry))))
}

/// The review of the posted ballot.
pub async fn review(state: &VoteState, sheet: &BallotSheet) -> Result<Posting, AppError> {
    let nonce = nonce_of(state)?;
    Ok(match already_cast(state, sheet, nonce).await? {
        Err(message) => Posting::Refused(message, counting::merkle::to_hex(&nonce)),
        Ok(Some(receipt)) => Posting::AlreadyCast(Box::new(receipt)),
        Ok(None) => Posting::Ready(counting::merkle::to_hex(&nonce)),
    })
}

/// Casts the posted ballot (or, posted without a code, as the receipt
/// page's language switch does, finds it in the log).
pub async fn cast(state: &VoteState, sheet: &BallotSheet) -> Result<Posting, AppError> {
    let nonce = nonce_of(state)?;
    let hex_nonce = counting::merkle::to_hex(&nonce);
    match already_cast(state, sheet, nonce).await? {
        Err(message) => {
            AppError::new(StatusCode::UNPROCESSABLE_ENTITY, message.clone());
            return Ok(Posting::Refused(message, hex_nonce));
        }
        Ok(Some(receipt)) => return Ok(Posting::AlreadyCast(Box::new(receipt))),
        Ok(None) if state.code.is_empty() => {
            let message = super::backend::words().receipt_unknown.to_owned();
            AppError::new(StatusCode::NOT_FOUND, message.clone());
            return Ok(Posting::Refused(message, hex_nonce));
        }
        Ok(None) => {}
    }
    let db = database()?;
    let frozen = pebble_db::frozen::frozen(&db, sheet.cycle_id)
        .await?
        .ok_or_else(|| refuse(StatusCode::CONFLICT, super::backend::words().voting_closed))?;
    let ballot = ballot_of(&frozen.manifest, &state.fields)
        .map_err(|message| refuse(StatusCode::UNPROCESSABLE_ENTITY, message))?;
    let request = CastRequest {
        cycle: sheet.cycle_id,
        code: parse_code(&state.code)?,
        ballot,
        nonce: Some(nonce),
        address: super::backend::address(),
    };
    match ballot_box()?.cast(request, super::backend::words()).await {
        Ok(receipt) => Ok(Posting::Cast(Box::new(receipt))),
        Err(CastFailure::Internal) => Err(internal("the ballot box failed")),
        Err(failure) => {
            let error = refused(&failure);
            error.respond();
            Ok(Posting::Refused(error.message().to_owned(), hex_nonce))
        }
    }
}
