//! Records compiled for real (signed log, sealed checkpoint, signed
//! certifications) from small elections, worded in both languages.

use counting::record::sample::Sample;
use counting::record::{Decision, GroupTurnout, Record, Source};
use counting::{
    Ballot, BallotRules, Cents, Completion, FrozenManifest, Manifest, Project, ProjectId, Rule,
    TieBreak,
};

use super::results;
use crate::api::results::{CycleResults, Rounds};
use crate::i18n::Lang;

const MEMBERS: [&str; 3] = ["Mr. Okafor", "Ms. Lindqvist", "Ms. Peña"];

fn id(text: &str) -> ProjectId {
    text.parse().expect("a project id")
}

/// A certified record of `ballots` (the last `paper` of them on paper)
/// over projects (id, title, cost in cents).
fn record(
    budget: u64,
    projects: &[(&str, &str, u64)],
    rules: BallotRules,
    rule: Rule,
    ballots: &[Ballot],
    paper: usize,
) -> (FrozenManifest, Record) {
    let tie_break = if rule.is_budgeting() {
        TieBreak::CheapestThenSeeded
    } else {
        TieBreak::PreviousRoundThenSeeded
    };
    let manifest = Manifest::new(
        Cents::new(budget),
        projects
            .iter()
            .map(|(p, _, cost)| Project {
                id: id(p),
                cost: Cents::new(*cost),
            })
            .collect(),
        rules,
        rule,
        tie_break,
    )
    .expect("a manifest");
    let titles = projects.iter().map(|(_, t, _)| (*t).to_owned()).collect();
    let sample = Sample::new(1, "Riverside 2026", "USD", manifest, titles, &MEMBERS, 2)
        .expect("a sample election");
    let sources = ballots
        .iter()
        .enumerate()
        .map(|(i, ballot)| {
            let source = if i + paper >= ballots.len() {
                Source::Paper
            } else {
                Source::Online
            };
            (ballot.clone(), source)
        })
        .collect::<Vec<_>>();
    let online = sources.iter().filter(|(_, s)| *s == Source::Online).count() as u64;
    let turnout = vec![GroupTurnout {
        group: "Grade 9".to_owned(),
        issued: online + 3,
        used: online,
    }];
    let mut record = Record::compile(sample.parts(sources, turnout)).expect("compiles");
    for member in [0u32, 2] {
        sample
            .decide(
                &mut record,
                member,
                Decision::Certify,
                "2026-05-02T18:00:00Z",
                "",
            )
            .expect("signed");
    }
    let frozen = sample.frozen;
    counting::record::verify(&record).expect("the record verifies");
    (frozen, record)
}

fn approvals(groups: &[(usize, &[&str])]) -> Vec<Ballot> {
    groups
        .iter()
        .flat_map(|(n, picks)| {
            std::iter::repeat_n(Ballot::Approval(picks.iter().map(|p| id(p)).collect()), *n)
        })
        .collect()
}

fn ranked(groups: &[(usize, &[&str])]) -> Vec<Ballot> {
    groups
        .iter()
        .flat_map(|(n, order)| {
            std::iter::repeat_n(Ballot::Ranked(order.iter().map(|p| id(p)).collect()), *n)
        })
        .collect()
}

fn approval_rules() -> BallotRules {
    BallotRules::Approval {
        max_cost: None,
        min_projects: 0,
        max_projects: None,
        min_budget_percent: 0,
    }
}

fn worded(frozen: &FrozenManifest, record: &Record, lang: Lang) -> CycleResults {
    results(7, "Riverside 2026", frozen, record, lang.results())
}

fn why<'a>(results: &'a CycleResults, title: &str) -> &'a str {
    &results
        .projects
        .iter()
        .find(|p| p.title == title)
        .expect("the project is listed")
        .why
}

const PROJECTS: [(&str, &str, u64); 4] = [
    ("1", "Benches", 400_000),
    ("2", "Garden", 500_000),
    ("3", "Shade sails", 300_000),
    ("4", "Murals", 200_000),
];

#[test]
fn greedy_says_where_each_project_stood_and_what_was_left() {
    let ballots = approvals(&[(5, &["1", "2"]), (2, &["3"]), (1, &["2", "3"])]);
    let (frozen, record) = record(
        1_000_000,
        &PROJECTS,
        approval_rules(),
        Rule::Greedy,
        &ballots,
        2,
    );
    let en = worded(&frozen, &record, Lang::En);
    assert_eq!(
        why(&en, "Shade sails"),
        "Not funded: when its turn came only $1,000.00 was left and it costs $3,000.00."
    );
    assert_eq!(
        why(&en, "Garden"),
        "Funded: it was number 1 in line and still fit; $5,000.00 was left after it."
    );
    assert_eq!(why(&en, "Murals"), "Not funded: no ballot supported it.");
    assert_eq!(
        en.projects[0].title, "Garden",
        "winners come first, in order"
    );
    assert_eq!(en.ballots, ["8 ballots: 6 online and 2 on paper."]);
    assert_eq!(
        en.groups,
        [("Grade 9".to_owned(), "6 of 9".to_owned(), 666)]
    );
    assert!(en.certified.contains("2 of the 3") && en.certified.contains("Ms. Peña"));
    let Rounds::Greedy(turns) = &en.rounds else {
        panic!("greedy rounds")
    };
    assert_eq!(turns.len(), 4);
    let es = worded(&frozen, &record, Lang::Es);
    assert_eq!(
        why(&es, "Shade sails"),
        "No financiado: cuando llegó su turno solo quedaban $1,000.00 y cuesta $3,000.00."
    );
}

#[test]
fn roster_groups_are_listed_as_people_count_them() {
    let group = |name: &str| GroupTurnout {
        group: name.to_owned(),
        issued: 1,
        used: 0,
    };
    let groups = [
        group("Grade 10"),
        group("Families"),
        group("Grade 9"),
        group("Grade 12"),
    ];
    let names: Vec<&str> = super::by_name(&groups)
        .iter()
        .map(|g| g.group.as_str())
        .collect();
    assert_eq!(names, ["Families", "Grade 9", "Grade 10", "Grade 12"]);
}

#[test]
fn equal_shares_says_how_costs_were_shared_and_what_supporters_lacked() {
    // Four voters with $25 each. Shade sails ($60) is approved by three,
    // who pay $20 each; then Benches ($30) by voter 1 and one of them,
    // who has $5 left and pays it. Garden ($90) has one supporter.
    let projects = [
        ("1", "Benches", 3_000),
        ("2", "Garden", 9_000),
        ("3", "Shade sails", 6_000),
    ];
    let ballots = approvals(&[(1, &["1", "2"]), (1, &["1", "3"]), (2, &["3"])]);
    let rule = Rule::Mes {
        completion: Completion::Add1Greedy,
    };
    let (frozen, record) = record(10_000, &projects, approval_rules(), rule, &ballots, 0);
    let en = worded(&frozen, &record, Lang::En);
    assert_eq!(
        why(&en, "Shade sails"),
        "Funded in round 1 of equal shares: 3 of its supporters paid $20.00 each."
    );
    assert_eq!(
        why(&en, "Benches"),
        "Funded in round 2 of equal shares: 1 of its supporters paid $25.00 each. One other paid all they had left, $5.00."
    );
    assert_eq!(
        why(&en, "Garden"),
        "Not funded: its one supporter had only $25.00 left for a $90.00 project. When the money left over was handed out by votes, only $10.00 was left and it costs $90.00."
    );
    let Rounds::Mes { money, shares, .. } = &en.rounds else {
        panic!("equal shares rounds")
    };
    assert_eq!(
        money[0],
        "Each of the 4 voters started with $25.00, an equal share of the budget."
    );
    assert_eq!(shares.len(), 2);
    assert_eq!(shares[1].in_full_cents + shares[1].all_left_cents, 3_000);
    let es = worded(&frozen, &record, Lang::Es);
    assert!(why(&es, "Benches").contains("Otro pagó todo lo que le quedaba, $5.00."));
}

#[test]
fn instant_runoff_says_where_ballots_went_with_shares_that_add_up() {
    let ballots = ranked(&[(4, &["1"]), (3, &["2", "1"]), (1, &["3", "2"]), (1, &["3"])]);
    let (frozen, record) = record(
        1_000_000,
        &PROJECTS[..3],
        BallotRules::Ranked { max_ranks: 3 },
        Rule::Irv,
        &ballots,
        0,
    );
    let en = worded(&frozen, &record, Lang::En);
    let Rounds::Runoff(rounds) = &en.rounds else {
        panic!("runoff rounds")
    };
    assert_eq!(
        rounds[0].said,
        ["Shade sails was eliminated; its ballots went: 1 to Garden, 1 exhausted."]
    );
    for round in rounds {
        assert_eq!(round.lines.iter().map(|l| l.tenths).sum::<u32>(), 1000);
    }
    assert!(
        why(&en, "Benches").starts_with("Won in round 3 with 7 votes"),
        "{}",
        why(&en, "Benches")
    );
    assert_eq!(
        why(&en, "Shade sails"),
        "Eliminated in round 1 with 2 votes, the fewest; its ballots moved to their next choices."
    );
    assert_eq!(en.score_heading, "First choices");
}

#[test]
fn single_transferable_vote_shows_the_votes_kept_and_where_the_surplus_went() {
    let ballots = ranked(&[(6, &["1", "2"]), (2, &["2"]), (2, &["3"])]);
    let (frozen, record) = record(
        1_000_000,
        &PROJECTS[..3],
        BallotRules::Ranked { max_ranks: 2 },
        Rule::Stv { seats: 2 },
        &ballots,
        0,
    );
    let en = worded(&frozen, &record, Lang::En);
    let Rounds::Runoff(rounds) = &en.rounds else {
        panic!("runoff rounds")
    };
    assert_eq!(
        rounds[0].said,
        ["Benches was elected; its extra votes went: 2 to Garden."]
    );
    let kept = rounds[1]
        .lines
        .iter()
        .find(|l| l.label == "Kept by elected projects")
        .expect("a kept line");
    assert_eq!((kept.votes.as_str(), kept.tenths), ("4", 400));
    assert_eq!(rounds[1].lines.iter().map(|l| l.tenths).sum::<u32>(), 1000);
    assert_eq!(
        why(&en, "Benches"),
        "Elected in round 1 with 6 votes (the quota is 4)."
    );
    assert!(en.method.contains("at least 4 votes"));
}

#[test]
fn a_tie_is_named_with_its_projects_and_the_rule_that_broke_it() {
    // Benches and Garden both have two votes and cost the same: the
    // cheaper-first rule cannot choose, the seeded order does.
    let projects = [
        ("1", "Benches", 4_000),
        ("2", "Garden", 4_000),
        ("3", "Shade sails", 5_000),
    ];
    let ballots = approvals(&[(2, &["1"]), (2, &["2"]), (3, &["3"])]);
    let (frozen, record) = record(
        10_000,
        &projects,
        approval_rules(),
        Rule::Greedy,
        &ballots,
        0,
    );
    // The seed (from the sealed root and the reveals) chose one of them;
    // the tie names the winner first, and the other's reason names it.
    let garden_funded = record.outcome.winners.contains(&id("2"));
    let (won, lost) = if garden_funded {
        ("Garden", "Benches")
    } else {
        ("Benches", "Garden")
    };
    let en = worded(&frozen, &record, Lang::En);
    assert_eq!(en.ties.len(), 1, "{:?}", en.ties);
    assert_eq!(
        en.ties[0],
        format!(
            "{won} and {lost} were tied; the rule fixed before voting (the cheaper project, then the seeded order) chose {won}."
        )
    );
    assert!(why(&en, lost).contains(&format!("It was tied with {won}")));
    let es = worded(&frozen, &record, Lang::Es);
    assert!(es.ties[0].starts_with(&format!("{won} y {lost} estaban empatados")));
}
