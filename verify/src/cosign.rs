//! A committee member cosigning the ballot log offline, as a witness
//! (`pebble-verify cosign`): the same checks and cosignature as the
//! browser makes (`counting::witness::member`), with the checkpoint the
//! member cosigned last kept in a state file of their own.

use std::path::Path;

use counting::committee::MemberKey;
use counting::note::NoteVerifier;
use counting::witness::AddCheckpoint;
use counting::witness::member::MemberWitness;

/// What the member gives: the request the committee page showed, the
/// log's key and the member's key name (both shown beside it), and the
/// state file (read if it exists, written after cosigning).
#[derive(Clone, Copy, Debug)]
pub struct Asked<'a> {
    /// The c2sp.org/tlog-witness `add-checkpoint` request body.
    pub request: &'a str,
    /// The log's verifier key.
    pub log_key: &'a str,
    /// The member's witness key name.
    pub name: &'a str,
    /// The state file: the checkpoint cosigned last, with the member's
    /// cosignature.
    pub state: &'a Path,
}

/// Checks the request and cosigns its checkpoint with `key` at
/// `timestamp`; keeps the cosigned checkpoint in the state file and
/// returns the cosignature line to paste.
pub fn cosign(key: &MemberKey, asked: Asked, timestamp: u64) -> Result<String, String> {
    let request = AddCheckpoint::parse(&as_pasted(asked.request))
        .map_err(|e| format!("the request is not a witness request: {e}"))?;
    let log = NoteVerifier::parse(asked.log_key.trim())
        .map_err(|e| format!("--log-key is not a log's verifier key: {e}"))?;
    let handed = match std::fs::read_to_string(asked.state) {
        Ok(text) => Some(as_pasted(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {}: {e}", asked.state.display())),
    };
    let witness = MemberWitness {
        key,
        name: asked.name.trim(),
        log: &log,
        handed: handed.as_deref(),
        remembered: None,
    };
    let (_, line) = witness
        .cosign(&request, timestamp)
        .map_err(|e| format!("not cosigned: {e}"))?;
    std::fs::write(asked.state, format!("{}{line}", request.checkpoint))
        .map_err(|e| format!("cannot write {}: {e}", asked.state.display()))?;
    Ok(line)
}

/// Text copied out of a page and saved: Windows line ends become
/// newlines and the final newline the formats end with is put back.
fn as_pasted(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    format!("{}\n", text.trim_end_matches(['\n', ' ']))
}

/// Now, in POSIX seconds.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
