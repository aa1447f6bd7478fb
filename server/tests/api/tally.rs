//! `pebble tally`'s transcripts and JSON, pinned as insta snapshots of
//! small elections whose counts are worked out by hand below. A change in
//! any rule, tie-break or output format shows up here as a diff to review.

use std::path::Path;
use std::process::Command;

/// Runs the real `pebble tally` on a fixture; returns its standard output.
fn tally(fixture: &str, args: &[&str]) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/api/fixtures")
        .join(fixture);
    let output = Command::new(env!("CARGO_BIN_EXE_pebble"))
        .arg("tally")
        .arg(&file)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pebble tally");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

// approval.pb: budget 1000; costs 1: 600, 2: 400, 3: 300, 4: 500.
// Approvals: 1 by v1 v2 v3, 2 by v1 v4, 3 by v2 v4 v5, 4 by v5 v6.

#[test]
fn greedy_funds_by_approvals_and_breaks_the_three_way_tie_by_cost() {
    // 1 and 3 have 3 approvals; 3 is cheaper, so 3 (700 left), then 1
    // (100 left); 2 and 4 (2 approvals each) no longer fit.
    insta::assert_snapshot!(tally("approval.pb", &["--rule", "greedy"]));
}

#[test]
fn equal_shares_with_add_one_writes_each_run_of_budgets_once() {
    // At 1000/6 = 500/3 each, equal shares funds 3 (its three supporters
    // pay 100 each, price 1/3) and then cannot fund 1: v1 and v3 hold 500/3
    // and v2 only 200/3, 400 < 600. Money is left over, so add-one raises
    // each budget one unit at a time; 1 becomes affordable once
    // 2b + (b − 100) ≥ 600, i.e. b ≥ 700/3, first reached at 701/3 after
    // 67 tries (500/3 … 698/3, written as one line). At 701/3 the run funds
    // 3, then 1 at price (600 − 401/3) / 2 / 600 = 1399/3600, leaving 100:
    // exhaustive, as 2 (400) and 4 (500) do not fit. The rounds printed
    // first are that kept run's; greedy then finds nothing that fits.
    insta::assert_snapshot!(tally(
        "approval.pb",
        &["--rule", "mes", "--completion", "add1-greedy"]
    ));
}

#[test]
fn the_json_record_holds_the_manifest_its_hash_and_every_round() {
    insta::assert_snapshot!(tally(
        "approval.pb",
        &["--rule", "mes", "--completion", "add1", "--output", "json"]
    ));
}

// ranked.pb: a b | a c | b c | c b | c a.

#[test]
fn irv_eliminates_b_then_elects_c_with_three_of_five() {
    // Round 1: a 2, c 2, b 1: b is out and its ballot moves to c.
    // Round 2: c 3 of 5 continuing ballots, a majority.
    insta::assert_snapshot!(tally("ranked.pb", &["--rule", "irv"]));
}

#[test]
fn stv_for_two_seats_elects_a_and_c_who_both_reach_the_quota() {
    // Droop quota for 2 seats of 5 ballots: floor(5/3) + 1 = 2; a and c
    // have 2 first preferences each and are both elected in round 1.
    insta::assert_snapshot!(tally("ranked.pb", &["--rule", "stv", "--seats", "2"]));
}
