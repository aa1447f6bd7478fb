//! Sign-in sessions: a random token in an HttpOnly cookie, its
//! SHA-256 in the database, so a leaked table signs nobody in and every
//! server replica sees every session.

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::DbError;
use crate::entity::{account, session};

/// How long a sign-in lasts at most, used or not.
pub const LIFETIME_DAYS: i64 = 30;

/// How stale `last_seen_at` may be: a page renders with several server
/// functions, and writing the time on each would make every read a write.
const SEEN_GRAIN: Duration = Duration::minutes(1);

/// A fresh session token: 32 bytes from the OS CSPRNG, as 64 hex digits.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    crate::hex::encode(&bytes)
}

/// SHA-256 of `token`, as stored (hex).
pub(crate) fn token_hash(token: &str) -> String {
    crate::hex::encode(&Sha256::digest(token.as_bytes()))
}

/// Starts a session for `account_id` and returns the token for the cookie.
/// Expired sessions (anyone's) are deleted on the way, so the table holds
/// only live ones.
pub async fn start(db: &impl ConnectionTrait, account_id: i32) -> Result<String, DbError> {
    let token = new_token();
    let now = Utc::now();
    session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        account_id: Set(account_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(LIFETIME_DAYS)),
        last_seen_at: Set(Some(now)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The account a token signs in, if the session exists, has not expired
/// and was used within `idle`; the session is then marked as used now.
pub async fn account(
    db: &impl ConnectionTrait,
    token: &str,
    idle: std::time::Duration,
) -> Result<Option<account::Model>, DbError> {
    let now = Utc::now();
    let idle = Duration::from_std(idle).unwrap_or(Duration::days(LIFETIME_DAYS));
    let cutoff = now - idle;
    let hash = token_hash(token);
    let found = session::Entity::find_by_id(hash.clone())
        .filter(session::Column::ExpiresAt.gt(now))
        .filter(used_since(cutoff))
        .find_also_related(account::Entity)
        .one(db)
        .await?;
    let Some((session, account)) = found else {
        return Ok(None);
    };
    if session
        .last_seen_at
        .is_none_or(|seen| seen < now - SEEN_GRAIN)
    {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::TokenHash.eq(hash))
            .exec(db)
            .await?;
    }
    Ok(account)
}

/// Sessions last used after `cutoff` (a session never marked counts from
/// when it began).
fn used_since(cutoff: chrono::DateTime<Utc>) -> Condition {
    Condition::any()
        .add(session::Column::LastSeenAt.gt(cutoff))
        .add(
            Condition::all()
                .add(session::Column::LastSeenAt.is_null())
                .add(session::Column::CreatedAt.gt(cutoff)),
        )
}

/// Ends every session of `account_id` (signing out everywhere) and says
/// how many there were.
pub async fn end_all(db: &impl ConnectionTrait, account_id: i32) -> Result<u64, DbError> {
    let ended = session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?;
    Ok(ended.rows_affected)
}

/// Ends every session of `account_id` but the one of `token` (after a
/// password change: whoever knew the old one is signed out).
pub async fn end_others(
    db: &impl ConnectionTrait,
    account_id: i32,
    token: &str,
) -> Result<u64, DbError> {
    let ended = session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::TokenHash.ne(token_hash(token)))
        .exec(db)
        .await?;
    Ok(ended.rows_affected)
}

/// Ends the session of `token` (signing out). Unknown tokens are ignored.
pub async fn end(db: &impl ConnectionTrait, token: &str) -> Result<(), DbError> {
    session::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_64_hex_digits_and_never_repeat() {
        let a = new_token();
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, new_token());
    }

    #[test]
    fn the_stored_hash_is_sha256_of_the_token() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
