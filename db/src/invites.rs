//! Invite codes: an admin makes a single-use code for a role; a
//! person redeems it to create their own account. Only the code's SHA-256
//! is stored.

use chrono::Utc;
use rand::seq::IndexedRandom;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

use pebble_domain::Role;

use crate::entity::invite;
use crate::entity::{Stored, account};
use crate::{DbError, accounts};

/// Characters of a code: no look-alikes (0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A fresh code such as `K7QX-M2RD-9TWB` (about 59 bits from the CSPRNG).
pub fn new_code() -> String {
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..12)
        .filter_map(|_| CODE_ALPHABET.choose(&mut rng).map(|b| char::from(*b)))
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The stored hash of a code as typed: case, spaces and dashes ignored.
pub fn code_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    crate::sessions::token_hash(&normal)
}

/// Makes a code for `role` and returns it (shown once).
pub async fn create(
    db: &impl ConnectionTrait,
    role: Role,
    created_by: i32,
) -> Result<String, DbError> {
    let code = new_code();
    invite::ActiveModel {
        code_hash: Set(code_hash(&code)),
        role: Set(Stored(role)),
        created_by: Set(Some(created_by)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(code)
}

/// Taken usernames an invite may be refused before it stops answering:
/// telling a new student that a name is taken is needed, but without a
/// bound one invite could list every username in the school.
pub const USERNAME_REFUSALS: i32 = 5;

/// Why a code could not be redeemed.
#[derive(Debug, thiserror::Error)]
pub enum RedeemError {
    /// No unused invite has this code.
    #[error("unknown or used code")]
    UnknownCode,
    /// The username is taken.
    #[error("username taken")]
    UsernameTaken,
    /// The invite was refused [`USERNAME_REFUSALS`] taken usernames; it
    /// answers no more.
    #[error("too many taken usernames")]
    TooManyTries,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sea_orm::DbErr> for RedeemError {
    fn from(e: sea_orm::DbErr) -> Self {
        RedeemError::Db(e.into())
    }
}

/// Creates the account an unused `code` allows, in one transaction: the
/// code is used up exactly once even if two people race for it.
pub async fn redeem(
    db: &sea_orm::DatabaseConnection,
    code: &str,
    username: &str,
    display_name: &str,
    password: &str,
) -> Result<account::Model, RedeemError> {
    let txn = db.begin().await?;
    let Some(found) = invite::Entity::find()
        .filter(invite::Column::CodeHash.eq(code_hash(code)))
        .filter(invite::Column::UsedBy.is_null())
        .one(&txn)
        .await?
    else {
        return Err(RedeemError::UnknownCode);
    };
    if found.refusals >= USERNAME_REFUSALS {
        return Err(RedeemError::TooManyTries);
    }
    if accounts::find_by_username(&txn, username).await?.is_some() {
        invite::Entity::update_many()
            .col_expr(
                invite::Column::Refusals,
                Expr::col(invite::Column::Refusals).add(1),
            )
            .filter(invite::Column::Id.eq(found.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        return Err(RedeemError::UsernameTaken);
    }
    let account = accounts::create(&txn, username, display_name, *found.role, password).await?;
    let used = invite::Entity::update_many()
        .col_expr(invite::Column::UsedBy, Expr::value(account.id))
        .col_expr(invite::Column::UsedAt, Expr::value(Utc::now()))
        .filter(invite::Column::Id.eq(found.id))
        .filter(invite::Column::UsedBy.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(RedeemError::UnknownCode);
    }
    txn.commit().await?;
    Ok(account)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_groups_of_four_unambiguous_characters() {
        let code = new_code();
        assert_eq!(code.len(), 14);
        assert!(code.split('-').all(|g| g.len() == 4));
        assert!(
            code.bytes()
                .filter(|b| *b != b'-')
                .all(|b| CODE_ALPHABET.contains(&b))
        );
        assert_ne!(code, new_code());
    }

    #[test]
    fn a_code_typed_in_lower_case_or_without_dashes_matches() {
        assert_eq!(code_hash("K7QX-M2RD-9TWB"), code_hash("k7qx m2rd9twb"));
        assert_ne!(code_hash("K7QX-M2RD-9TWB"), code_hash("K7QX-M2RD-9TWC"));
    }
}
