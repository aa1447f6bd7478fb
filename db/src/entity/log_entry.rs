//! One entry of a cycle's ballot log.

use sea_orm::entity::prelude::*;

/// A row of `log_entry`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "log_entry")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// Its place in the log, from 0.
    #[sea_orm(primary_key, auto_increment = false)]
    pub idx: i64,
    /// The entry's canonical bytes, hex.
    pub entry: String,
    /// Its leaf hash, hex.
    pub leaf: String,
    /// Where the ballot came from: `online` or `paper`. Not part of the
    /// entry's bytes; the record lists it beside each entry.
    pub source: String,
}

/// Relations of `log_entry`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
