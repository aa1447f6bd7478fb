//! One participatory budgeting round (SPEC §2).

use sea_orm::entity::prelude::*;

/// Where a cycle stands (SPEC §2), in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Phase {
    /// Being set up by an admin.
    #[sea_orm(string_value = "draft")]
    Draft,
    /// Students submit proposals.
    #[sea_orm(string_value = "ideas")]
    Ideas,
    /// The committee reviews proposals.
    #[sea_orm(string_value = "review")]
    Review,
    /// Threads are the focus; the ballot is previewed.
    #[sea_orm(string_value = "deliberation")]
    Deliberation,
    /// Ballots are cast.
    #[sea_orm(string_value = "voting")]
    Voting,
    /// The log is sealed and the count runs.
    #[sea_orm(string_value = "counting")]
    Counting,
    /// Results and the election record are public.
    #[sea_orm(string_value = "certified")]
    Certified,
}

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
    pub phase: Phase,
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
