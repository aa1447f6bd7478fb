//! Creating and editing cycles, for admins.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::{CycleForm, Phase};
use crate::error::AppError;

/// A cycle in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleRow {
    /// Cycle id.
    pub id: i32,
    /// Title.
    pub name: String,
    /// School.
    pub school: String,
    /// Current phase.
    pub phase: Phase,
    /// Before voting: each committee member's name and whether they have
    /// registered a key and committed (voting opens once all have).
    pub committee: Vec<(String, bool, bool)>,
}

/// A committee-role account the admin may put on a cycle's committee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Account id.
    pub id: i32,
    /// Display name.
    pub display_name: String,
    /// Sign-in name.
    pub username: String,
}

/// What the editor page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleEditor {
    /// The cycle's id; `None` for a new cycle.
    pub id: Option<i32>,
    /// Its phase (draft for a new one).
    pub phase: Phase,
    /// The form, filled in.
    pub form: CycleForm,
    /// Accounts that may sit on the committee.
    pub candidates: Vec<Candidate>,
}

/// Every cycle, newest first, with its phase.
#[server(prefix = "/api", endpoint = "cycles")]
pub async fn list_cycles() -> Result<Vec<CycleRow>, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::database;
    require(crate::domain::Action::EditCycle).await?;
    let db = database()?;
    let rows = pebble_db::cycles::list(&db).await?;
    let mut cycles = Vec::with_capacity(rows.len());
    for c in rows {
        let committee = if *c.phase < Phase::Voting {
            pebble_db::committee::readiness(&db, c.id)
                .await?
                .into_iter()
                .map(|m| (m.name, m.key.is_some(), m.commitment.is_some()))
                .collect()
        } else {
            Vec::new()
        };
        cycles.push(CycleRow {
            id: c.id,
            name: c.name,
            school: c.school,
            phase: *c.phase,
            committee,
        });
    }
    Ok(cycles)
}

/// The editor for cycle `id`, or for a new cycle when `id` is absent.
#[server(prefix = "/api", endpoint = "cycle-editor")]
pub async fn get_cycle_editor(id: Option<i32>) -> Result<CycleEditor, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{database, find_cycle};
    require(crate::domain::Action::EditCycle).await?;
    let db = database()?;
    let candidates = pebble_db::cycle_settings::committee_pool(&db)
        .await?
        .into_iter()
        .map(|a| Candidate {
            id: a.id,
            display_name: a.display_name,
            username: a.username,
        })
        .collect();
    let Some(id) = id else {
        return Ok(CycleEditor {
            id: None,
            phase: Phase::Draft,
            form: CycleForm::new_cycle(),
            candidates,
        });
    };
    let cycle = find_cycle(&db, id).await?;
    let settings = pebble_db::cycle_settings::load(&db, &cycle).await?;
    Ok(CycleEditor {
        id: Some(cycle.id),
        phase: *cycle.phase,
        form: CycleForm::from_settings(&settings),
        candidates,
    })
}

/// Creates a cycle in the draft phase and goes to its editor.
#[server(prefix = "/api", endpoint = "create-cycle")]
pub async fn create_cycle(settings: CycleForm) -> Result<i32, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_field, database};
    require(crate::domain::Action::EditCycle).await?;
    let parsed = settings.parse().map_err(bad_field)?;
    let db = database()?;
    check_committee(&db, parsed.committee()).await?;
    let cycle = pebble_db::cycle_settings::create(&db, &parsed).await?;
    leptos_axum::redirect(&format!("/admin/cycles/{}", cycle.id));
    Ok(cycle.id)
}

/// Changes every setting of a cycle that has not reached voting.
#[server(prefix = "/api", endpoint = "update-cycle")]
pub async fn update_cycle(cycle_id: i32, settings: CycleForm) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_field, database, find_cycle, phase_moved, wrong_phase};
    use crate::domain::Action;
    require(Action::EditCycle).await?;
    let parsed = settings.parse().map_err(bad_field)?;
    let db = database()?;
    let cycle = find_cycle(&db, cycle_id).await?;
    let current = *cycle.phase;
    current.allows(Action::EditCycle).map_err(wrong_phase)?;
    if !current.settings_open() {
        return Err(frozen(current));
    }
    check_committee(&db, parsed.committee()).await?;
    let stored = pebble_db::cycle_settings::update(&db, cycle_id, &parsed).await?;
    if !stored {
        return Err(phase_moved());
    }
    leptos_axum::redirect(&format!("/admin/cycles/{cycle_id}?saved=1"));
    Ok(())
}

/// Changes only the name, school and description, in any phase but certified.
#[server(prefix = "/api", endpoint = "rename-cycle")]
pub async fn rename_cycle(
    cycle_id: i32,
    name: String,
    school: String,
    description: String,
) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_field, database, find_cycle, phase_moved, wrong_phase};
    use crate::domain::{Action, CycleText};
    require(Action::EditCycle).await?;
    let words = CycleText::parse(&name, &school, &description).map_err(bad_field)?;
    let db = database()?;
    let cycle = find_cycle(&db, cycle_id).await?;
    let current = *cycle.phase;
    current.allows(Action::EditCycle).map_err(wrong_phase)?;
    let renamed = pebble_db::cycle_settings::rename(&db, cycle_id, &words).await?;
    if !renamed {
        return Err(phase_moved());
    }
    leptos_axum::redirect(&format!("/admin/cycles/{cycle_id}?saved=1"));
    Ok(())
}

/// 409 for settings that voting froze, naming the phase.
#[cfg(feature = "ssr")]
fn frozen(current: Phase) -> AppError {
    let words = crate::api::backend::words();
    crate::api::backend::refuse(
        http::StatusCode::CONFLICT,
        (words.settings_frozen_in)(words.phase_words[current.index()]),
    )
}

/// Refuses committee ids that are not committee accounts.
#[cfg(feature = "ssr")]
async fn check_committee(
    db: &pebble_db::DatabaseConnection,
    members: &[i32],
) -> Result<(), AppError> {
    use crate::api::backend::{bad_input, words};
    let pool = pebble_db::cycle_settings::committee_pool(db).await?;
    if let Some(stranger) = members.iter().find(|id| !pool.iter().any(|a| a.id == **id)) {
        return Err(bad_input((words().not_committee)(*stranger)));
    }
    Ok(())
}
