//! The head of a cycle's ballot log.

use sea_orm::entity::prelude::*;

/// A row of `ballot_log`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballot_log")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// How many entries the log holds.
    pub size: i64,
    /// Whether voting has closed (no entry may be added).
    pub sealed: bool,
    /// The signed checkpoint the log was sealed with (C2SP signed note).
    pub sealed_checkpoint: Option<String>,
}

/// Relations of `ballot_log`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
