//! `mes`: the Method of Equal Shares (Peters & Skowron, "Proportional
//! participatory budgeting with additive utilities", NeurIPS 2021).
//!
//! Each of the n voters starts with budget / n. In each round, every
//! project still in play gets its price ρ: the smallest number such that
//! its supporters, each paying min(their money, ρ × their utility), cover
//! its cost. The project with the lowest ρ is funded (ties by the
//! manifest's policy) and its supporters pay. Projects whose supporters
//! have less money left than the cost drop out. Utility is the cost for
//! approval ballots (pabutools `Cost_Sat`), the points for allocation and
//! the Borda score for ranked ballots.
//!
//! This follows pabutools' `method_of_equal_shares` step for step,
//! including its lazy order (a project's last ρ is a lower bound on its
//! next one) and its add-one completion (`voter_budget_increment=1`): start
//! at budget / n exactly, add one minor unit to every voter's starting
//! budget and count again, until the outcome is exhaustive (kept) or over
//! the budget (the previous outcome is kept). All arithmetic is exact.

mod add_one;
mod horizon;
mod price;
mod signatures;
mod voters;
mod wallets;

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;

use super::{Profile, by_preference, greedy, push_round};
use crate::tiebreak::Preference;
use crate::transcript::{Event, Round, Tally};
use crate::{Cents, Completion, Manifest};
use horizon::{Horizon, Taken};
use price::Price;
use voters::Voters;
use wallets::Wallets;

/// Runs MES with `completion`; returns the funded projects in order.
pub(super) fn run(
    manifest: &Manifest,
    profile: &Profile,
    preference: &Preference,
    completion: Completion,
    step: u64,
    rounds: &mut Vec<Round>,
) -> Vec<usize> {
    let voters = Voters::new(manifest, profile);
    let count = Count::new(manifest, &voters, preference);
    let n = BigInt::from(profile.len());
    let start = BigRational::new(BigInt::from(manifest.budget.minor_units()), n);
    let funded = match completion {
        Completion::None | Completion::Greedy => {
            let run = count.equal_shares(&start, true, None, &[]);
            rounds.extend(run.rounds);
            run.funded
        }
        Completion::Add1 | Completion::Add1Greedy => add_one::walk(&count, start, step, rounds),
    };
    match completion {
        Completion::Greedy | Completion::Add1Greedy => {
            greedy::run(manifest, profile, preference, &funded, rounds)
        }
        Completion::None | Completion::Add1 => funded,
    }
}

/// What one round of a run decided, kept so that the next run can replay
/// it (see [`add_one`]).
#[derive(Clone, Debug)]
struct Decided {
    /// The project funded.
    chosen: usize,
    /// The projects dropped as unaffordable.
    dropped: Vec<usize>,
    /// Which classes of the funded project's supporters paid all they
    /// had (see `Wallets::pay`).
    broke: Vec<bool>,
    /// For how many steps every decision of this round and the rounds
    /// before it stands.
    steps: u64,
}

/// One MES run: the funded projects in order, the rounds (if recorded),
/// the horizon and each round's decisions (if a horizon was given).
struct Run {
    funded: Vec<usize>,
    rounds: Vec<Round>,
    horizon: Option<Horizon>,
    decided: Vec<Decided>,
}

/// What every run of one count shares.
struct Count<'a> {
    manifest: &'a Manifest,
    voters: &'a Voters,
    preference: &'a Preference,
    /// Each project's place in the tie-break order (the order is fixed
    /// for the count, so it is worked out once).
    rank: Vec<usize>,
}

impl<'a> Count<'a> {
    fn new(manifest: &'a Manifest, voters: &'a Voters, preference: &'a Preference) -> Self {
        let mut order: Vec<usize> = (0..manifest.projects.len()).collect();
        order.sort_by(|&a, &b| by_preference(manifest, preference, a, b));
        let mut rank = vec![0; order.len()];
        for (place, &p) in order.iter().enumerate() {
            rank[p] = place;
        }
        Count {
            manifest,
            voters,
            preference,
            rank,
        }
    }

    /// One MES run from `per_voter` starting money; returns the funded
    /// projects in order and, if `record`, one round per funded project (a
    /// run whose transcript nobody reads skips writing it: the prices'
    /// exact text is most of its cost). With a `horizon`, every decision
    /// is reported to it, so it ends up with how many add-one steps would
    /// decide the same; `replay` holds rounds known to decide at
    /// `per_voter` as they did before, with the steps they still stand
    /// for, which are then funded without being decided again.
    fn equal_shares(
        &self,
        per_voter: &BigRational,
        record: bool,
        horizon: Option<Horizon>,
        replay: &[Decided],
    ) -> Run {
        let manifest = self.manifest;
        // Replayed rounds report to a horizon nobody reads: what they
        // decide stands for the steps they carry.
        let replaying = horizon.clone().filter(|_| !replay.is_empty());
        let mut wallets = Wallets::new(
            self.voters,
            per_voter,
            manifest.projects.len(),
            replaying.or_else(|| horizon.clone()),
        );
        let mut in_play: Vec<usize> = self.voters.candidates().collect();
        let mut funded = Vec::new();
        let mut decided = Vec::new();
        for round in replay {
            in_play.retain(|p| !round.dropped.contains(p) && *p != round.chosen);
            // The same classes pay all they have, so the price takes one
            // pass and the payment no decisions.
            match wallets.price_known(round.chosen, &round.broke) {
                Some(rho) => wallets.pay_known(round.chosen, &rho, &round.broke),
                None => {
                    let rho = wallets.price(round.chosen);
                    wallets.pay(round.chosen, &rho);
                }
            }
            funded.push(round.chosen);
            decided.push(round.clone());
        }
        if let Some(last) = replay.last() {
            wallets.horizon = horizon.map(|mut h| {
                h.limit(last.steps);
                h
            });
        }
        let mut rounds = Vec::new();
        let mut spent: u64 = funded
            .iter()
            .map(|&p| manifest.projects[p].cost.minor_units())
            .fold(0, u64::saturating_add);
        // The stage names the starting money, so a reader of a completed
        // count knows which run's rounds these are and can redo them.
        let stage = if record {
            format!(
                "mes, {} per voter",
                crate::transcript::Exact::from(per_voter)
            )
        } else {
            String::new()
        };
        loop {
            if record {
                in_play.sort_by(|&a, &b| {
                    wallets
                        .compare(wallets.last_price(a), wallets.last_price(b))
                        .then(a.cmp(&b))
                });
            } else {
                // Unwritten runs need only some order of rising lower
                // bounds (the scan below stops by bounds too): the funded
                // projects are the same whatever the order.
                in_play
                    .sort_by_key(|&p| (wallets.last_price(p).bounds.map_or(i128::MIN, |b| b.0), p));
            }
            let round = push_round(&mut rounds, &stage);
            let mut best: Option<Price> = None;
            let mut tied: Vec<usize> = Vec::new();
            let mut dropped: Vec<usize> = Vec::new();
            for &p in &in_play {
                if !wallets.affordable(p) {
                    dropped.push(p);
                    if record {
                        let (supporters, money_left) = wallets.holdings(p);
                        round.events.push(Event::Unaffordable {
                            project: manifest.projects[p].id.clone(),
                            cost: manifest.projects[p].cost,
                            supporters,
                            money_left: (&money_left).into(),
                        });
                    }
                    continue;
                }
                let dearer = |best: &Price| {
                    let last = wallets.last_price(p);
                    if record {
                        wallets.compare(last, best) == Ordering::Greater
                    } else {
                        // Every later project's lower bound is at least
                        // this one's.
                        last.cmp_bounds(best) == Some(Ordering::Greater)
                    }
                };
                if best.as_ref().is_some_and(dearer) {
                    break;
                }
                let rho = wallets.price(p);
                if record {
                    round.tallies.push(Tally {
                        project: manifest.projects[p].id.clone(),
                        value: (&wallets.exact(&rho)).into(),
                    });
                }
                match best.as_ref().map(|b| rho.cmp(b)) {
                    None | Some(Ordering::Less) => {
                        best = Some(rho);
                        tied = vec![p];
                    }
                    Some(Ordering::Equal) => tied.push(p),
                    Some(Ordering::Greater) => {}
                }
            }
            in_play.retain(|p| !dropped.contains(p));
            let Some(rho) = best else {
                if round.events.is_empty() {
                    rounds.pop();
                }
                break;
            };
            tied.sort_by_key(|&p| self.rank[p]);
            let chosen = tied[0];
            if tied.len() > 1 && record {
                round.events.push(Event::TieBroken {
                    tied: tied
                        .iter()
                        .map(|&q| manifest.projects[q].id.clone())
                        .collect(),
                    chosen: manifest.projects[chosen].id.clone(),
                    policy: self.preference.policy(),
                });
            }
            if wallets.horizon.is_some() {
                // The choice stands while the chosen project stays
                // affordable and every other project in play stays at
                // least as dear (its price, or the lower bound that spared
                // computing it): no dearer than the chosen one if the
                // tie-break prefers it, strictly dearer otherwise.
                wallets.keep_affordable(chosen);
                for &q in in_play.iter().filter(|&&q| q != chosen) {
                    let taken = if self.rank[chosen] < self.rank[q] {
                        Taken::AtLeast
                    } else {
                        Taken::Above
                    };
                    wallets.keep_last_above(q, &rho, taken);
                }
            }
            let project = &manifest.projects[chosen];
            spent = spent.saturating_add(project.cost.minor_units());
            if record {
                round.events.push(Event::Funded {
                    project: project.id.clone(),
                    cost: project.cost,
                    remaining: Cents::new(manifest.budget.minor_units().saturating_sub(spent)),
                });
                let split = wallets.split(chosen, &rho);
                round.events.push(Event::Shared {
                    project: project.id.clone(),
                    in_full: split.in_full,
                    in_full_paid: (&split.in_full_paid).into(),
                    all_left: split.all_left,
                    all_left_paid: (&split.all_left_paid).into(),
                });
            }
            let broke = wallets.pay(chosen, &rho);
            in_play.retain(|&p| p != chosen);
            funded.push(chosen);
            if let Some(horizon) = &wallets.horizon {
                decided.push(Decided {
                    chosen,
                    dropped,
                    broke,
                    steps: horizon.steps(),
                });
            }
        }
        if !record {
            rounds.clear();
        }
        Run {
            funded,
            rounds,
            horizon: wallets.horizon.take(),
            decided,
        }
    }
}
