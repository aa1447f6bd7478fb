//! One participatory budgeting round.

use pebble_domain::Phase;
use sea_orm::entity::prelude::*;

use super::stored::Stored;

/// A row of `cycle`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cycle")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Unique, URL-safe name.
    #[sea_orm(unique)]
    pub slug: String,
    /// The cycle's title.
    pub name: String,
    /// The school or community running it.
    pub school: String,
    /// What the budget is for, in plain text.
    pub description: String,
    /// ISO 4217 code of the budget.
    pub currency: String,
    /// The total budget in minor units.
    pub budget_cents: i64,
    /// The current phase.
    #[sea_orm(column_type = "String(StringLen::N(16))")]
    pub phase: Stored<Phase>,
    /// What a ballot may contain: the `counting` crate's `BallotRules` as
    /// JSON. An approval ballot's `max_cost` is left null here; the budget
    /// fills it when the manifest is frozen.
    pub ballot: String,
    /// The counting rule: `counting::Rule` as JSON.
    pub rule: String,
    /// The tie-break policy's name (`counting::TieBreak`).
    pub tie_break: String,
    /// Committee signatures needed to certify (k of n).
    pub certify_k: i32,
    /// Who must witness the ballot log (c2sp.org/tlog-policy, canonical,
    /// without `log` lines), frozen into the manifest when voting opens.
    pub witness_policy: Option<String>,
    /// When the cycle was created.
    pub created_at: ChronoDateTimeUtc,
}

/// Relations of `cycle`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// A cycle's proposals.
    #[sea_orm(has_many = "super::proposal::Entity")]
    Proposal,
}

impl Related<super::proposal::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Proposal.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
