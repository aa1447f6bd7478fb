//! One committee member's decision on a record hash.

use sea_orm::entity::prelude::*;

/// A row of `certification`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certification")]
pub struct Model {
    /// Its id: decisions are read in this order.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The cycle.
    pub cycle_id: i32,
    /// The member's index in the frozen manifest's committee.
    pub member: i32,
    /// The member's account.
    pub account_id: i32,
    /// The record hash decided on, hex.
    pub record_hash: String,
    /// `certify` or `object`.
    pub decision: String,
    /// Why (required to object).
    pub reason: String,
    /// When, RFC 3339 as signed.
    pub at: String,
    /// The signed note.
    pub note: String,
}

/// Relations of `certification`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
