//! `pebble backup --out FILE`: a consistent copy of the SQLite database,
//! taken while Pebble serves and voters cast
//! ([`pebble_db::backup::sqlite_copy`]). On PostgreSQL the copy is
//! PostgreSQL's own `pg_dump`, which takes one snapshot in the same way
//! (docs/deploy.md).

use std::path::PathBuf;

use clap::Args;
use pebble_db::DatabaseConnection;
use pebble_db::backup::{BackupError, sqlite_copy};

/// `pebble backup`'s arguments.
#[derive(Args, Debug)]
pub struct BackupArgs {
    /// Where to write the copy; the file must not exist yet.
    #[arg(long)]
    pub out: PathBuf,
}

/// Writes the copy and says what was written.
pub async fn run(db: &DatabaseConnection, args: &BackupArgs) -> Result<String, String> {
    if args.out.exists() {
        return Err(format!(
            "{} exists already: name a new file, so that no earlier backup is overwritten",
            args.out.display()
        ));
    }
    if let Some(folder) = args.out.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    let out = std::path::absolute(&args.out).map_err(|e| e.to_string())?;
    sqlite_copy(db, &out).await.map_err(|error| match error {
        BackupError::NotSqlite => "pebble backup copies an SQLite database; on PostgreSQL run pg_dump --format=custom --file=pebble.dump DATABASE (see docs/deploy.md)".to_owned(),
        other => format!("the copy failed: {other}"),
    })?;
    let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    Ok(format!(
        "Wrote a consistent copy of the database to {} ({} KB). To restore, stop Pebble and put it in place of the database file.\n",
        out.display(),
        bytes.div_ceil(1024)
    ))
}
