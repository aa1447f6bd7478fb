//! `pebble check-log --cycle ID`: re-verifies a cycle's stored ballot log
//! ([`pebble_db::log::check`]): after restoring a backup, or whenever
//! someone wants to know that nobody edited the database. Exits non-zero
//! on the first sign of trouble, naming every problem found.

use clap::Args;
use counting::merkle::to_hex;
use pebble_db::DatabaseConnection;

/// `pebble check-log`'s arguments.
#[derive(Args, Debug)]
pub struct CheckLogArgs {
    /// The cycle's number.
    #[arg(long)]
    pub cycle: i32,
}

/// The report, or why the log does not hold.
pub async fn run(db: &DatabaseConnection, args: &CheckLogArgs) -> Result<String, String> {
    let cycle = args.cycle;
    let found = pebble_db::log::check::check(db, cycle)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("cycle {cycle} has no ballot log: voting never opened in it"))?;
    let sealed = if found.sealed {
        "sealed, and its sealed checkpoint verifies with the log key"
    } else {
        "open (not sealed yet)"
    };
    if found.ok() {
        return Ok(format!(
            "OK: cycle {cycle}'s log holds {} entries, each at its index with its leaf hash; every stored node is the one its entries make; root {}; {sealed}.\n",
            found.entries,
            to_hex(&found.root)
        ));
    }
    Err(format!(
        "cycle {cycle}'s log does not hold:\n  {}",
        found.problems.join("\n  ")
    ))
}
