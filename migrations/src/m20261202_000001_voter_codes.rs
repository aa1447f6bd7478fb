//! Voter codes, in named groups of a cycle's roster (a class, a year, the
//! families of a grade). A code is kept only as its digest, with its group
//! and whether it was used: nothing records when, by whom or from where.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CodeGroup {
    Table,
    Id,
    CycleId,
    Name,
}

#[derive(DeriveIden)]
enum VoterCode {
    Table,
    Digest,
    GroupId,
    Used,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CodeGroup::Table)
                    .col(pk_auto(CodeGroup::Id))
                    .col(integer(CodeGroup::CycleId))
                    .col(string_len(CodeGroup::Name, 80))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CodeGroup::Table, CodeGroup::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("code_group_cycle_name")
                    .table(CodeGroup::Table)
                    .col(CodeGroup::CycleId)
                    .col(CodeGroup::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VoterCode::Table)
                    .col(string_len(VoterCode::Digest, 64).primary_key())
                    .col(integer(VoterCode::GroupId))
                    .col(boolean(VoterCode::Used).default(false))
                    .foreign_key(
                        ForeignKey::create()
                            .from(VoterCode::Table, VoterCode::GroupId)
                            .to(CodeGroup::Table, CodeGroup::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(VoterCode::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CodeGroup::Table).to_owned())
            .await
    }
}
