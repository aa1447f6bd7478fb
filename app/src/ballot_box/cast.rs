//! The ballot box itself: casting, the code step, and finding a lost
//! receipt's entry again.
//!
//! A cast, in order: the cycle and its frozen manifest; the ballot
//! against the manifest's limits; then the casting queue, whose batch
//! uses the code and appends the entry in one transaction. A code that
//! cannot vote, unknown or used, is refused one way, never sooner than
//! [`REFUSAL_FLOOR`], and counts against the guessing limit; once the
//! client (or everyone) has used up its refusals, refusals are answered
//! "wait" instead. A valid unused code always casts, limit or not: codes
//! of 82 random bits cannot be guessed in any number of tries a limit
//! would allow, and a school behind one address must not be shut out by
//! one client there sending bad codes. An entry already in the log is refused as a duplicate
//! before any code is looked at, so that answer says nothing about the
//! code either; a voter whose answer was lost finds their entry by its
//! leaf hash ([`BallotBox::recover`]) instead of casting again.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use counting::encoding::Entry;
use counting::merkle::{Hash, to_hex};
use counting::{Ballot, FrozenManifest, ProjectId};
use pebble_db::casting::{Cast, CastRefusal};
use pebble_db::log::AppendRefusal;
use pebble_db::{DatabaseConnection, DbError};
use pebble_domain::VoterCode;
use rand::TryRngCore;

use super::limiter::Guessing;
use super::logs::{CycleLog, CycleLogs, Opened, Signed};
use super::queue::Queue;
use super::{CastFailure, Receipt};
use crate::components::money::format_money;
use crate::i18n::{Namer, VoteStrings};

/// How long a refused code takes to answer at least. An unknown code and
/// a used one take the same path through the batch, and the floor hides
/// what is left: how long the batch they shared took. It also slows
/// guessing down.
pub const REFUSAL_FLOOR: Duration = Duration::from_millis(200);

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

/// What watches casts (the server's metrics). It sees outcomes and
/// times, never a ballot.
pub trait Observer: Send + Sync + 'static {
    /// One cast answered.
    fn cast(&self, outcome: Result<(), &CastFailure>, took: Duration);
    /// Cycle `cycle`'s log now holds `size` entries.
    fn log_size(&self, cycle: i32, size: u64);
}

/// An entry found again by its leaf hash: where it is, with a checkpoint
/// that holds it and the proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    /// Its index.
    pub index: u64,
    /// The log's checkpoint (the sealed one once voting has closed).
    pub checkpoint: Signed,
    /// The inclusion proof in that checkpoint's tree.
    pub inclusion: Vec<Hash>,
}

/// The ballot box.
pub struct BallotBox {
    db: DatabaseConnection,
    queue: Queue,
    guessing: Guessing,
    logs: CycleLogs,
    observer: Option<Arc<dyn Observer>>,
}

impl std::fmt::Debug for BallotBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BallotBox")
    }
}

/// Names projects by their frozen titles and amounts in the currency,
/// for `say`.
pub fn explain(frozen: &FrozenManifest, say: impl FnOnce(&Namer) -> String) -> String {
    let currency = frozen.election.currency.code();
    let project = |id: &ProjectId| {
        frozen
            .manifest
            .index_of(id)
            .and_then(|i| frozen.titles.get(i).cloned())
            .unwrap_or_else(|| id.as_str().to_owned())
    };
    let money = |amount| format_money(amount, currency);
    say(&Namer {
        project: &project,
        money: &money,
    })
}

fn stored(error: &DbError) -> CastFailure {
    if error.is_busy() {
        CastFailure::Busy
    } else {
        tracing::error!(%error, "the ballot box could not read the database");
        CastFailure::Internal
    }
}

impl BallotBox {
    /// The ballot box on `db`, with its casting queue started, reporting
    /// to `observer`.
    pub fn start(db: DatabaseConnection, observer: Option<Arc<dyn Observer>>) -> BallotBox {
        BallotBox {
            queue: Queue::start(db.clone()),
            db,
            guessing: Guessing::default(),
            logs: CycleLogs::default(),
            observer,
        }
    }

    /// Cycle `cycle`'s log (its frozen manifest and key), if voting has
    /// opened.
    pub async fn log(&self, cycle: i32) -> Result<Opened, DbError> {
        self.logs.get(&self.db, cycle).await
    }

    async fn voting_log(&self, cycle: i32) -> Result<Arc<CycleLog>, CastFailure> {
        match self.logs.get(&self.db, cycle).await {
            Err(error) => Err(stored(&error)),
            Ok(Opened::NoSuchCycle) => Err(CastFailure::NoSuchCycle),
            Ok(Opened::NotYet) => Err(CastFailure::NotVoting),
            Ok(Opened::Log(log)) => Ok(log),
        }
    }

    /// Casts `request`'s ballot: the receipt, or why nothing was cast,
    /// in `words`' language.
    pub async fn cast(
        &self,
        request: CastRequest,
        words: &VoteStrings,
    ) -> Result<Receipt, CastFailure> {
        let started = Instant::now();
        let cycle = request.cycle;
        let result = self.cast_now(request, words, started).await;
        if let Some(observer) = &self.observer {
            observer.cast(result.as_ref().map(|_| ()), started.elapsed());
            if let Ok(receipt) = &result {
                observer.log_size(cycle, receipt.tree_size);
            }
        }
        result
    }

    async fn cast_now(
        &self,
        request: CastRequest,
        words: &VoteStrings,
        started: Instant,
    ) -> Result<Receipt, CastFailure> {
        let CastRequest {
            cycle,
            code,
            ballot,
            nonce,
            address,
        } = request;
        let nonce = match nonce {
            Some(nonce) => nonce,
            None => {
                let mut nonce = [0u8; 16];
                rand::rngs::OsRng.try_fill_bytes(&mut nonce).map_err(|e| {
                    tracing::error!(%e, "no random nonce");
                    CastFailure::Busy
                })?;
                nonce
            }
        };
        let log = self.voting_log(cycle).await?;
        let frozen = &log.frozen.manifest;
        ballot
            .validate(&frozen.manifest)
            .map_err(|e| CastFailure::Invalid(explain(frozen, |n| (words.ballot_error)(&e, n))))?;
        let entry = Entry {
            manifest_hash: log.frozen.hash,
            nonce,
            ballot,
        }
        .encode();
        let digest = to_hex(&code.digest(u64::try_from(cycle).unwrap_or(0)));
        let cast = Cast {
            code_digest: digest,
            entry: entry.clone(),
        };
        let outcome = self.queue.cast(cycle, cast).await.map_err(|failed| {
            if failed.busy {
                CastFailure::Busy
            } else {
                CastFailure::Internal
            }
        })?;
        let appended = match outcome {
            Ok(appended) => appended,
            Err(CastRefusal::Code) => return Err(self.refuse_code(address, started).await),
            Err(CastRefusal::NotVoting | CastRefusal::Log(AppendRefusal::Sealed)) => {
                return Err(CastFailure::NotVoting);
            }
            Err(CastRefusal::Log(AppendRefusal::Duplicate)) => return Err(CastFailure::Duplicate),
            Err(CastRefusal::Log(AppendRefusal::Busy)) => return Err(CastFailure::Busy),
        };
        let checkpoint = counting::checkpoint::Checkpoint {
            origin: frozen.election.log_origin(),
            head: appended.head,
        };
        Ok(Receipt {
            cycle,
            index: appended.index,
            leaf_hash: to_hex(&appended.leaf),
            tracker: counting::tracker::tracker(&appended.leaf),
            tree_size: appended.head.size,
            root_hash: to_hex(&appended.head.root),
            signed_note: checkpoint.sign(&log.signer),
            entry: to_hex(&entry),
        })
    }

    /// Counts a refused code against `address`, waits out the floor, and
    /// answers "wait" if that refusal used up the limit (or it was
    /// already used up), else "this code cannot vote".
    async fn refuse_code(&self, address: IpAddr, started: Instant) -> CastFailure {
        self.guessing.refused(address);
        tokio::time::sleep(REFUSAL_FLOOR.saturating_sub(started.elapsed())).await;
        match self.guessing.gate(address) {
            Err(wait) => CastFailure::Guessing(wait.as_secs() + 1),
            Ok(()) => CastFailure::Code,
        }
    }

    /// The code step: whether `code` is one of cycle `cycle`'s codes,
    /// before the voter fills a ballot. A code of another cycle (or a
    /// mistyped one that still passed its check symbol) is refused as a
    /// cast would refuse it, limits and floor included. A used code is
    /// not told apart here: whoever holds a list of codes must not learn
    /// who has voted without casting; the cast refuses it.
    pub async fn check_code(
        &self,
        cycle: i32,
        code: &VoterCode,
        address: IpAddr,
    ) -> Result<(), CastFailure> {
        let started = Instant::now();
        self.voting_log(cycle).await?;
        let phase = pebble_db::cycles::find(&self.db, cycle)
            .await
            .map_err(|e| stored(&e))?
            .map(|row| *row.phase);
        if phase != Some(pebble_domain::Phase::Voting) {
            return Err(CastFailure::NotVoting);
        }
        let digest = to_hex(&code.digest(u64::try_from(cycle).unwrap_or(0)));
        let known = pebble_db::codes::is_code_of(&self.db, cycle, &digest)
            .await
            .map_err(|e| stored(&e))?;
        if !known {
            return Err(self.refuse_code(address, started).await);
        }
        tokio::time::sleep(REFUSAL_FLOOR.saturating_sub(started.elapsed())).await;
        Ok(())
    }

    /// The entry with leaf hash `leaf` in cycle `cycle`'s log, if any:
    /// its index, the log's checkpoint and the inclusion proof. Leaf
    /// hashes are public, so this reveals nothing a proof would not; the
    /// entry's bytes are not part of the answer.
    pub async fn recover(&self, cycle: i32, leaf: &Hash) -> Result<Option<Recovered>, CastFailure> {
        let log = match self.logs.get(&self.db, cycle).await {
            Err(error) => return Err(stored(&error)),
            Ok(Opened::NoSuchCycle) => return Err(CastFailure::NoSuchCycle),
            Ok(Opened::NotYet) => return Ok(None),
            Ok(Opened::Log(log)) => log,
        };
        let Some(index) = pebble_db::log::index_of_leaf(&self.db, cycle, leaf)
            .await
            .map_err(|e| stored(&e))?
        else {
            return Ok(None);
        };
        let checkpoint = log
            .checkpoint(&self.db, cycle)
            .await
            .map_err(|e| stored(&e))?;
        if index >= checkpoint.head.size {
            return Ok(None);
        }
        let inclusion = pebble_db::log::inclusion(&self.db, cycle, index, checkpoint.head.size)
            .await
            .map_err(|e| stored(&e))?
            .map_err(|_| CastFailure::Internal)?;
        Ok(Some(Recovered {
            index,
            checkpoint,
            inclusion,
        }))
    }
}

impl Recovered {
    /// The receipt of the entry `entry` (the voter's own copy, whose leaf
    /// was found) in cycle `cycle`.
    pub fn receipt(&self, cycle: i32, entry: &[u8]) -> Receipt {
        let leaf = counting::merkle::leaf_hash(entry);
        Receipt {
            cycle,
            index: self.index,
            leaf_hash: to_hex(&leaf),
            tracker: counting::tracker::tracker(&leaf),
            tree_size: self.checkpoint.head.size,
            root_hash: to_hex(&self.checkpoint.head.root),
            signed_note: self.checkpoint.note.clone(),
            entry: to_hex(entry),
        }
    }
}
