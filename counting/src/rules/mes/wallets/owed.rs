//! Per project, bounds of what its supporters who still hold money have
//! paid for the projects funded so far (`Σ_k ρ_k × W_k`, × 2^64, and the
//! same for the slopes), kept up to date as each payment changes the
//! weights, so that "can its supporters still afford it?" is answered
//! from bounds without summing over every funded project.

use super::super::signatures::Interval;

/// Bounds of a price × 2^64 and of its slope.
pub(super) type Bounds = (Interval, Interval);

/// The sums, per project (`None` once a sum no longer fits in 128 bits:
/// then it is summed afresh).
#[derive(Clone, Debug)]
pub(super) struct Owed(Vec<Bounds>);

/// `sum + sign × bounds × w`, bound by bound: the low bounds of every term
/// summed, and the high ones, so a term taken away cancels the same term
/// added before exactly.
fn shift(sum: Interval, bounds: Interval, w: u128, sign: i128) -> Interval {
    let ((s_lo, s_hi), (b_lo, b_hi)) = (sum?, bounds?);
    let w = i128::try_from(w).ok()?.checked_mul(sign)?;
    Some((
        s_lo.checked_add(b_lo.checked_mul(w)?)?,
        s_hi.checked_add(b_hi.checked_mul(w)?)?,
    ))
}

impl Owed {
    /// Nothing owed by any of `projects` projects' supporters.
    pub(super) fn new(projects: usize) -> Owed {
        Owed(vec![(Some((0, 0)), Some((0, 0))); projects])
    }

    /// `q`'s supporters now hold `w` more units of utility for a project
    /// funded at a price with `bounds`.
    pub(super) fn add(&mut self, q: usize, (rho, slope): Bounds, w: u128) {
        let (sum, slope_sum) = &mut self.0[q];
        *sum = shift(*sum, rho, w, 1);
        *slope_sum = shift(*slope_sum, slope, w, 1);
    }

    /// `q`'s supporters hold `w` fewer units of utility for it.
    pub(super) fn remove(&mut self, q: usize, (rho, slope): Bounds, w: u128) {
        let (sum, slope_sum) = &mut self.0[q];
        *sum = shift(*sum, rho, w, -1);
        *slope_sum = shift(*slope_sum, slope, w, -1);
    }

    /// The sums for `p`, if they fit.
    pub(super) fn of(&self, p: usize) -> Option<Bounds> {
        let (sum, slope) = self.0[p];
        sum.and(slope).map(|_| (sum, slope))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_taken_away_cancels_the_same_term_added() {
        let mut owed = Owed::new(2);
        owed.add(0, (Some((3, 4)), Some((-1, 0))), 10);
        owed.add(0, (Some((5, 5)), Some((0, 0))), 2);
        owed.remove(0, (Some((3, 4)), Some((-1, 0))), 4);
        assert_eq!(owed.of(0), Some((Some((28, 34)), Some((-6, 0)))));
        assert_eq!(owed.of(1), Some((Some((0, 0)), Some((0, 0)))));
        owed.add(1, (None, Some((0, 0))), 1);
        assert_eq!(owed.of(1), None);
    }
}
