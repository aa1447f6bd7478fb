//! A ballot as a form posts it, parsed into a [`Ballot`] of the cycle's
//! kind. The same fields come from the plain form (JavaScript off), the
//! review page's address and the ballot island, so every path reads
//! them here.
//!
//! - approval: `choices[ID]=on`, one per ticked project (an empty value
//!   is not ticked);
//! - ranked: `ranks[ID]=N`, a rank number per project (empty: not
//!   ranked); the numbers give the order, gaps are fine (1, 2, 5);
//! - allocation: `points[ID]=N` (empty or 0: no points).
//!
//! What this accepts is then checked against the manifest's limits by
//! [`Ballot::validate`]; this only reads what was typed.

use std::collections::{BTreeMap, BTreeSet};

use counting::ballot::BallotKind;
use counting::{Ballot, ProjectId};
use serde::{Deserialize, Serialize};

/// The ballot fields of a form, before parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotFields {
    /// Ticked projects (approval): id → any non-empty value.
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
    /// Rank number per project (ranked).
    #[serde(default)]
    pub ranks: BTreeMap<String, String>,
    /// Points per project (allocation).
    #[serde(default)]
    pub points: BTreeMap<String, String>,
}

/// Why the typed fields are not a ballot.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    /// A project field names no possible project.
    #[error("'{0}' is not a project on this ballot")]
    NotAProject(String),
    /// A rank that is not a whole number from 1.
    #[error("the rank of project {project} must be a whole number from 1 (it is '{text}')")]
    NotARank {
        /// The project.
        project: ProjectId,
        /// What was typed.
        text: String,
    },
    /// Two projects with one rank number.
    #[error("projects {first} and {second} both have rank {rank}; give each its own")]
    SameRank {
        /// The shared number.
        rank: u32,
        /// One project.
        first: ProjectId,
        /// The other.
        second: ProjectId,
    },
    /// Points that are not a whole number.
    #[error("the points for project {project} must be a whole number (it is '{text}')")]
    NotPoints {
        /// The project.
        project: ProjectId,
        /// What was typed.
        text: String,
    },
}

fn project(text: &str) -> Result<ProjectId, FormError> {
    text.parse()
        .map_err(|_| FormError::NotAProject(text.chars().take(40).collect()))
}

impl BallotFields {
    /// The fields as a ballot of `kind`; fields of other kinds are
    /// ignored.
    pub fn parse(&self, kind: BallotKind) -> Result<Ballot, FormError> {
        match kind {
            BallotKind::Approval => self
                .choices
                .iter()
                .filter(|(_, ticked)| !ticked.trim().is_empty())
                .map(|(id, _)| project(id))
                .collect::<Result<BTreeSet<_>, _>>()
                .map(Ballot::Approval),
            BallotKind::Ranked => self.ranked(),
            BallotKind::Allocation => self.allocation(),
        }
    }

    fn ranked(&self) -> Result<Ballot, FormError> {
        let mut by_rank: BTreeMap<u32, ProjectId> = BTreeMap::new();
        for (id, text) in &self.ranks {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let id = project(id)?;
            let rank = text
                .parse::<u32>()
                .ok()
                .filter(|rank| *rank >= 1)
                .ok_or_else(|| FormError::NotARank {
                    project: id.clone(),
                    text: text.chars().take(20).collect(),
                })?;
            if let Some(first) = by_rank.get(&rank) {
                return Err(FormError::SameRank {
                    rank,
                    first: first.clone(),
                    second: id,
                });
            }
            by_rank.insert(rank, id);
        }
        Ok(Ballot::Ranked(by_rank.into_values().collect()))
    }

    fn allocation(&self) -> Result<Ballot, FormError> {
        let mut points = BTreeMap::new();
        for (id, text) in &self.points {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let id = project(id)?;
            let value = text.parse::<u64>().map_err(|_| FormError::NotPoints {
                project: id.clone(),
                text: text.chars().take(20).collect(),
            })?;
            if value > 0 {
                points.insert(id, value);
            }
        }
        Ok(Ballot::Allocation(points))
    }

    /// The fields that post `ballot` back (the inverse of [`Self::parse`]).
    pub fn of(ballot: &Ballot) -> BallotFields {
        let mut fields = BallotFields::default();
        match ballot {
            Ballot::Approval(set) => {
                fields.choices = set
                    .iter()
                    .map(|id| (id.as_str().to_owned(), "on".to_owned()))
                    .collect();
            }
            Ballot::Ranked(order) => {
                for (rank, id) in (1u32..).zip(order) {
                    fields
                        .ranks
                        .insert(id.as_str().to_owned(), rank.to_string());
                }
            }
            Ballot::Allocation(points) => {
                for (id, value) in points {
                    fields
                        .points
                        .insert(id.as_str().to_owned(), value.to_string());
                }
            }
        }
        fields
    }

    /// The fields as `name=value` pairs of a form or address, in a fixed
    /// order.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let choices = self
            .choices
            .iter()
            .map(|(id, v)| (format!("choices[{id}]"), v.clone()));
        let ranks = self
            .ranks
            .iter()
            .map(|(id, r)| (format!("ranks[{id}]"), r.clone()));
        let points = self
            .points
            .iter()
            .map(|(id, p)| (format!("points[{id}]"), p.clone()));
        choices.chain(ranks).chain(points).collect()
    }

    /// The fields among `name=value` pairs (an address's query); other
    /// names are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> BallotFields {
        let mut fields = BallotFields::default();
        for (name, value) in pairs {
            if let Some(id) = bracketed(name, "choices[") {
                fields.choices.insert(id.to_owned(), value.to_owned());
            } else if let Some(id) = bracketed(name, "ranks[") {
                fields.ranks.insert(id.to_owned(), value.to_owned());
            } else if let Some(id) = bracketed(name, "points[") {
                fields.points.insert(id.to_owned(), value.to_owned());
            }
        }
        fields
    }
}

fn bracketed<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    name.strip_prefix(prefix)?.strip_suffix(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> ProjectId {
        text.parse().expect("a valid test id")
    }

    fn fields(pairs: &[(&str, &str)]) -> BallotFields {
        BallotFields::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn ticked_projects_make_an_approval_ballot() {
        let ballot = fields(&[
            ("choices[3]", "on"),
            ("choices[1]", "on"),
            ("choices[2]", ""),
        ])
        .parse(BallotKind::Approval);
        assert_eq!(ballot, Ok(Ballot::Approval([id("1"), id("3")].into())));
    }

    #[test]
    fn rank_numbers_give_the_order_and_gaps_and_blanks_are_fine() {
        let ballot = fields(&[("ranks[a]", "5"), ("ranks[b]", ""), ("ranks[c]", " 1 ")])
            .parse(BallotKind::Ranked);
        assert_eq!(ballot, Ok(Ballot::Ranked(vec![id("c"), id("a")])));
    }

    #[test]
    fn two_projects_with_one_rank_are_refused_by_name() {
        let error = fields(&[("ranks[a]", "1"), ("ranks[b]", "1")]).parse(BallotKind::Ranked);
        assert_eq!(
            error,
            Err(FormError::SameRank {
                rank: 1,
                first: id("a"),
                second: id("b")
            })
        );
    }

    #[test]
    fn a_rank_of_zero_or_text_is_refused() {
        for text in ["0", "-1", "first", "1.5"] {
            let error = fields(&[("ranks[a]", text)]).parse(BallotKind::Ranked);
            assert!(matches!(error, Err(FormError::NotARank { .. })), "{text}");
        }
    }

    #[test]
    fn zero_and_blank_points_are_left_out_and_text_is_refused() {
        let ballot = fields(&[("points[a]", "0"), ("points[b]", ""), ("points[c]", "40")])
            .parse(BallotKind::Allocation);
        assert_eq!(ballot, Ok(Ballot::Allocation([(id("c"), 40)].into())));
        let error = fields(&[("points[a]", "ten")]).parse(BallotKind::Allocation);
        assert!(matches!(error, Err(FormError::NotPoints { .. })));
    }

    #[test]
    fn an_impossible_project_id_is_refused() {
        let error = fields(&[("choices[]", "on")]).parse(BallotKind::Approval);
        assert_eq!(error, Err(FormError::NotAProject(String::new())));
    }

    #[test]
    fn a_ballot_survives_the_round_trip_through_its_fields() {
        let ballots = [
            Ballot::Approval([id("1"), id("2")].into()),
            Ballot::Ranked(vec![id("9"), id("1"), id("4")]),
            Ballot::Allocation([(id("1"), 30), (id("7"), 70)].into()),
        ];
        for ballot in ballots {
            let fields = BallotFields::of(&ballot);
            let pairs = fields.pairs();
            let again =
                BallotFields::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
            assert_eq!(again.parse(ballot.kind()), Ok(ballot));
        }
    }
}
