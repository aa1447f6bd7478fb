//! Signed notes with Ed25519 keys, as the C2SP signed-note specification
//! defines them (<https://c2sp.org/signed-note>, the format of Go's
//! `golang.org/x/mod/sumdb/note`), so that existing transparency-log
//! tooling reads Pebble's checkpoints.
//!
//! ```text
//! note          = text "\n" signature-line+
//! text          = one or more lines, each ending in "\n"
//! signature-line= "— " key-name " " base64(key-id:4 ‖ signature:64) "\n"
//! key-id        = SHA-256(key-name ‖ "\n" ‖ 0x01 ‖ public-key)[0..4]
//! verifier key  = key-name "+" hex(key-id) "+" base64(0x01 ‖ public-key)
//! ```
//!
//! The signature is Ed25519 (RFC 8032) over the text's bytes. A key name
//! is non-empty UTF-8 without spaces, newlines or `+`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// The signature-type byte of Ed25519 keys in the signed-note format.
const ED25519: u8 = 0x01;

/// What starts a signature line: an em dash (U+2014) and a space.
pub(crate) const DASH: &str = "\u{2014} ";

/// Why a note, a key or a signature was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// A key name that the format cannot carry.
    #[error("a key name must be non-empty and contain no spaces, newlines or '+'")]
    KeyName,
    /// A verifier key that is not `name+hexid+base64`.
    #[error("not a verifier key: expected name+keyid+base64(0x01 ‖ public key)")]
    VerifierKey,
    /// Empty text, or text that does not end in a newline.
    #[error("the note text must be one or more lines, each ending in a newline")]
    Text,
    /// No blank line before signatures, or a malformed signature line.
    #[error("malformed signed note: {0}")]
    Malformed(&'static str),
    /// No signature by the expected key.
    #[error("the note carries no signature by key {0}")]
    Unsigned(String),
    /// A signature by the expected key that does not verify.
    #[error("the signature by key {0} does not verify")]
    BadSignature(String),
}

/// The first four bytes of `SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)`.
fn key_id(name: &str, public: &[u8; 32]) -> [u8; 4] {
    typed_key_id(name, ED25519, public)
}

/// The first four bytes of `SHA-256(name ‖ "\n" ‖ type ‖ public key)`:
/// the key id of a key of signature type `kind`.
pub(crate) fn typed_key_id(name: &str, kind: u8, public: &[u8; 32]) -> [u8; 4] {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    hasher.update(b"\n");
    hasher.update([kind]);
    hasher.update(public);
    let digest = hasher.finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

pub(crate) fn check_name(name: &str) -> Result<(), NoteError> {
    let bad = |c: char| c == '+' || c.is_whitespace() || c.is_control();
    if name.is_empty() || name.chars().any(bad) {
        Err(NoteError::KeyName)
    } else {
        Ok(())
    }
}

pub(crate) fn hex4(id: [u8; 4]) -> String {
    crate::merkle::to_hex(&id)
}

/// A named Ed25519 signing key.
pub struct NoteSigner {
    name: String,
    key: SigningKey,
    id: [u8; 4],
}

impl NoteSigner {
    /// The signer for `name` with the 32-byte Ed25519 secret `seed`.
    pub fn new(name: &str, seed: &[u8; 32]) -> Result<NoteSigner, NoteError> {
        check_name(name)?;
        let key = SigningKey::from_bytes(seed);
        let id = key_id(name, key.verifying_key().as_bytes());
        Ok(NoteSigner {
            name: name.to_owned(),
            key,
            id,
        })
    }

    /// The Ed25519 public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    /// The verifier key in the format's text form.
    pub fn verifier(&self) -> NoteVerifier {
        NoteVerifier {
            name: self.name.clone(),
            key: self.key.verifying_key(),
            id: self.id,
        }
    }

    /// The signed note: `text`, a blank line and this key's signature.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        check_text(text)?;
        Ok(self.sign_checked(text))
    }

    /// [`NoteSigner::sign`] for text known to end in a newline.
    pub(crate) fn sign_checked(&self, text: &str) -> String {
        let signature = self.key.sign(text.as_bytes()).to_bytes();
        let mut blob = Vec::with_capacity(68);
        blob.extend_from_slice(&self.id);
        blob.extend_from_slice(&signature);
        format!("{text}\n{DASH}{} {}\n", self.name, STANDARD.encode(blob))
    }
}

impl std::fmt::Debug for NoteSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NoteSigner({}+{})", self.name, hex4(self.id))
    }
}

fn check_text(text: &str) -> Result<(), NoteError> {
    if !text.ends_with('\n') {
        Err(NoteError::Text)
    } else {
        Ok(())
    }
}

/// A named Ed25519 public key that checks signed notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteVerifier {
    name: String,
    key: VerifyingKey,
    id: [u8; 4],
}

impl NoteVerifier {
    /// The verifier for `name` with the Ed25519 public key `public`.
    pub fn new(name: &str, public: &[u8; 32]) -> Result<NoteVerifier, NoteError> {
        check_name(name)?;
        let key = VerifyingKey::from_bytes(public).map_err(|_| NoteError::VerifierKey)?;
        Ok(NoteVerifier {
            name: name.to_owned(),
            key,
            id: key_id(name, public),
        })
    }

    /// Reads a verifier key `name+hexid+base64(0x01 ‖ key)`, checking
    /// that the id matches the name and key.
    pub fn parse(text: &str) -> Result<NoteVerifier, NoteError> {
        let (name, public) = parse_vkey(text, ED25519)?;
        NoteVerifier::new(name, &public)
    }

    /// The key's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The Ed25519 public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// Checks `note` and returns its text: the note must carry a
    /// signature by this key (name and id) that verifies. Signatures by
    /// other keys are skipped, as the format asks.
    pub fn open<'a>(&self, note: &'a str) -> Result<&'a str, NoteError> {
        let (text, signatures) = split(note)?;
        let mut found = false;
        for (name, blob) in signatures {
            if name != self.name || blob[..4] != self.id {
                continue;
            }
            let signature = <[u8; 64]>::try_from(&blob[4..])
                .map_err(|_| NoteError::BadSignature(self.to_string()))?;
            self.key
                .verify_strict(text.as_bytes(), &Signature::from_bytes(&signature))
                .map_err(|_| NoteError::BadSignature(self.to_string()))?;
            found = true;
        }
        if found {
            Ok(text)
        } else {
            Err(NoteError::Unsigned(self.to_string()))
        }
    }
}

/// Reads a verifier key `name+hexid+base64(type ‖ key)` whose type byte
/// is `kind`, checking that the id matches the name and key: the name and
/// the 32-byte public key.
pub(crate) fn parse_vkey(text: &str, kind: u8) -> Result<(&str, [u8; 32]), NoteError> {
    // The base64 key may itself hold '+': split at the first two only.
    let mut parts = text.splitn(3, '+');
    let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(NoteError::VerifierKey);
    };
    let key = STANDARD.decode(key).map_err(|_| NoteError::VerifierKey)?;
    let public: [u8; 32] = match key.split_first() {
        Some((&first, rest)) if first == kind => {
            rest.try_into().map_err(|_| NoteError::VerifierKey)?
        }
        _ => return Err(NoteError::VerifierKey),
    };
    check_name(name)?;
    if id.len() != 8 || hex4(typed_key_id(name, kind, &public)) != id {
        return Err(NoteError::VerifierKey);
    }
    Ok((name, public))
}

/// A signature line: the key name and the decoded `key id ‖ signature`
/// (at least 5 bytes).
pub(crate) type SignatureLine<'a> = (&'a str, Vec<u8>);

/// A note's text and its signature lines, in order.
pub(crate) fn split(note: &str) -> Result<(&str, Vec<SignatureLine<'_>>), NoteError> {
    let at = note
        .rfind("\n\n")
        .ok_or(NoteError::Malformed("no blank line before the signatures"))?;
    let (text, signatures) = (&note[..=at], &note[at + 2..]);
    check_text(text)?;
    if signatures.is_empty() || !signatures.ends_with('\n') {
        return Err(NoteError::Malformed("no signature line"));
    }
    let lines = signatures[..signatures.len() - 1]
        .split('\n')
        .map(|line| {
            let (name, blob) = line
                .strip_prefix(DASH)
                .and_then(|rest| rest.split_once(' '))
                .ok_or(NoteError::Malformed(
                    "a signature line is not '— name signature'",
                ))?;
            let blob = STANDARD
                .decode(blob)
                .map_err(|_| NoteError::Malformed("a signature is not base64"))?;
            if blob.len() < 5 {
                return Err(NoteError::Malformed("a signature is too short"));
            }
            Ok((name, blob))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((text, lines))
}

/// Writes a verifier key `name+hexid+base64(type ‖ key)`, the reverse
/// of [`parse_vkey`].
pub(crate) fn write_vkey(
    f: &mut std::fmt::Formatter<'_>,
    name: &str,
    kind: u8,
    id: [u8; 4],
    public: &[u8; 32],
) -> std::fmt::Result {
    let mut key = vec![kind];
    key.extend_from_slice(public);
    write!(f, "{name}+{}+{}", hex4(id), STANDARD.encode(key))
}

impl std::fmt::Display for NoteVerifier {
    /// The verifier key's text form, `name+hexid+base64(0x01 ‖ key)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_vkey(f, &self.name, ED25519, self.id, self.key.as_bytes())
    }
}

#[cfg(test)]
mod tests;
