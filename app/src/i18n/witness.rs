//! The words of a committee member's witness step (cosigning the ballot
//! log when voting opens and once it is sealed), one [`WitnessStrings`]
//! per language.

mod en;
mod es;

use super::Lang;

/// The witness step's text in one language.
#[derive(Debug)]
pub struct WitnessStrings {
    /// The step's heading.
    pub heading: &'static str,
    /// What cosigning at the opening does.
    pub opening_help: &'static str,
    /// What cosigning the sealed log does.
    pub sealed_help: &'static str,
    /// The checkpoint to cosign: its size and root (base64).
    pub checkpoint: fn(u64, &str) -> String,
    /// The member has cosigned this checkpoint.
    pub done: &'static str,
    /// The size the member cosigned last, if any.
    pub last_cosigned: fn(Option<u64>) -> String,
    /// The button that cosigns with the key.
    pub button: &'static str,
    /// Cosigning without JavaScript, given the log's key and the
    /// member's key name: the command, then what to paste.
    pub offline: fn(&str, &str) -> String,
    /// The request to save for `pebble-verify cosign`.
    pub request_label: &'static str,
    /// The checkpoint this member cosigned last, to save as the state
    /// file of `pebble-verify cosign`.
    pub handed_label: &'static str,
    /// The pasted cosignature line's label.
    pub line_label: &'static str,
    /// The button that sends a pasted cosignature.
    pub send: &'static str,
    /// After a cosignature was kept.
    pub cosigned_notice: &'static str,
    /// Browser problem: the log is not consistent with what was cosigned.
    pub not_consistent: &'static str,
    /// Browser problem: the hand-back is not the member's.
    pub not_cosigned: &'static str,
    /// Browser problem: a later cosignature was withheld.
    pub withheld: &'static str,
    /// Refusal: the policy does not ask this member to witness.
    pub not_a_witness: &'static str,
    /// Refusal: a size that is not this log's.
    pub bad_size: &'static str,
    /// Refusal: the line does not verify with the member's key.
    pub bad_line: fn(u64) -> String,
}

impl Lang {
    /// The witness step's strings in this language.
    pub fn witness(self) -> &'static WitnessStrings {
        match self {
            Lang::En => &en::WITNESS,
            Lang::Es => &es::WITNESS,
        }
    }
}

/// The page's witness strings.
pub fn tw() -> &'static WitnessStrings {
    super::use_lang().witness()
}
