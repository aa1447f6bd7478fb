//! Each project's plain-language reason, drawn from the transcript's
//! events: why it was funded or elected, or why not.

use counting::ProjectId;
use counting::record::export::ProjectTally;
use counting::transcript::{Event, Exact, percent_text, tenths_of_percent};
use counting::{BallotRules, Rule};

use super::Sources;
use super::spending::{COMPLETION, GREEDY, is_mes, turn_of};

/// Why `id` won or did not, with any tie it was in.
pub(super) fn why(sources: &Sources<'_>, id: &ProjectId, tally: ProjectTally) -> String {
    let mut said = match sources.frozen.manifest.rule {
        Rule::Greedy => greedy(sources, id, tally),
        Rule::Mes { .. } => equal_shares(sources, id, tally),
        Rule::Irv | Rule::Stv { .. } => runoff(sources, id),
    };
    let others: Vec<ProjectId> = sources
        .rounds()
        .iter()
        .flat_map(|r| &r.events)
        .filter_map(|e| match e {
            Event::TieBroken { tied, .. } if tied.contains(id) => Some(tied),
            _ => None,
        })
        .flatten()
        .filter(|p| *p != id)
        .fold(Vec::new(), |mut seen, p| {
            if !seen.contains(p) {
                seen.push(p.clone());
            }
            seen
        });
    if !others.is_empty() {
        said.push_str(&(sources.text.why_tie)(&sources.titles(&others)));
    }
    said
}

fn greedy(sources: &Sources<'_>, id: &ProjectId, tally: ProjectTally) -> String {
    let text = sources.text;
    match turn_of(sources, GREEDY, id) {
        Some((place, true, _, left)) => (text.why_greedy_funded)(place, &sources.money(left)),
        _ if tally.supporters == 0 => text.why_no_support.to_owned(),
        Some((_, false, cost, left)) => {
            (text.why_greedy_skipped)(&sources.money(left), &sources.money(cost))
        }
        None => text.not_funded_word.to_owned(),
    }
}

fn equal_shares(sources: &Sources<'_>, id: &ProjectId, tally: ProjectTally) -> String {
    let text = sources.text;
    let mes_rounds = || sources.rounds().iter().filter(|r| is_mes(r));
    for round in mes_rounds() {
        for event in &round.events {
            let Event::Shared {
                project,
                in_full,
                in_full_paid,
                all_left,
                all_left_paid,
            } = event
            else {
                continue;
            };
            if project != id {
                continue;
            }
            let mut said = match sources.frozen.manifest.ballot {
                BallotRules::Approval { .. } => {
                    let each = in_full_paid.divided(*in_full).unwrap_or(Exact::from(0u128));
                    (text.why_mes_each)(round.number, *in_full, &sources.money_exact(&each))
                }
                _ => {
                    let rho = round
                        .tally_of(id)
                        .cloned()
                        .unwrap_or_else(|| Exact::from(0u128));
                    (text.why_mes_per_point)(round.number, *in_full, &sources.money_exact(&rho))
                }
            };
            if *all_left > 0 {
                said.push_str(&(text.why_mes_all_left)(
                    *all_left,
                    &sources.money_exact(all_left_paid),
                ));
            }
            return said;
        }
    }
    let completion = turn_of(sources, COMPLETION, id);
    if let Some((_, true, _, left)) = completion {
        return (text.why_completion_funded)(&sources.money(left));
    }
    let dropped = mes_rounds().flat_map(|r| &r.events).find_map(|e| match e {
        Event::Unaffordable {
            project,
            cost,
            supporters,
            money_left,
        } if project == id => Some((*cost, *supporters, money_left)),
        _ => None,
    });
    let mut said = match dropped {
        Some((cost, supporters, left)) => (text.why_mes_unaffordable)(
            supporters,
            &sources.money_exact(left),
            &sources.money(cost),
        ),
        None if tally.supporters == 0 => return text.why_no_support.to_owned(),
        None => text.not_funded_word.to_owned(),
    };
    if let Some((_, false, cost, left)) = completion {
        said.push_str(&(text.why_completion_skipped)(
            &sources.money(left),
            &sources.money(cost),
        ));
    }
    said
}

fn runoff(sources: &Sources<'_>, id: &ProjectId) -> String {
    let text = sources.text;
    for round in sources.rounds() {
        for event in &round.events {
            match event {
                Event::Elected { project, votes } if project == id => {
                    let shown = votes.decimal(2).unwrap_or_default();
                    if matches!(sources.frozen.manifest.rule, Rule::Stv { .. }) {
                        return (text.why_elected)(
                            round.number,
                            &shown,
                            &sources.quota().to_string(),
                        );
                    }
                    let rest = Exact::sum(round.tallies.iter().map(|t| &t.value))
                        .and_then(|total| total.minus(votes))
                        .unwrap_or(Exact::from(0u128));
                    let share =
                        tenths_of_percent(&[votes.clone(), rest]).map_or(0, |shares| shares[0]);
                    return (text.why_won)(round.number, &shown, &percent_text(share));
                }
                Event::Eliminated { project, votes } if project == id => {
                    return (text.why_eliminated)(
                        round.number,
                        &votes.decimal(2).unwrap_or_default(),
                    );
                }
                _ => {}
            }
        }
    }
    sources
        .rounds()
        .iter()
        .rev()
        .find_map(|r| r.tally_of(id))
        .map_or_else(
            || text.why_no_support.to_owned(),
            |votes| (text.why_still_in)(&votes.decimal(2).unwrap_or_default()),
        )
}
