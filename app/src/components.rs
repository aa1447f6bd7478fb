//! Pieces shared by several pages.

pub mod ballot;
pub mod committee_key;
pub mod feedback;
pub mod language;
pub mod layout;
pub mod log_witness;
pub mod money;
pub mod proposal_form;
pub mod proposal_image;
pub mod receipt;
pub mod receipt_check;
pub mod session;
pub mod thread;
