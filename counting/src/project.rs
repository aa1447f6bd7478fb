//! Project identifiers and projects as they stand on a ballot.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Cents;

/// Longest project id, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// A project's identifier: 1 to 64 characters from `A–Z a–z 0–9 - _ . :`.
///
/// Ids order by their bytes, which for this alphabet is the order Python
/// and pabutools use when they sort project names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProjectId(String);

/// Why a text is not a project id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectIdError {
    /// Empty text.
    #[error("a project id cannot be empty")]
    Empty,
    /// Over [`MAX_ID_LEN`] bytes.
    #[error("a project id has at most {MAX_ID_LEN} characters")]
    TooLong,
    /// A character outside the alphabet.
    #[error("'{0}' is not allowed in a project id (use letters, digits, '-', '_', '.', ':')")]
    InvalidCharacter(char),
}

impl ProjectId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a byte may appear in an id.
    pub(crate) fn allowed(byte: u8) -> bool {
        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b':')
    }
}

impl FromStr for ProjectId {
    type Err = ProjectIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(ProjectIdError::Empty);
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !c.is_ascii() || !Self::allowed(*c as u8))
        {
            return Err(ProjectIdError::InvalidCharacter(bad));
        }
        if text.len() > MAX_ID_LEN {
            return Err(ProjectIdError::TooLong);
        }
        Ok(ProjectId(text.to_owned()))
    }
}

impl TryFrom<String> for ProjectId {
    type Error = ProjectIdError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<ProjectId> for String {
    fn from(id: ProjectId) -> String {
        id.0
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A project on the ballot: its id and the cost the committee set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    /// Identifier.
    pub id: ProjectId,
    /// Cost in minor units; always positive.
    pub cost: Cents,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_pabulib_style_ids() {
        for id in ["1", "42", "p-7", "school_garden", "a.b:c"] {
            assert_eq!(
                id.parse::<ProjectId>().map(|p| p.to_string()),
                Ok(id.to_owned())
            );
        }
    }

    #[test]
    fn rejects_empty_long_and_odd_ids() {
        assert_eq!("".parse::<ProjectId>(), Err(ProjectIdError::Empty));
        assert_eq!(
            "a;b".parse::<ProjectId>(),
            Err(ProjectIdError::InvalidCharacter(';'))
        );
        assert_eq!(
            "a b".parse::<ProjectId>(),
            Err(ProjectIdError::InvalidCharacter(' '))
        );
        assert_eq!(
            "é".parse::<ProjectId>(),
            Err(ProjectIdError::InvalidCharacter('é'))
        );
        assert_eq!(
            "x".repeat(65).parse::<ProjectId>(),
            Err(ProjectIdError::TooLong)
        );
    }

    #[test]
    fn ids_order_like_python_strings() {
        let mut ids: Vec<ProjectId> = ["10", "9", "A", "a", "_"]
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        ids.sort();
        let sorted: Vec<&str> = ids.iter().map(ProjectId::as_str).collect();
        assert_eq!(sorted, ["10", "9", "A", "_", "a"]);
    }
}
