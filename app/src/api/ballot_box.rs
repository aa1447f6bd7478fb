//! The server's casting path as the voting pages reach it: the binary
//! puts one [`BallotBox`] in every request's context, the same queue,
//! limiter and log that `POST /api/v1/cycles/{id}/ballots` uses, so a
//! ballot cast from a page and one cast by a script are treated alike.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;

use counting::{Ballot, BallotError};
use pebble_domain::VoterCode;

use super::vote::Receipt;

/// A cast, parsed.
#[derive(Clone, Debug)]
pub struct CastRequest {
    /// The cycle.
    pub cycle: i32,
    /// The voter code.
    pub code: VoterCode,
    /// The ballot.
    pub ballot: Ballot,
    /// The voter's browser's nonce, if it made one.
    pub nonce: Option<[u8; 16]>,
    /// Where the request came from, for the guessing limit.
    pub address: IpAddr,
}

/// Why nothing was cast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CastFailure {
    /// Too many refused codes from this address or overall; seconds to
    /// wait.
    Guessing(u64),
    /// The code is unknown or used (one answer for both).
    Code,
    /// The cycle is not in voting, or its log is sealed.
    NotVoting,
    /// The ballot breaks the cycle's limits.
    Invalid(BallotError),
    /// The same entry is already in the log.
    Duplicate,
    /// The database is busy; try again.
    Busy,
    /// Something failed on the server (logged there).
    Internal,
}

/// Casts ballots.
pub trait BallotBox: Send + Sync + 'static {
    /// Casts `request`'s ballot: the receipt, or why nothing was cast.
    fn cast(
        &self,
        request: CastRequest,
    ) -> Pin<Box<dyn Future<Output = Result<Receipt, CastFailure>> + Send + '_>>;
}

/// The ballot box in a request's context.
pub type SharedBallotBox = Arc<dyn BallotBox>;
