//! Paper ballots' server functions, for committee members while voting is
//! open: the desk (counts, your own entries, the mismatch queue), printing
//! a run of serials, keying a ballot (double entry) and resolving a
//! mismatch. Each form posts plainly and is answered by a redirect to the
//! page, which says what happened.

use std::collections::BTreeMap;

use counting::Ballot;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::vote::BallotSheet;
use crate::error::AppError;

/// How many of a cycle's paper ballots are in each state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperTally {
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
    /// Serials that wait for the committee (keyed once, or in the
    /// mismatch queue): voting cannot close until none does.
    pub waiting: Vec<String>,
}

/// Where a paper ballot stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperStatus {
    /// Waiting for its entries.
    Open,
    /// In the log.
    Logged,
    /// Its entries differ.
    Mismatch,
    /// Voided.
    Voided,
    /// Spoiled: counted as such, not in the log.
    Spoiled,
}

/// One of the signed-in member's own entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEntry {
    /// The serial, grouped for reading.
    pub serial: String,
    /// The ballot as this member keyed it; `None` if keyed as spoiled.
    pub ballot: Option<Ballot>,
    /// Where its paper ballot stands now.
    pub status: PaperStatus,
}

/// A mismatch: both entries, side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedMismatch {
    /// The serial, grouped for reading.
    pub serial: String,
    /// Who keyed what (`None`: spoiled), in the order keyed.
    pub entries: Vec<(String, Option<Ballot>)>,
}

/// The committee's paper-ballot desk for a cycle in voting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    /// The ballot (projects, rules, currency).
    pub sheet: BallotSheet,
    /// Counts by state.
    pub tally: PaperTally,
    /// The member's own entries, newest first.
    pub yours: Vec<OwnEntry>,
    /// Mismatches waiting for the committee.
    pub queue: Vec<QueuedMismatch>,
}

/// A print run's ballots.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintRun {
    /// The ballot.
    pub sheet: BallotSheet,
    /// The run's number.
    pub batch: i32,
    /// Its serials, grouped for reading.
    pub serials: Vec<String>,
}

/// The desk of cycle `cycle`, which is in voting.
#[server(prefix = "/api", endpoint = "paper-desk")]
pub async fn paper_desk(cycle: i32) -> Result<Desk, AppError> {
    backend::desk(cycle).await
}

/// Prints `count` new paper ballots for cycle `cycle`, then opens the
/// run's printable page.
#[server(prefix = "/api", endpoint = "print-paper")]
pub async fn print_paper(cycle: i32, count: String) -> Result<i32, AppError> {
    let batch = backend::print(cycle, &count).await?;
    leptos_axum::redirect(&format!(
        "/committee/paper/print?cycle={cycle}&batch={batch}"
    ));
    Ok(batch)
}

/// Print run `batch` of cycle `cycle`, to print (again).
#[server(prefix = "/api", endpoint = "paper-run")]
pub async fn paper_run(cycle: i32, batch: i32) -> Result<PrintRun, AppError> {
    backend::run(cycle, batch).await
}

/// Keys the paper ballot `serial` of cycle `cycle` as the signed-in
/// member read it: the ballot in the fields of
/// [`pebble_domain::ballot_form`], or `spoiled=yes` for a paper marked
/// beyond the ballot's limits or unreadable. Answers with where the
/// serial stands and goes back to the desk, which says so.
#[server(prefix = "/api", endpoint = "key-paper")]
pub async fn key_paper(
    cycle: i32,
    serial: String,
    choices: Option<BTreeMap<String, String>>,
    ranks: Option<BTreeMap<String, String>>,
    points: Option<BTreeMap<String, String>>,
    spoiled: Option<String>,
) -> Result<KeyOutcome, AppError> {
    let fields = pebble_domain::ballot_form::BallotFields {
        choices: choices.unwrap_or_default(),
        ranks: ranks.unwrap_or_default(),
        points: points.unwrap_or_default(),
    };
    let spoiled = spoiled.as_deref() == Some("yes");
    let outcome = backend::key(cycle, &serial, &fields, spoiled).await?;
    leptos_axum::redirect(&outcome.address(cycle));
    Ok(outcome)
}

/// What a keying did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyOutcome {
    /// The serial, grouped for reading.
    pub serial: String,
    /// Waiting for a second entry, logged, or a mismatch.
    pub status: PaperStatus,
    /// The log index, once logged.
    pub index: Option<u64>,
}

impl KeyOutcome {
    /// The desk's address that reports this outcome.
    pub fn address(&self, cycle: i32) -> String {
        let status = match self.status {
            PaperStatus::Open => "waiting",
            PaperStatus::Logged => "logged",
            PaperStatus::Mismatch => "mismatch",
            PaperStatus::Voided => "voided",
            PaperStatus::Spoiled => "spoiled",
        };
        let index = self
            .index
            .map(|i| format!("&index={i}"))
            .unwrap_or_default();
        format!(
            "/committee/paper?cycle={cycle}&keyed={status}&serial={}{index}",
            self.serial
        )
    }
}

/// Resolves the mismatch of `serial` in cycle `cycle`: `resolution` is
/// `rekey` or `void`, with a `reason` kept with who and when.
#[server(prefix = "/api", endpoint = "resolve-paper")]
pub async fn resolve_paper(
    cycle: i32,
    serial: String,
    resolution: String,
    reason: String,
) -> Result<String, AppError> {
    let serial = backend::resolve(cycle, &serial, &resolution, &reason).await?;
    leptos_axum::redirect(&format!(
        "/committee/paper?cycle={cycle}&resolved={serial}&how={}",
        if resolution.trim() == "void" {
            "void"
        } else {
            "rekey"
        }
    ));
    Ok(serial)
}

#[cfg(feature = "ssr")]
pub mod backend;
