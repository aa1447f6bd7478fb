//! The sign-in rate limit's memory: failed attempts per username within
//! a sliding window. Password guessing against one account stops after
//! [`LIMIT`] failures in [`WINDOW_MINUTES`]; a success clears the count.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use crate::DbError;
use crate::entity::sign_in_failure;

/// Failed attempts allowed per username within the window.
pub const LIMIT: u64 = 10;
/// The window, in minutes.
pub const WINDOW_MINUTES: i64 = 15;

fn key(username: &str) -> String {
    username.trim().to_lowercase()
}

fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(WINDOW_MINUTES)
}

/// Whether `username` has used up its attempts for now.
pub async fn blocked(db: &impl ConnectionTrait, username: &str) -> Result<bool, DbError> {
    let failures = sign_in_failure::Entity::find()
        .filter(sign_in_failure::Column::Username.eq(key(username)))
        .filter(sign_in_failure::Column::FailedAt.gt(window_start(Utc::now())))
        .count(db)
        .await?;
    Ok(failures >= LIMIT)
}

/// Notes a failed attempt for `username`, and forgets every attempt (for
/// any username) older than the window.
pub async fn record(db: &impl ConnectionTrait, username: &str) -> Result<(), DbError> {
    let now = Utc::now();
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lt(window_start(now)))
        .exec(db)
        .await?;
    sign_in_failure::ActiveModel {
        username: Set(key(username)),
        failed_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forgets `username`'s failures after it signed in.
pub async fn clear(db: &impl ConnectionTrait, username: &str) -> Result<(), DbError> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::Username.eq(key(username)))
        .exec(db)
        .await?;
    Ok(())
}
