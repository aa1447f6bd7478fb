//! The ballot: the voter fills it, reviews it in words and casts it,
//! and gets the receipt, all in the page; "not cast yet" stays until the
//! cast succeeds. The ballot in progress, then the receipt, is kept in
//! the tab's session storage (never on the server), so a reload or Back
//! shows the same ballot, or says it was cast and shows the receipt.
//!
//! The island starts from what the page's form holds: a voter on a slow
//! phone who ticks boxes before the island runs keeps every tick. Without
//! JavaScript the same form posts to `/vote/review`.
//!
//! If the answer to a cast is lost (the network drops), the island does
//! not cast again: it made the nonce, so it knows its entry's leaf hash,
//! and asks the log where that leaf is.
//!
//! Shared-device mode (class voting): after a cast the receipt shows
//! until the voter is done, then the page clears for the next voter; an
//! unfinished ballot with no input for `idle` seconds is cleared, with a
//! warning fixed in view well before.

mod browser;
mod ranked;
mod review;
mod sections;

pub use browser::{Kept, load, print};

use std::sync::Arc;

use counting::ballot::BallotKind;
use leptos::either::{EitherOf3, EitherOf4};
use leptos::prelude::*;
use pebble_domain::ballot_form::BallotFields;

use crate::api::vote::BallotSheet;
use crate::ballot_box::Receipt;
use crate::components::ballot::money;
use crate::components::receipt::ReceiptView;
use crate::i18n::tv;
use crate::islands::in_browser;
use crate::pages::vote::posted::VoteState;

/// Where the voter is.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// No code yet (a plain reload with nothing kept in the tab).
    NoCode,
    Filling,
    Review,
    Casting,
    Cast(Box<Receipt>),
}

/// How long before clearing a shared device warns, in seconds: a
/// quarter of the idle time, at least 20 (or all of it, if shorter) and
/// at most 60.
fn warning(idle: u64) -> u64 {
    (idle / 4).clamp(20, 60).min(idle)
}

/// The ballot of `sheet` for `code` (empty: restore the tab's ballot).
/// `initial` prefills it (the review's "change", or the language
/// switch); `shared` turns on shared-device mode, clearing after `idle`
/// seconds without input.
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
    let state = VoteState {
        cycle: Some(cycle),
        shared,
        idle,
        ..VoteState::default()
    };
    let code = RwSignal::new(code);
    // What the voter ticked or typed before the island ran, read from the
    // page now, before hydration sets the inputs from the island's state;
    // it is applied once hydrated (the page first hydrates as the server
    // rendered it).
    let typed_before = browser::form_fields("vote-form").filter(|now| *now != initial);
    let fields = RwSignal::new(initial.clone());
    let nonce = RwSignal::new(String::new());
    let stage = RwSignal::new(if code.get_untracked().is_empty() {
        Stage::NoCode
    } else {
        Stage::Filling
    });
    let problem = RwSignal::new(None::<String>);
    let (announced, announce) = signal(String::new());
    let idle_for = RwSignal::new(0u64);
    let here = state.address("/vote/ballot");
    Effect::new(move |_| {
        // A reload asks for this plain address again (never re-posting
        // the code), and the tab's storage restores the rest.
        crate::islands::browser::replace_address(&here);
        let kept = load(cycle);
        match kept {
            Some(kept) if code.get_untracked().is_empty() || kept.code == code.get_untracked() => {
                code.set(kept.code);
                nonce.set(kept.nonce);
                match kept.receipt {
                    Some(receipt) => stage.set(Stage::Cast(Box::new(receipt))),
                    None => {
                        fields.set(typed_before.clone().unwrap_or(kept.fields));
                        stage.set(Stage::Filling);
                    }
                }
            }
            _ => {
                if let Some(now) = typed_before.clone() {
                    fields.set(now);
                }
            }
        }
        if nonce.get_untracked().is_empty() {
            nonce.set(
                crate::islands::browser::random::<16>()
                    .map_or_else(String::new, |b| counting::merkle::to_hex(&b)),
            );
        }
    });
    Effect::new(move |_| {
        let now = fields.get();
        let cast = matches!(stage.get_untracked(), Stage::Cast(_) | Stage::NoCode);
        if running.get() && !cast {
            browser::save(
                cycle,
                &Kept {
                    code: code.get_untracked(),
                    fields: now,
                    nonce: nonce.get_untracked(),
                    receipt: None,
                },
            );
        }
    });
    let cleared_address = format!("{}&cleared=1", state.address("/vote"));
    let next_voter = move || {
        browser::forget(cycle);
        browser::go(&cleared_address);
    };
    if shared {
        let next_voter = next_voter.clone();
        Effect::new(move |_| {
            let next_voter = next_voter.clone();
            let tick = set_interval_with_handle(
                move || {
                    if matches!(stage.get_untracked(), Stage::NoCode) {
                        return;
                    }
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
    let warn_from = idle.saturating_sub(warning(idle));
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
    let hidden_state = state.clone();
    let form = move || {
        let sheet = form_sheet.clone();
        let section = match kind {
            BallotKind::Approval => {
                EitherOf3::A(view! { <sections::Approval sheet fields running shared /> })
            }
            BallotKind::Ranked => {
                EitherOf3::B(view! { <ranked::Ranked sheet fields running announce shared /> })
            }
            BallotKind::Allocation => {
                EitherOf3::C(view! { <sections::Allocation sheet fields running shared /> })
            }
        };
        let hidden = VoteState {
            code: code.get_untracked(),
            nonce: nonce.get_untracked(),
            ..hidden_state.clone()
        };
        view! {
            <form id="vote-form" class="ballot-form" method="post" action="/vote/review"
                on:submit=move |ev| {
                    if crate::islands::browser::submitted_by_language(&ev) {
                        return;
                    }
                    ev.prevent_default();
                    problem.set(None);
                    stage.set(Stage::Review);
                }>
                {crate::pages::vote::hidden_inputs(VoteState { fields: BallotFields::default(), ..hidden }.hidden_pairs())}
                <p class="hint">{help.clone()}</p>
                {section}
                <div class="ballot-actions">
                    <button type="submit" class="primary">{text.review}</button>
                </div>
            </form>
        }
    };
    // Made once for the island: a view that re-renders must not take the
    // callbacks of a cast still on its way with it.
    let on_change = Callback::new(move |_| stage.set(Stage::Filling));
    let on_cast = Callback::new(move |_| {
        stage.set(Stage::Casting);
        problem.set(None);
    });
    let on_cast_done = Callback::new(move |outcome: Result<Receipt, String>| match outcome {
        Ok(receipt) => {
            browser::save(
                cycle,
                &Kept {
                    code: code.get_untracked(),
                    fields: fields.get_untracked(),
                    nonce: nonce.get_untracked(),
                    receipt: Some(receipt.clone()),
                },
            );
            stage.set(Stage::Cast(Box::new(receipt)));
        }
        Err(message) => {
            problem.set(Some(message));
            stage.set(Stage::Review);
        }
    });
    let casting = Signal::derive(move || stage.get() == Stage::Casting);
    let review_sheet = sheet.clone();
    let review = move || {
        view! {
            <review::Review sheet=review_sheet.clone() fields code nonce stage_casting=casting
                problem on_change on_cast on_cast_done />
        }
    };
    // Which view shows: reviewing and casting share one, so that the
    // review is not rebuilt while its cast is on the way.
    let shown = Memo::new(move |_| match stage.get() {
        Stage::NoCode => 0u8,
        Stage::Filling => 1,
        Stage::Review | Stage::Casting => 2,
        Stage::Cast(_) => 3,
    });
    let enter_code = state.address("/vote");
    view! {
        <div class="ballot" on:input=move |_| idle_for.set(0) on:click=move |_| idle_for.set(0)
            on:keydown=move |_| idle_for.set(0)>
            {shared.then(|| view! { <p class="notice shared-notice">{text.shared_notice}</p> })}
            {move || (shared && running.get() && idle_for.get() >= warn_from && !matches!(stage.get(), Stage::NoCode)).then(|| view! {
                <div class="notice idle-warning" role="alert">
                    <p>{(text.clearing_in)(idle.saturating_sub(idle_for.get()))}</p>
                    <button type="button" class="secondary" on:click=move |_| idle_for.set(0)>{text.still_here}</button>
                </div>
            })}
            {move || matches!(stage.get(), Stage::Filling | Stage::Review | Stage::Casting).then(|| view! {
                <p class="not-cast" role="status">{text.not_cast_yet}</p>
            })}
            {move || match (shown.get(), stage.get_untracked()) {
                (0, _) => EitherOf4::A(view! {
                    <p class="notice">{text.enter_code_first}</p>
                    <p><a class="button primary" href=enter_code.clone()>{text.open_ballot}</a></p>
                }),
                (1, _) => EitherOf4::B(form()),
                (_, Stage::Cast(receipt)) => EitherOf4::D(view! {
                    <ReceiptView receipt=*receipt />
                    <p class="ballot-actions no-print">
                        <button type="button" class="secondary" on:click=move |_| browser::print()>{text.print_receipt}</button>
                        {shared.then(|| {
                            let next_voter = next_voter.clone();
                            view! {
                                <button type="button" class="primary next-voter" on:click=move |_| next_voter()>{text.next_voter}</button>
                            }
                        })}
                    </p>
                }),
                _ => EitherOf4::C(review()),
            }}
            <p class="visually-hidden" aria-live="polite">{move || announced.get()}</p>
        </div>
    }
}
