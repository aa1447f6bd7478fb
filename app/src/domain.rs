//! Pebble's participation rules, shared by the server (which enforces
//! them) and the browser (which explains them before a round trip).

pub mod account;
pub mod cycle_form;
pub mod fields;
pub mod image;
pub mod phase;
pub mod problem;
pub mod role;
pub mod status;

pub use cycle_form::{CycleForm, CycleSettings, CycleText};
pub use fields::{CommentBody, FieldError, ProposalDraft, Reason};
pub use phase::{Action, Phase, PhaseRefusal};
pub use role::Role;
pub use status::Status;
