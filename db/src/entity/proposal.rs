//! A project a student proposes for the budget.

use pebble_domain::Status;
use sea_orm::entity::prelude::*;

use super::stored::Stored;

/// A row of `proposal`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The cycle it belongs to.
    pub cycle_id: i32,
    /// The student who wrote it, if the account still exists.
    pub author_id: Option<i32>,
    /// Title, at most 120 characters.
    pub title: String,
    /// One-paragraph summary.
    pub summary: String,
    /// Full description, plain text.
    pub description: String,
    /// A short category such as "Sports" or "Library".
    pub category: String,
    /// The author's estimate in minor units.
    pub estimated_cost_cents: i64,
    /// Review status.
    #[sea_orm(column_type = "String(StringLen::N(16))")]
    pub status: Stored<Status>,
    /// When it was submitted.
    pub created_at: ChronoDateTimeUtc,
    /// The cost the committee puts on the ballot, set in review.
    pub ballot_cost_cents: Option<i64>,
    /// The committee's public note, set in review.
    pub review_note: Option<String>,
    /// The proposal this one was merged into, if it was a duplicate.
    pub merged_into_id: Option<i32>,
    /// When the author or the committee last changed it.
    pub updated_at: Option<ChronoDateTimeUtc>,
}

/// Relations of `proposal`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The cycle it belongs to.
    #[sea_orm(
        belongs_to = "super::cycle::Entity",
        from = "Column::CycleId",
        to = "super::cycle::Column::Id"
    )]
    Cycle,
    /// Its author.
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::AuthorId",
        to = "super::account::Column::Id"
    )]
    Author,
}

impl Related<super::cycle::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cycle.def()
    }
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
