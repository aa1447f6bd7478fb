//! Creating a cycle and changing its settings: what is stored,
//! with the ballot rules and counting rule in the `counting` crate's types.
//! Callers check the settings (`counting::Manifest::check_settings`) and
//! who may change them; this module keeps the phase rule race-free: the
//! settings that decide the outcome change only while the stored phase
//! is still one that allows it.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use counting::Currency;
use pebble_domain::{CycleSettings, CycleText, Phase, Role, SettingsParts};

use crate::DbError;
use crate::entity::{Stored, account, cycle, cycle_committee};

/// Reads the settings stored on `cycle`; stored values that no longer pass
/// the checks of [`CycleSettings::check`] are a corrupt row.
pub async fn load(
    db: &impl ConnectionTrait,
    cycle: &cycle::Model,
) -> Result<CycleSettings, DbError> {
    let invalid = |column: &'static str, value: &str| DbError::InvalidValue {
        table: "cycle",
        column,
        value: value.to_owned(),
    };
    let ballot =
        serde_json::from_str(&cycle.ballot).map_err(|_| invalid("ballot", &cycle.ballot))?;
    let rule = serde_json::from_str(&cycle.rule).map_err(|_| invalid("rule", &cycle.rule))?;
    let tie_break = cycle
        .tie_break
        .parse()
        .map_err(|_| invalid("tie_break", &cycle.tie_break))?;
    let committee = cycle_committee::Entity::find()
        .filter(cycle_committee::Column::CycleId.eq(cycle.id))
        .order_by_asc(cycle_committee::Column::AccountId)
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.account_id)
        .collect();
    let text = CycleText::parse(&cycle.name, &cycle.school, &cycle.description)
        .map_err(|e| invalid(e.field, &e.message))?;
    let parts = SettingsParts {
        text,
        currency: Currency::try_from(cycle.currency.clone())
            .map_err(|_| invalid("currency", &cycle.currency))?,
        budget: crate::money::cents("cycle", "budget_cents", cycle.budget_cents)?,
        ballot,
        rule,
        tie_break,
        committee,
        certify_k: u32::try_from(cycle.certify_k)
            .map_err(|_| invalid("certify_k", &cycle.certify_k.to_string()))?,
    };
    CycleSettings::check(parts).map_err(|e| invalid(e.field, &e.message))
}

/// Accounts that may sit on a committee (role `committee`), by name.
pub async fn committee_pool(db: &impl ConnectionTrait) -> Result<Vec<account::Model>, DbError> {
    Ok(account::Entity::find()
        .filter(account::Column::Role.eq(Stored(Role::Committee)))
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await?)
}

/// Creates a cycle in the draft phase, with a slug made unique from its name.
pub async fn create(
    db: &sea_orm::DatabaseConnection,
    settings: &CycleSettings,
) -> Result<cycle::Model, DbError> {
    let txn = db.begin().await?;
    let text = settings.text();
    let base = slug(text.name());
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
    let row = cycle::ActiveModel {
        slug: Set(candidate),
        phase: Set(Stored(Phase::Draft)),
        created_at: Set(chrono::Utc::now()),
        ..columns(settings)?
    }
    .insert(&txn)
    .await?;
    replace_committee(&txn, row.id, settings.committee()).await?;
    txn.commit().await?;
    Ok(row)
}

/// The phases in which a cycle's settings may change
/// ([`Phase::settings_open`]: voting freezes them), for guarded UPDATEs.
pub(crate) fn open_phases() -> Vec<Stored<Phase>> {
    Phase::ALL
        .into_iter()
        .filter(|p| p.settings_open())
        .map(Stored)
        .collect()
}

/// Stores every setting of cycle `id`, only if its phase still lets the
/// settings change ([`Phase::settings_open`]: voting freezes them).
/// Returns whether it was stored.
pub async fn update(
    db: &sea_orm::DatabaseConnection,
    id: i32,
    settings: &CycleSettings,
) -> Result<bool, DbError> {
    let txn = db.begin().await?;
    let result = cycle::Entity::update_many()
        .set(columns(settings)?)
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.is_in(open_phases()))
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Ok(false);
    }
    replace_committee(&txn, id, settings.committee()).await?;
    txn.commit().await?;
    Ok(true)
}

/// Changes only the name, school and description of cycle `id`, which do
/// not decide the outcome, unless it is certified. Returns whether it did.
pub async fn rename(db: &impl ConnectionTrait, id: i32, text: &CycleText) -> Result<bool, DbError> {
    let result = cycle::Entity::update_many()
        .set(cycle::ActiveModel {
            name: Set(text.name().to_owned()),
            school: Set(text.school().to_owned()),
            description: Set(text.description().to_owned()),
            ..Default::default()
        })
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.ne(Stored(Phase::Certified)))
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

/// The columns that hold `settings` (all but id, slug, phase and when).
fn columns(settings: &CycleSettings) -> Result<cycle::ActiveModel, DbError> {
    let json = |column: &'static str, value: serde_json::Result<String>| {
        value.map_err(|e| DbError::InvalidValue {
            table: "cycle",
            column,
            value: e.to_string(),
        })
    };
    let text = settings.text();
    Ok(cycle::ActiveModel {
        name: Set(text.name().to_owned()),
        school: Set(text.school().to_owned()),
        description: Set(text.description().to_owned()),
        currency: Set(settings.currency().code().to_owned()),
        budget_cents: Set(crate::money::stored_cents(settings.budget())),
        ballot: Set(json("ballot", serde_json::to_string(settings.ballot()))?),
        rule: Set(json("rule", serde_json::to_string(&settings.rule()))?),
        tie_break: Set(settings.tie_break().name().to_owned()),
        certify_k: Set(i32::try_from(settings.certify_k()).unwrap_or(i32::MAX)),
        ..Default::default()
    })
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
