//! The server side of the count functions: parse, call
//! `pebble_db::count`, and word its refusals in the request's language.

use counting::record::{Decision, Record};
use http::StatusCode;
use pebble_db::DatabaseConnection;
use pebble_db::count::{self, CountRefusal};
use pebble_domain::{Action, Entropy, Phase, Reason};

use super::{CountState, CycleCount, DecisionRow, FundedRow, Review};
use crate::api::backend::auth::require;
use crate::api::backend::{
    bad_field, bad_input, database, find_cycle, internal, phase_moved, refuse,
};
use crate::components::money::format_money;
use crate::error::AppError;
use crate::i18n::{CountStrings, request_lang};

fn say() -> &'static CountStrings {
    request_lang().count()
}

/// A refusal of `pebble_db::count`, in words, with its status.
fn refused(refusal: CountRefusal) -> AppError {
    let text = say();
    match refusal {
        CountRefusal::NoSuchCycle => refuse(StatusCode::NOT_FOUND, text.no_such_cycle),
        CountRefusal::NotCounting => phase_moved(),
        CountRefusal::NotOnCommittee => refuse(StatusCode::FORBIDDEN, text.not_on_committee),
        CountRefusal::AlreadyCounted => refuse(StatusCode::CONFLICT, text.already_counted),
        CountRefusal::NotCounted => refuse(StatusCode::CONFLICT, text.not_counted),
        CountRefusal::StaleHash => refuse(StatusCode::CONFLICT, text.stale_hash),
        CountRefusal::ReasonRequired => bad_input(text.reason_required),
        CountRefusal::Count(detail) => refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            (text.count_failed)(&detail),
        ),
    }
}

/// See [`super::count_desk`].
pub async fn desk(cycle: Option<i32>) -> Result<Result<CycleCount, Vec<(i32, String)>>, AppError> {
    let member = require(Action::Certify).await?;
    let db = database()?;
    let id = match cycle {
        Some(id) => id,
        None => {
            let mut mine = Vec::new();
            let mut counting = Vec::new();
            for row in pebble_db::cycles::list(&db).await.map_err(internal)? {
                let on = count::member_of(&db, row.id, member.id)
                    .await
                    .map_err(internal)?;
                if *row.phase >= Phase::Counting && on.is_some() {
                    if *row.phase == Phase::Counting {
                        counting.push(row.id);
                    }
                    mine.push((row.id, row.name));
                }
            }
            // The one cycle being counted is the desk's work; certified
            // ones stay a choice away.
            match (counting.as_slice(), mine.as_slice()) {
                ([only], _) | (_, [(only, _)]) => *only,
                _ => return Ok(Err(mine)),
            }
        }
    };
    let found = find_cycle(&db, id).await?;
    if *found.phase < Phase::Counting {
        return Err(refuse(StatusCode::CONFLICT, say().not_counting_yet));
    }
    if count::member_of(&db, id, member.id)
        .await
        .map_err(internal)?
        .is_none()
    {
        return Err(refused(CountRefusal::NotOnCommittee));
    }
    let state = match count::stored(&db, id).await.map_err(internal)? {
        None => CountState::Entropy {
            ballots: pebble_db::log::state(&db, id).await.map_err(internal)?.0,
        },
        Some(stored) => {
            let review = Box::new(review(&db, id, &stored.record).await?);
            if *found.phase == Phase::Certified {
                CountState::Certified(review)
            } else {
                CountState::Review(review)
            }
        }
    };
    Ok(Ok(CycleCount {
        cycle_id: id,
        cycle_name: found.name,
        state,
    }))
}

/// The record as the committee reviews it.
pub async fn review(
    db: &DatabaseConnection,
    cycle: i32,
    record: &Record,
) -> Result<Review, AppError> {
    let frozen = pebble_db::frozen::frozen(db, cycle)
        .await
        .map_err(internal)?
        .ok_or_else(|| refused(CountRefusal::NotCounted))?
        .manifest;
    let currency = frozen.election.currency.code().to_owned();
    let money = |cents| format_money(cents, &currency);
    let funded = record
        .outcome
        .winners
        .iter()
        .map(|id| {
            let (project, title) = frozen
                .projects()
                .find(|(p, _)| &p.id == id)
                .map_or((None, id.as_str()), |(p, t)| (Some(p), t));
            FundedRow {
                id: id.to_string(),
                title: title.to_owned(),
                cost: project.map(|p| money(p.cost)).unwrap_or_default(),
            }
        })
        .collect();
    let latest = record.latest_decisions();
    let certified = latest
        .values()
        .filter(|c| c.decision == Decision::Certify)
        .count();
    let from = |source| record.entries_from(source);
    let (online, paper, imported) = (
        from(counting::record::Source::Online),
        from(counting::record::Source::Paper),
        from(counting::record::Source::Imported),
    );
    Ok(Review {
        record_hash: record.record_hash.clone(),
        entropy: record.seed.entropy.clone(),
        sealed_root: record.seed.sealed_root.clone(),
        seed: record.seed.seed.clone(),
        online,
        paper,
        imported,
        budget: money(frozen.manifest.budget),
        spent: money(record.outcome.spent),
        funded,
        transcript: record.transcript.clone(),
        turnout: record
            .turnout
            .iter()
            .map(|g| (g.group.clone(), g.issued, g.used))
            .collect(),
        decisions: record
            .certifications
            .iter()
            .map(|c| DecisionRow {
                name: c.name.clone(),
                certify: c.decision == Decision::Certify,
                reason: c.reason.clone(),
                at: c.at.clone(),
            })
            .collect(),
        certified: u32::try_from(certified).unwrap_or(u32::MAX),
        objections: u32::try_from(latest.len() - certified).unwrap_or(u32::MAX),
        needed: frozen.election.threshold,
        committee: frozen.election.committee,
    })
}

/// See [`super::enter_entropy`].
pub async fn enter_entropy(cycle: i32, entropy: &str) -> Result<String, AppError> {
    let member = require(Action::Certify).await?;
    let entropy = Entropy::parse(entropy).map_err(bad_field)?;
    let db = database()?;
    find_cycle(&db, cycle).await?;
    count::enter_entropy(&db, cycle, member.id, &entropy)
        .await
        .map_err(internal)?
        .map_err(refused)
}

/// See [`super::decide_record`].
pub async fn decide(
    cycle: i32,
    record_hash: &str,
    decision: &str,
    reason: Option<&str>,
) -> Result<bool, AppError> {
    let member = require(Action::Certify).await?;
    let decision = match decision.trim() {
        "certify" => Decision::Certify,
        "object" => Decision::Object,
        _ => return Err(bad_input(say().bad_decision)),
    };
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(text) => Some(Reason::parse(text).map_err(bad_field)?),
        None => None,
    };
    let db = database()?;
    find_cycle(&db, cycle).await?;
    let decided = count::decide(&db, cycle, member.id, record_hash.trim(), decision, reason)
        .await
        .map_err(internal)?
        .map_err(refused)?;
    Ok(decided.published)
}
