//! How the committee resolved a mismatch: rekeyed or voided, by whom,
//! when and why.

use sea_orm::entity::prelude::*;

/// A row of `paper_resolution`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "paper_resolution")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The cycle.
    pub cycle_id: i32,
    /// The paper ballot's serial.
    pub serial: String,
    /// Who resolved it, if the account still exists.
    pub account_id: Option<i32>,
    /// `rekey` or `void`.
    pub action: String,
    /// The reason given.
    pub reason: String,
    /// When.
    pub resolved_at: ChronoDateTimeUtc,
}

/// Relations of `paper_resolution`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
