//! A cycle's log signing key.

use sea_orm::entity::prelude::*;

/// A row of `log_key`.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "log_key")]
pub struct Model {
    /// The cycle.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: i32,
    /// The Ed25519 secret (seed), hex. Its public half is in the frozen
    /// manifest.
    pub secret: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "log_key {{ cycle_id: {}, secret: <hidden> }}",
            self.cycle_id
        )
    }
}

/// Relations of `log_key`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
