//! The hash of one complete subtree of a cycle's ballot log.

use sea_orm::entity::prelude::*;

/// A row of `log_node`: the root of leaves `idx·2^level …
/// (idx+1)·2^level − 1`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "log_node")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// Its level (0: a leaf).
    #[sea_orm(primary_key, auto_increment = false)]
    pub level: i32,
    /// Its index within the level.
    #[sea_orm(primary_key, auto_increment = false)]
    pub idx: i64,
    /// The hash, hex.
    pub hash: String,
}

/// Relations of `log_node`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
