//! Server functions: thin wrappers that parse input, check the role and
//! the phase, call the storage layer and map its errors to messages that
//! are safe to show.

// `#[server]` turns each function's arguments into the public fields of
// a generated struct, where doc comments cannot go; the functions' own
// docs say what the arguments mean.
#[allow(missing_docs)]
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod backend;
#[allow(missing_docs)]
pub mod codes;
#[allow(missing_docs)]
pub mod committee;
#[allow(missing_docs)]
pub mod count;
#[allow(missing_docs)]
pub mod cycle_editor;
#[allow(missing_docs)]
pub mod cycles;
pub mod home;
#[allow(missing_docs)]
pub mod paper;
#[allow(missing_docs)]
pub mod proposal_images;
#[allow(missing_docs)]
pub mod proposals;
#[allow(missing_docs)]
pub mod receipts;
#[allow(missing_docs)]
pub mod results;
#[allow(missing_docs)]
pub mod session;
#[allow(missing_docs)]
pub mod threads;
#[allow(missing_docs)]
pub mod vote;
#[allow(missing_docs)]
pub mod witnessing;
