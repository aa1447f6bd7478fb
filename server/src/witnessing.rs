//! Asking a cycle's witnesses to cosign its log (c2sp.org/tlog-witness,
//! the log's side): every so often, for each cycle in voting or counting
//! whose frozen manifest names a witness policy, the current checkpoint
//! (the sealed one once voting has closed) is offered to each witness
//! with an address that has not cosigned that size yet, with a consistency proof from the
//! size it last cosigned. A witness answering 409 names the size it
//! holds and is asked once more from there. Each cosignature is checked
//! against the witness's key in the policy before it is kept; the count
//! waits until the sealed checkpoint meets the policy
//! (`pebble_db::count`), and the record carries the cosignatures.
//!
//! The loop runs in the server's own future (see `startup`), so a stopped
//! server stops asking and lets its database pool go.

use std::sync::Arc;
use std::time::Duration;

use counting::policy::Witness;
use counting::witness::{AddCheckpoint, parse_conflict};
use pebble_app::ballot_box::BallotBox;
use pebble_app::ballot_box::logs::{Opened, Signed};
use pebble_db::DatabaseConnection;
use pebble_domain::Phase;

/// How long one witness may take to answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);

/// Asks the witnesses every `every`, for good.
pub async fn run(db: DatabaseConnection, ballot_box: Arc<BallotBox>, every: Duration) {
    let client = match reqwest::Client::builder().timeout(ANSWER_WITHIN).build() {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "no HTTP client: witnesses will not be asked");
            return std::future::pending().await;
        }
    };
    loop {
        if let Err(error) = round(&db, &ballot_box, &client).await {
            tracing::warn!(%error, "could not ask the witnesses this time");
        }
        tokio::time::sleep(every).await;
    }
}

/// One round over every cycle that has witnesses to ask.
pub async fn round(
    db: &DatabaseConnection,
    ballot_box: &BallotBox,
    client: &reqwest::Client,
) -> Result<(), String> {
    for row in pebble_db::cycles::list(db)
        .await
        .map_err(|e| e.to_string())?
    {
        if !matches!(*row.phase, Phase::Voting | Phase::Counting) {
            continue;
        }
        let Opened::Log(log) = ballot_box.log(row.id).await.map_err(|e| e.to_string())? else {
            continue;
        };
        let Some(policy) = log.frozen.manifest.election.witness_policy() else {
            continue;
        };
        let policy = policy.map_err(|e| e.to_string())?;
        let signed = log
            .checkpoint(db, row.id)
            .await
            .map_err(|e| e.to_string())?;
        let have = pebble_db::witnesses::at_size(db, row.id, signed.head.size)
            .await
            .map_err(|e| e.to_string())?;
        let latest = pebble_db::witnesses::latest(db, row.id)
            .await
            .map_err(|e| e.to_string())?;
        for witness in policy
            .witnesses
            .iter()
            // Committee members' witnesses have no address: their
            // browsers cosign on the committee's pages instead.
            .filter(|w| w.url.is_some() && !have.contains_key(&w.name))
        {
            let held = latest.get(&witness.name).copied().unwrap_or(0);
            match ask(db, client, row.id, witness, held, &signed).await {
                Ok(()) => {}
                Err(why) => {
                    tracing::warn!(cycle = row.id, witness = %witness.name, %why, "the witness did not cosign")
                }
            }
        }
    }
    Ok(())
}

/// Offers `signed` to `witness`, believed to hold size `held`, and keeps
/// its cosignature.
async fn ask(
    db: &DatabaseConnection,
    client: &reqwest::Client,
    cycle: i32,
    witness: &Witness,
    held: u64,
    signed: &Signed,
) -> Result<(), String> {
    let Some(url) = &witness.url else {
        return Err("the policy gives no address".to_owned());
    };
    let url = format!("{}/add-checkpoint", url.trim_end_matches('/'));
    let size = signed.head.size;
    let mut old = held;
    for _ in 0..2 {
        if old > size {
            return Err(format!(
                "it holds size {old}, past this checkpoint's {size}: it was shown another log"
            ));
        }
        let proof = if old == 0 || old == size {
            Vec::new()
        } else {
            pebble_db::log::consistency(db, cycle, old, size)
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| format!("no proof from {old} to {size}: {e:?}"))?
        };
        let request = AddCheckpoint {
            old_size: old,
            proof,
            checkpoint: signed.note.clone(),
        };
        let answer = client
            .post(&url)
            .body(request.body())
            .send()
            .await
            .map_err(|e| format!("{url}: {e}"))?;
        let status = answer.status().as_u16();
        let body = answer.text().await.map_err(|e| format!("{url}: {e}"))?;
        match status {
            200 => {
                let line = body
                    .lines()
                    .map(|line| format!("{line}\n"))
                    .find(|line| {
                        witness
                            .key
                            .verify(&format!("{}{line}", signed.note))
                            .is_ok()
                    })
                    .ok_or("its answer holds no cosignature by its key in the policy")?;
                pebble_db::witnesses::save(db, cycle, &witness.name, size, &line)
                    .await
                    .map_err(|e| e.to_string())?;
                tracing::info!(cycle, witness = %witness.name, size, "cosigned");
                return Ok(());
            }
            409 => {
                old = parse_conflict(&body).ok_or("a 409 without the size it holds")?;
            }
            _ => return Err(format!("{url} answered {status}: {}", body.trim_end())),
        }
    }
    Err("it named another size twice".to_owned())
}
