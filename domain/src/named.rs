//! One spelling for each phase, role and status: the word stored in the
//! database, sent in JSON and typed on the command line.

use std::fmt;

/// A closed set of values, each with one name.
pub trait Named: Sized + Copy + PartialEq + 'static {
    /// What one value is called in a message ("phase").
    const WHAT: &'static str;
    /// Every value, in order.
    const ALL: &'static [Self];

    /// This value's name.
    fn name(self) -> &'static str;

    /// The value named `name`, exactly.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.name() == name)
    }
}

/// A name that names no value, with the names that would have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    /// What was being named ("phase").
    pub what: &'static str,
    /// What was given.
    pub given: String,
    /// Every name that would have been understood.
    pub choices: Vec<&'static str>,
}

impl UnknownName {
    /// That `given` names no `T`.
    pub fn of<T: Named>(given: &str) -> UnknownName {
        UnknownName {
            what: T::WHAT,
            given: given.to_owned(),
            choices: T::ALL.iter().map(|value| value.name()).collect(),
        }
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a {}; choose {}",
            self.given,
            self.what,
            self.choices.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// `Display` and `FromStr` through [`Named`], for each type listed.
macro_rules! display_and_parse_by_name {
    ($($ty:ty),* $(,)?) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::Named::name(*self))
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::UnknownName;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::Named>::from_name(name)
                    .ok_or_else(|| $crate::UnknownName::of::<$ty>(name))
            }
        }
    )*};
}

pub(crate) use display_and_parse_by_name;
