//! Witnesses of the ballot log: the policy a cycle asks them to meet
//! (c2sp.org/tlog-policy, frozen into the manifest when voting opens), and
//! the cosignatures they gave, one row per witness and tree size
//! (c2sp.org/tlog-cosignature signature lines), so the checkpoint of that
//! size is served, and sealed into the record, with them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
    WitnessPolicy,
}

#[derive(DeriveIden)]
enum Cosignature {
    Table,
    CycleId,
    Witness,
    Size,
    Line,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Cycle::Table)
                    .add_column(text_null(Cycle::WitnessPolicy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cosignature::Table)
                    .col(integer(Cosignature::CycleId))
                    .col(string(Cosignature::Witness))
                    .col(big_integer(Cosignature::Size))
                    .col(text(Cosignature::Line))
                    .primary_key(
                        Index::create()
                            .col(Cosignature::CycleId)
                            .col(Cosignature::Witness)
                            .col(Cosignature::Size),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cosignature::Table, Cosignature::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Cosignature::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Cycle::Table)
                    .drop_column(Cycle::WitnessPolicy)
                    .to_owned(),
            )
            .await
    }
}
