//! Reading a `.pb` file as pabutools reads it (`parse_pabulib`): rows as
//! Python's csv module splits them, ids kept exactly, amounts exact, and
//! votes as they were cast (see [`super::irregular`]).

use std::collections::{BTreeMap, BTreeSet};

use super::amount::{Decimal, MAX_PLACES};
use super::fields::{Row, rows};
use super::irregular::{IrregularityKind, Tally};
use super::{PbFile, Vote};
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

/// A section's rows after its header, with the header's column names.
struct Section {
    name: &'static str,
    header_line: usize,
    header: Vec<String>,
    rows: Vec<Row>,
}

impl Section {
    fn column(&self, name: &str) -> Result<usize, PbError> {
        self.header
            .iter()
            .position(|h| h.trim() == name)
            .map_or_else(
                || {
                    fail(
                        self.header_line,
                        format!("the {} header has no '{name}' column", self.name),
                    )
                },
                Ok,
            )
    }
}

/// A field of `row`, trimmed, or `None` where pabutools reads "none".
fn field(row: &Row, column: usize) -> Option<&str> {
    row.fields
        .get(column)
        .map(|s| s.trim())
        .filter(|s| !s.eq_ignore_ascii_case("none"))
}

/// The three sections, in order, each with its header row.
fn sections(text: &str) -> Result<[Section; 3], PbError> {
    let mut found: Vec<(usize, Section)> = Vec::new();
    let all = rows(text).or_else(|(line, reason)| fail(line, reason))?;
    let mut all = all.into_iter();
    while let Some(row) = all.next() {
        let name = row.fields[0].trim().to_ascii_uppercase();
        if matches!(name.as_str(), "META" | "PROJECTS" | "VOTES") {
            let expected = ["META", "PROJECTS", "VOTES"][found.len().min(2)];
            if name != expected || found.len() == 3 {
                return fail(
                    row.line,
                    format!("section {name} is out of order (sections are META, PROJECTS, VOTES)"),
                );
            }
            let Some(header) = all.next() else {
                return fail(row.line, format!("section {name} has no header row"));
            };
            found.push((
                row.line,
                Section {
                    name: expected,
                    header_line: header.line,
                    header: header.fields,
                    rows: Vec::new(),
                },
            ));
        } else if let Some((_, section)) = found.last_mut() {
            section.rows.push(row);
        } else {
            return fail(row.line, "the file must start with a META section");
        }
    }
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    match <[(usize, Section); 3]>::try_from(found) {
        Ok([meta, projects, votes]) => Ok([meta.1, projects.1, votes.1]),
        Err(_) => fail(
            lines.last().copied().unwrap_or(0),
            "the file must have META, PROJECTS and VOTES sections",
        ),
    }
}

/// Parses the text of a `.pb` file.
pub fn parse(text: &str) -> Result<PbFile, PbError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let [meta_section, project_section, vote_section] = sections(text)?;
    let mut irregular = Tally::default();

    let meta: Vec<(String, String)> = meta_section
        .rows
        .iter()
        .map(|row| {
            let value = row.fields.get(1).map_or("", |v| v.trim());
            (row.fields[0].trim().to_owned(), value.to_owned())
        })
        .collect();
    let meta_line = |key: &str| {
        meta_section
            .rows
            .iter()
            .find(|r| r.fields[0].trim() == key)
            .map_or(0, |r| r.line)
    };
    let meta_value = |key: &str| meta.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let vote_type = match meta_value("vote_type") {
        Some("approval") | Some("choose-1") | None => VoteType::Approval,
        Some("ordinal") => VoteType::Ordinal,
        Some("cumulative") => VoteType::Cumulative,
        Some(other) => {
            return fail(
                meta_line("vote_type"),
                format!(
                    "vote_type '{other}' is not supported (approval, choose-1, ordinal or cumulative)"
                ),
            );
        }
    };

    // Amounts first as decimals: the file's scale is the most places any
    // of them uses.
    let amount = |text: Option<&str>, line: usize, what: &str| {
        text.and_then(Decimal::parse).map_or_else(
            || {
                fail(
                    line,
                    format!(
                        "{what} must be an amount such as 1500 or 1500.25 (at most {MAX_PLACES} decimal places), not '{}'",
                        text.unwrap_or("")
                    ),
                )
            },
            Ok,
        )
    };
    let budget_line = meta_line("budget");
    let budget = amount(meta_value("budget"), budget_line, "META budget")?;
    let id_column = project_section.column("project_id")?;
    let cost_column = project_section.column("cost")?;
    let mut listed: Vec<(ProjectId, Decimal, usize)> = Vec::new();
    let mut known: BTreeSet<ProjectId> = BTreeSet::new();
    for row in &project_section.rows {
        let raw = field(row, id_column).unwrap_or("");
        let id: ProjectId = raw
            .parse()
            .or_else(|e| fail(row.line, format!("project id '{raw}': {e}")))?;
        let cost = amount(field(row, cost_column), row.line, "a cost")?;
        if cost.is_zero() {
            return fail(row.line, "a cost must be above zero");
        }
        if !known.insert(id.clone()) {
            return fail(row.line, format!("project {id} is listed twice"));
        }
        listed.push((id, cost, row.line));
    }
    let max_sum_cost = meta_value("max_sum_cost").and_then(Decimal::parse);
    let scale = listed
        .iter()
        .map(|(_, cost, _)| cost.places())
        .chain([budget.places()])
        .chain(max_sum_cost.map(Decimal::places))
        .max()
        .unwrap_or(0);
    let units = |amount: Decimal, line: usize| {
        amount.scaled(scale).map(Cents::new).map_or_else(
            || fail(line, "this amount is too large to count exactly"),
            Ok,
        )
    };
    let budget = units(budget, budget_line)?;
    let projects = listed
        .into_iter()
        .map(|(id, cost, line)| {
            Ok(Project {
                id,
                cost: units(cost, line)?,
            })
        })
        .collect::<Result<Vec<_>, PbError>>()?;

    let votes = read_votes(&vote_section, vote_type, &known, &mut irregular)?;
    for (key, actual, line) in [
        ("num_projects", projects.len(), meta_line("num_projects")),
        ("num_votes", votes.len(), meta_line("num_votes")),
    ] {
        if let Some(stated) = meta_value(key)
            && Decimal::parse(stated).and_then(|d| d.scaled(0)) != Some(actual as u64)
        {
            irregular.note_file(
                IrregularityKind::WrongCount(format!(
                    "META {key} is {stated}, the file has {actual}"
                )),
                line,
            );
        }
    }
    Ok(PbFile {
        meta,
        scale,
        budget,
        projects,
        votes,
        irregularities: irregular.into_vec(),
    })
}

/// The VOTES rows as cast.
fn read_votes(
    section: &Section,
    vote_type: VoteType,
    known: &BTreeSet<ProjectId>,
    irregular: &mut Tally,
) -> Result<Vec<Vote>, PbError> {
    let vote_column = section.column("vote")?;
    let voter_column = section.header.iter().position(|h| h.trim() == "voter_id");
    let points_column = section.header.iter().position(|h| h.trim() == "points");
    let mut voters: BTreeSet<String> = BTreeSet::new();
    let mut votes = Vec::with_capacity(section.rows.len());
    for row in &section.rows {
        let n = row.line;
        let voter = voter_column
            .and_then(|c| field(row, c))
            .unwrap_or("")
            .to_owned();
        if !voter.is_empty() && !voters.insert(voter.clone()) {
            irregular.note(IrregularityKind::RepeatedVoter, n);
        }
        let mut ids: Vec<ProjectId> = Vec::new();
        // pabutools splits on "," and skips empty names, without trimming.
        for part in field(row, vote_column).unwrap_or("").split(',') {
            if part.is_empty() {
                continue;
            }
            let id: ProjectId = part
                .trim()
                .parse()
                .or_else(|e| fail(n, format!("vote: project id '{part}': {e}")))?;
            if !known.contains(&id) {
                return fail(
                    n,
                    format!("the vote names project {id}, which is not in PROJECTS"),
                );
            }
            ids.push(id);
        }
        let mut seen = BTreeSet::new();
        if !ids.iter().all(|id| seen.insert(id)) {
            irregular.note(IrregularityKind::RepeatedProject, n);
        }
        let ballot = match vote_type {
            VoteType::Approval => Ballot::Approval(ids.into_iter().collect()),
            VoteType::Ordinal => {
                let mut placed = BTreeSet::new();
                Ballot::Ranked(
                    ids.into_iter()
                        .filter(|id| placed.insert(id.clone()))
                        .collect(),
                )
            }
            VoteType::Cumulative => {
                let points: Vec<&str> = points_column
                    .and_then(|c| field(row, c))
                    .unwrap_or("")
                    .split(',')
                    .collect();
                if !ids.is_empty() && points.len() < ids.len() {
                    return fail(n, "'points' must list one number per project in 'vote'");
                }
                let mut map = BTreeMap::new();
                for (id, p) in ids.into_iter().zip(points) {
                    let Some(p) = Decimal::parse(p).and_then(|d| d.scaled(0)) else {
                        return fail(
                            n,
                            format!("points must be whole numbers, not '{}'", p.trim()),
                        );
                    };
                    // A later entry for the same project replaces the
                    // earlier one, as in pabutools' dictionary ballots.
                    map.insert(id, p);
                }
                map.retain(|_, p| *p > 0);
                Ballot::Allocation(map)
            }
        };
        votes.push(Vote {
            voter,
            ballot,
            line: n,
        });
    }
    Ok(votes)
}
