//! The home page: the featured cycle and its proposals.

mod filter;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::home::{CycleSummary, Phase, ProposalCard, Status, get_home};
use crate::components::feedback::ErrorNotice;
use crate::components::money::format_money;
use crate::i18n::{Strings, t};
use filter::{Filter, STATUSES};

/// How the proposal list is ordered, from `?sort=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortOrder {
    Submitted,
    Cheapest,
}

impl SortOrder {
    fn from_query(value: Option<&str>) -> SortOrder {
        match value {
            Some("cost") => SortOrder::Cheapest,
            _ => SortOrder::Submitted,
        }
    }
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let text = t();
    let home = OnceResource::new(get_home());
    view! {
        <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                {move || Suspend::new(async move {
                    home.await.map(|home| {
                        let cycle = match home.cycle {
                            Some(cycle) => view! { <CycleOverview cycle /> }.into_any(),
                            None => view! { <p>{text.no_cycle}</p> }.into_any(),
                        };
                        view! { {cycle} <PastResults past=home.past /> }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// Links to the results of earlier certified cycles.
#[component]
fn PastResults(past: Vec<(i32, String)>) -> impl IntoView {
    let text = t();
    (!past.is_empty()).then(|| {
        view! {
            <section class="past-results" aria-labelledby="past-results-heading">
                <h2 id="past-results-heading">{text.past_results}</h2>
                <ul>
                    {past.into_iter().map(|(id, name)| view! {
                        <li><a href=format!("/cycles/{id}/results")>{name}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn CycleOverview(cycle: CycleSummary) -> impl IntoView {
    let text = t();
    let query = use_query_map();
    let order = Memo::new(move |_| SortOrder::from_query(query.read().get("sort").as_deref()));
    let filter = Memo::new(move |_| {
        let q = query.read();
        Filter::from_query(
            q.get("category").as_deref(),
            q.get("status").as_deref(),
            q.get("q").as_deref(),
        )
    });
    let mut categories: Vec<String> = cycle.proposals.iter().map(|p| p.category.clone()).collect();
    categories.sort();
    categories.dedup();
    let total = cycle.proposals.len();
    let currency = cycle.currency.clone();
    let proposals = cycle.proposals.clone();
    let sorted = Memo::new(move |_| {
        let filter = filter.get();
        let mut list: Vec<ProposalCard> = proposals
            .iter()
            .filter(|p| filter.matches(p))
            .cloned()
            .collect();
        if order.get() == SortOrder::Cheapest {
            list.sort_by_key(|p| (p.estimated_cost, p.id));
        }
        list
    });
    view! {
        <Title text=cycle.name.clone() />
        <section class="cycle" aria-labelledby="cycle-name">
            <p class="school">{cycle.school.clone()}</p>
            <h1 id="cycle-name">{cycle.name.clone()}</h1>
            <p class="description">{cycle.description.clone()}</p>
            {(cycle.phase == Phase::Voting).then(|| {
                let words = crate::i18n::tv();
                view! {
                    <div class="vote-now" role="region" aria-label=words.vote_title>
                        <p class="vote-now-lead">{words.voting_open}</p>
                        <p class="vote-now-links">
                            <a class="button primary" href=format!("/vote?cycle={}", cycle.id)>{words.vote_now}</a>
                            <a class="button secondary" href=format!("/receipt?cycle={}", cycle.id)>{words.check_receipt}</a>
                        </p>
                    </div>
                }
            })}
            <dl class="facts">
                <div>
                    <dt>{text.budget}</dt>
                    <dd class="budget">{format_money(cycle.budget, &cycle.currency)}</dd>
                </div>
                <div>
                    <dt>{text.phase}</dt>
                    <dd class="phase">
                        {phase_name(text, cycle.phase)}
                        {(cycle.phase == Phase::Certified).then(|| view! {
                            " · "<a href=format!("/cycles/{}/results", cycle.id)>{text.see_results}</a>
                        })}
                    </dd>
                </div>
                {cycle.manifest_hash.clone().map(|hash| view! {
                    <div class="manifest-hash">
                        <dt>{text.manifest_hash}</dt>
                        <dd>
                            <a href=format!("/api/v1/cycles/{}/manifest", cycle.id)><code>{hash}</code></a>
                            <p class="hint">{text.manifest_hash_help}</p>
                        </dd>
                    </div>
                })}
            </dl>
        </section>
        <section class="proposals" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{text.proposals_heading}</h2>
            {(cycle.phase == Phase::Ideas).then(|| view! {
                <p><a class="button" href="/proposals/new">{text.new_proposal}</a></p>
            })}
            <nav class="sort" aria-label=text.sort_label>
                <a href=move || sort_href(&query.read(), None) aria-current=move || (order.get() == SortOrder::Submitted).then_some("true")>
                    {text.sort_newest}
                </a>
                <a href=move || sort_href(&query.read(), Some("cost")) aria-current=move || (order.get() == SortOrder::Cheapest).then_some("true")>
                    {text.sort_cost}
                </a>
            </nav>
            <FilterForm categories filter order />
            {move || {
                let shown = sorted.read().len();
                filter.get().is_active().then(|| view! {
                    <p class="hint" role="status">
                        {if shown == 0 { text.no_matches.to_owned() } else { format!("{shown} / {total}") }}
                        " "<a href="/">{text.clear_filters}</a>
                    </p>
                })
            }}
            <ol class="proposal-list">
                <For each=move || sorted.get() key=|p| p.id let:proposal>
                    <ProposalItem proposal currency=currency.clone() />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn ProposalItem(proposal: ProposalCard, currency: String) -> impl IntoView {
    let text = t();
    let comments = format!(
        "{} {}",
        proposal.comments,
        if proposal.comments == 1 {
            text.comment_one
        } else {
            text.comment_many
        }
    );
    let status_class = format!("status status-{}", proposal.status.slug());
    view! {
        <li class="proposal" data-proposal-id=proposal.id>
            <h3 class="proposal-title">
                <a href=format!("/proposals/{}", proposal.id)>{proposal.title}</a>
            </h3>
            <p class="meta">
                <span class="category">{proposal.category}</span>
                <span class=status_class>{status_name(text, proposal.status)}</span>
                {proposal.author.map(|name| view! { <span class="author">{format!("{} {name}", text.by)}</span> })}
            </p>
            <p class="summary">{proposal.summary}</p>
            {proposal.image.map(|image| view! {
                <img class="thumb" src=image.url alt=image.description loading="lazy" />
            })}
            <p class="figures">
                <span class="cost">{format_money(proposal.estimated_cost, &currency)}</span>
                <span class="comments">{comments}</span>
            </p>
        </li>
    }
}

/// A GET form: filtering works without JavaScript and the address can be
/// shared.
#[component]
fn FilterForm(
    categories: Vec<String>,
    filter: Memo<Filter>,
    order: Memo<SortOrder>,
) -> impl IntoView {
    let text = t();
    let current = filter.get_untracked();
    view! {
        <form class="filters" method="get" action="/" role="search">
            {move || (order.get() == SortOrder::Cheapest).then(|| view! { <input type="hidden" name="sort" value="cost" /> })}
            <div>
                <label for="filter-category">{text.category_label}</label>
                <select id="filter-category" name="category">
                    <option value="">{text.filter_all}</option>
                    {categories
                        .into_iter()
                        .map(|c| {
                            let selected = current.category.as_deref() == Some(c.as_str());
                            view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label for="filter-status">{text.filter_status}</label>
                <select id="filter-status" name="status">
                    <option value="">{text.filter_all}</option>
                    {STATUSES
                        .into_iter()
                        .map(|s| view! {
                            <option value=s.slug() selected=current.status == Some(s)>{status_name(text, s)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label for="filter-q">{text.search}</label>
                <input id="filter-q" name="q" type="search" value=current.text.clone().unwrap_or_default() />
            </div>
            <button type="submit">{text.apply_filters}</button>
        </form>
    }
}

/// The list's address with `sort` and the current filters.
fn sort_href(query: &leptos_router::params::ParamsMap, sort: Option<&str>) -> String {
    let mut pairs: Vec<String> = ["category", "status", "q"]
        .into_iter()
        .filter_map(|key| {
            let value = query.get(key)?;
            (!value.is_empty()).then(|| format!("{key}={}", crate::address::query_value(&value)))
        })
        .collect();
    if let Some(sort) = sort {
        pairs.push(format!("sort={sort}"));
    }
    if pairs.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{}", pairs.join("&"))
    }
}

/// A phase's name in the page's language.
pub fn phase_name(text: &Strings, phase: Phase) -> &'static str {
    text.phases[phase.index()]
}

/// A status's name in the page's language.
pub fn status_name(text: &Strings, status: Status) -> &'static str {
    text.statuses[status.index()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_links_keep_the_filters_encoded() {
        let mut query = leptos_router::params::ParamsMap::new();
        query.insert("category", "Arts & crafts".to_owned());
        query.insert("sort", "cost".to_owned());
        assert_eq!(
            sort_href(&query, Some("cost")),
            "/?category=Arts%20%26%20crafts&sort=cost"
        );
        assert_eq!(
            sort_href(&leptos_router::params::ParamsMap::new(), None),
            "/"
        );
    }

    #[test]
    fn only_sort_equals_cost_orders_by_cost() {
        assert_eq!(SortOrder::from_query(Some("cost")), SortOrder::Cheapest);
        assert_eq!(SortOrder::from_query(Some("title")), SortOrder::Submitted);
        assert_eq!(SortOrder::from_query(None), SortOrder::Submitted);
    }
}
