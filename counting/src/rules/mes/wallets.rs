//! The voters' money during one MES run, kept so that most questions cost
//! integer work and exact rational arithmetic is done only where needed.
//!
//! A group that has never paid less than its full share holds exactly
//! `start − Σ ρ_k × u_k` over the funded projects k on its ballot; a group
//! that once paid all it had holds nothing from then on. So each project's
//! supporters hold `N × start − Σ_k ρ_k × W_k`, with integer counts N and
//! integer weights W kept up to date as projects are funded. Whether one
//! group can pay ρ × u is first decided from integer bounds of every
//! amount × 2^64, and exactly only when the bounds cannot tell.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::voters::Voters;

/// An exact amount with integer bounds of amount × 2^64 (if they fit).
#[derive(Clone, Debug)]
struct Amount {
    exact: BigRational,
    bounds: Option<(i128, i128)>,
}

impl Amount {
    fn new(exact: BigRational) -> Amount {
        let scaled = &exact * BigRational::from_integer(BigInt::from(1u8) << 64u32);
        let bounds = scaled
            .floor()
            .to_integer()
            .to_i128()
            .zip(scaled.ceil().to_integer().to_i128());
        Amount { exact, bounds }
    }
}

pub(super) struct Wallets<'a> {
    voters: &'a Voters,
    projects: usize,
    start: Amount,
    /// Groups that once paid all they had (and hold nothing now).
    broke: Vec<bool>,
    /// Per group, bounds of its money × 2^64 (`None` once they overflow).
    bounds: Vec<Option<(i128, i128)>>,
    /// ρ of each funded project.
    rho: Vec<Option<Amount>>,
    funded: Vec<usize>,
    /// Per project: voters among its supporters who are not broke.
    count: Vec<u128>,
    /// Per project: Σ multiplicity × utility over those voters.
    utility: Vec<u128>,
    /// weight[p × projects + k]: Σ multiplicity × utility for k over p's
    /// supporters who are not broke and paid for k.
    weight: Vec<u128>,
    /// Exact money by signature: the (project, utility) pairs a group paid
    /// for. Groups with equal signatures hold equal money, and most groups
    /// share a signature with many others.
    exact: BTreeMap<Vec<(u32, u64)>, BigRational>,
}

impl<'a> Wallets<'a> {
    /// Every group starting with `start`.
    pub(super) fn new(voters: &'a Voters, start: &BigRational, projects: usize) -> Wallets<'a> {
        let count = (0..projects)
            .map(|p| {
                voters.supporters[p]
                    .iter()
                    .map(|&(g, _)| u128::from(voters.multiplicity[g as usize]))
                    .sum()
            })
            .collect();
        Wallets {
            voters,
            projects,
            start: Amount::new(start.clone()),
            broke: vec![false; voters.groups()],
            bounds: vec![Amount::new(start.clone()).bounds; voters.groups()],
            rho: vec![None; projects],
            funded: Vec::new(),
            count,
            utility: voters.total_utility.clone(),
            weight: vec![0; projects * projects],
            exact: BTreeMap::new(),
        }
    }

    /// The funded (project, utility) pairs on `group`'s ballot: groups
    /// that are not broke and share a signature hold the same money.
    fn signature(&self, group: u32) -> Vec<(u32, u64)> {
        self.voters
            .ballot(group as usize)
            .iter()
            .filter(|&&(k, _)| self.rho[k as usize].is_some())
            .copied()
            .collect()
    }

    /// The money of groups with `signature` that are not broke, exactly.
    fn money_of(&mut self, signature: &[(u32, u64)]) -> BigRational {
        if let Some(money) = self.exact.get(signature) {
            return money.clone();
        }
        let mut money = self.start.exact.clone();
        for &(k, u) in signature {
            if let Some(rho) = &self.rho[k as usize] {
                money -= &rho.exact * BigInt::from(u);
            }
        }
        self.exact.insert(signature.to_vec(), money.clone());
        money
    }

    /// `group`'s money, exactly.
    fn money(&mut self, group: u32) -> BigRational {
        if self.broke[group as usize] {
            return BigRational::zero();
        }
        let signature = self.signature(group);
        self.money_of(&signature)
    }

    /// Bounds of `group`'s money × 2^64, if they fit in integers.
    fn money_bounds(&self, group: u32) -> Option<(i128, i128)> {
        if self.broke[group as usize] {
            return Some((0, 0));
        }
        self.bounds[group as usize]
    }

    /// Bounds of what is left of `money` after paying `rho` × `utility`.
    fn after_paying(
        money: Option<(i128, i128)>,
        rho: &Amount,
        utility: u64,
    ) -> Option<(i128, i128)> {
        let (lo, hi) = money?;
        let (rho_lo, rho_hi) = rho.bounds?;
        let u = i128::from(utility);
        Some((
            lo.checked_sub(rho_hi.checked_mul(u)?)?,
            hi.checked_sub(rho_lo.checked_mul(u)?)?,
        ))
    }

    /// Whether `group` can pay `rho` × `utility` in full.
    fn affords(&mut self, group: u32, rho: &Amount, utility: u64) -> bool {
        if let (Some((lo, hi)), Some((rho_lo, rho_hi))) = (self.money_bounds(group), rho.bounds) {
            let u = i128::from(utility);
            if let Some(need) = rho_hi.checked_mul(u)
                && lo >= need
            {
                return true;
            }
            if let Some(need) = rho_lo.checked_mul(u)
                && hi < need
            {
                return false;
            }
        }
        self.money(group) >= &rho.exact * BigInt::from(utility)
    }

    /// The money `p`'s supporters hold in all.
    pub(super) fn supporters_money(&self, p: usize) -> BigRational {
        let mut total = &self.start.exact * BigInt::from(self.count[p]);
        for &k in &self.funded {
            let w = self.weight[p * self.projects + k];
            if w > 0
                && let Some(rho) = &self.rho[k]
            {
                total -= &rho.exact * BigInt::from(w);
            }
        }
        total
    }

    /// The smallest ρ with Σ min(money, ρ × utility) = `cost` over `p`'s
    /// supporters (who must hold at least `cost`): the same ρ as
    /// pabutools' scan of supporters poorest first, since the equation
    /// has one solution.
    ///
    /// Found by a rising guess: start from cost / utility; the supporters
    /// short of guess × utility pay all they have, the others share the
    /// rest equally per unit of utility, which gives the next guess. The
    /// guesses never pass the solution and stop on it once no further
    /// supporter falls short. What the short supporters hold is summed in
    /// the linear form of [`Wallets`], so no one's money is computed alone.
    pub(super) fn price(&mut self, p: usize, cost: &BigRational) -> BigRational {
        let total_utility = self.utility[p];
        if total_utility == 0 {
            return cost.clone();
        }
        let n = self.projects;
        let mut guess = cost / BigInt::from(total_utility);
        // Short supporters stay short as the guess rises: each pass looks
        // only at those who could still pay the last guess.
        let mut pending: Vec<(u32, u64)> = self.voters.supporters[p]
            .iter()
            .filter(|&&(g, _)| !self.broke[g as usize])
            .copied()
            .collect();
        let mut count: u128 = 0;
        let mut utility: u128 = 0;
        let mut weight = vec![0u128; n];
        loop {
            let bound = Amount::new(guess.clone());
            pending.retain(|&(g, u)| {
                if self.affords(g, &bound, u) {
                    return true;
                }
                let m = u128::from(self.voters.multiplicity[g as usize]);
                count += m;
                utility += m * u128::from(u);
                for &(k, uk) in self.voters.ballot(g as usize) {
                    if self.rho[k as usize].is_some() {
                        weight[k as usize] += m * u128::from(uk);
                    }
                }
                false
            });
            let sharing = total_utility - utility;
            if sharing == 0 {
                return guess;
            }
            let mut paid = &self.start.exact * BigInt::from(count);
            for &k in &self.funded {
                if weight[k] > 0
                    && let Some(rho) = &self.rho[k]
                {
                    paid -= &rho.exact * BigInt::from(weight[k]);
                }
            }
            let next = (cost - paid) / BigInt::from(sharing);
            if next <= guess {
                return next;
            }
            guess = next;
        }
    }

    /// `p` is funded at `rho`: every supporter pays min(money, ρ × utility).
    pub(super) fn pay(&mut self, p: usize, rho: &BigRational) {
        let rho = Amount::new(rho.clone());
        let n = self.projects;
        for &(g, u) in &self.voters.supporters[p] {
            if self.broke[g as usize] {
                continue;
            }
            let m = u128::from(self.voters.multiplicity[g as usize]);
            let ballot = self.voters.ballot(g as usize);
            if self.affords(g, &rho, u) {
                self.bounds[g as usize] = Self::after_paying(self.bounds[g as usize], &rho, u);
                for &(q, _) in ballot {
                    self.weight[q as usize * n + p] += m * u128::from(u);
                }
            } else {
                self.broke[g as usize] = true;
                for &(q, uq) in ballot {
                    let q = q as usize;
                    self.count[q] -= m;
                    self.utility[q] -= m * u128::from(uq);
                    for &(k, uk) in ballot {
                        if self.rho[k as usize].is_some() {
                            self.weight[q * n + k as usize] -= m * u128::from(uk);
                        }
                    }
                }
            }
        }
        self.rho[p] = Some(rho);
        self.funded.push(p);
    }
}
