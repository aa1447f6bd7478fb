//! The rounds as the rule ran them, each chart beside its table: greedy's
//! turns, equal shares' rounds and completion, IRV and STV's rounds with
//! where the ballots went.

use leptos::prelude::*;

use super::charts::{Bar, BarChart};
use crate::api::results::{Line, Rounds, RunoffRound, Share, Turn};
use crate::i18n::{ResultsStrings, tr};
use counting::transcript::percent_text;

/// The rounds of any rule.
#[component]
pub fn RoundsView(rounds: Rounds, score_name: String, score_heading: String) -> impl IntoView {
    let text = tr();
    match rounds {
        Rounds::Greedy(turns) => view! {
            <Turns turns caption=(text.greedy_caption)(&score_name) id="greedy" score_heading />
        }
        .into_any(),
        Rounds::Mes {
            money,
            shares,
            completion,
        } => view! {
            {money.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            <Shares shares text />
            {(!completion.is_empty()).then(|| view! {
                <h3>{text.completion_heading}</h3>
                <Turns turns=completion caption=text.completion_caption.to_owned() id="completion" score_heading />
            })}
        }
        .into_any(),
        Rounds::Runoff(rounds) => rounds
            .into_iter()
            .map(|round| view! { <Runoff round text /> })
            .collect_view()
            .into_any(),
    }
}

#[component]
fn Turns(
    turns: Vec<Turn>,
    caption: String,
    id: &'static str,
    score_heading: String,
) -> impl IntoView {
    let text = tr();
    let max = turns.iter().map(|t| t.score_value).max().unwrap_or(0);
    let bars = turns
        .iter()
        .map(|t| Bar {
            label: t.title.clone(),
            value: format!("{} · {}", t.score, if t.funded { "✓" } else { "✗" }),
            parts: vec![(
                t.score_value,
                if t.funded { "bar-funded" } else { "bar-out" },
            )],
        })
        .collect();
    let [place, project, cost, result, left] = text.greedy_columns;
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart-pair" aria-labelledby=labelled_by>
            <figcaption id=caption_id>{caption}</figcaption>
            <BarChart bars max />
            <div class="table-scroll" role="region" aria-label=project tabindex="0">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{place}</th>
                        <th scope="col">{project}</th>
                        <th scope="col">{score_heading}</th>
                        <th scope="col">{cost}</th>
                        <th scope="col">{result}</th>
                        <th scope="col">{left}</th>
                    </tr></thead>
                    <tbody>
                        {turns.into_iter().map(|t| view! {
                            <tr class:won=t.funded>
                                <td class="num">{t.place}</td>
                                <th scope="row">{t.title}</th>
                                <td class="num">{t.score}</td>
                                <td class="num">{t.cost}</td>
                                <td>{if t.funded { text.funded_plain } else { text.skipped_word }}</td>
                                <td class="num">{t.left}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

#[component]
fn Shares(shares: Vec<Share>, text: &'static ResultsStrings) -> impl IntoView {
    let max = shares
        .iter()
        .map(|s| s.in_full_cents + s.all_left_cents)
        .max()
        .unwrap_or(0);
    let bars = shares
        .iter()
        .map(|s| Bar {
            label: format!("{}. {}", s.round, s.title),
            value: s.cost.clone(),
            parts: vec![
                (s.in_full_cents, "bar-funded"),
                (s.all_left_cents, "bar-funded-alt"),
            ],
        })
        .collect();
    let [round, project, cost, in_full, all_left] = text.mes_columns;
    view! {
        <figure class="chart-pair" aria-labelledby="shares-caption">
            <figcaption id="shares-caption">{text.mes_caption}</figcaption>
            <BarChart bars max />
            <div class="table-scroll" role="region" aria-label=text.mes_caption tabindex="0">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{round}</th>
                        <th scope="col">{project}</th>
                        <th scope="col">{cost}</th>
                        <th scope="col">{in_full}</th>
                        <th scope="col">{all_left}</th>
                    </tr></thead>
                    <tbody>
                        {shares.into_iter().map(|s| view! {
                            <tr>
                                <td class="num">{s.round}</td>
                                <th scope="row">{s.title}</th>
                                <td class="num">{s.cost}</td>
                                <td>{s.in_full}</td>
                                <td>{s.all_left}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// A runoff line's bar class.
fn line_class(line: &Line) -> &'static str {
    if line.elected {
        "bar-funded"
    } else if line.eliminated {
        "bar-out"
    } else if line.aside {
        "bar-aside"
    } else {
        "bar-in"
    }
}

#[component]
fn Runoff(round: RunoffRound, text: &'static ResultsStrings) -> impl IntoView {
    let bars = round
        .lines
        .iter()
        .map(|l| Bar {
            label: l.label.clone(),
            value: format!("{} ({})", l.votes, percent_text(l.tenths)),
            parts: vec![(u64::from(l.tenths), line_class(l))],
        })
        .collect();
    let [project, votes, share, change] = text.runoff_columns;
    let caption_id = format!("round-{}-caption", round.number);
    let labelled_by = caption_id.clone();
    view! {
        <h3 id=caption_id>{(text.round_heading)(round.number)}</h3>
        <ul class="moves">{round.said.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        <div class="chart-pair">
            <BarChart bars max=1000 />
            <div class="table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{project}</th>
                        <th scope="col">{votes}</th>
                        <th scope="col">{share}</th>
                        <th scope="col">{change}</th>
                    </tr></thead>
                    <tbody>
                        {round.lines.into_iter().map(|l| {
                            let mark = if l.elected {
                                format!(" ({})", text.elected_word)
                            } else if l.eliminated {
                                format!(" ({})", text.eliminated_word)
                            } else {
                                String::new()
                            };
                            view! {
                                <tr class:won=l.elected class:aside=l.aside>
                                    <th scope="row">{l.label}{mark}</th>
                                    <td class="num">{l.votes}</td>
                                    <td class="num">{percent_text(l.tenths)}</td>
                                    <td class="num">{l.change}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
