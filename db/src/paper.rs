//! Paper ballots: serials printed in batches, double entry by two
//! committee members, and the committee's resolution of mismatches.
//!
//! A serial moves `open → logged` when a second member keys the same
//! ballot as the first (its entry appended to the log with source
//! `paper`, in the same transaction), `open → mismatch` when the two
//! differ, and out of `mismatch` by a resolution: `rekey` (both entries
//! cleared, back to `open`) or `void`. Every move is a guarded update on
//! the status it leaves, and every keying first holds the cycle in
//! voting (`cycles::hold_phase`), so keyings of one cycle take turns and
//! a serial enters the log at most once.

use counting::Ballot;
use counting::encoding::{Entry, decode_ballot, encode_ballot};
use pebble_domain::{Action, PaperSerial};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use crate::DbError;
use crate::entity::{cycle_committee, paper_ballot, paper_entry, paper_resolution};
use crate::log::{self, AppendRefusal, Appended, Source};

mod queue;

pub use queue::{
    Keying, Mismatch, Resolution, Tally, mismatches, resolve, tally, waiting, your_entries,
};

/// Most paper ballots one print run makes.
pub const MAX_PRINT: u32 = 2_000;

/// A paper ballot's state, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Printed; waiting for its two entries.
    Open,
    /// Both entries agreed; in the log.
    Logged,
    /// The two entries differ; waiting for the committee.
    Mismatch,
    /// Voided by the committee.
    Voided,
    /// Both entries say the paper is spoiled (marked beyond the ballot's
    /// limits, or unreadable): it enters no log and counts as spoiled.
    Spoiled,
}

/// What a member keys from a paper ballot: the ballot it shows, or that
/// it is spoiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marked {
    /// The ballot as marked.
    Ballot(Ballot),
    /// Spoiled: over-marked or unreadable.
    Spoiled,
}

/// How a spoiled keying is stored (a ballot is stored as the hex of its
/// canonical encoding, which is never this).
const SPOILED: &str = "spoiled";

impl Marked {
    fn stored(&self) -> String {
        match self {
            Marked::Ballot(ballot) => crate::hex::encode(&encode_ballot(ballot)),
            Marked::Spoiled => SPOILED.to_owned(),
        }
    }
}

impl Status {
    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Logged => "logged",
            Status::Mismatch => "mismatch",
            Status::Voided => "voided",
            Status::Spoiled => "spoiled",
        }
    }

    /// The status stored as `name`; anything unknown reads as open, the
    /// state that lets nothing into the log by itself.
    pub fn from_name(name: &str) -> Status {
        match name {
            "logged" => Status::Logged,
            "mismatch" => Status::Mismatch,
            "voided" => Status::Voided,
            "spoiled" => Status::Spoiled,
            _ => Status::Open,
        }
    }
}

/// Why a paper ballot was not printed, keyed or resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaperRefusal {
    /// The cycle is not voting.
    NotVoting,
    /// The member does not sit on this cycle's committee.
    NotOnCommittee,
    /// No paper ballot of this cycle has that serial.
    UnknownSerial,
    /// This member keyed this serial already; another member keys it next.
    KeyedByYou,
    /// The serial is in the log already, at this index.
    Logged(u64),
    /// The committee voided it.
    Voided,
    /// Its two entries differ; the committee resolves it first.
    Mismatched,
    /// A resolution for a serial that is not waiting for one.
    NotMismatched,
    /// The ballot breaks the cycle's ballot rules.
    Invalid(counting::BallotError),
    /// The log refused the entry (sealed, or busy).
    Log(AppendRefusal),
}

/// A print run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// Its number among the cycle's print runs (1, 2, …).
    pub batch: i32,
    /// The serials, in print order.
    pub serials: Vec<PaperSerial>,
}

/// What one keying did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyed {
    /// The first entry: waiting for a second member's.
    Waiting,
    /// The second entry matched: the ballot is in the log.
    Logged(Appended),
    /// The second entry differs from the first: the serial waits for the
    /// committee.
    Mismatch,
    /// Both entries say spoiled: the paper counts as spoiled, not in the
    /// log.
    Spoiled,
}

/// Holds cycle `cycle` in voting and checks that `account` sits on its
/// committee; a refusal otherwise.
async fn hold(
    txn: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Result<(), PaperRefusal>, DbError> {
    if crate::cycles::hold_phase(txn, cycle, Action::PaperBallots)
        .await?
        .is_none()
    {
        return Ok(Err(PaperRefusal::NotVoting));
    }
    let member = cycle_committee::Entity::find_by_id((cycle, account))
        .one(txn)
        .await?;
    Ok(member.map(|_| ()).ok_or(PaperRefusal::NotOnCommittee))
}

/// Prints `count` new paper ballots (at most [`MAX_PRINT`]) for cycle
/// `cycle`, by committee member `account`: fresh random serials stored
/// as a new batch.
pub async fn print_new(
    db: &DatabaseConnection,
    cycle: i32,
    account: i32,
    count: u32,
) -> Result<Result<Printed, PaperRefusal>, DbError> {
    let txn = db.begin().await?;
    if let Err(refusal) = hold(&txn, cycle, account).await? {
        return Ok(Err(refusal));
    }
    let last: Option<Option<i32>> = paper_ballot::Entity::find()
        .select_only()
        .column_as(paper_ballot::Column::Batch.max(), "last")
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .into_tuple()
        .one(&txn)
        .await?;
    let batch = last.flatten().unwrap_or(0).saturating_add(1);
    let count = count.clamp(1, MAX_PRINT);
    let serials: Vec<PaperSerial> = crate::codes::with_os_random(|next_byte| {
        (0..count)
            .map(|_| PaperSerial::generate(&mut *next_byte))
            .collect()
    })?;
    // A repeated serial (about 2^-58 per pair) is skipped, not an error:
    // the run is checked below to hold exactly `count` new serials.
    for chunk in serials.chunks(500) {
        paper_ballot::Entity::insert_many(chunk.iter().map(|serial| paper_ballot::ActiveModel {
            cycle_id: Set(cycle),
            serial: Set(serial.compact()),
            batch: Set(batch),
            status: Set(Status::Open.name().to_owned()),
            logged_idx: Set(None),
            void_reason: Set(None),
        }))
        .on_conflict(
            OnConflict::columns([paper_ballot::Column::CycleId, paper_ballot::Column::Serial])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    let stored = batch_serials(&txn, cycle, batch).await?;
    if stored.len() != serials.len() {
        return Err(DbError::Random("a serial came out twice".to_owned()));
    }
    txn.commit().await?;
    Ok(Ok(Printed { batch, serials }))
}

/// The serials of print run `batch` of cycle `cycle`, to print again.
pub async fn batch_serials(
    db: &impl ConnectionTrait,
    cycle: i32,
    batch: i32,
) -> Result<Vec<PaperSerial>, DbError> {
    let rows = paper_ballot::Entity::find()
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Batch.eq(batch))
        .order_by_asc(paper_ballot::Column::Serial)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            row.serial.parse().map_err(|_| DbError::InvalidValue {
                table: "paper_ballot",
                column: "serial",
                value: row.serial,
            })
        })
        .collect()
}

/// Committee member `account` keys what the paper ballot `serial` of
/// cycle `cycle` shows. All or nothing.
pub async fn key(
    db: &DatabaseConnection,
    cycle: i32,
    serial: &PaperSerial,
    account: i32,
    marked: &Marked,
) -> Result<Result<Keyed, PaperRefusal>, DbError> {
    let txn = db.begin().await?;
    if let Err(refusal) = hold(&txn, cycle, account).await? {
        return Ok(Err(refusal));
    }
    let Some(frozen) = crate::frozen::frozen(&txn, cycle).await? else {
        return Ok(Err(PaperRefusal::NotVoting));
    };
    if let Marked::Ballot(ballot) = marked
        && let Err(e) = ballot.validate(&frozen.manifest.manifest)
    {
        return Ok(Err(PaperRefusal::Invalid(e)));
    }
    let compact = serial.compact();
    let Some(row) = paper_ballot::Entity::find_by_id((cycle, compact.clone()))
        .one(&txn)
        .await?
    else {
        return Ok(Err(PaperRefusal::UnknownSerial));
    };
    if let Some(refusal) = refusal_for(&row) {
        return Ok(Err(refusal));
    }
    let keyed = marked.stored();
    let earlier = paper_entry::Entity::find()
        .filter(paper_entry::Column::CycleId.eq(cycle))
        .filter(paper_entry::Column::Serial.eq(&compact))
        .all(&txn)
        .await?;
    if earlier.iter().any(|entry| entry.account_id == account) {
        return Ok(Err(PaperRefusal::KeyedByYou));
    }
    paper_entry::Entity::insert(paper_entry::ActiveModel {
        cycle_id: Set(cycle),
        serial: Set(compact.clone()),
        account_id: Set(account),
        ballot: Set(keyed.clone()),
        entered_at: Set(chrono::Utc::now()),
    })
    .exec_without_returning(&txn)
    .await?;
    let Some(first) = earlier.first() else {
        txn.commit().await?;
        return Ok(Ok(Keyed::Waiting));
    };
    if first.ballot != keyed {
        if !move_status(&txn, cycle, &compact, Status::Open, Status::Mismatch).await? {
            return Ok(Err(PaperRefusal::Mismatched));
        }
        txn.commit().await?;
        return Ok(Ok(Keyed::Mismatch));
    }
    let ballot = match marked {
        Marked::Ballot(ballot) => ballot,
        Marked::Spoiled => {
            if !move_status(&txn, cycle, &compact, Status::Open, Status::Spoiled).await? {
                return Ok(Err(PaperRefusal::Mismatched));
            }
            txn.commit().await?;
            return Ok(Ok(Keyed::Spoiled));
        }
    };
    let entry = Entry {
        manifest_hash: frozen.hash,
        nonce: frozen.manifest.election.paper_nonce(&compact),
        ballot: ballot.clone(),
    }
    .encode();
    let appended = match log::append_from(&txn, cycle, &[&entry], Source::Paper).await? {
        Ok(mut appended) => appended.remove(0),
        Err(refusal) => return Ok(Err(PaperRefusal::Log(refusal))),
    };
    let logged = paper_ballot::Entity::update_many()
        .col_expr(
            paper_ballot::Column::Status,
            Expr::value(Status::Logged.name()),
        )
        .col_expr(
            paper_ballot::Column::LoggedIdx,
            Expr::value(i64::try_from(appended.index).unwrap_or(i64::MAX)),
        )
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Serial.eq(&compact))
        .filter(paper_ballot::Column::Status.eq(Status::Open.name()))
        .exec(&txn)
        .await?;
    if logged.rows_affected != 1 {
        return Ok(Err(PaperRefusal::Mismatched));
    }
    txn.commit().await?;
    Ok(Ok(Keyed::Logged(appended)))
}

/// Why a paper ballot in `row`'s state takes no entry, if it does not.
fn refusal_for(row: &paper_ballot::Model) -> Option<PaperRefusal> {
    match Status::from_name(&row.status) {
        Status::Logged => Some(PaperRefusal::Logged(
            row.logged_idx
                .and_then(|idx| u64::try_from(idx).ok())
                .unwrap_or(0),
        )),
        Status::Voided | Status::Spoiled => Some(PaperRefusal::Voided),
        Status::Mismatch => Some(PaperRefusal::Mismatched),
        Status::Open => None,
    }
}

/// Moves `serial` of `cycle` from status `from` to `to`; whether it moved.
async fn move_status(
    txn: &impl ConnectionTrait,
    cycle: i32,
    serial: &str,
    from: Status,
    to: Status,
) -> Result<bool, DbError> {
    let moved = paper_ballot::Entity::update_many()
        .col_expr(paper_ballot::Column::Status, Expr::value(to.name()))
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Serial.eq(serial))
        .filter(paper_ballot::Column::Status.eq(from.name()))
        .exec(txn)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// A keying as stored (hex of the ballot's canonical encoding, or the
/// spoiled mark), read back.
fn stored_marked(text: &str) -> Result<Marked, DbError> {
    if text == SPOILED {
        return Ok(Marked::Spoiled);
    }
    stored_ballot(text).map(Marked::Ballot)
}

fn stored_ballot(hex_text: &str) -> Result<Ballot, DbError> {
    crate::hex::decode(hex_text)
        .and_then(|bytes| decode_ballot(&bytes).ok())
        .ok_or_else(|| DbError::InvalidValue {
            table: "paper_entry",
            column: "ballot",
            value: hex_text.to_owned(),
        })
}

/// Writes a resolution row (in the caller's transaction).
async fn record_resolution(
    txn: &impl ConnectionTrait,
    cycle: i32,
    serial: &str,
    account: i32,
    action: &str,
    reason: &str,
) -> Result<(), DbError> {
    paper_resolution::Entity::insert(paper_resolution::ActiveModel {
        cycle_id: Set(cycle),
        serial: Set(serial.to_owned()),
        account_id: Set(Some(account)),
        action: Set(action.to_owned()),
        reason: Set(reason.to_owned()),
        resolved_at: Set(chrono::Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// The log index of the paper ballot with `serial` in cycle `cycle`, once
/// it is logged: whoever holds the paper finds its entry with it.
pub async fn logged_index(
    db: &impl sea_orm::ConnectionTrait,
    cycle: i32,
    serial: &PaperSerial,
) -> Result<Option<u64>, DbError> {
    Ok(paper_ballot::Entity::find_by_id((cycle, serial.compact()))
        .one(db)
        .await?
        .and_then(|row| row.logged_idx)
        .and_then(|idx| u64::try_from(idx).ok()))
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn every_status_reads_back_from_its_stored_name() {
        for status in [
            Status::Open,
            Status::Logged,
            Status::Mismatch,
            Status::Voided,
            Status::Spoiled,
        ] {
            assert_eq!(Status::from_name(status.name()), status);
        }
    }

    #[test]
    fn an_unknown_stored_name_reads_as_open() {
        assert_eq!(Status::from_name("LOGGED"), Status::Open);
        assert_eq!(Status::from_name(""), Status::Open);
    }
}
