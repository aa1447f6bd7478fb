//! Accounts (SPEC §1): an admin creates them one by one or from a roster
//! CSV, or makes invite codes that people redeem at `/join`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Most rows a roster may have (each password hash takes a moment).
pub const ROSTER_MAX_ROWS: usize = 500;

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
) -> Result<Created, ServerFnError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database, internal};
    use crate::domain::account::NewAccount;
    use crate::domain::{Action, Role};
    require(Action::ManageAccounts).await?;
    let new = NewAccount::parse(&username, &display_name, &role, &Role::ALL).map_err(bad_input)?;
    let db = database()?;
    backend::create(&db, new)
        .await
        .map_err(internal)?
        .map_err(bad_input)
}

/// An admin imports a roster: CSV with a header naming `username`,
/// `display_name` and `role` (student, family or committee). Every row is
/// created or rejected on its own; the report says which and why.
#[server(prefix = "/api", endpoint = "import-roster")]
pub async fn import_roster(csv: String) -> Result<Vec<RosterRow>, ServerFnError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{bad_input, database, internal};
    use crate::domain::Action;
    require(Action::ManageAccounts).await?;
    let rows = backend::parse_roster(&csv).map_err(bad_input)?;
    let db = database()?;
    let mut report = Vec::with_capacity(rows.len());
    let mut seen = std::collections::BTreeSet::new();
    for (line, username, parsed) in rows {
        let outcome = match parsed {
            Err(reason) => Err(reason),
            Ok(new) if !seen.insert(new.username.clone()) => Err(format!(
                "The username '{}' appears earlier in this file.",
                new.username
            )),
            Ok(new) => backend::create(&db, new).await.map_err(internal)?,
        };
        report.push(RosterRow {
            line,
            username,
            outcome,
        });
    }
    Ok(report)
}

/// An admin makes a single-use invite code for `role` (student, family or
/// committee); the code is shown once.
#[server(prefix = "/api", endpoint = "create-invite")]
pub async fn create_invite(role: String) -> Result<String, ServerFnError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::convert::stored_role;
    use crate::api::backend::{bad_input, database, internal};
    use crate::domain::Action;
    use crate::domain::account::parse_role;
    let admin = require(Action::ManageAccounts).await?;
    let role = parse_role(&role, &backend::PEOPLE).map_err(bad_input)?;
    let db = database()?;
    pebble_db::invites::create(&db, stored_role(role), admin.id)
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
) -> Result<(), ServerFnError> {
    use crate::api::backend::auth::{session_cookie, set_cookie};
    use crate::api::backend::{bad_field, bad_input, database, internal, words};
    use crate::domain::account::{NewAccount, parse_password};
    use pebble_db::invites::RedeemError;
    let new = NewAccount::parse(&username, &display_name, "student", &backend::PEOPLE)
        .map_err(bad_field)?;
    let password = parse_password(&password).map_err(bad_field)?;
    let db = database()?;
    let account =
        match pebble_db::invites::redeem(&db, &code, &new.username, &new.display_name, &password)
            .await
        {
            Ok(account) => account,
            Err(RedeemError::UnknownCode) => {
                return Err(bad_input(words().invite_unknown));
            }
            Err(RedeemError::UsernameTaken) => {
                return Err(bad_input((words().username_taken)(&new.username)));
            }
            Err(RedeemError::Db(e)) => return Err(internal(e)),
        };
    let token = pebble_db::sessions::start(&db, account.id)
        .await
        .map_err(internal)?;
    set_cookie(session_cookie(Some(&token)));
    leptos_axum::redirect("/");
    Ok(())
}

#[cfg(feature = "ssr")]
mod backend {
    use super::{Created, ROSTER_MAX_ROWS};
    use crate::api::backend::convert::stored_role;
    use crate::domain::Role;
    use crate::domain::account::NewAccount;

    /// Roles a roster or an invite may give.
    pub const PEOPLE: [Role; 3] = [Role::Student, Role::Family, Role::Committee];

    /// Creates the account, or says why not (a taken username).
    pub async fn create(
        db: &pebble_db::DatabaseConnection,
        new: NewAccount,
    ) -> Result<Result<Created, String>, pebble_db::DbError> {
        if pebble_db::accounts::find_by_username(db, &new.username)
            .await?
            .is_some()
        {
            return Ok(Err(format!("The username '{}' is taken.", new.username)));
        }
        let password = pebble_db::accounts::generate_password(14);
        pebble_db::accounts::create(
            db,
            &new.username,
            &new.display_name,
            stored_role(new.role),
            &password,
        )
        .await?;
        Ok(Ok(Created {
            username: new.username,
            password,
        }))
    }

    /// One parsed roster row: its line, its username as written, and the
    /// account to make or why not.
    pub type Row = (u64, String, Result<NewAccount, String>);

    /// Reads a roster CSV; an error is about the whole file.
    pub fn parse_roster(text: &str) -> Result<Vec<Row>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("The roster's first line could not be read: {e}."))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    format!(
                        "The roster's first line must name the columns username, display_name and role; '{name}' is missing."
                    )
                })
        };
        let (user, name, role) = (
            column("username")?,
            column("display_name")?,
            column("role")?,
        );
        let mut rows = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let line = index as u64 + 2;
            if rows.len() == ROSTER_MAX_ROWS {
                return Err(format!(
                    "The roster has more than {ROSTER_MAX_ROWS} rows; split it into several files."
                ));
            }
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    rows.push((
                        line,
                        String::new(),
                        Err(format!("Line {line} could not be read: {e}.")),
                    ));
                    continue;
                }
            };
            let field = |i: usize| record.get(i).unwrap_or("").to_owned();
            let username = field(user);
            let parsed = NewAccount::parse(&username, &field(name), &field(role), &PEOPLE)
                .map_err(|e| e.message);
            rows.push((line, username, parsed));
        }
        if rows.is_empty() {
            return Err("The roster has no rows under its header.".to_owned());
        }
        Ok(rows)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_roster_reports_each_bad_row_with_its_line() {
            let rows = parse_roster(
                "Username,Display_Name,Role\nana.p,Ana P.,student\nbad name,X,student\nbo.k,Bo K.,admin\n",
            )
            .expect("a readable file");
            assert_eq!(rows.len(), 3);
            assert!(rows[0].2.is_ok());
            assert_eq!(rows[1].0, 3);
            assert!(rows[1].2.as_ref().expect_err("bad").contains("not ' '"));
            assert!(rows[2].2.as_ref().expect_err("admin").contains("role"));
        }

        #[test]
        fn a_roster_without_the_needed_columns_is_refused_whole() {
            let error = parse_roster("name,role\nana,student\n").expect_err("no username column");
            assert!(error.contains("'username' is missing"), "{error}");
            assert!(parse_roster("username,display_name,role\n").is_err());
        }
    }
}
