//! The key file a committee member downloads and keeps: their
//! certification key's seed sealed under a passphrase.
//!
//! ```json
//! {
//!   "format": "pebble committee key 1",
//!   "owner": "ada",
//!   "public_key": "<64 hex digits>",
//!   "kdf": { "algorithm": "argon2id", "version": 19, "memory_kib": 19456,
//!            "iterations": 2, "parallelism": 1, "salt": "<32 hex digits>" },
//!   "sealed_seed": "<64 hex digits>"
//! }
//! ```
//!
//! `sealed_seed = seed XOR Argon2id(passphrase, salt)`, with 32 bytes of
//! Argon2id output (RFC 9106, version 0x13) under the file's parameters
//! and its own random 16-byte salt, so each file's keystream is used once.
//! A wrong passphrase unseals another seed, whose public key is not the
//! file's: that check is what tells a wrong passphrase (or an edited
//! file) from the right one. The passphrase is its UTF-8 bytes as typed.
//! The defaults are OWASP's for Argon2id (19 MiB, 2 passes, 1 lane): a
//! second or two in a phone's browser, and costly for whoever steals the
//! file to guess at.

use serde::{Deserialize, Serialize};

use super::MemberKey;
use crate::merkle::{from_hex, to_hex};

/// The `format` of every key file of this version.
pub const KEY_FILE_FORMAT: &str = "pebble committee key 1";

/// The shortest passphrase a key file is sealed under, in characters.
pub const MIN_PASSPHRASE: usize = 12;

/// Argon2id's cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

/// The KDF's record in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// Always `argon2id`.
    pub algorithm: String,
    /// Argon2's version number, 19 (0x13).
    pub version: u32,
    /// The cost.
    #[serde(flatten)]
    pub params: KdfParams,
    /// 16 random bytes, hex.
    pub salt: String,
}

/// A member's key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    /// [`KEY_FILE_FORMAT`].
    pub format: String,
    /// Whose key: the member's username, to tell files apart.
    pub owner: String,
    /// The Ed25519 public key, hex.
    pub public_key: String,
    /// How the passphrase is stretched.
    pub kdf: Kdf,
    /// The seed XOR the stretched passphrase, hex.
    pub sealed_seed: String,
}

/// Why a key file could not be made or opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyFileError {
    /// Not JSON of this format.
    #[error("this is not a Pebble committee key file")]
    NotKeyFile,
    /// The passphrase does not unseal the key.
    #[error("the passphrase does not open this key file")]
    WrongPassphrase,
    /// Too short to seal under.
    #[error("the passphrase must have at least {MIN_PASSPHRASE} characters")]
    ShortPassphrase,
    /// Parameters outside what this version accepts.
    #[error("the key file's Argon2id parameters are out of range")]
    Params,
}

/// Most memory a file may ask for: 1 GiB.
const MAX_MEMORY_KIB: u32 = 1 << 20;

fn stretch(passphrase: &str, salt: &[u8; 16], params: KdfParams) -> Result<[u8; 32], KeyFileError> {
    use argon2::{Algorithm, Argon2, Params, Version};
    if params.memory_kib > MAX_MEMORY_KIB || params.iterations > 64 || params.parallelism > 16 {
        return Err(KeyFileError::Params);
    }
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| KeyFileError::Params)?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|_| KeyFileError::Params)?;
    Ok(out)
}

fn xor(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (o, (x, y)) in out.iter_mut().zip(a.iter().zip(b)) {
        *o = x ^ y;
    }
    out
}

impl KeyFile {
    /// Seals `key` for `owner` under `passphrase`, with 16 random bytes
    /// `salt` (the caller's CSPRNG) and Argon2id cost `params`.
    pub fn seal(
        key: &MemberKey,
        owner: &str,
        passphrase: &str,
        salt: [u8; 16],
        params: KdfParams,
    ) -> Result<KeyFile, KeyFileError> {
        if passphrase.chars().count() < MIN_PASSPHRASE {
            return Err(KeyFileError::ShortPassphrase);
        }
        let stream = stretch(passphrase, &salt, params)?;
        Ok(KeyFile {
            format: KEY_FILE_FORMAT.to_owned(),
            owner: owner.to_owned(),
            public_key: to_hex(&key.public_key()),
            kdf: Kdf {
                algorithm: "argon2id".to_owned(),
                version: 0x13,
                params,
                salt: to_hex(&salt),
            },
            sealed_seed: to_hex(&xor(key.seed(), &stream)),
        })
    }

    /// Reads a key file's JSON text.
    pub fn parse(text: &str) -> Result<KeyFile, KeyFileError> {
        let file: KeyFile = serde_json::from_str(text).map_err(|_| KeyFileError::NotKeyFile)?;
        let well_formed = file.format == KEY_FILE_FORMAT
            && file.kdf.algorithm == "argon2id"
            && file.kdf.version == 0x13
            && from_hex(&file.public_key).is_some()
            && from_hex(&file.sealed_seed).is_some()
            && salt_of(&file.kdf.salt).is_some();
        if well_formed {
            Ok(file)
        } else {
            Err(KeyFileError::NotKeyFile)
        }
    }

    /// The file as the member downloads it (pretty JSON).
    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The public key, if the file holds a well-formed one.
    pub fn public_key(&self) -> Option<[u8; 32]> {
        from_hex(&self.public_key)
    }

    /// The key, unsealed with `passphrase`.
    pub fn open(&self, passphrase: &str) -> Result<MemberKey, KeyFileError> {
        let salt = salt_of(&self.kdf.salt).ok_or(KeyFileError::NotKeyFile)?;
        let sealed = from_hex(&self.sealed_seed).ok_or(KeyFileError::NotKeyFile)?;
        let public = self.public_key().ok_or(KeyFileError::NotKeyFile)?;
        let stream = stretch(passphrase, &salt, self.kdf.params)?;
        let key = MemberKey::from_seed(xor(&sealed, &stream));
        if key.public_key() == public {
            Ok(key)
        } else {
            Err(KeyFileError::WrongPassphrase)
        }
    }
}

fn salt_of(hex: &str) -> Option<[u8; 16]> {
    crate::merkle::bytes_from_hex(hex)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap parameters: the tests check the construction, not the cost.
    const FAST: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    fn sealed() -> KeyFile {
        KeyFile::seal(
            &MemberKey::from_seed([5; 32]),
            "ada",
            "correct horse battery",
            [9; 16],
            FAST,
        )
        .expect("sealed")
    }

    #[test]
    fn the_right_passphrase_opens_the_file_and_a_wrong_one_is_told_apart() {
        let file = KeyFile::parse(&sealed().to_text()).expect("parses");
        assert_eq!(
            file.open("correct horse battery"),
            Ok(MemberKey::from_seed([5; 32]))
        );
        assert_eq!(
            file.open("correct horse battery "),
            Err(KeyFileError::WrongPassphrase)
        );
    }

    #[test]
    fn the_file_never_holds_the_seed_in_the_clear() {
        let text = sealed().to_text();
        assert!(!text.contains(&to_hex(&[5; 32])), "{text}");
        assert!(text.contains("\"memory_kib\": 64"), "{text}");
        // The seed (0x05 × 32) XOR Argon2id("correct horse battery",
        // 0x09 × 16, t=1, m=64, p=1), the stream as argon2-cffi gives it.
        assert_eq!(
            sealed().sealed_seed,
            "174626a2f84a0345fa756a96a682ebef4f02d72a5bcd7cfdc3533cddee9b7915"
        );
    }

    #[test]
    fn an_edited_file_does_not_open() {
        let mut file = sealed();
        let mut seed = file.sealed_seed.into_bytes();
        seed[0] = if seed[0] == b'0' { b'1' } else { b'0' };
        file.sealed_seed = String::from_utf8(seed).expect("ascii");
        assert_eq!(
            file.open("correct horse battery"),
            Err(KeyFileError::WrongPassphrase)
        );
    }

    #[test]
    fn short_passphrases_and_other_files_are_refused() {
        let short = KeyFile::seal(&MemberKey::from_seed([1; 32]), "a", "short", [0; 16], FAST);
        assert_eq!(short, Err(KeyFileError::ShortPassphrase));
        assert_eq!(KeyFile::parse("{}"), Err(KeyFileError::NotKeyFile));
        let mut other = sealed();
        other.format = "something else".to_owned();
        assert_eq!(
            KeyFile::parse(&other.to_text()),
            Err(KeyFileError::NotKeyFile)
        );
    }

    #[test]
    fn a_file_asking_for_absurd_memory_is_refused_before_any_work() {
        let mut file = sealed();
        file.kdf.params.memory_kib = u32::MAX;
        assert_eq!(
            file.open("correct horse battery"),
            Err(KeyFileError::Params)
        );
    }

    #[test]
    fn the_stretch_is_rfc_9106_argon2id_as_the_reference_implementation_computes_it() {
        // From the reference C implementation through argon2-cffi 23:
        // hash_secret_raw(b"password", b"somesaltsomesalt", time_cost=1,
        // memory_cost=64, parallelism=1, hash_len=32, type=Type.ID,
        // version=19).
        let out = stretch("password", b"somesaltsomesalt", FAST).expect("stretched");
        assert_eq!(
            to_hex(&out),
            "e793d64ef75d58f503d4631b2b149f7f80127c5f3993d89b1c9b781e51d0b413"
        );
    }
}
