//! Helpers for this crate's tests.

use crate::{BallotRules, Cents, Manifest, Project, ProjectId, Rule, TieBreak};

/// A project id from a literal known to be valid.
pub fn id(text: &str) -> ProjectId {
    text.parse()
        .unwrap_or_else(|e| panic!("bad test id {text:?}: {e}"))
}

/// A manifest from literals; panics if they are invalid.
pub fn manifest(
    budget: u64,
    projects: &[(&str, u64)],
    ballot: BallotRules,
    rule: Rule,
    tie_break: TieBreak,
) -> Manifest {
    let projects = projects
        .iter()
        .map(|(p, cost)| Project {
            id: id(p),
            cost: Cents::new(*cost),
        })
        .collect();
    Manifest::new(Cents::new(budget), projects, ballot, rule, tie_break)
        .unwrap_or_else(|e| panic!("bad test manifest: {e}"))
}
