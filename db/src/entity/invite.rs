//! A single-use invite code for creating an account.

use sea_orm::entity::prelude::*;

use pebble_domain::Role;

use super::stored::Stored;

/// A row of `invite`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invite")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// SHA-256 (hex) of the code; the code itself is shown once, never stored.
    #[sea_orm(unique)]
    pub code_hash: String,
    /// The role the new account gets.
    #[sea_orm(column_type = "String(StringLen::N(16))")]
    pub role: Stored<Role>,
    /// The admin who made it.
    pub created_by: Option<i32>,
    /// When.
    pub created_at: ChronoDateTimeUtc,
    /// The account created with it, once used.
    pub used_by: Option<i32>,
    /// When it was used.
    pub used_at: Option<ChronoDateTimeUtc>,
    /// Times it was refused because the username asked for was taken.
    pub refusals: i32,
}

/// Relations of `invite`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
