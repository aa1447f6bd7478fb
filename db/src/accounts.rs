//! Accounts: creation with an argon2-hashed password, and passwords
//! people choose themselves.
//!
//! A password an admin made (for a committee member or another admin)
//! works once: signing in with it spends it (the stored hash is replaced
//! by [`SPENT`], which no password matches), and the account must then
//! choose its own before anything else. So the admin who made it cannot
//! sign in as that person later.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use std::sync::OnceLock;

use rand::seq::IndexedRandom;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use tokio::sync::Semaphore;

use crate::DbError;
use pebble_domain::Role;

use crate::entity::{Stored, account};

/// What `password_hash` holds once a one-time password has been used:
/// not a PHC string, so nothing verifies against it.
pub const SPENT: &str = "!spent";

/// Characters for generated passwords: no look-alikes (0/O, 1/l/I).
const PASSWORD_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A fresh random password of `length` characters from a CSPRNG.
pub fn generate_password(length: usize) -> String {
    let mut rng = rand::rng();
    (0..length)
        .filter_map(|_| PASSWORD_ALPHABET.choose(&mut rng).map(|b| char::from(*b)))
        .collect()
}

/// The argon2id PHC string for `password`, with a random salt. Hashing
/// takes about 60 ms of one core by design, so it runs on the blocking
/// pool: on the async workers it would stall every other request while a
/// class signs in at once.
pub async fn hash_password(password: &str) -> Result<String, DbError> {
    let password = password.to_owned();
    off_workers(move || hash_now(&password)).await?
}

fn hash_now(password: &str) -> Result<String, DbError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| DbError::PasswordHash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`, on the blocking pool
/// (see [`hash_password`]).
async fn verify_password(password: &str, hash: PasswordHash<'_>) -> Result<bool, DbError> {
    let (password, hash) = (password.to_owned(), hash.serialize());
    off_workers(move || {
        let parsed = hash.password_hash();
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
}

/// Runs `work` on tokio's blocking pool, at most one fewer at a time than
/// the machine has cores: a class signing in at once then queues for its
/// hashes while one core stays free for every other request (on 2 cores,
/// 30 sign-ins take about 30 × 60 ms instead of stalling page loads and
/// ballots behind them).
async fn off_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, DbError> {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Semaphore::new(cores.saturating_sub(1).max(1))
    });
    let _slot = slots
        .acquire()
        .await
        .map_err(|e| DbError::PasswordHash(format!("the hashing queue closed: {e}")))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| DbError::PasswordHash(format!("the hashing task failed: {e}")))
}

/// Creates an account and returns it.
pub async fn create(
    db: &impl ConnectionTrait,
    username: &str,
    display_name: &str,
    role: Role,
    password: &str,
) -> Result<account::Model, DbError> {
    let row = account::ActiveModel {
        username: Set(username.to_owned()),
        display_name: Set(display_name.to_owned()),
        role: Set(Stored(role)),
        password_hash: Set(hash_password(password).await?),
        created_at: Set(chrono::Utc::now()),
        password_change_required: Set(false),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

/// The account `username` names, if `password` is its password. A wrong
/// username costs the same hashing work as a wrong password, so response
/// times do not reveal which usernames exist.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    username: &str,
    password: &str,
) -> Result<Option<account::Model>, DbError> {
    let found = account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(db)
        .await?;
    let Some(account) = found.filter(|a| a.password_hash != SPENT) else {
        hash_password(password).await?;
        return Ok(None);
    };
    if !password_matches(&account, password).await? {
        return Ok(None);
    }
    if account.password_change_required {
        // A one-time password: spent now, whatever happens next.
        let spent = account::Entity::update_many()
            .col_expr(account::Column::PasswordHash, Expr::value(SPENT))
            .filter(account::Column::Id.eq(account.id))
            .filter(account::Column::PasswordHash.eq(account.password_hash.as_str()))
            .exec(db)
            .await?;
        if spent.rows_affected != 1 {
            return Ok(None);
        }
    }
    Ok(Some(account))
}

/// Whether `password` is `account`'s password.
pub async fn password_matches(account: &account::Model, password: &str) -> Result<bool, DbError> {
    if account.password_hash == SPENT {
        return Ok(false);
    }
    let parsed = PasswordHash::new(&account.password_hash).map_err(|_| DbError::InvalidValue {
        table: "account",
        column: "password_hash",
        value: format!("(unparsable hash of account {})", account.id),
    })?;
    verify_password(password, parsed).await
}

/// Marks `account`'s password as made by an admin: it works once, then
/// the person must choose their own.
pub async fn require_password_change(
    db: &impl ConnectionTrait,
    account: i32,
) -> Result<(), DbError> {
    account::Entity::update_many()
        .col_expr(account::Column::PasswordChangeRequired, Expr::value(true))
        .filter(account::Column::Id.eq(account))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets `account`'s password to `password` (already checked against the
/// password policy), which its owner chose.
pub async fn set_password(
    db: &impl ConnectionTrait,
    account: i32,
    password: &str,
) -> Result<(), DbError> {
    let hash = hash_password(password).await?;
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(hash))
        .col_expr(account::Column::PasswordChangeRequired, Expr::value(false))
        .filter(account::Column::Id.eq(account))
        .exec(db)
        .await?;
    Ok(())
}

/// The account with `username`, if any.
pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<account::Model>, DbError> {
    Ok(account::Entity::find()
        .filter(account::Column::Username.eq(username))
        .one(db)
        .await?)
}

/// An account by id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<account::Model>, DbError> {
    Ok(account::Entity::find_by_id(id).one(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passwords_use_only_the_unambiguous_alphabet() {
        let password = generate_password(14);
        assert_eq!(password.len(), 14);
        assert!(password.bytes().all(|b| PASSWORD_ALPHABET.contains(&b)));
        assert_ne!(password, generate_password(14));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let hash = hash_password("correct horse").await.expect("hashing works");
        assert!(hash.starts_with("$argon2id$"));
        let parsed = || PasswordHash::new(&hash).expect("a PHC string");
        assert!(
            verify_password("correct horse", parsed())
                .await
                .expect("ran")
        );
        assert!(!verify_password("wrong horse", parsed()).await.expect("ran"));
    }
}
