//! The rounds of a budgeting rule: greedy's turns, and equal shares'
//! rounds with how each cost was shared, the voters' money, and the
//! completion by votes.

use counting::transcript::{BudgetVerdict, Event, Exact, Round};
use counting::{Cents, ProjectId};

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

/// One project's turn in a greedy round: its place from 1, the project,
/// whether it was funded, its cost and the money left after it.
type Step<'r> = (usize, &'r ProjectId, bool, Cents, Cents);

/// The turns of the round of stage `stage`, in order (none if no such
/// round ran).
fn steps<'r>(sources: &'r Sources<'_>, stage: &str) -> impl Iterator<Item = Step<'r>> {
    sources
        .rounds()
        .iter()
        .find(|r| r.stage == stage)
        .into_iter()
        .flat_map(|round| &round.events)
        .filter_map(|event| match event {
            Event::Funded {
                project,
                cost,
                remaining,
            } => Some((project, true, *cost, *remaining)),
            Event::Skipped {
                project,
                cost,
                remaining,
            } => Some((project, false, *cost, *remaining)),
            _ => None,
        })
        .enumerate()
        .map(|(at, (project, funded, cost, left))| (at + 1, project, funded, cost, left))
}

/// Each project's turn in the round of stage `stage`, in order.
fn turns(sources: &Sources<'_>, stage: &str) -> Vec<Turn> {
    let round = sources.rounds().iter().find(|r| r.stage == stage);
    steps(sources, stage)
        .map(|(place, project, funded, cost, left)| {
            let score = round
                .and_then(|r| r.tally_of(project))
                .cloned()
                .unwrap_or_else(|| Exact::from(0u128));
            Turn {
                place,
                title: sources.title(project),
                score_value: score.rounded().unwrap_or(0),
                score: score.to_string(),
                cost: sources.money(cost),
                funded,
                left: sources.money(left),
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

/// `project`'s turn in the round of stage `stage`: (its place, whether
/// funded, the cost, what was left).
pub(super) fn turn_of(
    sources: &Sources<'_>,
    stage: &str,
    project: &ProjectId,
) -> Option<(usize, bool, Cents, Cents)> {
    steps(sources, stage)
        .find(|step| step.1 == project)
        .map(|(place, _, funded, cost, left)| (place, funded, cost, left))
}
