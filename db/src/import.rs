//! A past election from a pabulib `.pb` file as a new cycle in counting,
//! for training the committee and for demos: its projects become
//! feasible proposals, voting opens (a frozen manifest with the public
//! keys of the committee accounts that have registered one) and closes
//! at once with every vote of the file in the log (source `imported`),
//! sealed. From there the committee counts and certifies it as any
//! cycle. Its votes are past, public history, so its manifest freezes no
//! tie-break commitments: its seed comes from the sealed root alone.

use counting::pabulib::PbFile;
use counting::{
    Ballot, BallotRules, Cents, Currency, Manifest, Project, ProjectId, Rule, TieBreak,
};
use pebble_domain::{Phase, Status};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};

use crate::DbError;
use crate::entity::{Stored, cycle, proposal};
use crate::log::Source;

/// What an import made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The new cycle's number.
    pub cycle: i32,
    /// Projects on its ballot.
    pub projects: usize,
    /// Ballots in its sealed log.
    pub ballots: usize,
}

/// Why a file was not imported; nothing was written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportRefusal {
    /// Amounts finer than cents.
    #[error("the file's amounts have {0} decimal places; a cycle keeps money in cents (2)")]
    TooPrecise(u32),
    /// An amount too large to keep in cents.
    #[error("an amount in the file is too large")]
    TooLarge,
    /// The file's projects or limits make no ballot.
    #[error("{0}")]
    Manifest(String),
    /// No votes.
    #[error("the file has no votes")]
    NoVotes,
    /// A vote that a Pebble ballot could not be.
    #[error(
        "the vote on line {line} is not a valid ballot under the file's own limits ({reason}); a ballot log holds only valid ballots"
    )]
    Vote {
        /// Its line in the file.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// Nobody can certify.
    #[error(
        "no committee account has a certification key to count and certify the cycle: a committee member makes one on their committee page first"
    )]
    NoCommittee,
}

/// Imports `file` as a new cycle called `name`, counted by `rule`.
pub async fn import(
    db: &DatabaseConnection,
    file: &PbFile,
    name: &str,
    rule: Rule,
) -> Result<Result<Imported, ImportRefusal>, DbError> {
    let Some(factor) = 2u32.checked_sub(file.scale).map(|places| 10u64.pow(places)) else {
        return Ok(Err(ImportRefusal::TooPrecise(file.scale)));
    };
    let cents = |amount: Cents| amount.minor_units().checked_mul(factor).map(Cents::new);
    if file.votes.is_empty() {
        return Ok(Err(ImportRefusal::NoVotes));
    }
    let tie_break = TieBreak::default_for(rule);
    let in_file = match file.manifest(rule, tie_break) {
        Ok(manifest) => manifest,
        Err(e) => return Ok(Err(ImportRefusal::Manifest(e.to_string()))),
    };
    for vote in &file.votes {
        if let Err(e) = vote.ballot.validate(&in_file) {
            return Ok(Err(ImportRefusal::Vote {
                line: vote.line,
                reason: e.to_string(),
            }));
        }
    }
    let mut committee: Vec<i32> = Vec::new();
    for account in crate::cycle_settings::committee_pool(db).await? {
        if crate::committee::key_of(db, account.id).await?.is_some() {
            committee.push(account.id);
        }
    }
    if committee.is_empty() {
        return Ok(Err(ImportRefusal::NoCommittee));
    }
    let (Some(budget), mut ballot) = (cents(in_file.budget), in_file.ballot.clone()) else {
        return Ok(Err(ImportRefusal::TooLarge));
    };
    if let BallotRules::Approval { max_cost, .. } = &mut ballot {
        *max_cost = match max_cost.map(cents) {
            Some(None) => return Ok(Err(ImportRefusal::TooLarge)),
            Some(Some(limit)) => Some(limit),
            None => None,
        };
    }
    // ISO 4217's XXX: "no currency", for files that do not name one.
    let currency = file
        .meta("currency")
        .map(|code| code.trim().to_uppercase())
        .and_then(|code| Currency::try_from(code).ok())
        .map_or_else(|| "XXX".to_owned(), |c| c.code().to_owned());
    let txn = db.begin().await?;
    let json = |value: Result<String, serde_json::Error>| {
        value.map_err(|e| DbError::InvalidValue {
            table: "cycle",
            column: "ballot",
            value: e.to_string(),
        })
    };
    let row = cycle::ActiveModel {
        slug: Set(format!(
            "imported-{:x}",
            chrono::Utc::now().timestamp_micros()
        )),
        name: Set(name.chars().take(120).collect()),
        school: Set("Imported from a pabulib file".to_owned()),
        description: Set(description(file)),
        currency: Set(currency),
        budget_cents: Set(i64::try_from(budget.minor_units()).unwrap_or(i64::MAX)),
        phase: Set(Stored(Phase::Voting)),
        ballot: Set(json(serde_json::to_string(&ballot))?),
        rule: Set(json(serde_json::to_string(&rule))?),
        tie_break: Set(tie_break.name().to_owned()),
        certify_k: Set(committee.len().min(2) as i32),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::cycle_settings::replace_committee(&txn, row.id, &committee).await?;
    let mut ids: Vec<(ProjectId, ProjectId)> = Vec::with_capacity(in_file.projects.len());
    let mut projects = Vec::with_capacity(in_file.projects.len());
    for project in &in_file.projects {
        let Some(cost) = cents(project.cost) else {
            return Ok(Err(ImportRefusal::TooLarge));
        };
        let cost_cents = i64::try_from(cost.minor_units()).unwrap_or(i64::MAX);
        let made = proposal::ActiveModel {
            cycle_id: Set(row.id),
            author_id: Set(None),
            title: Set(format!("Project {}", project.id)),
            summary: Set(format!("Project {} of the imported file.", project.id)),
            description: Set(String::new()),
            category: Set("Imported".to_owned()),
            estimated_cost_cents: Set(cost_cents),
            status: Set(Stored(Status::Feasible)),
            ballot_cost_cents: Set(Some(cost_cents)),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let id: ProjectId = made
            .id
            .to_string()
            .parse()
            .map_err(|_| DbError::InvalidValue {
                table: "proposal",
                column: "id",
                value: made.id.to_string(),
            })?;
        ids.push((project.id.clone(), id.clone()));
        projects.push(Project { id, cost });
    }
    let manifest = match Manifest::new(budget, projects, ballot, rule, tie_break) {
        Ok(manifest) => manifest,
        Err(e) => return Ok(Err(ImportRefusal::Manifest(e.to_string()))),
    };
    let needs = crate::frozen::Needs::KeysOnly;
    let frozen = match crate::frozen::freeze(&txn, &row, manifest.clone(), needs).await? {
        Ok(frozen) => frozen,
        Err(_) => return Ok(Err(ImportRefusal::NoCommittee)),
    };
    let election = &frozen.manifest.election;
    let mut entries = Vec::with_capacity(file.votes.len());
    for (index, vote) in file.votes.iter().enumerate() {
        let ballot = renamed(&vote.ballot, &ids);
        let ballot = match ballot.filter(|b| b.validate(&manifest).is_ok()) {
            Some(ballot) => ballot,
            None => {
                return Ok(Err(ImportRefusal::Vote {
                    line: vote.line,
                    reason: "it does not fit the ballot in cents".to_owned(),
                }));
            }
        };
        let entry = counting::encoding::Entry {
            manifest_hash: frozen.hash,
            nonce: election.imported_nonce(index as u64),
            ballot,
        };
        entries.push(entry.encode());
    }
    let refs: Vec<&[u8]> = entries.iter().map(Vec::as_slice).collect();
    if let Err(refusal) = crate::log::append_from(&txn, row.id, &refs, Source::Imported).await? {
        return Err(DbError::InvalidValue {
            table: "ballot_log",
            column: "size",
            value: format!("{refusal:?}"),
        });
    }
    crate::log::seal(&txn, row.id).await?;
    cycle::Entity::update_many()
        .col_expr(cycle::Column::Phase, Expr::value(Stored(Phase::Counting)))
        .filter(cycle::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(Ok(Imported {
        cycle: row.id,
        projects: ids.len(),
        ballots: entries.len(),
    }))
}

/// `ballot` with each file id replaced by its proposal's id; `None` if
/// it names a project the file does not list.
fn renamed(ballot: &Ballot, ids: &[(ProjectId, ProjectId)]) -> Option<Ballot> {
    let to = |id: &ProjectId| {
        ids.iter()
            .find(|(from, _)| from == id)
            .map(|(_, to)| to.clone())
    };
    Some(match ballot {
        Ballot::Approval(set) => Ballot::Approval(set.iter().map(to).collect::<Option<_>>()?),
        Ballot::Ranked(list) => Ballot::Ranked(list.iter().map(to).collect::<Option<_>>()?),
        Ballot::Allocation(map) => Ballot::Allocation(
            map.iter()
                .map(|(id, points)| to(id).map(|id| (id, *points)))
                .collect::<Option<_>>()?,
        ),
    })
}

/// Where the file came from, from its META.
fn description(file: &PbFile) -> String {
    let said: Vec<String> = ["description", "country", "unit", "instance", "date_begin"]
        .iter()
        .filter_map(|key| file.meta(key).map(|value| format!("{key}: {value}")))
        .collect();
    format!(
        "A past election imported from a pabulib file, for training and demos. {}",
        said.join("; ")
    )
    .chars()
    .take(2000)
    .collect()
}
