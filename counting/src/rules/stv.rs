//! `stv`: single transferable vote for `seats` winners, with the
//! Droop quota ⌊ballots / (seats + 1)⌋ + 1 and weighted inclusive Gregory
//! transfers in exact fractions.
//!
//! Each round: if the continuing projects are no more than the open seats,
//! all are elected. Otherwise every project at or above the quota is
//! elected (most votes first) and each one's surplus moves on: every ballot
//! in its pile keeps weight × surplus / votes and goes to its next
//! continuing choice. If nobody reaches the quota, the project with the
//! fewest votes is eliminated and its ballots move on at their weights.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};

use super::elimination::{Piles, least_preferred, most_preferred};
use super::{Profile, push_round};
use crate::Manifest;
use crate::tiebreak::Preference;
use crate::transcript::{Event, Round, Tally};

pub(super) fn run(
    manifest: &Manifest,
    profile: &Profile,
    preference: &Preference,
    seats: u32,
    rounds: &mut Vec<Round>,
) -> Vec<usize> {
    let m = manifest.projects.len();
    let seats = seats as usize;
    let quota = BigRational::from_integer(BigInt::from(profile.len() / (seats + 1) + 1));
    let mut piles = Piles::new(profile, m);
    let mut weight: Vec<BigRational> = vec![BigRational::one(); profile.len()];
    let mut continuing = vec![true; m];
    let mut elected: Vec<usize> = Vec::new();
    let mut history: Vec<Vec<BigRational>> = Vec::new();
    while elected.len() < seats {
        let votes: Vec<BigRational> = (0..m)
            .map(|p| {
                piles
                    .pile(p)
                    .iter()
                    .fold(BigRational::zero(), |sum, &b| sum + &weight[b as usize])
            })
            .collect();
        history.push(votes.clone());
        let mut live: Vec<usize> = (0..m).filter(|&p| continuing[p]).collect();
        live.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
        let round = push_round(rounds, "stv");
        round.tallies = live
            .iter()
            .map(|&p| Tally {
                project: manifest.projects[p].id.clone(),
                value: (&votes[p]).into(),
            })
            .collect();
        if live.len() <= seats - elected.len() {
            let mut rest = live.clone();
            while !rest.is_empty() {
                let top = rest
                    .iter()
                    .map(|&p| &votes[p])
                    .max()
                    .cloned()
                    .unwrap_or_default();
                let tied: Vec<usize> = rest.iter().copied().filter(|&p| votes[p] == top).collect();
                let next = most_preferred(manifest, preference, &tied, &history);
                round.events.push(Event::Elected {
                    project: manifest.projects[next].id.clone(),
                    votes: (&votes[next]).into(),
                });
                elected.push(next);
                rest.retain(|&p| p != next);
            }
            break;
        }
        let mut reached: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&p| votes[p] >= quota)
            .collect();
        if reached.is_empty() {
            let fewest = live
                .iter()
                .map(|&p| &votes[p])
                .min()
                .cloned()
                .unwrap_or_default();
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
                votes: (&votes[loser]).into(),
            });
            continuing[loser] = false;
            piles.transfer(loser, &continuing, |_| {});
            continue;
        }
        let mut order = Vec::new();
        while !reached.is_empty() {
            let top = reached
                .iter()
                .map(|&p| &votes[p])
                .max()
                .cloned()
                .unwrap_or_default();
            let tied: Vec<usize> = reached
                .iter()
                .copied()
                .filter(|&p| votes[p] == top)
                .collect();
            let next = most_preferred(manifest, preference, &tied, &history);
            order.push(next);
            reached.retain(|&p| p != next);
        }
        for &p in &order {
            continuing[p] = false;
        }
        for p in order {
            if elected.len() == seats {
                break;
            }
            round.events.push(Event::Elected {
                project: manifest.projects[p].id.clone(),
                votes: (&votes[p]).into(),
            });
            elected.push(p);
            let factor = (&votes[p] - &quota) / &votes[p];
            piles.transfer(p, &continuing, |b| weight[b as usize] *= &factor);
        }
    }
    elected
}
