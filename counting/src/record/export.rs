//! A record's exports: its ballots as a pabulib `.pb` file, in log
//! order, so pabutools and other tools can re-count them; and each
//! project's support, which the results page and `results.csv` show.

use super::Record;
use crate::pabulib::{PbFile, Vote, write};
use crate::{Ballot, BallotRules, FrozenManifest, Rule};

/// The ballots of `record` under `frozen`, in log order; `None` if an
/// entry does not decode or names another manifest (a record that
/// [`super::verify`] refuses), read as `verify` reads them.
pub fn ballots(frozen: &FrozenManifest, record: &Record) -> Option<Vec<Ballot>> {
    let entries = super::verify::entries(record).ok()?;
    super::compile::decode_entries(&entries, &frozen.hash()).ok()
}

/// The pabulib rule name of a rule.
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Greedy => "greedy",
        Rule::Mes { .. } => "equalshares",
        Rule::Irv => "irv",
        Rule::Stv { .. } => "stv",
    }
}

/// The rule as `pebble tally` names it: `greedy`, `mes add1-greedy`,
/// `irv`, `stv 3`.
fn pebble_rule(rule: Rule) -> String {
    match rule {
        Rule::Mes { completion } => format!("{} {}", rule.name(), completion.name()),
        Rule::Stv { seats } => format!("{} {seats}", rule.name()),
        Rule::Greedy | Rule::Irv => rule.name().to_owned(),
    }
}

/// The `.pb` text of `record`'s ballots under `frozen` (amounts in the
/// currency's units with two decimals where needed; voter ids are log
/// positions from 1).
pub fn pb(frozen: &FrozenManifest, record: &Record) -> Option<String> {
    let ballots = ballots(frozen, record)?;
    let election = &frozen.election;
    let manifest = &frozen.manifest;
    let mut meta = vec![
        ("description".to_owned(), election.name.clone()),
        ("instance".to_owned(), election.id_hex()),
        ("currency".to_owned(), election.currency.code().to_owned()),
        ("rule".to_owned(), rule_name(manifest.rule).to_owned()),
        ("pebble_rule".to_owned(), pebble_rule(manifest.rule)),
        ("pebble_record_hash".to_owned(), record.record_hash.clone()),
    ];
    match &manifest.ballot {
        BallotRules::Approval {
            min_projects,
            max_projects,
            ..
        } => {
            meta.push(("min_length".to_owned(), min_projects.to_string()));
            if let Some(max) = max_projects {
                meta.push(("max_length".to_owned(), max.to_string()));
            }
        }
        BallotRules::Ranked { max_ranks } => {
            meta.push(("max_length".to_owned(), max_ranks.to_string()));
        }
        BallotRules::Allocation {
            points,
            must_use_all,
        } => {
            meta.push(("max_sum_points".to_owned(), points.to_string()));
            if *must_use_all {
                meta.push(("min_sum_points".to_owned(), points.to_string()));
            }
        }
    }
    let file = PbFile {
        meta,
        scale: 2,
        budget: manifest.budget,
        projects: manifest.projects.clone(),
        votes: ballots
            .into_iter()
            .enumerate()
            .map(|(i, ballot)| Vote {
                voter: (i + 1).to_string(),
                ballot,
                line: 0,
            })
            .collect(),
        irregularities: Vec::new(),
    };
    Some(write(&file))
}

/// One project's support in a record: how many ballots name it, and its
/// score as `greedy` ranks by (approvals, points, or Borda
/// `k − position + 1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProjectTally {
    /// Ballots that name the project.
    pub supporters: u64,
    /// Its score.
    pub score: u64,
}

/// Every project's [`ProjectTally`] over `ballots`, in manifest order.
pub fn project_tallies(frozen: &FrozenManifest, ballots: &[Ballot]) -> Vec<ProjectTally> {
    let k = match frozen.manifest.ballot {
        BallotRules::Ranked { max_ranks } => u64::from(max_ranks),
        _ => 0,
    };
    let projects = &frozen.manifest.projects;
    let mut tallies = vec![ProjectTally::default(); projects.len()];
    let mut add = |id: &crate::ProjectId, points: u64| {
        if let Some(at) = frozen.manifest.index_of(id)
            && points > 0
        {
            tallies[at].supporters += 1;
            tallies[at].score += points;
        }
    };
    for ballot in ballots {
        match ballot {
            Ballot::Approval(ids) => ids.iter().for_each(|id| add(id, 1)),
            Ballot::Allocation(map) => map.iter().for_each(|(id, &points)| add(id, points)),
            Ballot::Ranked(ids) => ids
                .iter()
                .enumerate()
                .for_each(|(at, id)| add(id, k.saturating_sub(at as u64))),
        }
    }
    tallies
}
