//! Simulated voters for the demo's past cycle: each roster group likes
//! each project so much (0–100), every voter adds a little of their own
//! taste, and their ballot follows from that: the projects they like
//! enough (approval) or their favourites in order (ranked). A fixed-seed
//! generator makes every fresh demo the same.

use counting::{Ballot, BallotRules, FrozenManifest, ProjectId};

use super::super::past_data::PROPOSALS;

/// How much a voter must like a project to approve it.
const APPROVE_AT: i64 = 60;
/// How much a voter must like a project to rank it at all.
const RANK_AT: i64 = 35;

/// The generator and what a ballot may hold.
pub(in crate::seed) struct Voters {
    /// xorshift64* state.
    state: u64,
    /// Per ballot project: its id, cost, and its place in the demo's
    /// proposals (which `liking` follows).
    projects: Vec<(ProjectId, u64, usize)>,
    rules: BallotRules,
    budget: u64,
}

impl Voters {
    pub fn new(frozen: &FrozenManifest) -> Voters {
        let projects = frozen
            .projects()
            .filter_map(|(p, title)| {
                let at = PROPOSALS.iter().position(|idea| idea.title == title)?;
                Some((p.id.clone(), p.cost.minor_units(), at))
            })
            .collect();
        Voters {
            state: 0x005e_ed0f_2026_u64,
            projects,
            rules: frozen.manifest.ballot.clone(),
            budget: frozen.manifest.budget.minor_units(),
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A fresh 16-byte nonce for a ballot's log entry.
    pub fn nonce(&mut self) -> [u8; 16] {
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&self.next().to_be_bytes());
        nonce[8..].copy_from_slice(&self.next().to_be_bytes());
        nonce
    }

    /// One voter of a group that likes each demo proposal as `liking`
    /// says: their taste is the group's, give or take 25.
    pub fn ballot(&mut self, liking: &[u8]) -> Ballot {
        let mut tastes: Vec<(i64, usize)> = (0..self.projects.len())
            .map(|i| {
                let group = i64::from(liking.get(self.projects[i].2).copied().unwrap_or(0));
                let own = i64::try_from(self.next() % 51).unwrap_or(0) - 25;
                (group + own, i)
            })
            .collect();
        tastes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        match self.rules {
            BallotRules::Approval {
                max_projects,
                max_cost,
                ..
            } => {
                let most = max_projects.map_or(usize::MAX, |m| m as usize);
                let limit = max_cost.map_or(self.budget, |c| c.minor_units());
                let mut spent = 0;
                let mut picks = std::collections::BTreeSet::new();
                for &(taste, i) in &tastes {
                    let (id, cost, _) = &self.projects[i];
                    let first = picks.is_empty();
                    if (taste >= APPROVE_AT || first) && picks.len() < most && spent + cost <= limit
                    {
                        spent += cost;
                        picks.insert(id.clone());
                    }
                }
                Ballot::Approval(picks)
            }
            BallotRules::Ranked { max_ranks } => Ballot::Ranked(
                tastes
                    .iter()
                    .enumerate()
                    .take_while(|(place, (taste, _))| *place == 0 || *taste >= RANK_AT)
                    .take(max_ranks as usize)
                    .map(|(_, &(_, i))| self.projects[i].0.clone())
                    .collect(),
            ),
            BallotRules::Allocation { points, .. } => {
                let (_, favourite) = tastes[0];
                Ballot::Allocation(
                    [(self.projects[favourite].0.clone(), points)]
                        .into_iter()
                        .collect(),
                )
            }
        }
    }
}
