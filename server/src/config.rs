//! Configuration by flags and environment variables.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Args;
use ipnet::IpNet;
use pebble_domain::PublicUrl;

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

/// How `pebble serve` listens, and what it tells browsers.
#[derive(Args, Clone, Debug)]
pub struct ServeConfig {
    /// Address to listen on.
    #[arg(long, env = "PEBBLE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder holding the compiled site (pkg/pebble.js, .wasm, .css).
    #[arg(long, env = "PEBBLE_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The address people reach Pebble at, such as
    /// `https://pb.school.example`: links on code cards and QR codes are
    /// made from it, and over https the session cookie is `Secure` and
    /// browsers are told to keep to https. Default: `http://` and the
    /// listening address.
    #[arg(long, env = "PEBBLE_PUBLIC_URL")]
    pub public_url: Option<PublicUrl>,
    /// Reverse proxies whose `X-Forwarded-For` or `Forwarded` header is
    /// believed, as addresses or CIDR blocks, comma-separated
    /// (`127.0.0.1,10.0.0.0/8`). From anyone else those headers are
    /// ignored and the connection's address is the client's.
    #[arg(long, env = "PEBBLE_TRUSTED_PROXIES", value_delimiter = ',', value_parser = trusted_proxy)]
    pub trusted_proxies: Vec<IpNet>,
    /// Where to serve `/metrics`, on a listener of its own (such as
    /// `127.0.0.1:9100`); unset, there are no metrics.
    #[arg(long, env = "PEBBLE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// Hours a sign-in may sit unused before it ends (it ends after 30
    /// days in any case).
    #[arg(long, env = "PEBBLE_SESSION_IDLE_HOURS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=720))]
    pub session_idle_hours: u32,
    /// Seconds between rounds of asking each cycle's witnesses (its
    /// manifest's witness policy) to cosign the log's checkpoint.
    #[arg(long, env = "PEBBLE_WITNESS_EVERY", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub witness_every: u64,
}

impl ServeConfig {
    /// Plain HTTP on `addr`, no proxies and no metrics listener: a local
    /// or test server.
    pub fn local(addr: SocketAddr, site_root: &Path) -> ServeConfig {
        ServeConfig {
            addr,
            site_root: site_root.to_owned(),
            public_url: None,
            trusted_proxies: Vec::new(),
            metrics_addr: None,
            session_idle_hours: 12,
            witness_every: 60,
        }
    }
}

/// One trusted proxy: a CIDR block, or a single address.
fn trusted_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{text:?} is neither an address nor a CIDR block such as 10.0.0.0/8"))
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

    #[test]
    fn a_trusted_proxy_is_a_block_or_one_address() {
        assert_eq!(
            trusted_proxy("10.0.0.0/8"),
            Ok("10.0.0.0/8".parse().expect("net"))
        );
        assert_eq!(
            trusted_proxy(" 127.0.0.1"),
            Ok("127.0.0.1/32".parse().expect("net"))
        );
        assert_eq!(trusted_proxy("::1"), Ok("::1/128".parse().expect("net")));
        assert!(trusted_proxy("proxy.local").is_err());
    }
}
