//! The voter-code field: says, as the code is typed, whether it has a
//! typo (the code's check character), before the server is asked. The
//! server parses the code again; this only spares a round trip.

use leptos::prelude::*;
use pebble_domain::{CodeError, VoterCode};

use crate::i18n::tv;

/// What the field says about `typed`: nothing while it is still being
/// typed, else whether it is a code.
fn feedback(typed: &str) -> Option<Result<(), CodeError>> {
    use pebble_domain::voter_code::ALPHABET;
    let stray = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .find(|c| !u8::try_from(*c).is_ok_and(|b| ALPHABET.contains(&b)));
    if let Some(c) = stray {
        return Some(Err(CodeError::Character(c)));
    }
    match typed.parse::<VoterCode>() {
        Ok(_) => Some(Ok(())),
        Err(CodeError::Length(n)) if n < pebble_domain::voter_code::SYMBOLS => None,
        Err(error) => Some(Err(error)),
    }
}

/// The labelled code input (`name="code"`) and its live feedback;
/// `error` is the server's word on the code last sent.
#[island]
pub fn CodeField(value: String, error: Option<String>) -> impl IntoView {
    let text = tv();
    let (typed, set_typed) = signal(value.clone());
    let (server_error, set_server_error) = signal(error);
    let message = move || match server_error.get() {
        Some(error) => Some((false, error)),
        None => feedback(&typed.get()).map(|result| match result {
            Ok(()) => (true, text.code_looks_right.to_owned()),
            Err(e) => (false, (text.code_error)(&e)),
        }),
    };
    view! {
        <label for="voter-code">{text.code_label}</label>
        <input
            id="voter-code"
            name="code"
            class="code-input"
            required
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            value=value
            aria-describedby="voter-code-help voter-code-feedback"
            aria-invalid=move || if message().is_some_and(|(ok, _)| !ok) { "true" } else { "false" }
            on:input=move |ev| {
                set_server_error.set(None);
                set_typed.set(event_target_value(&ev));
            }
        />
        <p id="voter-code-help" class="hint">{text.code_help}</p>
        <p id="voter-code-feedback" aria-live="polite" class=move || match message() {
            Some((true, _)) => "code-feedback ok",
            Some((false, _)) => "code-feedback error",
            None => "code-feedback",
        }>{move || message().map(|(_, m)| m)}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_still_being_typed_gets_no_feedback_but_a_wrong_character_does() {
        assert_eq!(feedback("ABC"), None);
        assert!(matches!(
            feedback("ABI"),
            Some(Err(CodeError::Character('I')))
        ));
        assert!(matches!(
            feedback(&"2".repeat(19)),
            Some(Err(CodeError::Length(19)))
        ));
    }

    #[test]
    fn a_whole_code_is_right_or_has_a_typo() {
        let code = VoterCode::generate({
            let mut n = 0u8;
            move || {
                n = n.wrapping_add(37);
                n
            }
        })
        .to_string();
        assert_eq!(feedback(&code), Some(Ok(())));
        let mut typo: Vec<char> = code.chars().collect();
        typo[0] = if typo[0] == '2' { '3' } else { '2' };
        let typo: String = typo.into_iter().collect();
        assert!(matches!(feedback(&typo), Some(Err(CodeError::Typo))));
    }
}
