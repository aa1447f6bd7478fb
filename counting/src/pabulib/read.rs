//! Reading a `.pb` file.

use std::collections::{BTreeMap, BTreeSet};

use super::PbFile;
use super::fields::split;
use crate::{Ballot, Cents, Project, ProjectId};

/// Why a `.pb` file cannot be read: the 1-based line and the reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct PbError {
    /// 1-based line number (0 when the problem is the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

fn fail<T>(line: usize, reason: impl Into<String>) -> Result<T, PbError> {
    Err(PbError {
        line,
        reason: reason.into(),
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum VoteType {
    Approval,
    Ordinal,
    Cumulative,
}

/// A whole number, also written with a zero fraction (`"1500.0"`).
fn whole(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = match text.split_once('.') {
        Some((int, frac)) if frac.chars().all(|c| c == '0') => int,
        Some(_) => return None,
        None => text,
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn column(header: &[String], name: &str, line: usize, section: &str) -> Result<usize, PbError> {
    header.iter().position(|h| h.trim() == name).map_or_else(
        || fail(line, format!("the {section} header has no '{name}' column")),
        Ok,
    )
}

/// Parses the text of a `.pb` file.
pub fn parse(text: &str) -> Result<PbFile, PbError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .peekable();
    let mut section = "";
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut projects: Vec<Project> = Vec::new();
    let mut known: BTreeSet<ProjectId> = BTreeSet::new();
    let mut votes: Vec<(String, Ballot)> = Vec::new();
    let mut voters: BTreeSet<String> = BTreeSet::new();
    let mut columns: BTreeMap<&str, usize> = BTreeMap::new();
    let mut vote_type = VoteType::Approval;
    while let Some((n, line)) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        let upper = line.trim().to_ascii_uppercase();
        if matches!(upper.as_str(), "META" | "PROJECTS" | "VOTES") {
            let expected = match section {
                "" => "META",
                "META" => "PROJECTS",
                "PROJECTS" => "VOTES",
                _ => "",
            };
            if upper != expected {
                return fail(
                    n,
                    format!("section {upper} is out of order (sections are META, PROJECTS, VOTES)"),
                );
            }
            section = expected;
            let Some((h, header)) = lines.next() else {
                return fail(n, format!("section {upper} has no header row"));
            };
            let header = split(header).or_else(|e| fail(h, e))?;
            columns.clear();
            match section {
                "META" => {
                    columns.insert("key", column(&header, "key", h, "META")?);
                    columns.insert("value", column(&header, "value", h, "META")?);
                }
                "PROJECTS" => {
                    vote_type = match meta
                        .iter()
                        .find(|(k, _)| k == "vote_type")
                        .map(|(_, v)| v.as_str())
                    {
                        Some("approval") | Some("choose-1") | None => VoteType::Approval,
                        Some("ordinal") => VoteType::Ordinal,
                        Some("cumulative") => VoteType::Cumulative,
                        Some(other) => {
                            return fail(
                                n,
                                format!(
                                    "vote_type '{other}' is not supported (approval, ordinal or cumulative)"
                                ),
                            );
                        }
                    };
                    columns.insert("project_id", column(&header, "project_id", h, "PROJECTS")?);
                    columns.insert("cost", column(&header, "cost", h, "PROJECTS")?);
                }
                _ => {
                    columns.insert("voter_id", column(&header, "voter_id", h, "VOTES")?);
                    columns.insert("vote", column(&header, "vote", h, "VOTES")?);
                    if vote_type == VoteType::Cumulative {
                        columns.insert("points", column(&header, "points", h, "VOTES")?);
                    }
                }
            }
            continue;
        }
        let fields = split(line).or_else(|e| fail(n, e))?;
        let get = |name: &str| -> Result<&str, PbError> {
            let i = columns.get(name).copied().unwrap_or(usize::MAX);
            fields
                .get(i)
                .map(|s| s.trim())
                .map_or_else(|| fail(n, format!("the row has no '{name}' field")), Ok)
        };
        match section {
            "META" => meta.push((get("key")?.to_owned(), get("value")?.to_owned())),
            "PROJECTS" => {
                let id: ProjectId = get("project_id")?
                    .parse()
                    .or_else(|e| fail(n, format!("project id: {e}")))?;
                let cost = whole(get("cost")?).filter(|c| *c > 0);
                let Some(cost) = cost else {
                    return fail(n, "a cost must be a whole number above zero");
                };
                if !known.insert(id.clone()) {
                    return fail(n, format!("project {id} is listed twice"));
                }
                projects.push(Project {
                    id,
                    cost: Cents::new(cost),
                });
            }
            "VOTES" => {
                let voter = get("voter_id")?.to_owned();
                if !voters.insert(voter.clone()) {
                    return fail(n, format!("voter {voter} votes twice"));
                }
                let mut ids = Vec::new();
                for part in get("vote")?
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    let id: ProjectId = part.parse().or_else(|e| fail(n, format!("vote: {e}")))?;
                    if !known.contains(&id) {
                        return fail(
                            n,
                            format!("the vote names project {id}, which is not in PROJECTS"),
                        );
                    }
                    if ids.contains(&id) {
                        return fail(n, format!("the vote names project {id} twice"));
                    }
                    ids.push(id);
                }
                let ballot = match vote_type {
                    VoteType::Approval => Ballot::Approval(ids.into_iter().collect()),
                    VoteType::Ordinal => Ballot::Ranked(ids),
                    VoteType::Cumulative => {
                        let points: Vec<&str> = get("points")?
                            .split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect();
                        if points.len() != ids.len() {
                            return fail(n, "'points' must list one number per project in 'vote'");
                        }
                        let mut map = BTreeMap::new();
                        for (id, p) in ids.into_iter().zip(points) {
                            let Some(p) = whole(p) else {
                                return fail(n, "points must be whole numbers");
                            };
                            if p > 0 {
                                map.insert(id, p);
                            }
                        }
                        Ballot::Allocation(map)
                    }
                };
                votes.push((voter, ballot));
            }
            _ => return fail(n, "the file must start with a META section"),
        }
    }
    if section != "VOTES" {
        return fail(0, "the file must have META, PROJECTS and VOTES sections");
    }
    let budget = match meta.iter().find(|(k, _)| k == "budget") {
        Some((_, v)) => whole(v)
            .map(Cents::new)
            .map_or_else(|| fail(0, "META budget must be a whole number"), Ok)?,
        None => return fail(0, "META has no budget"),
    };
    for (key, actual) in [("num_projects", projects.len()), ("num_votes", votes.len())] {
        if let Some((_, v)) = meta.iter().find(|(k, _)| k == key)
            && whole(v) != Some(actual as u64)
        {
            return fail(0, format!("META {key} is {v} but the file has {actual}"));
        }
    }
    Ok(PbFile {
        meta,
        budget,
        projects,
        votes,
    })
}
