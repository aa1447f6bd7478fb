//! The manifest a cycle's voting opened with: its canonical bytes and
//! their SHA-256, written once by the move into voting.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FrozenManifest {
    Table,
    CycleId,
    Manifest,
    ManifestHash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FrozenManifest::Table)
                    .col(integer(FrozenManifest::CycleId).primary_key())
                    .col(text(FrozenManifest::Manifest))
                    .col(string_len(FrozenManifest::ManifestHash, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FrozenManifest::Table, FrozenManifest::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FrozenManifest::Table).to_owned())
            .await
    }
}
