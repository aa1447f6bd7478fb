//! A signed-in user's flag on a comment, for the committee.

use sea_orm::entity::prelude::*;

/// A row of `comment_report`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comment_report")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The reported comment.
    pub comment_id: i32,
    /// Who reported it (one report per person per comment).
    pub account_id: i32,
    /// What they said is wrong with it.
    pub reason: String,
    /// When.
    pub created_at: ChronoDateTimeUtc,
}

/// Relations of `comment_report`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
