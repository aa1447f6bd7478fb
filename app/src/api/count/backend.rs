//! The server side of the count functions: parse, call
//! `pebble_db::count`, and word its refusals in the request's language.

use counting::merkle::to_hex;
use counting::record::{Decision, Record};
use http::StatusCode;
use pebble_db::DatabaseConnection;
use pebble_db::count::{self, CountRefusal, Decided};
use pebble_domain::{Action, Phase};

use super::{
    CountState, CycleCount, DecisionRow, FundedRow, RevealRow, Revealing, Review, Signing,
};
use crate::api::backend::auth::require;
use crate::api::backend::{bad_input, database, find_cycle, phase_moved, refuse};
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
        CountRefusal::WrongSecret => bad_input(text.wrong_secret),
        CountRefusal::NothingToReveal => refuse(StatusCode::CONFLICT, text.nothing_to_reveal),
        CountRefusal::AlreadyRevealed => refuse(StatusCode::CONFLICT, text.already_revealed),
        CountRefusal::TooFewReveals { revealed, needed } => refuse(
            StatusCode::CONFLICT,
            (text.too_few_reveals)(revealed, needed),
        ),
        CountRefusal::NotSigned(detail) => bad_input((text.not_signed)(&detail)),
        CountRefusal::Time => bad_input(text.bad_time),
        CountRefusal::NotWitnessed(by) => refuse(StatusCode::CONFLICT, (text.not_witnessed)(&by)),
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
            for row in pebble_db::cycles::list(&db).await? {
                let on = pebble_db::committee::sits_on(&db, row.id, member.id).await?;
                if *row.phase >= Phase::Counting && on {
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
    let Some(Some(seat)) = pebble_db::committee::seat(&db, id, member.id).await? else {
        return Err(refused(CountRefusal::NotOnCommittee));
    };
    let state = match count::stored(&db, id).await? {
        None => CountState::Revealing(Box::new(revealing(&db, id, member.id).await?)),
        Some(stored) => {
            let review = Box::new(review(&db, id, &stored.record).await?);
            if *found.phase == Phase::Certified {
                CountState::Certified(review)
            } else {
                let frozen = frozen_of(&db, id).await?;
                let election = &frozen.election;
                let public_key = election
                    .members
                    .get(seat as usize)
                    .map(|m| to_hex(&m.key))
                    .unwrap_or_default();
                let signing = Signing {
                    origin: election.log_origin(),
                    member: seat,
                    public_key,
                };
                CountState::Review(review, Box::new(signing))
            }
        }
    };
    Ok(Ok(CycleCount {
        cycle_id: id,
        cycle_name: found.name,
        state,
    }))
}

async fn frozen_of(
    db: &DatabaseConnection,
    cycle: i32,
) -> Result<counting::FrozenManifest, AppError> {
    Ok(pebble_db::frozen::frozen(db, cycle)
        .await?
        .ok_or_else(|| refused(CountRefusal::NotCounted))?
        .manifest)
}

fn reveal_rows(frozen: &counting::FrozenManifest, reveals: &[Option<[u8; 32]>]) -> Vec<RevealRow> {
    frozen
        .election
        .members
        .iter()
        .zip(reveals)
        .map(|(member, reveal)| RevealRow {
            name: member.name.clone(),
            committed: member.commitment.is_some(),
            secret: reveal.map(|s| to_hex(&s)),
        })
        .collect()
}

/// Where cycle `cycle`'s reveals stand, for `account`'s desk.
async fn revealing(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
) -> Result<Revealing, AppError> {
    let frozen = frozen_of(db, cycle).await?;
    let state = count::revealing(db, cycle)
        .await?
        .ok_or_else(|| refused(CountRefusal::NotCounted))?;
    let members = reveal_rows(&frozen, &state.reveals);
    let seat = pebble_db::committee::seat(db, cycle, account)
        .await?
        .flatten()
        .map(|s| s as usize);
    let still_to_reveal = seat
        .and_then(|s| members.get(s))
        .is_some_and(|row| row.committed && row.secret.is_none());
    let your_salt = if still_to_reveal {
        pebble_db::committee::commitment_of(db, cycle, account)
            .await?
            .map(|c| to_hex(&c.salt))
    } else {
        None
    };
    let ballots = pebble_db::log::state(db, cycle).await?.0;
    let witnesses = match frozen.election.witness_policy() {
        Some(Ok(policy)) => {
            let cosigned = pebble_db::witnesses::at_size(db, cycle, ballots).await?;
            let by = cosigned.keys().cloned().collect();
            // A committee member's witness is shown by the member's name.
            let shown = |name: &str| {
                counting::policy::committee::member_of(name)
                    .and_then(|i| frozen.election.members.get(i))
                    .map_or_else(|| name.to_owned(), |m| m.name.clone())
            };
            let rows = policy
                .witnesses
                .iter()
                .map(|w| (shown(&w.name), cosigned.contains_key(&w.name)))
                .collect();
            Some((rows, policy.met_by(&by)))
        }
        _ => None,
    };
    let your_witness = crate::api::witnessing::backend::task(db, cycle, account).await?;
    Ok(Revealing {
        ballots,
        members,
        needed: state.needed,
        your_salt,
        witnesses,
        your_witness,
    })
}

/// The record as the committee reviews it.
pub async fn review(
    db: &DatabaseConnection,
    cycle: i32,
    record: &Record,
) -> Result<Review, AppError> {
    let frozen = frozen_of(db, cycle).await?;
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
        reveals: reveal_rows(&frozen, &record.seed.secrets().unwrap_or_default()),
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

/// The member's account and the cycle's existence, for a desk action.
async fn member_and_cycle(
    cycle: i32,
) -> Result<(pebble_db::entity::account::Model, DatabaseConnection), AppError> {
    let member = require(Action::Certify).await?;
    let db = database()?;
    find_cycle(&db, cycle).await?;
    Ok((member, db))
}

/// See [`super::reveal_secret`].
pub async fn reveal(cycle: i32, secret: &str) -> Result<bool, AppError> {
    let secret =
        counting::merkle::from_hex(secret.trim()).ok_or_else(|| bad_input(say().secret_not_hex))?;
    let (member, db) = member_and_cycle(cycle).await?;
    let counted = count::reveal(&db, cycle, member.id, &secret)
        .await?
        .map_err(refused)?;
    Ok(counted.is_some())
}

/// See [`super::start_count`].
pub async fn start_count(cycle: i32) -> Result<String, AppError> {
    let (member, db) = member_and_cycle(cycle).await?;
    count::count_now(&db, cycle, member.id)
        .await?
        .map_err(refused)
}

/// See [`super::decide_record`].
pub async fn decide(cycle: i32, note: &str) -> Result<Decided, AppError> {
    // A pasted note may carry the terminal's line endings.
    let note = note.replace("\r\n", "\n");
    let note = format!("{}\n", note.trim());
    let (member, db) = member_and_cycle(cycle).await?;
    count::decide(&db, cycle, member.id, &note)
        .await?
        .map_err(refused)
}

/// See [`super::committee_record`].
pub async fn record_for_member(cycle: i32) -> Result<Record, AppError> {
    let (member, db) = member_and_cycle_any_phase(cycle).await?;
    if !pebble_db::committee::sits_on(&db, cycle, member.id).await? {
        return Err(refused(CountRefusal::NotOnCommittee));
    }
    Ok(count::stored(&db, cycle)
        .await?
        .ok_or_else(|| refused(CountRefusal::NotCounted))?
        .record)
}

async fn member_and_cycle_any_phase(
    cycle: i32,
) -> Result<(pebble_db::entity::account::Model, DatabaseConnection), AppError> {
    let member = require(Action::Certify).await?;
    let db = database()?;
    find_cycle(&db, cycle).await?;
    Ok((member, db))
}
