//! Amounts as stored: integer minor units in a signed 64-bit column.

use counting::Cents;

use crate::DbError;

/// A stored amount as [`Cents`]; a negative one is a corrupt row.
pub fn cents(table: &'static str, column: &'static str, value: i64) -> Result<Cents, DbError> {
    u64::try_from(value)
        .map(Cents::new)
        .map_err(|_| DbError::InvalidValue {
            table,
            column,
            value: value.to_string(),
        })
}

/// An amount to store. Every amount Pebble accepts is far below
/// `i64::MAX` (budgets stop at a billion in major units), so the clamp
/// never acts on real data.
pub fn stored_cents(amount: Cents) -> i64 {
    i64::try_from(amount.minor_units()).unwrap_or(i64::MAX)
}
