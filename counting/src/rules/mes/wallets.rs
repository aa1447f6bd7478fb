//! The voters' money during one MES run.
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
//! A group holds what its [signature](super::signatures) says, or nothing
//! once it paid all it had; so a price is found over the classes of a
//! project's supporters (one signature, one utility) rather than over
//! every group. Each project's supporters hold `N × start − Σ_k ρ_k × W_k`
//! in all, with integer counts N and weights W kept up to date as
//! projects are funded.
//!
//! With a [`Horizon`], every amount also carries its slope in the starting
//! money (the starting money's own slope is 1, so its numerator is `den`),
//! and every decision is reported to it.

mod afford;
mod classes;
mod owed;
mod search;
mod shares;

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::horizon::{Horizon, Taken};
use super::price::{Price, bounds_of};
use super::signatures::{BROKE, Interval, Signatures, minus, times};
use super::voters::Voters;
use classes::Class;

pub(super) struct Wallets<'a> {
    voters: &'a Voters,
    projects: usize,
    /// The common denominator of every amount.
    den: BigInt,
    /// Each voter's starting money, over `den`.
    start: BigInt,
    /// What each group paid for (or [`BROKE`]).
    group_sig: Vec<u32>,
    sigs: Signatures,
    /// ρ of each funded project, over `den`, and its slope.
    rho: Vec<Option<(BigInt, BigInt)>>,
    /// Bounds of each funded project's ρ × 2^64 and of its slope.
    rho_bounds: Vec<(Interval, Interval)>,
    /// Bounds of the starting money × 2^64.
    start_bounds: Interval,
    funded: Vec<usize>,
    /// What the fundings since each epoch multiplied the common
    /// denominator by: a price of epoch e is brought to the current
    /// denominator by `since[e]` (kept up to date as projects are funded,
    /// a multiplication by a machine word each, rather than multiplied
    /// out for every price brought).
    since: Vec<BigInt>,
    /// Per project: the last price computed, a lower bound on its next
    /// (of whatever epoch it was computed in).
    last: Vec<Option<Price>>,
    /// Per project: voters among its supporters who are not broke.
    count: Vec<u128>,
    /// Per project: Σ multiplicity × utility over those voters.
    utility: Vec<u128>,
    /// weight[row[k] + p]: Σ multiplicity × utility for k over
    /// p's supporters who are not broke and paid for k; a row for each
    /// funded project only (a table for every pair would be mostly zeros,
    /// written afresh for every run).
    weight: Vec<u128>,
    /// Per project, where its row of `weight` starts once funded.
    row: Vec<usize>,
    /// Per project p: bounds of Σ_k ρ_k × weight[k × projects + p].
    owed: owed::Owed,
    /// The decisions' horizon, when the walk wants it.
    pub(super) horizon: Option<Horizon>,
    /// Room for gathering classes, kept so that nothing allocates.
    scratch: classes::Scratch,
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
        let count = voters.supporter_count.clone();
        let den = start.denom().clone();
        let start_bounds = bounds_of(start.numer(), &den);
        let mut wallets = Wallets {
            voters,
            projects,
            start: start.numer().clone(),
            den,
            group_sig: vec![0; voters.groups()],
            sigs: Signatures::new(start_bounds),
            rho: vec![None; projects],
            rho_bounds: vec![(None, None); projects],
            start_bounds,
            funded: Vec::new(),
            since: Vec::new(),
            last: vec![None; projects],
            count,
            utility: voters.total_utility.clone(),
            weight: Vec::new(),
            row: vec![usize::MAX; projects],
            owed: owed::Owed::new(projects),
            horizon,
            scratch: classes::Scratch::default(),
        };
        for p in voters.candidates() {
            let cost = BigInt::from(voters.cost[p]) * &wallets.den;
            let first = Price::new(
                cost,
                BigInt::zero(),
                voters.total_utility[p],
                &wallets.den,
                0,
            );
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

    /// How many fundings the common denominator has seen.
    fn epoch(&self) -> usize {
        self.funded.len()
    }

    /// `price` over the current common denominator.
    pub(super) fn bring<'p>(&self, price: &'p Price) -> Cow<'p, Price> {
        if price.epoch == self.epoch() {
            return Cow::Borrowed(price);
        }
        Cow::Owned(price.rescaled(&self.since[price.epoch], self.epoch()))
    }

    /// Compares two prices of this run, of any epochs.
    pub(super) fn compare(&self, a: &Price, b: &Price) -> Ordering {
        if let Some(order) = a.cmp_bounds(b) {
            return order;
        }
        if a.epoch == b.epoch {
            return a.cmp(b);
        }
        self.bring(a).cmp(&self.bring(b))
    }

    /// Tells the horizon that `q`'s last price vs `cheaper` was decided
    /// as `taken` (see [`Price::steps_above`]). Where that lower bound
    /// would give way sooner than every decision so far, `q` is priced
    /// now: its price is a closer bound, so a jump is not cut short by a
    /// bound that was merely stale.
    pub(super) fn keep_last_above(&mut self, q: usize, cheaper: &Price, taken: Taken) {
        let Some(mut horizon) = self.horizon.take() else {
            return;
        };
        let dearer = self.last_price(q);
        if !dearer.surely_above(cheaper, taken, &horizon) {
            let cheaper = self.bring(cheaper);
            let mut steps = self.bring(dearer).steps_above(&cheaper, taken, &horizon);
            if steps < horizon.steps() && dearer.epoch < self.epoch() {
                // Priced against a horizon of its own: a boundary case in
                // the search (everyone paying all they have, as when the
                // supporters cannot afford it) keeps the old bound.
                self.horizon = Some(horizon.clone());
                let fresh = self.price(q);
                let boundary = self
                    .horizon
                    .take()
                    .is_none_or(|h| h.steps() < horizon.steps());
                if !boundary {
                    steps = fresh.steps_above(&cheaper, taken, &horizon);
                }
            }
            horizon.limit(steps);
        }
        self.horizon = Some(horizon);
    }

    /// `price` exactly, in lowest terms (for the transcript).
    pub(super) fn exact(&self, price: &Price) -> BigRational {
        let price = self.bring(price).into_owned();
        BigRational::new(price.num, &self.den * price.div)
    }

    /// The money of a voter with signature `sig` and its slope, over `den`.
    fn money(&self, sig: u32) -> (BigInt, BigInt) {
        let start_slope = if self.tracking() {
            self.den.clone()
        } else {
            BigInt::zero()
        };
        self.sigs.money(sig, &self.start, &start_slope, &self.rho)
    }

    /// Whether a voter of `class` can pay `price` × its utility in full.
    fn affords(&self, class: &Class, price: &Price) -> bool {
        let (money, _) = self.sigs.bounds(class.sig);
        if let Some((lo, hi)) = minus(money, times(price.bounds, class.utility)) {
            if lo >= 0 {
                return true;
            }
            if hi < 0 {
                return false;
            }
        }
        self.money(class.sig).0 * price.div >= &price.num * class.utility
    }

    /// Whether a voter of `class` can pay `price` × its utility, reported
    /// to the horizon.
    fn affords_tracked(&mut self, class: &Class, price: &Price) -> bool {
        let affords = self.affords(class, price);
        let Some(horizon) = &self.horizon else {
            return affords;
        };
        let taken = if affords {
            Taken::AtLeast
        } else {
            Taken::Below
        };
        let (money, slope) = self.sigs.bounds(class.sig);
        let d = minus(money, times(price.bounds, class.utility));
        let e = minus(slope, times(price.slope_bounds, class.utility));
        if horizon.surely_kept(taken, d, e) {
            return affords;
        }
        let (money, slope) = self.money(class.sig);
        let d = money * price.div - &price.num * class.utility;
        let e = slope * price.div - &price.slope * class.utility;
        if let Some(horizon) = &mut self.horizon {
            horizon.keep(taken, &d, &e);
        }
        affords
    }

    /// `p` is funded at `rho`: every supporter pays min(money, ρ × utility).
    /// Returns, per class of `p`'s supporters, whether it paid all it had.
    pub(super) fn pay(&mut self, p: usize, rho: &Price) -> Vec<bool> {
        let mut scratch = std::mem::take(&mut self.scratch);
        // Pricing `p` just gathered its classes.
        if scratch.gathered != Some(p) {
            scratch.gather(self.voters, &self.group_sig, p, self.sigs.len());
        }
        // One decision per class; who pays all they have decides
        // everyone's money from here on, so each is reported to the
        // horizon.
        let broke: Vec<bool> = scratch
            .classes
            .iter()
            .map(|class| !self.affords_tracked(class, rho))
            .collect();
        self.scratch = scratch;
        self.pay_known(p, rho, &broke);
        broke
    }

    /// `p` is funded at `rho`, and `broke` tells which of its classes
    /// (as [`Wallets::price_known`] gathered them) pay all they have.
    pub(super) fn pay_known(&mut self, p: usize, rho: &Price, broke: &[bool]) {
        let n = self.projects;
        let voters = self.voters;
        let mut scratch = std::mem::take(&mut self.scratch);
        if scratch.gathered != Some(p) {
            scratch.gather(voters, &self.group_sig, p, self.sigs.len());
        }
        scratch.gathered = None;
        let row = self.weight.len();
        self.weight.resize(row + n, 0);
        self.row[p] = row;
        // One new signature per class that pays in full.
        let next: Vec<u32> = scratch
            .classes
            .iter()
            .zip(broke)
            .map(|(class, &broke)| {
                if broke {
                    BROKE
                } else {
                    self.sigs.extend(
                        class.sig,
                        p as u32,
                        class.utility,
                        (rho.bounds, rho.slope_bounds),
                    )
                }
            })
            .collect();
        for (i, &(g, u)) in voters.supporters[p].iter().enumerate() {
            if self.group_sig[g as usize] == BROKE {
                continue;
            }
            let m = u128::from(voters.multiplicity[g as usize]);
            let ballot = voters.ballot(g as usize);
            let now = next[scratch.class_of(i)];
            self.group_sig[g as usize] = now;
            if now != BROKE {
                for &(q, _) in ballot {
                    self.weight[row + q as usize] += m * u128::from(u);
                }
            } else {
                for &(q, uq) in ballot {
                    let q = q as usize;
                    self.count[q] -= m;
                    self.utility[q] -= m * u128::from(uq);
                    for &(k, uk) in ballot {
                        if self.rho[k as usize].is_some() {
                            self.weight[self.row[k as usize] + q] -= m * u128::from(uk);
                            self.owed
                                .remove(q, self.rho_bounds[k as usize], m * u128::from(uk));
                        }
                    }
                }
            }
        }
        // Nobody had paid for `p` before, so its row of weights is what
        // was added, once per project rather than once per group.
        for q in 0..n {
            let added = self.weight[row + q];
            if added > 0 {
                self.owed.add(q, (rho.bounds, rho.slope_bounds), added);
            }
        }
        self.scratch = scratch;
        self.rescale(p, rho);
    }

    /// Makes `rho`'s denominator the common one: ρ = num / (den × div),
    /// less what num, its slope and div share (cheap: div is a machine
    /// word); den × div becomes the denominator of every amount.
    fn rescale(&mut self, p: usize, rho: &Price) {
        // `div` is a machine word: every rescaling below is a
        // multiplication by one, with no big-number temporary.
        let rest = |x: &BigInt| (x.magnitude() % rho.div).to_u128().unwrap_or(0);
        let mut common = rest(&rho.num).gcd(&rho.div);
        if !rho.slope.is_zero() {
            common = common.gcd(&rest(&rho.slope));
        }
        let (num, slope, div) = if common > 1 {
            (&rho.num / common, &rho.slope / common, rho.div / common)
        } else {
            (rho.num.clone(), rho.slope.clone(), rho.div)
        };
        if div > 1 {
            self.den *= div;
            self.start *= div;
            for k in &self.funded {
                if let Some((r, r_slope)) = &mut self.rho[*k] {
                    *r *= div;
                    if !r_slope.is_zero() {
                        *r_slope *= div;
                    }
                }
            }
            for product in &mut self.since {
                *product *= div;
            }
        }
        self.since.push(BigInt::from(div));
        self.rho[p] = Some((num, slope));
        self.rho_bounds[p] = (rho.bounds, rho.slope_bounds);
        self.funded.push(p);
    }
}
