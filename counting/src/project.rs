//! Project identifiers and projects as they stand on a ballot.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::Cents;

/// Longest project id, in bytes of UTF-8.
pub const MAX_ID_LEN: usize = 255;

/// A project's identifier: an opaque text of 1 to 255 bytes of UTF-8, as
/// pabulib files name projects (`2023/KAR/0006`), kept exactly. It may
/// not contain a comma (it separates the ids of a pabulib vote), a line
/// break or another control character, or start or end with white space
/// (pabulib readers trim fields).
///
/// Ids order by their UTF-8 bytes, which is the order of their code
/// points: the order Python and pabutools use when they sort names. An
/// id is shared, not copied, so a million ballots naming it cost one.
#[derive(Clone, Debug, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProjectId(Arc<str>);

impl std::hash::Hash for ProjectId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq for ProjectId {
    fn eq(&self, other: &Self) -> bool {
        // Copies of one id share their text: no need to read it.
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// Why a text is not a project id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectIdError {
    /// Empty text.
    #[error("a project id cannot be empty")]
    Empty,
    /// Over [`MAX_ID_LEN`] bytes.
    #[error("a project id has at most {MAX_ID_LEN} bytes")]
    TooLong,
    /// A comma or a control character.
    #[error(
        "a project id cannot contain {0:?} (a comma, a line break or another control character)"
    )]
    InvalidCharacter(char),
    /// White space at either end.
    #[error("a project id cannot start or end with white space")]
    Untrimmed,
}

impl ProjectId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ProjectId {
    type Err = ProjectIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(ProjectIdError::Empty);
        }
        if let Some(bad) = text.chars().find(|c| *c == ',' || c.is_control()) {
            return Err(ProjectIdError::InvalidCharacter(bad));
        }
        if text.trim() != text {
            return Err(ProjectIdError::Untrimmed);
        }
        if text.len() > MAX_ID_LEN {
            return Err(ProjectIdError::TooLong);
        }
        Ok(ProjectId(Arc::from(text)))
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
        id.0.to_string()
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
    fn keeps_pabulib_ids_exactly() {
        for id in [
            "1",
            "42",
            "p-7",
            "school_garden",
            "a.b:c",
            "2023/KAR/0006",
            "Park; ławki",
            "a b",
        ] {
            assert_eq!(
                id.parse::<ProjectId>().map(|p| p.to_string()),
                Ok(id.to_owned())
            );
        }
    }

    #[test]
    fn rejects_empty_long_and_unusable_ids() {
        assert_eq!("".parse::<ProjectId>(), Err(ProjectIdError::Empty));
        assert_eq!(
            "a,b".parse::<ProjectId>(),
            Err(ProjectIdError::InvalidCharacter(','))
        );
        assert_eq!(
            "a\nb".parse::<ProjectId>(),
            Err(ProjectIdError::InvalidCharacter('\n'))
        );
        assert_eq!(" a".parse::<ProjectId>(), Err(ProjectIdError::Untrimmed));
        assert_eq!(
            "é".repeat(128).parse::<ProjectId>(),
            Err(ProjectIdError::TooLong),
            "255 bytes, not characters"
        );
    }

    #[test]
    fn ids_order_like_python_strings() {
        let mut ids: Vec<ProjectId> = ["10", "9", "A", "a", "_", "é", "2023/KAR/0006"]
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        ids.sort();
        let sorted: Vec<&str> = ids.iter().map(ProjectId::as_str).collect();
        assert_eq!(sorted, ["10", "2023/KAR/0006", "9", "A", "_", "a", "é"]);
    }
}
