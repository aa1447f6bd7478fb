//! The voters' money during one MES run, kept so that most questions cost
//! integer work and the exact answers cost no greatest common divisor.
//!
//! Every amount of a run is an integer numerator over one common
//! denominator `den`: the starting money, each funded project's price ρ,
//! and every group's money. A price being computed is `num / (den × div)`
//! with a small integer `div` (the utility sharing the cost). Funding a
//! project at such a price multiplies `den` and every stored numerator by
//! its `div` (first divided by what it shares with the numerators), so
//! sums and comparisons are integer multiplications by machine words,
//! never the normalisation of a fraction.
//!
//! A group that has never paid less than its full share holds exactly
//! `start − Σ ρ_k × u_k` over the funded projects k on its ballot; a group
//! that once paid all it had holds nothing from then on. So each project's
//! supporters hold `N × start − Σ_k ρ_k × W_k`, with integer counts N and
//! integer weights W kept up to date as projects are funded. Whether one
//! group can pay ρ × u is first decided from integer bounds of every
//! amount × 2^64, and exactly only when the bounds cannot tell.
//!
//! With a [`Horizon`], every amount also carries its slope in the starting
//! money (the starting money's own slope is 1, so its numerator is `den`),
//! and every decision is reported to the horizon.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

use super::horizon::{Horizon, Taken};
use super::price::{Price, bounds_of};
use super::voters::Voters;

/// `x − y` of two integer intervals, if it fits.
fn minus(x: Option<(i128, i128)>, y: Option<(i128, i128)>) -> Option<(i128, i128)> {
    let ((x_lo, x_hi), (y_lo, y_hi)) = (x?, y?);
    Some((x_lo.checked_sub(y_hi)?, x_hi.checked_sub(y_lo)?))
}

/// `x × u` of an integer interval, if it fits.
fn times(x: Option<(i128, i128)>, u: u64) -> Option<(i128, i128)> {
    let (lo, hi) = x?;
    let u = i128::from(u);
    Some((lo.checked_mul(u)?, hi.checked_mul(u)?))
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
    /// Per group, bounds of its money's slope × 2^64 (when tracking).
    slope_bounds: Vec<Option<(i128, i128)>>,
    /// ρ of each funded project, over `den`, and its slope.
    rho: Vec<Option<(BigInt, BigInt)>>,
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
    /// The decisions' horizon, when the walk wants it.
    pub(super) horizon: Option<Horizon>,
    /// Room for a price search's supporters and weights, kept between
    /// searches so that none allocates.
    pending: Vec<(u32, u64)>,
    short_weight: Vec<u128>,
}

impl<'a> Wallets<'a> {
    /// Every group starting with `start`; with a `horizon`, every amount
    /// carries its slope and every decision is reported to it.
    pub(super) fn new(
        voters: &'a Voters,
        start: &BigRational,
        projects: usize,
        horizon: Option<Horizon>,
    ) -> Wallets<'a> {
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
        let one = Some((1i128 << 64, 1i128 << 64));
        let mut wallets = Wallets {
            voters,
            projects,
            start: start.numer().clone(),
            den,
            broke: vec![false; voters.groups()],
            bounds: vec![start_bounds; voters.groups()],
            slope_bounds: vec![one; voters.groups()],
            rho: vec![None; projects],
            funded: Vec::new(),
            last: vec![None; projects],
            count,
            utility: voters.total_utility.clone(),
            weight: vec![0; projects * projects],
            horizon,
            pending: Vec::new(),
            short_weight: Vec::new(),
        };
        for p in voters.candidates() {
            let cost = BigInt::from(voters.cost[p]) * &wallets.den;
            let first = Price::new(cost, BigInt::zero(), voters.total_utility[p], &wallets.den);
            wallets.last[p] = Some(first);
        }
        wallets
    }

    fn tracking(&self) -> bool {
        self.horizon.is_some()
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

    /// `group`'s money and its slope, over `den`.
    fn money(&self, group: u32) -> (BigInt, BigInt) {
        if self.broke[group as usize] {
            return (BigInt::zero(), BigInt::zero());
        }
        let mut money = self.start.clone();
        let mut slope = if self.tracking() {
            self.den.clone()
        } else {
            BigInt::zero()
        };
        for &(k, u) in self.voters.ballot(group as usize) {
            if let Some((rho, rho_slope)) = &self.rho[k as usize] {
                money -= rho * u;
                if self.tracking() {
                    slope -= rho_slope * u;
                }
            }
        }
        (money, slope)
    }

    /// Bounds of `group`'s money × 2^64 and of its slope.
    fn money_bounds(&self, group: u32) -> (Option<(i128, i128)>, Option<(i128, i128)>) {
        if self.broke[group as usize] {
            return (Some((0, 0)), Some((0, 0)));
        }
        (
            self.bounds[group as usize],
            self.slope_bounds[group as usize],
        )
    }

    /// Whether `group` can pay `price` × `utility` in full.
    fn affords(&self, group: u32, price: &Price, utility: u64) -> bool {
        let (money, _) = self.money_bounds(group);
        if let Some((lo, hi)) = minus(money, times(price.bounds, utility)) {
            if lo >= 0 {
                return true;
            }
            if hi < 0 {
                return false;
            }
        }
        self.money(group).0 * price.div >= &price.num * utility
    }

    /// Whether `group` can pay `price` × `utility`, reported to the
    /// horizon.
    fn affords_tracked(&mut self, group: u32, price: &Price, utility: u64) -> bool {
        let affords = self.affords(group, price, utility);
        let Some(horizon) = &self.horizon else {
            return affords;
        };
        let taken = if affords {
            Taken::AtLeast
        } else {
            Taken::Below
        };
        let (money, slope) = self.money_bounds(group);
        let d = minus(money, times(price.bounds, utility));
        let e = minus(slope, times(price.slope_bounds, utility));
        if horizon.surely_kept(taken, d, e) {
            return affords;
        }
        let (money, slope) = self.money(group);
        let d = money * price.div - &price.num * utility;
        let e = slope * price.div - &price.slope * utility;
        if let Some(horizon) = &mut self.horizon {
            horizon.keep(taken, &d, &e);
        }
        affords
    }

    /// Whether `p`'s supporters hold at least its cost in all (reported
    /// to the horizon).
    pub(super) fn affordable(&mut self, p: usize) -> bool {
        let mut total = &self.start * self.count[p];
        let mut slope = if self.tracking() {
            &self.den * self.count[p]
        } else {
            BigInt::zero()
        };
        for &k in &self.funded {
            let w = self.weight[p * self.projects + k];
            if w > 0
                && let Some((rho, rho_slope)) = &self.rho[k]
            {
                total -= rho * w;
                if self.tracking() {
                    slope -= rho_slope * w;
                }
            }
        }
        let gap = total - BigInt::from(self.voters.cost[p]) * &self.den;
        let affordable = !gap.is_negative();
        if let Some(horizon) = &mut self.horizon {
            let taken = if affordable {
                Taken::AtLeast
            } else {
                Taken::Below
            };
            horizon.keep(taken, &gap, &slope);
        }
        affordable
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
            let found = Price::new(cost, BigInt::zero(), 1, &self.den);
            self.last[p] = Some(found.clone());
            return found;
        }
        let lowest = Price::new(cost.clone(), BigInt::zero(), total_utility, &self.den);
        // The last price is a lower bound too, and usually a closer one:
        // fewer passes, the same price.
        let start = match &self.last[p] {
            Some(last) if last.cmp(&lowest) == Ordering::Greater => last.clone(),
            _ => lowest.clone(),
        };
        let from_lowest = start.cmp(&lowest) == Ordering::Equal;
        let found = match self.search(p, &cost, start) {
            Ok(found) => found,
            Err(reached) if from_lowest => reached,
            // No one price: answer as the search from cost / utility does,
            // as counts have always done.
            Err(_) => match self.search(p, &cost, lowest) {
                Ok(found) | Err(found) => found,
            },
        };
        if self.tracking() {
            // Who pays all they have decides the price's formula: the
            // formula holds while each supporter stays on its side.
            let voters = self.voters;
            for &(g, u) in &voters.supporters[p] {
                if !self.broke[g as usize] {
                    self.affords_tracked(g, &found, u);
                }
            }
        }
        self.last[p] = Some(found.clone());
        found
    }

    /// The rising-guess search from `guess`, a lower bound on the price;
    /// `Err` with the guess reached when every supporter would pay all
    /// they have (then the price has no one value, and which guess is
    /// reached depends on where the search started).
    fn search(&mut self, p: usize, cost: &BigInt, mut guess: Price) -> Result<Price, Price> {
        let total_utility = self.utility[p];
        // Short supporters stay short as the guess rises: each pass looks
        // only at those who could still pay the last guess.
        let mut pending = std::mem::take(&mut self.pending);
        pending.clear();
        pending.extend(
            self.voters.supporters[p]
                .iter()
                .filter(|&&(g, _)| !self.broke[g as usize])
                .copied(),
        );
        let mut weight = std::mem::take(&mut self.short_weight);
        weight.clear();
        weight.resize(self.projects, 0);
        let mut count: u128 = 0;
        let mut utility: u128 = 0;
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
                // Everyone pays all they have: a boundary case the
                // horizon does not follow, so the walk takes one step.
                if let Some(horizon) = &mut self.horizon {
                    horizon.keep(Taken::Zero, &BigInt::zero(), &BigInt::one());
                }
                break Err(guess);
            }
            let mut paid = &self.start * count;
            let mut paid_slope = if self.tracking() {
                &self.den * count
            } else {
                BigInt::zero()
            };
            for &k in &self.funded {
                if weight[k] > 0
                    && let Some((rho, rho_slope)) = &self.rho[k]
                {
                    paid -= rho * weight[k];
                    if self.tracking() {
                        paid_slope -= rho_slope * weight[k];
                    }
                }
            }
            let next = Price::new(cost - paid, -paid_slope, sharing, &self.den);
            if next.cmp(&guess) != Ordering::Greater {
                break Ok(next);
            }
            guess = next;
        };
        self.pending = pending;
        self.short_weight = weight;
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
                let g = g as usize;
                self.bounds[g] = minus(self.bounds[g], times(rho.bounds, u));
                if self.horizon.is_some() {
                    self.slope_bounds[g] = minus(self.slope_bounds[g], times(rho.slope_bounds, u));
                }
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
        // ρ = num / (den × div): take out what num, its slope and div
        // share (cheap: div is a machine word), then make den × div the
        // new common denominator of every amount.
        let div = BigInt::from(rho.div);
        let mut common = (&rho.num % &div).gcd(&div);
        if !rho.slope.is_zero() {
            common = common.gcd(&(&rho.slope % &div));
        }
        let (num, slope, div) = if common > BigInt::one() {
            (&rho.num / &common, &rho.slope / &common, &div / &common)
        } else {
            (rho.num.clone(), rho.slope.clone(), div)
        };
        self.den *= &div;
        self.start *= &div;
        for k in &self.funded {
            if let Some((r, r_slope)) = &mut self.rho[*k] {
                *r *= &div;
                *r_slope *= &div;
            }
        }
        for price in self.last.iter_mut().flatten() {
            price.rescale(&div);
        }
        self.rho[p] = Some((num, slope));
        self.funded.push(p);
    }
}
