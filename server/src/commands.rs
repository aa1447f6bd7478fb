//! Command-line tasks that do not serve: counting, benchmarks, codes.

pub mod backup;
pub mod bench;
pub mod check_log;
pub mod codes;
pub mod export;
pub mod fuzz;
pub mod import;
pub mod loadgen;
pub mod tally;
pub mod witness;

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner on stderr for work of unknown length; hidden when stderr is
/// not a terminal.
pub fn spinner(message: impl Into<String>) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(message.into());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
