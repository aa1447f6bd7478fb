//! A witness's cosignature on a cycle's checkpoint of one size.

use sea_orm::entity::prelude::*;

/// A row of `cosignature`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cosignature")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The witness's name in the cycle's policy.
    #[sea_orm(primary_key, auto_increment = false)]
    pub witness: String,
    /// The size of the checkpoint it cosigned.
    #[sea_orm(primary_key, auto_increment = false)]
    pub size: i64,
    /// The signature line (c2sp.org/tlog-cosignature), with its newline.
    pub line: String,
}

/// Relations of `cosignature`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
