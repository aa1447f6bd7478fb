//! Paper ballots: the serials printed, each member's keyed entry (double
//! entry), the committee's resolutions of mismatches, and each log
//! entry's source (online or paper).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PaperBallot {
    Table,
    CycleId,
    Serial,
    Batch,
    Status,
    LoggedIdx,
    VoidReason,
}

#[derive(DeriveIden)]
enum PaperEntry {
    Table,
    CycleId,
    Serial,
    AccountId,
    Ballot,
    EnteredAt,
}

#[derive(DeriveIden)]
enum PaperResolution {
    Table,
    Id,
    CycleId,
    Serial,
    AccountId,
    Action,
    Reason,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum LogEntry {
    Table,
    Source,
}

fn to_cycle(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Cycle::Table, Cycle::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PaperBallot::Table)
                    .col(integer(PaperBallot::CycleId))
                    .col(string_len(PaperBallot::Serial, 12))
                    .col(integer(PaperBallot::Batch))
                    .col(string_len(PaperBallot::Status, 8))
                    .col(big_integer_null(PaperBallot::LoggedIdx))
                    .col(text_null(PaperBallot::VoidReason))
                    .primary_key(
                        Index::create()
                            .col(PaperBallot::CycleId)
                            .col(PaperBallot::Serial),
                    )
                    .foreign_key(&mut to_cycle(PaperBallot::Table, PaperBallot::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PaperEntry::Table)
                    .col(integer(PaperEntry::CycleId))
                    .col(string_len(PaperEntry::Serial, 12))
                    .col(integer(PaperEntry::AccountId))
                    .col(text(PaperEntry::Ballot))
                    .col(timestamp_with_time_zone(PaperEntry::EnteredAt))
                    .primary_key(
                        Index::create()
                            .col(PaperEntry::CycleId)
                            .col(PaperEntry::Serial)
                            .col(PaperEntry::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PaperEntry::Table, (PaperEntry::CycleId, PaperEntry::Serial))
                            .to(
                                PaperBallot::Table,
                                (PaperBallot::CycleId, PaperBallot::Serial),
                            )
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PaperEntry::Table, PaperEntry::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PaperResolution::Table)
                    .col(pk_auto(PaperResolution::Id))
                    .col(integer(PaperResolution::CycleId))
                    .col(string_len(PaperResolution::Serial, 12))
                    .col(integer_null(PaperResolution::AccountId))
                    .col(string_len(PaperResolution::Action, 8))
                    .col(text(PaperResolution::Reason))
                    .col(timestamp_with_time_zone(PaperResolution::ResolvedAt))
                    .foreign_key(&mut to_cycle(
                        PaperResolution::Table,
                        PaperResolution::CycleId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PaperResolution::Table, PaperResolution::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LogEntry::Table)
                    .add_column(string_len(LogEntry::Source, 8).default("online"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(LogEntry::Table)
                    .drop_column(LogEntry::Source)
                    .to_owned(),
            )
            .await?;
        for table in [
            PaperResolution::Table.into_iden(),
            PaperEntry::Table.into_iden(),
            PaperBallot::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
