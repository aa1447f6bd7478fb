//! sea-orm entities, one module per table.

pub mod account;
pub mod comment;
pub mod comment_report;
pub mod cycle;
pub mod invite;
pub mod proposal;
pub mod session;
