//! The ballot: the voter fills it, reviews it in words and casts it,
//! and gets the receipt, all in the page; "not cast yet" stays until the
//! cast succeeds. The ballot in progress is kept in the browser's session
//! storage (never on the server), so a reload keeps it.
//!
//! Without JavaScript the same fields post (GET) to `/vote/review`, which
//! shows the same review and casts with a plain form.
//!
//! Shared-device mode (class voting): after a cast the receipt shows
//! until the voter is done, then the page clears for the next voter; an
//! unfinished ballot with no input for `idle` seconds is cleared, with a
//! visible countdown before it.

mod browser;

pub use browser::print;
mod ranked;
mod sections;

use std::sync::Arc;

use counting::ballot::BallotKind;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::{BallotSheet, Receipt, cast_ballot};
use crate::components::ballot::{BallotSummary, check, money};
use crate::components::receipt::ReceiptView;
use crate::i18n::tv;
use crate::islands::in_browser;

/// Where the voter is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Filling,
    Review,
    Casting,
    Cast(Box<Receipt>),
}

/// Seconds of the idle countdown's warning, at most.
const WARNING: u64 = 30;

/// The ballot of `sheet` for `code`. `initial` prefills it (from the
/// review page's "change" link); `shared` turns on shared-device mode,
/// clearing after `idle` seconds without input.
#[island]
pub fn BallotForm(
    sheet: BallotSheet,
    code: String,
    initial: BallotFields,
    shared: bool,
    idle: u64,
) -> impl IntoView {
    let text = tv();
    let cycle = sheet.cycle_id;
    let sheet = Arc::new(sheet);
    let running = in_browser();
    let fields = RwSignal::new(initial);
    let nonce = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Filling);
    let problem = RwSignal::new(None::<String>);
    let (announced, announce) = signal(String::new());
    let idle_for = RwSignal::new(0u64);
    let kept_code = code.clone();
    Effect::new(move |_| {
        if let Some(kept) = browser::load(cycle).filter(|k| k.code == kept_code) {
            fields.set(kept.fields);
            nonce.set(kept.nonce);
        }
        if nonce.get_untracked().is_empty() {
            nonce.set(browser::nonce());
        }
    });
    let save_code = code.clone();
    Effect::new(move |_| {
        let now = fields.get();
        if running.get() && !matches!(stage.get_untracked(), Stage::Cast(_)) {
            browser::save(
                cycle,
                &browser::Kept {
                    code: save_code.clone(),
                    fields: now,
                    nonce: nonce.get_untracked(),
                },
            );
        }
    });
    let next_voter = move || {
        browser::forget(cycle);
        browser::go(&format!(
            "/vote?shared=1&cycle={cycle}&idle={idle}&cleared=1"
        ));
    };
    if shared {
        // The next voter on this device must not find this code in the
        // address or the history.
        Effect::new(move |_| {
            browser::replace_address(&format!("/vote?shared=1&cycle={cycle}&idle={idle}"));
        });
        Effect::new(move |_| {
            let tick = set_interval_with_handle(
                move || {
                    let now = idle_for.get_untracked() + 1;
                    idle_for.set(now);
                    if now >= idle {
                        next_voter();
                    }
                },
                std::time::Duration::from_secs(1),
            );
            on_cleanup(move || {
                if let Ok(tick) = tick {
                    tick.clear();
                }
            });
        });
    }
    let warn_from = idle.saturating_sub((idle / 4).clamp(1, WARNING));
    let review_sheet = sheet.clone();
    let cast_code = code.clone();
    let cast = move || {
        stage.set(Stage::Casting);
        problem.set(None);
        let now = fields.get_untracked();
        let code = cast_code.clone();
        let nonce = nonce.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = cast_ballot(
                cycle,
                code,
                Some(nonce),
                Some(now.choices),
                Some(now.ranks),
                Some(now.points),
                Some("1".to_owned()),
            )
            .await;
            match answer {
                Ok(receipt) => {
                    browser::forget(cycle);
                    stage.set(Stage::Cast(Box::new(receipt)));
                }
                Err(error) => {
                    problem.set(Some(error.message().to_owned()));
                    stage.set(Stage::Review);
                }
            }
        });
    };
    let kind = counting::ballot::rules_kind(&sheet.rules);
    let help = match &sheet.rules {
        counting::BallotRules::Approval { max_cost, .. } => (text.approval_help)(&money(
            &sheet,
            max_cost.map_or(sheet.budget, |c| c.minor_units()),
        )),
        counting::BallotRules::Ranked { max_ranks } => (text.ranked_help)(*max_ranks),
        counting::BallotRules::Allocation {
            points,
            must_use_all,
        } => (text.allocation_help)(*points, *must_use_all),
    };
    let form_sheet = sheet.clone();
    let form = move || {
        let sheet = form_sheet.clone();
        let section = match kind {
            BallotKind::Approval => {
                EitherOf3::A(view! { <sections::Approval sheet fields running /> })
            }
            BallotKind::Ranked => {
                EitherOf3::B(view! { <ranked::Ranked sheet fields running announce /> })
            }
            BallotKind::Allocation => {
                EitherOf3::C(view! { <sections::Allocation sheet fields running /> })
            }
        };
        view! {
            <form class="ballot-form" method="get" action="/vote/review"
                on:submit=move |ev| {
                    ev.prevent_default();
                    problem.set(None);
                    stage.set(Stage::Review);
                }>
                <input type="hidden" name="cycle" value=cycle />
                <input type="hidden" name="code" value=code.clone() />
                {shared.then(|| view! { <input type="hidden" name="shared" value="1" /> })}
                <p class="hint">{help.clone()}</p>
                {section}
                <div class="ballot-actions">
                    <button type="submit" class="primary">{text.review}</button>
                </div>
            </form>
        }
    };
    let review = move || {
        let checked = check(&review_sheet, &fields.get_untracked(), text);
        let casting = stage.get() == Stage::Casting;
        let cast = cast.clone();
        view! {
            <section class="ballot-review" aria-labelledby="review-heading">
                <h2 id="review-heading" tabindex="-1">{text.review_title}</h2>
                {match checked {
                    Ok(ballot) => Either::Left(view! {
                        <BallotSummary sheet=(*review_sheet).clone() ballot />
                        {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                        <div class="ballot-actions">
                            <button type="button" class="secondary" disabled=casting
                                on:click=move |_| stage.set(Stage::Filling)>{text.change}</button>
                            <button type="button" class="primary" disabled=casting
                                on:click=move |_| cast()>{if casting { text.casting } else { text.cast }}</button>
                        </div>
                    }),
                    Err(message) => Either::Right(view! {
                        <p class="error" role="alert">{text.cannot_cast}" "{message}</p>
                        <div class="ballot-actions">
                            <button type="button" class="primary"
                                on:click=move |_| stage.set(Stage::Filling)>{text.change}</button>
                        </div>
                    }),
                }}
            </section>
        }
    };
    view! {
        <div class="ballot" on:input=move |_| idle_for.set(0) on:click=move |_| idle_for.set(0)
            on:keydown=move |_| idle_for.set(0)>
            {shared.then(|| view! { <p class="notice shared-notice">{text.shared_notice}</p> })}
            {move || (shared && running.get() && idle_for.get() >= warn_from).then(|| view! {
                <div class="notice idle-warning" role="alert">
                    <p>{(text.clearing_in)(idle.saturating_sub(idle_for.get()))}</p>
                    <button type="button" class="secondary" on:click=move |_| idle_for.set(0)>{text.still_here}</button>
                </div>
            })}
            {move || (!matches!(stage.get(), Stage::Cast(_))).then(|| view! {
                <p class="not-cast" role="status">{text.not_cast_yet}</p>
            })}
            {move || match stage.get() {
                Stage::Filling => EitherOf3::A(form()),
                Stage::Review | Stage::Casting => EitherOf3::B(review()),
                Stage::Cast(receipt) => EitherOf3::C(view! {
                    <ReceiptView receipt=*receipt />
                    <p class="ballot-actions no-print">
                        <button type="button" class="secondary" on:click=move |_| browser::print()>{text.print_receipt}</button>
                        {shared.then(|| view! {
                            <button type="button" class="primary next-voter" on:click=move |_| next_voter()>{text.next_voter}</button>
                        })}
                    </p>
                }),
            }}
            <p class="visually-hidden" aria-live="polite">{move || announced.get()}</p>
        </div>
    }
}
