//! Creating a cycle and changing its settings (SPEC §2): what is stored,
//! with the ballot rules and counting rule in the `counting` crate's types.
//! Callers check the settings (`counting::Manifest::check_settings`) and
//! who may change them; this module keeps the phase rule race-free: the
//! settings that decide the outcome change only while the stored phase
//! is still one that allows it.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use counting::{BallotRules, Rule, TieBreak};

use crate::DbError;
use crate::entity::{account, cycle, cycle_committee};

/// Everything an admin sets on a cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The cycle's title.
    pub name: String,
    /// The school or community running it.
    pub school: String,
    /// What the budget is for.
    pub description: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Total budget in minor units.
    pub budget_cents: i64,
    /// What a ballot may contain.
    pub ballot: BallotRules,
    /// The counting rule.
    pub rule: Rule,
    /// The tie-break policy.
    pub tie_break: TieBreak,
    /// Committee members' account ids, ascending.
    pub committee: Vec<i32>,
    /// Signatures needed to certify.
    pub certify_k: i32,
}

/// The phases in which the settings that decide the outcome may change:
/// voting freezes them (SPEC §2).
pub const OPEN_PHASES: [cycle::Phase; 4] = [
    cycle::Phase::Draft,
    cycle::Phase::Ideas,
    cycle::Phase::Review,
    cycle::Phase::Deliberation,
];

/// Reads the settings stored on `cycle`.
pub async fn load(db: &impl ConnectionTrait, cycle: &cycle::Model) -> Result<Settings, DbError> {
    let invalid = |column: &'static str, value: &str| DbError::InvalidValue {
        table: "cycle",
        column,
        value: value.to_owned(),
    };
    let ballot =
        serde_json::from_str(&cycle.ballot).map_err(|_| invalid("ballot", &cycle.ballot))?;
    let rule = serde_json::from_str(&cycle.rule).map_err(|_| invalid("rule", &cycle.rule))?;
    let tie_break = serde_json::from_value(serde_json::Value::String(cycle.tie_break.clone()))
        .map_err(|_| invalid("tie_break", &cycle.tie_break))?;
    let committee = cycle_committee::Entity::find()
        .filter(cycle_committee::Column::CycleId.eq(cycle.id))
        .order_by_asc(cycle_committee::Column::AccountId)
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.account_id)
        .collect();
    Ok(Settings {
        name: cycle.name.clone(),
        school: cycle.school.clone(),
        description: cycle.description.clone(),
        currency: cycle.currency.clone(),
        budget_cents: cycle.budget_cents,
        ballot,
        rule,
        tie_break,
        committee,
        certify_k: cycle.certify_k,
    })
}

/// Accounts that may sit on a committee (role `committee`), by name.
pub async fn committee_pool(db: &impl ConnectionTrait) -> Result<Vec<account::Model>, DbError> {
    Ok(account::Entity::find()
        .filter(account::Column::Role.eq(account::Role::Committee))
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await?)
}

/// Creates a cycle in the draft phase, with a slug made unique from its name.
pub async fn create(
    db: &sea_orm::DatabaseConnection,
    settings: &Settings,
) -> Result<cycle::Model, DbError> {
    let txn = db.begin().await?;
    let base = slug(&settings.name);
    let mut candidate = base.clone();
    let mut n = 1;
    while cycle::Entity::find()
        .filter(cycle::Column::Slug.eq(&candidate))
        .one(&txn)
        .await?
        .is_some()
    {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    let (ballot, rule, tie_break) = encoded(settings)?;
    let row = cycle::ActiveModel {
        slug: Set(candidate),
        name: Set(settings.name.clone()),
        school: Set(settings.school.clone()),
        description: Set(settings.description.clone()),
        currency: Set(settings.currency.clone()),
        budget_cents: Set(settings.budget_cents),
        phase: Set(cycle::Phase::Draft),
        ballot: Set(ballot),
        rule: Set(rule),
        tie_break: Set(tie_break),
        certify_k: Set(settings.certify_k),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    replace_committee(&txn, row.id, &settings.committee).await?;
    txn.commit().await?;
    Ok(row)
}

/// Stores every setting of cycle `id`, only if its phase is still one of
/// [`OPEN_PHASES`]. Returns whether it was stored.
pub async fn update(
    db: &sea_orm::DatabaseConnection,
    id: i32,
    settings: &Settings,
) -> Result<bool, DbError> {
    let txn = db.begin().await?;
    let (ballot, rule, tie_break) = encoded(settings)?;
    let result = cycle::Entity::update_many()
        .set(cycle::ActiveModel {
            name: Set(settings.name.clone()),
            school: Set(settings.school.clone()),
            description: Set(settings.description.clone()),
            currency: Set(settings.currency.clone()),
            budget_cents: Set(settings.budget_cents),
            ballot: Set(ballot),
            rule: Set(rule),
            tie_break: Set(tie_break),
            certify_k: Set(settings.certify_k),
            ..Default::default()
        })
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.is_in(OPEN_PHASES))
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Ok(false);
    }
    replace_committee(&txn, id, &settings.committee).await?;
    txn.commit().await?;
    Ok(true)
}

/// Changes only the name, school and description of cycle `id`, which do
/// not decide the outcome, unless it is certified. Returns whether it did.
pub async fn rename(
    db: &impl ConnectionTrait,
    id: i32,
    name: &str,
    school: &str,
    description: &str,
) -> Result<bool, DbError> {
    let result = cycle::Entity::update_many()
        .set(cycle::ActiveModel {
            name: Set(name.to_owned()),
            school: Set(school.to_owned()),
            description: Set(description.to_owned()),
            ..Default::default()
        })
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.ne(cycle::Phase::Certified))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Sets cycle `id`'s committee to exactly `members`.
pub async fn replace_committee(
    db: &impl ConnectionTrait,
    id: i32,
    members: &[i32],
) -> Result<(), DbError> {
    cycle_committee::Entity::delete_many()
        .filter(cycle_committee::Column::CycleId.eq(id))
        .exec(db)
        .await?;
    for account_id in members {
        cycle_committee::ActiveModel {
            cycle_id: Set(id),
            account_id: Set(*account_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The stored forms of the ballot rules, rule and tie-break policy.
fn encoded(settings: &Settings) -> Result<(String, String, String), DbError> {
    let json = |column: &'static str, value: serde_json::Result<String>| {
        value.map_err(|e| DbError::InvalidValue {
            table: "cycle",
            column,
            value: e.to_string(),
        })
    };
    Ok((
        json("ballot", serde_json::to_string(&settings.ballot))?,
        json("rule", serde_json::to_string(&settings.rule))?,
        settings.tie_break.name().to_owned(),
    ))
}

/// A URL-safe name: lowercase ASCII letters and digits joined by dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let short: String = trimmed.chars().take(60).collect();
    if short.is_empty() {
        "cycle".to_owned()
    } else {
        short.trim_end_matches('-').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_keeps_letters_and_digits_and_joins_words_with_dashes() {
        assert_eq!(slug("Riverside Budget 2028!"), "riverside-budget-2028");
        assert_eq!(slug("  Año   escolar "), "a-o-escolar");
        assert_eq!(slug("¡¡¡"), "cycle");
    }
}
