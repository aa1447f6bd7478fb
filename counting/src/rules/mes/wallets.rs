//! The voters' money during one MES run, kept so that most questions cost
//! integer work and the exact answers cost no greatest common divisor.
//!
//! Every amount of a run is an integer numerator over one common
//! denominator `den`: the starting money, each funded project's price ρ,
//! and every group's money. A price being computed is `num / (den × div)`
//! with a small integer `div` (the utility sharing the cost). Funding a
//! project at such a price multiplies `den` and every stored numerator by
//! its `div` (first divided by what it shares with `num`), so sums and
//! comparisons are integer multiplications by machine words, never the
//! normalisation of a fraction.
//!
//! A group that has never paid less than its full share holds exactly
//! `start − Σ ρ_k × u_k` over the funded projects k on its ballot; a group
//! that once paid all it had holds nothing from then on. So each project's
//! supporters hold `N × start − Σ_k ρ_k × W_k`, with integer counts N and
//! integer weights W kept up to date as projects are funded. Whether one
//! group can pay ρ × u is first decided from integer bounds of every
//! amount × 2^64, and exactly only when the bounds cannot tell.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::voters::Voters;

/// Integer bounds of `num / div` × 2^64, if they fit.
fn bounds_of(num: &BigInt, div: &BigInt) -> Option<(i128, i128)> {
    let (floor, rest) = (num << 64u32).div_mod_floor(div);
    let low = floor.to_i128()?;
    Some((
        low,
        if rest.is_zero() {
            low
        } else {
            low.checked_add(1)?
        },
    ))
}

/// A price per unit of utility, `num / (den × div)` over the run's common
/// denominator `den` at the time (see [`Wallets::pay`]).
#[derive(Clone, Debug)]
pub(super) struct Price {
    num: BigInt,
    div: u128,
    bounds: Option<(i128, i128)>,
}

impl Price {
    fn new(num: BigInt, div: u128, den: &BigInt) -> Price {
        let bounds = bounds_of(&num, &(den * div));
        Price { num, div, bounds }
    }

    /// Compares two prices of the same run and round.
    pub(super) fn cmp(&self, other: &Price) -> Ordering {
        if let (Some((a_lo, a_hi)), Some((b_lo, b_hi))) = (self.bounds, other.bounds) {
            if a_hi < b_lo {
                return Ordering::Less;
            }
            if a_lo > b_hi {
                return Ordering::Greater;
            }
        }
        (&self.num * other.div).cmp(&(&other.num * self.div))
    }
}

pub(super) struct Wallets<'a> {
    voters: &'a Voters,
    projects: usize,
    /// The common denominator of every amount.
    den: BigInt,
    /// Each voter's starting money, over `den`.
    start: BigInt,
    /// Groups that once paid all they had (and hold nothing now).
    broke: Vec<bool>,
    /// Per group, bounds of its money × 2^64 (`None` once they overflow).
    bounds: Vec<Option<(i128, i128)>>,
    /// ρ of each funded project, over `den`.
    rho: Vec<Option<BigInt>>,
    /// Bounds of each funded project's ρ × 2^64.
    rho_bounds: Vec<Option<(i128, i128)>>,
    funded: Vec<usize>,
    /// Per project: the last price computed, a lower bound on its next.
    last: Vec<Option<Price>>,
    /// Per project: voters among its supporters who are not broke.
    count: Vec<u128>,
    /// Per project: Σ multiplicity × utility over those voters.
    utility: Vec<u128>,
    /// weight[p × projects + k]: Σ multiplicity × utility for k over p's
    /// supporters who are not broke and paid for k.
    weight: Vec<u128>,
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
        let den = start.denom().clone();
        let start_bounds = bounds_of(start.numer(), &den);
        let mut wallets = Wallets {
            voters,
            projects,
            start: start.numer().clone(),
            den,
            broke: vec![false; voters.groups()],
            bounds: vec![start_bounds; voters.groups()],
            rho: vec![None; projects],
            rho_bounds: vec![None; projects],
            funded: Vec::new(),
            last: vec![None; projects],
            count,
            utility: voters.total_utility.clone(),
            weight: vec![0; projects * projects],
        };
        for p in voters.candidates() {
            let first = wallets.lowest_price(p);
            wallets.last[p] = Some(first);
        }
        wallets
    }

    /// cost / total utility: no price of `p` is ever lower.
    fn lowest_price(&self, p: usize) -> Price {
        let cost = BigInt::from(self.voters.cost[p]);
        Price::new(cost * &self.den, self.voters.total_utility[p], &self.den)
    }

    /// The last price computed for `p` (at first cost / total utility),
    /// a lower bound on its price in any later round.
    pub(super) fn last_price(&self, p: usize) -> &Price {
        self.last[p]
            .as_ref()
            .unwrap_or_else(|| unreachable!("every candidate has a price from the start"))
    }

    /// `price` exactly, in lowest terms (for the transcript).
    pub(super) fn exact(&self, price: &Price) -> BigRational {
        BigRational::new(price.num.clone(), &self.den * price.div)
    }

    /// `group`'s money, over `den`.
    fn money(&self, group: u32) -> BigInt {
        if self.broke[group as usize] {
            return BigInt::zero();
        }
        let mut money = self.start.clone();
        for &(k, u) in self.voters.ballot(group as usize) {
            if let Some(rho) = &self.rho[k as usize] {
                money -= rho * u;
            }
        }
        money
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
        rho: Option<(i128, i128)>,
        utility: u64,
    ) -> Option<(i128, i128)> {
        let (lo, hi) = money?;
        let (rho_lo, rho_hi) = rho?;
        let u = i128::from(utility);
        Some((
            lo.checked_sub(rho_hi.checked_mul(u)?)?,
            hi.checked_sub(rho_lo.checked_mul(u)?)?,
        ))
    }

    /// Whether `group` can pay `price` × `utility` in full.
    fn affords(&self, group: u32, price: &Price, utility: u64) -> bool {
        if let (Some((lo, hi)), Some((rho_lo, rho_hi))) = (self.money_bounds(group), price.bounds) {
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
        self.money(group) * price.div >= &price.num * utility
    }

    /// Whether `p`'s supporters hold at least its cost in all.
    pub(super) fn affordable(&self, p: usize) -> bool {
        let mut total = &self.start * self.count[p];
        for &k in &self.funded {
            let w = self.weight[p * self.projects + k];
            if w > 0
                && let Some(rho) = &self.rho[k]
            {
                total -= rho * w;
            }
        }
        total >= BigInt::from(self.voters.cost[p]) * &self.den
    }

    /// The smallest ρ with Σ min(money, ρ × utility) = `p`'s cost over its
    /// supporters (who must hold at least the cost): the same ρ as
    /// pabutools' scan of supporters poorest first, since the equation
    /// has one solution. Kept as `p`'s last price.
    ///
    /// Found by a rising guess: start from cost / utility; the supporters
    /// short of guess × utility pay all they have, the others share the
    /// rest equally per unit of utility, which gives the next guess. The
    /// guesses never pass the solution and stop on it once no further
    /// supporter falls short. What the short supporters hold is summed in
    /// the linear form of [`Wallets`], so no one's money is computed alone.
    pub(super) fn price(&mut self, p: usize) -> Price {
        let total_utility = self.utility[p];
        let cost = BigInt::from(self.voters.cost[p]) * &self.den;
        if total_utility == 0 {
            let found = Price::new(cost, 1, &self.den);
            self.last[p] = Some(found.clone());
            return found;
        }
        let n = self.projects;
        let mut guess = Price::new(cost.clone(), total_utility, &self.den);
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
        let found = loop {
            pending.retain(|&(g, u)| {
                if self.affords(g, &guess, u) {
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
                break guess;
            }
            let mut paid = &self.start * count;
            for &k in &self.funded {
                if weight[k] > 0
                    && let Some(rho) = &self.rho[k]
                {
                    paid -= rho * weight[k];
                }
            }
            let next = Price::new(&cost - paid, sharing, &self.den);
            if next.cmp(&guess) != Ordering::Greater {
                break next;
            }
            guess = next;
        };
        self.last[p] = Some(found.clone());
        found
    }

    /// `p` is funded at `rho`: every supporter pays min(money, ρ × utility).
    pub(super) fn pay(&mut self, p: usize, rho: &Price) {
        let n = self.projects;
        for &(g, u) in &self.voters.supporters[p] {
            if self.broke[g as usize] {
                continue;
            }
            let m = u128::from(self.voters.multiplicity[g as usize]);
            let ballot = self.voters.ballot(g as usize);
            if self.affords(g, rho, u) {
                self.bounds[g as usize] =
                    Self::after_paying(self.bounds[g as usize], rho.bounds, u);
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
        // ρ = num / (den × div): take out what num and div share (cheap:
        // div is a machine word), then make den × div the new common
        // denominator of every amount.
        let div = BigInt::from(rho.div);
        let common = (&rho.num % &div).gcd(&div);
        let (num, div) = if common > BigInt::from(1u8) {
            (&rho.num / &common, &div / &common)
        } else {
            (rho.num.clone(), div)
        };
        self.den *= &div;
        self.start *= &div;
        for k in &self.funded {
            if let Some(r) = &mut self.rho[*k] {
                *r *= &div;
            }
        }
        for price in self.last.iter_mut().flatten() {
            price.num *= &div;
        }
        self.rho[p] = Some(num);
        self.rho_bounds[p] = rho.bounds;
        self.funded.push(p);
    }
}
