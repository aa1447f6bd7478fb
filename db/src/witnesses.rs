//! The witnesses of a cycle's ballot log: the policy they must meet
//! (set before voting opens, then frozen into the manifest) and the
//! cosignatures they give, kept per witness and tree size.

use std::collections::BTreeMap;

use counting::policy::{PolicyError, committee};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::DbError;
use crate::entity::{cosignature, cycle};

/// Why a witness policy was not set.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyRefusal {
    /// Not a policy.
    #[error("{0}")]
    Malformed(PolicyError),
    /// It names a log: Pebble adds the cycle's own when voting opens.
    #[error("leave out the log line: Pebble adds the cycle's own log when voting opens")]
    NamesALog,
    /// A witness with no address to ask it at.
    #[error("witness {0} has no address: give its add-checkpoint prefix after its key")]
    NoAddress(String),
    /// No cycle with that number.
    #[error("there is no such cycle")]
    NoSuchCycle,
    /// Voting has opened: the manifest is frozen.
    #[error("the cycle's manifest is frozen once voting opens; its witnesses cannot change")]
    Frozen,
}

/// Checks a policy as an admin writes it, for a committee of `members`
/// (c2sp.org/tlog-policy with Pebble's `committee <k>` line,
/// [`counting::policy::committee`]), and gives the text to keep until
/// voting opens writes it out.
pub fn checked(text: &str, members: usize) -> Result<String, PolicyRefusal> {
    let policy = committee::check(text, members).map_err(PolicyRefusal::Malformed)?;
    if !policy.logs.is_empty() {
        return Err(PolicyRefusal::NamesALog);
    }
    if let Some(witness) = policy
        .witnesses
        .iter()
        .find(|w| w.url.is_none() && committee::member_of(&w.name).is_none())
    {
        return Err(PolicyRefusal::NoAddress(witness.name.clone()));
    }
    let kept: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .collect();
    Ok(format!("{}\n", kept.join("\n")))
}

/// The policy to freeze into cycle `cycle`'s manifest: `text` with its
/// committee line written out for the members' `keys` in the log named
/// `origin`, in canonical form.
pub fn frozen_text(text: &str, origin: &str, keys: &[[u8; 32]]) -> Result<String, PolicyError> {
    committee::expand(text, origin, keys).map(|policy| policy.text())
}

/// Sets (or with `None` removes) cycle `id`'s witness policy, only while
/// its settings are open (before voting).
pub async fn set_policy(
    db: &impl ConnectionTrait,
    id: i32,
    text: Option<&str>,
) -> Result<Result<Option<String>, PolicyRefusal>, DbError> {
    if crate::cycles::find(db, id).await?.is_none() {
        return Ok(Err(PolicyRefusal::NoSuchCycle));
    }
    let members = crate::committee::readiness(db, id).await?.len();
    let text = match text.map(|text| checked(text, members)).transpose() {
        Ok(text) => text,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let result = cycle::Entity::update_many()
        .col_expr(cycle::Column::WitnessPolicy, text.clone().into())
        .filter(cycle::Column::Id.eq(id))
        .filter(cycle::Column::Phase.is_in(crate::cycle_settings::open_phases()))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Ok(Err(PolicyRefusal::Frozen));
    }
    Ok(Ok(text))
}

/// Keeps witness `witness`'s cosignature `line` of the checkpoint of
/// `size` entries (once; a second for the same size is ignored).
pub async fn save(
    db: &impl ConnectionTrait,
    cycle: i32,
    witness: &str,
    size: u64,
    line: &str,
) -> Result<(), DbError> {
    cosignature::Entity::insert(cosignature::ActiveModel {
        cycle_id: Set(cycle),
        witness: Set(witness.to_owned()),
        size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        line: Set(line.to_owned()),
    })
    .on_conflict(
        OnConflict::columns([
            cosignature::Column::CycleId,
            cosignature::Column::Witness,
            cosignature::Column::Size,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The cosignature lines of the checkpoint of `size` entries, by witness.
pub async fn at_size(
    db: &impl ConnectionTrait,
    cycle: i32,
    size: u64,
) -> Result<BTreeMap<String, String>, DbError> {
    Ok(cosignature::Entity::find()
        .filter(cosignature::Column::CycleId.eq(cycle))
        .filter(cosignature::Column::Size.eq(i64::try_from(size).unwrap_or(i64::MAX)))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.witness, row.line))
        .collect())
}

/// The largest size each witness has cosigned.
pub async fn latest(
    db: &impl ConnectionTrait,
    cycle: i32,
) -> Result<BTreeMap<String, u64>, DbError> {
    let mut latest = BTreeMap::new();
    for row in cosignature::Entity::find()
        .filter(cosignature::Column::CycleId.eq(cycle))
        .all(db)
        .await?
    {
        let size = u64::try_from(row.size).unwrap_or(0);
        let at = latest.entry(row.witness).or_insert(size);
        *at = (*at).max(size);
    }
    Ok(latest)
}

/// `note`, cycle `cycle`'s checkpoint of `size` entries, with the stored
/// cosignatures of that size appended in the policy's witness order, as
/// c2sp.org/tlog-cosignature lines after the log's own; unchanged when
/// `election` names no witness policy.
pub async fn cosigned(
    db: &impl ConnectionTrait,
    cycle: i32,
    election: &counting::Election,
    size: u64,
    note: String,
) -> Result<String, DbError> {
    let Some(Ok(policy)) = election.witness_policy() else {
        return Ok(note);
    };
    let lines = at_size(db, cycle, size).await?;
    let mut out = note;
    for witness in &policy.witnesses {
        if let Some(line) = lines.get(&witness.name) {
            out.push_str(line);
        }
    }
    Ok(out)
}
