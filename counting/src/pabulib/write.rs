//! Writing a `.pb` file that pabutools (and this crate) read back the
//! same: ids and text quoted where Python's csv module needs it, amounts
//! with the file's decimal places.

use std::fmt::Write as _;

use super::PbFile;
use super::amount;
use super::fields::quote;
use crate::Ballot;

/// The `.pb` text of `file`. META is written as given, except that
/// `num_projects`, `num_votes`, `budget` and `vote_type` are set from the
/// data.
pub fn write(file: &PbFile) -> String {
    let mut out = String::from("META\nkey;value\n");
    let first = file.votes.first().map(|v| &v.ballot);
    let vote_type = match first {
        Some(Ballot::Ranked(_)) => "ordinal",
        Some(Ballot::Allocation(_)) => "cumulative",
        _ => "approval",
    };
    let computed = [
        ("num_projects", file.projects.len().to_string()),
        ("num_votes", file.votes.len().to_string()),
        (
            "budget",
            amount::write(file.budget.minor_units(), file.scale),
        ),
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
    let cumulative = matches!(first, Some(Ballot::Allocation(_)));
    out.push_str("PROJECTS\nproject_id;cost\n");
    for project in &file.projects {
        let cost = amount::write(project.cost.minor_units(), file.scale);
        let _ = writeln!(out, "{};{cost}", quote(project.id.as_str()));
    }
    out.push_str(if cumulative {
        "VOTES\nvoter_id;vote;points\n"
    } else {
        "VOTES\nvoter_id;vote\n"
    });
    for vote in &file.votes {
        let (ids, points): (Vec<&str>, Vec<String>) = match &vote.ballot {
            Ballot::Approval(ids) => (ids.iter().map(|id| id.as_str()).collect(), Vec::new()),
            Ballot::Ranked(ids) => (ids.iter().map(|id| id.as_str()).collect(), Vec::new()),
            Ballot::Allocation(map) => map
                .iter()
                .map(|(id, p)| (id.as_str(), p.to_string()))
                .unzip(),
        };
        let _ = write!(out, "{};{}", quote(&vote.voter), quote(&ids.join(",")));
        if cumulative {
            let _ = write!(out, ";{}", points.join(","));
        }
        out.push('\n');
    }
    out
}
