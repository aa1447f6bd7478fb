//! Moving a cycle through its phases (SPEC §2).

use crate::helpers::TestApp;

crate::on_both_engines!(phase Draft:
    an_admin_moves_the_cycle_one_phase_at_a_time_to_certified,
    a_stale_or_bogus_phase_move_is_refused,
);

/// The demo cycle's phase, from the admin's list (a draft is not public).
async fn phase_of(app: &TestApp) -> String {
    let admin = app.sign_in("admin").await;
    let (_, body) = app.call(&admin, "/api/cycles", &[]).await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    json[0]["phase"].as_str().unwrap_or_default().to_owned()
}

async fn an_admin_moves_the_cycle_one_phase_at_a_time_to_certified(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let order = [
        "draft",
        "ideas",
        "review",
        "deliberation",
        "voting",
        "counting",
        "certified",
    ];
    for pair in order.windows(2) {
        assert_eq!(phase_of(&app).await, pair[0]);
        let (status, body) = app
            .call(
                &admin,
                "/api/advance-phase",
                &[("cycle_id", "1"), ("from", pair[0])],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body, format!("\"{}\"", pair[1]));
    }
    let (status, body) = app
        .call(
            &admin,
            "/api/advance-phase",
            &[("cycle_id", "1"), ("from", "certified")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("certified phase is the last"), "{body}");
}

async fn a_stale_or_bogus_phase_move_is_refused(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let cases = [
        ("1", "ideas", 409, "already in the draft phase"),
        ("1", "autumn", 400, "not a phase"),
        ("7", "draft", 404, "no cycle number 7"),
    ];
    for (cycle, from, status, message) in cases {
        let (got, body) = app
            .call(
                &admin,
                "/api/advance-phase",
                &[("cycle_id", cycle), ("from", from)],
            )
            .await;
        assert_eq!(got, status, "{from}: {body}");
        assert!(body.contains(message), "{from}: {body}");
    }
    assert_eq!(phase_of(&app).await, "draft", "nothing moved");
}
