//! Someone holding a list of 20 voter codes (a class's sheet, say), some
//! already used by their voters, who wants to know which without voting:
//! they replay an entry already in the log with each code, try each at
//! the code step, in the JSON check and in a cast. Used and unused codes
//! answer alike everywhere but in a cast that succeeds, which is voting;
//! a used code's refusal is an unknown code's refusal, floor and
//! guessing limit included.

use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use pebble_db::entity::voter_code;
use pebble_domain::VoterCode;
use rand::Rng;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::ballot_api::issue_codes;
use crate::helpers::{As, TestApp};
use crate::voting::projects_by_cost;

crate::on_both_engines!(phase Voting: a_holder_of_codes_learns_nothing_of_which_were_used);

/// The shortest a refused code takes (`REFUSAL_FLOOR` in the app).
const FLOOR: Duration = Duration::from_millis(200);

/// The guessing limit per address per minute (`PER_ADDRESS_PER_MINUTE`):
/// the refusal past it is answered, and shuts the address out.
const GUESSES: usize = 10;

async fn cast_json(
    app: &TestApp,
    code: &str,
    ballot: &Value,
    nonce: [u8; 16],
) -> (u16, Value, Duration) {
    let body = json!({ "code": code, "ballot": ballot, "nonce": STANDARD.encode(nonce) });
    let started = Instant::now();
    let (status, answer) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
    (status, answer, started.elapsed())
}

/// The code step of the voting pages (a plain form post), with the code
/// itself blanked out of the page.
async fn code_step(app: &TestApp, code: &str) -> (u16, String) {
    let form = [("cycle", "1"), ("code", code)];
    let response = app
        .client
        .post(format!("{}/vote/ballot", app.address))
        .header("accept", "text/html")
        .form(&form)
        .send()
        .await
        .expect("POST");
    let status = response.status().as_u16();
    let page = response.text().await.expect("a page").replace(code, "CODE");
    // The page's CSP nonce differs on every answer, wherever it is used.
    let nonce = regex::Regex::new(r#"nonce="([^"]*)""#).expect("a pattern");
    let page = match nonce.captures(&page) {
        Some(found) => page.replace(&found[1], "NONCE"),
        None => page,
    };
    (status, page)
}

async fn a_holder_of_codes_learns_nothing_of_which_were_used(app: TestApp) {
    let list = issue_codes(&app, 20).await;
    let (used, unused) = list.split_at(7);
    let unknown: Vec<String> = (0..6)
        .map(|_| VoterCode::generate(|| rand::rng().random()).to_string())
        .collect();
    let projects = projects_by_cost(&app).await;
    let ballot = json!({ "kind": "approval", "choices": [projects[0]] });
    let logged_nonce = [42u8; 16];
    for (i, code) in used.iter().enumerate() {
        let nonce = if i == 0 {
            logged_nonce
        } else {
            rand::rng().random()
        };
        let (status, receipt, _) = cast_json(&app, code, &ballot, nonce).await;
        assert_eq!(status, 201, "{receipt}");
    }

    // Replaying the entry already in the log: one answer for every code,
    // used, unused or unknown, and no code spent.
    let mut replays = Vec::new();
    for code in list.iter().chain(&unknown) {
        let (status, answer, _) = cast_json(&app, code, &ballot, logged_nonce).await;
        replays.push((status, answer));
    }
    assert_eq!(replays[0].0, 409, "{:?}", replays[0].1);
    assert!(replays.iter().all(|r| *r == replays[0]), "{replays:?}");

    // The code step and the JSON check: used and unused alike.
    let mut steps = Vec::new();
    let mut checks = Vec::new();
    for code in used.iter().chain(unused) {
        steps.push(code_step(&app, code).await);
        checks.push(
            app.call(
                &As::Anonymous,
                "/api/check-code",
                &[("cycle", "1"), ("code", code)],
            )
            .await,
        );
    }
    assert_eq!(steps[0].0, 200);
    assert!(steps[0].1.contains("Review my ballot"), "the ballot opens");
    for step in &steps {
        if *step != steps[0] {
            let at = step
                .1
                .bytes()
                .zip(steps[0].1.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let from = at.saturating_sub(200);
            panic!(
                "the code step tells codes apart:\n{}\n---\n{}",
                &steps[0].1[from..(at + 200).min(steps[0].1.len())],
                &step.1[from..(at + 200).min(step.1.len())]
            );
        }
    }
    assert_eq!(checks[0].0, 200, "{:?}", checks[0]);
    assert!(checks.iter().all(|c| *c == checks[0]), "{checks:?}");

    // A new ballot with a used code is refused as with an unknown one:
    // same status and words, never sooner than the floor, and each counts
    // towards the guessing limit.
    let fresh = json!({ "kind": "approval", "choices": [projects[1]] });
    let mut refusals = Vec::new();
    let tries = used[1..7]
        .iter()
        .zip(&unknown)
        .flat_map(|(a, b)| [a, b])
        .take(GUESSES + 1);
    for code in tries {
        let (status, answer, took) = cast_json(&app, code, &fresh, rand::rng().random()).await;
        assert!(took >= FLOOR, "a refusal waits out the floor ({took:?})");
        refusals.push((status, answer));
    }
    assert_eq!(refusals[0].0, 403, "{:?}", refusals[0].1);
    assert!(
        refusals[..GUESSES].iter().all(|r| *r == refusals[0]),
        "{refusals:?}"
    );
    assert_eq!(
        refusals[GUESSES].0, 429,
        "the used codes counted as guesses: {:?}",
        refusals[GUESSES].1
    );
    for code in [&used[1], &unknown[5]] {
        let (status, answer, _) = cast_json(&app, code, &fresh, rand::rng().random()).await;
        assert_eq!(status, 429, "used and unknown alike wait: {answer}");
    }
    let (status, answer, _) = cast_json(&app, &unused[0], &fresh, rand::rng().random()).await;
    assert_eq!(
        status, 201,
        "a voter's own code casts all the same: {answer}"
    );

    let db = app.database.open().await.expect("database");
    let spent = voter_code::Entity::find()
        .filter(voter_code::Column::Used.eq(true))
        .count(&db)
        .await
        .expect("count");
    assert_eq!(spent, 8, "only the voters' casts spent codes");
}
