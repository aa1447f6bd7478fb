//! Following a log without its help: read its checkpoint, fetch the hash
//! tiles a consistency proof needs (c2sp.org/tlog-tiles), compute the
//! proof from them ([`counting::tiles::TileNodes`]) and offer the result
//! to the witness like any `add-checkpoint` request. A log serving a
//! different history than the one the witness cosigned cannot make
//! tiles that join the two.

use counting::merkle::stored::{Recorder, consistency_proof};
use counting::tiles::TileNodes;
use counting::witness::AddCheckpoint;

use super::{Outcome, Witness};

/// `http://host/log/<cycle>` → `http://host/api/v1/cycles/<cycle>/manifest`.
fn manifest_url(log_url: &str) -> Option<String> {
    let (base, cycle) = log_url.trim_end_matches('/').rsplit_once("/log/")?;
    (!cycle.is_empty() && cycle.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{base}/api/v1/cycles/{cycle}/manifest"))
}

async fn get(client: &reqwest::Client, url: &str) -> Result<reqwest::Response, String> {
    let answer = client
        .get(url)
        .send()
        .await
        .map_err(|e| format!("cannot fetch {url}: {e}"))?;
    if !answer.status().is_success() {
        return Err(format!("{url} answered {}", answer.status()));
    }
    Ok(answer)
}

/// Starts following the Pebble log at `log_url` (`http://host/log/<cycle>`):
/// on first sight its key is read from the cycle's manifest and pinned;
/// afterwards the pinned key is kept and a different one refused.
/// Returns the log's origin.
pub async fn pin(
    witness: &Witness,
    client: &reqwest::Client,
    log_url: &str,
) -> Result<String, String> {
    let manifest = manifest_url(log_url).ok_or_else(|| {
        format!("{log_url} is not a Pebble log address (http(s)://host/log/<cycle>)")
    })?;
    let json: serde_json::Value = get(client, &manifest)
        .await?
        .json()
        .await
        .map_err(|e| format!("{manifest} is not a manifest: {e}"))?;
    let key = json["log_key"]
        .as_str()
        .ok_or_else(|| format!("{manifest} names no log_key"))?;
    witness
        .follow_log(key, Some(log_url.trim_end_matches('/').to_owned()))
        .await
}

/// One look at the log at `log_url`: `None` if it has not grown since the
/// last cosigned checkpoint, else what the witness made of the new one.
pub async fn once(
    witness: &Witness,
    client: &reqwest::Client,
    log_url: &str,
) -> Result<Option<Outcome>, String> {
    let base = log_url.trim_end_matches('/');
    let note = get(client, &format!("{base}/checkpoint"))
        .await?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    let origin = note.split('\n').next().unwrap_or_default();
    let latest = witness.latest(origin).await?;
    let new_size = note
        .split('\n')
        .nth(1)
        .and_then(|size| size.parse::<u64>().ok())
        .ok_or_else(|| format!("{base}/checkpoint is not a checkpoint"))?;
    let old_size = latest.as_ref().map_or(0, |c| c.head.size);
    if latest.is_some() && new_size <= old_size {
        if new_size < old_size {
            tracing::warn!(%origin, new_size, old_size, "the log shows a checkpoint older than the one cosigned (a cache, or a rollback)");
        } else if !latest.as_ref().is_some_and(|c| note.starts_with(&c.text())) {
            // Same size, but not the same text: offered, it is refused as
            // inconsistent and kept as evidence.
            let request = AddCheckpoint {
                old_size,
                proof: Vec::new(),
                checkpoint: note,
            };
            return witness.add_checkpoint(&request).await.map(Some);
        }
        return Ok(None);
    }
    let proof = if old_size == 0 {
        Vec::new()
    } else {
        let recorder = Recorder::default();
        let _ = consistency_proof(&recorder, old_size, new_size);
        let mut tiles = TileNodes::new(new_size);
        for tile in tiles.tiles_for(&recorder.into_read()) {
            let url = format!("{base}/{}", tile.path());
            let bytes = get(client, &url)
                .await?
                .bytes()
                .await
                .map_err(|e| e.to_string())?;
            if !tiles.add(tile, &bytes) {
                return Err(format!("{url} is not a tile of {} hashes", tile.width));
            }
        }
        match consistency_proof(&tiles, old_size, new_size) {
            Ok(proof) => proof,
            Err(e) => return Err(format!("the tiles of {base} do not make a proof: {e}")),
        }
    };
    let request = AddCheckpoint {
        old_size,
        proof,
        checkpoint: note,
    };
    witness.add_checkpoint(&request).await.map(Some)
}

/// Follows `log_urls` for good, looking every `every`.
pub async fn run(witness: &Witness, log_urls: &[String], every: std::time::Duration) {
    let client = reqwest::Client::new();
    loop {
        for url in log_urls {
            match once(witness, &client, url).await {
                Ok(Some(Outcome::Cosigned(_))) | Ok(None) => {}
                Ok(Some(Outcome::Refused(refusal, evidence))) => tracing::error!(
                    log = %url, %refusal, evidence = ?evidence, "refused to cosign the log's checkpoint"
                ),
                Err(e) => tracing::warn!(log = %url, error = %e, "could not read the log"),
            }
        }
        tokio::time::sleep(every).await;
    }
}

#[cfg(test)]
mod tests {
    use super::manifest_url;

    #[test]
    fn a_pebble_log_address_names_its_manifest() {
        assert_eq!(
            manifest_url("https://pb.example/log/12/").as_deref(),
            Some("https://pb.example/api/v1/cycles/12/manifest")
        );
        assert_eq!(manifest_url("https://pb.example/logs/12"), None);
        assert_eq!(manifest_url("https://pb.example/log/x"), None);
    }
}
