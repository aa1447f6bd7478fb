//! How many add-one steps ahead a run of MES would decide everything the
//! same way.
//!
//! Within one run every amount is an affine function of the per-voter
//! starting budget b as long as every decision stays the same: which
//! supporters pay all they have, which projects their supporters can
//! afford, which project is cheapest. So each amount is carried as its
//! value at b₀ and its slope, and each decision `x ≥ 0` (or `x < 0`, …)
//! as the affine `x(b) = d + e × (b − b₀)`. The run's outcome is the same
//! for every b at which no decision changes; [`Horizon`] keeps the fewest
//! add-one steps (b₀, b₀ + step, …) over which that is so, and the walk
//! jumps to the first step past it instead of counting every step there.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// What a decision took at b₀, about some `x(b)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Taken {
    /// `x ≥ 0` (it holds at equality too).
    AtLeast,
    /// `x > 0` (equality would change it).
    Above,
    /// `x < 0`.
    Below,
    /// `x = 0` (a tie; it holds only while x stays 0).
    Zero,
}

/// The fewest steps over which every decision seen so far stays taken.
#[derive(Clone, Debug)]
pub(super) struct Horizon {
    step: BigInt,
    steps: u64,
}

impl Horizon {
    /// At most `cap` steps, each `step` apart (in the units of b).
    pub(super) fn new(step: u64, cap: u64) -> Horizon {
        Horizon {
            step: BigInt::from(step),
            steps: cap.max(1),
        }
    }

    /// How many steps from b₀ on (b₀ itself counts) decide the same.
    pub(super) fn steps(&self) -> u64 {
        self.steps
    }

    /// Holds the horizon to at most `steps` (decisions already known to
    /// stand that long).
    pub(super) fn limit(&mut self, steps: u64) {
        self.steps = self.steps.min(steps.max(1));
    }

    /// Whether the decision with value bounds `d` and slope bounds `e`
    /// (both × the same positive scale, as integer intervals) surely
    /// stays taken for the current number of steps; `false` means "work
    /// it out exactly".
    pub(super) fn surely_kept(
        &self,
        taken: Taken,
        d: Option<(i128, i128)>,
        e: Option<(i128, i128)>,
    ) -> bool {
        let (Some((d_lo, d_hi)), Some((e_lo, e_hi))) = (d, e) else {
            return false;
        };
        match taken {
            Taken::AtLeast | Taken::Above if d_lo > 0 => {
                if e_lo >= 0 {
                    return true;
                }
                // Kept while d + e × x stays positive: x < d / |e|.
                let reach = d_lo / e_lo.unsigned_abs().max(1) as i128;
                self.within(reach)
            }
            Taken::Below if d_hi < 0 => {
                if e_hi <= 0 {
                    return true;
                }
                let reach = d_hi.unsigned_abs() as i128 / e_hi.max(1);
                self.within(reach)
            }
            _ => false,
        }
    }

    /// Whether `reach` (in units of b, rounded down) covers every step
    /// kept so far, with one step to spare.
    fn within(&self, reach: i128) -> bool {
        let Some(step) = self.step.to_i128() else {
            return false;
        };
        i128::from(self.steps)
            .checked_mul(step)
            .is_some_and(|needed| needed < reach)
    }

    /// Takes account of the decision exactly: `d` is x(b₀) and `e` its
    /// slope, over the same positive denominator.
    pub(super) fn keep(&mut self, taken: Taken, d: &BigInt, e: &BigInt) {
        self.steps = self.steps.min(self.steps_kept(taken, d, e));
    }

    /// For how many steps the decision would stand (`u64::MAX`: for ever).
    pub(super) fn steps_kept(&self, taken: Taken, d: &BigInt, e: &BigInt) -> u64 {
        let kept = match taken {
            Taken::Zero => {
                if e.is_zero() {
                    return u64::MAX;
                }
                BigInt::from(1u8)
            }
            Taken::AtLeast | Taken::Above => {
                if !e.is_negative() {
                    return u64::MAX;
                }
                // d + e·k·step ≥ 0 ⟺ k ≤ d / (|e|·step); strictly: k < …
                let (quotient, rest) = d.div_mod_floor(&(e.abs() * &self.step));
                if taken == Taken::AtLeast || !rest.is_zero() {
                    quotient + 1u8
                } else {
                    quotient
                }
            }
            Taken::Below => {
                if !e.is_positive() {
                    return u64::MAX;
                }
                // d + e·k·step < 0 ⟺ k < |d| / (e·step).
                let (quotient, rest) = d.abs().div_mod_floor(&(e * &self.step));
                if rest.is_zero() {
                    quotient
                } else {
                    quotient + 1u8
                }
            }
        };
        kept.to_u64().unwrap_or(u64::MAX).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(taken: Taken, d: i64, e: i64, step: u64) -> u64 {
        let mut horizon = Horizon::new(step, 1_000);
        horizon.keep(taken, &BigInt::from(d), &BigInt::from(e));
        horizon.steps()
    }

    #[test]
    fn a_decision_is_kept_until_the_step_where_it_would_change() {
        // x = 10 − 3·b: x ≥ 0 for b = 0, 1, 2, 3 (x = 1); x < 0 from b = 4.
        assert_eq!(kept(Taken::AtLeast, 10, -3, 1), 4);
        // x = 9 − 3·b: ≥ 0 up to b = 3 (x = 0), > 0 only up to b = 2.
        assert_eq!(kept(Taken::AtLeast, 9, -3, 1), 4);
        assert_eq!(kept(Taken::Above, 9, -3, 1), 3);
        // x = −9 + 3·b < 0 for b = 0, 1, 2.
        assert_eq!(kept(Taken::Below, -9, 3, 1), 3);
        assert_eq!(kept(Taken::Below, -10, 3, 1), 4);
        // Steps of 2: x = 10 − 3·b at b = 0, 2 (x = 4); b = 4 gives −2.
        assert_eq!(kept(Taken::AtLeast, 10, -3, 2), 2);
    }

    #[test]
    fn a_tie_is_kept_only_if_it_stays_a_tie_and_moving_away_keeps_everything() {
        assert_eq!(kept(Taken::Zero, 0, 5, 1), 1);
        assert_eq!(kept(Taken::Zero, 0, 0, 1), 1_000);
        assert_eq!(kept(Taken::AtLeast, 10, 3, 1), 1_000);
        assert_eq!(kept(Taken::Below, -10, -3, 1), 1_000);
    }

    #[test]
    fn bounds_decide_only_what_they_can() {
        let horizon = Horizon::new(1, 100);
        // d ≥ 5, slope ≥ 0: kept for ever.
        assert!(horizon.surely_kept(Taken::AtLeast, Some((5, 6)), Some((0, 1))));
        // d ≥ 1000, slope ≥ −2: kept for at least 500 steps.
        assert!(horizon.surely_kept(Taken::AtLeast, Some((1000, 1001)), Some((-2, -1))));
        // d ≥ 100, slope as low as −2: only 50 steps; work it out.
        assert!(!horizon.surely_kept(Taken::AtLeast, Some((100, 101)), Some((-2, -1))));
        assert!(!horizon.surely_kept(Taken::Zero, Some((0, 0)), Some((0, 0))));
        assert!(!horizon.surely_kept(Taken::AtLeast, None, Some((0, 1))));
    }
}
