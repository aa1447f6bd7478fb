//! An amount of money typed into a form, read back as the server will
//! read it (the same parser, from the domain crate) while it is typed.

use leptos::prelude::*;

use crate::components::money::format_money;
use crate::domain::fields::{Label, cost};
use crate::i18n::t;
use crate::islands::in_browser;

/// Which amount a field holds, for the messages that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AmountKind {
    /// A proposal's estimated cost.
    Estimate,
    /// The committee's cost on the ballot.
    BallotCost,
}

/// A labelled amount input that says, as one types, what amount it will
/// be read as (`$1,250.50`) or what is wrong with it.
#[island]
pub fn AmountField(
    /// The input's id (its label points at it).
    id: String,
    /// The form field's name.
    name: String,
    /// The label's text.
    label: String,
    /// The starting text.
    value: String,
    /// The cycle's currency code, for showing the amount.
    currency: String,
    /// Which amount this is.
    kind: AmountKind,
    /// Whether the form needs it (a review that is not "feasible" does not).
    required: bool,
) -> impl IntoView {
    let text = t();
    let running = in_browser();
    let (typed, set_typed) = signal(value.clone());
    let reading_id = format!("{id}-reading");
    let label_of = match kind {
        AmountKind::Estimate => Label::EstimatedCost,
        AmountKind::BallotCost => Label::BallotCost,
    };
    let reading = Memo::new(move |_| {
        let raw = typed.get();
        if !running.get() || raw.trim().is_empty() {
            return (String::new(), "hint amount-reading");
        }
        match cost("amount", label_of, &raw) {
            Ok(amount) => (
                format!("= {}", format_money(amount, &currency)),
                "hint amount-reading",
            ),
            Err(error) => (
                text.field_error(&error),
                "hint amount-reading amount-problem",
            ),
        }
    });
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id
            name=name
            required=required
            inputmode="decimal"
            value=value
            aria-describedby=reading_id.clone()
            on:input=move |ev| set_typed.set(event_target_value(&ev))
        />
        <p id=reading_id class=move || reading.get().1 aria-live="polite">{move || reading.get().0}</p>
    }
}
