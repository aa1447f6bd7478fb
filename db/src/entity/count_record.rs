//! A cycle's election record, compiled when the committee's reveals
//! were in.

use sea_orm::entity::prelude::*;

/// A row of `count_record`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "count_record")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The record hash, hex.
    pub record_hash: String,
    /// The record's JSON without certifications (they are rows of
    /// `certification`).
    pub record: String,
    /// The member who started the count.
    pub counted_by: i32,
    /// When.
    pub counted_at: ChronoDateTimeUtc,
}

/// Relations of `count_record`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
