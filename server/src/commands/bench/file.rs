//! `pebble bench --pb FILE`: time a real pabulib file, reading and
//! counting apart, best of several repeats.

use std::path::Path;
use std::time::{Duration, Instant};

use counting::pabulib;
use counting::{Rule, Seed, TieBreak};

/// The best time of `repeat` calls of `work` and its last result.
fn best_of<T>(
    repeat: usize,
    mut work: impl FnMut() -> Result<T, String>,
) -> Result<(Duration, T), String> {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let result = work()?;
        best = best.min(started.elapsed());
        last = Some(result);
    }
    last.map(|result| (best, result))
        .ok_or_else(|| "nothing was timed".to_owned())
}

/// Times reading `path` and counting it by `rule` (MES with add-one steps
/// of one unit of the file's currency, as `pebble tally` counts).
pub fn time_file(path: &Path, rule: Rule, repeat: usize) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (read, file) = best_of(repeat, || {
        pabulib::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    let manifest = file
        .manifest(rule, TieBreak::default_for(rule))
        .map_err(|e| e.to_string())?;
    let (built, (profile, _)) = best_of(repeat, || {
        file.profile(&manifest).map_err(|e| e.to_string())
    })?;
    let (counted, outcome) = best_of(repeat, || {
        counting::count_profile_stepped(&manifest, &profile, Seed::default(), file.currency_unit())
            .map_err(|e| e.to_string())
    })?;
    let bytes = u128::try_from(text.len()).unwrap_or(u128::MAX);
    let megabytes = Thousandths(bytes / 1_000);
    let speed = bytes * 1_000 / read.as_nanos().max(1);
    Ok(format!(
        "{}\n  {} votes, {} projects, {rule:?}\n  read   {:>8.3} s  ({megabytes} MB, {speed} MB/s)\n  ballots{:>8.3} s\n  count  {:>8.3} s  ({} funded, {} spent)\n  total  {:>8.3} s  (best of {repeat})\n",
        path.display(),
        file.votes.len(),
        file.projects.len(),
        read.as_secs_f64(),
        built.as_secs_f64(),
        counted.as_secs_f64(),
        outcome.winners.len(),
        file.amount(outcome.spent),
        (read + built + counted).as_secs_f64(),
    ))
}

/// A count of thousandths shown with one decimal (integer only: the
/// workspace forbids float arithmetic).
struct Thousandths(u128);

impl std::fmt::Display for Thousandths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0 / 1_000, self.0 % 1_000 / 100)
    }
}
