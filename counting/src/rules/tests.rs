//! Hand-checked elections for every rule, and properties of all of them.

use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

use super::*;
use crate::testing::{id, manifest};
use crate::transcript::{BudgetVerdict, Event, Exact};
use crate::{BallotRules, Completion, ProjectId, TieBreak};

const APPROVAL: BallotRules = BallotRules::Approval {
    max_cost: None,
    min_projects: 0,
    max_projects: None,
    min_budget_percent: 0,
};

fn approvals(groups: &[(usize, &[&str])]) -> Vec<Ballot> {
    groups
        .iter()
        .flat_map(|(times, ids)| {
            std::iter::repeat_n(
                Ballot::Approval(ids.iter().map(|s| id(s)).collect()),
                *times,
            )
        })
        .collect()
}

fn ranked(groups: &[(usize, &[&str])]) -> Vec<Ballot> {
    groups
        .iter()
        .flat_map(|(times, ids)| {
            std::iter::repeat_n(Ballot::Ranked(ids.iter().map(|s| id(s)).collect()), *times)
        })
        .collect()
}

fn winners(outcome: &Outcome) -> Vec<&str> {
    outcome.winners.iter().map(ProjectId::as_str).collect()
}

fn all_events(outcome: &Outcome) -> Vec<&Event> {
    outcome.rounds.iter().flat_map(|r| &r.events).collect()
}

#[test]
fn greedy_funds_by_approvals_and_skips_what_does_not_fit() {
    // Approvals a 5, b 4, c 3, d 1. a fits (4.00 left), b (5.00) does not,
    // c fits (1.00 left), d (2.00) does not.
    let m = manifest(
        1000,
        &[("a", 600), ("b", 500), ("c", 300), ("d", 200)],
        APPROVAL,
        Rule::Greedy,
        TieBreak::Id,
    );
    let ballots = approvals(&[(3, &["a", "c"]), (1, &["a", "d"]), (1, &["a"]), (4, &["b"])]);
    let outcome = count(&m, &ballots, Seed::default()).expect("counts");
    assert_eq!(winners(&outcome), ["a", "c"]);
    assert_eq!(outcome.spent, Cents::new(900));
    let lines: Vec<String> = all_events(&outcome).iter().map(|e| e.to_string()).collect();
    assert_eq!(lines[1], "skipped b: does not fit (cost 5.00; 4.00 left)");
}

#[test]
fn greedy_with_cheapest_then_seeded_funds_the_cheaper_of_two_tied_projects() {
    let m = manifest(
        500,
        &[("a", 400), ("b", 300)],
        APPROVAL,
        Rule::Greedy,
        TieBreak::CheapestThenSeeded,
    );
    let outcome =
        count(&m, &approvals(&[(2, &["a"]), (2, &["b"])]), Seed::default()).expect("counts");
    assert_eq!(winners(&outcome), ["b"]);
    assert!(
        all_events(&outcome)
            .iter()
            .any(|e| matches!(e, Event::TieBroken { chosen, .. } if chosen.as_str() == "b"))
    );
}

/// Four voters with 25 each. a (60) and c (40) are approved by voters 1–3,
/// b (40) by voter 4. Both a and c cost their supporters 1/3 of a unit of
/// utility; the id tie-break funds a, after which voters 1–3 have 5 each,
/// too little for c, and voter 4's 25 is too little for b.
fn mes_example(completion: Completion) -> Outcome {
    let m = manifest(
        100,
        &[("a", 60), ("b", 40), ("c", 40)],
        APPROVAL,
        Rule::Mes { completion },
        TieBreak::Id,
    );
    count(
        &m,
        &approvals(&[(3, &["a", "c"]), (1, &["b"])]),
        Seed::default(),
    )
    .expect("counts")
}

#[test]
fn mes_funds_a_and_then_nothing_is_affordable() {
    let outcome = mes_example(Completion::None);
    assert_eq!(winners(&outcome), ["a"]);
    // b is dropped before it is priced: voter 4's 25 cannot pay 40.
    assert_eq!(
        outcome.rounds[0]
            .tallies
            .iter()
            .map(|t| t.value.to_string())
            .collect::<Vec<_>>(),
        ["1/3", "1/3"]
    );
    assert_eq!(
        outcome.rounds[0].events[0],
        Event::Unaffordable {
            project: "b".parse().expect("an id"),
            cost: Cents::new(40),
            supporters: 1,
            money_left: Exact::from(25u128),
        }
    );
}

#[test]
fn mes_says_how_a_funded_project_was_shared_and_what_a_dropped_one_lacked() {
    let outcome = mes_example(Completion::None);
    let events: Vec<String> = all_events(&outcome).iter().map(|e| e.to_string()).collect();
    assert!(
        events.contains(
            &"shared a: 3 supporters paid 0.60 in full, 0 paid all they had left, 0.00".to_owned()
        ),
        "{events:?}"
    );
    assert!(
        events.contains(
            &"dropped c: its 3 supporters have 0.15 left, less than its cost 0.40".to_owned()
        ),
        "{events:?}"
    );
}

/// Four voters with 25 each: y (60) is approved by voters 2–4, who pay 20
/// each; then x (30) by voters 1 and 2, where voter 2 has only 5 left and
/// pays it, and voter 1 pays the other 25.
#[test]
fn mes_shares_tell_who_paid_all_they_had_left() {
    let m = manifest(
        100,
        &[("x", 30), ("y", 60)],
        APPROVAL,
        Rule::Mes {
            completion: Completion::None,
        },
        TieBreak::Id,
    );
    let outcome = count(
        &m,
        &approvals(&[(1, &["x"]), (1, &["x", "y"]), (2, &["y"])]),
        Seed::default(),
    )
    .expect("counts");
    assert_eq!(winners(&outcome), ["y", "x"]);
    let shared: Vec<&Event> = all_events(&outcome)
        .into_iter()
        .filter(|e| matches!(e, Event::Shared { .. }))
        .collect();
    assert_eq!(
        shared,
        [
            &Event::Shared {
                project: "y".parse().expect("an id"),
                in_full: 3,
                in_full_paid: Exact::from(60u128),
                all_left: 0,
                all_left_paid: Exact::from(0u128),
            },
            &Event::Shared {
                project: "x".parse().expect("an id"),
                in_full: 1,
                in_full_paid: Exact::from(25u128),
                all_left: 1,
                all_left_paid: Exact::from(5u128),
            },
        ]
    );
}

#[test]
fn mes_with_greedy_completion_adds_c() {
    assert_eq!(winners(&mes_example(Completion::Greedy)), ["a", "c"]);
}

#[test]
fn mes_add_one_raises_the_budget_until_34_where_c_becomes_affordable() {
    // At 33 each, voters 1–3 have 3 × 13 = 39 < 40 left for c; at 34, 42.
    let outcome = mes_example(Completion::Add1);
    assert_eq!(winners(&outcome), ["a", "c"]);
    // Budgets 25 to 33 all fund a alone with money left over: one line.
    let tried: Vec<(String, u64, BudgetVerdict)> = all_events(&outcome)
        .iter()
        .filter_map(|e| match e {
            Event::BudgetTried {
                per_voter, verdict, ..
            } => Some((per_voter.to_string(), 1, *verdict)),
            Event::BudgetsTried {
                from, to, tries, ..
            } => Some((
                format!("{from}..{to}"),
                *tries,
                BudgetVerdict::NotExhaustive,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        tried,
        [
            ("25..33".to_owned(), 9, BudgetVerdict::NotExhaustive),
            ("34".to_owned(), 1, BudgetVerdict::Exhaustive),
        ]
    );
}

#[test]
fn irv_eliminates_the_fewest_and_breaks_a_last_place_tie_by_the_previous_round() {
    // Round 1: a 4, b 3, c 2, d 1: d out, its ballot moves to c.
    // Round 2: a 4, b 3, c 3: b and c tie; c had fewer in round 1, so c is
    // out; two ballots move to b, one is exhausted. Round 3: b 5 of 9 wins.
    let m = manifest(
        100,
        &[("a", 1), ("b", 1), ("c", 1), ("d", 1)],
        BallotRules::Ranked { max_ranks: 4 },
        Rule::Irv,
        TieBreak::PreviousRoundThenSeeded,
    );
    let ballots = ranked(&[
        (4, &["a"]),
        (3, &["b", "c"]),
        (2, &["c", "b"]),
        (1, &["d", "c"]),
    ]);
    let outcome = count(&m, &ballots, Seed::default()).expect("counts");
    assert_eq!(winners(&outcome), ["b"]);
    assert_eq!(outcome.rounds.len(), 3);
    assert_eq!(
        outcome.rounds[2]
            .tallies
            .iter()
            .map(|t| (t.project.to_string(), t.value.to_string()))
            .collect::<Vec<_>>(),
        [
            ("b".to_owned(), "5".to_owned()),
            ("a".to_owned(), "4".to_owned())
        ]
    );
}

#[test]
fn stv_elects_at_the_quota_and_transfers_the_surplus_at_a_fraction() {
    // 12 ballots, 2 seats: quota 5. a has 6: elected, surplus 1 moves on
    // at 1/6 per ballot, so b has 1. Nobody else reaches 5: b is out, its
    // ballots are exhausted; c and d tie at 3 and d (higher id) is out.
    let m = manifest(
        100,
        &[("a", 1), ("b", 1), ("c", 1), ("d", 1)],
        BallotRules::Ranked { max_ranks: 4 },
        Rule::Stv { seats: 2 },
        TieBreak::Id,
    );
    let ballots = ranked(&[(6, &["a", "b"]), (3, &["c"]), (3, &["d"])]);
    let outcome = count(&m, &ballots, Seed::default()).expect("counts");
    assert_eq!(winners(&outcome), ["a", "c"]);
    let b_in_round_2 = outcome.rounds[1]
        .tallies
        .iter()
        .find(|t| t.project.as_str() == "b")
        .map(|t| t.value.to_string());
    assert_eq!(b_in_round_2.as_deref(), Some("1"));
}

#[test]
fn counting_nothing_or_an_invalid_ballot_is_an_error() {
    let m = manifest(100, &[("a", 60)], APPROVAL, Rule::Greedy, TieBreak::Id);
    assert_eq!(count(&m, &[], Seed::default()), Err(CountError::NoBallots));
    let bad = approvals(&[(1, &["zz"])]);
    assert!(matches!(
        count(&m, &bad, Seed::default()),
        Err(CountError::InvalidBallot { index: 0, .. })
    ));
}

fn random_election() -> impl Strategy<Value = (Manifest, Vec<Ballot>)> {
    let costs = prop::collection::vec(1u64..60, 2..7);
    (costs, 50u64..200, 0usize..4, any::<bool>()).prop_flat_map(
        |(costs, budget, rule, cheapest)| {
            let ids: Vec<String> = (0..costs.len()).map(|i| format!("p{i}")).collect();
            let projects: Vec<(String, u64)> = ids.iter().cloned().zip(costs.clone()).collect();
            let rule = [
                Rule::Greedy,
                Rule::Mes {
                    completion: Completion::None,
                },
                Rule::Mes {
                    completion: Completion::Greedy,
                },
                Rule::Mes {
                    completion: Completion::Add1Greedy,
                },
            ][rule];
            let tie = if cheapest {
                TieBreak::CheapestThenSeeded
            } else {
                TieBreak::Id
            };
            let refs: Vec<(&str, u64)> = projects.iter().map(|(s, c)| (s.as_str(), *c)).collect();
            let m = manifest(
                budget,
                &refs,
                BallotRules::Allocation {
                    points: 10,
                    must_use_all: false,
                },
                rule,
                tie,
            );
            let ballot = prop::collection::btree_map(prop::sample::select(ids), 1u64..4, 1..3)
                .prop_map(|map| {
                    Ballot::Allocation(map.into_iter().map(|(k, v)| (id(&k), v)).collect())
                });
            (Just(m), prop::collection::vec(ballot, 1..12))
        },
    )
}

proptest! {
    #[test]
    fn budgeting_rules_never_overspend_and_ignore_ballot_order((m, ballots) in random_election(), seed in any::<[u8; 32]>()) {
        let first = count(&m, &ballots, Seed(seed)).expect("counts");
        prop_assert!(first.spent <= m.budget);
        let mut reversed = ballots.clone();
        reversed.reverse();
        let second = count(&m, &reversed, Seed(seed)).expect("counts");
        prop_assert_eq!(&first.winners, &second.winners);
        let again = count(&m, &ballots, Seed(seed)).expect("counts");
        prop_assert_eq!(first, again);
    }

    #[test]
    fn equal_shares_payments_make_each_funded_cost_exactly((m, ballots) in random_election(), seed in any::<[u8; 32]>()) {
        let outcome = count(&m, &ballots, Seed(seed)).expect("counts");
        for event in all_events(&outcome) {
            if let Event::Shared { project, in_full_paid, all_left_paid, .. } = event {
                let cost = m.projects.iter().find(|p| &p.id == project).expect("a project").cost;
                let paid = exact(in_full_paid) + exact(all_left_paid);
                prop_assert_eq!(paid, BigRational::from_integer(BigInt::from(cost.minor_units())));
            }
        }
    }
}

fn exact(value: &Exact) -> BigRational {
    value.0.parse().expect("an exact number")
}
