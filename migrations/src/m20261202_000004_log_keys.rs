//! Each cycle's log signing key (the Ed25519 secret; its public half is in
//! the frozen manifest), made when voting opens, and the signed checkpoint
//! the log was sealed with when voting closed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LogKey {
    Table,
    CycleId,
    Secret,
}

#[derive(DeriveIden)]
enum BallotLog {
    Table,
    SealedCheckpoint,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LogKey::Table)
                    .col(integer(LogKey::CycleId).primary_key())
                    .col(string_len(LogKey::Secret, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LogKey::Table, LogKey::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(BallotLog::Table)
                    .add_column(text_null(BallotLog::SealedCheckpoint))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(BallotLog::Table)
                    .drop_column(BallotLog::SealedCheckpoint)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(LogKey::Table).to_owned())
            .await
    }
}
