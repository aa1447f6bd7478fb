//! A person who signs in. Voting never needs one.

use pebble_domain::Role;
use sea_orm::entity::prelude::*;

use super::stored::Stored;

/// A row of `account`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Unique sign-in name.
    #[sea_orm(unique)]
    pub username: String,
    /// The name shown beside proposals and comments.
    pub display_name: String,
    /// The account's role.
    #[sea_orm(column_type = "String(StringLen::N(16))")]
    pub role: Stored<Role>,
    /// An argon2 PHC string; never the password.
    pub password_hash: String,
    /// When the account was created.
    pub created_at: ChronoDateTimeUtc,
    /// Whether the password was made by an admin and must be replaced by
    /// one the person chooses before they can do anything else.
    pub password_change_required: bool,
}

/// Relations of `account`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
