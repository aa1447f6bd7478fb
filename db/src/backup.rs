//! A consistent copy of an SQLite database while it serves: `VACUUM INTO`
//! (sqlite.org/lang_vacuum.html#vacuuminto) writes the database as one
//! read transaction sees it, so every ballot committed before the copy
//! began is in it with its log nodes and head, and nothing half-written;
//! casting goes on meanwhile (WAL mode lets the writer proceed).

use std::path::Path;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

use crate::DbError;

/// Why no copy was made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The database is PostgreSQL, which `pg_dump` copies.
    #[error("the database is PostgreSQL")]
    NotSqlite,
    /// The path cannot be written into SQL.
    #[error("{0}")]
    Path(String),
    /// SQLite refused or failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A path as an SQL string literal, quotes doubled (SQLite's rule).
fn quoted(path: &Path) -> Result<String, BackupError> {
    let text = path
        .to_str()
        .ok_or_else(|| BackupError::Path(format!("{} is not a UTF-8 path", path.display())))?;
    if text.contains('\0') {
        return Err(BackupError::Path(
            "the path holds a NUL character".to_owned(),
        ));
    }
    Ok(format!("'{}'", text.replace('\'', "''")))
}

/// Writes a copy of the SQLite database `db` to `out`, which must not
/// exist.
pub async fn sqlite_copy(db: &DatabaseConnection, out: &Path) -> Result<(), BackupError> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    db.execute_unprepared(&format!("VACUUM INTO {}", quoted(out)?))
        .await
        .map_err(DbError::from)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_as_sql_with_its_quotes_doubled() {
        assert_eq!(
            quoted(Path::new("/b/it's.db")).expect("quoted"),
            "'/b/it''s.db'"
        );
    }
}
