//! Writes a certified election record of N random approval ballots, for
//! timing `pebble verify` / `pebble-verify` on a large record:
//!
//!   cargo run --release -p counting --example sample_record -- 100000 record.json
//!
//! Keys come from fixed seeds and ballots from a fixed-seed generator, so
//! the same N gives the same file. Nothing here is used by Pebble itself.

use counting::record::sample::Sample;
use counting::record::{Decision, GroupTurnout, Record, Source};
use counting::{
    Ballot, BallotRules, Cents, Completion, Manifest, Project, ProjectId, Rule, TieBreak,
};

const PROJECTS: u64 = 20;

/// xorshift64*: reproducible, and enough for sample ballots.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn id(n: u64) -> ProjectId {
    n.to_string().parse().expect("a project id")
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [ballots, out] = args.as_slice() else {
        return Err("usage: sample_record BALLOTS OUT.json".to_owned());
    };
    let ballots: usize = ballots.parse().map_err(|_| "BALLOTS is a number")?;
    let budget = Cents::new(10_000_000);
    let projects = (1..=PROJECTS)
        .map(|n| Project {
            id: id(n),
            cost: Cents::new(500_000 + n * 37_500),
        })
        .collect();
    let ballot_rules = BallotRules::Approval {
        max_cost: Some(budget),
        min_projects: 0,
        max_projects: None,
        min_budget_percent: 0,
    };
    let rule = Rule::Mes {
        completion: Completion::Add1Greedy,
    };
    let manifest = Manifest::new(
        budget,
        projects,
        ballot_rules,
        rule,
        TieBreak::CheapestThenSeeded,
    )
    .map_err(|e| e.to_string())?;
    let titles = (1..=PROJECTS).map(|n| format!("Project {n}")).collect();
    let sample = Sample::new(
        1,
        "Sample record",
        "USD",
        manifest,
        titles,
        &["A. Member", "B. Member", "C. Member"],
        2,
    )?;
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let cast: Vec<(Ballot, Source)> = (0..ballots)
        .map(|i| {
            let mut picks = std::collections::BTreeSet::new();
            let mut cost = 0;
            for _ in 0..4 {
                let n = random.next() % PROJECTS + 1;
                let price = 500_000 + n * 37_500;
                if cost + price <= 10_000_000 && picks.insert(id(n)) {
                    cost += price;
                }
            }
            let source = if i % 10 == 0 {
                Source::Paper
            } else {
                Source::Online
            };
            (Ballot::Approval(picks), source)
        })
        .collect();
    let online = cast.iter().filter(|(_, s)| *s == Source::Online).count() as u64;
    let turnout = vec![GroupTurnout {
        group: "Everyone".to_owned(),
        issued: online + 100,
        used: online,
    }];
    let mut record = Record::compile(sample.parts(cast, turnout)).map_err(|e| e.to_string())?;
    for member in [0u32, 2] {
        sample.decide(
            &mut record,
            member,
            Decision::Certify,
            "2027-05-02T18:00:00Z",
            "",
        )?;
    }
    let json = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    std::fs::write(out, json).map_err(|e| e.to_string())?;
    println!(
        "wrote {out}: {ballots} ballots, record hash {}",
        record.record_hash
    );
    Ok(())
}
