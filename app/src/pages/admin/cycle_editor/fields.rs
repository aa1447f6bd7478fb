//! The cycle editor's inputs, named `settings[…]` as `CycleForm` expects,
//! and the read-only summary shown once voting has frozen them.

use leptos::prelude::*;

use crate::api::cycle_editor::Candidate;
use crate::domain::CycleForm;
use crate::domain::cycle_form::NAME_MAX;
use crate::i18n::{Strings, t};

/// `(value, label)` choices of each select.
fn kinds(text: &'static Strings) -> [(&'static str, &'static str); 3] {
    [
        ("approval", text.kind_approval),
        ("ranked", text.kind_ranked),
        ("allocation", text.kind_allocation),
    ]
}

fn rules(text: &'static Strings) -> [(&'static str, &'static str); 4] {
    [
        ("mes", text.rule_mes),
        ("greedy", text.rule_greedy),
        ("irv", text.rule_irv),
        ("stv", text.rule_stv),
    ]
}

fn tie_breaks(text: &'static Strings) -> [(&'static str, &'static str); 3] {
    [
        ("cheapest-then-seeded", text.tie_cheapest),
        ("previous-round-then-seeded", text.tie_previous),
        ("id", text.tie_id),
    ]
}

const COMPLETIONS: [(&str, &str); 4] = [
    ("add1-greedy", "add1 + greedy"),
    ("add1", "add1"),
    ("greedy", "greedy"),
    ("none", "none"),
];

fn options(choices: &[(&'static str, &'static str)], current: &str) -> impl IntoView + use<> {
    choices
        .iter()
        .map(|(value, label)| {
            view! { <option value=*value selected=*value == current>{*label}</option> }
        })
        .collect_view()
}

fn label_of(choices: &[(&'static str, &'static str)], value: &str) -> &'static str {
    choices
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, label)| label)
}

/// A labelled text input named `settings[name]`.
fn input(
    name: &'static str,
    label: &'static str,
    value: String,
    mode: &'static str,
) -> impl IntoView {
    let id = format!("cycle-{}", name.replace('_', "-"));
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id name=format!("settings[{name}]") value=value inputmode=mode />
    }
}

/// Every setting of a cycle, filled in from `form`.
#[component]
pub fn SettingsFields(
    /// Starting values.
    form: CycleForm,
    /// Accounts that may sit on the committee.
    candidates: Vec<Candidate>,
) -> impl IntoView {
    let text = t();
    let none_to_pick = candidates.is_empty();
    // Only the limits of the chosen ballot type and the options of the
    // chosen rule are shown, by the stylesheet (`.cycle-form:has(…)`), so
    // they follow the selects with no code in the browser. The hidden ones
    // are still sent, so a plain form post keeps their values.
    view! {
        <label for="cycle-name">{text.cycle_name}</label>
        <input id="cycle-name" name="settings[name]" required maxlength=NAME_MAX value=form.name />
        <label for="cycle-school">{text.school_name}</label>
        <input id="cycle-school" name="settings[school]" required maxlength=NAME_MAX value=form.school />
        <label for="cycle-description">{text.cycle_description}</label>
        <textarea id="cycle-description" name="settings[description]" required rows="4">{form.description}</textarea>
        {input("currency", text.currency, form.currency, "text")}
        {input("budget", text.total_budget, form.budget, "decimal")}
        <fieldset>
            <legend>{text.ballot_heading}</legend>
            <label for="cycle-ballot-kind">{text.ballot_kind}</label>
            <select id="cycle-ballot-kind" name="settings[ballot_kind]">
                {options(&kinds(text), &form.ballot_kind)}
            </select>
            <fieldset data-for-kind="approval">
                <legend>{text.approval_limits}</legend>
                {input("min_projects", text.min_projects, form.min_projects, "numeric")}
                {input("max_projects", text.max_projects, form.max_projects, "numeric")}
                {input("min_budget_percent", text.min_budget_percent, form.min_budget_percent, "numeric")}
            </fieldset>
            <fieldset data-for-kind="ranked">
                <legend>{text.ranked_limits}</legend>
                {input("max_ranks", text.max_ranks, form.max_ranks, "numeric")}
            </fieldset>
            <fieldset data-for-kind="allocation">
                <legend>{text.allocation_limits}</legend>
                {input("points", text.points, form.points, "numeric")}
                <label class="check">
                    <input type="checkbox" name="settings[must_use_all]" checked=form.must_use_all.is_some() />
                    {text.must_use_all}
                </label>
            </fieldset>
        </fieldset>
        <fieldset>
            <legend>{text.counting_heading}</legend>
            <label for="cycle-rule">{text.rule}</label>
            <select id="cycle-rule" name="settings[rule]">
                {options(&rules(text), &form.rule)}
            </select>
            <div class="group" data-for-rule="mes">
                <label for="cycle-completion">{text.completion}</label>
                <select id="cycle-completion" name="settings[completion]">{options(&COMPLETIONS, &form.completion)}</select>
            </div>
            <div class="group" data-for-rule="stv">
                {input("seats", text.seats, form.seats, "numeric")}
            </div>
            <label for="cycle-tie-break">{text.tie_break}</label>
            <select id="cycle-tie-break" name="settings[tie_break]">{options(&tie_breaks(text), &form.tie_break)}</select>
        </fieldset>
        <fieldset>
            <legend>{text.committee_heading}</legend>
            {none_to_pick.then(|| view! { <p class="notice">{text.no_committee_accounts}</p> })}
            {candidates
                .into_iter()
                .map(|c| {
                    let ticked = form.committee.contains(&c.id.to_string());
                    view! {
                        <label class="check">
                            <input type="checkbox" name=format!("settings[committee][{}]", c.id) value=c.id checked=ticked />
                            {format!("{} ({})", c.display_name, c.username)}
                        </label>
                    }
                })
                .collect_view()}
            {input("certify_k", text.certify_k, form.certify_k, "numeric")}
        </fieldset>
    }
}

/// The settings as read-only text.
#[component]
pub fn SettingsSummary(
    /// The stored settings.
    form: CycleForm,
    /// Accounts that may sit on the committee (to name the members).
    candidates: Vec<Candidate>,
) -> impl IntoView {
    let text = t();
    let members: Vec<String> = candidates
        .iter()
        .filter(|c| form.committee.contains(&c.id.to_string()))
        .map(|c| c.display_name.clone())
        .collect();
    let limits = match form.ballot_kind.as_str() {
        "approval" => format!(
            "{} {} · {} {} · {} {}",
            text.min_projects,
            form.min_projects,
            text.max_projects,
            form.max_projects,
            text.min_budget_percent,
            form.min_budget_percent
        ),
        "ranked" => format!("{} {}", text.max_ranks, form.max_ranks),
        _ => format!(
            "{} {}{}",
            text.points,
            form.points,
            if form.must_use_all.is_some() {
                format!(" · {}", text.must_use_all)
            } else {
                String::new()
            }
        ),
    };
    let rule = match form.rule.as_str() {
        "mes" => format!("{} ({})", text.rule_mes, form.completion),
        "stv" => format!("{} ({} {})", text.rule_stv, text.seats, form.seats),
        other => label_of(&rules(text), other).to_owned(),
    };
    view! {
        <dl class="settings-summary">
            <dt>{text.total_budget}</dt><dd>{format!("{} {}", form.budget, form.currency)}</dd>
            <dt>{text.ballot_kind}</dt><dd>{label_of(&kinds(text), &form.ballot_kind)}</dd>
            <dt>{text.ballot_heading}</dt><dd>{limits}</dd>
            <dt>{text.rule}</dt><dd>{rule}</dd>
            <dt>{text.tie_break}</dt><dd>{label_of(&tie_breaks(text), &form.tie_break)}</dd>
            <dt>{text.committee_heading}</dt><dd>{members.join(", ")}</dd>
            <dt>{text.certify_k}</dt><dd>{format!("{} / {}", form.certify_k, form.committee.len())}</dd>
        </dl>
    }
}
