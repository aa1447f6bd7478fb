//! A committee member's steps done offline, for members who do not run
//! JavaScript or prefer their own computer: make a key file, commit to a
//! tie-break secret, reveal it, and sign a decision on a record. Each
//! prints what the member pastes into Pebble's committee pages; the key
//! never leaves this machine. The formats are in `counting::committee`
//! and `docs/election-record.md`.

use std::io::Read as _;
use std::path::Path;

use counting::committee::{KdfParams, KeyFile, MemberKey, commitment};
use counting::merkle::{bytes_from_hex, to_hex};
use counting::record::{Certification, Decision, Record, verify};

/// 32 (or `N`) bytes from the operating system's CSPRNG.
pub fn random<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("no random bytes from /dev/urandom: {e}"))?;
    Ok(bytes)
}

/// Makes a new key for `owner` sealed under `passphrase`; returns the
/// file's text and the line to paste (the public key).
pub fn keygen(owner: &str, passphrase: &str) -> Result<(String, String), String> {
    let key = MemberKey::from_seed(random::<32>()?);
    let file = KeyFile::seal(
        &key,
        owner,
        passphrase,
        random::<16>()?,
        KdfParams::default(),
    )
    .map_err(|e| e.to_string())?;
    Ok((file.to_text(), to_hex(&key.public_key())))
}

/// Reads and unseals the key file at `path`.
pub fn open_key(path: &Path, passphrase: &str) -> Result<MemberKey, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    KeyFile::parse(&text)
        .and_then(|file| file.open(passphrase))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// A new tie-break commitment of `key`: `(salt, commitment)` in hex.
pub fn commit(key: &MemberKey) -> Result<(String, String), String> {
    let salt = random::<16>()?;
    let made = commitment(&key.tiebreak_secret(&salt));
    Ok((to_hex(&salt), to_hex(&made)))
}

/// The secret that opens the commitment made with `salt` (hex).
pub fn reveal(key: &MemberKey, salt: &str) -> Result<String, String> {
    let salt: [u8; 16] = bytes_from_hex(salt.trim())
        .and_then(|b| b.try_into().ok())
        .ok_or("the salt is 32 hexadecimal digits, as the committee page shows it")?;
    Ok(to_hex(&key.tiebreak_secret(&salt)))
}

/// Re-checks `record` (everything but the certifications it still
/// lacks) and signs `decision` on its hash with `key`, at `at`: the
/// signed note to paste.
pub fn sign(
    record: &Record,
    key: &MemberKey,
    decision: Decision,
    reason: &str,
    at: &str,
) -> Result<String, String> {
    let verified = verify(record).map_err(|d| {
        format!("the record does not check out, so it was not signed: DISCREPANCY at {d}")
    })?;
    let election = &verified.frozen.election;
    let public = key.public_key();
    let member = election
        .members
        .iter()
        .position(|m| m.key == public)
        .ok_or("this key is not one of the record's committee keys")?;
    if decision == Decision::Object && reason.trim().is_empty() {
        return Err("an objection needs a reason (--reason TEXT)".to_owned());
    }
    let member = u32::try_from(member).map_err(|e| e.to_string())?;
    let certification = Certification::sign(
        election,
        member,
        key,
        &verified.record_hash,
        decision,
        at,
        reason,
    )
    .map_err(|e| e.to_string())?;
    Ok(certification.note)
}

/// The time now as RFC 3339 UTC to the second (`2026-12-07T10:00:00Z`),
/// from the system clock.
pub fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(seconds)
}

/// `seconds` after the Unix epoch as RFC 3339 UTC. The civil date is
/// Howard Hinnant's `civil_from_days`
/// (<https://howardhinnant.github.io/date_algorithms.html>).
pub fn rfc3339(seconds: u64) -> String {
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_rfc_3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_796_551_199), "2026-12-06T09:59:59Z");
    }

    #[test]
    fn a_made_key_opens_with_its_passphrase_and_reveals_what_it_committed() {
        let (text, public) = keygen("ada", "a long enough passphrase").expect("made");
        let path = std::env::temp_dir().join(format!("pebble-key-{}.json", std::process::id()));
        std::fs::write(&path, &text).expect("written");
        let key = open_key(&path, "a long enough passphrase").expect("opens");
        let wrong = open_key(&path, "another long passphrase");
        let _ = std::fs::remove_file(&path);
        assert_eq!(to_hex(&key.public_key()), public);
        assert!(wrong.is_err());
        let (salt, made) = commit(&key).expect("committed");
        let secret = reveal(&key, &salt).expect("revealed");
        let secret: [u8; 32] = counting::merkle::from_hex(&secret).expect("hex");
        assert_eq!(to_hex(&commitment(&secret)), made);
        assert!(reveal(&key, "12").is_err());
    }
}
