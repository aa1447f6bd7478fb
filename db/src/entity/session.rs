//! A signed-in browser. Stored in the database so that several
//! `pebble serve` replicas share sessions.

use sea_orm::entity::prelude::*;

/// A row of `session`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 (hex) of the cookie's token; the token itself is never stored.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// Who signed in.
    pub account_id: i32,
    /// When they signed in.
    pub created_at: ChronoDateTimeUtc,
    /// After this the session no longer signs anyone in.
    pub expires_at: ChronoDateTimeUtc,
    /// When it last signed a request in (at most a minute stale); `None`
    /// for a session begun before this was kept, read as `created_at`.
    pub last_seen_at: Option<ChronoDateTimeUtc>,
}

/// Relations of `session`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The signed-in account.
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::AccountId",
        to = "super::account::Column::Id"
    )]
    Account,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
