//! The count and its certification: each committee member's
//! certification key (made when voting opens; the public half is in the
//! frozen manifest), the election record compiled when the public
//! entropy is entered, and every member's decision on its hash.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CommitteeKey {
    Table,
    CycleId,
    Member,
    AccountId,
    Secret,
}

#[derive(DeriveIden)]
enum CountRecord {
    Table,
    CycleId,
    Entropy,
    RecordHash,
    Record,
    CountedBy,
    CountedAt,
}

#[derive(DeriveIden)]
enum Certification {
    Table,
    Id,
    CycleId,
    Member,
    AccountId,
    RecordHash,
    Decision,
    Reason,
    At,
    Note,
}

fn cycle_fk<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
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
                    .table(CommitteeKey::Table)
                    .col(integer(CommitteeKey::CycleId))
                    .col(integer(CommitteeKey::Member))
                    .col(integer(CommitteeKey::AccountId))
                    .col(string_len(CommitteeKey::Secret, 64))
                    .primary_key(
                        Index::create()
                            .col(CommitteeKey::CycleId)
                            .col(CommitteeKey::Member),
                    )
                    .foreign_key(&mut cycle_fk(CommitteeKey::Table, CommitteeKey::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CountRecord::Table)
                    .col(integer(CountRecord::CycleId).primary_key())
                    .col(text(CountRecord::Entropy))
                    .col(string_len(CountRecord::RecordHash, 64))
                    .col(text(CountRecord::Record))
                    .col(integer(CountRecord::CountedBy))
                    .col(timestamp_with_time_zone(CountRecord::CountedAt))
                    .foreign_key(&mut cycle_fk(CountRecord::Table, CountRecord::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Certification::Table)
                    .col(pk_auto(Certification::Id))
                    .col(integer(Certification::CycleId))
                    .col(integer(Certification::Member))
                    .col(integer(Certification::AccountId))
                    .col(string_len(Certification::RecordHash, 64))
                    .col(string_len(Certification::Decision, 8))
                    .col(text(Certification::Reason))
                    .col(string_len(Certification::At, 40))
                    .col(text(Certification::Note))
                    .foreign_key(&mut cycle_fk(Certification::Table, Certification::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("certification_by_cycle")
                    .table(Certification::Table)
                    .col(Certification::CycleId)
                    .col(Certification::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Certification::Table.into_iden(),
            CountRecord::Table.into_iden(),
            CommitteeKey::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
