use super::*;
use crate::testing::{id, manifest};
use crate::{Rule, TieBreak};

fn approval(min_projects: u32, max_projects: Option<u32>, min_budget_percent: u8) -> Manifest {
    manifest(
        1000,
        &[("a", 400), ("b", 300), ("c", 500)],
        BallotRules::Approval {
            max_cost: Some(Cents::new(1000)),
            min_projects,
            max_projects,
            min_budget_percent,
        },
        Rule::Greedy,
        TieBreak::Id,
    )
}

fn approve(ids: &[&str]) -> Ballot {
    Ballot::Approval(ids.iter().map(|s| id(s)).collect())
}

#[test]
fn an_approval_ballot_within_budget_is_valid() {
    assert_eq!(approve(&["a", "b"]).validate(&approval(0, None, 0)), Ok(()));
    assert_eq!(approve(&[]).validate(&approval(0, None, 0)), Ok(()));
}

#[test]
fn an_approval_ballot_over_budget_says_by_how_much() {
    let err = approve(&["a", "b", "c"]).validate(&approval(0, None, 0));
    assert_eq!(
        err,
        Err(BallotError::OverBudget {
            total: Cents::new(1200),
            budget: Cents::new(1000),
            over: Cents::new(200)
        })
    );
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err(
            "the projects you picked cost 12.00, which is 2.00 over the budget of 10.00".to_owned()
        )
    );
}

#[test]
fn approval_limits_on_count_and_share_are_enforced() {
    assert_eq!(
        approve(&["a"]).validate(&approval(2, None, 0)),
        Err(BallotError::TooFewProjects { min: 2, got: 1 })
    );
    assert_eq!(
        approve(&["a", "b"]).validate(&approval(0, Some(1), 0)),
        Err(BallotError::TooManyProjects { max: 1, got: 2 })
    );
    assert_eq!(
        approve(&["b"]).validate(&approval(0, None, 50)),
        Err(BallotError::BelowMinimumShare {
            percent: 50,
            needed: Cents::new(500),
            total: Cents::new(300)
        })
    );
    assert_eq!(approve(&["c"]).validate(&approval(0, None, 50)), Ok(()));
}

#[test]
fn an_unknown_project_is_named() {
    assert_eq!(
        approve(&["zz"]).validate(&approval(0, None, 0)),
        Err(BallotError::UnknownProject(id("zz")))
    );
}

#[test]
fn ranked_ballots_need_distinct_known_projects_within_k() {
    let m = manifest(
        1000,
        &[("a", 1), ("b", 1), ("c", 1)],
        BallotRules::Ranked { max_ranks: 2 },
        Rule::Irv,
        TieBreak::Id,
    );
    let rank = |ids: &[&str]| Ballot::Ranked(ids.iter().map(|s| id(s)).collect());
    assert_eq!(rank(&["b", "a"]).validate(&m), Ok(()));
    assert_eq!(rank(&[]).validate(&m), Err(BallotError::NothingRanked));
    assert_eq!(
        rank(&["a", "a"]).validate(&m),
        Err(BallotError::RankedTwice(id("a")))
    );
    assert_eq!(
        rank(&["a", "b", "c"]).validate(&m),
        Err(BallotError::TooManyRanks { max: 2, got: 3 })
    );
    assert_eq!(
        rank(&["x"]).validate(&m),
        Err(BallotError::UnknownProject(id("x")))
    );
}

#[test]
fn allocation_ballots_respect_the_points_and_must_use_all() {
    let rules = |must_use_all| BallotRules::Allocation {
        points: 10,
        must_use_all,
    };
    let m = manifest(
        1000,
        &[("a", 1), ("b", 1)],
        rules(false),
        Rule::Greedy,
        TieBreak::Id,
    );
    let all = manifest(
        1000,
        &[("a", 1), ("b", 1)],
        rules(true),
        Rule::Greedy,
        TieBreak::Id,
    );
    let give = |pairs: &[(&str, u64)]| {
        Ballot::Allocation(pairs.iter().map(|(k, v)| (id(k), *v)).collect())
    };
    assert_eq!(give(&[("a", 3), ("b", 7)]).validate(&m), Ok(()));
    assert_eq!(give(&[("a", 3)]).validate(&m), Ok(()));
    assert_eq!(
        give(&[("a", 3)]).validate(&all),
        Err(BallotError::MustUseAllPoints {
            total: 3,
            limit: 10
        })
    );
    assert_eq!(
        give(&[("a", 8), ("b", 3)]).validate(&m),
        Err(BallotError::TooManyPoints {
            total: 11,
            limit: 10
        })
    );
    assert_eq!(
        give(&[("a", 0)]).validate(&m),
        Err(BallotError::ZeroPoints(id("a")))
    );
    // Sums past u64 are counted exactly, not wrapped.
    assert_eq!(
        give(&[("a", u64::MAX), ("b", u64::MAX)]).validate(&m),
        Err(BallotError::TooManyPoints {
            total: 2 * u128::from(u64::MAX),
            limit: 10
        })
    );
}

#[test]
fn a_ballot_of_the_wrong_kind_is_refused() {
    assert_eq!(
        Ballot::Ranked(vec![id("a")]).validate(&approval(0, None, 0)),
        Err(BallotError::WrongKind {
            expected: "approval",
            got: "ranked"
        })
    );
}
