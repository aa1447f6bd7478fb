//! A proposal's optional image. Stored in the
//! database, not on a server's disk, so that every replica can serve it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Proposal {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ProposalImage {
    Table,
    ProposalId,
    ContentType,
    Bytes,
    Sha256,
    Description,
    UploadedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProposalImage::Table)
                    .col(integer(ProposalImage::ProposalId).primary_key())
                    .col(string_len(ProposalImage::ContentType, 32))
                    .col(blob(ProposalImage::Bytes))
                    .col(string_len(ProposalImage::Sha256, 64))
                    .col(string_len(ProposalImage::Description, 200))
                    .col(timestamp_with_time_zone(ProposalImage::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalImage::Table, ProposalImage::ProposalId)
                            .to(Proposal::Table, Proposal::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProposalImage::Table).to_owned())
            .await
    }
}
