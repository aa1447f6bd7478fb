//! One failed sign-in, kept for the length of the rate-limit window.

use sea_orm::entity::prelude::*;

/// A row of `sign_in_failure`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_failure")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The username tried, lower-cased (it need not exist).
    pub username: String,
    /// When.
    pub failed_at: ChronoDateTimeUtc,
}

/// Relations of `sign_in_failure`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
