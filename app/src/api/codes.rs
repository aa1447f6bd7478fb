//! Voter codes from the admin page: new codes for a roster group of a
//! cycle, shown once (only their digests are kept).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Codes just issued, to show once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCodes {
    /// The cycle.
    pub cycle_id: i32,
    /// The group's name.
    pub group: String,
    /// The codes, as voters type them.
    pub codes: Vec<String>,
    /// Codes the group holds in all, these included.
    pub in_group: u64,
}

/// An admin issues `count` new codes for `group` of cycle `cycle_id`.
#[server(prefix = "/api", endpoint = "issue-codes")]
pub async fn issue_codes(
    cycle_id: i32,
    group: String,
    count: String,
) -> Result<IssuedCodes, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database, internal, not_found, refuse, words};
    use crate::domain::Action;
    use pebble_db::codes::{MAX_COUNT, Refusal};
    require(Action::IssueCodes).await?;
    let group: pebble_domain::voter_code::GroupName = group.parse().map_err(bad_input)?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=MAX_COUNT).contains(n))
        .ok_or_else(|| {
            bad_input(format!(
                "The number of codes is a whole number from 1 to {MAX_COUNT}."
            ))
        })?;
    let db = database()?;
    match pebble_db::codes::issue_new(&db, cycle_id, &group, count)
        .await
        .map_err(internal)?
    {
        Ok((codes, issued)) => Ok(IssuedCodes {
            cycle_id,
            group: group.as_str().to_owned(),
            codes: codes.iter().map(ToString::to_string).collect(),
            in_group: issued.in_group,
        }),
        Err(Refusal::NoCycle) => Err(not_found(crate::i18n::Thing::Cycle, cycle_id)),
        Err(Refusal::Closed(phase)) => Err(refuse(
            http::StatusCode::CONFLICT,
            words().refusal(Action::IssueCodes, phase),
        )),
    }
}
