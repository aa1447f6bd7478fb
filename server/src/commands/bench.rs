//! `pebble bench`: time the counting rules on generated instances, or on
//! a real pabulib file (`--pb`). Instances come from a fixed seed, so
//! every run counts the same ballots; the figures belong in the README,
//! never in a pass/fail test.

mod file;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, ValueEnum};
use counting::pabulib::{self, PbFile, Vote};
use counting::{
    Ballot, BallotRules, Cents, Completion, Manifest, Profile, Project, ProjectId, Rule, Seed,
    TieBreak,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Arguments of `pebble bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Which instance to count.
    #[arg(long, value_enum, default_value = "all")]
    pub case: Case,
    /// Override the number of voters.
    #[arg(long)]
    pub voters: Option<usize>,
    /// Also write each instance as a pabulib file into this folder (for
    /// timing pabutools on the same ballots).
    #[arg(long)]
    pub write_pb: Option<PathBuf>,
    /// Time this pabulib file instead: reading and counting apart.
    #[arg(long)]
    pub pb: Option<PathBuf>,
    /// With --pb: the rule (MES counts with the add1-greedy completion).
    #[arg(long, default_value = "mes", value_parser = clap::builder::PossibleValuesParser::new(Rule::NAMES))]
    pub rule: String,
    /// With --pb: the best of this many repeats is reported.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
}

/// The benchmark instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Case {
    /// Every case below.
    All,
    /// MES add1-greedy, approval, 100,000 voters × 100 projects.
    MesApproval,
    /// MES add1-greedy, allocation, 1,000,000 voters × 100 projects.
    MesAllocation,
    /// greedy, approval, 1,000,000 voters × 100 projects.
    Greedy,
    /// IRV, ranked (up to 5), 1,000,000 voters × 100 projects.
    Irv,
    /// MES add1-greedy shaped like a city's approval vote: 60,000 voters
    /// × 160 projects with skewed costs, 1–5 approvals each, and a budget
    /// that takes add-one through hundreds of per-voter budgets.
    City,
}

const PROJECTS: usize = 100;

/// Projects of a city: 160 of them, most costing 20,000–400,000 and a
/// few up to 4,000,000 (a pabulib city's spread), in whole currency units.
fn city_projects(rng: &mut StdRng) -> Vec<Project> {
    (0..CITY_PROJECTS)
        .map(|i| {
            let cost = if rng.random_range(0..10) == 0 {
                rng.random_range(400_000..=4_000_000)
            } else {
                rng.random_range(20_000..=400_000)
            };
            Project {
                id: ProjectId::try_from(format!("c{i:03}")).unwrap_or_else(|_| unreachable_id()),
                cost: Cents::new(cost),
            }
        })
        .collect()
}

const CITY_PROJECTS: usize = 160;

fn instance(case: Case, voters: Option<usize>) -> (Manifest, usize) {
    let mut rng = StdRng::seed_from_u64(6962);
    if case == Case::City {
        let projects = city_projects(&mut rng);
        let rule = Rule::Mes {
            completion: Completion::Add1Greedy,
        };
        let manifest = Manifest::new(
            Cents::new(9_000_000),
            projects,
            approval(),
            rule,
            TieBreak::CheapestThenSeeded,
        )
        .unwrap_or_else(|e| panic!("the benchmark manifest is valid: {e}"));
        return (manifest, voters.unwrap_or(60_000));
    }
    let projects: Vec<Project> = (0..PROJECTS)
        .map(|i| Project {
            id: ProjectId::try_from(format!("p{i:03}")).unwrap_or_else(|_| unreachable_id()),
            cost: Cents::new(rng.random_range(20_000..=150_000)),
        })
        .collect();
    let (ballot, rule, n) = match case {
        Case::MesApproval => (
            approval(),
            Rule::Mes {
                completion: Completion::Add1Greedy,
            },
            100_000,
        ),
        Case::MesAllocation => (
            BallotRules::Allocation {
                points: 100,
                must_use_all: false,
            },
            Rule::Mes {
                completion: Completion::Add1Greedy,
            },
            1_000_000,
        ),
        Case::Greedy => (approval(), Rule::Greedy, 1_000_000),
        Case::Irv | Case::All | Case::City => {
            (BallotRules::Ranked { max_ranks: 5 }, Rule::Irv, 1_000_000)
        }
    };
    let tie_break = if rule.is_budgeting() {
        TieBreak::CheapestThenSeeded
    } else {
        TieBreak::PreviousRoundThenSeeded
    };
    let manifest = Manifest::new(Cents::new(1_000_000), projects, ballot, rule, tie_break)
        .unwrap_or_else(|e| panic!("the benchmark manifest is valid: {e}"));
    (manifest, voters.unwrap_or(n))
}

fn unreachable_id() -> ProjectId {
    panic!("benchmark ids are valid")
}

fn approval() -> BallotRules {
    BallotRules::Approval {
        max_cost: None,
        min_projects: 0,
        max_projects: None,
        min_budget_percent: 0,
    }
}

/// A voter's ballot: 1–5 projects, popular ones (low index) more often.
fn ballot(rng: &mut StdRng, manifest: &Manifest) -> Ballot {
    let picks = rng.random_range(1..=5);
    let projects = manifest.projects.len();
    let mut chosen: Vec<usize> = Vec::with_capacity(picks);
    while chosen.len() < picks {
        let a = rng.random_range(0..projects);
        let p = rng.random_range(0..=a);
        if !chosen.contains(&p) {
            chosen.push(p);
        }
    }
    let id = |p: usize| manifest.projects[p].id.clone();
    match manifest.ballot {
        BallotRules::Approval { .. } => {
            Ballot::Approval(chosen.iter().map(|&p| id(p)).collect::<BTreeSet<_>>())
        }
        BallotRules::Ranked { .. } => Ballot::Ranked(chosen.iter().map(|&p| id(p)).collect()),
        BallotRules::Allocation { points, .. } => {
            let mut left = points;
            let mut map = BTreeMap::new();
            for (i, &p) in chosen.iter().enumerate() {
                let give = if i + 1 == chosen.len() {
                    left
                } else {
                    rng.random_range(1..=left - (chosen.len() - i - 1) as u64)
                };
                left -= give;
                map.insert(id(p), give);
            }
            Ballot::Allocation(map)
        }
    }
}

/// Runs the benchmark and returns the report.
pub fn run(args: &BenchArgs) -> Result<String, String> {
    if let Some(path) = &args.pb {
        let completion = Completion::Add1Greedy;
        let rule = Rule::from_name(&args.rule, completion, 1).map_err(|e| e.to_string())?;
        return file::time_file(path, rule, args.repeat);
    }
    let cases = match args.case {
        Case::All => vec![
            Case::MesApproval,
            Case::MesAllocation,
            Case::Greedy,
            Case::Irv,
            Case::City,
        ],
        one => vec![one],
    };
    let mut report =
        String::from("case            voters  projects  build (s)  count (s)  winners  spent\n");
    for case in cases {
        let (manifest, n) = instance(case, args.voters);
        let mut rng = StdRng::seed_from_u64(2026);
        let progress = super::spinner(format!("{case:?}: generating {n} ballots"));
        let mut profile = Profile::new(&manifest);
        let mut kept: Vec<Vote> = Vec::new();
        let started = Instant::now();
        for voter in 0..n {
            let ballot = ballot(&mut rng, &manifest);
            profile
                .push(&manifest, &ballot)
                .map_err(|e| format!("generated ballot {voter}: {e}"))?;
            if args.write_pb.is_some() {
                kept.push(Vote {
                    voter: voter.to_string(),
                    ballot,
                    line: 0,
                });
            }
        }
        let built = started.elapsed();
        progress.set_message(format!("{case:?}: counting {n} ballots"));
        let started = Instant::now();
        let outcome = counting::count_profile(&manifest, &profile, Seed::default())
            .map_err(|e| e.to_string())?;
        let counted = started.elapsed();
        progress.finish_and_clear();
        if let Some(folder) = &args.write_pb {
            let file = PbFile {
                meta: vec![],
                scale: 0,
                budget: manifest.budget,
                projects: manifest.projects.clone(),
                votes: kept,
                irregularities: Vec::new(),
            };
            let path = folder.join(format!("{case:?}.pb").to_lowercase());
            std::fs::write(&path, pabulib::write(&file))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        report.push_str(&format!(
            "{:<14} {:>8}  {:>8}  {:>9.3}  {:>9.3}  {:>7}  {}\n",
            format!("{case:?}"),
            n,
            manifest.projects.len(),
            built.as_secs_f64(),
            counted.as_secs_f64(),
            outcome.winners.len(),
            outcome.spent
        ));
    }
    Ok(report)
}
