//! What the committee sees of the paper ballots: counts by state, each
//! member's own keyings, the mismatch queue with both entries side by
//! side, and its resolution.

use pebble_domain::PaperSerial;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use super::{Marked, PaperRefusal, Status, hold, record_resolution, stored_marked};
use crate::DbError;
use crate::entity::{account, paper_ballot, paper_entry};

/// How many paper ballots of a cycle are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Printed, waiting for entries.
    pub open: u64,
    /// In the log.
    pub logged: u64,
    /// Waiting for the committee.
    pub mismatch: u64,
    /// Voided.
    pub voided: u64,
    /// Keyed as spoiled by both members.
    pub spoiled: u64,
}

/// Counts cycle `cycle`'s paper ballots by state.
pub async fn tally(db: &impl ConnectionTrait, cycle: i32) -> Result<Tally, DbError> {
    let rows: Vec<(String, i64)> = paper_ballot::Entity::find()
        .select_only()
        .column(paper_ballot::Column::Status)
        .column_as(paper_ballot::Column::Serial.count(), "n")
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .group_by(paper_ballot::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut tally = Tally::default();
    for (status, n) in rows {
        let n = u64::try_from(n).unwrap_or(0);
        match status.as_str() {
            "open" => tally.open = n,
            "logged" => tally.logged = n,
            "mismatch" => tally.mismatch = n,
            "spoiled" => tally.spoiled = n,
            _ => tally.voided = n,
        }
    }
    Ok(tally)
}

/// One of a member's own keyings and where its serial stands now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keying {
    /// The serial.
    pub serial: PaperSerial,
    /// What this member keyed.
    pub ballot: Marked,
    /// The serial's state now.
    pub status: Status,
}

fn serial_of(text: &str) -> Result<PaperSerial, DbError> {
    text.parse().map_err(|_| DbError::InvalidValue {
        table: "paper_ballot",
        column: "serial",
        value: text.to_owned(),
    })
}

/// Member `account`'s keyings in cycle `cycle`, newest first (never
/// another member's: double entry is blind).
pub async fn your_entries(
    db: &impl ConnectionTrait,
    cycle: i32,
    account: i32,
) -> Result<Vec<Keying>, DbError> {
    let entries = paper_entry::Entity::find()
        .filter(paper_entry::Column::CycleId.eq(cycle))
        .filter(paper_entry::Column::AccountId.eq(account))
        .order_by_desc(paper_entry::Column::EnteredAt)
        .all(db)
        .await?;
    let mut keyings = Vec::with_capacity(entries.len());
    for entry in entries {
        let status = paper_ballot::Entity::find_by_id((cycle, entry.serial.clone()))
            .one(db)
            .await?
            .map_or(Status::Open, |row| Status::from_name(&row.status));
        keyings.push(Keying {
            serial: serial_of(&entry.serial)?,
            ballot: stored_marked(&entry.ballot)?,
            status,
        });
    }
    Ok(keyings)
}

/// A serial whose two entries differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The serial.
    pub serial: PaperSerial,
    /// Each entry: who keyed it (display name) and what they keyed, in
    /// the order they were keyed.
    pub entries: Vec<(String, Marked)>,
}

/// Cycle `cycle`'s serials waiting for the committee, oldest serial
/// first.
pub async fn mismatches(db: &impl ConnectionTrait, cycle: i32) -> Result<Vec<Mismatch>, DbError> {
    let waiting = paper_ballot::Entity::find()
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Status.eq(Status::Mismatch.name()))
        .order_by_asc(paper_ballot::Column::Serial)
        .all(db)
        .await?;
    let mut queue = Vec::with_capacity(waiting.len());
    for row in waiting {
        let entries = paper_entry::Entity::find()
            .filter(paper_entry::Column::CycleId.eq(cycle))
            .filter(paper_entry::Column::Serial.eq(&row.serial))
            .order_by_asc(paper_entry::Column::EnteredAt)
            .find_also_related(account::Entity)
            .all(db)
            .await?;
        let mut pairs = Vec::with_capacity(entries.len());
        for (entry, who) in entries {
            let name = who.map_or_else(|| "(removed)".to_owned(), |a| a.display_name);
            pairs.push((name, stored_marked(&entry.ballot)?));
        }
        queue.push(Mismatch {
            serial: serial_of(&row.serial)?,
            entries: pairs,
        });
    }
    Ok(queue)
}

/// The paper ballots of cycle `cycle` that wait for the committee: keyed
/// once and waiting for the second entry, or in the mismatch queue.
/// Voting cannot close while any waits, for a sealed log takes nothing
/// more.
pub async fn waiting(db: &impl ConnectionTrait, cycle: i32) -> Result<Vec<PaperSerial>, DbError> {
    let mismatched: Vec<String> = paper_ballot::Entity::find()
        .select_only()
        .column(paper_ballot::Column::Serial)
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Status.eq(Status::Mismatch.name()))
        .into_tuple()
        .all(db)
        .await?;
    let half_keyed: Vec<String> = paper_ballot::Entity::find()
        .select_only()
        .column(paper_ballot::Column::Serial)
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Status.eq(Status::Open.name()))
        .filter(
            paper_ballot::Column::Serial.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(paper_entry::Column::Serial)
                    .from(paper_entry::Entity)
                    .and_where(paper_entry::Column::CycleId.eq(cycle))
                    .to_owned(),
            ),
        )
        .into_tuple()
        .all(db)
        .await?;
    let mut serials: Vec<PaperSerial> = mismatched
        .iter()
        .chain(&half_keyed)
        .map(|s| serial_of(s))
        .collect::<Result<_, _>>()?;
    serials.sort_by_key(PaperSerial::compact);
    Ok(serials)
}

/// How the committee settles a mismatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Clear both entries; the serial is keyed again, twice.
    Rekey,
    /// Void the paper ballot; it never enters the log.
    Void,
}

/// Member `account` resolves the mismatch of `serial` in cycle `cycle`
/// with `reason`, which is kept with who and when.
pub async fn resolve(
    db: &DatabaseConnection,
    cycle: i32,
    serial: &PaperSerial,
    account: i32,
    resolution: Resolution,
    reason: &str,
) -> Result<Result<(), PaperRefusal>, DbError> {
    let txn = db.begin().await?;
    if let Err(refusal) = hold(&txn, cycle, account).await? {
        return Ok(Err(refusal));
    }
    let compact = serial.compact();
    let (to, action) = match resolution {
        Resolution::Rekey => (Status::Open, "rekey"),
        Resolution::Void => (Status::Voided, "void"),
    };
    let mut update = paper_ballot::Entity::update_many()
        .col_expr(paper_ballot::Column::Status, Expr::value(to.name()))
        .filter(paper_ballot::Column::CycleId.eq(cycle))
        .filter(paper_ballot::Column::Serial.eq(&compact))
        .filter(paper_ballot::Column::Status.eq(Status::Mismatch.name()));
    if resolution == Resolution::Void {
        update = update.col_expr(paper_ballot::Column::VoidReason, Expr::value(reason));
    }
    if update.exec(&txn).await?.rows_affected != 1 {
        let known = paper_ballot::Entity::find_by_id((cycle, compact.clone()))
            .one(&txn)
            .await?;
        return Ok(Err(match known {
            None => PaperRefusal::UnknownSerial,
            Some(_) => PaperRefusal::NotMismatched,
        }));
    }
    if resolution == Resolution::Rekey {
        paper_entry::Entity::delete_many()
            .filter(paper_entry::Column::CycleId.eq(cycle))
            .filter(paper_entry::Column::Serial.eq(&compact))
            .exec(&txn)
            .await?;
    }
    record_resolution(&txn, cycle, &compact, account, action, reason).await?;
    txn.commit().await?;
    Ok(Ok(()))
}
