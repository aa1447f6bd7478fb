//! `pebble import FILE.pb`: a past election as a new cycle in counting
//! (see `pebble_db::import`), for training the committee and for demos.

use std::path::PathBuf;

use clap::Args;
use clap::builder::PossibleValuesParser;
use counting::{Completion, Rule, pabulib};
use pebble_db::DatabaseConnection;

use super::tally::named;

/// Arguments of `pebble import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The pabulib file.
    pub file: PathBuf,
    /// The new cycle's name [default: the file's META description, else
    /// its file name].
    #[arg(long)]
    pub name: Option<String>,
    /// How the cycle will be counted.
    #[arg(long, default_value = "mes", value_parser = PossibleValuesParser::new(Rule::NAMES))]
    pub rule: String,
    /// MES completion.
    #[arg(long, default_value = "add1-greedy", value_parser = named::<Completion>(Completion::NAMES))]
    pub completion: Completion,
    /// Seats to fill (stv).
    #[arg(long, default_value_t = 1)]
    pub seats: u32,
}

/// Runs `pebble import`; what it made, or why not.
pub async fn run(db: &DatabaseConnection, args: &ImportArgs) -> Result<String, String> {
    let shown = args.file.display();
    let text =
        std::fs::read_to_string(&args.file).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let file = pabulib::parse(&text).map_err(|e| format!("{shown}: {e}"))?;
    let rule =
        Rule::from_name(&args.rule, args.completion, args.seats).map_err(|e| e.to_string())?;
    let name = args
        .name
        .clone()
        .or_else(|| file.meta("description").map(str::to_owned))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| {
            args.file.file_stem().map_or_else(
                || "Imported election".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            )
        });
    let imported = pebble_db::import::import(db, &file, name.trim(), rule)
        .await
        .map_err(|e| e.to_string())?
        .map_err(|refusal| format!("{shown}: {refusal}"))?;
    Ok(format!(
        "Imported {shown} as cycle {}, in counting: {} projects, {} ballots in its sealed log.\n\
         Its committee enters the public entropy and certifies the count on /committee/count.\n",
        imported.cycle, imported.projects, imported.ballots
    ))
}
