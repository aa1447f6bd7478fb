//! Pebble's storage layer. Every SQL statement Pebble runs is built here,
//! through sea-orm, and runs on both SQLite and PostgreSQL.

pub mod accounts;
pub mod backup;
pub mod casting;
pub mod codes;
pub mod committee;
pub mod connection;
pub mod count;
pub mod cycle_settings;
pub mod cycles;
pub mod entity;
pub mod error;
pub mod frozen;
mod hex;
pub mod import;
pub mod invites;
pub mod log;
pub mod money;
pub mod paper;
pub mod proposal_images;
pub mod proposals;
pub mod seed;
pub mod sessions;
pub mod sign_in_failures;
pub mod threads;
pub mod transitions;
pub mod witnesses;

pub use connection::{Backend, connect, migrate};
pub use error::DbError;
pub use sea_orm::DatabaseConnection;
