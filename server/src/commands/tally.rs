//! `pebble tally FILE.pb`: count a pabulib file with any rule.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use counting::pabulib;
use counting::{Completion, Rule, Seed, TieBreak, merkle};

use super::spinner;

/// Arguments of `pebble tally`.
#[derive(Args, Debug)]
pub struct TallyArgs {
    /// The pabulib file to count.
    pub file: PathBuf,
    /// Counting rule.
    #[arg(long, value_enum)]
    pub rule: RuleName,
    /// MES completion.
    #[arg(long, value_enum, default_value = "add1-greedy")]
    pub completion: CompletionName,
    /// Seats to fill (stv).
    #[arg(long, default_value_t = 1)]
    pub seats: u32,
    /// Tie-break policy [default: cheapest-then-seeded for greedy and mes,
    /// previous-round-then-seeded for irv and stv].
    #[arg(long, value_enum)]
    pub tie_break: Option<TieBreakName>,
    /// Tie-break seed, 64 hex digits [default: all zeros].
    #[arg(long)]
    pub seed: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value = "table")]
    pub output: Output,
}

/// `--rule`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RuleName {
    /// Fund by score while money lasts.
    Greedy,
    /// Method of Equal Shares.
    Mes,
    /// Instant-runoff, one winner.
    Irv,
    /// Single transferable vote.
    Stv,
}

/// `--completion`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CompletionName {
    /// Plain MES.
    None,
    /// MES then greedy.
    Greedy,
    /// Add one unit per voter until exhaustive.
    Add1,
    /// add1, then greedy.
    Add1Greedy,
}

/// `--tie-break`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TieBreakName {
    /// Cheaper first, then the seeded order.
    CheapestThenSeeded,
    /// Earlier rounds, then the seeded order.
    PreviousRoundThenSeeded,
    /// Ascending project id.
    Id,
}

/// `--output`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Output {
    /// The round-by-round transcript as text.
    Table,
    /// Manifest hash and outcome as JSON.
    Json,
    /// Funded or elected ids, one per line, in order.
    Ids,
}

impl TallyArgs {
    fn rule(&self) -> Rule {
        let completion = match self.completion {
            CompletionName::None => Completion::None,
            CompletionName::Greedy => Completion::Greedy,
            CompletionName::Add1 => Completion::Add1,
            CompletionName::Add1Greedy => Completion::Add1Greedy,
        };
        match self.rule {
            RuleName::Greedy => Rule::Greedy,
            RuleName::Mes => Rule::Mes { completion },
            RuleName::Irv => Rule::Irv,
            RuleName::Stv => Rule::Stv { seats: self.seats },
        }
    }

    fn tie_break(&self, rule: Rule) -> TieBreak {
        match self.tie_break {
            Some(TieBreakName::CheapestThenSeeded) => TieBreak::CheapestThenSeeded,
            Some(TieBreakName::PreviousRoundThenSeeded) => TieBreak::PreviousRoundThenSeeded,
            Some(TieBreakName::Id) => TieBreak::Id,
            None if rule.is_budgeting() => TieBreak::CheapestThenSeeded,
            None => TieBreak::PreviousRoundThenSeeded,
        }
    }
}

/// Runs `pebble tally`; the error is a message for the console.
pub fn run(args: &TallyArgs) -> Result<String, String> {
    let seed = match &args.seed {
        Some(hex) => Seed(merkle::from_hex(hex).ok_or("--seed must be 64 hexadecimal digits")?),
        None => Seed::default(),
    };
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| format!("cannot read {}: {e}", args.file.display()))?;
    let file = pabulib::parse(&text).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let rule = args.rule();
    let manifest = file
        .manifest(rule, args.tie_break(rule))
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let progress = spinner(format!(
        "counting {} ballots with {}",
        file.votes.len(),
        rule.name()
    ));
    let mut profile = counting::Profile::new(&manifest);
    for (voter, ballot) in &file.votes {
        profile
            .push(&manifest, ballot)
            .map_err(|e| format!("voter {voter}: {e}"))?;
    }
    let outcome = counting::count_profile(&manifest, &profile, seed).map_err(|e| e.to_string())?;
    progress.finish_and_clear();
    Ok(match args.output {
        Output::Ids => outcome.winners.iter().map(|id| format!("{id}\n")).collect(),
        // Pabulib costs are whole numbers with no minor unit: print them so.
        Output::Table => format!("{}\n", outcome.text(counting::transcript::Amounts::Plain)),
        Output::Json => {
            let body = serde_json::json!({
                "manifest_hash": merkle::to_hex(&counting::encoding::manifest_hash(&manifest)),
                "manifest": manifest,
                "outcome": outcome,
            });
            serde_json::to_string_pretty(&body).map_err(|e| e.to_string())? + "\n"
        }
    })
}
