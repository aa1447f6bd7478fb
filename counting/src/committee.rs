//! A committee member's own keys, made and kept by the member (in their
//! browser or offline with `pebble-verify`), never by the server.
//!
//! **The certification key** is an Ed25519 key (RFC 8032). Its 32-byte
//! seed lives only in the member's key file ([`key_file`]), sealed under
//! their passphrase; the server stores the public key, and the frozen
//! manifest names it for each member. Certifications are signed notes by
//! that key ([`crate::record::certification`]), so the server can verify
//! a member's decision but never make one.
//!
//! **The tie-break commitment.** Before voting opens each member commits
//! to a secret; after the log is sealed they reveal it, and the reveals
//! make the tie-break seed ([`crate::tiebreak::Seed::from_reveals`]). The
//! secret comes from the key file, so nothing else has to be kept:
//!
//! ```text
//! secret     = SHA-256("pebble/tiebreak-secret" ‖ seed ‖ salt)
//! commitment = SHA-256("pebble/tiebreak-commitment" ‖ secret)
//! ```
//!
//! `salt` is 16 random bytes made with the commitment and stored beside
//! it (it is public; it only makes each cycle's secret a fresh one).
//! SHA-256 is one-way, so the commitment says nothing of the secret, and
//! a member can open it with one secret only.

pub mod key_file;

use sha2::{Digest, Sha256};

use crate::merkle::Hash;
use crate::note::{NoteError, NoteSigner};

pub use key_file::{KdfParams, KeyFile, KeyFileError};

/// Domain tag of a tie-break secret derived from a key.
pub const SECRET_TAG: &[u8] = b"pebble/tiebreak-secret";

/// Domain tag of a tie-break commitment.
pub const COMMITMENT_TAG: &[u8] = b"pebble/tiebreak-commitment";

/// A member's certification key: the Ed25519 seed. Its `Debug` shows
/// only the public key.
#[derive(Clone, PartialEq, Eq)]
pub struct MemberKey {
    seed: [u8; 32],
}

impl std::fmt::Debug for MemberKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "MemberKey(public {})",
            crate::merkle::to_hex(&self.public_key())
        )
    }
}

impl MemberKey {
    /// The key with Ed25519 seed `seed` (32 bytes from a CSPRNG).
    pub fn from_seed(seed: [u8; 32]) -> MemberKey {
        MemberKey { seed }
    }

    /// The Ed25519 seed, for sealing in a key file.
    pub fn seed(&self) -> &[u8; 32] {
        &self.seed
    }

    /// The Ed25519 public key.
    pub fn public_key(&self) -> [u8; 32] {
        ed25519_dalek::SigningKey::from_bytes(&self.seed)
            .verifying_key()
            .to_bytes()
    }

    /// A signer of notes under key name `name` (for a certification,
    /// [`crate::Election::member_key_name`]).
    pub fn signer(&self, name: &str) -> Result<NoteSigner, NoteError> {
        NoteSigner::new(name, &self.seed)
    }

    /// A cosigner of checkpoints under key name `name`: the member as a
    /// witness of the log (c2sp.org/tlog-cosignature).
    pub fn cosigner(&self, name: &str) -> Result<crate::cosignature::Cosigner, NoteError> {
        crate::cosignature::Cosigner::new(name, &self.seed)
    }

    /// The tie-break secret of the commitment made with `salt`.
    pub fn tiebreak_secret(&self, salt: &[u8; 16]) -> [u8; 32] {
        Sha256::new()
            .chain_update(SECRET_TAG)
            .chain_update(self.seed)
            .chain_update(salt)
            .finalize()
            .into()
    }
}

/// The commitment to the tie-break secret `secret`.
pub fn commitment(secret: &[u8; 32]) -> Hash {
    Sha256::new()
        .chain_update(COMMITMENT_TAG)
        .chain_update(secret)
        .finalize()
        .into()
}

/// Whether `secret` opens `commitment`.
pub fn opens(commitment_made: &Hash, secret: &[u8; 32]) -> bool {
    commitment(secret) == *commitment_made
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::to_hex;

    #[test]
    fn the_public_key_is_rfc_8032s_for_its_seed() {
        // RFC 8032 §7.1, TEST 1.
        let seed = crate::merkle::from_hex(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        )
        .expect("hex");
        assert_eq!(
            to_hex(&MemberKey::from_seed(seed).public_key()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
    }

    #[test]
    fn a_secret_opens_only_its_own_commitment() {
        let key = MemberKey::from_seed([7; 32]);
        let secret = key.tiebreak_secret(&[1; 16]);
        let made = commitment(&secret);
        assert!(opens(&made, &secret));
        assert!(!opens(&made, &key.tiebreak_secret(&[2; 16])));
        assert!(!opens(
            &made,
            &MemberKey::from_seed([8; 32]).tiebreak_secret(&[1; 16])
        ));
    }

    #[test]
    fn secrets_and_commitments_are_pinned() {
        let secret = MemberKey::from_seed([0; 32]).tiebreak_secret(&[0; 16]);
        let expected: Hash = Sha256::new()
            .chain_update(b"pebble/tiebreak-secret")
            .chain_update([0u8; 48])
            .finalize()
            .into();
        assert_eq!(secret, expected);
        let made: Hash = Sha256::new()
            .chain_update(b"pebble/tiebreak-commitment")
            .chain_update(secret)
            .finalize()
            .into();
        assert_eq!(commitment(&secret), made);
    }

    #[test]
    fn debug_never_shows_the_seed() {
        let shown = format!("{:?}", MemberKey::from_seed([0xab; 32]));
        assert!(!shown.contains("abab"), "{shown}");
    }
}
