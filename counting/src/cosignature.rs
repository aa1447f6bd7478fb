//! Cosignatures: a witness's timestamped statement that a checkpoint is
//! the largest consistent tree head it has seen of a log, in the Ed25519
//! `cosignature/v1` type of <https://c2sp.org/tlog-cosignature>.
//!
//! ```text
//! signature line = "— " name " " base64(key-id:4 ‖ timestamp:u64 ‖ signature:64)
//! key-id         = SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[0..4]
//! signed message = "cosignature/v1\n" "time " decimal(timestamp) "\n" checkpoint text
//! verifier key   = name "+" hex(key-id) "+" base64(0x04 ‖ public key)
//! ```
//!
//! The checkpoint text is the note's body with its final newline and no
//! signature lines. The timestamp is a POSIX time in seconds, at most
//! 2^63 − 1. Because the message starts with its own header line, a
//! committee member's certification key can cosign too without either
//! signature ever being mistaken for the other (the key id's type byte
//! differs as well).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};

use crate::note::{DASH, NoteError, check_name, hex4, parse_vkey, split, typed_key_id, write_vkey};

/// The signature-type byte of Ed25519 `cosignature/v1` keys.
pub const COSIGNATURE_V1: u8 = 0x04;

/// The message a cosigner signs for checkpoint `text` at `timestamp`.
pub fn message(text: &str, timestamp: u64) -> String {
    format!("cosignature/v1\ntime {timestamp}\n{text}")
}

/// A witness's named Ed25519 cosigning key.
pub struct Cosigner {
    name: String,
    key: SigningKey,
    id: [u8; 4],
}

impl Cosigner {
    /// The cosigner `name` with the 32-byte Ed25519 secret `seed`.
    pub fn new(name: &str, seed: &[u8; 32]) -> Result<Cosigner, NoteError> {
        check_name(name)?;
        let key = SigningKey::from_bytes(seed);
        let id = typed_key_id(name, COSIGNATURE_V1, key.verifying_key().as_bytes());
        Ok(Cosigner {
            name: name.to_owned(),
            key,
            id,
        })
    }

    /// The verifier of this cosigner's signatures.
    pub fn verifier(&self) -> CosignatureVerifier {
        CosignatureVerifier {
            name: self.name.clone(),
            key: self.key.verifying_key(),
            id: self.id,
        }
    }

    /// The signature line (ending in a newline) cosigning checkpoint
    /// `text` at `timestamp`. `text` must end in a newline and the
    /// timestamp be at most 2^63 − 1.
    pub fn cosign(&self, text: &str, timestamp: u64) -> Result<String, NoteError> {
        if !text.ends_with('\n') {
            return Err(NoteError::Text);
        }
        if timestamp > i64::MAX as u64 {
            return Err(NoteError::Malformed(
                "a cosignature's time is past 2^63 - 1",
            ));
        }
        let signature = self.key.sign(message(text, timestamp).as_bytes());
        let mut blob = Vec::with_capacity(76);
        blob.extend_from_slice(&self.id);
        blob.extend_from_slice(&timestamp.to_be_bytes());
        blob.extend_from_slice(&signature.to_bytes());
        Ok(format!("{DASH}{} {}\n", self.name, STANDARD.encode(blob)))
    }
}

impl std::fmt::Debug for Cosigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cosigner({}+{})", self.name, hex4(self.id))
    }
}

/// A witness's public key: checks its cosignatures on a checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CosignatureVerifier {
    name: String,
    key: VerifyingKey,
    id: [u8; 4],
}

impl CosignatureVerifier {
    /// The verifier for cosigner `name` with Ed25519 public key `public`.
    pub fn new(name: &str, public: &[u8; 32]) -> Result<CosignatureVerifier, NoteError> {
        check_name(name)?;
        let key = VerifyingKey::from_bytes(public).map_err(|_| NoteError::VerifierKey)?;
        Ok(CosignatureVerifier {
            name: name.to_owned(),
            key,
            id: typed_key_id(name, COSIGNATURE_V1, public),
        })
    }

    /// Reads a verifier key `name+hexid+base64(0x04 ‖ key)`, checking
    /// that the id matches the name and key.
    pub fn parse(text: &str) -> Result<CosignatureVerifier, NoteError> {
        let (name, public) = parse_vkey(text, COSIGNATURE_V1)?;
        CosignatureVerifier::new(name, &public)
    }

    /// The cosigner's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Ed25519 public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// Checks this cosigner's signature on the signed checkpoint `note`
    /// and returns the time it gives. Lines of other keys are skipped;
    /// a line with this key's name and id that does not verify is an
    /// error, as the signed-note format asks.
    pub fn verify(&self, note: &str) -> Result<u64, NoteError> {
        let (text, signatures) = split(note)?;
        let mut time = None;
        for (name, blob) in signatures {
            if name != self.name || blob[..4] != self.id {
                continue;
            }
            let bad = || NoteError::BadSignature(self.to_string());
            if blob.len() != 76 {
                return Err(bad());
            }
            let timestamp = u64::from_be_bytes(blob[4..12].try_into().map_err(|_| bad())?);
            let signature = <[u8; 64]>::try_from(&blob[12..]).map_err(|_| bad())?;
            if timestamp > i64::MAX as u64 {
                return Err(bad());
            }
            self.key
                .verify_strict(
                    message(text, timestamp).as_bytes(),
                    &Signature::from_bytes(&signature),
                )
                .map_err(|_| bad())?;
            time = Some(time.map_or(timestamp, |t: u64| t.max(timestamp)));
        }
        time.ok_or_else(|| NoteError::Unsigned(self.to_string()))
    }
}

impl std::fmt::Display for CosignatureVerifier {
    /// The verifier key's text form, `name+hexid+base64(0x04 ‖ key)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_vkey(f, &self.name, COSIGNATURE_V1, self.id, self.key.as_bytes())
    }
}

#[cfg(test)]
mod tests;
