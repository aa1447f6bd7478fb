//! The storage layer's one error type.

/// A failure in the storage layer. Its text is for logs, not for users.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The database refused or failed a statement.
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// A stored value is outside what Pebble writes (a corrupt or foreign row).
    #[error("invalid stored value in {table}.{column}: {value}")]
    InvalidValue {
        /// The table holding the value.
        table: &'static str,
        /// The column holding the value.
        column: &'static str,
        /// The offending value, as text.
        value: String,
    },
    /// Hashing a password failed.
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
    /// The operating system's random source failed.
    #[error("the system's random source failed: {0}")]
    Random(String),
}

impl DbError {
    /// Whether the database was too busy to answer: a lock wait ran out
    /// (SQLite's `SQLITE_BUSY`/`SQLITE_LOCKED`, PostgreSQL's lock timeout),
    /// a deadlock or serialization conflict was broken, or no pooled
    /// connection came free. The transaction was rolled back, so nothing
    /// was written and trying again is safe.
    pub fn is_busy(&self) -> bool {
        use sea_orm::{DbErr, RuntimeErr, sqlx};
        let DbError::Database(error) = self else {
            return false;
        };
        match error {
            DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
                match &**e {
                    sqlx::Error::Database(db) => matches!(
                        db.code().as_deref(),
                        Some("5" | "6" | "261" | "517" | "773" | "40001" | "40P01" | "55P03")
                    ),
                    sqlx::Error::PoolTimedOut => true,
                    _ => false,
                }
            }
            DbErr::ConnectionAcquire(_) => true,
            _ => false,
        }
    }
}
