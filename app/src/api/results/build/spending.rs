//! The rounds of a budgeting rule: greedy's turns, and equal shares'
//! rounds with how each cost was shared, the voters' money, and the
//! completion by votes.

use counting::Cents;
use counting::transcript::{BudgetVerdict, Event, Exact, Round};

use super::Sources;
use crate::api::results::{Rounds, Share, Turn};

/// Greedy's stage name in the transcript.
pub(super) const GREEDY: &str = "greedy";
/// The completion's stage name.
pub(super) const COMPLETION: &str = "greedy completion";
/// Add-one's stage name.
const ADD_ONE: &str = "add-one completion";

/// Whether `round` is one of equal shares' own rounds.
pub(super) fn is_mes(round: &Round) -> bool {
    round.stage.starts_with("mes")
}

/// The rounds of a greedy or equal-shares count.
pub(super) fn rounds(sources: &Sources<'_>) -> Rounds {
    match sources.frozen.manifest.rule {
        counting::Rule::Greedy => Rounds::Greedy(turns(sources, GREEDY)),
        _ => Rounds::Mes {
            money: money(sources),
            shares: shares(sources),
            completion: turns(sources, COMPLETION),
        },
    }
}

/// Each project's turn in the round of stage `stage`, in order.
fn turns(sources: &Sources<'_>, stage: &str) -> Vec<Turn> {
    let Some(round) = sources.rounds().iter().find(|r| r.stage == stage) else {
        return Vec::new();
    };
    let score = |id| {
        round
            .tallies
            .iter()
            .find(|t| &t.project == id)
            .map_or_else(|| Exact::from(0u128), |t| t.value.clone())
    };
    round
        .events
        .iter()
        .filter_map(|event| match event {
            Event::Funded {
                project,
                cost,
                remaining,
            } => Some((project, cost, remaining, true)),
            Event::Skipped {
                project,
                cost,
                remaining,
            } => Some((project, cost, remaining, false)),
            _ => None,
        })
        .enumerate()
        .map(|(at, (project, cost, remaining, funded))| {
            let score = score(project);
            Turn {
                place: at + 1,
                title: sources.title(project),
                score_value: score.rounded().unwrap_or(0),
                score: score.to_string(),
                cost: sources.money(*cost),
                funded,
                left: sources.money(*remaining),
            }
        })
        .collect()
}

/// Each funded project's round of equal shares, with how it was paid.
fn shares(sources: &Sources<'_>) -> Vec<Share> {
    let text = sources.text;
    let mut shares = Vec::new();
    for round in sources.rounds().iter().filter(|r| is_mes(r)) {
        for event in &round.events {
            if let Event::Shared {
                project,
                in_full,
                in_full_paid,
                all_left,
                all_left_paid,
            } = event
            {
                shares.push(Share {
                    round: round.number,
                    title: sources.title(project),
                    cost: sources.money(sources.cost(project)),
                    in_full: (text.mes_in_full)(*in_full, &sources.money_exact(in_full_paid)),
                    in_full_cents: in_full_paid.rounded().unwrap_or(0),
                    all_left: if *all_left == 0 {
                        "—".to_owned()
                    } else {
                        (text.mes_all_left)(*all_left, &sources.money_exact(all_left_paid))
                    },
                    all_left_cents: all_left_paid.rounded().unwrap_or(0),
                });
            }
        }
    }
    shares
}

/// The voters' money: the equal share each started with, and the one
/// add-one settled on, if it ran.
fn money(sources: &Sources<'_>) -> Vec<String> {
    let text = sources.text;
    let budget = Exact::from(u128::from(sources.frozen.manifest.budget.minor_units()));
    let mut said = Vec::new();
    if let Some(start) = budget.divided(sources.ballots) {
        said.push((text.mes_start)(
            sources.ballots,
            &sources.money_exact(&start),
        ));
    }
    if let Some(kept) = add_one_kept(sources) {
        said.push((text.mes_add_one)(&sources.money_exact(&kept)));
    }
    said
}

/// The per-voter money of the outcome add-one kept: the exhaustive one,
/// or the last before one over the budget.
pub(super) fn add_one_kept(sources: &Sources<'_>) -> Option<Exact> {
    let round = sources.rounds().iter().find(|r| r.stage == ADD_ONE)?;
    let mut fitting: Option<&Exact> = None;
    for event in &round.events {
        match event {
            Event::BudgetTried {
                per_voter,
                verdict: BudgetVerdict::Exhaustive,
                ..
            } => return Some(per_voter.clone()),
            Event::BudgetTried {
                verdict: BudgetVerdict::OverBudget,
                ..
            } => return fitting.cloned(),
            Event::BudgetTried { per_voter, .. } => fitting = Some(per_voter),
            Event::BudgetsTried { to, .. } => fitting = Some(to),
            _ => {}
        }
    }
    fitting.cloned()
}

/// `project`'s event in the round of stage `stage`: (its place, whether
/// funded, the cost, what was left).
pub(super) fn turn_of(
    sources: &Sources<'_>,
    stage: &str,
    project: &counting::ProjectId,
) -> Option<(usize, bool, Cents, Cents)> {
    let round = sources.rounds().iter().find(|r| r.stage == stage)?;
    round
        .events
        .iter()
        .filter(|e| matches!(e, Event::Funded { .. } | Event::Skipped { .. }))
        .enumerate()
        .find_map(|(at, event)| match event {
            Event::Funded {
                project: p,
                cost,
                remaining,
            } if p == project => Some((at + 1, true, *cost, *remaining)),
            Event::Skipped {
                project: p,
                cost,
                remaining,
            } if p == project => Some((at + 1, false, *cost, *remaining)),
            _ => None,
        })
}
