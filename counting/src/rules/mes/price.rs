//! A price per unit of utility during one MES run, exactly, with its
//! slope in the per-voter budget (see [`super::horizon`]) and integer
//! bounds that decide most comparisons without the exact numbers.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::horizon::{Horizon, Taken};
use super::signatures::Interval;

/// Integer bounds of `num / div` × 2^64, if they fit.
pub(super) fn bounds_of(num: &BigInt, div: &BigInt) -> Option<(i128, i128)> {
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

/// `num / (den × div)` and its slope `slope / (den × div)`, over the run's
/// common denominator `den` as it was after `epoch` fundings (see
/// `Wallets::pay`), with bounds of both × 2^64 (which never change).
#[derive(Clone, Debug)]
pub(super) struct Price {
    pub(super) num: BigInt,
    pub(super) slope: BigInt,
    pub(super) div: u128,
    pub(super) bounds: Option<(i128, i128)>,
    pub(super) slope_bounds: Option<(i128, i128)>,
    pub(super) epoch: usize,
}

impl Price {
    /// The price `num / (den × div)` with slope `slope / (den × div)`,
    /// `den` being the common denominator after `epoch` fundings.
    pub(super) fn new(num: BigInt, slope: BigInt, div: u128, den: &BigInt, epoch: usize) -> Price {
        Price::bounded((num, slope, div), den, epoch, (None, None))
    }

    /// The same, with bounds worked out by the caller (a wider interval
    /// than the exact one is fine; `None` asks for the exact one).
    pub(super) fn bounded(
        (num, slope, div): (BigInt, BigInt, u128),
        den: &BigInt,
        epoch: usize,
        (bounds, slope_bounds): (Interval, Interval),
    ) -> Price {
        let (bounds, slope_bounds) = if bounds.is_none() || slope_bounds.is_none() {
            let whole = den * div;
            let slope_bounds = if slope.is_zero() {
                Some((0, 0))
            } else {
                bounds_of(&slope, &whole)
            };
            (bounds_of(&num, &whole), slope_bounds)
        } else {
            (bounds, slope_bounds)
        };
        Price {
            num,
            slope,
            div,
            bounds,
            slope_bounds,
            epoch,
        }
    }

    /// The order of two prices if their bounds tell it.
    pub(super) fn cmp_bounds(&self, other: &Price) -> Option<Ordering> {
        let ((a_lo, a_hi), (b_lo, b_hi)) = (self.bounds?, other.bounds?);
        if a_hi < b_lo {
            Some(Ordering::Less)
        } else if a_lo > b_hi {
            Some(Ordering::Greater)
        } else {
            None
        }
    }

    /// Compares two prices of the same epoch.
    pub(super) fn cmp(&self, other: &Price) -> Ordering {
        debug_assert_eq!(self.epoch, other.epoch, "prices over one denominator");
        self.cmp_bounds(other)
            .unwrap_or_else(|| (&self.num * other.div).cmp(&(&other.num * self.div)))
    }

    /// Whether the bounds show that `self` vs `cheaper`, decided as
    /// `taken`, stands for every step `horizon` still counts.
    pub(super) fn surely_above(&self, cheaper: &Price, taken: Taken, horizon: &Horizon) -> bool {
        let gap = |a: Option<(i128, i128)>, b: Option<(i128, i128)>| {
            let ((a_lo, a_hi), (b_lo, b_hi)) = (a?, b?);
            Some((a_lo.checked_sub(b_hi)?, a_hi.checked_sub(b_lo)?))
        };
        let d = gap(self.bounds, cheaper.bounds);
        let e = gap(self.slope_bounds, cheaper.slope_bounds);
        horizon.surely_kept(taken, d, e)
    }

    /// For how many of `horizon`'s steps `self` vs `cheaper` (of the same
    /// epoch), decided as `taken` (`self − cheaper` above zero, or zero
    /// for a tie broken for `cheaper`), stands.
    pub(super) fn steps_above(&self, cheaper: &Price, taken: Taken, horizon: &Horizon) -> u64 {
        debug_assert_eq!(self.epoch, cheaper.epoch, "prices over one denominator");
        let d = &self.num * cheaper.div - &cheaper.num * self.div;
        let e = &self.slope * cheaper.div - &cheaper.slope * self.div;
        horizon.steps_kept(taken, &d, &e)
    }

    /// The same price over the denominator of `epoch`, which is this
    /// one's times `factor`.
    pub(super) fn rescaled(&self, factor: &BigInt, epoch: usize) -> Price {
        Price {
            num: &self.num * factor,
            slope: if self.slope.is_zero() {
                BigInt::zero()
            } else {
                &self.slope * factor
            },
            epoch,
            ..self.clone()
        }
    }
}
