//! `pebble codes issue`: new voter codes for a group of a cycle, printed
//! once (only their digests are kept, so they cannot be shown again).

use counting::merkle::to_hex;
use pebble_db::codes::{self, Refusal};
use pebble_domain::voter_code::{GroupName, VoterCode};
use rand::TryRngCore;

/// Most codes one command issues.
pub const MAX_COUNT: u32 = 10_000;

/// `pebble codes issue` arguments.
#[derive(clap::Args, Debug)]
pub struct IssueArgs {
    /// The cycle's number.
    #[arg(long)]
    pub cycle: i32,
    /// The group's name (a class, a year, …); a new name makes the group.
    #[arg(long)]
    pub group: String,
    /// How many codes (1 to 10,000).
    #[arg(long)]
    pub count: u32,
}

/// `count` codes from the operating system's random number generator.
fn generate(count: u32) -> Result<Vec<VoterCode>, String> {
    let mut buffer = [0u8; 256];
    let mut used = buffer.len();
    let mut failed = None;
    let mut next_byte = || {
        if used == buffer.len() {
            if let Err(e) = rand::rngs::OsRng.try_fill_bytes(&mut buffer) {
                failed = Some(e.to_string());
            }
            used = 0;
        }
        used += 1;
        buffer[used - 1]
    };
    let codes = (0..count)
        .map(|_| VoterCode::generate(&mut next_byte))
        .collect();
    match failed {
        Some(e) => Err(format!("the operating system gave no random numbers: {e}")),
        None => Ok(codes),
    }
}

/// Issues the codes; returns them, one a line, and a summary for stderr.
pub async fn issue(
    db: &pebble_db::DatabaseConnection,
    args: &IssueArgs,
) -> Result<(String, String), String> {
    let group: GroupName = args.group.parse()?;
    if !(1..=MAX_COUNT).contains(&args.count) {
        return Err(format!(
            "--count must be from 1 to {MAX_COUNT}, not {}",
            args.count
        ));
    }
    let key = cycle_key(args.cycle)?;
    let codes = generate(args.count)?;
    let digests: Vec<String> = codes.iter().map(|c| to_hex(&c.digest(key))).collect();
    let issued = codes::issue(db, args.cycle, &group, &digests)
        .await
        .map_err(|e| e.to_string())?
        .map_err(|refusal| match refusal {
            Refusal::NoCycle => format!("there is no cycle number {}", args.cycle),
            Refusal::Closed(phase) => format!(
                "cycle {} is in {phase}: codes are issued up to the end of voting",
                args.cycle
            ),
        })?;
    let listed: String = codes.iter().map(|c| format!("{c}\n")).collect();
    let summary = format!(
        "Issued {} codes for group \"{}\" of cycle {} (the group now has {}). \
         They are shown only now: print or hand them out before closing this.",
        issued.added,
        group.as_str(),
        args.cycle,
        issued.in_group
    );
    Ok((listed, summary))
}

/// The cycle number as the digest takes it.
fn cycle_key(cycle: i32) -> Result<u64, String> {
    u64::try_from(cycle).map_err(|_| format!("there is no cycle number {cycle}"))
}
