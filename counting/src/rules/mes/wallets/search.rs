//! Finding a project's price: the smallest ρ with
//! Σ min(money, ρ × utility) = cost over its supporters.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{One, Zero};

use super::super::horizon::Taken;
use super::super::price::Price;
use super::super::signatures::{Interval, Signatures, minus, scaled};
use super::Wallets;

impl Wallets<'_> {
    /// The smallest ρ with Σ min(money, ρ × utility) = `p`'s cost over its
    /// supporters (who must hold at least the cost): the same ρ as
    /// pabutools' scan of supporters poorest first, since the equation
    /// has one solution. Kept as `p`'s last price.
    ///
    /// Found by a rising guess over the supporters' classes: start from a
    /// lower bound; the classes short of guess × utility pay all they
    /// have, the others share the rest equally per unit of utility, which
    /// gives the next guess. The guesses never pass the solution and stop
    /// on it once no further class falls short. What the short classes
    /// hold is summed in the linear form of [`Wallets`].
    pub(in crate::rules::mes) fn price(&mut self, p: usize) -> Price {
        let total_utility = self.utility[p];
        let cost = BigInt::from(self.voters.cost[p]) * &self.den;
        if total_utility == 0 {
            let found = Price::new(cost, BigInt::zero(), 1, &self.den, self.epoch());
            self.last[p] = Some(found.clone());
            return found;
        }
        let classes = self.classes_of(p);
        let lowest = Price::new(
            cost.clone(),
            BigInt::zero(),
            total_utility,
            &self.den,
            self.epoch(),
        );
        // The last price is a lower bound too, and usually a closer one:
        // fewer passes, the same price.
        let start = match &self.last[p] {
            Some(last) if self.compare(last, &lowest) == Ordering::Greater => {
                self.bring(last).into_owned()
            }
            _ => lowest.clone(),
        };
        let from_lowest = start.cmp(&lowest) == Ordering::Equal;
        let found = match self.search(p, &classes, total_utility, &cost, start) {
            (found, true) => found,
            (reached, false) if from_lowest => reached,
            // No one price: answer as the search from cost / utility does,
            // as counts have always done.
            (_, false) => self.search(p, &classes, total_utility, &cost, lowest).0,
        };
        // No decision here is reported to the horizon: with the short
        // classes fixed, the formula found is a lower bound on the price
        // at every starting budget (each class pays at most ρ × utility
        // and at most what it holds), which is all the comparisons with
        // the round's winner need. The winner's own formula is held to
        // its classes when it is paid (`Wallets::pay`).
        self.scratch.classes = classes;
        self.last[p] = Some(found.clone());
        found
    }

    /// The rising-guess search from `guess`, a lower bound on the price:
    /// the price and `true`, or the guess reached and `false` when every
    /// supporter would pay all they have (then the price has no one
    /// value, and which guess is reached depends on where it started).
    fn search(
        &mut self,
        p: usize,
        classes: &[super::Class],
        total_utility: u128,
        cost: &BigInt,
        mut guess: Price,
    ) -> (Price, bool) {
        // Short classes stay short as the guess rises: each pass looks
        // only at those who could still pay the last guess.
        let mut pending: Vec<usize> = (0..classes.len()).collect();
        let mut short = self.short();
        let found = loop {
            pending.retain(|&i| {
                let class = &classes[i];
                if self.affords(class, &guess) {
                    return true;
                }
                short.add(class, &self.sigs);
                false
            });
            let sharing = total_utility - short.utility;
            if sharing == 0 {
                // Everyone pays all they have: a boundary case the
                // horizon does not follow, so the walk takes one step.
                if let Some(horizon) = &mut self.horizon {
                    horizon.keep(Taken::Zero, &BigInt::zero(), &BigInt::one());
                }
                break (guess, false);
            }
            let next = self.priced(p, cost, &short, sharing);
            if next.cmp(&guess) != Ordering::Greater {
                break (next, true);
            }
            guess = next;
        };
        self.done_with(short);
        found
    }

    /// The price at which `p`'s supporters outside the `short` classes
    /// share `cost` (over the common denominator) equally per unit of
    /// utility, `sharing` units in all.
    fn priced(&self, p: usize, cost: &BigInt, short: &Short, sharing: u128) -> Price {
        let (count, weight) = (short.count, &short.weight);
        let mut paid = &self.start * count;
        let mut paid_slope = if self.tracking() {
            &self.den * count
        } else {
            BigInt::zero()
        };
        // Bounds × 2^64 of the same sums, from the bounds of every
        // amount: they spare dividing out the exact price's bounds.
        let mut paid_bounds = scaled(self.start_bounds, count);
        let mut slope_bounds = if self.tracking() {
            scaled(Some((1i128 << 64, 1i128 << 64)), count)
        } else {
            Some((0, 0))
        };
        for &k in &self.funded {
            if weight[k] > 0
                && let Some((rho, rho_slope)) = &self.rho[k]
            {
                paid -= rho * weight[k];
                let (rho_bounds, rho_slope_bounds) = self.rho_bounds[k];
                paid_bounds = minus(paid_bounds, scaled(rho_bounds, weight[k]));
                if self.tracking() {
                    paid_slope -= rho_slope * weight[k];
                    slope_bounds = minus(slope_bounds, scaled(rho_slope_bounds, weight[k]));
                }
            }
        }
        let units = i128::from(self.voters.cost[p]).checked_mul(1i128 << 64);
        let bounds = divided(minus(units.map(|c| (c, c)), paid_bounds), sharing);
        let slope_bounds = divided(minus(Some((0, 0)), slope_bounds), sharing);
        Price::bounded(
            (cost - paid, -paid_slope, sharing),
            &self.den,
            self.epoch(),
            (bounds, slope_bounds),
        )
    }

    /// `p`'s price when it is known which of its classes (in the order
    /// they are gathered) pay all they have: the price a replayed round
    /// found before, in one pass. `None` if `broke` does not fit.
    pub(in crate::rules::mes) fn price_known(&mut self, p: usize, broke: &[bool]) -> Option<Price> {
        let classes = self.classes_of(p);
        let mut short = self.short();
        for (class, _) in classes.iter().zip(broke).filter(|(_, broke)| **broke) {
            short.add(class, &self.sigs);
        }
        let sharing = self.utility[p] - short.utility;
        let cost = BigInt::from(self.voters.cost[p]) * &self.den;
        let price = (classes.len() == broke.len() && sharing > 0)
            .then(|| self.priced(p, &cost, &short, sharing));
        self.done_with(short);
        self.scratch.classes = classes;
        price
    }

    /// `p`'s classes, gathered with the scratch's room (hand the list
    /// back to `scratch.classes` when done, so nothing allocates).
    fn classes_of(&mut self, p: usize) -> Vec<super::Class> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.gather(self.voters, &self.group_sig, p, self.sigs.len());
        let classes = std::mem::take(&mut scratch.classes);
        self.scratch = scratch;
        classes
    }

    /// Nothing summed yet, in the scratch's room for weights.
    fn short(&mut self) -> Short {
        let mut weight = std::mem::take(&mut self.scratch.paid_for);
        weight.resize(self.projects, 0);
        Short {
            count: 0,
            utility: 0,
            weight,
        }
    }

    /// Gives the weights' room back, zeroed (only funded projects are
    /// ever written).
    fn done_with(&mut self, short: Short) {
        let mut weight = short.weight;
        for &k in &self.funded {
            weight[k] = 0;
        }
        self.scratch.paid_for = weight;
    }
}

/// What the short classes of a price search (those paying all they
/// have) add up to.
struct Short {
    /// Their voters.
    count: u128,
    /// Their units of utility for the project being priced.
    utility: u128,
    /// Per funded project k, their units of utility for k.
    weight: Vec<u128>,
}

impl Short {
    fn add(&mut self, class: &super::Class, sigs: &Signatures) {
        self.count += class.voters;
        self.utility += class.voters * u128::from(class.utility);
        for (k, uk) in sigs.entries(class.sig) {
            self.weight[k as usize] += class.voters * u128::from(uk);
        }
    }
}

/// An interval holding `x / d` for every x in `x` (`d` above zero).
fn divided(x: Interval, d: u128) -> Interval {
    let ((lo, hi), d) = (x?, i128::try_from(d).ok()?);
    let ceil = hi.checked_neg()?.div_euclid(d).checked_neg()?;
    Some((lo.div_euclid(d), ceil))
}
