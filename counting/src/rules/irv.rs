//! `irv`: instant-runoff voting for one winner.
//!
//! Each round every ballot counts for its highest-ranked continuing
//! project. A project with more than half of the continuing ballots wins;
//! otherwise the project with the fewest votes is eliminated and its
//! ballots move to their next continuing choice. A ballot with no
//! continuing choice is exhausted. Ties for elimination follow the
//! manifest's policy (see [`super::elimination`]).

use super::elimination::{Piles, least_preferred};
use super::{Profile, push_round};
use crate::Manifest;
use crate::tiebreak::Preference;
use crate::transcript::{Event, Round, Tally};

pub(super) fn run(
    manifest: &Manifest,
    profile: &Profile,
    preference: &Preference,
    rounds: &mut Vec<Round>,
) -> Vec<usize> {
    let m = manifest.projects.len();
    let mut piles = Piles::new(profile, m);
    let mut continuing: Vec<bool> = vec![true; m];
    let mut history: Vec<Vec<u128>> = Vec::new();
    loop {
        let votes: Vec<u128> = (0..m).map(|p| piles.pile(p).len() as u128).collect();
        history.push(votes.clone());
        let live: Vec<usize> = (0..m).filter(|&p| continuing[p]).collect();
        let total: u128 = live.iter().map(|&p| votes[p]).sum();
        let round = push_round(rounds, "irv");
        let mut ranked = live.clone();
        ranked.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
        round.tallies = ranked
            .iter()
            .map(|&p| Tally {
                project: manifest.projects[p].id.clone(),
                value: votes[p].into(),
            })
            .collect();
        if let Some(&winner) = ranked
            .first()
            .filter(|&&p| votes[p] * 2 > total || live.len() == 1)
        {
            round.events.push(Event::Elected {
                project: manifest.projects[winner].id.clone(),
                votes: votes[winner].into(),
            });
            return vec![winner];
        }
        let fewest = live.iter().map(|&p| votes[p]).min().unwrap_or(0);
        let tied: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&p| votes[p] == fewest)
            .collect();
        let loser = least_preferred(manifest, preference, &tied, &history);
        if tied.len() > 1 {
            round.events.push(Event::TieBroken {
                tied: tied
                    .iter()
                    .map(|&p| manifest.projects[p].id.clone())
                    .collect(),
                chosen: manifest.projects[loser].id.clone(),
                policy: preference.policy(),
            });
        }
        round.events.push(Event::Eliminated {
            project: manifest.projects[loser].id.clone(),
            votes: votes[loser].into(),
        });
        continuing[loser] = false;
        piles.transfer(loser, &continuing, |_| {});
    }
}
