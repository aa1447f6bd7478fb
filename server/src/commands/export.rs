//! `pebble export --cycle ID --format record|pb|csv|tiles`: a certified
//! cycle's record (JSON), ballots (pabulib) or results (CSV), written to
//! a file or standard output; or its whole log as static tiles
//! (c2sp.org/tlog-tiles) in a folder, for any web host to serve. Refused
//! before certification, as the API is.

use std::path::{Path, PathBuf};

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
    /// The log as static tiles and its sealed checkpoint, in the folder
    /// `--out` names (c2sp.org/tlog-tiles).
    Tiles,
}

/// `pebble export`'s arguments.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The cycle's number.
    #[arg(long)]
    pub cycle: i32,
    /// record, pb, csv or tiles.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write here instead of standard output (for tiles: the folder, which
    /// must be new or empty).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The certified record and frozen manifest of `cycle`, or why not.
async fn certified(
    db: &DatabaseConnection,
    cycle: i32,
) -> Result<(counting::record::Record, counting::FrozenManifest), String> {
    Ok(
        match published(db, cycle).await.map_err(|e| e.to_string())? {
            Published::NoSuchCycle => return Err(format!("there is no cycle number {cycle}")),
            Published::NotYet(phase) => {
                return Err(format!(
                    "cycle {cycle} is in the {phase} phase: its record and results are exported once the committee certifies the count"
                ));
            }
            Published::Certified(record, frozen) => (*record, *frozen),
        },
    )
}

/// The export's text, or why there is none.
pub async fn text(db: &DatabaseConnection, args: &ExportArgs) -> Result<String, String> {
    let cycle = args.cycle;
    let (record, frozen) = certified(db, cycle).await?;
    let undecodable = || format!("cycle {cycle}'s record holds an entry that does not decode");
    match args.format {
        Format::Record => serde_json::to_string_pretty(&record)
            .map(|json| json + "\n")
            .map_err(|e| e.to_string()),
        Format::Pb => export::pb(&frozen, &record).ok_or_else(undecodable),
        Format::Csv => crate::results_csv::results(&frozen, &record).ok_or_else(undecodable),
        Format::Tiles => Err("tiles are a folder: name it with --out DIR".to_owned()),
    }
}

/// Writes cycle `cycle`'s log as static tiles into `folder`: `checkpoint`
/// (the sealed one, as the record holds it) and every `tile/…` file.
/// Returns how many files were written.
pub async fn tiles(db: &DatabaseConnection, cycle: i32, folder: &Path) -> Result<usize, String> {
    use base64::Engine;
    let (record, _) = certified(db, cycle).await?;
    let entries = record
        .log
        .entries
        .iter()
        .map(|e| base64::engine::general_purpose::STANDARD.decode(&e.entry))
        .collect::<Result<Vec<Vec<u8>>, _>>()
        .map_err(|_| format!("cycle {cycle}'s record holds an entry that is not base64"))?;
    let tiles = counting::tiles::static_tiles(&entries)
        .ok_or_else(|| format!("cycle {cycle} holds an entry too long for a tile"))?;
    if folder.exists()
        && std::fs::read_dir(folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} is not empty: name a new folder, so that no file of another log is mixed in",
            folder.display()
        ));
    }
    let write = |relative: &str, bytes: &[u8]| {
        let path = folder.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write("checkpoint", record.log.checkpoint.as_bytes())?;
    for (tile, bytes) in &tiles {
        write(&tile.path(), bytes)?;
    }
    Ok(tiles.len() + 1)
}

/// Runs `pebble export`.
pub async fn run(db: &DatabaseConnection, args: &ExportArgs) -> Result<(), String> {
    if args.format == Format::Tiles {
        let folder = args
            .out
            .as_deref()
            .ok_or("tiles are a folder: name it with --out DIR")?;
        let written = tiles(db, args.cycle, folder).await?;
        eprintln!(
            "Wrote cycle {}'s log as {written} static files in {} (c2sp.org/tlog-tiles): serve the folder as /log/{}/ on any web host.",
            args.cycle,
            folder.display(),
            args.cycle
        );
        return Ok(());
    }
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
