//! A committee member's public certification key. The secret half lives
//! only in the member's key file; the server never sees it.

use sea_orm::entity::prelude::*;

/// A row of `member_key`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member_key")]
pub struct Model {
    /// The member's account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    /// The Ed25519 public key, hex.
    pub public_key: String,
    /// When it was registered.
    pub registered_at: ChronoDateTimeUtc,
}

/// Relations of `member_key`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
