//! A committee member as a witness of the ballot log, when the cycle's
//! witness policy has a committee line (`counting::policy::committee`):
//! what their browser is asked to cosign (the current checkpoint while
//! voting is open, the sealed one after), and the cosignature it sends
//! back. The server checks the line against the member's key in the
//! frozen policy before keeping it; it never holds the key, so it can
//! neither make a member's cosignature nor hand back one they did not
//! make (`counting::witness::member`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What a member's browser is asked to cosign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WitnessTask {
    /// The cycle.
    pub cycle_id: i32,
    /// The checkpoint's size.
    pub size: u64,
    /// Its root (base64), to show.
    pub root: String,
    /// Whether it is the sealed checkpoint.
    pub sealed: bool,
    /// The c2sp.org/tlog-witness `add-checkpoint` request body: the size
    /// the member last cosigned, the consistency proof from there and
    /// the signed checkpoint.
    pub request: String,
    /// The log's verifier key, from the frozen manifest.
    pub log_key: String,
    /// The member's witness key name.
    pub key_name: String,
    /// The member's frozen public key (hex): the key file must hold it.
    pub public_key: String,
    /// The checkpoint the member cosigned last, with their cosignature.
    pub handed: Option<String>,
    /// The size they cosigned last.
    pub last: Option<u64>,
    /// Whether they have cosigned this checkpoint.
    pub done: bool,
}

/// Keeps the signed-in member's `cosignature` (a c2sp.org/tlog-cosignature
/// line) of cycle `cycle`'s checkpoint of `size` entries, then goes back
/// to the page that asked: the key page while voting is open, the count
/// desk once the log is sealed.
#[server(prefix = "/api", endpoint = "cosign-log")]
pub async fn cosign_log(cycle: i32, size: String, cosignature: String) -> Result<(), AppError> {
    let sealed = backend::cosign(cycle, &size, &cosignature).await?;
    leptos_axum::redirect(&if sealed {
        format!("/committee/count?cycle={cycle}&cosigned=1")
    } else {
        "/committee/keys?cosigned=1".to_owned()
    });
    Ok(())
}

#[cfg(feature = "ssr")]
pub mod backend {
    use counting::merkle::to_hex;
    use counting::policy::{Witness, committee};
    use counting::witness::AddCheckpoint;
    use http::StatusCode;
    use pebble_db::DatabaseConnection;
    use pebble_domain::Action;

    use super::WitnessTask;
    use crate::api::backend::auth::require_on_committee;
    use crate::api::backend::{bad_input, database, find_cycle, internal, refuse, wrong_phase};
    use crate::api::vote::backend::ballot_box;
    use crate::ballot_box::logs::{CycleLog, Opened};
    use crate::error::AppError;
    use crate::i18n::request_lang;

    /// The witness the frozen policy makes of committee member `seat`.
    fn witness_of(log: &CycleLog, seat: u32) -> Option<Witness> {
        let policy = log.frozen.manifest.election.witness_policy()?.ok()?;
        let name = committee::witness_name(seat as usize);
        policy.witnesses.into_iter().find(|w| w.name == name)
    }

    /// The signed checkpoint of `size` entries: the current or sealed
    /// one when it has that size, else signed now.
    async fn note_at(
        db: &DatabaseConnection,
        log: &CycleLog,
        cycle: i32,
        current: &crate::ballot_box::logs::Signed,
        size: u64,
    ) -> Result<String, AppError> {
        if size == current.head.size {
            return Ok(current.note.clone());
        }
        Ok(log.checkpoint_at(db, cycle, size).await?.note)
    }

    /// What member `account`'s browser is asked to cosign in cycle
    /// `cycle`, if the cycle's frozen policy makes them a witness.
    pub async fn task(
        db: &DatabaseConnection,
        cycle: i32,
        account: i32,
    ) -> Result<Option<WitnessTask>, AppError> {
        let seat = pebble_db::committee::seat(db, cycle, account)
            .await?
            .flatten();
        let Some(seat) = seat else {
            return Ok(None);
        };
        let Opened::Log(log) = ballot_box()?.log(cycle).await? else {
            return Ok(None);
        };
        let Some(witness) = witness_of(&log, seat) else {
            return Ok(None);
        };
        let election = &log.frozen.manifest.election;
        let signed = log.checkpoint(db, cycle).await?;
        let size = signed.head.size;
        // A size past the log's could only come from another log: hand
        // nothing back, and a browser that remembers will refuse.
        let last = pebble_db::witnesses::latest(db, cycle)
            .await?
            .get(&witness.name)
            .copied();
        let held = last.filter(|at| *at <= size);
        let old = held.unwrap_or(0);
        let proof = if old == 0 || old == size {
            Vec::new()
        } else {
            pebble_db::log::consistency(db, cycle, old, size)
                .await?
                .map_err(|e| internal(format!("{e:?}")))?
        };
        let handed = match held {
            Some(at) => {
                let lines = pebble_db::witnesses::at_size(db, cycle, at).await?;
                match lines.get(&witness.name) {
                    Some(line) => Some(format!(
                        "{}{line}",
                        note_at(db, &log, cycle, &signed, at).await?
                    )),
                    None => None,
                }
            }
            None => None,
        };
        let request = AddCheckpoint {
            old_size: old,
            proof,
            checkpoint: signed.note.clone(),
        };
        Ok(Some(WitnessTask {
            cycle_id: cycle,
            size,
            // The checkpoint's third line is its root in base64.
            root: signed.note.lines().nth(2).unwrap_or_default().to_owned(),
            sealed: signed.sealed,
            request: request.body(),
            log_key: election.log_verifier().map_err(internal)?.to_string(),
            key_name: witness.key.name().to_owned(),
            public_key: election
                .members
                .get(seat as usize)
                .map(|m| to_hex(&m.key))
                .unwrap_or_default(),
            handed,
            last,
            done: last == Some(size),
        }))
    }

    /// See [`super::cosign_log`]: keeps the line if it is the member's
    /// cosignature of the log's checkpoint of `size` entries; whether
    /// the log is sealed.
    pub async fn cosign(cycle: i32, size: &str, line: &str) -> Result<bool, AppError> {
        let member = require_on_committee(Action::WitnessLog, cycle).await?;
        let db = database()?;
        find_cycle(&db, cycle)
            .await?
            .phase
            .allows(Action::WitnessLog)
            .map_err(wrong_phase)?;
        let text = request_lang().witness();
        let not_a_witness = || refuse(StatusCode::CONFLICT, text.not_a_witness);
        let seat = pebble_db::committee::seat(&db, cycle, member.id)
            .await?
            .flatten()
            .ok_or_else(not_a_witness)?;
        let Opened::Log(log) = ballot_box()?.log(cycle).await? else {
            return Err(not_a_witness());
        };
        let witness = witness_of(&log, seat).ok_or_else(not_a_witness)?;
        let size: u64 = size.trim().parse().map_err(|_| bad_input(text.bad_size))?;
        let signed = log.checkpoint(&db, cycle).await?;
        let fits = if signed.sealed {
            size == signed.head.size
        } else {
            size <= signed.head.size
        };
        if !fits {
            return Err(bad_input(text.bad_size));
        }
        let note = note_at(&db, &log, cycle, &signed, size).await?;
        let line = format!("{}\n", line.trim());
        let verified =
            line.lines().count() == 1 && witness.key.verify(&format!("{note}{line}")).is_ok();
        if !verified {
            return Err(bad_input((text.bad_line)(size)));
        }
        pebble_db::witnesses::save(&db, cycle, &witness.name, size, &line).await?;
        Ok(signed.sealed)
    }
}
