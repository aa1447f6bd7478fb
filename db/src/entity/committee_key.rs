//! A committee member's certification key for one cycle.

use sea_orm::entity::prelude::*;

/// A row of `committee_key`.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_key")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The member's index in the frozen manifest's committee.
    #[sea_orm(primary_key, auto_increment = false)]
    pub member: i32,
    /// The member's account.
    pub account_id: i32,
    /// The Ed25519 secret (seed), hex. Its public half is in the frozen
    /// manifest.
    pub secret: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "committee_key {{ cycle_id: {}, member: {}, account_id: {}, secret: <hidden> }}",
            self.cycle_id, self.member, self.account_id
        )
    }
}

/// Relations of `committee_key`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
