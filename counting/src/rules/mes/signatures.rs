//! What each group of voters has paid for, as a signature: the funded
//! projects on its ballot, with its utility for each. Every voter who has
//! paid in full for each of them holds `start − Σ ρ_k × u_k`, so groups
//! with one signature hold the same money: a price is found over the few
//! signatures among a project's supporters instead of over every group.
//!
//! Signatures form a tree: a signature is its parent plus the project
//! just funded. Each keeps integer bounds of its money × 2^64 (and of the
//! money's slope in the starting budget), so most decisions need no exact
//! number; the exact money is summed along the chain when they do.

use num_bigint::BigInt;

/// An integer interval, `None` once it no longer fits in 128 bits.
pub(super) type Interval = Option<(i128, i128)>;

/// `x − y` of two intervals.
pub(super) fn minus(x: Interval, y: Interval) -> Interval {
    let ((x_lo, x_hi), (y_lo, y_hi)) = (x?, y?);
    Some((x_lo.checked_sub(y_hi)?, x_hi.checked_sub(y_lo)?))
}

/// `x × u` of an interval.
pub(super) fn times(x: Interval, u: u64) -> Interval {
    let (lo, hi) = x?;
    let u = i128::from(u);
    Some((lo.checked_mul(u)?, hi.checked_mul(u)?))
}

/// `x × n` of an interval (`None` if `n` or the product does not fit).
pub(super) fn scaled(x: Interval, n: u128) -> Interval {
    let ((lo, hi), n) = (x?, i128::try_from(n).ok()?);
    Some((lo.checked_mul(n)?, hi.checked_mul(n)?))
}

/// The mark of a group that once paid all it had (and holds nothing).
pub(super) const BROKE: u32 = u32::MAX;

/// One signature: its parent, the project that extends it and the
/// utility for it, and bounds of the money it leaves.
#[derive(Clone, Debug)]
struct Signature {
    parent: u32,
    project: u32,
    utility: u64,
    bounds: Interval,
    slope_bounds: Interval,
}

/// Every signature of one run; the first is the empty one.
#[derive(Clone, Debug)]
pub(super) struct Signatures(Vec<Signature>);

impl Signatures {
    /// The empty signature holds the starting money, whose slope is 1.
    pub(super) fn new(start_bounds: Interval) -> Signatures {
        Signatures(vec![Signature {
            parent: BROKE,
            project: BROKE,
            utility: 0,
            bounds: start_bounds,
            slope_bounds: Some((1i128 << 64, 1i128 << 64)),
        }])
    }

    /// How many there are (ids run from 0).
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Bounds of the money of a voter with signature `id`, and of its
    /// slope.
    pub(super) fn bounds(&self, id: u32) -> (Interval, Interval) {
        let sig = &self.0[id as usize];
        (sig.bounds, sig.slope_bounds)
    }

    /// `id` extended by paying `rho` (with bounds `rho_bounds`) times
    /// `utility` for `project`: a new signature.
    pub(super) fn extend(
        &mut self,
        id: u32,
        project: u32,
        utility: u64,
        rho_bounds: (Interval, Interval),
    ) -> u32 {
        let (bounds, slope_bounds) = self.bounds(id);
        self.0.push(Signature {
            parent: id,
            project,
            utility,
            bounds: minus(bounds, times(rho_bounds.0, utility)),
            slope_bounds: minus(slope_bounds, times(rho_bounds.1, utility)),
        });
        u32::try_from(self.0.len() - 1).unwrap_or(BROKE)
    }

    /// The (project, utility) pairs of signature `id`, newest first.
    pub(super) fn entries(&self, mut id: u32) -> impl Iterator<Item = (u32, u64)> + '_ {
        std::iter::from_fn(move || {
            let sig = self.0.get(id as usize)?;
            if sig.parent == BROKE {
                return None;
            }
            id = sig.parent;
            Some((sig.project, sig.utility))
        })
    }

    /// The exact money of signature `id` and its slope, over the run's
    /// common denominator: `start − Σ ρ_k × u_k`.
    pub(super) fn money(
        &self,
        id: u32,
        start: &BigInt,
        start_slope: &BigInt,
        rho: &[Option<(BigInt, BigInt)>],
    ) -> (BigInt, BigInt) {
        let mut money = start.clone();
        let mut slope = start_slope.clone();
        for (k, u) in self.entries(id) {
            if let Some((r, r_slope)) = &rho[k as usize] {
                money -= r * u;
                slope -= r_slope * u;
            }
        }
        (money, slope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_lists_what_it_paid_for_and_bounds_what_is_left() {
        let one = 1i128 << 64;
        let mut sigs = Signatures::new(Some((10 * one, 10 * one)));
        let rho = (Some((one, one)), Some((0, 0)));
        let a = sigs.extend(0, 3, 2, rho);
        let b = sigs.extend(a, 5, 4, rho);
        assert_eq!(sigs.entries(b).collect::<Vec<_>>(), [(5, 4), (3, 2)]);
        assert_eq!(sigs.bounds(b).0, Some((4 * one, 4 * one)));
        let rho_exact = vec![
            None,
            None,
            None,
            Some((BigInt::from(1), BigInt::from(0))),
            None,
            Some((BigInt::from(1), BigInt::from(0))),
        ];
        let (money, slope) = sigs.money(b, &BigInt::from(10), &BigInt::from(1), &rho_exact);
        assert_eq!((money, slope), (BigInt::from(4), BigInt::from(1)));
    }
}
