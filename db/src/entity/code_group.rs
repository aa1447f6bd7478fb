//! A named group of a cycle's voter codes.

use sea_orm::entity::prelude::*;

/// A row of `code_group`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "code_group")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The cycle whose voters hold the codes.
    pub cycle_id: i32,
    /// Its name, unique within the cycle (a class, a year, …).
    pub name: String,
}

/// Relations of `code_group`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
