//! `pebble`: serve the web app, migrate the database, load the demo cycle.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pebble_domain::Phase;
use pebble_server::commands::{
    backup, bench, check_log, codes, export, fuzz, import, loadgen, tally, witness,
};
use pebble_server::{Application, DatabaseConfig, ServeConfig, telemetry};

// glibc's allocator spent about a third of reading a million-vote pabulib
// file merging freed chunks (`malloc_consolidate`); mimalloc reads the same
// file in two thirds of the time, and serves small request allocations
// well too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pebble: participatory budgeting for schools and their communities.
#[derive(Parser, Debug)]
#[command(name = "pebble", version, about)]
struct Cli {
    #[command(flatten)]
    database: DatabaseConfig,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Migrate the database and serve the web app.
    Serve(ServeConfig),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo if the database has no cycle yet: this year's cycle,
    /// and last year's run whole and certified. Prints the demo accounts'
    /// passwords once, and twenty voter codes once when voting is open.
    SeedDemo {
        /// The phase this year's cycle starts in: draft, ideas, review,
        /// deliberation or voting.
        #[arg(long, default_value = "voting", value_parser = demo_phase)]
        phase: Phase,
        /// This year's ballot: approval, ranked or allocation.
        #[arg(long, default_value = "approval")]
        ballot: pebble_db::seed::DemoBallot,
        /// Last year's certified cycle, counted by mes, greedy, irv or stv;
        /// none leaves it out.
        #[arg(long, default_value = "mes", value_parser = past_rule)]
        past: PastChoice,
        /// Where to write the demo committee members' key files (the
        /// server keeps only their public keys).
        #[arg(long, default_value = "data/demo-keys")]
        keys_dir: std::path::PathBuf,
    },
    /// Work with a cycle.
    #[command(subcommand)]
    Cycle(CycleCommand),
    /// Voter codes.
    #[command(subcommand)]
    Codes(CodesCommand),
    /// Count a pabulib .pb file with any rule (no database needed).
    Tally(tally::TallyArgs),
    /// Time the counting rules on generated instances (no database needed).
    Bench(bench::BenchArgs),
    /// Cast random valid ballots over HTTP from many clients and report
    /// ballots per second and latency (no database needed).
    Loadgen(loadgen::LoadgenArgs),
    /// Feed the decoders random and mutated inputs; count panics and
    /// non-canonical accepts (no database needed).
    Fuzz(fuzz::FuzzArgs),
    /// Re-check an election record offline (no database needed): the
    /// manifest, the log against its signed checkpoint, the seed, the
    /// count and every certification. Prints OK or the first discrepancy.
    Verify {
        /// The record's JSON file.
        record: PathBuf,
        /// The manifest hash published when voting opened (on the home
        /// page, and at the start of every receipt's entry): the record
        /// must be of that manifest, not of another one consistent with
        /// itself.
        #[arg(long, value_name = "HASH")]
        manifest: Option<String>,
    },
    /// Check a receipt saved as a c2sp.org/tlog-proof file offline (no
    /// database needed): the entry is in the log the checkpoint signs,
    /// cosigned as the cycle's witness policy asks.
    VerifyReceipt {
        /// The `.tlog-proof` file.
        proof: PathBuf,
        /// The manifest as `GET /api/v1/cycles/{id}/manifest` gave it.
        #[arg(long, value_name = "MANIFEST.json")]
        manifest: PathBuf,
    },
    /// Write a consistent copy of the SQLite database, while Pebble serves.
    Backup(backup::BackupArgs),
    /// Re-verify a cycle's stored ballot log: every entry and stored node
    /// against each other, and the sealed checkpoint's signature.
    CheckLog(check_log::CheckLogArgs),
    /// Export a certified cycle's record, ballots or results.
    Export(export::ExportArgs),
    /// Import a past election from a pabulib file as a new cycle in
    /// counting, for training and demos.
    Import(import::ImportArgs),
    /// Witness ballot logs: cosign each checkpoint only if it extends the
    /// last one cosigned (no database needed).
    #[command(subcommand)]
    Witness(witness::WitnessCommand),
}

/// `pebble cycle …`.
#[derive(Subcommand, Debug)]
enum CycleCommand {
    /// Move a cycle to its next phase, with the same checks as the admin
    /// page (counting moves to certified only by certification).
    Advance {
        /// The cycle's number.
        #[arg(long)]
        cycle: i32,
    },
    /// Set who must witness a cycle's ballot log before voting opens: a
    /// c2sp.org/tlog-policy file of `witness NAME VKEY URL`, `group` and
    /// `quorum` lines (Pebble adds the log line). Voting then freezes it
    /// into the manifest, and the count waits until the sealed
    /// checkpoint is cosigned as it asks.
    Witnesses {
        /// The cycle's number.
        #[arg(long)]
        cycle: i32,
        /// The policy file.
        #[arg(long, conflicts_with = "none", required_unless_present = "none")]
        policy: Option<std::path::PathBuf>,
        /// Remove the cycle's policy: no witnesses asked.
        #[arg(long)]
        none: bool,
    },
}

/// `pebble codes …`.
#[derive(Subcommand, Debug)]
enum CodesCommand {
    /// Make new voter codes for a group of a cycle and print them, one a
    /// line, once (only their digests are stored).
    Issue(codes::IssueArgs),
}

/// `--past`: a rule for last year's cycle, or none.
#[derive(Clone, Copy, Debug)]
struct PastChoice(Option<pebble_db::seed::PastRule>);

fn past_rule(name: &str) -> Result<PastChoice, String> {
    if name == "none" {
        return Ok(PastChoice(None));
    }
    name.parse().map(|rule| PastChoice(Some(rule)))
}

/// A phase the demo can start in: the count's phases need ballots.
fn demo_phase(name: &str) -> Result<Phase, String> {
    let phase: Phase = name
        .parse()
        .map_err(|e: pebble_domain::UnknownName| e.to_string())?;
    if phase > Phase::Voting {
        return Err(format!(
            "the demo starts at voting at the latest, not {phase}"
        ));
    }
    Ok(phase)
}

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("pebble: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match &cli.command {
        Command::Tally(args) => return tally::run(args).map(|out| print!("{out}")),
        Command::Bench(args) => return bench::run(args).map(|out| print!("{out}")),
        Command::Loadgen(args) => return loadgen::run(args).await.map(|out| print!("{out}")),
        Command::Fuzz(args) => return fuzz::run(args).map(|out| print!("{out}")),
        Command::Witness(command) => return witness::run(command).await.map(|out| print!("{out}")),
        Command::VerifyReceipt { proof, manifest } => {
            let report = pebble_verify::receipt::verify_receipt_file(proof, manifest);
            print!("{}", report.text);
            return if report.ok {
                Ok(())
            } else {
                Err("the receipt did not verify".to_owned())
            };
        }
        Command::Verify { record, manifest } => {
            let pinned = pebble_verify::Pinned {
                manifest_hash: manifest.clone(),
            };
            let report = pebble_verify::verify_file(record, &pinned);
            print!("{}", report.text);
            return if report.ok {
                Ok(())
            } else {
                Err("the record did not verify".to_owned())
            };
        }
        _ => {}
    }
    let db = cli.database.open().await.map_err(|e| e.to_string())?;
    match cli.command {
        Command::Tally(_)
        | Command::Bench(_)
        | Command::Loadgen(_)
        | Command::Fuzz(_)
        | Command::Witness(_)
        | Command::VerifyReceipt { .. }
        | Command::Verify { .. } => Ok(()),
        Command::Export(args) => export::run(&db, &args).await,
        Command::Backup(args) => backup::run(&db, &args).await.map(|out| print!("{out}")),
        Command::CheckLog(args) => check_log::run(&db, &args).await.map(|out| print!("{out}")),
        Command::Import(args) => import::run(&db, &args).await.map(|out| print!("{out}")),
        Command::Migrate => {
            println!("Database is up to date.");
            Ok(())
        }
        Command::SeedDemo {
            phase,
            ballot,
            past,
            keys_dir,
        } => seed_demo(&db, phase, ballot, past.0, &keys_dir).await,
        Command::Cycle(CycleCommand::Advance { cycle }) => advance(&db, cycle).await,
        Command::Cycle(CycleCommand::Witnesses { cycle, policy, .. }) => {
            witness::set_policy(&db, cycle, policy.as_deref())
                .await
                .map(|out| print!("{out}"))
        }
        Command::Codes(CodesCommand::Issue(args)) => {
            let (listed, summary) = codes::issue(&db, &args).await?;
            print!("{listed}");
            eprintln!("{summary}");
            Ok(())
        }
        Command::Serve(config) => {
            let app = Application::build(&config, db).await.map_err(|e| {
                format!(
                    "cannot listen on {} (or the metrics address): {e}",
                    config.addr
                )
            })?;
            let bound = app.local_addr().map_err(|e| e.to_string())?;
            let public = config
                .public_url
                .clone()
                .unwrap_or_else(|| pebble_domain::PublicUrl::local(bound));
            if config.public_url.is_none() && !bound.ip().is_loopback() {
                tracing::warn!(
                    "PEBBLE_PUBLIC_URL is not set: code cards link to {public}; set it to the address people reach Pebble at"
                );
            }
            if let Some(metrics) = app.metrics_addr() {
                tracing::info!(address = %metrics, "metrics on http://{metrics}/metrics");
            }
            tracing::info!(address = %bound, "Pebble is serving on http://{bound} for {public}");
            app.run().await.map_err(|e| e.to_string())
        }
    }
}

/// `pebble cycle advance`: one step, or the reason it cannot move.
async fn advance(db: &pebble_db::DatabaseConnection, id: i32) -> Result<(), String> {
    let cycle = pebble_db::cycles::find(db, id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("there is no cycle number {id}"))?;
    let from = *cycle.phase;
    match pebble_db::transitions::advance(db, id, from)
        .await
        .map_err(|e| e.to_string())?
    {
        Ok(to) => {
            println!("Cycle {id} moved from {from} to {to}.");
            Ok(())
        }
        Err(refusal) => Err(format!("cycle {id} stays in {from}: {refusal}")),
    }
}

async fn seed_demo(
    db: &pebble_db::DatabaseConnection,
    phase: Phase,
    ballot: pebble_db::seed::DemoBallot,
    past: Option<pebble_db::seed::PastRule>,
    keys_dir: &std::path::Path,
) -> Result<(), String> {
    if past.is_some() {
        println!(
            "Loading the demo: this year's cycle, and last year's run whole (about 300 ballots, the count and its certification)…"
        );
    }
    match pebble_db::seed::demo_with_past(db, phase, ballot, past)
        .await
        .map_err(|e| e.to_string())?
    {
        None => println!("The database already has a cycle; the demo was not loaded."),
        Some(pebble_db::seed::Demo {
            credentials,
            past,
            key_files,
            key_passphrase,
        }) => {
            if let Some(id) = past {
                println!("Last year's certified results: /cycles/{id}/results");
            }
            println!("Loaded the demo. Demo accounts (passwords are shown only this once):");
            for c in credentials {
                println!("  {:<12} {:<10} {}", c.username, c.role, c.password);
            }
            std::fs::create_dir_all(keys_dir)
                .map_err(|e| format!("cannot make {}: {e}", keys_dir.display()))?;
            for file in &key_files {
                let path = keys_dir.join(format!("{}.json", file.username));
                std::fs::write(&path, &file.text)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            println!(
                "The committee members' key files are in {} (the server keeps only their public keys); their passphrase, shown only this once: {key_passphrase}",
                keys_dir.display()
            );
            if phase >= Phase::Voting {
                demo_codes(db).await?;
            }
        }
    }
    Ok(())
}

/// Twenty voter codes for the demo cycle, printed once.
async fn demo_codes(db: &pebble_db::DatabaseConnection) -> Result<(), String> {
    let cycle = pebble_db::cycles::featured(db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo cycle is missing")?
        .cycle
        .id;
    let args = codes::IssueArgs {
        cycle,
        group: "Demo voters".to_owned(),
        count: 20,
    };
    let (listed, _) = codes::issue(db, &args).await?;
    println!("Voter codes for the demo's ballot (shown only this once):");
    for code in listed.lines() {
        println!("  {code}");
    }
    Ok(())
}
