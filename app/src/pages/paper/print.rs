//! `/committee/paper/print?cycle=…&batch=…`: a print run's paper
//! ballots, one per printed page, each with its serial, the cycle's
//! ballot in its own type and how to mark it. The print stylesheet
//! prints the ballots alone.

use counting::BallotRules;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::paper::{PrintRun, paper_run};
use crate::api::vote::BallotSheet;
use crate::components::ballot::money;
use crate::components::feedback::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{t, tp, tv};

/// `/committee/paper/print`.
#[component]
pub fn PaperPrintPage() -> impl IntoView {
    let text = tp();
    let query = use_query_map();
    let asked = move || {
        query.with(|q| {
            let number = |key: &str| q.get_str(key).and_then(|v| v.trim().parse::<i32>().ok());
            (number("cycle"), number("batch"))
        })
    };
    let run = Resource::new(asked, |asked| async move {
        match asked {
            (Some(cycle), Some(batch)) => paper_run(cycle, batch).await.map(Some),
            _ => Ok(None),
        }
    });
    view! {
        <Title text=text.desk_title />
        <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    Ok::<_, AppError>(match run.await? {
                        Some(run) => view! { <RunView run /> }.into_any(),
                        None => view! {
                            <h1>{text.desk_title}</h1>
                            <p class="notice"><a href="/committee/paper">{text.desk_title}</a></p>
                        }.into_any(),
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn RunView(run: PrintRun) -> impl IntoView {
    let text = tp();
    let PrintRun {
        sheet,
        batch,
        serials,
    } = run;
    let count = serials.len();
    view! {
        <div class="no-print">
            <h1>{(text.run_title)(batch)}</h1>
            <p>{(text.run_help)(count)}</p>
            <p><a href=format!("/committee/paper?cycle={}", sheet.cycle_id)>{text.desk_title}</a></p>
        </div>
        <ol class="paper-ballots">
            {serials.into_iter().map(|serial| view! { <PaperBallot sheet=sheet.clone() serial /> }).collect_view()}
        </ol>
    }
}

/// One paper ballot.
#[component]
fn PaperBallot(sheet: BallotSheet, serial: String) -> impl IntoView {
    let text = tp();
    let vote = tv();
    let (help, mark) = match &sheet.rules {
        BallotRules::Approval { .. } => (
            (vote.approval_help)(&money(&sheet, sheet.budget)),
            text.mark_approval,
        ),
        BallotRules::Ranked { max_ranks, .. } => ((vote.ranked_help)(*max_ranks), text.mark_ranked),
        BallotRules::Allocation {
            points,
            must_use_all,
        } => (
            (vote.allocation_help)(*points, *must_use_all),
            text.mark_allocation,
        ),
    };
    let wide = !matches!(sheet.rules, BallotRules::Approval { .. });
    view! {
        <li class="paper-ballot">
            <div class="paper-head">
                <p class="paper-cycle">{sheet.cycle_name.clone()}</p>
                <p class="paper-serial">{text.serial_on_paper}": "<code class="serial">{serial}</code></p>
            </div>
            <p class="paper-help"><strong>{help}</strong>" "{mark}</p>
            <ul class="paper-projects">
                {sheet.projects.iter().map(|project| view! {
                    <li>
                        <span class="mark-box" class:wide=wide aria-hidden="true"></span>
                        <span class="paper-project">
                            <strong>{project.title.clone()}</strong>" · "{money(&sheet, project.cost)}
                            <span class="paper-summary">{project.summary.clone()}</span>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="paper-instructions">{text.paper_instructions}</p>
        </li>
    }
}
