//! `/committee/paper`: the committee's paper-ballot desk for a cycle in
//! voting. Print a run of ballots, key a ballot by its serial (each
//! member sees only their own entries), and resolve the mismatches that
//! double entry finds. Plain forms throughout: every post comes back
//! here by a redirect that says what happened.

pub mod print;

use counting::BallotRules;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::paper::{
    Desk, KeyPaper, PaperStatus, PrintPaper, QueuedMismatch, ResolvePaper, paper_desk,
};
use crate::api::vote::{BallotSheet, Opening, vote_start};
use crate::components::ballot::{BallotSummary, money};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{PaperStrings, t, tp, tv};

/// What the address reports about the last post.
fn outcome(text: &PaperStrings) -> Option<String> {
    let query = use_query_map().get_untracked();
    let serial = query.get("serial").or_else(|| query.get("resolved"))?;
    if query.get_str("resolved").is_some() {
        return Some((text.resolved)(
            &serial,
            query.get_str("how") == Some("void"),
        ));
    }
    let index = query.get_str("index").and_then(|i| i.parse().ok());
    match (query.get_str("keyed"), index) {
        (Some("waiting"), _) => Some((text.keyed_waiting)(&serial)),
        (Some("logged"), Some(index)) => Some((text.keyed_logged)(&serial, index)),
        (Some("mismatch"), _) => Some((text.keyed_mismatch)(&serial)),
        (Some("spoiled"), _) => Some((text.keyed_spoiled_both)(&serial)),
        _ => None,
    }
}

/// `/committee/paper`.
#[component]
pub fn PaperDeskPage() -> impl IntoView {
    let text = tp();
    let query = use_query_map();
    let cycle = move || query.with(|q| q.get_str("cycle").and_then(|c| c.trim().parse().ok()));
    let start = Resource::new(cycle, vote_start);
    view! {
        <Title text=text.desk_title />
        <section class="narrow paper-desk" aria-labelledby="paper-heading">
            <h1 id="paper-heading">{text.desk_title}</h1>
            <Transition fallback=move || view! { <p class="loading">{t().loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        Ok::<_, AppError>(match start.await? {
                            Opening::Closed => view! { <p class="notice">{tv().no_voting}</p> }.into_any(),
                            Opening::Choose(cycles) => view! {
                                <ul class="cycle-choice">
                                    {cycles.into_iter().map(|(id, name)| view! {
                                        <li><a href=format!("/committee/paper?cycle={id}")>{name}</a></li>
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Opening::Ballot(sheet) => {
                                let desk = paper_desk(sheet.cycle_id).await?;
                                view! { <DeskView desk /> }.into_any()
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn DeskView(desk: Desk) -> impl IntoView {
    let text = tp();
    let Desk {
        sheet,
        tally,
        yours,
        queue,
    } = desk;
    view! {
        <p class="cycle-name">{sheet.cycle_name.clone()}</p>
        {outcome(text).map(|said| view! { <p class="notice outcome" role="status">{said}</p> })}
        <p>{text.desk_intro}</p>
        <p class="paper-tally">{(text.tally)(tally.open, tally.logged, tally.mismatch, tally.voided)}" "{(text.spoiled_tally)(tally.spoiled)}</p>
        {(!tally.waiting.is_empty()).then(|| view! {
            <section class="notice paper-waiting" aria-labelledby="paper-waiting-heading">
                <h2 id="paper-waiting-heading">{(text.waiting_heading)(tally.waiting.len())}</h2>
                <p>{text.waiting_help}</p>
                <ul>{tally.waiting.iter().map(|s| view! { <li><code class="serial">{s.clone()}</code></li> }).collect_view()}</ul>
            </section>
        })}
        <KeyForm sheet=sheet.clone() />
        <h2>{text.yours_heading}</h2>
        {if yours.is_empty() {
            view! { <p class="hint">{text.yours_none}</p> }.into_any()
        } else {
            view! {
                <ul class="paper-entries">
                    {yours.into_iter().map(|entry| view! {
                        <li>
                            <p><code class="serial">{entry.serial}</code>" · "{status_words(text, entry.status)}</p>
                            {marked(&sheet, entry.ballot)}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{text.queue_heading}</h2>
        {if queue.is_empty() {
            view! { <p class="hint">{text.queue_none}</p> }.into_any()
        } else {
            queue
                .into_iter()
                .map(|waiting| view! { <MismatchCard sheet=sheet.clone() waiting /> })
                .collect_view()
                .into_any()
        }}
        <PrintForm cycle_id=sheet.cycle_id />
    }
}

fn status_words(text: &PaperStrings, status: PaperStatus) -> &'static str {
    match status {
        PaperStatus::Open => text.status_open,
        PaperStatus::Logged => text.status_logged,
        PaperStatus::Mismatch => text.status_mismatch,
        PaperStatus::Voided => text.status_voided,
        PaperStatus::Spoiled => text.status_spoiled,
    }
}

/// What a member keyed: the ballot in words, or that it was spoiled.
fn marked(sheet: &BallotSheet, ballot: Option<counting::Ballot>) -> impl IntoView + use<> {
    match ballot {
        Some(ballot) => view! { <BallotSummary sheet=sheet.clone() ballot /> }.into_any(),
        None => view! { <p>{tp().keyed_spoiled}</p> }.into_any(),
    }
}

/// The keying form: the serial and the ballot's own fields, as the
/// plain-form ballot names them.
#[component]
fn KeyForm(sheet: BallotSheet) -> impl IntoView {
    let text = tp();
    let key = ServerAction::<KeyPaper>::new();
    let help = match &sheet.rules {
        BallotRules::Approval { .. } => text.keys_approval,
        BallotRules::Ranked { .. } => text.keys_ranked,
        BallotRules::Allocation { .. } => text.keys_allocation,
    };
    let rows = sheet
        .projects
        .iter()
        .map(|project| {
            let id = format!("key-{}", project.id);
            let label = format!("{} ({})", project.title, money(&sheet, project.cost));
            let field = match &sheet.rules {
                BallotRules::Approval { .. } => view! {
                    <label class="check" for=id.clone()>
                        <input type="checkbox" id=id.clone() name=format!("choices[{}]", project.id) value="on" />
                        {label}
                    </label>
                }
                .into_any(),
                BallotRules::Ranked { max_ranks, .. } => view! {
                    <label for=id.clone()>{label}</label>
                    <input type="number" id=id.clone() name=format!("ranks[{}]", project.id)
                        min="1" max=max_ranks.to_string() inputmode="numeric" />
                }
                .into_any(),
                BallotRules::Allocation { points, .. } => view! {
                    <label for=id.clone()>{label}</label>
                    <input type="number" id=id.clone() name=format!("points[{}]", project.id)
                        min="0" max=points.to_string() inputmode="numeric" />
                }
                .into_any(),
            };
            view! { <div class="group">{field}</div> }
        })
        .collect_view();
    view! {
        <h2 id="key-heading">{text.key_heading}</h2>
        <p class="hint">{text.key_help}</p>
        <ActionError action=key />
        <ActionForm action=key attr:class="stacked key-form" attr:aria-labelledby="key-heading">
            <input type="hidden" name="cycle" value=sheet.cycle_id />
            <label for="paper-serial">{text.serial_label}</label>
            <input id="paper-serial" name="serial" required autocomplete="off"
                autocapitalize="characters" spellcheck="false" />
            <fieldset>
                <legend>{help}</legend>
                {rows}
            </fieldset>
            <label class="check" for="paper-spoiled">
                <input type="checkbox" id="paper-spoiled" name="spoiled" value="yes" aria-describedby="paper-spoiled-help" />
                {text.spoiled_label}
            </label>
            <p class="hint" id="paper-spoiled-help">{text.spoiled_help}</p>
            <button type="submit" class="primary">{text.key_button}</button>
        </ActionForm>
    }
}

/// One mismatch: both entries side by side and the resolve form.
#[component]
fn MismatchCard(sheet: BallotSheet, waiting: QueuedMismatch) -> impl IntoView {
    let text = tp();
    let resolve = ServerAction::<ResolvePaper>::new();
    let slug = waiting.serial.replace('-', "");
    let heading = format!("mismatch-{slug}");
    let labelled_by = heading.clone();
    let reason = format!("reason-{slug}");
    view! {
        <article class="mismatch" aria-labelledby=labelled_by>
            <h3 id=heading><code class="serial">{waiting.serial.clone()}</code></h3>
            <div class="side-by-side">
                {waiting.entries.into_iter().map(|(who, ballot)| view! {
                    <div class="entry">
                        <h4>{(text.keyed_by)(&who)}</h4>
                        {marked(&sheet, ballot)}
                    </div>
                }).collect_view()}
            </div>
            <ActionError action=resolve />
            <ActionForm action=resolve attr:class="stacked">
                <input type="hidden" name="cycle" value=sheet.cycle_id />
                <input type="hidden" name="serial" value=waiting.serial />
                <fieldset>
                    <legend class="visually-hidden">{text.resolve_button}</legend>
                    <label class="check"><input type="radio" name="resolution" value="rekey" checked /> {text.rekey}</label>
                    <label class="check"><input type="radio" name="resolution" value="void" /> {text.void}</label>
                </fieldset>
                <label for=reason.clone()>{text.reason_label}</label>
                <input id=reason name="reason" required maxlength="300" />
                <button type="submit">{text.resolve_button}</button>
            </ActionForm>
        </article>
    }
}

/// Makes a print run and opens its printable page.
#[component]
fn PrintForm(cycle_id: i32) -> impl IntoView {
    let text = tp();
    let print = ServerAction::<PrintPaper>::new();
    view! {
        <h2 id="print-heading">{text.print_heading}</h2>
        <p class="hint">{text.print_help}</p>
        <ActionError action=print />
        <ActionForm action=print attr:class="stacked" attr:aria-labelledby="print-heading">
            <input type="hidden" name="cycle" value=cycle_id />
            <label for="paper-count">{text.print_count}</label>
            <input id="paper-count" name="count" required inputmode="numeric" value="30" />
            <button type="submit">{text.print_button}</button>
        </ActionForm>
    }
}
