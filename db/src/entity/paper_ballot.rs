//! A paper ballot printed for a cycle, by its serial.

use sea_orm::entity::prelude::*;

/// A row of `paper_ballot`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "paper_ballot")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The serial, 12 symbols without separators.
    #[sea_orm(primary_key, auto_increment = false)]
    pub serial: String,
    /// The print run it came from (1, 2, … per cycle).
    pub batch: i32,
    /// `open` (awaiting entries), `logged`, `mismatch` or `voided`.
    pub status: String,
    /// Its index in the ballot log, once logged.
    pub logged_idx: Option<i64>,
    /// Why the committee voided it.
    pub void_reason: Option<String>,
}

/// Relations of `paper_ballot`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
