//! What the receipt check fetches: the log's raw evidence for one entry
//! (the frozen manifest's bytes, the signed checkpoint, the entry and
//! its proofs). The browser checks all of it itself with
//! `counting::receipt`; nothing here is taken on trust.

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
    /// The entry's canonical bytes.
    pub entry: String,
    /// The inclusion proof in the checkpoint's tree.
    pub inclusion: Vec<String>,
    /// The consistency proof from `from_size` entries to the checkpoint.
    pub consistency: Vec<String>,
}

/// The evidence for entry `index` of cycle `cycle`'s log, with a
/// consistency proof from the log of `from_size` entries when asked.
#[server(prefix = "/api", endpoint = "receipt-evidence")]
pub async fn receipt_evidence(
    cycle: i32,
    index: u64,
    from_size: Option<u64>,
) -> Result<ServedEvidence, AppError> {
    use counting::checkpoint::Checkpoint;
    use counting::merkle::to_hex;
    use http::StatusCode;

    use crate::api::backend::{database, internal, refuse};
    let unknown = || {
        refuse(
            StatusCode::NOT_FOUND,
            crate::i18n::request_lang().vote().receipt_unknown,
        )
    };
    let db = database()?;
    let found = pebble_db::frozen::frozen(&db, cycle)
        .await
        .map_err(internal)?
        .ok_or_else(unknown)?;
    let signer = pebble_db::frozen::signer(&db, &found, cycle)
        .await
        .map_err(internal)?
        .ok_or_else(unknown)?;
    let origin = found.manifest.election.log_origin();
    let checkpoint = match pebble_db::log::sealed_checkpoint(&db, cycle)
        .await
        .map_err(internal)?
    {
        Some(note) => note,
        None => Checkpoint {
            origin: origin.clone(),
            head: pebble_db::log::head(&db, cycle).await.map_err(internal)?,
        }
        .sign(&signer),
    };
    let size = Checkpoint::open(&checkpoint, &signer.verifier())
        .map_err(internal)?
        .head
        .size;
    let (entry, _, _) = pebble_db::log::entry(&db, cycle, index)
        .await
        .map_err(internal)?
        .filter(|_| index < size)
        .ok_or_else(unknown)?;
    let hexes = |hashes: Vec<counting::merkle::Hash>| hashes.iter().map(|h| to_hex(h)).collect();
    let inclusion = pebble_db::log::inclusion(&db, cycle, index, size)
        .await
        .map_err(internal)?
        .map_err(|_| unknown())?;
    let consistency = match from_size.filter(|from| (1..=size).contains(from)) {
        Some(from) => pebble_db::log::consistency(&db, cycle, from, size)
            .await
            .map_err(internal)?
            .map_err(|_| unknown())?,
        None => Vec::new(),
    };
    Ok(ServedEvidence {
        manifest: to_hex(&found.manifest.encode()),
        checkpoint,
        entry: to_hex(&entry),
        inclusion: hexes(inclusion),
        consistency: hexes(consistency),
    })
}
