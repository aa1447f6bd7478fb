//! Sign-in sessions: a random token in an HttpOnly cookie, its
//! SHA-256 in the database, so a leaked table signs nobody in and every
//! server replica sees every session.

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::DbError;
use crate::entity::{account, session};

/// How long a sign-in lasts.
pub const LIFETIME_DAYS: i64 = 30;

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
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The account a token signs in, if the session exists and has not expired.
pub async fn account(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<account::Model>, DbError> {
    let found = session::Entity::find_by_id(token_hash(token))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .find_also_related(account::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(_, account)| account))
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
