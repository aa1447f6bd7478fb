//! What IRV and STV share: ballots in piles by their current choice, and
//! choosing whom to eliminate among tied projects.

use std::cmp::Ordering;

use super::{Profile, by_preference};
use crate::tiebreak::Preference;
use crate::{Manifest, TieBreak};

/// Each ballot sits in the pile of its highest-ranked continuing project.
pub(super) struct Piles<'a> {
    profile: &'a Profile,
    /// Per ballot: index of its current choice within the ballot.
    at: Vec<u32>,
    piles: Vec<Vec<u32>>,
}

impl<'a> Piles<'a> {
    pub(super) fn new(profile: &'a Profile, projects: usize) -> Self {
        let mut piles = vec![Vec::new(); projects];
        for (i, ballot) in profile.ballots().enumerate() {
            if let Some(first) = ballot.first() {
                piles[first.project as usize].push(i as u32);
            }
        }
        Piles {
            profile,
            at: vec![0; profile.len()],
            piles,
        }
    }

    pub(super) fn pile(&self, p: usize) -> &[u32] {
        &self.piles[p]
    }

    /// Moves every ballot in `from`'s pile to its next continuing choice;
    /// `moved(ballot)` is called for each ballot before it moves (or is
    /// exhausted, when it has no continuing choice left).
    pub(super) fn transfer(
        &mut self,
        from: usize,
        continuing: &[bool],
        mut moved: impl FnMut(u32),
    ) {
        let pile = std::mem::take(&mut self.piles[from]);
        for b in pile {
            moved(b);
            let ballot = self.profile.ballot(b as usize);
            let mut k = self.at[b as usize] as usize + 1;
            while k < ballot.len() && !continuing[ballot[k].project as usize] {
                k += 1;
            }
            self.at[b as usize] = k as u32;
            if let Some(next) = ballot.get(k) {
                self.piles[next.project as usize].push(b);
            }
        }
    }
}

/// Among `tied` (equal on the current count), the project to eliminate:
/// with `previous-round-then-seeded`, the one with fewer votes in the
/// latest earlier round where they differ; then (and with any other
/// policy) the least preferred in the policy's order.
pub(super) fn least_preferred<T: Ord>(
    manifest: &Manifest,
    preference: &Preference,
    tied: &[usize],
    history: &[Vec<T>],
) -> usize {
    let mut candidates = tied.to_vec();
    if preference.policy() == TieBreak::PreviousRoundThenSeeded {
        for earlier in history.iter().rev().skip(1) {
            let fewest = candidates.iter().map(|&p| &earlier[p]).min();
            if let Some(fewest) = fewest {
                candidates.retain(|&p| &earlier[p] == fewest);
            }
            if candidates.len() == 1 {
                break;
            }
        }
    }
    candidates
        .iter()
        .copied()
        .max_by(|&a, &b| by_preference(manifest, preference, a, b))
        .unwrap_or(tied[0])
}

/// Among `tied`, the project to elect first (the most preferred, after
/// earlier rounds when the policy says so).
pub(super) fn most_preferred<T: Ord>(
    manifest: &Manifest,
    preference: &Preference,
    tied: &[usize],
    history: &[Vec<T>],
) -> usize {
    let mut candidates = tied.to_vec();
    if preference.policy() == TieBreak::PreviousRoundThenSeeded {
        for earlier in history.iter().rev().skip(1) {
            if let Some(most) = candidates.iter().map(|&p| &earlier[p]).max() {
                candidates.retain(|&p| &earlier[p] == most);
            }
            if candidates.len() == 1 {
                break;
            }
        }
    }
    candidates
        .iter()
        .copied()
        .min_by(|&a, &b| match by_preference(manifest, preference, a, b) {
            Ordering::Equal => a.cmp(&b),
            other => other,
        })
        .unwrap_or(tied[0])
}
