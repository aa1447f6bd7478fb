//! A committee member's key tools, as the server renders them for the
//! `keytools` wasm module (`keytools/`) to run: the key maker and the
//! key user, hidden until the module wires them, beside a note that the
//! plain paste-in form works without JavaScript. Every word they may show
//! is rendered here, in the page's language, in `data-msg-*` attributes.
//!
//! The module is loaded only by the pages that show a tool
//! ([`KeyTools`]), so Argon2id and Ed25519 signing are never in the
//! islands' bundle that every voter downloads.

use counting::record::Decision;
use leptos::prelude::*;

use crate::SiteAssets;
use crate::i18n::{tc, tw};

/// What the key is used for, and what the tool puts in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// A cosignature of the log's checkpoint as a witness: fields
    /// `cosignature` and `size`.
    Cosign {
        /// The c2sp.org/tlog-witness `add-checkpoint` request body.
        request: String,
        /// The log's verifier key.
        log_key: String,
        /// The member's witness key name.
        key_name: String,
        /// The checkpoint the member cosigned last, with their
        /// cosignature, if any.
        handed: Option<String>,
    },
}

/// A task's `data-*` attributes, as `keytools` reads them.
#[derive(Default)]
struct TaskAttributes {
    task: &'static str,
    salt: Option<String>,
    origin: Option<String>,
    member: Option<String>,
    record_hash: Option<String>,
    decision: Option<&'static str>,
    request: Option<String>,
    log_key: Option<String>,
    key_name: Option<String>,
    handed: Option<String>,
}

impl KeyTask {
    fn attributes(self) -> TaskAttributes {
        match self {
            KeyTask::Commit => TaskAttributes {
                task: "commit",
                ..TaskAttributes::default()
            },
            KeyTask::Reveal { salt } => TaskAttributes {
                task: "reveal",
                salt: Some(salt),
                ..TaskAttributes::default()
            },
            KeyTask::Sign {
                origin,
                member,
                record_hash,
                decision,
            } => TaskAttributes {
                task: "sign",
                origin: Some(origin),
                member: Some(member.to_string()),
                record_hash: Some(record_hash),
                decision: Some(decision.name()),
                ..TaskAttributes::default()
            },
            KeyTask::Cosign {
                request,
                log_key,
                key_name,
                handed,
            } => TaskAttributes {
                task: "cosign",
                request: Some(request),
                log_key: Some(log_key),
                key_name: Some(key_name),
                handed,
                ..TaskAttributes::default()
            },
        }
    }
}

/// Loads the key tools' module (once on a page that shows a tool).
#[component]
pub fn KeyTools() -> impl IntoView {
    let assets = use_context::<SiteAssets>().unwrap_or_default();
    let start = format!(
        "import init from \"{}\"; init({{ module_or_path: \"{}\" }});",
        assets.keytools.module, assets.keytools.wasm
    );
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce>{start}</script> }
}

/// The key file and passphrase fields and the button that uses the key
/// for `task`, filling and sending the form `form`. `public_key` (hex),
/// when given, is the key the server expects: another file is refused in
/// the browser, before anything is sent.
#[component]
pub fn KeyUse(
    /// What the key is used for.
    task: KeyTask,
    /// The id of the form the tool fills and sends.
    form: String,
    /// The member's registered public key (hex), if the server holds one.
    public_key: Option<String>,
    /// The button's words.
    button: String,
) -> impl IntoView {
    let text = tc();
    let witness = tw();
    let file_id = format!("{form}-key-file");
    let pass_id = format!("{form}-passphrase");
    let TaskAttributes {
        task,
        salt,
        origin,
        member,
        record_hash,
        decision,
        request,
        log_key,
        key_name,
        handed,
    } = task.attributes();
    view! {
        <div class="key-use stacked" data-key-use="" data-form=form hidden
            data-task=task data-salt=salt data-origin=origin data-member=member
            data-record-hash=record_hash data-decision=decision data-public-key=public_key
            data-request=request data-log-key=log_key data-key-name=key_name data-handed=handed
            data-msg-not-a-file=text.key_not_a_file
            data-msg-wrong-passphrase=text.key_wrong_passphrase
            data-msg-short-passphrase=text.key_short_passphrase
            data-msg-passphrases-differ=text.passphrases_differ
            data-msg-not-yours=text.key_not_yours
            data-msg-no-random=text.key_no_random
            data-msg-reason-required=text.reason_required
            data-msg-not-consistent=witness.not_consistent
            data-msg-not-cosigned=witness.not_cosigned
            data-msg-withheld=witness.withheld>
            <label for=file_id.clone()>{text.key_file_label}</label>
            <input id=file_id type="file" accept=".json,application/json" />
            <label for=pass_id.clone()>{text.passphrase_label}</label>
            <input id=pass_id type="password" autocomplete="off" />
            <button type="button" class="primary" data-working=text.key_working>{button}</button>
            <p role="alert" class="error" hidden></p>
        </div>
        <p class="hint" data-key-needs-script="">{text.key_needs_script}</p>
    }
}

/// Makes a new key in the browser: a passphrase typed twice, the key
/// file to download and keep, then its public key registered with the
/// form `form` (field `public_key`).
#[component]
pub fn KeyMaker(
    /// The member's username, written in the key file.
    owner: String,
    /// The id of the form that registers the public key.
    form: String,
) -> impl IntoView {
    let text = tc();
    let file_name = format!("pebble-committee-key-{owner}.json");
    view! {
        <div class="key-maker stacked" data-key-maker="" data-owner=owner data-form=form hidden
            data-msg-not-a-file=text.key_not_a_file
            data-msg-short-passphrase=text.key_short_passphrase
            data-msg-passphrases-differ=text.passphrases_differ
            data-msg-no-random=text.key_no_random>
            <label for="new-passphrase">{text.new_passphrase_label}</label>
            <input id="new-passphrase" type="password" autocomplete="new-password" minlength="12"
                aria-describedby="new-passphrase-help" />
            <p id="new-passphrase-help" class="hint">{text.new_passphrase_help}</p>
            <label for="new-passphrase-again">{text.passphrase_again_label}</label>
            <input id="new-passphrase-again" type="password" autocomplete="new-password" />
            <button type="button" class="primary" data-make="" data-working=text.key_working>{text.make_key}</button>
            <p role="alert" class="error" hidden></p>
            <div class="notice" role="status" data-made="" hidden>
                <p>{text.key_made}</p>
                <p><a class="button" data-download="" href="#" download=file_name>{text.download_key}</a></p>
                <button type="button" class="primary" data-register="" disabled>{text.register_key}</button>
            </div>
        </div>
        <p class="hint" data-key-needs-script="">{text.key_needs_script}</p>
    }
}
