//! Words and chart data from a certified record: pure, so the page's
//! sentences are tested on records made in the tests, in both languages.

mod runoff;
mod spending;
mod why;

use std::collections::BTreeMap;

use counting::record::export::{ProjectTally, ballots, project_tallies};
use counting::record::{Decision, GroupTurnout, Record, Source};
use counting::transcript::{Event, Exact, Round};
use counting::{BallotRules, Cents, FrozenManifest, ProjectId, Rule, TieBreak};

use super::{CycleResults, ProjectRow, Slice};
use crate::components::money::format_money;
use crate::i18n::ResultsStrings;

/// What every part of the builder reads: the record, the manifest, the
/// words, and each project's title, cost and tally by id.
pub(super) struct Sources<'a> {
    pub record: &'a Record,
    pub frozen: &'a FrozenManifest,
    pub text: &'static ResultsStrings,
    pub projects: BTreeMap<&'a ProjectId, (&'a str, Cents, ProjectTally)>,
    /// Every ballot in the record.
    pub ballots: u64,
}

impl Sources<'_> {
    /// An amount as money in the cycle's currency.
    pub fn money(&self, amount: Cents) -> String {
        format_money(amount, self.frozen.election.currency.code())
    }

    /// An exact amount of minor units as money, to the nearest unit.
    pub fn money_exact(&self, amount: &Exact) -> String {
        self.money(Cents::new(amount.rounded().unwrap_or(0)))
    }

    /// A project's title (its id if the manifest has none).
    pub fn title(&self, id: &ProjectId) -> String {
        self.projects
            .get(id)
            .map_or_else(|| id.to_string(), |(title, _, _)| (*title).to_owned())
    }

    /// Titles joined for a sentence: "A", "A and B", "A, B and C".
    pub fn titles(&self, ids: &[ProjectId]) -> String {
        let titles: Vec<String> = ids.iter().map(|id| self.title(id)).collect();
        match titles.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), self.text.and),
        }
    }

    /// A project's cost.
    pub fn cost(&self, id: &ProjectId) -> Cents {
        self.projects.get(id).map_or(Cents::new(0), |p| p.1)
    }

    /// Every round.
    pub fn rounds(&self) -> &[Round] {
        &self.record.outcome.rounds
    }

    /// The name of the score, in a sentence.
    pub fn score_name(&self) -> &'static str {
        let names = self.text.score_names;
        match (self.frozen.manifest.rule, &self.frozen.manifest.ballot) {
            (Rule::Irv | Rule::Stv { .. }, _) => names[3],
            (_, BallotRules::Approval { .. }) => names[0],
            (_, BallotRules::Allocation { .. }) => names[1],
            (_, BallotRules::Ranked { .. }) => names[2],
        }
    }

    /// STV's Droop quota, ⌊ballots / (seats + 1)⌋ + 1.
    pub fn quota(&self) -> u64 {
        match self.frozen.manifest.rule {
            Rule::Stv { seats } => self.ballots / (u64::from(seats) + 1) + 1,
            _ => 0,
        }
    }
}

/// The results of cycle `cycle_id` named `name`, from its certified
/// record, in `text`'s language.
pub fn results(
    cycle_id: i32,
    name: &str,
    frozen: &FrozenManifest,
    record: &Record,
    text: &'static ResultsStrings,
) -> CycleResults {
    let tallies = ballots(frozen, record)
        .map(|b| project_tallies(frozen, &b))
        .unwrap_or_else(|| vec![ProjectTally::default(); frozen.manifest.projects.len()]);
    let projects = frozen
        .projects()
        .zip(tallies)
        .map(|((p, title), tally)| (&p.id, (title, p.cost, tally)))
        .collect();
    let sources = Sources {
        record,
        frozen,
        text,
        projects,
        ballots: record.log.entries.len() as u64,
    };
    let budget = frozen.manifest.budget;
    let spent = record.outcome.spent;
    let left = Cents::new(budget.minor_units().saturating_sub(spent.minor_units()));
    let budgeting = frozen.manifest.rule.is_budgeting();
    let score_name = sources.score_name();
    let method = match frozen.manifest.rule {
        Rule::Greedy => (text.method_greedy)(score_name),
        Rule::Mes { .. } => text.method_mes.to_owned(),
        Rule::Irv => text.method_irv.to_owned(),
        Rule::Stv { seats } => (text.method_stv)(seats, &sources.quota().to_string()),
    };
    let funded = record
        .outcome
        .winners
        .iter()
        .map(|id| Slice {
            title: sources.title(id),
            cost: sources.money(sources.cost(id)),
            cost_cents: sources.cost(id).minor_units(),
        })
        .collect();
    CycleResults {
        cycle_id,
        name: name.to_owned(),
        certified: certified(&sources),
        method,
        budgeting,
        spent: (text.spent)(
            &sources.money(spent),
            &sources.money(budget),
            &sources.money(left),
        ),
        budget_cents: budget.minor_units(),
        left: sources.money(left),
        funded,
        score_name: score_name.to_owned(),
        score_heading: capitalised(score_name),
        projects: project_rows(&sources),
        rounds: if budgeting {
            spending::rounds(&sources)
        } else {
            runoff::rounds(&sources)
        },
        ties: ties(&sources),
        seed: [
            record.seed.sealed_root.clone(),
            record
                .seed
                .reveals
                .iter()
                .filter(|r| r.secret.is_some())
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            record.seed.seed.clone(),
        ],
        ballots: ballots_said(&sources),
        groups: by_name(&record.turnout)
            .into_iter()
            .map(|g| {
                let tenths = (g.used * 1000).checked_div(g.issued).unwrap_or(0);
                (
                    g.group.clone(),
                    (text.used_of)(g.used, g.issued),
                    u32::try_from(tenths).unwrap_or(1000),
                )
            })
            .collect(),
        record_hash: record.record_hash.clone(),
    }
}

/// Roster groups in the order people count them: "Grade 9" before
/// "Grade 10" (runs of digits compare as numbers).
fn by_name(groups: &[GroupTurnout]) -> Vec<&GroupTurnout> {
    fn key(name: &str) -> Vec<(String, u64)> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = name.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                let mut number = u64::from(c.to_digit(10).unwrap_or(0));
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    number = number.saturating_mul(10).saturating_add(u64::from(d));
                    chars.next();
                }
                parts.push((std::mem::take(&mut text), number));
            } else {
                text.push(c);
            }
        }
        parts.push((text, 0));
        parts
    }
    let mut sorted: Vec<&GroupTurnout> = groups.iter().collect();
    sorted.sort_by_cached_key(|g| key(&g.group));
    sorted
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Who certified: the members whose latest decision certifies.
fn certified(sources: &Sources<'_>) -> String {
    let latest = sources.record.latest_decisions();
    let names: Vec<&str> = latest
        .values()
        .filter(|c| c.decision == Decision::Certify)
        .map(|c| c.name.as_str())
        .collect();
    (sources.text.certified_by)(
        names.len(),
        sources.frozen.election.committee,
        &names.join(", "),
    )
}

/// Every project: the winners in order, then the rest by score.
fn project_rows(sources: &Sources<'_>) -> Vec<ProjectRow> {
    let text = sources.text;
    let winners = &sources.record.outcome.winners;
    let runoff_scores = runoff::first_choices(sources);
    let mut rows: Vec<(Option<usize>, u64, ProjectRow)> = sources
        .projects
        .iter()
        .map(|(&id, &(title, cost, tally))| {
            let place = winners.iter().position(|w| w == id);
            let (score, score_value) = match runoff_scores.get(id) {
                Some(votes) => (votes.to_string(), votes.rounded().unwrap_or(0)),
                None if sources.frozen.manifest.rule.is_budgeting() => {
                    (tally.score.to_string(), tally.score)
                }
                None => ("0".to_owned(), 0),
            };
            let result = match (place, sources.frozen.manifest.rule.is_budgeting()) {
                (Some(at), true) => (text.funded_word)(at + 1),
                (None, true) => text.not_funded_word.to_owned(),
                (Some(_), false) => text.elected_word.to_owned(),
                (None, false) => text.not_elected_word.to_owned(),
            };
            let row = ProjectRow {
                id: id.to_string(),
                title: title.to_owned(),
                cost: sources.money(cost),
                supporters: tally.supporters,
                score,
                result,
                won: place.is_some(),
                why: why::why(sources, id, tally),
            };
            (place, score_value, row)
        })
        .collect();
    rows.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => b.1.cmp(&a.1).then_with(|| a.2.title.cmp(&b.2.title)),
    });
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// Each tie broken, in a sentence.
fn ties(sources: &Sources<'_>) -> Vec<String> {
    let policy = |policy: TieBreak| {
        sources.text.policies[match policy {
            TieBreak::CheapestThenSeeded => 0,
            TieBreak::PreviousRoundThenSeeded => 1,
            TieBreak::Id => 2,
        }]
    };
    sources
        .rounds()
        .iter()
        .flat_map(|round| &round.events)
        .filter_map(|event| match event {
            Event::TieBroken {
                tied,
                chosen,
                policy: used,
            } => Some((sources.text.tie)(
                &sources.titles(tied),
                policy(*used),
                &sources.title(chosen),
            )),
            _ => None,
        })
        .collect()
}

/// The ballots: online and on paper, and imported votes if any.
fn ballots_said(sources: &Sources<'_>) -> Vec<String> {
    let from = |source| sources.record.entries_from(source);
    let (online, paper, imported) = (
        from(Source::Online),
        from(Source::Paper),
        from(Source::Imported),
    );
    let mut said = Vec::new();
    if online + paper > 0 || imported == 0 {
        said.push((sources.text.ballots)(online + paper, online, paper));
    }
    if imported > 0 {
        said.push((sources.text.imported)(imported));
    }
    if sources.record.spoiled_paper > 0 {
        said.push((sources.text.spoiled)(sources.record.spoiled_paper));
    }
    said
}

#[cfg(test)]
mod tests;
