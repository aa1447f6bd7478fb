//! A cycle's ballot log: its head (size, sealed), its entries and the
//! hashes of its complete subtrees (RFC 9162 §2.1), so that checkpoints
//! and proofs read a few rows, never the whole log. Hashes and entries are
//! lowercase hex. Nothing here names a code, an account or a time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum BallotLog {
    Table,
    CycleId,
    Size,
    Sealed,
}

#[derive(DeriveIden)]
enum LogEntry {
    Table,
    CycleId,
    Idx,
    Entry,
    Leaf,
}

#[derive(DeriveIden)]
enum LogNode {
    Table,
    CycleId,
    Level,
    Idx,
    Hash,
}

fn cycle_key(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
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
                    .table(BallotLog::Table)
                    .col(integer(BallotLog::CycleId).primary_key())
                    .col(big_integer(BallotLog::Size).default(0))
                    .col(boolean(BallotLog::Sealed).default(false))
                    .foreign_key(&mut cycle_key(BallotLog::Table, BallotLog::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LogEntry::Table)
                    .col(integer(LogEntry::CycleId))
                    .col(big_integer(LogEntry::Idx))
                    .col(text(LogEntry::Entry))
                    .col(string_len(LogEntry::Leaf, 64))
                    .primary_key(Index::create().col(LogEntry::CycleId).col(LogEntry::Idx))
                    .foreign_key(&mut cycle_key(LogEntry::Table, LogEntry::CycleId))
                    .to_owned(),
            )
            .await?;
        // A retried cast finds its entry by leaf (the nonce makes leaves
        // unique), so no row has to link an entry to its code.
        manager
            .create_index(
                Index::create()
                    .name("log_entry_cycle_leaf")
                    .table(LogEntry::Table)
                    .col(LogEntry::CycleId)
                    .col(LogEntry::Leaf)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LogNode::Table)
                    .col(integer(LogNode::CycleId))
                    .col(integer(LogNode::Level))
                    .col(big_integer(LogNode::Idx))
                    .col(string_len(LogNode::Hash, 64))
                    .primary_key(
                        Index::create()
                            .col(LogNode::CycleId)
                            .col(LogNode::Level)
                            .col(LogNode::Idx),
                    )
                    .foreign_key(&mut cycle_key(LogNode::Table, LogNode::CycleId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LogNode::Table.into_iden(),
            LogEntry::Table.into_iden(),
            BallotLog::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
