//! `/cycles/:id/results`: a certified cycle's results for everyone. What
//! was funded against the budget, every project with its support and why
//! it was or was not funded, the rounds as charts with their tables, the
//! ties and the seed, who took part, and how to check it all. Drawn
//! entirely on the server: it works with JavaScript off and prints.

mod charts;
mod rounds;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::results::{CycleResults, ProjectRow, published_results};
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{ResultsStrings, t, tr};
use charts::BudgetBar;
use counting::transcript::percent_text;

/// `/cycles/:id/results`.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let text = tr();
    let params = use_params_map();
    let raw_id = move || params.read().get("id").unwrap_or_default();
    let results = Resource::new(raw_id, move |raw| async move {
        match raw.parse::<i32>() {
            Ok(id) => published_results(id).await,
            Err(_) => Err(AppError::new(
                http::StatusCode::NOT_FOUND,
                text.no_such_cycle,
            )),
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    let results = results.await?;
                    Ok::<_, AppError>(view! { <ResultsView results /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ResultsView(results: CycleResults) -> impl IntoView {
    let text = tr();
    let title = (text.title)(&results.name);
    let CycleResults {
        cycle_id,
        certified,
        method,
        budgeting,
        spent,
        budget_cents,
        left,
        funded,
        score_name,
        score_heading,
        projects,
        rounds,
        ties,
        seed,
        ballots,
        groups,
        record_hash,
        ..
    } = results;
    let [budget_project, budget_cost] = text.budget_columns;
    let won = if budgeting {
        view! {
            <h2 id="funded-heading">{text.funded_heading}</h2>
            <p class="spent">{spent}</p>
            <div class="chart-pair">
                <BudgetBar funded=funded.clone() budget=budget_cents />
                <table class="data">
                    <thead><tr><th scope="col">{budget_project}</th><th scope="col">{budget_cost}</th></tr></thead>
                    <tbody>
                        {funded.iter().map(|f| view! {
                            <tr><th scope="row">{f.title.clone()}</th><td class="num">{f.cost.clone()}</td></tr>
                        }).collect_view()}
                        <tr class="left-over"><th scope="row">{text.left_over}</th><td class="num">{left}</td></tr>
                    </tbody>
                </table>
            </div>
            {funded.is_empty().then(|| view! { <p>{text.nothing_funded}</p> })}
        }
        .into_any()
    } else {
        view! {
            <h2 id="funded-heading">{text.elected_heading}</h2>
            <ol class="elected">
                {funded.into_iter().map(|f| view! { <li>{f.title}</li> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <Title text=title.clone() />
        <article class="results" aria-labelledby="results-heading">
            <h1 id="results-heading">{title}</h1>
            <p class="certified">{certified}</p>
            <p class="method">{method}</p>
            <section aria-labelledby="funded-heading">{won}</section>
            <ProjectTable projects score_heading=score_heading.clone() text />
            <section aria-labelledby="rounds-heading">
                <h2 id="rounds-heading">{text.rounds_heading}</h2>
                <p class="hint no-print">{text.chart_table_note}</p>
                <rounds::RoundsView rounds score_name score_heading />
            </section>
            <section aria-labelledby="ties-heading">
                <h2 id="ties-heading">{text.ties_heading}</h2>
                {if ties.is_empty() {
                    view! { <p>{text.no_ties}</p> }.into_any()
                } else {
                    view! { <ul>{ties.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                }}
                <p class="hint">{text.seed_help}</p>
                <dl class="record-facts">
                    {text.seed_labels.iter().zip(seed).map(|(label, value)| view! {
                        <dt>{*label}</dt>
                        <dd><code class="hash">{value}</code></dd>
                    }).collect_view()}
                </dl>
            </section>
            <Turnout ballots groups text />
            <Downloads cycle_id record_hash text />
        </article>
    }
}

/// Every project as a card: a phone shows the reason without scrolling
/// sideways, and a wide screen lays the cards out in columns.
#[component]
fn ProjectTable(
    projects: Vec<ProjectRow>,
    score_heading: String,
    text: &'static ResultsStrings,
) -> impl IntoView {
    let [_, cost, supporters, result, _] = text.project_columns;
    view! {
        <section aria-labelledby="projects-heading">
            <h2 id="projects-heading">{text.projects_heading}</h2>
            <ol class="project-results">
                {projects.into_iter().map(|p| {
                    // Approval ballots give one vote per supporter: one
                    // number, said once.
                    let both = p.supporters.to_string() != p.score;
                    view! {
                        <li class:won=p.won>
                            <h3><a href=format!("/proposals/{}", p.id)>{p.title}</a></h3>
                            <dl>
                                <div><dt>{result}</dt><dd class="result">{p.result}</dd></div>
                                <div><dt>{cost}</dt><dd>{p.cost}</dd></div>
                                {both.then(|| view! { <div><dt>{supporters}</dt><dd>{p.supporters}</dd></div> })}
                                <div><dt>{score_heading.clone()}</dt><dd>{p.score}</dd></div>
                            </dl>
                            <p class="why">{p.why}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Turnout(
    ballots: Vec<String>,
    groups: Vec<(String, String, u32)>,
    text: &'static ResultsStrings,
) -> impl IntoView {
    let [group, used, share] = text.turnout_columns;
    view! {
        <section aria-labelledby="turnout-heading">
            <h2 id="turnout-heading">{text.turnout_heading}</h2>
            {ballots.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            {(!groups.is_empty()).then(|| view! {
                <table class="data turnout">
                    <thead><tr><th scope="col">{group}</th><th scope="col">{used}</th><th scope="col">{share}</th></tr></thead>
                    <tbody>
                        {groups.into_iter().map(|(name, of, tenths)| view! {
                            <tr><th scope="row">{name}</th><td class="num">{of}</td><td class="num">{percent_text(tenths)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <p class="hint">{text.turnout_help}</p>
        </section>
    }
}

#[component]
fn Downloads(cycle_id: i32, record_hash: String, text: &'static ResultsStrings) -> impl IntoView {
    let [record, ballots, csv] = text.downloads;
    let file = format!("pebble-record-{cycle_id}.json");
    view! {
        <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{text.downloads_heading}</h2>
            <ul class="downloads">
                <li><a href=format!("/api/v1/cycles/{cycle_id}/record") download=file.clone()>{record}</a></li>
                <li><a href=format!("/api/v1/cycles/{cycle_id}/ballots.pb") download=format!("pebble-ballots-{cycle_id}.pb")>{ballots}</a></li>
                <li><a href=format!("/api/v1/cycles/{cycle_id}/results.csv") download=format!("pebble-results-{cycle_id}.csv")>{csv}</a></li>
            </ul>
            <p>{text.verify_help}</p>
            <pre class="command"><code>{format!("pebble verify {file}")}</code></pre>
            <p class="hint">{text.verify_after}</p>
            <p>{text.hash_label}</p>
            <p><code class="hash">{record_hash}</code></p>
        </section>
    }
}
