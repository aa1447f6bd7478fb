//! A comment or reply in a proposal's thread.

use sea_orm::entity::prelude::*;

/// A row of `comment`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comment")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The proposal whose thread it is in.
    pub proposal_id: i32,
    /// Who wrote it, if the account still exists.
    pub author_id: Option<i32>,
    /// The comment it replies to, if any.
    pub parent_id: Option<i32>,
    /// Plain text, rendered escaped.
    pub body: String,
    /// When it was written.
    pub created_at: ChronoDateTimeUtc,
    /// When its author last edited it (allowed within the grace period).
    pub edited_at: Option<ChronoDateTimeUtc>,
    /// Why the committee hid it; the slot stays and shows this reason.
    pub hidden_reason: Option<String>,
}

/// Relations of `comment`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Its author.
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::AuthorId",
        to = "super::account::Column::Id"
    )]
    Author,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
