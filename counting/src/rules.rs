//! The counting rules: `greedy`, `mes`, `irv` and `stv`.
//!
//! [`count`] validates every ballot against the manifest, then runs the
//! manifest's rule on a compact [`Profile`] and returns the outcome with its
//! transcript.

mod elimination;
mod greedy;
mod irv;
mod mes;
mod profile;
mod stv;

pub use profile::Profile;

use crate::tiebreak::{Preference, Seed};
use crate::transcript::{Outcome, Round};
use crate::{Ballot, BallotError, Cents, Manifest, Rule};

/// Why a count cannot run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    /// A ballot breaks the manifest's limits.
    #[error("ballot {index} is invalid: {error}")]
    InvalidBallot {
        /// Its position in the input, from 0.
        index: usize,
        /// What is wrong with it.
        error: BallotError,
    },
    /// There is nothing to count.
    #[error("there are no ballots to count")]
    NoBallots,
}

/// Validates `ballots` and counts them by the manifest's rule.
pub fn count(manifest: &Manifest, ballots: &[Ballot], seed: Seed) -> Result<Outcome, CountError> {
    let mut profile = Profile::new(manifest);
    for (index, ballot) in ballots.iter().enumerate() {
        profile
            .push(manifest, ballot)
            .map_err(|error| CountError::InvalidBallot { index, error })?;
    }
    count_profile(manifest, &profile, seed)
}

/// Counts an already validated profile by the manifest's rule.
pub fn count_profile(
    manifest: &Manifest,
    profile: &Profile,
    seed: Seed,
) -> Result<Outcome, CountError> {
    count_profile_stepped(manifest, profile, seed, Cents::new(1))
}

/// Counts `profile` with MES's add-one completion raising each voter's
/// budget by `add_one_step` at a time. Pebble's cycles step by one minor
/// unit ([`count_profile`]); a pabulib file steps by one unit of its
/// currency, as pabutools does, which is more than one exact unit when
/// the file's amounts have decimals.
pub fn count_profile_stepped(
    manifest: &Manifest,
    profile: &Profile,
    seed: Seed,
    add_one_step: Cents,
) -> Result<Outcome, CountError> {
    if profile.is_empty() {
        return Err(CountError::NoBallots);
    }
    let preference = Preference::new(manifest.tie_break, seed);
    let mut rounds = Vec::new();
    let winners = match manifest.rule {
        Rule::Greedy => greedy::run(manifest, profile, &preference, &[], &mut rounds),
        Rule::Mes { completion } => mes::run(
            manifest,
            profile,
            &preference,
            completion,
            add_one_step.minor_units().max(1),
            &mut rounds,
        ),
        Rule::Irv => irv::run(manifest, profile, &preference, &mut rounds),
        Rule::Stv { seats } => stv::run(manifest, profile, &preference, seats, &mut rounds),
    };
    let spent = winners
        .iter()
        .map(|&p| manifest.projects[p].cost.minor_units())
        .sum();
    Ok(Outcome {
        winners: winners
            .iter()
            .map(|&p| manifest.projects[p].id.clone())
            .collect(),
        spent: Cents::new(spent),
        rounds,
    })
}

/// Appends a round numbered after the ones already there.
fn push_round<'r>(rounds: &'r mut Vec<Round>, stage: &str) -> &'r mut Round {
    let number = u32::try_from(rounds.len() + 1).unwrap_or(u32::MAX);
    rounds.push(Round {
        number,
        stage: stage.to_owned(),
        tallies: Vec::new(),
        events: Vec::new(),
    });
    let last = rounds.len() - 1;
    &mut rounds[last]
}

/// Sorts project indices by the manifest's tie-break preference.
fn by_preference(
    manifest: &Manifest,
    preference: &Preference,
    a: usize,
    b: usize,
) -> std::cmp::Ordering {
    let (pa, pb) = (&manifest.projects[a], &manifest.projects[b]);
    preference.compare((&pa.id, pa.cost), (&pb.id, pb.cost))
}

#[cfg(test)]
mod tests;
