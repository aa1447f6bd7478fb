//! A proposal's image, checked on upload (type by its bytes, size).

use sea_orm::entity::prelude::*;

/// A row of `proposal_image`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal_image")]
pub struct Model {
    /// The proposal it illustrates (one image each).
    #[sea_orm(primary_key, auto_increment = false)]
    pub proposal_id: i32,
    /// `image/png`, `image/jpeg` or `image/webp`, as sniffed from the bytes.
    pub content_type: String,
    /// The file as uploaded.
    pub bytes: Vec<u8>,
    /// SHA-256 (hex) of `bytes`, used as the HTTP entity tag.
    pub sha256: String,
    /// What the image shows, for people who cannot see it (its alt text).
    pub description: String,
    /// When it was uploaded.
    pub uploaded_at: ChronoDateTimeUtc,
}

/// Relations of `proposal_image`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
