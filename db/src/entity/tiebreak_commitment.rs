//! A committee member's tie-break commitment for one cycle, made in their
//! browser (or offline) before voting opens, and frozen into the
//! manifest.

use sea_orm::entity::prelude::*;

/// A row of `tiebreak_commitment`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tiebreak_commitment")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The member's account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i32,
    /// The 16-byte salt the secret was derived with, hex (public).
    pub salt: String,
    /// `SHA-256("pebble/tiebreak-commitment" ‖ secret)`, hex.
    pub commitment: String,
    /// When it was made.
    pub made_at: ChronoDateTimeUtc,
}

/// Relations of `tiebreak_commitment`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
