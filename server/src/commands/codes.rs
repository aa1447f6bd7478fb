//! `pebble codes issue`: new voter codes for a group of a cycle, printed
//! once (only their digests are kept, so they cannot be shown again).

use pebble_db::codes::{self, Refusal};
use pebble_domain::voter_code::GroupName;

/// Most codes one command issues.
pub use codes::MAX_COUNT;

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
    let (codes, issued) = codes::issue_new(db, args.cycle, &group, args.count)
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
