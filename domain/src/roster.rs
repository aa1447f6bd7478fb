//! A roster CSV as an admin uploads it: a header naming
//! `username`, `display_name` and `role`, then one account a line. Each
//! row is parsed on its own, so one bad row does not sink the file.

use crate::Role;
use crate::account::NewAccount;

/// Most rows a roster may have (each password hash takes a moment).
pub const ROSTER_MAX_ROWS: usize = 500;

/// Roles a roster or an invite may give (admins are made one by one).
pub const PEOPLE: [Role; 3] = [Role::Student, Role::Family, Role::Committee];

/// One roster row: its line in the file, its username as written, and the
/// account to make or why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterLine {
    /// Line in the file (the header is line 1).
    pub line: u64,
    /// The username as written.
    pub username: String,
    /// The account, or what is wrong with the row.
    pub parsed: Result<NewAccount, String>,
}

/// Reads a roster CSV; an error is about the whole file.
pub fn parse(text: &str) -> Result<Vec<RosterLine>, String> {
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
                rows.push(RosterLine {
                    line,
                    username: String::new(),
                    parsed: Err(format!("Line {line} could not be read: {e}.")),
                });
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("").to_owned();
        let username = field(user);
        let parsed = NewAccount::parse(&username, &field(name), &field(role), &PEOPLE)
            .map_err(|e| e.message);
        rows.push(RosterLine {
            line,
            username,
            parsed,
        });
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
        let rows = parse(
            "Username,Display_Name,Role\nana.p,Ana P.,student\nbad name,X,student\nbo.k,Bo K.,admin\n",
        )
        .expect("a readable file");
        assert_eq!(rows.len(), 3);
        assert!(rows[0].parsed.is_ok());
        assert_eq!(rows[1].line, 3);
        assert!(
            rows[1]
                .parsed
                .as_ref()
                .expect_err("bad")
                .contains("not ' '")
        );
        assert!(rows[2].parsed.as_ref().expect_err("admin").contains("role"));
    }

    #[test]
    fn a_roster_without_the_needed_columns_is_refused_whole() {
        let error = parse("name,role\nana,student\n").expect_err("no username column");
        assert!(error.contains("'username' is missing"), "{error}");
        assert!(parse("username,display_name,role\n").is_err());
    }
}
