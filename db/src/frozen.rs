//! The frozen manifest and the log key: made once, in the transaction
//! that opens voting, and read back for the ballot API and the log.
//!
//! Voting opens with a random election id and a fresh Ed25519 log key;
//! the frozen manifest (`counting::election`) carries both, with the
//! cycle, its currency, the certification threshold, each committee
//! member's public key and tie-break commitment (registered by the
//! members themselves, [`crate::committee`]) and the titles, so its hash
//! names this election and no other. The log key is the server's (it
//! runs the log); no committee secret is ever here.

use counting::merkle::{Hash, from_hex, to_hex};
use counting::note::NoteSigner;
use counting::{CommitteeMember, Election, FrozenManifest, Manifest};
use rand::TryRngCore;
use rand::rngs::OsRng;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::DbError;
use crate::entity::{committee_seat, cycle, frozen_manifest, log_key, proposal};

/// A frozen manifest and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frozen {
    /// What voting opened with.
    pub manifest: FrozenManifest,
    /// SHA-256 of its canonical bytes.
    pub hash: Hash,
}

/// `N` bytes from the operating system's CSPRNG.
pub(crate) fn random<const N: usize>() -> Result<[u8; N], DbError> {
    let mut bytes = [0u8; N];
    OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| DbError::Random(e.to_string()))?;
    Ok(bytes)
}

/// What the committee must have done before a cycle's voting opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Every member has a key and a tie-break commitment (every cycle).
    KeysAndCommitments,
    /// Every member has a key (an imported training cycle, whose votes
    /// are public history: its seed comes from the sealed root alone).
    KeysOnly,
}

/// Why voting cannot open yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unready {
    /// These members have not done what [`Needs`] asks.
    Members(Vec<String>),
    /// The witness policy cannot be written out for this committee.
    Policy(String),
}

/// Freezes `manifest` for `cycle` with a new election id and log key and
/// the committee's registered keys and commitments, inside the caller's
/// transaction (the move into voting). Refuses with the names of the
/// members who have not done what `needs` asks, or when the witness
/// policy's committee line does not fit the committee.
pub(crate) async fn freeze(
    txn: &impl ConnectionTrait,
    cycle: &cycle::Model,
    manifest: Manifest,
    needs: Needs,
) -> Result<Result<Frozen, Unready>, DbError> {
    let settings = crate::cycle_settings::load(txn, cycle).await?;
    let committee = crate::committee::readiness(txn, cycle.id).await?;
    let missing: Vec<String> = committee
        .iter()
        .filter(|m| {
            m.key.is_none() || (needs == Needs::KeysAndCommitments && m.commitment.is_none())
        })
        .map(|m| m.name.clone())
        .collect();
    if !missing.is_empty() {
        return Ok(Err(Unready::Members(missing)));
    }
    let seed = random::<32>()?;
    let mut election = Election {
        id: random::<16>()?,
        cycle: u64::try_from(cycle.id).unwrap_or(0),
        name: settings.text().name().to_owned(),
        currency: settings.currency().clone(),
        log_key: [0; 32],
        threshold: settings.certify_k(),
        committee: u32::try_from(committee.len()).unwrap_or(u32::MAX),
        members: committee
            .iter()
            .map(|m| CommitteeMember {
                name: m.name.clone(),
                key: m.key.unwrap_or_default(),
                commitment: match needs {
                    Needs::KeysAndCommitments => m.commitment.map(|c| c.commitment),
                    Needs::KeysOnly => None,
                },
            })
            .collect(),
        witnesses: None,
    };
    if let Some(text) = &cycle.witness_policy {
        let keys: Vec<[u8; 32]> = election.members.iter().map(|m| m.key).collect();
        match crate::witnesses::frozen_text(text, &election.log_origin(), &keys) {
            Ok(text) => election.witnesses = Some(text),
            Err(e) => return Ok(Err(Unready::Policy(e.to_string()))),
        }
    }
    let signer =
        NoteSigner::new(&election.log_origin(), &seed).map_err(|e| DbError::InvalidValue {
            table: "cycle",
            column: "id",
            value: e.to_string(),
        })?;
    election.log_key = signer.public_key();
    let titles = titles_of(txn, cycle.id, &manifest).await?;
    let frozen = FrozenManifest {
        election,
        manifest,
        titles,
    };
    let hash = frozen.hash();
    frozen_manifest::Entity::insert(frozen_manifest::ActiveModel {
        cycle_id: Set(cycle.id),
        manifest: Set(crate::hex::encode(&frozen.encode())),
        manifest_hash: Set(to_hex(&hash)),
    })
    .exec_without_returning(txn)
    .await?;
    for (member, ready) in committee.iter().enumerate() {
        committee_seat::Entity::insert(committee_seat::ActiveModel {
            cycle_id: Set(cycle.id),
            member: Set(i32::try_from(member).unwrap_or(i32::MAX)),
            account_id: Set(ready.account),
        })
        .exec_without_returning(txn)
        .await?;
    }
    log_key::Entity::insert(log_key::ActiveModel {
        cycle_id: Set(cycle.id),
        secret: Set(crate::hex::encode(&seed)),
    })
    .exec_without_returning(txn)
    .await?;
    Ok(Ok(Frozen {
        manifest: frozen,
        hash,
    }))
}

/// The titles of the manifest's projects (proposal ids), in its order.
async fn titles_of(
    txn: &impl ConnectionTrait,
    cycle: i32,
    manifest: &Manifest,
) -> Result<Vec<String>, DbError> {
    let ids: Vec<i32> = manifest
        .projects
        .iter()
        .filter_map(|p| p.id.as_str().parse().ok())
        .collect();
    let rows = proposal::Entity::find()
        .filter(proposal::Column::CycleId.eq(cycle))
        .filter(proposal::Column::Id.is_in(ids))
        .all(txn)
        .await?;
    manifest
        .projects
        .iter()
        .map(|project| {
            rows.iter()
                .find(|row| row.id.to_string() == project.id.as_str())
                .map(|row| row.title.clone())
                .ok_or_else(|| DbError::InvalidValue {
                    table: "proposal",
                    column: "id",
                    value: format!("no proposal {} for the ballot", project.id),
                })
        })
        .collect()
}

/// The manifest cycle `cycle` froze when voting opened, and its hash.
pub async fn frozen(db: &impl ConnectionTrait, cycle: i32) -> Result<Option<Frozen>, DbError> {
    let Some(row) = frozen_manifest::Entity::find_by_id(cycle).one(db).await? else {
        return Ok(None);
    };
    let invalid = |value: String| DbError::InvalidValue {
        table: "frozen_manifest",
        column: "manifest",
        value,
    };
    let bytes = crate::hex::decode(&row.manifest).ok_or_else(|| invalid(row.manifest.clone()))?;
    let manifest = counting::encoding::decode_frozen(&bytes).map_err(|e| invalid(e.to_string()))?;
    let hash = from_hex(&row.manifest_hash).ok_or_else(|| invalid(row.manifest_hash.clone()))?;
    if hash != manifest.hash() {
        return Err(invalid("the stored hash is not the manifest's".to_owned()));
    }
    Ok(Some(Frozen { manifest, hash }))
}

/// The frozen manifest's hash (hex) as stored, without decoding the
/// manifest: for pages that only show it.
pub async fn stored_hash(db: &impl ConnectionTrait, cycle: i32) -> Result<Option<String>, DbError> {
    Ok(frozen_manifest::Entity::find_by_id(cycle)
        .one(db)
        .await?
        .map(|row| row.manifest_hash))
}

/// The signer of cycle `cycle`'s checkpoints, named after its log.
pub async fn signer(
    db: &impl ConnectionTrait,
    frozen: &Frozen,
    cycle: i32,
) -> Result<Option<NoteSigner>, DbError> {
    let Some(row) = log_key::Entity::find_by_id(cycle).one(db).await? else {
        return Ok(None);
    };
    let invalid = |value: &str| DbError::InvalidValue {
        table: "log_key",
        column: "secret",
        value: value.to_owned(),
    };
    let seed = crate::hex::seed("log_key", &row.secret)?;
    let election = &frozen.manifest.election;
    let signer = NoteSigner::new(&election.log_origin(), &seed)
        .map_err(|_| invalid("the log's name is not a key name"))?;
    if signer.public_key() != election.log_key {
        return Err(invalid("not the key of the frozen manifest"));
    }
    Ok(Some(signer))
}
