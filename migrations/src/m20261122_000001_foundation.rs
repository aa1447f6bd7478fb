//! Accounts, cycles, proposals and comments: what the home page and the
//! demo cycle need.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Username,
    DisplayName,
    Role,
    PasswordHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
    Slug,
    Name,
    School,
    Description,
    Currency,
    BudgetCents,
    Phase,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Proposal {
    Table,
    Id,
    CycleId,
    AuthorId,
    Title,
    Summary,
    Description,
    Category,
    EstimatedCostCents,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Comment {
    Table,
    Id,
    ProposalId,
    AuthorId,
    ParentId,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(pk_auto(Account::Id))
                    .col(string_len_uniq(Account::Username, 64))
                    .col(string_len(Account::DisplayName, 120))
                    .col(string_len(Account::Role, 16))
                    .col(string(Account::PasswordHash))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Cycle::Table)
                    .col(pk_auto(Cycle::Id))
                    .col(string_len_uniq(Cycle::Slug, 80))
                    .col(string_len(Cycle::Name, 120))
                    .col(string_len(Cycle::School, 120))
                    .col(text(Cycle::Description))
                    .col(string_len(Cycle::Currency, 3))
                    .col(big_integer(Cycle::BudgetCents))
                    .col(string_len(Cycle::Phase, 16))
                    .col(timestamp_with_time_zone(Cycle::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Proposal::Table)
                    .col(pk_auto(Proposal::Id))
                    .col(integer(Proposal::CycleId))
                    .col(integer_null(Proposal::AuthorId))
                    .col(string_len(Proposal::Title, 120))
                    .col(string_len(Proposal::Summary, 280))
                    .col(text(Proposal::Description))
                    .col(string_len(Proposal::Category, 40))
                    .col(big_integer(Proposal::EstimatedCostCents))
                    .col(string_len(Proposal::Status, 16))
                    .col(timestamp_with_time_zone(Proposal::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposal::Table, Proposal::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposal::Table, Proposal::AuthorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_proposal_cycle")
                    .table(Proposal::Table)
                    .col(Proposal::CycleId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Comment::Table)
                    .col(pk_auto(Comment::Id))
                    .col(integer(Comment::ProposalId))
                    .col(integer_null(Comment::AuthorId))
                    .col(integer_null(Comment::ParentId))
                    .col(text(Comment::Body))
                    .col(timestamp_with_time_zone(Comment::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Comment::Table, Comment::ProposalId)
                            .to(Proposal::Table, Proposal::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Comment::Table, Comment::AuthorId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Comment::Table, Comment::ParentId)
                            .to(Comment::Table, Comment::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_comment_proposal")
                    .table(Comment::Table)
                    .col(Comment::ProposalId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Comment::Table.into_iden(),
            Proposal::Table.into_iden(),
            Cycle::Table.into_iden(),
            Account::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
