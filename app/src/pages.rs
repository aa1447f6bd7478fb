//! One module per page.

pub mod account;
pub mod admin;
pub mod committee_keys;
pub mod count;
pub mod home;
pub mod join;
pub mod new_proposal;
pub mod not_found;
pub mod paper;
pub mod proposal;
pub mod receipt;
pub mod results;
pub mod sign_in;
pub mod vote;
