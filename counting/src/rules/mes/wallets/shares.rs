//! What the transcript says about money: how a funded project's cost was
//! shared among its supporters, and what a dropped project's supporters
//! still held. Only a recorded run asks (so exact sums cost nothing in
//! the add-one walk's many unrecorded runs).

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::super::price::Price;
use super::Wallets;

/// How paying a project's price split among its supporters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::rules::mes) struct Split {
    /// Supporters who paid ρ × their utility.
    pub in_full: u64,
    /// What they paid together, in minor units.
    pub in_full_paid: BigRational,
    /// Supporters who paid all the money they had left, which was less.
    pub all_left: u64,
    /// What they paid together, in minor units.
    pub all_left_paid: BigRational,
}

impl Wallets<'_> {
    /// How many voters support `p`, and the money they hold together, in
    /// minor units (voters who spent everything hold nothing).
    pub(in crate::rules::mes) fn holdings(&self, p: usize) -> (u64, BigRational) {
        let mut total = &self.start * self.count[p];
        for &k in &self.funded {
            let w = self.weight[self.row[k] + p];
            if w > 0
                && let Some((rho, _)) = &self.rho[k]
            {
                total -= rho * w;
            }
        }
        let supporters = self.voters.supporter_count[p].to_u64().unwrap_or(u64::MAX);
        (supporters, BigRational::new(total, self.den.clone()))
    }

    /// How `p`'s supporters would pay `rho` for it (call before paying).
    pub(in crate::rules::mes) fn split(&mut self, p: usize, rho: &Price) -> Split {
        let mut scratch = std::mem::take(&mut self.scratch);
        if scratch.gathered != Some(p) {
            scratch.gather(self.voters, &self.group_sig, p, self.sigs.len());
        }
        let (mut in_full, mut all_left) = (0u128, 0u128);
        let (mut full_paid, mut left_paid) = (BigInt::zero(), BigInt::zero());
        for class in &scratch.classes {
            if self.affords(class, rho) {
                in_full += class.voters;
                full_paid += &rho.num * class.utility * class.voters;
            } else {
                all_left += class.voters;
                left_paid += self.money(class.sig).0 * class.voters;
            }
        }
        self.scratch = scratch;
        let div = BigInt::from(rho.div);
        Split {
            in_full: in_full.to_u64().unwrap_or(u64::MAX),
            in_full_paid: BigRational::new(full_paid, &self.den * div),
            all_left: all_left.to_u64().unwrap_or(u64::MAX),
            all_left_paid: BigRational::new(left_paid, self.den.clone()),
        }
    }
}
