//! The demo loaded on a fresh install (`pebble seed-demo`).
//!
//! Riverside High School's student budget: this year's cycle, with
//! realistic proposals with costs written the way students write them, a
//! few thread comments, and accounts for an admin, two committee members
//! and the student authors; and, on request, last year's cycle run whole
//! and certified ([`past`]).

mod data;
mod keys;
mod past;
mod past_data;

pub use keys::DemoKeyFile;
pub use past::PastRule;

use sea_orm::{ActiveModelTrait, Set, TransactionTrait};

use pebble_domain::{Phase, Role, Status};

use crate::entity::{Stored, comment, cycle, proposal};
use crate::{DbError, accounts, cycle_settings, cycles};

/// A demo account's sign-in details, shown once on the console.
#[derive(Clone, Debug)]
pub struct DemoCredential {
    /// Sign-in name.
    pub username: String,
    /// Role of the account.
    pub role: Role,
    /// The generated password (stored only as an argon2 hash).
    pub password: String,
}

/// Loads the demo cycle, in its deliberation phase, if the database has no
/// cycle yet. Returns the new accounts' credentials, or `None`.
pub async fn demo_if_empty(
    db: &sea_orm::DatabaseConnection,
) -> Result<Option<Vec<DemoCredential>>, DbError> {
    demo_in_phase_if_empty(db, Phase::Deliberation).await
}

/// The demo cycle's kind of ballot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DemoBallot {
    /// Approval within the budget, at most five projects (equal shares).
    #[default]
    Approval,
    /// Up to three projects ranked (Borda, greedy).
    Ranked,
    /// 100 points, all to be used (equal shares).
    Allocation,
}

impl std::str::FromStr for DemoBallot {
    type Err = String;

    fn from_str(name: &str) -> Result<DemoBallot, String> {
        match name {
            "approval" => Ok(DemoBallot::Approval),
            "ranked" => Ok(DemoBallot::Ranked),
            "allocation" => Ok(DemoBallot::Allocation),
            other => Err(format!(
                "the demo's ballot is approval, ranked or allocation, not {other:?}"
            )),
        }
    }
}

/// Loads the demo cycle in one transaction, in `phase`, if the database
/// has no cycle yet. Before review, its proposals are all just submitted.
pub async fn demo_in_phase_if_empty(
    db: &sea_orm::DatabaseConnection,
    phase: Phase,
) -> Result<Option<Vec<DemoCredential>>, DbError> {
    demo_if_empty_with(db, phase, DemoBallot::Approval).await
}

/// [`demo_in_phase_if_empty`] with the demo's ballot of kind `ballot`.
pub async fn demo_if_empty_with(
    db: &sea_orm::DatabaseConnection,
    phase: Phase,
    ballot: DemoBallot,
) -> Result<Option<Vec<DemoCredential>>, DbError> {
    Ok(demo_with_past(db, phase, ballot, None)
        .await?
        .map(|demo| demo.credentials))
}

/// What [`demo_with_past`] loaded.
#[derive(Clone, Debug)]
pub struct Demo {
    /// The demo accounts' sign-in details, to show once.
    pub credentials: Vec<DemoCredential>,
    /// Last year's certified cycle, if it was loaded.
    pub past: Option<i32>,
    /// The committee members' key files, for whoever plays them in the
    /// browser; the server keeps only their public keys.
    pub key_files: Vec<DemoKeyFile>,
    /// The passphrase the key files are sealed under, to show once.
    pub key_passphrase: String,
}

/// [`demo_if_empty_with`], and with `past`, last year's cycle counted by
/// that rule and certified. This year's cycle is loaded first (in one
/// transaction), so its ids are the same with or without the past one;
/// the past cycle then takes every step a real one takes, each in its own
/// transaction, as the app would.
pub async fn demo_with_past(
    db: &sea_orm::DatabaseConnection,
    phase: Phase,
    ballot: DemoBallot,
    past: Option<PastRule>,
) -> Result<Option<Demo>, DbError> {
    let committee_names = data::PEOPLE
        .iter()
        .filter(|p| p.role == Role::Committee)
        .map(|p| p.username);
    let keys = keys::DemoKeys::make(committee_names)?;
    let Some((credentials, accounts)) = this_year(db, phase, ballot, &keys).await? else {
        return Ok(None);
    };
    let mut loaded = None;
    if let Some(rule) = past {
        let member = |name: &str| {
            accounts.get(name).copied().ok_or(DbError::InvalidValue {
                table: "account",
                column: "username",
                value: format!("the demo has no {name}"),
            })
        };
        let committee = past::Committee {
            first: member("okafor")?,
            second: member("lindqvist")?,
        };
        loaded = Some(past::load(db, &committee, &keys, &accounts, rule).await?);
    }
    let key_passphrase = accounts::generate_password(16);
    Ok(Some(Demo {
        credentials,
        past: loaded,
        key_files: keys.files(&key_passphrase)?,
        key_passphrase,
    }))
}

/// The demo's accounts by sign-in name.
type Accounts = std::collections::BTreeMap<&'static str, i32>;

/// This year's cycle with the demo's accounts, in one transaction, if the
/// database has no cycle yet.
async fn this_year(
    db: &sea_orm::DatabaseConnection,
    phase: Phase,
    ballot: DemoBallot,
    keys: &keys::DemoKeys,
) -> Result<Option<(Vec<DemoCredential>, Accounts)>, DbError> {
    let (ballot, rule) = match ballot {
        DemoBallot::Approval => data::APPROVAL,
        DemoBallot::Ranked => data::RANKED,
        DemoBallot::Allocation => data::ALLOCATION,
    };
    let reviewed = !matches!(phase, Phase::Draft | Phase::Ideas | Phase::Review);
    let txn = db.begin().await?;
    if cycles::any_exist(&txn).await? {
        return Ok(None);
    }
    let now = chrono::Utc::now();
    let mut credentials = Vec::new();
    let mut account_ids = Accounts::new();
    for person in data::PEOPLE {
        let password = accounts::generate_password(14);
        let account = accounts::create(
            &txn,
            person.username,
            person.display_name,
            person.role,
            &password,
        )
        .await?;
        account_ids.insert(person.username, account.id);
        if person.role == Role::Committee {
            keys.register(&txn, person.username, account.id).await?;
        }
        credentials.push(DemoCredential {
            username: person.username.to_owned(),
            role: person.role,
            password,
        });
    }
    let cycle = cycle::ActiveModel {
        slug: Set(data::CYCLE.slug.to_owned()),
        name: Set(data::CYCLE.name.to_owned()),
        school: Set(data::CYCLE.school.to_owned()),
        description: Set(data::CYCLE.description.to_owned()),
        currency: Set(data::CYCLE.currency.to_owned()),
        budget_cents: Set(data::CYCLE.budget_cents),
        phase: Set(Stored(phase)),
        ballot: Set(ballot.to_owned()),
        rule: Set(rule.to_owned()),
        tie_break: Set("cheapest-then-seeded".to_owned()),
        certify_k: Set(2),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut committee = Vec::new();
    for person in data::PEOPLE.iter().filter(|p| p.role == Role::Committee) {
        if let Some(&account) = account_ids.get(person.username) {
            committee.push(account);
            // Each member's browser commits for them, so the admin can
            // open voting from any phase of the demo.
            keys.commit(&txn, cycle.id, person.username, account)
                .await?;
        }
    }
    cycle_settings::replace_committee(&txn, cycle.id, &committee).await?;
    let mut first_id: Option<i32> = None;
    let count = data::PROPOSALS.len();
    for (i, idea) in data::PROPOSALS.iter().enumerate() {
        // Submitted over the past weeks, one a day, the first the oldest.
        let days_ago = i64::try_from(count - i).unwrap_or(0);
        let submitted = now - chrono::Duration::days(days_ago);
        let (status, ballot_cost, note) = match (reviewed, idea.status) {
            (false, _) => (Status::Submitted, None, None),
            (true, Status::Feasible) => (
                idea.status,
                Some(idea.cost_cents),
                Some(
                    "The committee checked the quote with the facilities office: it goes on the ballot at this cost.",
                ),
            ),
            (true, Status::NotFeasible) => (
                idea.status,
                None,
                Some("Above the whole budget. The facilities office will look at it separately."),
            ),
            (true, Status::Merged) => (
                idea.status,
                None,
                Some(
                    "Same idea as the water bottle refill stations, which cover the gym; merged there.",
                ),
            ),
            (true, Status::Hidden) => (
                idea.status,
                None,
                Some("Hidden: not a real proposal for the school."),
            ),
            (true, status) => (status, None, None),
        };
        let merged_into = (status == Status::Merged).then_some(first_id).flatten();
        let proposal = proposal::ActiveModel {
            cycle_id: Set(cycle.id),
            author_id: Set(account_ids.get(idea.author).copied()),
            title: Set(idea.title.to_owned()),
            summary: Set(idea.summary.to_owned()),
            description: Set(idea.description.to_owned()),
            category: Set(idea.category.to_owned()),
            estimated_cost_cents: Set(idea.cost_cents),
            status: Set(Stored(status)),
            ballot_cost_cents: Set(ballot_cost),
            review_note: Set(note.map(str::to_owned)),
            merged_into_id: Set(merged_into),
            created_at: Set(submitted),
            updated_at: Set(Some(submitted)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        first_id.get_or_insert(proposal.id);
        let mut previous: Option<i32> = None;
        for remark in idea.thread {
            let row = comment::ActiveModel {
                proposal_id: Set(proposal.id),
                author_id: Set(account_ids.get(remark.author).copied()),
                parent_id: Set(if remark.is_reply { previous } else { None }),
                body: Set(remark.body.to_owned()),
                hidden_reason: Set(remark.hidden.map(str::to_owned)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            previous = Some(row.id);
        }
    }
    if phase >= Phase::Voting {
        // Voting opened on the demo's feasible proposals, as a move would.
        match crate::transitions::ballot_of(&txn, &cycle).await? {
            Ok(manifest) => {
                let needs = crate::frozen::Needs::KeysAndCommitments;
                crate::frozen::freeze(&txn, &cycle, manifest, needs)
                    .await?
                    .map_err(|missing| DbError::InvalidValue {
                        table: "cycle",
                        column: "phase",
                        value: format!("the demo's committee is not ready: {missing:?}"),
                    })?;
            }
            Err(refusal) => {
                return Err(DbError::InvalidValue {
                    table: "cycle",
                    column: "phase",
                    value: format!("the demo cannot open voting: {refusal}"),
                });
            }
        }
    }
    txn.commit().await?;
    Ok(Some((credentials, account_ids)))
}
