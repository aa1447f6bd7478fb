//! Accounts: an admin creates them one by one or from a roster
//! CSV, or makes invite codes that people redeem at `/join`.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A new account's sign-in details, shown to the admin once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    /// Sign-in name.
    pub username: String,
    /// The generated password (stored only as an argon2 hash).
    pub password: String,
}

/// What happened to one roster row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterRow {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// The row's username as written.
    pub username: String,
    /// The account made, or why the row was rejected.
    pub outcome: Result<Created, String>,
}

/// An admin creates one account with a generated password.
#[server(prefix = "/api", endpoint = "create-account")]
pub async fn create_account(
    username: String,
    display_name: String,
    role: String,
) -> Result<Created, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_field, bad_input, database};
    use crate::domain::account::NewAccount;
    use crate::domain::{Action, Role};
    require(Action::ManageAccounts).await?;
    let new = NewAccount::parse(&username, &display_name, &role, &Role::ALL).map_err(bad_field)?;
    let db = database()?;
    backend::create(&db, new).await?.map_err(bad_input)
}

/// An admin imports a roster: CSV with a header naming `username`,
/// `display_name` and `role` (student, family or committee). Every row is
/// created or rejected on its own; the report says which and why.
#[server(prefix = "/api", endpoint = "import-roster")]
pub async fn import_roster(csv: String) -> Result<Vec<RosterRow>, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database};
    use crate::domain::Action;
    require(Action::ManageAccounts).await?;
    let rows = crate::domain::roster::parse(&csv).map_err(bad_input)?;
    let db = database()?;
    let mut report = Vec::with_capacity(rows.len());
    let mut seen = std::collections::BTreeSet::new();
    for row in rows {
        let outcome = match row.parsed {
            Err(reason) => Err(reason),
            Ok(new) if !seen.insert(new.username().to_owned()) => Err(format!(
                "The username '{}' appears earlier in this file.",
                new.username()
            )),
            Ok(new) => backend::create(&db, new).await?,
        };
        report.push(RosterRow {
            line: row.line,
            username: row.username,
            outcome,
        });
    }
    Ok(report)
}

/// An admin makes a single-use invite code for `role` (student, family or
/// committee); the code is shown once.
#[server(prefix = "/api", endpoint = "create-invite")]
pub async fn create_invite(role: String) -> Result<String, AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_field, database, internal};
    use crate::domain::Action;
    use crate::domain::account::parse_role;
    let admin = require(Action::ManageAccounts).await?;
    let role = parse_role(&role, &crate::domain::roster::PEOPLE).map_err(bad_field)?;
    let db = database()?;
    pebble_db::invites::create(&db, role, admin.id)
        .await
        .map_err(internal)
}

/// Someone with an invite code creates their account and is signed in.
#[server(prefix = "/api", endpoint = "join")]
pub async fn join(
    code: String,
    username: String,
    display_name: String,
    password: String,
) -> Result<(), AppError> {
    use crate::api::backend::cookies::{session_cookie, set_cookie};
    use crate::api::backend::passwords;
    use crate::api::backend::{bad_field, bad_input, database, internal, words};
    use crate::domain::account::NewAccount;
    use pebble_db::invites::RedeemError;
    let new = NewAccount::parse(
        &username,
        &display_name,
        "student",
        &crate::domain::roster::PEOPLE,
    )
    .map_err(bad_field)?;
    let own_words = vec![new.username().to_owned(), new.display_name().to_owned()];
    let password = passwords::chosen_off_workers(password, own_words)
        .await
        .map_err(bad_field)?;
    let db = database()?;
    let account =
        match pebble_db::invites::redeem(&db, &code, new.username(), new.display_name(), &password)
            .await
        {
            Ok(account) => account,
            Err(RedeemError::UnknownCode) => {
                return Err(bad_input(words().invite_unknown));
            }
            Err(RedeemError::UsernameTaken) => {
                return Err(bad_input((words().username_taken)(new.username())));
            }
            Err(RedeemError::TooManyTries) => {
                return Err(bad_input(words().invite_too_many_tries));
            }
            Err(RedeemError::Db(e)) => return Err(internal(e)),
        };
    let token = pebble_db::sessions::start(&db, account.id).await?;
    set_cookie(&session_cookie(Some(&token)));
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(feature = "ssr")]
mod backend {
    use super::Created;
    use crate::domain::account::NewAccount;

    /// Creates the account, or says why not (a taken username).
    pub async fn create(
        db: &pebble_db::DatabaseConnection,
        new: NewAccount,
    ) -> Result<Result<Created, String>, pebble_db::DbError> {
        if pebble_db::accounts::find_by_username(db, new.username())
            .await?
            .is_some()
        {
            return Ok(Err(format!("The username '{}' is taken.", new.username())));
        }
        let password = pebble_db::accounts::generate_password(14);
        let account = pebble_db::accounts::create(
            db,
            new.username(),
            new.display_name(),
            new.role(),
            &password,
        )
        .await?;
        // The admin sees this password: for an insider's account it works
        // once, then its owner chooses their own, which the admin never
        // learns.
        if matches!(
            new.role(),
            crate::domain::Role::Committee | crate::domain::Role::Admin
        ) {
            pebble_db::accounts::require_password_change(db, account.id).await?;
        }
        Ok(Ok(Created {
            username: new.username().to_owned(),
            password,
        }))
    }
}
