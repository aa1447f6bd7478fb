//! The `pebble` server: configuration, the axum application around the
//! Leptos routes, and the operational endpoints.

// The app's island views are typed all the way down (see pebble_app), and
// rendering them here nests deeper than the default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod assets;
pub mod client_address;
pub mod commands;
pub mod config;
pub mod headers;
pub mod health;
pub mod images;
pub mod multipart;
pub mod page_deadline;
pub mod panics;
pub mod posted;
pub mod redirects;
pub mod results_csv;
pub mod same_origin;
pub mod startup;
pub mod telemetry;
pub mod too_large;
pub mod witness;
pub mod witnessing;

pub use config::{DatabaseConfig, ServeConfig};
pub use startup::Application;
