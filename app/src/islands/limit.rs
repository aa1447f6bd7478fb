//! A text field with a character limit that says, as one types, how much
//! of the limit is used (the server checks the same limit).

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::t;
use crate::islands::in_browser;

/// A labelled input (or textarea when `rows` is set) limited to `max`
/// characters, with a live count under it. Screen readers hear the count
/// only when a tenth of the limit is left.
#[island]
pub fn LimitedText(
    /// The input's id (its label points at it).
    id: String,
    /// The form field's name.
    name: String,
    /// The label's text.
    label: String,
    /// The most characters the server takes.
    max: usize,
    /// The starting text.
    value: String,
    /// Lines for a textarea; 0 for a one-line input.
    rows: usize,
) -> impl IntoView {
    let text = t();
    let running = in_browser();
    let (length, set_length) = signal(value.chars().count());
    let count_id = format!("{id}-count");
    let on_input = move |ev| set_length.set(event_target_value(&ev).chars().count());
    let field = if rows > 0 {
        Either::Left(view! {
            <textarea id=id.clone() name=name required maxlength=max rows=rows aria-describedby=count_id.clone() on:input=on_input>
                {value}
            </textarea>
        })
    } else {
        Either::Right(view! {
            <input id=id.clone() name=name required maxlength=max value=value aria-describedby=count_id.clone() on:input=on_input />
        })
    };
    let near_limit = move || length.get() * 10 >= max * 9;
    view! {
        <label for=id>{label}</label>
        {field}
        <p id=count_id class="hint count" aria-live=move || if near_limit() { "polite" } else { "off" }>
            {move || if running.get() {
                (text.characters_used)(length.get(), max)
            } else {
                (text.characters_at_most)(max)
            }}
        </p>
    }
}
