//! The three ballots' fields. Each renders plain form fields that post
//! without JavaScript (a checkbox, a rank number or a points field per
//! project) and, once running, live feedback on the limits.

use std::sync::Arc;

use counting::BallotRules;
use leptos::either::Either;
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::{BallotProject, BallotSheet};
use crate::components::ballot::{money, spent};
use crate::i18n::tv;

/// A project's title, cost, summary, thumbnail and link (on a shared
/// device, its details in the page); the children are the field that
/// votes for it. Typed children, not `Children`: a boxed view drags every
/// way of hydrating it into the browser's code.
#[component]
pub fn ProjectCard<C: IntoView + 'static>(
    sheet: Arc<BallotSheet>,
    project: BallotProject,
    shared: bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let text = tv();
    let more = if shared {
        Either::Left(view! {
            <details class="details-in-page">
                <summary>{text.read_more}</summary>
                <p class="description">{project.description.clone()}</p>
            </details>
        })
    } else {
        Either::Right(view! {
            <a href=format!("/proposals/{}", project.id) target="_blank" rel="noopener">{text.read_more}</a>
        })
    };
    view! {
        <li class="ballot-project">
            {project.image.clone().map(|image| view! {
                <img class="thumb" src=image.url alt=image.description loading="lazy" width="72" height="72" />
            })}
            <div class="ballot-project-text">
                <p class="ballot-project-title">
                    <span class="title">{project.title.clone()}</span>
                    " · "
                    <span class="cost">{money(&sheet, project.cost)}</span>
                </p>
                <p class="summary">{project.summary.clone()}</p>
                {more}
            </div>
            <div class="ballot-control">{children.into_inner()()}</div>
        </li>
    }
}

/// Approval: a checkbox per project and the budget meter.
#[component]
pub fn Approval(
    sheet: Arc<BallotSheet>,
    fields: RwSignal<BallotFields>,
    running: ReadSignal<bool>,
    shared: bool,
) -> impl IntoView {
    let text = tv();
    let (limit, min, max, percent) = match sheet.rules {
        BallotRules::Approval {
            max_cost,
            min_projects,
            max_projects,
            min_budget_percent,
        } => (
            max_cost.map_or(sheet.budget, |c| c.minor_units()),
            min_projects,
            max_projects,
            min_budget_percent,
        ),
        _ => (sheet.budget, 0, None, 0),
    };
    let spent = {
        let sheet = sheet.clone();
        Memo::new(move |_| fields.with(|f| spent(&sheet, f)))
    };
    let picked = Memo::new(move |_| fields.with(|f| f.choices.len()));
    let needed = u64::from(percent) * sheet.budget / 100;
    let meter_sheet = sheet.clone();
    let meter = move || {
        let left = limit.saturating_sub(spent.get());
        (text.spent_left)(
            &money(&meter_sheet, spent.get()),
            &money(&meter_sheet, left),
        )
    };
    let share_sheet = sheet.clone();
    let cards = sheet
        .projects
        .iter()
        .map(|project| {
            let id = project.id.clone();
            let id_for_note = id.clone();
            let cost = project.cost;
            let name = format!("choices[{id}]");
            let initially = fields.with_untracked(|f| f.choices.contains_key(&id));
            let ticked = {
                let id = id.clone();
                move || fields.with(|f| f.choices.contains_key(&id))
            };
            let ticked_too = ticked.clone();
            let blocked = move || {
                running.get()
                    && !ticked_too()
                    && (spent.get() + cost > limit || max.is_some_and(|m| picked.get() >= m as usize))
            };
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                fields.update(|f| {
                    if on {
                        f.choices.insert(id.clone(), "on".to_owned());
                    } else {
                        f.choices.remove(&id);
                    }
                });
            };
            let label = format!("{} ({})", project.title, money(&sheet, cost));
            let note_id = format!("fit-{id_for_note}");
            view! {
                <ProjectCard sheet=sheet.clone() project=project.clone() shared>
                    <label class="tick">
                        <input type="checkbox" name=name value="on" checked=initially prop:checked=ticked
                            disabled=blocked.clone() on:change=toggle aria-label=label
                            aria-describedby=note_id.clone() />
                        <span class="fit-note" id=note_id>{move || blocked().then_some(text.does_not_fit)}</span>
                    </label>
                </ProjectCard>
            }
        })
        .collect_view();
    view! {
        <div class="meter-box" aria-live="polite">
            <progress class="budget-meter" max=limit value=move || spent.get() aria-hidden="true"></progress>
            <p class="meter-text">{meter}</p>
            <p class="meter-text">{move || (text.picked_count)(picked.get(), min, max)}</p>
            {(percent > 0).then(|| view! {
                <p class="meter-text">{move || (text.least_share)(percent, &money(&share_sheet, needed), spent.get() >= needed)}</p>
            })}
        </div>
        <ul class="ballot-projects approval">{cards}</ul>
    }
}

/// Allocation: points per project with steppers, and the points left.
#[component]
pub fn Allocation(
    sheet: Arc<BallotSheet>,
    fields: RwSignal<BallotFields>,
    running: ReadSignal<bool>,
    shared: bool,
) -> impl IntoView {
    let text = tv();
    let all = match sheet.rules {
        BallotRules::Allocation { points, .. } => points,
        _ => 0,
    };
    let given = Memo::new(move |_| {
        fields.with(|f| {
            f.points
                .values()
                .filter_map(|p| p.trim().parse::<u64>().ok())
                .fold(0u64, u64::saturating_add)
        })
    });
    let cards = sheet
        .projects
        .iter()
        .map(|project| {
            let id = StoredValue::new(project.id.clone());
            let field_id = format!("points-{}", project.id);
            let value = Memo::new(move |_| {
                fields.with(|f| f.points.get(&id.get_value()).cloned().unwrap_or_default())
            });
            let number = Memo::new(move |_| value.get().trim().parse::<u64>().unwrap_or(0));
            let set = move |points: String| {
                fields.update(|f| {
                    f.points.insert(id.get_value(), points);
                });
            };
            let fewer = (text.fewer_points)(&project.title);
            let more = (text.more_points)(&project.title);
            let name = format!("points[{}]", project.id);
            let initially = value.get_untracked();
            let label = (text.points_for)(&project.title);
            view! {
                <ProjectCard sheet=sheet.clone() project=project.clone() shared>
                    <div class="stepper">
                        <label for=field_id.clone()>{label}</label>
                        {move || running.get().then(|| view! {
                            <button type="button" class="step" aria-label=fewer.clone()
                                disabled=move || number.get() == 0
                                on:click=move |_| set(number.get_untracked().saturating_sub(1).to_string())>"−"</button>
                        })}
                        <input id=field_id type="number" inputmode="numeric" min="0" max=all
                            name=name value=initially prop:value=move || value.get()
                            on:input=move |ev| set(event_target_value(&ev)) />
                        {move || running.get().then(|| view! {
                            <button type="button" class="step" aria-label=more.clone()
                                disabled=move || { given.get() >= all }
                                on:click=move |_| set((number.get_untracked() + 1).to_string())>"+"</button>
                        })}
                    </div>
                </ProjectCard>
            }
        })
        .collect_view();
    let over = move || given.get().saturating_sub(all);
    view! {
        <div class="meter-box" aria-live="polite">
            <progress class="budget-meter" max=all value=move || given.get().min(all) aria-hidden="true"></progress>
            <p class={move || if over() > 0 { "meter-text points-left over" } else { "meter-text points-left" }}>
                {move || if over() > 0 {
                    (text.points_over)(over(), all)
                } else {
                    (text.points_left)(all - given.get(), all)
                }}
            </p>
        </div>
        <ul class="ballot-projects">{cards}</ul>
    }
}
