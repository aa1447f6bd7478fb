//! A `domain` value (a phase, a role, a status) in a text column, by its
//! one name: the storage layer keeps no second copy of those enums.

use std::ops::Deref;
use std::sync::Arc;

use pebble_domain::Named;
use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};

/// `T` stored as [`Named::name`] in a text column of at most 16 characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stored<T>(pub T);

impl<T> Deref for Stored<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Named> From<T> for Stored<T> {
    fn from(value: T) -> Self {
        Stored(value)
    }
}

impl<T: Named> PartialEq<T> for Stored<T> {
    fn eq(&self, other: &T) -> bool {
        self.0 == *other
    }
}

impl<T: Named> From<Stored<T>> for Value {
    fn from(stored: Stored<T>) -> Value {
        Value::String(Some(stored.0.name().to_owned()))
    }
}

/// The value a stored name names; an unknown name is a corrupt row.
fn parse<T: Named>(name: &str) -> Result<Stored<T>, DbErr> {
    T::from_name(name)
        .map(Stored)
        .ok_or_else(|| DbErr::TryIntoErr {
            from: "String",
            into: T::WHAT,
            source: Arc::new(pebble_domain::UnknownName::of::<T>(name)),
        })
}

impl<T: Named> TryGetable for Stored<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let name = String::try_get_by(res, index)?;
        parse(&name).map_err(TryGetError::DbErr)
    }
}

impl<T: Named> ValueType for Stored<T> {
    fn try_from(value: Value) -> Result<Self, ValueTypeErr> {
        let name = <String as ValueType>::try_from(value)?;
        parse(&name).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        format!("Stored<{}>", T::WHAT)
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::N(16))
    }
}

impl<T: Named> Nullable for Stored<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: Named> sea_orm::IntoActiveValue<Stored<T>> for Stored<T> {
    fn into_active_value(self) -> sea_orm::ActiveValue<Stored<T>> {
        sea_orm::ActiveValue::Set(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pebble_domain::{Phase, Status};

    #[test]
    fn a_value_is_stored_by_its_name_and_read_back() {
        for status in Status::ALL {
            let value = Value::from(Stored(status));
            let read = <Stored<Status> as ValueType>::try_from(value).ok();
            assert_eq!(read, Some(Stored(status)));
        }
        assert_eq!(
            Value::from(Stored(Status::NotFeasible)),
            Value::String(Some("not_feasible".to_owned()))
        );
    }

    #[test]
    fn a_name_no_phase_has_is_a_corrupt_row() {
        let value = Value::String(Some("autumn".to_owned()));
        assert!(<Stored<Phase> as ValueType>::try_from(value).is_err());
    }
}
