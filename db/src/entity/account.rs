//! A person who signs in (SPEC §1). Voting never needs one.

use sea_orm::entity::prelude::*;

/// What an account may do (SPEC §1, "People and roles").
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Role {
    /// Proposes projects, comments, votes with a code.
    #[sea_orm(string_value = "student")]
    Student,
    /// Comments and votes with a code.
    #[sea_orm(string_value = "family")]
    Family,
    /// Reviews proposals, moderates, keys in paper ballots, certifies.
    #[sea_orm(string_value = "committee")]
    Committee,
    /// Configures cycles, accounts and voter codes.
    #[sea_orm(string_value = "admin")]
    Admin,
}

/// A row of `account`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// Surrogate key.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Unique sign-in name.
    #[sea_orm(unique)]
    pub username: String,
    /// The name shown beside proposals and comments.
    pub display_name: String,
    /// The account's role.
    pub role: Role,
    /// An argon2 PHC string; never the password.
    pub password_hash: String,
    /// When the account was created.
    pub created_at: ChronoDateTimeUtc,
}

/// Relations of `account`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
