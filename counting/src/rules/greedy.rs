//! `greedy`: rank projects by total score (approvals, points or
//! Borda score) and fund, in that order, each one that still fits the
//! remaining budget; skip, don't stop.
//!
//! This is pabutools' `greedy_utilitarian_welfare` with a satisfaction of
//! score × cost, whose "satisfaction density" is then exactly the score.
//! Like pabutools, projects nobody voted for stay in the list, last.

use super::{Profile, by_preference, push_round};
use crate::tiebreak::Preference;
use crate::transcript::{Event, Round, Tally};
use crate::{Cents, Manifest};

/// Funds greedily after `preselected` (already funded, in order), and
/// returns every funded project, `preselected` first.
pub(super) fn run(
    manifest: &Manifest,
    profile: &Profile,
    preference: &Preference,
    preselected: &[usize],
    rounds: &mut Vec<Round>,
) -> Vec<usize> {
    let scores = profile.scores(manifest.projects.len());
    let mut order: Vec<usize> = (0..manifest.projects.len())
        .filter(|p| !preselected.contains(p))
        .collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .cmp(&scores[a])
            .then_with(|| by_preference(manifest, preference, a, b))
    });
    let stage = if preselected.is_empty() {
        "greedy"
    } else {
        "greedy completion"
    };
    let round = push_round(rounds, stage);
    round.tallies = order
        .iter()
        .map(|&p| Tally {
            project: manifest.projects[p].id.clone(),
            value: scores[p].into(),
        })
        .collect();
    let spent: u64 = preselected
        .iter()
        .map(|&p| manifest.projects[p].cost.minor_units())
        .sum();
    let mut remaining = manifest.budget.minor_units().saturating_sub(spent);
    let mut funded = preselected.to_vec();
    for (i, &p) in order.iter().enumerate() {
        let tied: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&q| scores[q] == scores[p])
            .collect();
        if tied.len() > 1 && tied[0] == p && i + 1 < order.len() {
            round.events.push(Event::TieBroken {
                tied: tied
                    .iter()
                    .map(|&q| manifest.projects[q].id.clone())
                    .collect(),
                chosen: manifest.projects[p].id.clone(),
                policy: preference.policy(),
            });
        }
        let project = &manifest.projects[p];
        let cost = project.cost.minor_units();
        if cost <= remaining {
            remaining -= cost;
            funded.push(p);
            round.events.push(Event::Funded {
                project: project.id.clone(),
                cost: project.cost,
                remaining: Cents::new(remaining),
            });
        } else {
            round.events.push(Event::Skipped {
                project: project.id.clone(),
                cost: project.cost,
                remaining: Cents::new(remaining),
            });
        }
    }
    funded
}
