//! Sessions, committee review, thread moderation and reports.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Proposal {
    Table,
    BallotCostCents,
    ReviewNote,
    MergedIntoId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Comment {
    Table,
    Id,
    EditedAt,
    HiddenReason,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum CommentReport {
    Table,
    Id,
    CommentId,
    AccountId,
    Reason,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string_len(Session::TokenHash, 64).primary_key())
                    .col(integer(Session::AccountId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommentReport::Table)
                    .col(pk_auto(CommentReport::Id))
                    .col(integer(CommentReport::CommentId))
                    .col(integer(CommentReport::AccountId))
                    .col(string_len(CommentReport::Reason, 400))
                    .col(timestamp_with_time_zone(CommentReport::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommentReport::Table, CommentReport::CommentId)
                            .to(Comment::Table, Comment::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommentReport::Table, CommentReport::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per person per comment: reporting twice changes nothing.
        manager
            .create_index(
                Index::create()
                    .name("idx_comment_report_once")
                    .table(CommentReport::Table)
                    .col(CommentReport::CommentId)
                    .col(CommentReport::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per ALTER TABLE statement.
        for column in [
            big_integer_null(Proposal::BallotCostCents),
            text_null(Proposal::ReviewNote),
            integer_null(Proposal::MergedIntoId),
            timestamp_with_time_zone_null(Proposal::UpdatedAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Proposal::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            timestamp_with_time_zone_null(Comment::EditedAt),
            string_len_null(Comment::HiddenReason, 400),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Comment::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Comment::HiddenReason.into_iden(),
            Comment::EditedAt.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Comment::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            Proposal::UpdatedAt.into_iden(),
            Proposal::MergedIntoId.into_iden(),
            Proposal::ReviewNote.into_iden(),
            Proposal::BallotCostCents.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Proposal::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [CommentReport::Table.into_iden(), Session::Table.into_iden()] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
