//! Failed sign-ins per username, for the sign-in rate limit. In the
//! database, not in a server's memory, so every replica counts the same.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInFailure {
    Table,
    Id,
    Username,
    FailedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInFailure::Table)
                    .col(pk_auto(SignInFailure::Id))
                    .col(string_len(SignInFailure::Username, 64))
                    .col(timestamp_with_time_zone(SignInFailure::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sign_in_failure_username_at")
                    .table(SignInFailure::Table)
                    .col(SignInFailure::Username)
                    .col(SignInFailure::FailedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SignInFailure::Table).to_owned())
            .await
    }
}
