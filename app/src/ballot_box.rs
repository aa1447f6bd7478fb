//! The ballot box: the one place a ballot is cast, whether it comes from
//! the voting pages or from `POST /api/v1/cycles/{id}/ballots`. It owns
//! the casting queue ([`queue`]), the code-guessing limiter
//! ([`limiter`]), each cycle's frozen manifest and log key ([`logs`]),
//! and the receipts and checkpoints it signs. The pages and the JSON API
//! only parse requests and word answers.
//!
//! The receipt and the reasons a cast fails are shared with the browser
//! (the ballot island shows them); everything else runs on the server.

#[cfg(feature = "ssr")]
pub mod cast;
#[cfg(feature = "ssr")]
pub mod limiter;
#[cfg(feature = "ssr")]
pub mod logs;
#[cfg(feature = "ssr")]
pub mod queue;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub use cast::{BallotBox, CastRequest, Observer, Recovered};

/// A voter's receipt: where their entry is in the log, a signed
/// checkpoint that holds it, and their own copy of the entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The cycle.
    pub cycle: i32,
    /// The entry's index in the log.
    pub index: u64,
    /// The entry's leaf hash (hex).
    pub leaf_hash: String,
    /// The tracker code (from the leaf hash).
    pub tracker: String,
    /// The checkpoint's tree size.
    pub tree_size: u64,
    /// The checkpoint's root hash (hex).
    pub root_hash: String,
    /// The signed checkpoint note.
    pub signed_note: String,
    /// The entry's canonical bytes (hex): the voter's own copy. Until the
    /// cycle is certified the log serves no ballot, so this copy is how
    /// the receipt check shows the voter what they cast.
    #[serde(default)]
    pub entry: String,
}

impl Receipt {
    /// The receipt as the downloadable file holds it (JSON).
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The downloadable file's name.
    pub fn file_name(&self) -> String {
        format!("pebble-receipt-{}-{}.json", self.cycle, self.tracker)
    }
}

/// Why nothing was cast (or a code was not accepted at the code step).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CastFailure {
    /// No cycle with this id.
    NoSuchCycle,
    /// Too many refused codes from this address or overall; seconds to
    /// wait.
    Guessing(u64),
    /// The code is unknown or used (one answer for both).
    Code,
    /// The cycle is not in voting, or its log is sealed.
    NotVoting,
    /// The ballot breaks the cycle's limits (the message names the limit
    /// and the project, in the voter's language).
    Invalid(String),
    /// The same entry is already in the log, whatever the code.
    Duplicate,
    /// The database is busy; try again.
    Busy,
    /// Something failed on the server (logged there).
    Internal,
}

impl CastFailure {
    /// The HTTP status that answers it.
    pub fn status(&self) -> u16 {
        match self {
            CastFailure::NoSuchCycle => 404,
            CastFailure::Guessing(_) => 429,
            CastFailure::Code => 403,
            CastFailure::NotVoting | CastFailure::Duplicate => 409,
            CastFailure::Invalid(_) => 422,
            CastFailure::Busy => 503,
            CastFailure::Internal => 500,
        }
    }

    /// What to tell the voter, in `words`' language.
    pub fn message(&self, words: &crate::i18n::VoteStrings) -> String {
        match self {
            CastFailure::NoSuchCycle => words.no_such_cycle.to_owned(),
            CastFailure::Guessing(wait) => (words.too_many_tries)(*wait),
            CastFailure::Code => words.code_refused.to_owned(),
            CastFailure::NotVoting => words.voting_closed.to_owned(),
            CastFailure::Invalid(message) => format!("{message} {}", words.nothing_recorded),
            CastFailure::Duplicate => words.duplicate.to_owned(),
            CastFailure::Busy => words.busy.to_owned(),
            CastFailure::Internal => words.internal.to_owned(),
        }
    }

    /// Seconds the client should wait before trying again, if any.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            CastFailure::Guessing(wait) => Some(*wait),
            CastFailure::Busy => Some(1),
            _ => None,
        }
    }
}
