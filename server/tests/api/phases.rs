//! Moving a cycle through its phases: each move checks what the
//! next phase needs, refuses with the reason (409) and changes nothing,
//! and counting moves to certified only by certification.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(phase Draft:
    a_cycle_moves_one_checked_step_at_a_time_and_never_by_hand_to_certified,
    a_stale_or_bogus_phase_move_is_refused,
    the_command_line_moves_a_cycle_with_the_same_checks,
);
crate::on_both_engines!(
    review_needs_a_proposal,
    voting_opens_only_on_a_ballot_that_can_be_counted,
);

/// The demo cycle's phase, from the admin's list (a draft is not public).
async fn phase_of(app: &TestApp, id: i32) -> String {
    let admin = app.sign_in("admin").await;
    let (_, body) = app.call(&admin, "/api/cycles", &[]).await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    json.as_array()
        .expect("a list")
        .iter()
        .find(|c| c["id"] == id)
        .and_then(|c| c["phase"].as_str())
        .unwrap_or_default()
        .to_owned()
}

async fn advance(app: &TestApp, admin: &As, cycle: &str, from: &str) -> (u16, String) {
    app.call(
        admin,
        "/api/advance-phase",
        &[("cycle_id", cycle), ("from", from), ("confirm", "yes")],
    )
    .await
}

/// The committee reviews every demo proposal: the first eight feasible at
/// their estimate, the last two not.
async fn review_all(app: &TestApp) {
    let committee = app.sign_in("okafor").await;
    for id in 1..=10 {
        let id = id.to_string();
        let verdict = if id.parse::<i32>().unwrap_or(0) <= 8 {
            "feasible"
        } else {
            "not_feasible"
        };
        let (status, body) = app
            .call(
                &committee,
                "/api/review-proposal",
                &[
                    ("id", id.as_str()),
                    ("verdict", verdict),
                    ("ballot_cost", "1,500"),
                    ("note", "Checked with facilities."),
                ],
            )
            .await;
        assert_eq!(status, 200, "review {id}: {body}");
    }
}

async fn a_cycle_moves_one_checked_step_at_a_time_and_never_by_hand_to_certified(app: TestApp) {
    let admin = app.sign_in("admin").await;
    for (from, to) in [("draft", "ideas"), ("ideas", "review")] {
        let (status, body) = advance(&app, &admin, "1", from).await;
        assert_eq!((status, body), (200, format!("\"{to}\"")));
    }

    let (status, body) = advance(&app, &admin, "1", "review").await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains(
            "10 submitted proposal(s) still need the committee's review, starting with number 1"
        ),
        "{body}"
    );
    assert_eq!(
        phase_of(&app, 1).await,
        "review",
        "a refused move changes nothing"
    );

    review_all(&app).await;
    for (from, to) in [("review", "deliberation"), ("deliberation", "voting")] {
        let (status, body) = advance(&app, &admin, "1", from).await;
        assert_eq!((status, body), (200, format!("\"{to}\"")));
    }
    let unconfirmed = [("cycle_id", "1"), ("from", "voting")];
    let (status, body) = app.call(&admin, "/api/advance-phase", &unconfirmed).await;
    assert_eq!(status, 400, "closing voting is confirmed first: {body}");
    assert_eq!(phase_of(&app, 1).await, "voting");
    let (status, body) = advance(&app, &admin, "1", "voting").await;
    assert_eq!((status, body.as_str()), (200, "\"counting\""));

    let (status, body) = advance(&app, &admin, "1", "counting").await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("only when enough committee members certify"),
        "{body}"
    );
    assert_eq!(phase_of(&app, 1).await, "counting");
}

async fn a_stale_or_bogus_phase_move_is_refused(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let cases = [
        ("1", "ideas", 409, "already in the draft phase"),
        ("1", "autumn", 400, "not a phase"),
        ("7", "draft", 404, "no cycle number 7"),
        ("7", "certified", 404, "no cycle number 7"),
        ("1", "certified", 409, "already in the draft phase"),
    ];
    for (cycle, from, status, message) in cases {
        let (got, body) = advance(&app, &admin, cycle, from).await;
        assert_eq!(got, status, "{from}: {body}");
        assert!(body.contains(message), "{from}: {body}");
    }
    let student = app.sign_in("devon.t").await;
    let (status, _) = advance(&app, &student, "1", "draft").await;
    assert_eq!(status, 403);
    assert_eq!(phase_of(&app, 1).await, "draft", "nothing moved");
}

async fn review_needs_a_proposal(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, body) = app
        .call(&admin, "/api/create-cycle", crate::cycles::NEW_CYCLE)
        .await;
    assert_eq!((status, body.as_str()), (200, "2"));
    let (status, body) = advance(&app, &admin, "2", "draft").await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = advance(&app, &admin, "2", "ideas").await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("No proposal has been submitted yet"),
        "{body}"
    );
    assert_eq!(phase_of(&app, 2).await, "ideas");
}

async fn voting_opens_only_on_a_ballot_that_can_be_counted(app: TestApp) {
    // The demo is in deliberation with seven feasible proposals; STV for
    // forty seats cannot be counted on seven candidates.
    let admin = app.sign_in("admin").await;
    let mut stv: Vec<(&str, &str)> = crate::cycles::UPDATE_CYCLE.to_vec();
    stv.retain(|(k, _)| *k != "settings[seats]");
    stv.push(("settings[seats]", "40"));
    let (status, body) = app.call(&admin, "/api/update-cycle", &stv).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = advance(&app, &admin, "1", "deliberation").await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("The ballot cannot open"), "{body}");
    assert!(
        body.contains("STV needs between 1 and the number of candidates"),
        "{body}"
    );
    assert_eq!(phase_of(&app, 1).await, "deliberation");

    let (status, body) = app
        .call(&admin, "/api/update-cycle", crate::cycles::UPDATE_CYCLE)
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = advance(&app, &admin, "1", "deliberation").await;
    assert_eq!((status, body.as_str()), (200, "\"voting\""));
}

async fn the_command_line_moves_a_cycle_with_the_same_checks(app: TestApp) {
    let run = |args: &[&str]| app.pebble(args);
    let (ok, out, err) = run(&["cycle", "advance", "--cycle", "1"]);
    assert!(ok, "{err}");
    assert!(out.contains("Cycle 1 moved from draft to ideas."), "{out}");
    assert!(
        run(&["cycle", "advance", "--cycle", "1"]).0,
        "ideas to review"
    );

    let (ok, _, err) = run(&["cycle", "advance", "--cycle", "1"]);
    assert!(!ok, "review needs every proposal reviewed");
    assert!(err.contains("cycle 1 stays in review"), "{err}");
    assert!(err.contains("still need the committee's review"), "{err}");

    let (ok, _, err) = run(&["cycle", "advance", "--cycle", "9"]);
    assert!(!ok);
    assert!(err.contains("there is no cycle number 9"), "{err}");
    assert_eq!(phase_of(&app, 1).await, "review");
}
