//! Committee keys held by the members, not the server: each member's
//! public certification key (the secret stays in their key file), their
//! tie-break commitment per cycle and its reveal, and the frozen
//! committee's seats. The server-held committee secrets of
//! `m20261203_000001` are dropped, and with them the free-text entropy
//! the seed used to take. One decision per member per cycle. Accounts
//! whose password an admin made must choose their own.
//!
//! A cycle frozen before this migration named server-made committee keys
//! in its manifest; once those secrets are gone it could never be
//! certified. The migration therefore refuses a database that holds a
//! frozen manifest, and says so: Pebble has no deployment older than
//! this, and a development database is remade with `pebble seed-demo`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    PasswordChangeRequired,
}

#[derive(DeriveIden)]
enum MemberKey {
    Table,
    AccountId,
    PublicKey,
    RegisteredAt,
}

#[derive(DeriveIden)]
enum TiebreakCommitment {
    Table,
    CycleId,
    AccountId,
    Salt,
    Commitment,
    MadeAt,
}

#[derive(DeriveIden)]
enum TiebreakReveal {
    Table,
    CycleId,
    Member,
    Secret,
}

#[derive(DeriveIden)]
enum CommitteeSeat {
    Table,
    CycleId,
    Member,
    AccountId,
}

#[derive(DeriveIden)]
enum CommitteeKey {
    Table,
}

#[derive(DeriveIden)]
enum CountRecord {
    Table,
    Entropy,
}

#[derive(DeriveIden)]
enum Certification {
    Table,
    CycleId,
    Member,
}

#[derive(DeriveIden)]
enum FrozenManifest {
    Table,
    CycleId,
}

fn cycle_fk<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Cycle::Table, Cycle::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

async fn refuse_frozen_cycles(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let query = Query::select()
        .column(FrozenManifest::CycleId)
        .from(FrozenManifest::Table)
        .limit(1)
        .to_owned();
    let found = manager.get_connection().query_one(&query).await?;
    if found.is_some() {
        return Err(DbErr::Migration(
            "this database holds a cycle whose voting opened under an earlier Pebble, \
             whose committee keys were kept by the server; such a cycle can never be \
             certified with keys the members hold. Move the database aside (for the \
             demo, data/pebble.db) and start again: `pebble seed-demo` makes a new one."
                .to_owned(),
        ));
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        refuse_frozen_cycles(manager).await?;
        manager
            .create_table(
                Table::create()
                    .table(MemberKey::Table)
                    .col(integer(MemberKey::AccountId).primary_key())
                    .col(string_len(MemberKey::PublicKey, 64))
                    .col(timestamp_with_time_zone(MemberKey::RegisteredAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MemberKey::Table, MemberKey::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TiebreakCommitment::Table)
                    .col(integer(TiebreakCommitment::CycleId))
                    .col(integer(TiebreakCommitment::AccountId))
                    .col(string_len(TiebreakCommitment::Salt, 32))
                    .col(string_len(TiebreakCommitment::Commitment, 64))
                    .col(timestamp_with_time_zone(TiebreakCommitment::MadeAt))
                    .primary_key(
                        Index::create()
                            .col(TiebreakCommitment::CycleId)
                            .col(TiebreakCommitment::AccountId),
                    )
                    .foreign_key(&mut cycle_fk(
                        TiebreakCommitment::Table,
                        TiebreakCommitment::CycleId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommitteeSeat::Table)
                    .col(integer(CommitteeSeat::CycleId))
                    .col(integer(CommitteeSeat::Member))
                    .col(integer(CommitteeSeat::AccountId))
                    .primary_key(
                        Index::create()
                            .col(CommitteeSeat::CycleId)
                            .col(CommitteeSeat::Member),
                    )
                    .foreign_key(&mut cycle_fk(CommitteeSeat::Table, CommitteeSeat::CycleId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TiebreakReveal::Table)
                    .col(integer(TiebreakReveal::CycleId))
                    .col(integer(TiebreakReveal::Member))
                    .col(string_len(TiebreakReveal::Secret, 64))
                    .primary_key(
                        Index::create()
                            .col(TiebreakReveal::CycleId)
                            .col(TiebreakReveal::Member),
                    )
                    .foreign_key(&mut cycle_fk(
                        TiebreakReveal::Table,
                        TiebreakReveal::CycleId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(CommitteeKey::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CountRecord::Table)
                    .drop_column(CountRecord::Entropy)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("certification_one_per_member")
                    .table(Certification::Table)
                    .col(Certification::CycleId)
                    .col(Certification::Member)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(boolean(Account::PasswordChangeRequired).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The dropped server-held secrets cannot come back.
        Err(DbErr::Migration(
            "member-held committee keys cannot be migrated back to server-held ones".to_owned(),
        ))
    }
}
