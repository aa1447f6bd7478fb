//! What a cycle decides besides its budget: the ballot type and
//! its limits, the counting rule, the tie-break policy, the committee and
//! the certification threshold k of n.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Cycle {
    Table,
    Id,
    Ballot,
    Rule,
    TieBreak,
    CertifyK,
}

#[derive(DeriveIden)]
enum CycleCommittee {
    Table,
    CycleId,
    AccountId,
}

/// The defaults a cycle created before this migration gets: approval
/// ballots within the budget, equal shares completed by add1 then greedy,
/// cheapest-then-seeded ties, one signature. The JSON is the `counting`
/// crate's serde form of `BallotRules` and `Rule`.
const DEFAULT_BALLOT: &str = r#"{"kind":"approval","max_cost":null,"min_projects":0,"max_projects":null,"min_budget_percent":0}"#;
const DEFAULT_RULE: &str = r#"{"rule":"mes","completion":"add1-greedy"}"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        let columns = [
            string_len(Cycle::Ballot, 400)
                .default(DEFAULT_BALLOT)
                .to_owned(),
            string_len(Cycle::Rule, 200)
                .default(DEFAULT_RULE)
                .to_owned(),
            string_len(Cycle::TieBreak, 32)
                .default("cheapest-then-seeded")
                .to_owned(),
            integer(Cycle::CertifyK).default(1).to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cycle::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CycleCommittee::Table)
                    .col(integer(CycleCommittee::CycleId))
                    .col(integer(CycleCommittee::AccountId))
                    .primary_key(
                        Index::create()
                            .col(CycleCommittee::CycleId)
                            .col(CycleCommittee::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CycleCommittee::Table, CycleCommittee::CycleId)
                            .to(Cycle::Table, Cycle::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CycleCommittee::Table, CycleCommittee::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CycleCommittee::Table).to_owned())
            .await?;
        for column in [Cycle::CertifyK, Cycle::TieBreak, Cycle::Rule, Cycle::Ballot] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Cycle::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
