//! One committee member's keying of one paper ballot.

use sea_orm::entity::prelude::*;

/// A row of `paper_entry`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "paper_entry")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The paper ballot's serial.
    #[sea_orm(primary_key, auto_increment = false)]
    pub serial: String,
    /// Who keyed it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    /// The ballot as keyed: its canonical encoding, hex.
    pub ballot: String,
    /// When.
    pub entered_at: ChronoDateTimeUtc,
}

/// Relations of `paper_entry`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Who keyed it.
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::AccountId",
        to = "super::account::Column::Id"
    )]
    Account,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
