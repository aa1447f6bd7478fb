//! The frozen committee of a cycle: which account holds each member
//! index of its manifest. Written once, when voting opens.

use sea_orm::entity::prelude::*;

/// A row of `committee_seat`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_seat")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The member's index in the frozen manifest's committee.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member: i32,
    /// The member's account.
    pub account_id: i32,
}

/// Relations of `committee_seat`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
