//! `pebble witness`: a witness for Pebble's ballot logs, for an observer
//! to run (a parent association, the district, a teacher at home).
//!
//! ```text
//! pebble witness keygen --name NAME --key FILE
//! pebble witness serve --key FILE --state DIR --log URL... [--listen ADDR] [--every SECONDS]
//! ```

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};
use rand::TryRngCore as _;

use crate::witness::{Witness, follow, store};

/// `pebble witness …`.
#[derive(Subcommand, Debug)]
pub enum WitnessCommand {
    /// Make a witness key: writes the private key file (readable by its
    /// owner only) and prints the verifier key to give the log.
    Keygen {
        /// The witness's name, a URL without scheme
        /// (`witness.riverside-parents.example`).
        #[arg(long)]
        name: String,
        /// Where to write the key; an existing file is never overwritten.
        #[arg(long)]
        key: PathBuf,
    },
    /// Follow logs and answer add-checkpoint requests (c2sp.org/tlog-witness).
    Serve(ServeArgs),
}

/// `pebble witness serve`'s arguments.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The key file from `pebble witness keygen`.
    #[arg(long)]
    pub key: PathBuf,
    /// Where the witness keeps what it cosigned, and evidence.
    #[arg(long)]
    pub state: PathBuf,
    /// A Pebble log to follow, `https://host/log/<cycle>` (repeatable).
    /// Its key is read from the cycle's manifest on first sight and
    /// pinned in the state from then on.
    #[arg(long = "log")]
    pub logs: Vec<String>,
    /// Where to answer add-checkpoint requests.
    #[arg(long, default_value = "127.0.0.1:3300")]
    pub listen: SocketAddr,
    /// Seconds between looks at each followed log.
    #[arg(long, default_value_t = 60)]
    pub every: u64,
}

/// Runs `pebble witness …`.
pub async fn run(command: &WitnessCommand) -> Result<String, String> {
    match command {
        WitnessCommand::Keygen { name, key } => keygen(name, key),
        WitnessCommand::Serve(args) => serve(args).await,
    }
}

fn keygen(name: &str, path: &std::path::Path) -> Result<String, String> {
    use std::io::Write as _;
    let mut seed = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut seed)
        .map_err(|e| format!("the operating system gave no random bytes: {e}"))?;
    let line = store::key_line(name, &seed)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(line.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let witness = store::read_key(path)?;
    Ok(format!(
        "Wrote the witness key to {}; keep it private.\nGive the log this verifier key:\n{}\n",
        path.display(),
        witness.verifier()
    ))
}

async fn serve(args: &ServeArgs) -> Result<String, String> {
    let cosigner = store::read_key(&args.key)?;
    let witness = Arc::new(Witness::new(cosigner, store::Store::open(&args.state)?));
    let client = reqwest::Client::new();
    for url in &args.logs {
        let origin = follow::pin(&witness, &client, url).await?;
        tracing::info!(log = %url, %origin, "following");
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    tracing::info!(address = %args.listen, key = %witness.verifier_key(), "the witness is serving");
    let following = {
        let witness = witness.clone();
        let logs = args.logs.clone();
        let every = Duration::from_secs(args.every.max(1));
        async move { follow::run(&witness, &logs, every).await }
    };
    let serving = axum::serve(listener, witness.router());
    tokio::select! {
        result = serving => result.map_err(|e| e.to_string()).map(|()| String::new()),
        () = following => Ok(String::new()),
    }
}

/// `pebble cycle witnesses`: sets (or with no file, removes) cycle
/// `cycle`'s witness policy while its settings are open.
pub async fn set_policy(
    db: &pebble_db::DatabaseConnection,
    cycle: i32,
    policy: Option<&std::path::Path>,
) -> Result<String, String> {
    let text = match policy {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        ),
        None => None,
    };
    match pebble_db::witnesses::set_policy(db, cycle, text.as_deref())
        .await
        .map_err(|e| e.to_string())?
    {
        Ok(Some(canonical)) => Ok(format!(
            "Cycle {cycle}'s log will be witnessed as this policy asks (frozen when voting opens):\n{canonical}"
        )),
        Ok(None) => Ok(format!("Cycle {cycle} asks no witnesses.\n")),
        Err(refusal) => Err(format!("cycle {cycle}: {refusal}")),
    }
}
