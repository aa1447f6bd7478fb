//! The server side of the paper-ballot functions: parse, call
//! `pebble_db::paper`, and word its refusals in the request's language.

use http::StatusCode;
use pebble_db::DatabaseConnection;
use pebble_db::entity::cycle;
use pebble_db::paper::{self, Keyed, PaperRefusal, Resolution, Status};
use pebble_domain::ballot_form::BallotFields;
use pebble_domain::{Action, PaperSerial, Reason};

use super::{Desk, KeyOutcome, OwnEntry, PaperStatus, PaperTally, PrintRun, QueuedMismatch};
use crate::api::backend::auth::require_on_committee;
use crate::api::backend::{bad_field, bad_input, database, find_cycle, phase_moved, refuse};
use crate::api::vote::backend::{ballot_of, sheet};
use crate::error::AppError;
use crate::i18n::{PaperStrings, request_lang};

fn say() -> &'static PaperStrings {
    request_lang().paper()
}

fn status(status: Status) -> PaperStatus {
    match status {
        Status::Open => PaperStatus::Open,
        Status::Logged => PaperStatus::Logged,
        Status::Mismatch => PaperStatus::Mismatch,
        Status::Voided => PaperStatus::Voided,
        Status::Spoiled => PaperStatus::Spoiled,
    }
}

fn ballot_of_marked(marked: paper::Marked) -> Option<counting::Ballot> {
    match marked {
        paper::Marked::Ballot(ballot) => Some(ballot),
        paper::Marked::Spoiled => None,
    }
}

/// Cycle `id`, which must be in voting: a 404 or 409 otherwise.
async fn voting_cycle(db: &DatabaseConnection, id: i32) -> Result<cycle::Model, AppError> {
    let found = find_cycle(db, id).await?;
    found
        .phase
        .allows(Action::PaperBallots)
        .map_err(crate::api::backend::wrong_phase)?;
    Ok(found)
}

/// A refusal of `pebble_db::paper`, in words, with its status.
fn refused(refusal: PaperRefusal) -> AppError {
    let text = say();
    match refusal {
        PaperRefusal::NotVoting => phase_moved(),
        PaperRefusal::NotOnCommittee => refuse(StatusCode::FORBIDDEN, text.not_on_committee),
        PaperRefusal::UnknownSerial => refuse(StatusCode::NOT_FOUND, text.unknown_serial),
        PaperRefusal::KeyedByYou => refuse(StatusCode::CONFLICT, text.keyed_by_you),
        PaperRefusal::Logged(index) => refuse(StatusCode::CONFLICT, (text.already_logged)(index)),
        PaperRefusal::Voided => refuse(StatusCode::CONFLICT, text.already_voided),
        PaperRefusal::Mismatched => refuse(StatusCode::CONFLICT, text.waits_in_queue),
        PaperRefusal::NotMismatched => refuse(StatusCode::CONFLICT, text.not_in_queue),
        PaperRefusal::Invalid(e) => refuse(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()),
        PaperRefusal::Log(_) => refuse(StatusCode::SERVICE_UNAVAILABLE, request_lang().vote().busy),
    }
}

fn serial_of(typed: &str) -> Result<PaperSerial, AppError> {
    typed
        .parse()
        .map_err(|e| bad_input((say().serial_error)(&e)))
}

/// See [`super::paper_desk`].
pub async fn desk(cycle: i32) -> Result<Desk, AppError> {
    let member = require_on_committee(Action::PaperBallots, cycle).await?;
    let db = database()?;
    let found = voting_cycle(&db, cycle).await?;
    let tally = paper::tally(&db, found.id).await?;
    let yours = paper::your_entries(&db, found.id, member.id)
        .await?
        .into_iter()
        .map(|keying| OwnEntry {
            serial: keying.serial.to_string(),
            ballot: ballot_of_marked(keying.ballot),
            status: status(keying.status),
        })
        .collect();
    let queue = paper::mismatches(&db, found.id)
        .await?
        .into_iter()
        .map(|waiting| QueuedMismatch {
            serial: waiting.serial.to_string(),
            entries: waiting
                .entries
                .into_iter()
                .map(|(who, marked)| (who, ballot_of_marked(marked)))
                .collect(),
        })
        .collect();
    Ok(Desk {
        sheet: sheet(&db, &found).await?,
        tally: PaperTally {
            open: tally.open,
            logged: tally.logged,
            mismatch: tally.mismatch,
            voided: tally.voided,
            spoiled: tally.spoiled,
            waiting: paper::waiting(&db, found.id)
                .await?
                .iter()
                .map(ToString::to_string)
                .collect(),
        },
        yours,
        queue,
    })
}

/// See [`super::print_paper`].
pub async fn print(cycle: i32, count: &str) -> Result<i32, AppError> {
    let member = require_on_committee(Action::PaperBallots, cycle).await?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=paper::MAX_PRINT).contains(n))
        .ok_or_else(|| bad_input((say().count_range)(paper::MAX_PRINT)))?;
    let db = database()?;
    voting_cycle(&db, cycle).await?;
    match paper::print_new(&db, cycle, member.id, count).await? {
        Ok(printed) => Ok(printed.batch),
        Err(refusal) => Err(refused(refusal)),
    }
}

/// See [`super::paper_run`].
pub async fn run(cycle: i32, batch: i32) -> Result<PrintRun, AppError> {
    require_on_committee(Action::PaperBallots, cycle).await?;
    let db = database()?;
    let found = voting_cycle(&db, cycle).await?;
    let serials = paper::batch_serials(&db, cycle, batch).await?;
    if serials.is_empty() {
        return Err(refuse(StatusCode::NOT_FOUND, (say().unknown_run)(batch)));
    }
    Ok(PrintRun {
        sheet: sheet(&db, &found).await?,
        batch,
        serials: serials.iter().map(ToString::to_string).collect(),
    })
}

/// See [`super::key_paper`].
pub async fn key(
    cycle: i32,
    serial: &str,
    fields: &BallotFields,
    spoiled: bool,
) -> Result<KeyOutcome, AppError> {
    let member = require_on_committee(Action::PaperBallots, cycle).await?;
    let serial = serial_of(serial)?;
    let db = database()?;
    voting_cycle(&db, cycle).await?;
    let frozen = pebble_db::frozen::frozen(&db, cycle)
        .await?
        .ok_or_else(phase_moved)?;
    let marked = if spoiled {
        paper::Marked::Spoiled
    } else {
        paper::Marked::Ballot(
            ballot_of(&frozen.manifest, fields)
                .map_err(|message| refuse(StatusCode::UNPROCESSABLE_ENTITY, message))?,
        )
    };
    let keyed = paper::key(&db, cycle, &serial, member.id, &marked)
        .await?
        .map_err(refused)?;
    let (status, index) = match keyed {
        Keyed::Waiting => (PaperStatus::Open, None),
        Keyed::Logged(appended) => (PaperStatus::Logged, Some(appended.index)),
        Keyed::Mismatch => (PaperStatus::Mismatch, None),
        Keyed::Spoiled => (PaperStatus::Spoiled, None),
    };
    Ok(KeyOutcome {
        serial: serial.to_string(),
        status,
        index,
    })
}

/// See [`super::resolve_paper`]; the serial, grouped for reading.
pub async fn resolve(
    cycle: i32,
    serial: &str,
    resolution: &str,
    reason: &str,
) -> Result<String, AppError> {
    let member = require_on_committee(Action::PaperBallots, cycle).await?;
    let serial = serial_of(serial)?;
    let resolution = match resolution.trim() {
        "rekey" => Resolution::Rekey,
        "void" => Resolution::Void,
        _ => return Err(bad_input(say().resolution_choice)),
    };
    let reason = Reason::parse(reason).map_err(bad_field)?;
    let db = database()?;
    voting_cycle(&db, cycle).await?;
    paper::resolve(&db, cycle, &serial, member.id, resolution, reason.as_str())
        .await?
        .map_err(refused)?;
    Ok(serial.to_string())
}
