//! The voter-code field: says, as the code is typed, whether it has a
//! typo (the code's check character), before the server is asked. The
//! server parses the code again; this only spares a round trip.

use leptos::prelude::*;
use pebble_domain::{CodeError, VoterCode};

use crate::i18n::tv;
use crate::islands::browser;

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

/// The code from the address's fragment (`#code=…`, or the code
/// alone), where the code card's QR link puts it: no server or proxy
/// ever sees a fragment.
fn code_in_fragment(fragment: &str) -> Option<String> {
    let fragment = fragment.trim_start_matches('#');
    let code = fragment.strip_prefix("code=").unwrap_or(fragment).trim();
    (!code.is_empty() && code.len() <= 40).then(|| code.replace("%20", " ").replace('+', " "))
}

/// The labelled code input (`name="code"`) and its live feedback;
/// `error` is the server's word on the code last sent. In the browser it
/// takes the code from the QR link's fragment (and takes it out of the
/// address), asks the server whether the code is one of the cycle's
/// before the ballot opens, and says so if this tab already cast a
/// ballot in the cycle.
#[island]
pub fn CodeField(value: String, error: Option<String>, cycle: i32, shared: bool) -> impl IntoView {
    let text = tv();
    let (typed, set_typed) = signal(value.clone());
    let (server_error, set_server_error) = signal(error);
    let checking = RwSignal::new(false);
    let kept = RwSignal::new(None::<crate::islands::ballot::Kept>);
    Effect::new(move |_| {
        if let Some(code) = browser::fragment().as_deref().and_then(code_in_fragment) {
            set_typed.set(code);
            browser::drop_fragment();
        }
        // On a shared device the code step is the next voter's: it shows
        // nothing of the last one.
        if !shared {
            kept.set(crate::islands::ballot::load(cycle));
        }
    });
    let message = move || match server_error.get() {
        Some(error) => Some((false, error)),
        None => feedback(&typed.get()).map(|result| match result {
            Ok(()) => (true, text.code_looks_right.to_owned()),
            Err(e) => (false, (text.code_error)(&e)),
        }),
    };
    let check_then_open = move |ev: leptos::ev::SubmitEvent| {
        if !browser::is_form(&ev, "vote-form") || browser::submitted_by_language(&ev) {
            return;
        }
        ev.prevent_default();
        if checking.get_untracked() {
            return;
        }
        checking.set(true);
        let code = typed.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::api::vote::check_code(cycle, code).await {
                Ok(()) => browser::submit_plainly("vote-form"),
                Err(error) => {
                    set_server_error.set(Some(error.message().to_owned()));
                    checking.set(false);
                }
            }
        });
    };
    let listener = window_event_listener(leptos::ev::submit, check_then_open);
    on_cleanup(move || listener.remove());
    let address = move |path: &str| {
        let mode = if shared { "&shared=1" } else { "" };
        format!("{path}?cycle={cycle}{mode}")
    };
    view! {
        {move || kept.get().and_then(|k| k.receipt).map(|receipt| view! {
            <div class="kept-receipt" role="status">
                <crate::components::receipt::ReceiptView receipt />
                <p class="hint">{text.voted_in_tab}" "<a href=address("/vote/ballot")>{text.see_receipt}</a></p>
            </div>
        })}
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
            prop:value=move || typed.get()
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
