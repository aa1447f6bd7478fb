//! The ranked ballot. Without JavaScript: a rank number per project.
//! Running: the ranking so far as an ordered list, reordered by drag and
//! drop, by move-up / move-down buttons, or from the keyboard as the
//! WAI-ARIA Authoring Practices describe a reorderable list: focus
//! follows the moved project, Alt+Arrow (or an arrow key on the focused
//! item, its grab handle) moves it, and each move is said to screen
//! readers through a live region. The ranks post as hidden fields.

use std::sync::Arc;

use counting::BallotRules;
use leptos::either::Either;
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use super::browser::focus;
use super::sections::ProjectCard;
use crate::api::vote::BallotSheet;
use crate::components::ballot::title;
use crate::i18n::tv;

/// The ranked ids, most preferred first (rank numbers in order; blanks
/// and non-numbers left out).
fn order_of(fields: &BallotFields) -> Vec<String> {
    let mut ranked: Vec<(u32, String)> = fields
        .ranks
        .iter()
        .filter_map(|(id, r)| Some((r.trim().parse().ok()?, id.clone())))
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, id)| id).collect()
}

fn set_order(fields: &mut BallotFields, order: &[String]) {
    fields.ranks = (1u32..)
        .zip(order)
        .map(|(rank, id)| (id.clone(), rank.to_string()))
        .collect();
}

/// The ranked ballot's fields.
#[component]
pub fn Ranked(
    sheet: Arc<BallotSheet>,
    fields: RwSignal<BallotFields>,
    running: ReadSignal<bool>,
    announce: WriteSignal<String>,
    shared: bool,
) -> impl IntoView {
    let text = tv();
    let k = match sheet.rules {
        BallotRules::Ranked { max_ranks } => max_ranks as usize,
        _ => 0,
    };
    let order = Memo::new(move |_| fields.with(order_of));
    let dragged = RwSignal::new(None::<usize>);
    let say_sheet = sheet.clone();
    // Moves the project at `from` to `to`; focus then goes to the element
    // of the moved project that `focus_on` names (by its id).
    let move_to = StoredValue::new(
        move |from: usize, to: usize, focus_on: fn(&str, usize, usize) -> String| {
            let mut now = order.get_untracked();
            if from >= now.len() || to >= now.len() || from == to {
                return;
            }
            let id = now.remove(from);
            now.insert(to, id.clone());
            let total = now.len();
            fields.update(|f| set_order(f, &now));
            announce.set((text.now_at)(&title(&say_sheet, &id), to + 1, total));
            focus(focus_on(&id, to, total));
        },
    );
    let plain_sheet = sheet.clone();
    let plain = move || {
        plain_sheet
            .projects
            .iter()
            .map(|project| {
                let id = project.id.clone();
                let field_id = format!("rank-{id}");
                let value =
                    fields.with_untracked(|f| f.ranks.get(&id).cloned().unwrap_or_default());
                let label = (text.rank_for)(&project.title);
                view! {
                    <ProjectCard sheet=plain_sheet.clone() project=project.clone() shared>
                        <label for=field_id.clone()>{label}</label>
                        <input id=field_id type="number" inputmode="numeric" min="1" max=k
                            name=format!("ranks[{id}]") value=value class="rank-number" />
                    </ProjectCard>
                }
            })
            .collect_view()
    };
    let live_sheet = sheet.clone();
    let ranking = move || {
        let now = order.get();
        let total = now.len();
        if now.is_empty() {
            return Either::Left(view! { <p class="hint">{text.nothing_ranked}</p> });
        }
        let items = now
            .iter()
            .enumerate()
            .map(|(at, id)| {
                let name = title(&live_sheet, id);
                let remove_id = id.clone();
                let removed_name = name.clone();
                let keys = move |ev: leptos::ev::KeyboardEvent| {
                    let on_item = ev
                        .target()
                        .and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::Element>(t).ok())
                        .is_some_and(|e| e.class_list().contains("ranked-item"));
                    if !(ev.alt_key() || on_item) {
                        return;
                    }
                    let to = match ev.key().as_str() {
                        "ArrowUp" if at > 0 => at - 1,
                        "ArrowDown" if at + 1 < total => at + 1,
                        _ => return,
                    };
                    ev.prevent_default();
                    move_to.with_value(|f| f(at, to, |id, _, _| format!("ranked-{id}")));
                };
                view! {
                    <li class="ranked-item" id=format!("ranked-{id}") tabindex="0" draggable="true"
                        aria-label=(text.ranked_item)(&name, at + 1, total)
                        aria-describedby="ranking-keys"
                        on:keydown=keys
                        on:dragstart=move |_| dragged.set(Some(at))
                        on:dragover=move |ev| ev.prevent_default()
                        on:drop=move |ev| {
                            ev.prevent_default();
                            if let Some(from) = dragged.get_untracked() {
                                move_to.with_value(|f| f(from, at, |id, _, _| format!("ranked-{id}")));
                            }
                            dragged.set(None);
                        }>
                        <input type="hidden" name=format!("ranks[{id}]") value=(at + 1).to_string() />
                        <span class="rank-badge" aria-hidden="true">{at + 1}</span>
                        <span class="title">{name.clone()}</span>
                        <span class="rank-buttons">
                            <button type="button" class="step" id=format!("up-{id}") aria-label=(text.move_up)(&name)
                                disabled=at == 0 on:click=move |_| move_to.with_value(|f| f(at, at - 1, |id, to, _| {
                                    if to == 0 { format!("down-{id}") } else { format!("up-{id}") }
                                }))>"↑"</button>
                            <button type="button" class="step" id=format!("down-{id}") aria-label=(text.move_down)(&name)
                                disabled=at + 1 == total on:click=move |_| move_to.with_value(|f| f(at, at + 1, |id, to, total| {
                                    if to + 1 == total { format!("up-{id}") } else { format!("down-{id}") }
                                }))>"↓"</button>
                            <button type="button" class="step" aria-label=(text.unrank)(&name)
                                on:click=move |_| {
                                    let rest: Vec<String> = order.get_untracked().into_iter().filter(|i| *i != remove_id).collect();
                                    fields.update(|f| set_order(f, &rest));
                                    announce.set((text.left_ranking)(&removed_name));
                                    focus(match rest.get(at).or(rest.last()) {
                                        Some(next) => format!("ranked-{next}"),
                                        None => format!("rank-it-{remove_id}"),
                                    });
                                }>"✕"</button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! {
            <p class="hint" id="ranking-keys">{text.ranking_keys}</p>
            <ol class="ranking">{items}</ol>
        })
    };
    let pool_sheet = sheet.clone();
    let pool = move || {
        let now = order.get();
        let full = now.len() >= k;
        pool_sheet
            .projects
            .iter()
            .filter(|p| !now.contains(&p.id))
            .map(|project| {
                let id = project.id.clone();
                let name = project.title.clone();
                view! {
                    <ProjectCard sheet=pool_sheet.clone() project=project.clone() shared>
                        <button type="button" class="secondary rank-it" id=format!("rank-it-{id}")
                            aria-disabled=full.then_some("true")
                            aria-describedby=full.then_some("ranking-full")
                            aria-label=(text.rank_it)(&name)
                            on:click=move |_| {
                                if full {
                                    announce.set((text.ranking_full)(k));
                                    return;
                                }
                                let mut next = order.get_untracked();
                                next.push(id.clone());
                                let total = next.len();
                                fields.update(|f| set_order(f, &next));
                                announce.set((text.now_at)(&name, total, total));
                                focus(format!("ranked-{id}"));
                            }>{(text.rank_it)("").trim().to_owned()}</button>
                    </ProjectCard>
                }
            })
            .collect_view()
    };
    view! {
        {move || if running.get() {
            Either::Left(view! {
                <h2>{text.your_ranking}</h2>
                {ranking.clone()}
                <h2>{text.not_ranked}</h2>
                {move || (order.get().len() >= k).then(|| view! {
                    <p class="hint" id="ranking-full">{(text.ranking_full)(k)}</p>
                })}
                <ul class="ballot-projects">{pool.clone()}</ul>
            })
        } else {
            Either::Right(view! { <ul class="ballot-projects">{plain.clone()}</ul> })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_follows_the_rank_numbers_and_skips_blanks() {
        let mut fields = BallotFields::default();
        fields.ranks.insert("a".into(), "3".into());
        fields.ranks.insert("b".into(), "".into());
        fields.ranks.insert("c".into(), "1".into());
        assert_eq!(order_of(&fields), ["c", "a"]);
        let order = order_of(&fields);
        set_order(&mut fields, &order);
        assert_eq!(fields.ranks.get("a").map(String::as_str), Some("2"));
        assert_eq!(fields.ranks.len(), 2);
    }
}
