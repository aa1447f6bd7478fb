//! Opening the database and bringing its schema up to date.

use std::time::Duration;

use pebble_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

use crate::DbError;

/// Which database engine a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite, a file (the default).
    Sqlite,
    /// A PostgreSQL server shared by several `pebble serve` replicas.
    Postgres,
}

impl Backend {
    /// The backend a database URL names, if it is one Pebble supports.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// Opens a connection pool. For PostgreSQL, `schema` (when given) becomes
/// the search path, which lets tests give each case its own namespace.
pub async fn connect(url: &str, schema: Option<&str>) -> Result<DatabaseConnection, DbError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if let Some(schema) = schema {
        options.set_schema_search_path(schema.to_owned());
    }
    if Backend::of_url(url) == Some(Backend::Sqlite) {
        // One writer at a time is SQLite's model; a small pool avoids
        // writers queueing on the file lock instead of in the pool.
        options.max_connections(8).min_connections(1);
    }
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed during a write; the setting is kept in
        // the file. sqlx already turns foreign keys on for every connection.
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    Ok(db)
}

/// Applies every pending migration. Safe to run on every start.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbError> {
    Migrator::up(db, None).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_two_supported_url_schemes() {
        assert_eq!(
            Backend::of_url("sqlite://data/pebble.db?mode=rwc"),
            Some(Backend::Sqlite)
        );
        assert_eq!(Backend::of_url("sqlite::memory:"), Some(Backend::Sqlite));
        assert_eq!(
            Backend::of_url("postgres://root@127.0.0.1/pebble"),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::of_url("postgresql://localhost/x"),
            Some(Backend::Postgres)
        );
        assert_eq!(Backend::of_url("mysql://localhost/x"), None);
    }
}
