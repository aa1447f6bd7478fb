//! A voter code, as its digest only.

use sea_orm::entity::prelude::*;

/// A row of `voter_code`: no time, account or address, by design.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "voter_code")]
pub struct Model {
    /// The code's digest (`pebble_domain::VoterCode::digest`), hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub digest: String,
    /// Its group.
    pub group_id: i32,
    /// Whether a ballot was cast with it.
    pub used: bool,
}

/// Relations of `voter_code`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
