//! `pebble export --cycle ID --format record|pb|csv`: a certified cycle's
//! record (JSON), ballots (pabulib) or results (CSV), written to a file
//! or standard output. Refused before certification, as the API is.

use std::path::PathBuf;

use counting::record::export;
use pebble_db::DatabaseConnection;
use pebble_db::count::{Published, published};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The election record, JSON.
    Record,
    /// The ballots as a pabulib `.pb` file.
    Pb,
    /// The results, one CSV row per project.
    Csv,
}

/// `pebble export`'s arguments.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The cycle's number.
    #[arg(long)]
    pub cycle: i32,
    /// record, pb or csv.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write here instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The export's text, or why there is none.
pub async fn text(db: &DatabaseConnection, args: &ExportArgs) -> Result<String, String> {
    let cycle = args.cycle;
    let (record, frozen) = match published(db, cycle).await.map_err(|e| e.to_string())? {
        Published::NoSuchCycle => return Err(format!("there is no cycle number {cycle}")),
        Published::NotYet(phase) => {
            return Err(format!(
                "cycle {cycle} is in the {phase} phase: its record and results are exported once the committee certifies the count"
            ));
        }
        Published::Certified(record, frozen) => (record, frozen),
    };
    let undecodable = || format!("cycle {cycle}'s record holds an entry that does not decode");
    match args.format {
        Format::Record => serde_json::to_string_pretty(&record)
            .map(|json| json + "\n")
            .map_err(|e| e.to_string()),
        Format::Pb => export::pb(&frozen, &record).ok_or_else(undecodable),
        Format::Csv => crate::results_csv::results(&frozen, &record).ok_or_else(undecodable),
    }
}

/// Runs `pebble export`.
pub async fn run(db: &DatabaseConnection, args: &ExportArgs) -> Result<(), String> {
    let text = text(db, args).await?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
