//! What a real file records that a ballot cast in Pebble could not be.
//! A file records ballots as they were cast, so importing is not voting:
//! such votes are counted as pabutools counts them, and each kind is
//! reported once, with how many votes and the first line.

use std::fmt;

use serde::Serialize;

/// A kind of irregular vote (or file), with how it is counted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IrregularityKind {
    /// A vote names one project more than once: one approval; for
    /// cumulative votes the last points given (pabutools keeps a ballot
    /// as a dictionary); for ordinal votes its first place.
    RepeatedProject,
    /// The same voter id on more than one vote: each vote counts.
    RepeatedVoter,
    /// An approval vote whose projects cost more than the file's
    /// `max_sum_cost`: counted as cast.
    OverBudget,
    /// A vote that breaks another of the file's own limits (`min_length`,
    /// `max_length`, `max_sum_points`): counted as cast. The text names
    /// the limit.
    BreaksLimit(String),
    /// META states a count (`num_votes`, `num_projects`) the file does not
    /// have: the file's rows count.
    WrongCount(String),
}

/// One kind of irregularity, reported once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Irregularity {
    /// What it is.
    pub kind: IrregularityKind,
    /// How many votes have it (0 for a file-level one).
    pub votes: usize,
    /// The first line where it occurs.
    pub first_line: usize,
}

impl fmt::Display for Irregularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, counted) = match &self.kind {
            IrregularityKind::RepeatedProject => (
                "name one project more than once".to_owned(),
                "counted once (cumulative: its last points; ordinal: its first place)",
            ),
            IrregularityKind::RepeatedVoter => (
                "share a voter id with an earlier vote".to_owned(),
                "each counted",
            ),
            IrregularityKind::OverBudget => (
                "approve projects costing more than max_sum_cost".to_owned(),
                "counted as cast",
            ),
            IrregularityKind::BreaksLimit(limit) => {
                (format!("break the file's limit {limit}"), "counted as cast")
            }
            IrregularityKind::WrongCount(detail) => {
                return write!(
                    f,
                    "line {}: {detail}; the file's rows count",
                    self.first_line
                );
            }
        };
        write!(
            f,
            "{} vote(s) {what}, first on line {}: {counted}, as pabutools does",
            self.votes, self.first_line
        )
    }
}

/// Collects irregularities by kind, keeping the count and first line.
#[derive(Clone, Debug, Default)]
pub(super) struct Tally(Vec<Irregularity>);

impl From<Vec<Irregularity>> for Tally {
    fn from(found: Vec<Irregularity>) -> Tally {
        Tally(found)
    }
}

impl Tally {
    /// One more vote (or file) with `kind`, on `line`.
    pub(super) fn note(&mut self, kind: IrregularityKind, line: usize) {
        match self.0.iter_mut().find(|i| i.kind == kind) {
            Some(known) => known.votes += 1,
            None => self.0.push(Irregularity {
                kind,
                votes: 1,
                first_line: line,
            }),
        }
    }

    /// A file-level irregularity (no votes).
    pub(super) fn note_file(&mut self, kind: IrregularityKind, line: usize) {
        self.0.push(Irregularity {
            kind,
            votes: 0,
            first_line: line,
        });
    }

    /// What was found, in order of kind.
    pub(super) fn into_vec(mut self) -> Vec<Irregularity> {
        self.0.sort_by(|a, b| a.kind.cmp(&b.kind));
        self.0
    }
}
