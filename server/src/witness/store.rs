//! What a witness keeps on disk: its key, and for each log it follows
//! the log's pinned key and the latest checkpoint it cosigned. Each log's
//! state is one small JSON file, replaced whole (written beside, synced,
//! renamed), so a crash leaves the old state or the new, never half.
//!
//! ```text
//! <state>/logs/<sha256(origin) hex>.json   {"origin", "log_key", "url", "checkpoint"}
//! <state>/evidence/<time>-<n>.txt          a refused request: old size, proof, checkpoint
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::cosignature::{COSIGNATURE_V1, Cosigner};
use counting::merkle::to_hex;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One followed log's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogState {
    /// The log's origin (its checkpoints' first line).
    pub origin: String,
    /// The log's key, as a signed-note verifier key.
    pub log_key: String,
    /// Where its tiles are, if this witness follows it itself.
    pub url: Option<String>,
    /// The latest checkpoint this witness cosigned, with the log's
    /// signature and this witness's cosignature.
    pub checkpoint: Option<String>,
}

/// The state directory.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

fn io(what: &str, path: &Path, e: std::io::Error) -> String {
    format!("{what} {}: {e}", path.display())
}

/// Writes `bytes` to `path` whole: beside it first, synced, then renamed.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let beside = path.with_extension("tmp");
    let mut file = std::fs::File::create(&beside).map_err(|e| io("cannot write", &beside, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| io("cannot write", &beside, e))?;
    std::fs::rename(&beside, path).map_err(|e| io("cannot replace", path, e))?;
    if let Some(parent) = path.parent() {
        // The rename itself is durable once the directory is synced.
        let _ = std::fs::File::open(parent).and_then(|d| d.sync_all());
    }
    Ok(())
}

impl Store {
    /// Opens (creating) the state directory.
    pub fn open(dir: &Path) -> Result<Store, String> {
        for sub in ["logs", "evidence"] {
            let path = dir.join(sub);
            std::fs::create_dir_all(&path).map_err(|e| io("cannot create", &path, e))?;
        }
        Ok(Store {
            dir: dir.to_owned(),
        })
    }

    fn path(&self, origin: &str) -> PathBuf {
        let name = to_hex(&Sha256::digest(origin.as_bytes()));
        self.dir.join("logs").join(format!("{name}.json"))
    }

    /// The state of the log named `origin`, if this witness follows it.
    pub fn get(&self, origin: &str) -> Result<Option<LogState>, String> {
        let path = self.path(origin);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| format!("{} is not a witness state file: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io("cannot read", &path, e)),
        }
    }

    /// Saves a log's state.
    pub fn put(&self, state: &LogState) -> Result<(), String> {
        let json = serde_json::to_vec_pretty(state).map_err(|e| e.to_string())?;
        replace(&self.path(&state.origin), &json)
    }

    /// Every followed log.
    pub fn all(&self) -> Result<Vec<LogState>, String> {
        let dir = self.dir.join("logs");
        let mut logs = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(|e| io("cannot read", &dir, e))? {
            let path = entry.map_err(|e| io("cannot read", &dir, e))?.path();
            if path.extension().is_some_and(|x| x == "json") {
                let bytes = std::fs::read(&path).map_err(|e| io("cannot read", &path, e))?;
                logs.push(
                    serde_json::from_slice(&bytes).map_err(|e| {
                        format!("{} is not a witness state file: {e}", path.display())
                    })?,
                );
            }
        }
        logs.sort_by(|a: &LogState, b| a.origin.cmp(&b.origin));
        Ok(logs)
    }

    /// Keeps a refused request, signed by the log, as evidence of what the
    /// log showed this witness. Returns the file's path.
    pub fn evidence(&self, time: u64, reason: &str, request: &str) -> Result<PathBuf, String> {
        for n in 0u32.. {
            let path = self.dir.join("evidence").join(format!("{time}-{n}.txt"));
            if !path.exists() {
                replace(&path, format!("# refused: {reason}\n{request}").as_bytes())?;
                return Ok(path);
            }
        }
        Err("no free evidence file name".to_owned())
    }
}

/// The key file's one line: `PRIVATE+KEY+<name>+<key id hex>+base64(0x04 ‖ seed)`,
/// the form of Go's `sumdb/note` signer keys with the cosignature type.
pub fn key_line(name: &str, seed: &[u8; 32]) -> Result<String, String> {
    let cosigner = Cosigner::new(name, seed).map_err(|e| e.to_string())?;
    let vkey = cosigner.verifier().to_string();
    let id = vkey.split('+').nth(1).unwrap_or_default().to_owned();
    let mut key = vec![COSIGNATURE_V1];
    key.extend_from_slice(seed);
    Ok(format!(
        "PRIVATE+KEY+{name}+{id}+{}\n",
        STANDARD.encode(key)
    ))
}

/// Reads a key file written by [`key_line`].
pub fn read_key(path: &Path) -> Result<Cosigner, String> {
    let text = std::fs::read_to_string(path).map_err(|e| io("cannot read", path, e))?;
    let bad = || {
        format!(
            "{} is not a witness key file (PRIVATE+KEY+name+id+key)",
            path.display()
        )
    };
    let rest = text
        .trim_end()
        .strip_prefix("PRIVATE+KEY+")
        .ok_or_else(bad)?;
    let mut parts = rest.splitn(3, '+');
    let (Some(name), Some(_), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let key = STANDARD.decode(key).map_err(|_| bad())?;
    let seed: [u8; 32] = match key.split_first() {
        Some((&COSIGNATURE_V1, seed)) => seed.try_into().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if key_line(name, &seed)? != text {
        return Err(bad());
    }
    Cosigner::new(name, &seed).map_err(|e| e.to_string())
}
