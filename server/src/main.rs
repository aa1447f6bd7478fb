//! `pebble`: serve the web app, migrate the database, load the demo cycle.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pebble_server::commands::{bench, tally};
use pebble_server::{Application, DatabaseConfig, telemetry};

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
    Serve {
        /// Address to listen on.
        #[arg(long, env = "PEBBLE_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Folder holding the compiled site (pkg/pebble.js, .wasm, .css).
        #[arg(long, env = "PEBBLE_SITE_ROOT", default_value = "target/site")]
        site_root: PathBuf,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo cycle if the database has no cycle yet; print the demo
    /// accounts' passwords once.
    SeedDemo {
        /// The phase the demo cycle starts in.
        #[arg(long, value_enum, default_value = "deliberation")]
        phase: DemoPhase,
    },
    /// Count a pabulib .pb file with any rule (no database needed).
    Tally(tally::TallyArgs),
    /// Time the counting rules on generated instances (no database needed).
    Bench(bench::BenchArgs),
}

/// `seed-demo --phase`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum DemoPhase {
    Draft,
    Ideas,
    Review,
    Deliberation,
    Voting,
}

impl DemoPhase {
    fn stored(self) -> pebble_db::entity::cycle::Phase {
        use pebble_db::entity::cycle::Phase;
        match self {
            DemoPhase::Draft => Phase::Draft,
            DemoPhase::Ideas => Phase::Ideas,
            DemoPhase::Review => Phase::Review,
            DemoPhase::Deliberation => Phase::Deliberation,
            DemoPhase::Voting => Phase::Voting,
        }
    }
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
        _ => {}
    }
    let db = cli.database.open().await.map_err(|e| e.to_string())?;
    match cli.command {
        Command::Tally(_) | Command::Bench(_) => Ok(()),
        Command::Migrate => {
            println!("Database is up to date.");
            Ok(())
        }
        Command::SeedDemo { phase } => seed_demo(&db, phase.stored()).await,
        Command::Serve { addr, site_root } => {
            let app = Application::build(addr, db, &site_root)
                .await
                .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
            let bound = app.local_addr().map_err(|e| e.to_string())?;
            tracing::info!(address = %bound, "Pebble is serving on http://{bound}");
            app.run().await.map_err(|e| e.to_string())
        }
    }
}

async fn seed_demo(
    db: &pebble_db::DatabaseConnection,
    phase: pebble_db::entity::cycle::Phase,
) -> Result<(), String> {
    match pebble_db::seed::demo_in_phase_if_empty(db, phase)
        .await
        .map_err(|e| e.to_string())?
    {
        None => println!("The database already has a cycle; the demo was not loaded."),
        Some(credentials) => {
            println!("Loaded the demo cycle. Demo accounts (passwords are shown only this once):");
            for c in credentials {
                println!(
                    "  {:<12} {:<10} {}",
                    c.username,
                    format!("{:?}", c.role).to_lowercase(),
                    c.password
                );
            }
        }
    }
    Ok(())
}
