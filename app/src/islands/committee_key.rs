//! A committee member's key, used in their own browser: the key file is
//! read and unsealed here (Argon2id and Ed25519 from the `counting`
//! crate, compiled to wasm), and only what the key makes (a public key,
//! a commitment, a revealed secret, a signed decision) is put in the
//! page's plain form and posted. The secret key never leaves the page.
//!
//! Each island sits beside a plain form that works without JavaScript
//! (the member pastes what `pebble-verify` printed); when JavaScript
//! runs, the island fills that form's fields and sends it.

use counting::committee::{KdfParams, KeyFile, KeyFileError, MemberKey, commitment};
use counting::merkle::{from_hex, to_hex};
use counting::record::Decision;
use counting::record::certification::note_text_for;
use leptos::either::Either;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{CountStrings, tc};
use crate::islands::{browser, in_browser};

/// What the key is used for, and what the island puts in the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyTask {
    /// A new tie-break commitment: fields `salt` and `commitment`.
    Commit,
    /// The secret of the commitment made with `salt` (hex): field
    /// `secret`.
    Reveal {
        /// The commitment's salt.
        salt: String,
    },
    /// A signed decision on the record: field `note`. A reason, for an
    /// objection, is read from the form's `reason` field.
    Sign {
        /// The log's name.
        origin: String,
        /// The member's index on the frozen committee.
        member: u32,
        /// The record hash (hex).
        record_hash: String,
        /// Certify or object.
        decision: Decision,
    },
}

/// Why the key could not be used, in words.
fn key_problem(text: &CountStrings, e: &KeyFileError) -> String {
    match e {
        KeyFileError::NotKeyFile => text.key_not_a_file.to_owned(),
        KeyFileError::WrongPassphrase => text.key_wrong_passphrase.to_owned(),
        KeyFileError::ShortPassphrase => text.key_short_passphrase.to_owned(),
        KeyFileError::Params => text.key_not_a_file.to_owned(),
    }
}

/// What the task makes with `key`: each form field's name and value.
fn perform(
    task: &KeyTask,
    key: &MemberKey,
    reason: &str,
    text: &CountStrings,
) -> Result<Vec<(&'static str, String)>, String> {
    match task {
        KeyTask::Commit => {
            let salt: [u8; 16] = browser::random().ok_or(text.key_no_random)?;
            let made = commitment(&key.tiebreak_secret(&salt));
            Ok(vec![("salt", to_hex(&salt)), ("commitment", to_hex(&made))])
        }
        KeyTask::Reveal { salt } => {
            let salt: [u8; 16] = counting::merkle::bytes_from_hex(salt)
                .and_then(|b| b.try_into().ok())
                .ok_or(text.key_not_a_file)?;
            Ok(vec![("secret", to_hex(&key.tiebreak_secret(&salt)))])
        }
        KeyTask::Sign {
            origin,
            member,
            record_hash,
            decision,
        } => {
            if *decision == Decision::Object && reason.trim().is_empty() {
                return Err(text.reason_required.to_owned());
            }
            let hash = from_hex(record_hash).ok_or(text.key_not_a_file)?;
            let at = browser::now_utc().ok_or(text.key_no_random)?;
            let signer = key
                .signer(&format!("{origin}/committee/{member}"))
                .map_err(|_| text.key_not_a_file.to_owned())?;
            let note = signer
                .sign(&note_text_for(origin, &hash, *decision, &at, reason))
                .map_err(|_| text.key_not_a_file.to_owned())?;
            Ok(vec![("note", note)])
        }
    }
}

/// The key file and passphrase fields and the button that uses the key
/// for `task`, filling and sending the form `form`. `public_key` (hex),
/// when given, is the key the server expects: another file is refused
/// here, before anything is sent.
#[island]
pub fn KeyUse(
    task: KeyTask,
    form: String,
    public_key: Option<String>,
    button: String,
) -> impl IntoView {
    let text = tc();
    let running = in_browser();
    let file_text = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let file_id = format!("{form}-key-file");
    let pass_id = format!("{form}-passphrase");
    let run = move || {
        problem.set(None);
        busy.set(true);
        let (task, form, public_key) = (task.clone(), form.clone(), public_key.clone());
        // Argon2id takes a second or two: let the page say "working"
        // before the wasm is busy.
        set_timeout(
            move || {
                let outcome = KeyFile::parse(&file_text.get_untracked())
                    .and_then(|file| file.open(&passphrase.get_untracked()))
                    .map_err(|e| key_problem(text, &e))
                    .and_then(|key| {
                        let expected = public_key.as_deref().and_then(from_hex);
                        if expected.is_some_and(|k| k != key.public_key()) {
                            return Err(text.key_not_yours.to_owned());
                        }
                        let reason = browser::field(&form, "reason").unwrap_or_default();
                        perform(&task, &key, &reason, text)
                    });
                match outcome {
                    Ok(fields) => {
                        for (name, value) in fields {
                            browser::set_field(&form, name, &value);
                        }
                        browser::submit(&form);
                    }
                    Err(message) => {
                        problem.set(Some(message));
                        busy.set(false);
                    }
                }
            },
            std::time::Duration::from_millis(40),
        );
    };
    move || {
        if !running.get() {
            return Either::Left(view! { <p class="hint">{text.key_needs_script}</p> });
        }
        let run = run.clone();
        Either::Right(view! {
            <div class="key-use stacked">
                <label for=file_id.clone()>{text.key_file_label}</label>
                <input id=file_id.clone() type="file" accept=".json,application/json"
                    on:change=move |ev| browser::read_file(ev, file_text) />
                <label for=pass_id.clone()>{text.passphrase_label}</label>
                <input id=pass_id.clone() type="password" autocomplete="off"
                    on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                <button type="button" class="primary" disabled=move || busy.get()
                    on:click=move |_| run()>
                    {let button = button.clone(); move || if busy.get() { text.key_working.to_owned() } else { button.clone() }}
                </button>
                <p role="alert" class="error" hidden=move || problem.get().is_none()>
                    {move || problem.get()}
                </p>
            </div>
        })
    }
}

/// Makes a new key in the browser: a passphrase typed twice, the key
/// file to download and keep, then its public key registered with the
/// form `form` (field `public_key`).
#[island]
pub fn KeyMaker(owner: String, form: String) -> impl IntoView {
    let text = tc();
    let running = in_browser();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let made = RwSignal::new(None::<(String, String)>);
    let saved = RwSignal::new(false);
    let file_name = format!("pebble-committee-key-{owner}.json");
    let make = move || {
        problem.set(None);
        if first.get_untracked() != second.get_untracked() {
            problem.set(Some(text.passphrases_differ.to_owned()));
            return;
        }
        busy.set(true);
        let owner = owner.clone();
        set_timeout(
            move || {
                let sealed = match (browser::random::<32>(), browser::random::<16>()) {
                    (Some(seed), Some(salt)) => {
                        let key = MemberKey::from_seed(seed);
                        KeyFile::seal(
                            &key,
                            &owner,
                            &first.get_untracked(),
                            salt,
                            KdfParams::default(),
                        )
                        .map(|file| (file.to_text(), to_hex(&key.public_key())))
                        .map_err(|e| key_problem(text, &e))
                    }
                    _ => Err(text.key_no_random.to_owned()),
                };
                match sealed {
                    Ok(made_now) => made.set(Some(made_now)),
                    Err(message) => problem.set(Some(message)),
                }
                busy.set(false);
            },
            std::time::Duration::from_millis(40),
        );
    };
    let register = move || {
        if let Some((_, public)) = made.get_untracked() {
            browser::set_field(&form, "public_key", &public);
            browser::submit(&form);
        }
    };
    move || {
        if !running.get() {
            return Either::Left(view! { <p class="hint">{text.key_needs_script}</p> });
        }
        let make = make.clone();
        let register = register.clone();
        let file_name = file_name.clone();
        Either::Right(view! {
            <div class="key-maker stacked">
                <label for="new-passphrase">{text.new_passphrase_label}</label>
                <input id="new-passphrase" type="password" autocomplete="new-password" minlength="12"
                    aria-describedby="new-passphrase-help"
                    on:input=move |ev| first.set(event_target_value(&ev)) />
                <p id="new-passphrase-help" class="hint">{text.new_passphrase_help}</p>
                <label for="new-passphrase-again">{text.passphrase_again_label}</label>
                <input id="new-passphrase-again" type="password" autocomplete="new-password"
                    on:input=move |ev| second.set(event_target_value(&ev)) />
                <button type="button" class="primary" disabled=move || busy.get() || made.get().is_some()
                    on:click=move |_| make()>
                    {move || if busy.get() { text.key_working } else { text.make_key }}
                </button>
                <p role="alert" class="error" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
                {move || made.get().map(|(file, _)| view! {
                    <div class="notice" role="status">
                        <p>{text.key_made}</p>
                        <p>
                            <a class="button" href=browser::data_address(&file) download=file_name.clone()
                                on:click=move |_| saved.set(true)>{text.download_key}</a>
                        </p>
                        <button type="button" class="primary" disabled=move || !saved.get()
                            on:click={let register = register.clone(); move |_| register()}>{text.register_key}</button>
                    </div>
                })}
            </div>
        })
    }
}
