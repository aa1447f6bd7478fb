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
