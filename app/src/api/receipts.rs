//! What the receipt check fetches: the log's raw evidence for one entry
//! (the frozen manifest's bytes, the signed checkpoint, the leaf and its
//! proofs; the entry's own bytes only once the cycle is certified, when
//! every ballot is public), and a lookup of entries by tracker code or
//! paper serial. Whoever checks (the voter's browser, or this server when
//! JavaScript is off) re-derives everything with `counting::receipt`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The evidence, in hex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServedEvidence {
    /// The frozen manifest's canonical bytes.
    pub manifest: String,
    /// The log's signed checkpoint: the sealed one once voting closed,
    /// else the current head.
    pub checkpoint: String,
    /// The leaf hash at the index.
    pub leaf: String,
    /// The entry's canonical bytes, once the cycle is certified.
    pub entry: Option<String>,
    /// The inclusion proof in the checkpoint's tree.
    pub inclusion: Vec<String>,
    /// The consistency proof from `from_size` entries to the checkpoint.
    pub consistency: Vec<String>,
}

/// An entry a tracker code or a paper serial names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Its index.
    pub index: u64,
    /// Its leaf hash (hex).
    pub leaf: String,
}

/// The cycles whose ballot log can be checked (voting has opened), newest
/// first.
#[server(prefix = "/api", endpoint = "receipt-cycles")]
pub async fn receipt_cycles() -> Result<Vec<(i32, String)>, AppError> {
    use crate::api::backend::database;
    let db = database()?;
    Ok(pebble_db::cycles::list(&db)
        .await?
        .into_iter()
        .filter(|c| *c.phase >= pebble_domain::Phase::Voting)
        .map(|c| (c.id, c.name))
        .collect())
}

/// The evidence for entry `index` of cycle `cycle`'s log, with a
/// consistency proof from the log of `from_size` entries when asked.
#[server(prefix = "/api", endpoint = "receipt-evidence")]
pub async fn receipt_evidence(
    cycle: i32,
    index: u64,
    from_size: Option<u64>,
) -> Result<ServedEvidence, AppError> {
    backend::evidence(cycle, index, from_size).await
}

/// The entries of cycle `cycle`'s log that `lookup` names: a tracker code
/// (`K7QX-M2PA`) or a paper ballot's serial.
#[server(prefix = "/api", endpoint = "receipt-lookup")]
pub async fn find_receipt(cycle: i32, lookup: String) -> Result<Vec<Named>, AppError> {
    backend::lookup(cycle, &lookup).await
}

#[cfg(feature = "ssr")]
mod backend {
    use counting::merkle::to_hex;
    use http::StatusCode;
    use pebble_domain::Phase;

    use super::{Named, ServedEvidence};
    use crate::api::backend::{database, refuse};
    use crate::api::vote::backend::ballot_box;
    use crate::ballot_box::logs::Opened;
    use crate::error::AppError;
    use crate::i18n::request_lang;

    fn unknown() -> AppError {
        refuse(StatusCode::NOT_FOUND, request_lang().vote().receipt_unknown)
    }

    pub async fn evidence(
        cycle: i32,
        index: u64,
        from_size: Option<u64>,
    ) -> Result<ServedEvidence, AppError> {
        let db = database()?;
        let Opened::Log(log) = ballot_box()?.log(cycle).await? else {
            return Err(unknown());
        };
        let checkpoint = log.checkpoint(&db, cycle).await?;
        let size = checkpoint.head.size;
        let (entry, leaf, _) = pebble_db::log::entry(&db, cycle, index)
            .await?
            .filter(|_| index < size)
            .ok_or_else(unknown)?;
        let certified = pebble_db::cycles::find(&db, cycle)
            .await?
            .is_some_and(|c| *c.phase == Phase::Certified);
        let hexes =
            |hashes: Vec<counting::merkle::Hash>| hashes.iter().map(|h| to_hex(h)).collect();
        let inclusion = pebble_db::log::inclusion(&db, cycle, index, size)
            .await?
            .map_err(|_| unknown())?;
        let consistency = match from_size.filter(|from| (1..=size).contains(from)) {
            Some(from) => pebble_db::log::consistency(&db, cycle, from, size)
                .await?
                .map_err(|_| unknown())?,
            None => Vec::new(),
        };
        // With its witnesses' cosignatures, so a proof saved from this
        // check carries them (the check itself reads the log's signature).
        let election = &log.frozen.manifest.election;
        let note =
            pebble_db::witnesses::cosigned(&db, cycle, election, size, checkpoint.note).await?;
        Ok(ServedEvidence {
            manifest: to_hex(&log.frozen.manifest.encode()),
            checkpoint: note,
            leaf: to_hex(&leaf),
            // Ballots are published with the results, not before.
            entry: certified.then(|| to_hex(&entry)),
            inclusion: hexes(inclusion),
            consistency: hexes(consistency),
        })
    }

    pub async fn lookup(cycle: i32, lookup: &str) -> Result<Vec<Named>, AppError> {
        let db = database()?;
        let plain: String = lookup
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if let Ok(serial) = plain.parse::<pebble_domain::PaperSerial>() {
            let Some(index) = pebble_db::paper::logged_index(&db, cycle, &serial).await? else {
                return Ok(Vec::new());
            };
            let (_, leaf, _) = pebble_db::log::entry(&db, cycle, index)
                .await?
                .ok_or_else(unknown)?;
            return Ok(vec![Named {
                index,
                leaf: to_hex(&leaf),
            }]);
        }
        let Some(prefix) = counting::tracker::leaf_prefix(&plain) else {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                request_lang().vote().receipt_unreadable,
            ));
        };
        Ok(pebble_db::log::leaves_starting(&db, cycle, &prefix, 10)
            .await?
            .into_iter()
            .map(|(index, leaf)| Named {
                index,
                leaf: to_hex(&leaf),
            })
            .collect())
    }
}
