//! Writes a certified election record of N random approval ballots, for
//! timing `pebble verify` / `pebble-verify` on a large record:
//!
//!   cargo run --release -p counting --example sample_record -- 100000 record.json
//!
//! Keys come from fixed seeds and ballots from a fixed-seed generator, so
//! the same N gives the same file. Nothing here is used by Pebble itself.

use counting::checkpoint::Checkpoint;
use counting::encoding::Entry;
use counting::merkle::stored::TreeHead;
use counting::merkle::{self, from_hex};
use counting::note::NoteSigner;
use counting::record::{Certification, Decision, GroupTurnout, Parts, Record, Source};
use counting::{
    Ballot, BallotRules, Cents, CommitteeMember, Completion, Currency, Election, FrozenManifest,
    Manifest, Project, ProjectId, Rule, TieBreak,
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
    let mut election = Election {
        id: [7; 16],
        cycle: 1,
        name: "Sample record".to_owned(),
        currency: Currency::try_from("USD".to_owned()).map_err(|e| e.to_string())?,
        log_key: [0; 32],
        threshold: 2,
        committee: 3,
        members: Vec::new(),
    };
    let log = NoteSigner::new(&election.log_origin(), &[1; 32]).map_err(|e| e.to_string())?;
    election.log_key = log.public_key();
    for (i, name) in ["A. Member", "B. Member", "C. Member"].iter().enumerate() {
        let seed = [u8::try_from(i).unwrap_or(0) + 10; 32];
        let signer =
            NoteSigner::new(&election.member_key_name(i), &seed).map_err(|e| e.to_string())?;
        election.members.push(CommitteeMember {
            name: (*name).to_owned(),
            key: signer.public_key(),
        });
    }
    let titles = (1..=PROJECTS).map(|n| format!("Project {n}")).collect();
    let frozen = FrozenManifest {
        election,
        manifest,
        titles,
    };
    let hash = frozen.hash();
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let entries: Vec<(Vec<u8>, Source)> = (0..ballots)
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
            let mut nonce = [0u8; 16];
            nonce[..8].copy_from_slice(&(i as u64).to_be_bytes());
            let entry = Entry {
                manifest_hash: hash,
                nonce,
                ballot: Ballot::Approval(picks),
            };
            let source = if i % 10 == 0 {
                Source::Paper
            } else {
                Source::Online
            };
            (entry.encode(), source)
        })
        .collect();
    let leaves: Vec<_> = entries.iter().map(|(e, _)| merkle::leaf_hash(e)).collect();
    let checkpoint = Checkpoint {
        origin: frozen.election.log_origin(),
        head: TreeHead {
            size: leaves.len() as u64,
            root: merkle::root(&leaves),
        },
    }
    .sign(&log);
    let online = entries.iter().filter(|(_, s)| *s == Source::Online).count() as u64;
    let parts = Parts {
        frozen: frozen.clone(),
        entries,
        checkpoint,
        entropy: "4 1 6 6 2 3 5 1 2 4".to_owned(),
        turnout: vec![GroupTurnout {
            group: "Everyone".to_owned(),
            issued: online + 100,
            used: online,
        }],
    };
    let mut record = Record::compile(parts).map_err(|e| e.to_string())?;
    let record_hash = from_hex(&record.record_hash).ok_or("hex")?;
    for member in [0u32, 2] {
        let seed = [u8::try_from(member).unwrap_or(0) + 10; 32];
        let at = "2027-05-02T18:00:00Z";
        let c = Certification::sign(
            &frozen.election,
            member,
            &seed,
            &record_hash,
            Decision::Certify,
            at,
            "",
        )
        .map_err(|e| e.to_string())?;
        record.certifications.push(c);
    }
    let json = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    std::fs::write(out, json).map_err(|e| e.to_string())?;
    println!(
        "wrote {out}: {ballots} ballots, record hash {}",
        record.record_hash
    );
    Ok(())
}
