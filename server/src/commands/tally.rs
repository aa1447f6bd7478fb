//! `pebble tally FILE.pb`: count a pabulib file with any rule.

use std::path::PathBuf;

use std::str::FromStr;

use clap::builder::{PossibleValuesParser, TypedValueParser};
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
    #[arg(long, value_parser = PossibleValuesParser::new(Rule::NAMES))]
    pub rule: String,
    /// MES completion.
    #[arg(long, default_value = "add1-greedy", value_parser = named::<Completion>(Completion::NAMES))]
    pub completion: Completion,
    /// Seats to fill (stv).
    #[arg(long, default_value_t = 1)]
    pub seats: u32,
    /// Tie-break policy [default: cheapest-then-seeded for greedy and mes,
    /// previous-round-then-seeded for irv and stv].
    #[arg(long, value_parser = named::<TieBreak>(TieBreak::NAMES))]
    pub tie_break: Option<TieBreak>,
    /// Tie-break seed, 64 hex digits [default: all zeros].
    #[arg(long)]
    pub seed: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value = "table")]
    pub output: Output,
}

/// A parser that offers exactly `names` (so `--help` lists them) and
/// reads them with the `counting` crate's own `FromStr`.
pub(crate) fn named<T>(names: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: FromStr<Err = counting::UnknownName> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names).try_map(|name| name.parse::<T>())
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
    fn rule(&self) -> Result<Rule, String> {
        Rule::from_name(&self.rule, self.completion, self.seats).map_err(|e| e.to_string())
    }

    fn tie_break(&self, rule: Rule) -> TieBreak {
        self.tie_break.unwrap_or(TieBreak::default_for(rule))
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
    let rule = args.rule()?;
    let manifest = file
        .manifest(rule, args.tie_break(rule))
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let progress = spinner(format!(
        "counting {} ballots with {}",
        file.votes.len(),
        rule.name()
    ));
    // A file records votes as they were cast: count them so, as pabutools
    // does, and say what Pebble's own ballots could not have been.
    let (profile, irregularities) = file
        .profile(&manifest)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let outcome = counting::count_profile_stepped(&manifest, &profile, seed, file.currency_unit())
        .map_err(|e| e.to_string())?;
    progress.finish_and_clear();
    for irregular in &irregularities {
        eprintln!("{}: {irregular}", args.file.display());
    }
    Ok(match args.output {
        Output::Ids => outcome.winners.iter().map(|id| format!("{id}\n")).collect(),
        // Amounts as the file writes them (pabulib costs have no minor unit).
        Output::Table => format!(
            "{}\n",
            outcome.text(counting::transcript::Amounts::Decimals(file.scale))
        ),
        Output::Json => {
            let body = serde_json::json!({
                "manifest_hash": merkle::to_hex(&counting::encoding::manifest_hash(&manifest)),
                "manifest": manifest,
                "amount_decimals": file.scale,
                "irregularities": irregularities
                    .iter()
                    .map(|i| serde_json::json!({
                        "kind": i.kind,
                        "votes": i.votes,
                        "first_line": i.first_line,
                        "message": i.to_string(),
                    }))
                    .collect::<Vec<_>>(),
                "outcome": outcome,
            });
            serde_json::to_string_pretty(&body).map_err(|e| e.to_string())? + "\n"
        }
    })
}
