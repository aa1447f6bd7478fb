//! Reading a `.pb` file as pabutools reads it (`parse_pabulib`): rows as
//! Python's csv module splits them, ids kept exactly, amounts exact, and
//! votes as they were cast (see [`super::irregular`]).

use std::collections::{BTreeMap, BTreeSet};

use super::amount::{Decimal, MAX_PLACES};
use super::fields::{Row, Rows};
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
struct Section<'a> {
    name: &'static str,
    header_line: usize,
    header: Vec<String>,
    rows: Vec<Row<'a>>,
}

impl Section<'_> {
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
fn field<'r>(row: &'r Row<'_>, column: usize) -> Option<&'r str> {
    none_is_none(row.get(column)?)
}

/// `text` trimmed, or `None` where pabutools reads "none".
fn none_is_none(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|s| !s.eq_ignore_ascii_case("none"))
}

/// The section a row starts, if its first field names one.
fn section_name(first: &str) -> Option<&'static str> {
    let first = first.trim();
    ["META", "PROJECTS", "VOTES"]
        .into_iter()
        .find(|name| first.eq_ignore_ascii_case(name))
}

/// pabutools skips a row that is one blank field.
fn is_blank(row: &Row<'_>) -> bool {
    row.first().trim().is_empty() && row.len() == 1
}

/// The three sections, in order, each with its header row; the VOTES
/// section's rows are left in the returned rows, to be read one by one.
fn sections(text: &str) -> Result<([Section<'_>; 3], Rows<'_>), PbError> {
    let mut found: Vec<(usize, Section)> = Vec::new();
    let mut all = Rows::new(text);
    while found.len() < 3 {
        let Some(row) = all.next() else {
            return fail(
                found.last().map_or(0, |(line, _)| *line),
                "the file must have META, PROJECTS and VOTES sections",
            );
        };
        let row = row.or_else(|(line, reason)| fail(line, reason))?;
        if is_blank(&row) {
            continue;
        }
        if let Some(name) = section_name(row.first()) {
            let expected = ["META", "PROJECTS", "VOTES"][found.len()];
            if name != expected {
                return out_of_order(row.line, name);
            }
            let Some(header) = all.next() else {
                return fail(row.line, format!("section {name} has no header row"));
            };
            let header = header.or_else(|(line, reason)| fail(line, reason))?;
            found.push((
                row.line,
                Section {
                    name: expected,
                    header_line: header.line,
                    header: header.to_vec(),
                    rows: Vec::new(),
                },
            ));
        } else if let Some((_, section)) = found.last_mut() {
            section.rows.push(row);
        } else {
            return fail(row.line, "the file must start with a META section");
        }
    }
    match <[(usize, Section<'_>); 3]>::try_from(found) {
        Ok([meta, projects, votes]) => Ok(([meta.1, projects.1, votes.1], all)),
        Err(_) => unreachable!("the loop ends with three sections"),
    }
}

fn out_of_order<T>(line: usize, name: &str) -> Result<T, PbError> {
    fail(
        line,
        format!("section {name} is out of order (sections are META, PROJECTS, VOTES)"),
    )
}

/// Parses the text of a `.pb` file.
pub fn parse(text: &str) -> Result<PbFile, PbError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ([meta_section, project_section, vote_section], vote_rows) = sections(text)?;
    let mut irregular = Tally::default();

    let meta: Vec<(String, String)> = meta_section
        .rows
        .iter()
        .map(|row| {
            let value = row.get(1).map_or("", str::trim);
            (row.first().trim().to_owned(), value.to_owned())
        })
        .collect();
    let meta_line = |key: &str| {
        meta_section
            .rows
            .iter()
            .find(|r| r.first().trim() == key)
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

    // Room for a vote per line: growing a list of a million votes would
    // copy it over and over.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let votes = read_votes(
        &vote_section,
        (vote_rows, lines),
        vote_type,
        &known,
        &mut irregular,
    )?;
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
    section: &Section<'_>,
    (rows, lines): (Rows<'_>, usize),
    vote_type: VoteType,
    known: &BTreeSet<ProjectId>,
    irregular: &mut Tally,
) -> Result<Vec<Vote>, PbError> {
    let vote_column = section.column("vote")?;
    let voter_column = section.header.iter().position(|h| h.trim() == "voter_id");
    let points_column = section.header.iter().position(|h| h.trim() == "points");
    let ids_by_name = super::ids::Ids::new(known);
    let mut votes = Vec::with_capacity(lines);
    // The vote's projects by number (see `Ids`), so that repeats are
    // found by comparing numbers.
    let mut ids: Vec<u32> = Vec::new();
    for row in rows {
        let row = row.or_else(|(line, reason)| fail(line, reason))?;
        if is_blank(&row) {
            continue;
        }
        if let Some(name) = section_name(row.first()) {
            return out_of_order(row.line, name);
        }
        let n = row.line;
        let [voter, vote, points] = row
            .pick([voter_column, Some(vote_column), points_column])
            .map(|cell| cell.and_then(none_is_none));
        let voter = voter.unwrap_or("");
        ids.clear();
        // pabutools splits on "," and skips empty names, without trimming.
        for part in vote.unwrap_or("").split(',') {
            if part.is_empty() {
                continue;
            }
            let Some(id) = ids_by_name.get(part.trim()) else {
                let id: ProjectId = part
                    .trim()
                    .parse()
                    .or_else(|e| fail(n, format!("vote: project id '{part}': {e}")))?;
                return fail(
                    n,
                    format!("the vote names project {id}, which is not in PROJECTS"),
                );
            };
            ids.push(id);
        }
        // Votes are short: a quadratic look for repeats is the fast one.
        let repeated = ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id));
        if repeated {
            irregular.note(IrregularityKind::RepeatedProject, n);
        }
        let ballot = match vote_type {
            VoteType::Approval => {
                Ballot::Approval(ids.drain(..).map(|n| ids_by_name.id(n).clone()).collect())
            }
            VoteType::Ordinal => {
                let mut order: Vec<ProjectId> = Vec::with_capacity(ids.len());
                for (i, &n) in ids.iter().enumerate() {
                    if !ids[..i].contains(&n) {
                        order.push(ids_by_name.id(n).clone());
                    }
                }
                Ballot::Ranked(order)
            }
            VoteType::Cumulative => {
                let points: Vec<&str> = points.unwrap_or("").split(',').collect();
                if !ids.is_empty() && points.len() < ids.len() {
                    return fail(n, "'points' must list one number per project in 'vote'");
                }
                let mut map = BTreeMap::new();
                for (id, p) in ids.drain(..).map(|n| ids_by_name.id(n).clone()).zip(points) {
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
            voter: voter.to_owned(),
            ballot,
            line: n,
        });
    }
    let mut voters: Vec<(&str, usize)> = Vec::with_capacity(votes.len());
    voters.extend(
        votes
            .iter()
            .filter(|vote| !vote.voter.is_empty())
            .map(|vote| (vote.voter.as_str(), vote.line)),
    );
    for line in super::repeats::repeated_lines(&voters) {
        irregular.note(IrregularityKind::RepeatedVoter, line);
    }
    Ok(votes)
}
