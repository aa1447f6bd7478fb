//! MES's view of the voters: identical ballots grouped with a
//! multiplicity, each group's utilities, and each project's supporters.

use crate::rules::Profile;
use crate::{BallotKind, Manifest};

pub(super) struct Voters {
    /// How many voters cast each distinct ballot.
    pub(super) multiplicity: Vec<u64>,
    /// Per group, its (project, utility) pairs, stored flat.
    entries: Vec<(u32, u64)>,
    /// Where each group's entries start in `entries` (one more than groups).
    offsets: Vec<usize>,
    /// Per project: (group, utility of one voter of the group), ordered
    /// by utility (then group), so voters of one utility come together.
    pub(super) supporters: Vec<Vec<(u32, u64)>>,
    /// Per project: Σ multiplicity × utility.
    pub(super) total_utility: Vec<u128>,
    /// Per project: how many voters support it.
    pub(super) supporter_count: Vec<u128>,
    /// Per project: its cost in minor units.
    pub(super) cost: Vec<u64>,
}

impl Voters {
    pub(super) fn new(manifest: &Manifest, profile: &Profile) -> Voters {
        let mut order: Vec<usize> = (0..profile.len()).collect();
        // Equal ballots are equal: their relative order cannot matter.
        order.sort_unstable_by(|&a, &b| {
            profile
                .ballot(a)
                .iter()
                .map(|e| (e.project, e.weight))
                .cmp(profile.ballot(b).iter().map(|e| (e.project, e.weight)))
        });
        let mut voters = Voters {
            multiplicity: Vec::new(),
            entries: Vec::new(),
            offsets: vec![0],
            supporters: vec![Vec::new(); manifest.projects.len()],
            total_utility: vec![0u128; manifest.projects.len()],
            supporter_count: vec![0u128; manifest.projects.len()],
            cost: manifest
                .projects
                .iter()
                .map(|p| p.cost.minor_units())
                .collect(),
        };
        let mut previous: Option<usize> = None;
        let utility = |p: usize, weight: u64| match profile.kind() {
            BallotKind::Approval => manifest.projects[p].cost.minor_units(),
            BallotKind::Allocation | BallotKind::Ranked => weight,
        };
        for &i in &order {
            let ballot = profile.ballot(i);
            if previous.is_some_and(|prev| profile.ballot(prev) == ballot) {
                if let Some(last) = voters.multiplicity.last_mut() {
                    *last += 1;
                }
            } else {
                let group = voters.multiplicity.len() as u32;
                voters.multiplicity.push(1);
                previous = Some(i);
                for entry in ballot {
                    let p = entry.project as usize;
                    let u = utility(p, entry.weight);
                    voters.entries.push((entry.project, u));
                    voters.supporters[p].push((group, u));
                }
                voters.offsets.push(voters.entries.len());
            }
            for entry in ballot {
                let p = entry.project as usize;
                voters.total_utility[p] += u128::from(utility(p, entry.weight));
                voters.supporter_count[p] += 1;
            }
        }
        for supporters in &mut voters.supporters {
            supporters.sort_unstable_by_key(|&(g, u)| (u, g));
        }
        voters
    }

    pub(super) fn groups(&self) -> usize {
        self.multiplicity.len()
    }

    /// `group`'s (project, utility) pairs.
    pub(super) fn ballot(&self, group: usize) -> &[(u32, u64)] {
        &self.entries[self.offsets[group]..self.offsets[group + 1]]
    }

    /// Projects MES considers: those somebody supports.
    pub(super) fn candidates(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.total_utility.len()).filter(|&p| self.total_utility[p] > 0)
    }
}
