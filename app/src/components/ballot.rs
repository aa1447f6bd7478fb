//! A ballot in words, shared by the review step (in the ballot island)
//! and the review page that plain forms reach: the check against the
//! cycle's limits and the summary ("You are funding 4 projects for …").

use counting::{Ballot, Cents, Manifest, Project, ProjectId, Rule, TieBreak};
use leptos::either::Either;
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::BallotSheet;
use crate::components::money::format_money;
use crate::i18n::{Namer, VoteStrings, tv};

/// The limits a ballot is checked against, from the sheet (the same
/// values as the frozen manifest's; the server checks again with it).
pub fn manifest_of(sheet: &BallotSheet) -> Manifest {
    Manifest {
        budget: Cents::new(sheet.budget),
        projects: sheet
            .projects
            .iter()
            .filter_map(|p| {
                Some(Project {
                    id: p.id.parse().ok()?,
                    cost: Cents::new(p.cost),
                })
            })
            .collect(),
        ballot: sheet.rules.clone(),
        rule: Rule::Greedy,
        tie_break: TieBreak::CheapestThenSeeded,
    }
}

/// An amount in the sheet's currency.
pub fn money(sheet: &BallotSheet, minor_units: u64) -> String {
    format_money(Cents::new(minor_units), &sheet.currency)
}

/// A project's title on the sheet (its id if it has none).
pub fn title(sheet: &BallotSheet, id: &str) -> String {
    sheet
        .projects
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.title.clone())
}

/// The ballot `fields` make, or the message that names the limit and the
/// project.
pub fn check(
    sheet: &BallotSheet,
    fields: &BallotFields,
    text: &VoteStrings,
) -> Result<Ballot, String> {
    let manifest = manifest_of(sheet);
    let project = |id: &ProjectId| title(sheet, id.as_str());
    let amount = |cents: Cents| format_money(cents, &sheet.currency);
    let namer = Namer {
        project: &project,
        money: &amount,
    };
    let kind = counting::ballot::rules_kind(&sheet.rules);
    let ballot = fields
        .parse(kind)
        .map_err(|e| (text.form_error)(&e, &namer))?;
    ballot
        .validate(&manifest)
        .map_err(|e| (text.ballot_error)(&e, &namer))?;
    Ok(ballot)
}

/// The total cost of the approved projects of `fields`.
pub fn spent(sheet: &BallotSheet, fields: &BallotFields) -> u64 {
    sheet
        .projects
        .iter()
        .filter(|p| fields.choices.get(&p.id).is_some_and(|v| !v.is_empty()))
        .map(|p| p.cost)
        .sum()
}

/// The review: one sentence and the choices, in words.
#[component]
pub fn BallotSummary(
    /// The ballot's sheet (titles, costs, currency).
    sheet: BallotSheet,
    /// The checked ballot.
    ballot: Ballot,
) -> impl IntoView {
    let text = tv();
    let (sentence, lines): (String, Vec<String>) = match &ballot {
        Ballot::Approval(set) => {
            let total: u64 = sheet
                .projects
                .iter()
                .filter(|p| p.id.parse::<ProjectId>().is_ok_and(|id| set.contains(&id)))
                .map(|p| p.cost)
                .sum();
            (
                (text.funding)(
                    set.len(),
                    &money(&sheet, total),
                    &money(&sheet, sheet.budget),
                ),
                set.iter()
                    .map(|id| {
                        let cost = sheet.projects.iter().find(|p| p.id == id.as_str());
                        format!(
                            "{} ({})",
                            title(&sheet, id.as_str()),
                            money(&sheet, cost.map_or(0, |p| p.cost))
                        )
                    })
                    .collect(),
            )
        }
        Ballot::Ranked(order) => (
            (text.ranking)(order.len()),
            order.iter().map(|id| title(&sheet, id.as_str())).collect(),
        ),
        Ballot::Allocation(points) => {
            let all = match sheet.rules {
                counting::BallotRules::Allocation { points, .. } => points,
                _ => 0,
            };
            let given: u128 = points.values().map(|p| u128::from(*p)).sum();
            (
                (text.giving)(given, all),
                points
                    .iter()
                    .map(|(id, p)| format!("{}: {p}", title(&sheet, id.as_str())))
                    .collect(),
            )
        }
    };
    let ordered = matches!(ballot, Ballot::Ranked(_));
    let items = lines
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view();
    view! {
        <p class="summary-sentence">{sentence}</p>
        {if ordered {
            Either::Left(view! { <ol class="summary-list">{items}</ol> })
        } else {
            Either::Right(view! { <ul class="summary-list">{items}</ul> })
        }}
    }
}
