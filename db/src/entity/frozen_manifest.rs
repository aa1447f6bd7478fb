//! The manifest a cycle's voting opened with.

use sea_orm::entity::prelude::*;

/// A row of `frozen_manifest`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "frozen_manifest")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The manifest's canonical bytes (`counting::encoding`), hex.
    pub manifest: String,
    /// SHA-256 of those bytes, hex: the hash voters and auditors quote.
    pub manifest_hash: String,
}

/// Relations of `frozen_manifest`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
