//! Invite codes that let a person create their own account.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Invite {
    Table,
    Id,
    CodeHash,
    Role,
    CreatedBy,
    CreatedAt,
    UsedBy,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Invite::Table)
                    .col(pk_auto(Invite::Id))
                    .col(string_len_uniq(Invite::CodeHash, 64))
                    .col(string_len(Invite::Role, 16))
                    .col(integer_null(Invite::CreatedBy))
                    .col(timestamp_with_time_zone(Invite::CreatedAt))
                    .col(integer_null(Invite::UsedBy))
                    .col(timestamp_with_time_zone_null(Invite::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invite::Table, Invite::CreatedBy)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invite::Table, Invite::UsedBy)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Invite::Table).to_owned())
            .await
    }
}
