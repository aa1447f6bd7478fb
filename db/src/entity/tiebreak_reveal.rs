//! A committee member's revealed tie-break secret, after the log was
//! sealed; checked against their frozen commitment when it is stored.

use sea_orm::entity::prelude::*;

/// A row of `tiebreak_reveal`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tiebreak_reveal")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The member's index in the frozen manifest's committee.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member: i32,
    /// The 32-byte secret, hex.
    pub secret: String,
}

/// Relations of `tiebreak_reveal`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
