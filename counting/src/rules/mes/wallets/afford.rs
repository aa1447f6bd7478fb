//! Whether a project's supporters still hold its cost in all: bounds
//! first (kept up to date in [`super::owed`]), the exact sum when they
//! cannot tell, and what was decided reported to the horizon.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::super::horizon::Taken;
use super::super::signatures::{Interval, minus, scaled};
use super::Wallets;

impl Wallets<'_> {
    /// Bounds × 2^64 of what `p`'s supporters hold beyond its cost, and
    /// of its slope.
    fn surplus_bounds(&self, p: usize) -> (Interval, Interval) {
        let count = self.count[p];
        let one = Some((1i128 << 64, 1i128 << 64));
        let cost = i128::from(self.voters.cost[p]).checked_mul(1i128 << 64);
        let mut money = minus(scaled(self.start_bounds, count), cost.map(|c| (c, c)));
        let mut slope = scaled(one, count);
        if let Some((owed, owed_slope)) = self.owed.of(p) {
            return (minus(money, owed), minus(slope, owed_slope));
        }
        for &k in &self.funded {
            let w = self.weight[self.row[k] + p];
            if w != 0 {
                let (rho, rho_slope) = self.rho_bounds[k];
                money = minus(money, scaled(rho, w));
                slope = minus(slope, scaled(rho_slope, w));
            }
        }
        (money, slope)
    }

    /// Whether `p`'s supporters hold at least its cost in all. Bounds
    /// decide it when they can. A project found unaffordable is dropped,
    /// so that is reported to the horizon; being affordable matters only
    /// for the project funded, which [`Wallets::keep_affordable`] reports.
    pub(in crate::rules::mes) fn affordable(&mut self, p: usize) -> bool {
        self.affordability(p, false)
    }

    /// Reports to the horizon that `p` (funded this round) is affordable.
    pub(in crate::rules::mes) fn keep_affordable(&mut self, p: usize) {
        self.affordability(p, true);
    }

    fn affordability(&mut self, p: usize, report_affordable: bool) -> bool {
        let (money, slope) = self.surplus_bounds(p);
        let decided = match money {
            Some((lo, _)) if lo >= 0 => Some(true),
            Some((_, hi)) if hi < 0 => Some(false),
            _ => None,
        };
        if let Some(affordable) = decided {
            let taken = if affordable {
                Taken::AtLeast
            } else {
                Taken::Below
            };
            match &self.horizon {
                None => return affordable,
                _ if affordable && !report_affordable => return affordable,
                Some(horizon) if horizon.surely_kept(taken, money, slope) => return affordable,
                Some(_) => {}
            }
        }
        let mut total = &self.start * self.count[p];
        let mut slope = if self.tracking() {
            &self.den * self.count[p]
        } else {
            BigInt::zero()
        };
        for &k in &self.funded {
            let w = self.weight[self.row[k] + p];
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
        if affordable && !report_affordable {
            return affordable;
        }
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
}
