//! MES's add-one completion, as pabutools runs it
//! (`voter_budget_increment`): start at budget / n, add one step to every
//! voter's starting budget and count again, until the outcome is
//! exhaustive (kept) or over the budget (the previous outcome is kept).
//!
//! The outcome of a run only changes where one of its decisions does, so
//! each run also finds how many steps ahead all its decisions stand (its
//! [`Horizon`]) and the walk jumps past them: the same per-voter budgets
//! are tried, in effect, with a run for each stretch rather than for each
//! step, and the transcript is the one a step-by-step walk writes.
//!
//! A run after a jump also starts where the last one's decisions changed:
//! the rounds before the first one whose decisions the jump passes decide
//! the same at the new budget (every decision is an affine inequality in
//! it, so it holds over a stretch of steps), so they are replayed, funding
//! the same projects without pricing every other one again.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::horizon::Horizon;
use super::voters::Voters;
use super::{Count, Decided};
use crate::rules::push_round;
use crate::transcript::{BudgetVerdict, Event, Exact, Round};
use crate::{Cents, Manifest, ProjectId};

/// The most steps one run may vouch for (a jump is re-checked by the next
/// run anyway).
const MAX_JUMP: u64 = 1 << 40;

/// Runs the completion from `start`, stepping by `step`; returns the
/// funded projects and writes the kept run's rounds and the tries.
pub(super) fn walk(
    count: &Count<'_>,
    start: BigRational,
    step: u64,
    rounds: &mut Vec<Round>,
) -> Vec<usize> {
    let (manifest, voters) = (count.manifest, count.voters);
    let budget = u128::from(manifest.budget.minor_units());
    let step_money = BigRational::from_integer(BigInt::from(step));
    let mut at = start;
    // The per-voter budget whose run is kept; its rounds are written once
    // it is known, so the other runs write no transcript.
    let mut kept: Option<BigRational> = None;
    let mut tried = Vec::new();
    let mut replay: Vec<Decided> = Vec::new();
    loop {
        let horizon = Horizon::new(step, MAX_JUMP);
        let run = count.equal_shares(&at, false, Some(horizon), &replay);
        let steps = run.horizon.as_ref().map_or(1, Horizon::steps);
        if std::env::var_os("MESDEBUG").is_some() {
            eprintln!(
                "DBG replayed {} rounds {} steps {}",
                replay.len(),
                run.decided.len(),
                steps
            );
        }
        // The rounds whose decisions stand beyond the jump, with the
        // steps they still stand for from where it lands.
        replay = run
            .decided
            .iter()
            .take_while(|round| round.steps > steps)
            .map(|round| Decided {
                steps: round.steps - steps,
                ..round.clone()
            })
            .collect();
        let cost = cost_of(manifest, &run.funded);
        let verdict = if cost > budget {
            BudgetVerdict::OverBudget
        } else if is_exhaustive(manifest, voters, &run.funded, cost) {
            BudgetVerdict::Exhaustive
        } else {
            BudgetVerdict::NotExhaustive
        };
        let funded: Vec<ProjectId> = run
            .funded
            .iter()
            .map(|&p| manifest.projects[p].id.clone())
            .collect();
        let cost = Cents::new(u64::try_from(cost).unwrap_or(u64::MAX));
        match verdict {
            BudgetVerdict::NotExhaustive => {
                // Every budget from here to `last` funds the same.
                let last = &at + &step_money * BigInt::from(steps - 1);
                record_run(
                    &mut tried,
                    (&at).into(),
                    (&last).into(),
                    steps,
                    funded,
                    cost,
                );
                at = &last + &step_money;
                kept = Some(last);
            }
            verdict => {
                tried.push(Event::BudgetTried {
                    per_voter: (&at).into(),
                    funded,
                    cost,
                    verdict,
                });
                if verdict == BudgetVerdict::Exhaustive {
                    kept = Some(at);
                }
                break;
            }
        }
    }
    let funded = match kept {
        Some(per_voter) => {
            let run = count.equal_shares(&per_voter, true, None, &[]);
            rounds.extend(run.rounds);
            run.funded
        }
        None => Vec::new(),
    };
    let round = push_round(rounds, "add-one completion");
    round.events = tried;
    funded
}

fn cost_of(manifest: &Manifest, funded: &[usize]) -> u128 {
    funded
        .iter()
        .map(|&p| u128::from(manifest.projects[p].cost.minor_units()))
        .sum()
}

/// Appends `tries` tries with money left over, per-voter budgets `from`
/// to `to`, that all funded `funded`: folded into the previous entry when
/// it funded the same, so a run of budgets that changed nothing is one
/// line however it was found.
fn record_run(
    tried: &mut Vec<Event>,
    from: Exact,
    to: Exact,
    tries: u64,
    funded: Vec<ProjectId>,
    cost: Cents,
) {
    let (from, tries) = match tried.pop() {
        Some(Event::BudgetTried {
            per_voter,
            funded: before,
            cost: cost_before,
            verdict: BudgetVerdict::NotExhaustive,
        }) if before == funded && cost_before == cost => (per_voter, tries + 1),
        Some(Event::BudgetsTried {
            from: first,
            tries: before_tries,
            funded: before,
            cost: cost_before,
            ..
        }) if before == funded && cost_before == cost => (first, before_tries + tries),
        previous => {
            tried.extend(previous);
            (from, tries)
        }
    };
    tried.push(if tries == 1 {
        Event::BudgetTried {
            per_voter: from,
            funded,
            cost,
            verdict: BudgetVerdict::NotExhaustive,
        }
    } else {
        Event::BudgetsTried {
            from,
            to,
            tries,
            funded,
            cost,
        }
    });
}

/// pabutools' `is_exhaustive` over the projects MES considers: no other
/// project with supporters fits in what is left.
fn is_exhaustive(manifest: &Manifest, voters: &Voters, funded: &[usize], cost: u128) -> bool {
    let budget = u128::from(manifest.budget.minor_units());
    voters.candidates().all(|p| {
        funded.contains(&p) || cost + u128::from(manifest.projects[p].cost.minor_units()) > budget
    })
}
