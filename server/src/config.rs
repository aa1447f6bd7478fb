//! Configuration by flags and environment variables.

use std::path::Path;

use clap::Args;

/// The default database: an embedded SQLite file under `./data/`.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/pebble.db?mode=rwc";

/// Where the data lives.
#[derive(Args, Clone, Debug)]
pub struct DatabaseConfig {
    /// Database URL: `sqlite://PATH?mode=rwc` (default) or `postgres://…`.
    #[arg(long, env = "PEBBLE_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,
    /// PostgreSQL schema to use instead of `public` (ignored for SQLite).
    #[arg(long, env = "PEBBLE_DATABASE_SCHEMA", global = true)]
    pub database_schema: Option<String>,
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The URL names an engine Pebble does not support.
    #[error("PEBBLE_DATABASE_URL must start with sqlite:// or postgres:// (got {0:?})")]
    UnsupportedDatabase(String),
    /// The SQLite file's folder could not be created.
    #[error("cannot create the folder {folder} for the SQLite database: {source}")]
    DataFolder {
        /// The folder.
        folder: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The database could not be opened or migrated.
    #[error(transparent)]
    Database(#[from] pebble_db::DbError),
}

impl DatabaseConfig {
    /// Opens the database (creating the SQLite file's folder if needed) and
    /// applies pending migrations.
    pub async fn open(&self) -> Result<pebble_db::DatabaseConnection, ConfigError> {
        match pebble_db::Backend::of_url(&self.database_url) {
            Some(pebble_db::Backend::Sqlite) => ensure_sqlite_folder(&self.database_url)?,
            Some(pebble_db::Backend::Postgres) => {}
            None => return Err(ConfigError::UnsupportedDatabase(self.database_url.clone())),
        }
        let schema = self.database_schema.as_deref();
        let db = pebble_db::connect(&self.database_url, schema).await?;
        pebble_db::migrate(&db).await?;
        Ok(db)
    }
}

/// The file path inside a `sqlite://PATH?options` URL, if it names a file.
fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && !path.starts_with(':')).then_some(path)
}

fn ensure_sqlite_folder(url: &str) -> Result<(), ConfigError> {
    let Some(folder) = sqlite_path(url).and_then(|p| Path::new(p).parent()) else {
        return Ok(());
    };
    if folder.as_os_str().is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(folder).map_err(|source| ConfigError::DataFolder {
        folder: folder.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_file_path_in_a_sqlite_url() {
        assert_eq!(sqlite_path(DEFAULT_DATABASE_URL), Some("data/pebble.db"));
        assert_eq!(sqlite_path("sqlite:///tmp/x/p.db"), Some("/tmp/x/p.db"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://localhost/p"), None);
    }
}
