//! Random ballots that the manifest accepts, for load generation.

use std::collections::{BTreeMap, BTreeSet};

use counting::{Ballot, BallotRules, Manifest, Project};
use rand::Rng;
use rand::seq::SliceRandom;

/// Tries before giving up on a manifest whose limits few ballots meet.
const TRIES: usize = 1_000;

/// A random ballot that `manifest` accepts, or why none was found.
pub fn random_ballot(manifest: &Manifest, rng: &mut impl Rng) -> Result<Ballot, String> {
    for _ in 0..TRIES {
        let ballot = candidate(manifest, rng);
        if ballot.validate(manifest).is_ok() {
            return Ok(ballot);
        }
    }
    Err(format!(
        "no valid ballot found in {TRIES} random tries; the ballot's limits leave little room"
    ))
}

fn shuffled<'a>(manifest: &'a Manifest, rng: &mut impl Rng) -> Vec<&'a Project> {
    let mut projects: Vec<&Project> = manifest.projects.iter().collect();
    projects.shuffle(rng);
    projects
}

fn candidate(manifest: &Manifest, rng: &mut impl Rng) -> Ballot {
    let count = manifest.projects.len();
    match &manifest.ballot {
        BallotRules::Approval {
            max_cost,
            max_projects,
            ..
        } => {
            let want = rng.random_range(1..=count);
            let cap = max_projects.map_or(count, |m| usize::try_from(m).unwrap_or(count));
            let mut spent = 0u64;
            let mut picked = BTreeSet::new();
            for project in shuffled(manifest, rng) {
                let cost = project.cost.minor_units();
                let fits = max_cost.is_none_or(|max| spent + cost <= max.minor_units());
                if picked.len() < want.min(cap) && fits {
                    spent += cost;
                    picked.insert(project.id.clone());
                }
            }
            Ballot::Approval(picked)
        }
        BallotRules::Ranked { max_ranks } => {
            let cap = usize::try_from(*max_ranks).unwrap_or(count).min(count);
            let take = rng.random_range(1..=cap.max(1));
            Ballot::Ranked(
                shuffled(manifest, rng)
                    .into_iter()
                    .take(take)
                    .map(|p| p.id.clone())
                    .collect(),
            )
        }
        BallotRules::Allocation {
            points,
            must_use_all,
        } => {
            let total = if *must_use_all {
                *points
            } else {
                rng.random_range(1..=(*points).max(1))
            };
            let chosen = shuffled(manifest, rng);
            let spread = rng.random_range(1..=chosen.len().max(1));
            let parts = u64::try_from(spread).unwrap_or(1);
            let mut given: BTreeMap<_, u64> = BTreeMap::new();
            for (i, project) in (0u64..).zip(chosen.into_iter().take(spread)) {
                let share = total / parts + u64::from(i < total % parts);
                if share > 0 {
                    given.insert(project.id.clone(), share);
                }
            }
            Ballot::Allocation(given)
        }
    }
}
