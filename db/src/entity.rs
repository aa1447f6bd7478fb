//! sea-orm entities, one module per table.

pub mod account;
pub mod ballot_log;
pub mod certification;
pub mod code_group;
pub mod comment;
pub mod comment_report;
pub mod committee_seat;
pub mod cosignature;
pub mod count_record;
pub mod cycle;
pub mod cycle_committee;
pub mod frozen_manifest;
pub mod invite;
pub mod log_entry;
pub mod log_key;
pub mod log_node;
pub mod member_key;
pub mod paper_ballot;
pub mod paper_entry;
pub mod paper_resolution;
pub mod proposal;
pub mod proposal_image;
pub mod session;
pub mod sign_in_failure;
pub mod stored;
pub mod tiebreak_commitment;
pub mod tiebreak_reveal;
pub mod voter_code;

pub use stored::Stored;
