//! When each session was last used, so a sign-in left open on a shared
//! class laptop ends after an idle spell, not only after its 30 days; and
//! how many times an invite was refused for a taken username, so one
//! invite cannot list the school's usernames.
//!
//! `last_seen_at` is nullable: SQLite cannot add a column whose default is
//! the current time, and a session from before this migration counts as
//! last seen when it began.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Session {
    Table,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum Invite {
    Table,
    Refusals,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per ALTER TABLE: SQLite takes no more.
        manager
            .alter_table(
                Table::alter()
                    .table(Session::Table)
                    .add_column(timestamp_with_time_zone_null(Session::LastSeenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Invite::Table)
                    .add_column(integer(Invite::Refusals).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Invite::Table)
                    .drop_column(Invite::Refusals)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Session::Table)
                    .drop_column(Session::LastSeenAt)
                    .to_owned(),
            )
            .await
    }
}
