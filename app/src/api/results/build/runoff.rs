//! The rounds of IRV and STV: each round's votes with shares of all
//! ballots that add up to 100%, the ballots set aside (exhausted, or kept
//! by elected projects in STV), and where ballots moved, which is the
//! difference between one round's votes and the next.

use std::collections::BTreeMap;

use counting::transcript::{Event, Exact, Round, tenths_of_percent};
use counting::{ProjectId, Rule};

use super::Sources;
use crate::api::results::{Line, Rounds, RunoffRound};

/// Votes shown with two decimals where STV made fractions.
fn shown(votes: &Exact) -> String {
    votes.decimal(2).unwrap_or_else(|| votes.to_string())
}

/// Each project's votes in the first round, for IRV and STV (empty for
/// the budgeting rules).
pub(super) fn first_choices(sources: &Sources<'_>) -> BTreeMap<ProjectId, Exact> {
    if sources.frozen.manifest.rule.is_budgeting() {
        return BTreeMap::new();
    }
    sources
        .rounds()
        .first()
        .map(|r| {
            r.tallies
                .iter()
                .map(|t| (t.project.clone(), t.value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// The ballots a round no longer counts for a continuing project:
/// (kept by projects elected before it, exhausted).
fn aside(sources: &Sources<'_>, round: &Round, elected_before: u64) -> (Exact, Exact) {
    let zero = || Exact::from(0u128);
    let counted = Exact::sum(round.tallies.iter().map(|t| &t.value)).unwrap_or_else(zero);
    let rest = Exact::from(u128::from(sources.ballots))
        .minus(&counted)
        .unwrap_or_else(zero);
    let kept = match sources.frozen.manifest.rule {
        Rule::Stv { .. } => Exact::from(u128::from(sources.quota() * elected_before)),
        _ => zero(),
    };
    match rest.minus(&kept) {
        Some(exhausted) if !exhausted.is_negative() => (kept, exhausted),
        _ => (zero(), rest),
    }
}

/// Every round of an IRV or STV count.
pub(super) fn rounds(sources: &Sources<'_>) -> Rounds {
    let text = sources.text;
    let stv = matches!(sources.frozen.manifest.rule, Rule::Stv { .. });
    let all = sources.rounds();
    let mut elected_before = 0u64;
    let mut before: Option<(BTreeMap<&ProjectId, &Exact>, Exact)> = None;
    let mut shown_rounds = Vec::new();
    for (i, round) in all.iter().enumerate() {
        let (kept, exhausted) = aside(sources, round, elected_before);
        let mut parts: Vec<Exact> = round.tallies.iter().map(|t| t.value.clone()).collect();
        if stv {
            parts.push(kept.clone());
        }
        parts.push(exhausted.clone());
        let tenths = tenths_of_percent(&parts).unwrap_or_else(|| vec![0; parts.len()]);
        let change = |now: &Exact, then: Option<&Exact>| match then {
            None => String::new(),
            Some(then) => signed(&now.minus(then).unwrap_or(Exact::from(0u128))),
        };
        let mut lines: Vec<Line> = round
            .tallies
            .iter()
            .zip(&tenths)
            .map(|(t, &share)| Line {
                label: sources.title(&t.project),
                votes: shown(&t.value),
                tenths: share,
                change: change(
                    &t.value,
                    before
                        .as_ref()
                        .and_then(|(b, _)| b.get(&t.project).copied()),
                ),
                elected: round
                    .events
                    .iter()
                    .any(|e| matches!(e, Event::Elected { project, .. } if project == &t.project)),
                eliminated: round.events.iter().any(
                    |e| matches!(e, Event::Eliminated { project, .. } if project == &t.project),
                ),
                aside: false,
            })
            .collect();
        if stv {
            lines.push(Line {
                label: text.kept.to_owned(),
                votes: shown(&kept),
                tenths: tenths[tenths.len() - 2],
                change: String::new(),
                elected: false,
                eliminated: false,
                aside: true,
            });
        }
        lines.push(Line {
            label: text.exhausted.to_owned(),
            votes: shown(&exhausted),
            tenths: tenths[tenths.len() - 1],
            change: change(&exhausted, before.as_ref().map(|(_, e)| e)),
            elected: false,
            eliminated: false,
            aside: true,
        });
        elected_before += round
            .events
            .iter()
            .filter(|e| matches!(e, Event::Elected { .. }))
            .count() as u64;
        let said = said(sources, round, all.get(i + 1), &exhausted, elected_before);
        before = Some((
            round
                .tallies
                .iter()
                .map(|t| (&t.project, &t.value))
                .collect(),
            exhausted,
        ));
        shown_rounds.push(RunoffRound {
            number: round.number,
            lines,
            said,
        });
    }
    Rounds::Runoff(shown_rounds)
}

/// A change in votes with its sign: `+12`, `−3.50`, or `0`.
fn signed(delta: &Exact) -> String {
    if delta.is_negative() {
        format!("−{}", shown(delta).trim_start_matches('-'))
    } else if delta.is_zero() {
        "0".to_owned()
    } else {
        format!("+{}", shown(delta))
    }
}

/// What happened in `round`, and where the ballots it moved went (the
/// gains in `next`).
/// `elected_after` counts the projects elected up to and with `round`.
fn said(
    sources: &Sources<'_>,
    round: &Round,
    next: Option<&Round>,
    exhausted: &Exact,
    elected_after: u64,
) -> Vec<String> {
    let text = sources.text;
    let went = || -> String {
        let Some(next) = next else {
            return String::new();
        };
        let mut parts: Vec<String> = next
            .tallies
            .iter()
            .filter_map(|t| {
                let gain = t.value.minus(round.tally_of(&t.project)?)?;
                (!gain.is_negative() && !gain.is_zero())
                    .then(|| (text.went_to)(&shown(&gain), &sources.title(&t.project)))
            })
            .collect();
        let (_, next_exhausted) = aside(sources, next, elected_after);
        if let Some(gain) = next_exhausted.minus(exhausted)
            && !gain.is_negative()
            && !gain.is_zero()
        {
            parts.push((text.went_exhausted)(&shown(&gain)));
        }
        parts.join(", ")
    };
    let mut said = Vec::new();
    let elected: Vec<(&ProjectId, &Exact)> = round
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Elected { project, votes } => Some((project, votes)),
            _ => None,
        })
        .collect();
    for event in &round.events {
        if let Event::Eliminated { project, .. } = event {
            said.push((text.moved_eliminated)(&sources.title(project), &went()));
        }
    }
    match (elected.as_slice(), next) {
        ([], _) => {}
        (elected, Some(_)) => {
            let names: Vec<ProjectId> = elected.iter().map(|(p, _)| (*p).clone()).collect();
            said.push((text.moved_surplus)(&sources.titles(&names), &went()));
        }
        (elected, None) => {
            for (project, votes) in elected {
                said.push((text.moved_elected)(&sources.title(project), &shown(votes)));
            }
        }
    }
    said
}
