//! Writing a `.pb` file.

use std::fmt::Write as _;

use super::PbFile;
use super::fields::quote;
use crate::Ballot;

/// The `.pb` text of `file`. META is written as given, except that
/// `num_projects`, `num_votes`, `budget` and `vote_type` are set from the
/// data.
pub fn write(file: &PbFile) -> String {
    let mut out = String::from("META\nkey;value\n");
    let vote_type = match file.votes.first() {
        Some((_, Ballot::Ranked(_))) => "ordinal",
        Some((_, Ballot::Allocation(_))) => "cumulative",
        _ => "approval",
    };
    let computed = [
        ("num_projects", file.projects.len().to_string()),
        ("num_votes", file.votes.len().to_string()),
        ("budget", file.budget.minor_units().to_string()),
        ("vote_type", vote_type.to_owned()),
    ];
    for (key, value) in &computed {
        let _ = writeln!(out, "{key};{value}");
    }
    for (key, value) in &file.meta {
        if !computed.iter().any(|(k, _)| k == key) {
            let _ = writeln!(out, "{};{}", quote(key), quote(value));
        }
    }
    let cumulative = matches!(file.votes.first(), Some((_, Ballot::Allocation(_))));
    out.push_str("PROJECTS\nproject_id;cost\n");
    for project in &file.projects {
        let _ = writeln!(out, "{};{}", project.id, project.cost.minor_units());
    }
    out.push_str(if cumulative {
        "VOTES\nvoter_id;vote;points\n"
    } else {
        "VOTES\nvoter_id;vote\n"
    });
    for (voter, ballot) in &file.votes {
        let (ids, points): (Vec<String>, Vec<String>) = match ballot {
            Ballot::Approval(ids) => (ids.iter().map(ToString::to_string).collect(), Vec::new()),
            Ballot::Ranked(ids) => (ids.iter().map(ToString::to_string).collect(), Vec::new()),
            Ballot::Allocation(map) => map
                .iter()
                .map(|(id, p)| (id.to_string(), p.to_string()))
                .unzip(),
        };
        let _ = write!(out, "{};{}", quote(voter), ids.join(","));
        if cumulative {
            let _ = write!(out, ";{}", points.join(","));
        }
        out.push('\n');
    }
    out
}
