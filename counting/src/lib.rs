//! Pebble's counting core.
//!
//! Pure and deterministic: no I/O, no clock, no floating point and no
//! hash-map iteration order. It builds for the server and for the browser
//! (`wasm32-unknown-unknown`), so a voter's browser runs the same code as the
//! server.

pub mod ballot;
pub mod checkpoint;
pub mod committee;
pub mod cosignature;
pub mod election;
pub mod encoding;
pub mod manifest;
pub mod merkle;
pub mod money;
pub mod note;
pub mod pabulib;
pub mod policy;
pub mod project;
pub mod receipt;
pub mod record;
pub mod rules;
pub mod tiebreak;
pub mod tiles;
pub mod tlog_proof;
pub mod tracker;
pub mod transcript;
pub mod witness;

#[cfg(test)]
mod testing;

pub use ballot::{Ballot, BallotError, BallotKind};
pub use election::{CommitteeMember, Election, FrozenManifest};
pub use manifest::{BallotRules, Completion, Manifest, ManifestError, Rule, TieBreak, UnknownName};
pub use money::{Cents, Currency, MoneyError};
pub use project::{Project, ProjectId, ProjectIdError};
pub use rules::{CountError, Profile, count, count_profile, count_profile_stepped};
pub use tiebreak::Seed;
pub use transcript::Outcome;
