//! Pebble's participation rules, free of any web or database
//! framework: the server enforces them, the storage layer stores their
//! values, and the browser explains them before a round trip.
//!
//! Everything people type is parsed here once, into values with private
//! fields that only a checking constructor makes ("parse, don't
//! validate"), so no path into storage skips a check.

pub mod account;
pub mod ballot_form;
pub mod cycle_form;
pub mod fields;
pub mod image;
pub mod local_path;
mod named;
pub mod paper_serial;
pub mod phase;
pub mod problem;
pub mod public_url;
pub mod role;
pub mod roster;
pub mod status;
pub mod transition;
pub mod voter_code;

pub use cycle_form::{CycleForm, CycleSettings, CycleText, SettingsParts};
pub use fields::{CommentBody, Entropy, FieldError, ProposalDraft, PublicNote, Reason};
pub use local_path::LocalPath;
pub use named::{Named, UnknownName};
pub use paper_serial::{PaperSerial, SerialError};
pub use phase::{Action, Phase, PhaseRefusal, english_refusal};
pub use problem::{Label, Problem};
pub use public_url::{PublicUrl, PublicUrlError};
pub use role::Role;
pub use status::Status;
pub use transition::MoveRefusal;
pub use voter_code::{CodeError, VoterCode};
