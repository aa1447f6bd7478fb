//! The demo committee's own keys. The seed plays each member's browser:
//! it makes their certification key, registers the public half, commits
//! to tie-break secrets, and later reveals and signs for last year's
//! cycle; then it hands whoever runs the demo the key files, sealed under
//! one passphrase, so that they can take the members' part in the
//! browser for this year's cycle. The server never keeps a secret key.

use std::collections::BTreeMap;

use counting::committee::{KdfParams, KeyFile, MemberKey, commitment};
use counting::merkle::to_hex;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::DbError;
use crate::entity::{member_key, tiebreak_commitment};
use crate::frozen::random;

/// A committee member's key file, as the demo hands it out.
#[derive(Clone, Debug)]
pub struct DemoKeyFile {
    /// The member's username.
    pub username: String,
    /// The key file's JSON text.
    pub text: String,
}

/// The demo members' keys, by username.
pub(super) struct DemoKeys {
    keys: BTreeMap<String, MemberKey>,
}

impl DemoKeys {
    /// A new key for each of `usernames`.
    pub fn make<'a>(usernames: impl IntoIterator<Item = &'a str>) -> Result<DemoKeys, DbError> {
        let mut keys = BTreeMap::new();
        for name in usernames {
            keys.insert(name.to_owned(), MemberKey::from_seed(random::<32>()?));
        }
        Ok(DemoKeys { keys })
    }

    /// `username`'s key.
    pub fn key(&self, username: &str) -> Result<&MemberKey, DbError> {
        self.keys
            .get(username)
            .ok_or_else(|| DbError::InvalidValue {
                table: "member_key",
                column: "account_id",
                value: format!("the demo has no key for {username}"),
            })
    }

    /// Registers `username`'s public key for `account`, as their browser
    /// would.
    pub async fn register(
        &self,
        db: &impl ConnectionTrait,
        username: &str,
        account: i32,
    ) -> Result<(), DbError> {
        member_key::Entity::insert(member_key::ActiveModel {
            account_id: Set(account),
            public_key: Set(to_hex(&self.key(username)?.public_key())),
            registered_at: Set(chrono::Utc::now()),
        })
        .exec_without_returning(db)
        .await?;
        Ok(())
    }

    /// Commits `username` (account `account`) to a fresh tie-break secret
    /// for cycle `cycle`, as their browser would.
    pub async fn commit(
        &self,
        db: &impl ConnectionTrait,
        cycle: i32,
        username: &str,
        account: i32,
    ) -> Result<(), DbError> {
        let salt = random::<16>()?;
        let made = commitment(&self.key(username)?.tiebreak_secret(&salt));
        tiebreak_commitment::Entity::insert(tiebreak_commitment::ActiveModel {
            cycle_id: Set(cycle),
            account_id: Set(account),
            salt: Set(to_hex(&salt)),
            commitment: Set(to_hex(&made)),
            made_at: Set(chrono::Utc::now()),
        })
        .exec_without_returning(db)
        .await?;
        Ok(())
    }

    /// Every key sealed under `passphrase`, as the members would keep them.
    pub fn files(&self, passphrase: &str) -> Result<Vec<DemoKeyFile>, DbError> {
        self.keys
            .iter()
            .map(|(username, key)| {
                let file = KeyFile::seal(
                    key,
                    username,
                    passphrase,
                    random::<16>()?,
                    KdfParams::default(),
                )
                .map_err(|e| DbError::Random(e.to_string()))?;
                Ok(DemoKeyFile {
                    username: username.clone(),
                    text: file.to_text(),
                })
            })
            .collect()
    }
}
