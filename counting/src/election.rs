//! The frozen manifest: the counting [`Manifest`] with what names the
//! election it belongs to, so that no two cycles, on any server, share a
//! manifest hash. Its canonical bytes are in [`crate::encoding::frozen`].

use crate::merkle::Hash;
use crate::note::{NoteError, NoteVerifier};
use crate::{Currency, Manifest};

/// Which election a manifest belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    /// 16 random bytes made when voting opens: unique to this election.
    pub id: [u8; 16],
    /// The cycle's number on its server.
    pub cycle: u64,
    /// The cycle's name.
    pub name: String,
    /// The budget's currency.
    pub currency: Currency,
    /// The Ed25519 public key that signs the ballot log's checkpoints.
    pub log_key: [u8; 32],
    /// How many committee members must certify the count (k).
    pub threshold: u32,
    /// How many members the committee has (n).
    pub committee: u32,
    /// The committee's members with the public keys that sign their
    /// certifications, in the order certifications name them (empty
    /// only in manifests frozen before certification keys, version 2).
    pub members: Vec<CommitteeMember>,
    /// Who must witness the log (c2sp.org/tlog-policy without `log`
    /// lines, in [`crate::policy::Policy::text`]'s canonical form), fixed
    /// when voting opens; `None`: no witnesses asked (manifests before
    /// version 5, and cycles without a policy).
    pub witnesses: Option<String>,
}

/// A committee member as the frozen manifest names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitteeMember {
    /// The member's name, as shown on the record.
    pub name: String,
    /// The Ed25519 public key of the member's certifications.
    pub key: [u8; 32],
    /// The member's tie-break commitment ([`crate::committee`]); `None`
    /// in manifests frozen without commit–reveal (imported training
    /// cycles and versions before 4).
    pub commitment: Option<crate::merkle::Hash>,
}

/// What voting opened with, frozen: the election, the counting manifest
/// and each project's title (in the manifest's project order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrozenManifest {
    /// Which election this is.
    pub election: Election,
    /// Everything that decides the outcome.
    pub manifest: Manifest,
    /// Titles as the ballot shows them, one per project.
    pub titles: Vec<String>,
}

impl Election {
    /// The log's name, in checkpoints and as its key's name:
    /// `pebble/cycles/<cycle>/<election id in hex>`.
    pub fn log_origin(&self) -> String {
        format!("pebble/cycles/{}/{}", self.cycle, self.id_hex())
    }

    /// The election id in lowercase hex.
    pub fn id_hex(&self) -> String {
        crate::merkle::to_hex(&self.id)
    }

    /// The verifier of the log's checkpoints.
    pub fn log_verifier(&self) -> Result<NoteVerifier, NoteError> {
        NoteVerifier::new(&self.log_origin(), &self.log_key)
    }

    /// The name of member `index`'s certification key:
    /// `<log origin>/committee/<index>`.
    pub fn member_key_name(&self, index: usize) -> String {
        format!("{}/committee/{index}", self.log_origin())
    }

    /// The witness policy with this election's log as its one log, if the
    /// election has one.
    pub fn witness_policy(
        &self,
    ) -> Option<Result<crate::policy::Policy, crate::policy::PolicyError>> {
        let witnesses = self.witnesses.as_ref()?;
        Some(match self.log_verifier() {
            Ok(log) => crate::policy::Policy::parse(&format!("log {log}\n{witnesses}")),
            Err(e) => Err(crate::policy::PolicyError::Line {
                line: 0,
                reason: format!("the log key: {e}"),
            }),
        })
    }

    /// The verifier of member `index`'s certifications, if there is
    /// such a member.
    pub fn member_verifier(&self, index: usize) -> Option<Result<NoteVerifier, NoteError>> {
        let member = self.members.get(index)?;
        Some(NoteVerifier::new(&self.member_key_name(index), &member.key))
    }

    /// The nonce of the log entry of the paper ballot with `serial` (its
    /// 12 symbols, no separators): the first 16 bytes of
    /// `SHA-256("pebble/paper-ballot" ‖ election id ‖ serial)`. Anyone
    /// holding the paper ballot can find its entry, as a receipt does,
    /// and two paper ballots never share a leaf.
    pub fn paper_nonce(&self, serial: &str) -> [u8; 16] {
        self.derived_nonce(b"pebble/paper-ballot", serial.as_bytes())
    }

    /// The nonce of the log entry of vote `index` (from 0) of an imported
    /// pabulib file: the first 16 bytes of
    /// `SHA-256("pebble/imported-ballot" ‖ election id ‖ index:u64)`.
    pub fn imported_nonce(&self, index: u64) -> [u8; 16] {
        self.derived_nonce(b"pebble/imported-ballot", &index.to_be_bytes())
    }

    /// The first 16 bytes of `SHA-256(tag ‖ election id ‖ what)`.
    fn derived_nonce(&self, tag: &[u8], what: &[u8]) -> [u8; 16] {
        use sha2::{Digest, Sha256};
        let digest: Hash = Sha256::new()
            .chain_update(tag)
            .chain_update(self.id)
            .chain_update(what)
            .finalize()
            .into();
        let mut nonce = [0u8; 16];
        nonce.copy_from_slice(&digest[..16]);
        nonce
    }
}

impl FrozenManifest {
    /// The canonical bytes.
    pub fn encode(&self) -> Vec<u8> {
        crate::encoding::frozen::encode(self)
    }

    /// The published manifest hash: SHA-256 of the canonical bytes.
    pub fn hash(&self) -> Hash {
        use sha2::{Digest, Sha256};
        Sha256::digest(self.encode()).into()
    }

    /// Each project's title beside it.
    pub fn projects(&self) -> impl Iterator<Item = (&crate::Project, &str)> {
        self.manifest
            .projects
            .iter()
            .zip(self.titles.iter().map(String::as_str))
    }
}
