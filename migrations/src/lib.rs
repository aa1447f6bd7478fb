//! Pebble's schema as ordered migrations. Each one runs on SQLite and on
//! PostgreSQL; nothing here may use syntax that only one of them accepts.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261123_000001_participation;
mod m20261123_000002_invites;
mod m20261123_000003_cycle_settings;
mod m20261123_000004_proposal_images;
mod m20261123_000005_sign_in_failures;
mod m20261202_000001_voter_codes;
mod m20261202_000002_ballot_log;
mod m20261202_000003_frozen_manifests;
mod m20261202_000004_log_keys;
mod m20261202_000005_paper_ballots;
mod m20261203_000001_count_records;
mod m20261207_000001_member_keys;
mod m20261207_000002_idle_sessions;
mod m20261207_000003_witnesses;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261123_000001_participation::Migration),
            Box::new(m20261123_000002_invites::Migration),
            Box::new(m20261123_000003_cycle_settings::Migration),
            Box::new(m20261123_000004_proposal_images::Migration),
            Box::new(m20261123_000005_sign_in_failures::Migration),
            Box::new(m20261202_000001_voter_codes::Migration),
            Box::new(m20261202_000002_ballot_log::Migration),
            Box::new(m20261202_000003_frozen_manifests::Migration),
            Box::new(m20261202_000004_log_keys::Migration),
            Box::new(m20261202_000005_paper_ballots::Migration),
            Box::new(m20261203_000001_count_records::Migration),
            Box::new(m20261207_000001_member_keys::Migration),
            Box::new(m20261207_000002_idle_sessions::Migration),
            Box::new(m20261207_000003_witnesses::Migration),
        ]
    }
}
