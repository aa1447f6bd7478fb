//! The frozen manifest and the log key: made once, in the transaction
//! that opens voting, and read back for the ballot API and the log.
//!
//! Voting opens with a random election id and a fresh Ed25519 log key;
//! the frozen manifest (`counting::election`) carries both, with the
//! cycle, its currency, the certification threshold and the titles, so
//! its hash names this election and no other.

use counting::merkle::{Hash, from_hex, to_hex};
use counting::note::NoteSigner;
use counting::{CommitteeMember, Election, FrozenManifest, Manifest};
use rand::TryRngCore;
use rand::rngs::OsRng;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::DbError;
use crate::entity::{account, committee_key, cycle, frozen_manifest, log_key, proposal};

/// A frozen manifest and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frozen {
    /// What voting opened with.
    pub manifest: FrozenManifest,
    /// SHA-256 of its canonical bytes.
    pub hash: Hash,
}

fn random<const N: usize>() -> Result<[u8; N], DbError> {
    let mut bytes = [0u8; N];
    OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| DbError::Random(e.to_string()))?;
    Ok(bytes)
}

/// Freezes `manifest` for `cycle` with a new election id and log key,
/// inside the caller's transaction (the move into voting).
pub(crate) async fn freeze(
    txn: &impl ConnectionTrait,
    cycle: &cycle::Model,
    manifest: Manifest,
) -> Result<Frozen, DbError> {
    let settings = crate::cycle_settings::load(txn, cycle).await?;
    let seed = random::<32>()?;
    let mut election = Election {
        id: random::<16>()?,
        cycle: u64::try_from(cycle.id).unwrap_or(0),
        name: settings.text().name().to_owned(),
        currency: settings.currency().clone(),
        log_key: [0; 32],
        threshold: settings.certify_k(),
        committee: u32::try_from(settings.committee().len()).unwrap_or(u32::MAX),
        members: Vec::new(),
    };
    let signer =
        NoteSigner::new(&election.log_origin(), &seed).map_err(|e| DbError::InvalidValue {
            table: "cycle",
            column: "id",
            value: e.to_string(),
        })?;
    election.log_key = signer.public_key();
    let member_seeds = committee_keys(txn, cycle.id, &mut election, settings.committee()).await?;
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
    for (member, (account, seed)) in member_seeds.into_iter().enumerate() {
        committee_key::Entity::insert(committee_key::ActiveModel {
            cycle_id: Set(cycle.id),
            member: Set(i32::try_from(member).unwrap_or(i32::MAX)),
            account_id: Set(account),
            secret: Set(crate::hex::encode(&seed)),
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
    Ok(Frozen {
        manifest: frozen,
        hash,
    })
}

/// Makes a certification key for each of `committee` (account ids, in
/// the order the manifest will list them) and names the members with
/// their public keys in `election`; returns each account with its seed.
async fn committee_keys(
    txn: &impl ConnectionTrait,
    cycle: i32,
    election: &mut Election,
    committee: &[i32],
) -> Result<Vec<(i32, [u8; 32])>, DbError> {
    let accounts = account::Entity::find()
        .filter(account::Column::Id.is_in(committee.iter().copied()))
        .all(txn)
        .await?;
    let mut seeds = Vec::with_capacity(committee.len());
    for (index, &id) in committee.iter().enumerate() {
        let name = accounts
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.display_name.clone())
            .ok_or_else(|| DbError::InvalidValue {
                table: "cycle_committee",
                column: "account_id",
                value: format!("no account {id} on cycle {cycle}'s committee"),
            })?;
        let seed = random::<32>()?;
        let signer = NoteSigner::new(&election.member_key_name(index), &seed).map_err(|e| {
            DbError::InvalidValue {
                table: "cycle",
                column: "id",
                value: e.to_string(),
            }
        })?;
        election.members.push(CommitteeMember {
            name,
            key: signer.public_key(),
        });
        seeds.push((id, seed));
    }
    Ok(seeds)
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
