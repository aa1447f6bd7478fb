//! A proposal's image: stored, replaced, removed and read back.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::DbError;
use crate::entity::proposal_image;

/// What a page needs to show an image, without its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// SHA-256 (hex) of the bytes: a version for the image's address.
    pub sha256: String,
    /// The alt text.
    pub description: String,
}

/// Stores `bytes` as proposal `proposal_id`'s image, replacing any other.
pub async fn put(
    db: &sea_orm::DatabaseConnection,
    proposal_id: i32,
    content_type: &str,
    bytes: Vec<u8>,
    description: &str,
) -> Result<ImageInfo, DbError> {
    let sha256 = crate::hex::encode(&Sha256::digest(&bytes));
    let txn = db.begin().await?;
    proposal_image::Entity::delete_by_id(proposal_id)
        .exec(&txn)
        .await?;
    proposal_image::ActiveModel {
        proposal_id: Set(proposal_id),
        content_type: Set(content_type.to_owned()),
        bytes: Set(bytes),
        sha256: Set(sha256.clone()),
        description: Set(description.to_owned()),
        uploaded_at: Set(chrono::Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(ImageInfo {
        sha256,
        description: description.to_owned(),
    })
}

/// Removes proposal `proposal_id`'s image; returns whether it had one.
pub async fn remove(db: &impl ConnectionTrait, proposal_id: i32) -> Result<bool, DbError> {
    let result = proposal_image::Entity::delete_by_id(proposal_id)
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The image's version and alt text, if the proposal has one.
pub async fn info(
    db: &impl ConnectionTrait,
    proposal_id: i32,
) -> Result<Option<ImageInfo>, DbError> {
    Ok(infos(db, &[proposal_id]).await?.remove(&proposal_id))
}

/// The images' versions and alt texts for the proposals `ids` that have one.
pub async fn infos(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<std::collections::BTreeMap<i32, ImageInfo>, DbError> {
    let rows = proposal_image::Entity::find()
        .select_only()
        .column(proposal_image::Column::ProposalId)
        .column(proposal_image::Column::Sha256)
        .column(proposal_image::Column::Description)
        .filter(proposal_image::Column::ProposalId.is_in(ids.iter().copied()))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, sha256, description)| {
            (
                id,
                ImageInfo {
                    sha256,
                    description,
                },
            )
        })
        .collect())
}

/// The whole image, bytes included.
pub async fn get(
    db: &impl ConnectionTrait,
    proposal_id: i32,
) -> Result<Option<proposal_image::Model>, DbError> {
    Ok(proposal_image::Entity::find_by_id(proposal_id)
        .one(db)
        .await?)
}
