//! Moving a cycle to its next phase: each move is one function
//! that does its whole job in one transaction, guarded by the phase it
//! leaves, after checking what the next phase needs.
//!
//! The guard is the first statement: `UPDATE cycle SET phase = next WHERE
//! id = ? AND phase = from`. On PostgreSQL it takes the cycle row's lock,
//! so a proposal written meanwhile under the same row lock (see
//! [`crate::cycles::hold_phase`]) either commits before the checks read or
//! waits until this move is done; on SQLite the first write takes the
//! database's write lock. Two admins pressing the button at once move the
//! cycle one step, and a refused check rolls the move back.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use counting::{Manifest, Project, ProjectId};
use pebble_domain::{MoveRefusal, Phase, Status};

use crate::DbError;
use crate::entity::{Stored, cycle, proposal};

/// Moves cycle `id` from `from` to the next phase if `from` is still its
/// phase and the next phase's needs are met; returns the new phase.
pub async fn advance(
    db: &DatabaseConnection,
    id: i32,
    from: Phase,
) -> Result<Result<Phase, MoveRefusal>, DbError> {
    let txn = db.begin().await?;
    let to = match from {
        Phase::Certified => return Ok(Err(refusal(&txn, id, from, MoveRefusal::Last).await?)),
        Phase::Counting => {
            let needs = MoveRefusal::NeedsCertification;
            return Ok(Err(refusal(&txn, id, from, needs).await?));
        }
        other => other.next().ok_or(DbError::InvalidValue {
            table: "cycle",
            column: "phase",
            value: other.to_string(),
        })?,
    };
    let moved = cycle::Entity::update_many()
        .col_expr(
            cycle::Column::Phase,
            sea_orm::sea_query::Expr::value(Stored(to)),
        )
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.eq(Stored(from)))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        let unreachable = MoveRefusal::Moved { now: from };
        return Ok(Err(refusal(&txn, id, from, unreachable).await?));
    }
    let row = cycle::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DbError::InvalidValue {
            table: "cycle",
            column: "id",
            value: id.to_string(),
        })?;
    if let Err(refusal) = needs_of(&txn, &row, to).await? {
        txn.rollback().await?;
        return Ok(Err(refusal));
    }
    txn.commit().await?;
    Ok(Ok(to))
}

/// Why cycle `id` did not move from `from`: it does not exist, it is in
/// another phase, or else `otherwise`.
async fn refusal(
    txn: &impl ConnectionTrait,
    id: i32,
    from: Phase,
    otherwise: MoveRefusal,
) -> Result<MoveRefusal, DbError> {
    Ok(match cycle::Entity::find_by_id(id).one(txn).await? {
        None => MoveRefusal::NoSuchCycle(id),
        Some(found) if *found.phase != from => MoveRefusal::Moved { now: *found.phase },
        Some(_) => otherwise,
    })
}

/// What entering phase `to` needs of `cycle`, checked inside the move's
/// transaction.
async fn needs_of(
    txn: &impl ConnectionTrait,
    cycle: &cycle::Model,
    to: Phase,
) -> Result<Result<(), MoveRefusal>, DbError> {
    Ok(match to {
        Phase::Ideas => settings_of(txn, cycle).await?.map(|_| ()),
        Phase::Review => {
            let any = proposal::Entity::find()
                .filter(proposal::Column::CycleId.eq(cycle.id))
                .count(txn)
                .await?;
            if any == 0 {
                Err(MoveRefusal::NoProposals)
            } else {
                Ok(())
            }
        }
        Phase::Deliberation => {
            let waiting = proposal::Entity::find()
                .filter(proposal::Column::CycleId.eq(cycle.id))
                .filter(proposal::Column::Status.eq(Stored(Status::Submitted)))
                .order_by_asc(proposal::Column::Id)
                .all(txn)
                .await?;
            match waiting.first() {
                Some(first) => Err(MoveRefusal::Unreviewed {
                    count: waiting.len() as u64,
                    first: first.id,
                }),
                None => Ok(()),
            }
        }
        Phase::Voting => match ballot_of(txn, cycle).await? {
            Ok(manifest) => {
                let needs = crate::frozen::Needs::KeysAndCommitments;
                crate::frozen::freeze(txn, cycle, manifest, needs)
                    .await?
                    .map(|_| ())
                    .map_err(|unready| match unready {
                        crate::frozen::Unready::Members(names) => {
                            MoveRefusal::CommitteeNotReady(names)
                        }
                        crate::frozen::Unready::Policy(why) => {
                            MoveRefusal::Settings(format!("witness policy: {why}"))
                        }
                    })
            }
            Err(refusal) => Err(refusal),
        },
        Phase::Counting => {
            let waiting = crate::paper::waiting(txn, cycle.id).await?;
            match waiting.first() {
                Some(first) => Err(MoveRefusal::PaperWaiting {
                    count: waiting.len() as u64,
                    first: first.to_string(),
                }),
                None => {
                    crate::log::seal(txn, cycle.id).await?;
                    Ok(())
                }
            }
        }
        Phase::Draft | Phase::Certified => Ok(()),
    })
}

/// The cycle's settings, re-checked (`CycleSettings::check`: the rule
/// suits the ballot, the committee has a member, k is at most n).
async fn settings_of(
    txn: &impl ConnectionTrait,
    cycle: &cycle::Model,
) -> Result<Result<pebble_domain::CycleSettings, MoveRefusal>, DbError> {
    match crate::cycle_settings::load(txn, cycle).await {
        Ok(settings) => Ok(Ok(settings)),
        Err(DbError::InvalidValue { column, value, .. }) => {
            Ok(Err(MoveRefusal::Settings(format!("{column}: {value}"))))
        }
        Err(other) => Err(other),
    }
}

/// The ballot voting would open with: the settings and the feasible
/// proposals at their ballot costs, as `counting` checks a manifest.
pub async fn ballot_of(
    txn: &impl ConnectionTrait,
    cycle: &cycle::Model,
) -> Result<Result<Manifest, MoveRefusal>, DbError> {
    let settings = match settings_of(txn, cycle).await? {
        Ok(settings) => settings,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let feasible = proposal::Entity::find()
        .filter(proposal::Column::CycleId.eq(cycle.id))
        .filter(proposal::Column::Status.eq(Stored(Status::Feasible)))
        .order_by_asc(proposal::Column::Id)
        .all(txn)
        .await?;
    let mut projects = Vec::with_capacity(feasible.len());
    for row in feasible {
        let cost = row.ballot_cost_cents.ok_or(DbError::InvalidValue {
            table: "proposal",
            column: "ballot_cost_cents",
            value: "null for a feasible proposal".to_owned(),
        })?;
        let id = row
            .id
            .to_string()
            .parse::<ProjectId>()
            .map_err(|e| DbError::InvalidValue {
                table: "proposal",
                column: "id",
                value: e.to_string(),
            })?;
        projects.push(Project {
            id,
            cost: crate::money::cents("proposal", "ballot_cost_cents", cost)?,
        });
    }
    let mut ballot = settings.ballot().clone();
    if let counting::BallotRules::Approval { max_cost, .. } = &mut ballot {
        *max_cost = Some(settings.budget());
    }
    Ok(Manifest::new(
        settings.budget(),
        projects,
        ballot,
        settings.rule(),
        settings.tie_break(),
    )
    .map_err(|e| MoveRefusal::Ballot(e.to_string())))
}
