//! A committee member's key page: their registered public key, the
//! cycles whose committee they sit on, and their tie-break commitments.
//! The key itself is made and kept in the member's browser (or offline);
//! these functions only register what it made.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One cycle the member sits on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRow {
    /// The cycle.
    pub cycle_id: i32,
    /// Its name.
    pub name: String,
    /// Its phase's name.
    pub phase: String,
    /// Whether its voting has opened (the commitments are frozen).
    pub frozen: bool,
    /// Whether it is being counted.
    pub counting: bool,
    /// Whether the member has committed for it.
    pub committed: bool,
    /// While voting is open, what the member's browser is asked to
    /// cosign as a witness of the log (if the policy makes them one).
    #[serde(default)]
    pub witness: Option<crate::api::witnessing::WitnessTask>,
}

/// The key page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPage {
    /// The member's username (the key file is named after it).
    pub username: String,
    /// Their registered public key (hex) and when, if any.
    pub key: Option<(String, String)>,
    /// The cycles they sit on, newest first.
    pub seats: Vec<SeatRow>,
}

/// The signed-in committee member's key page.
#[server(prefix = "/api", endpoint = "key-desk")]
pub async fn key_desk() -> Result<KeyPage, AppError> {
    backend::desk().await
}

/// Registers `public_key` (64 hex digits) as the member's key.
#[server(prefix = "/api", endpoint = "register-key")]
pub async fn register_key(public_key: String) -> Result<(), AppError> {
    backend::register(&public_key).await?;
    leptos_axum::redirect("/committee/keys?registered=1");
    Ok(())
}

/// Commits the member to a tie-break secret for cycle `cycle`: the
/// `salt` (32 hex digits) and `commitment` (64) their key made.
#[server(prefix = "/api", endpoint = "commit-tiebreak")]
pub async fn commit_tiebreak(cycle: i32, salt: String, commitment: String) -> Result<(), AppError> {
    backend::commit(cycle, &salt, &commitment).await?;
    leptos_axum::redirect("/committee/keys?committed=1");
    Ok(())
}

#[cfg(feature = "ssr")]
mod backend {
    use counting::merkle::{bytes_from_hex, from_hex};
    use http::StatusCode;
    use pebble_db::committee::{self, Commitment, CommitteeRefusal};
    use pebble_domain::{Action, Phase};

    use super::{KeyPage, SeatRow};
    use crate::api::backend::auth::{require, require_on_committee};
    use crate::api::backend::{bad_input, database, refuse, words};
    use crate::error::AppError;
    use crate::i18n::request_lang;

    fn refused(refusal: CommitteeRefusal) -> AppError {
        let text = request_lang().count();
        match refusal {
            CommitteeRefusal::NoSuchCycle => refuse(StatusCode::NOT_FOUND, text.no_such_cycle),
            CommitteeRefusal::NotOnCommittee => {
                refuse(StatusCode::FORBIDDEN, text.not_committee_of)
            }
            CommitteeRefusal::Phase(phase) => refuse(
                StatusCode::CONFLICT,
                words().refusal(Action::CommitTiebreak, phase),
            ),
            CommitteeRefusal::NoKey => refuse(StatusCode::CONFLICT, text.needs_key_first),
            CommitteeRefusal::KeyInUse { cycle } => {
                refuse(StatusCode::CONFLICT, (text.key_in_use)(cycle))
            }
        }
    }

    pub async fn desk() -> Result<KeyPage, AppError> {
        let member = require(Action::CommitTiebreak).await?;
        let db = database()?;
        let key = committee::registered(&db, member.id)
            .await?
            .map(|(key, at)| (key, at.format("%Y-%m-%d %H:%M UTC").to_string()));
        let mut seats = Vec::new();
        for cycle in committee::cycles_of(&db, member.id).await? {
            let committed = committee::commitment_of(&db, cycle.id, member.id)
                .await?
                .is_some();
            let witness = if *cycle.phase == Phase::Voting {
                crate::api::witnessing::backend::task(&db, cycle.id, member.id).await?
            } else {
                None
            };
            seats.push(SeatRow {
                cycle_id: cycle.id,
                name: cycle.name,
                phase: words().phases[cycle.phase.index()].to_owned(),
                frozen: *cycle.phase >= Phase::Voting,
                counting: *cycle.phase == Phase::Counting,
                committed,
                witness,
            });
        }
        Ok(KeyPage {
            username: member.username,
            key,
            seats,
        })
    }

    pub async fn register(public_key: &str) -> Result<(), AppError> {
        let member = require(Action::CommitTiebreak).await?;
        let key = from_hex(public_key.trim())
            .ok_or_else(|| bad_input(request_lang().count().not_a_public_key))?;
        let db = database()?;
        committee::register_key(&db, member.id, &key)
            .await?
            .map_err(refused)
    }

    pub async fn commit(cycle: i32, salt: &str, commitment: &str) -> Result<(), AppError> {
        // Rights before input: whoever is not on this committee learns
        // nothing from how their form was refused.
        let member = require_on_committee(Action::CommitTiebreak, cycle).await?;
        let not_hex = || bad_input(request_lang().count().not_a_commitment);
        let salt: [u8; 16] = bytes_from_hex(salt.trim())
            .and_then(|b| b.try_into().ok())
            .ok_or_else(not_hex)?;
        let commitment = from_hex(commitment.trim()).ok_or_else(not_hex)?;
        let db = database()?;
        committee::commit(&db, cycle, member.id, Commitment { salt, commitment })
            .await?
            .map_err(refused)
    }
}
