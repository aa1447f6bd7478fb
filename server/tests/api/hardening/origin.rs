//! Requests another site makes a visitor's browser send are refused, with
//! words; the cast API takes JSON only, which no page elsewhere can send
//! without asking first.

use serde_json::json;

use crate::ballot_api::{a_valid_ballot, issue_codes};
use crate::helpers::{As, TestApp};

crate::on_both_engines!(phase Voting:
    posts_from_another_site_are_refused_and_change_nothing,
    the_cast_api_takes_json_only,
);

async fn posts_from_another_site_are_refused_and_change_nothing(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let As::Session(cookie) = &admin else {
        panic!("a session")
    };
    let forged = |path: &str| {
        app.client
            .post(format!("{}{path}", app.address))
            .header("cookie", cookie)
            .header("content-type", "application/x-www-form-urlencoded")
    };
    // A server function, a posted voting page and the JSON API, each from
    // another origin; and one marked cross-site by the browser.
    let attempts = [
        forged("/api/sign-out").header("origin", "https://evil.example"),
        forged("/api/sign-out").header("origin", "null"),
        forged("/api/sign-out").header("sec-fetch-site", "cross-site"),
        forged("/vote").header("origin", "https://evil.example"),
        forged("/api/v1/cycles/1/ballots")
            .header("origin", "https://evil.example")
            .header("content-type", "application/json"),
    ];
    for attempt in attempts {
        let response = attempt.body("cycle=1").send().await.expect("POST");
        assert_eq!(response.status().as_u16(), 403);
        let body = response.text().await.expect("body");
        assert!(body.contains("came from another site"), "{body}");
    }
    let (status, body) = app.call(&admin, "/api/whoami", &[]).await;
    assert_eq!(status, 200);
    assert!(body.contains("admin"), "still signed in: {body}");
    // The site's own origin passes.
    let own = app
        .client
        .post(format!("{}/api/sign-out", app.address))
        .header("cookie", cookie)
        .header("accept", "application/json")
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .expect("POST");
    assert_eq!(own.status().as_u16(), 200);
    let (_, body) = app.call(&admin, "/api/whoami", &[]).await;
    assert_eq!(body, "null", "signed out by the site's own page");
}

async fn the_cast_api_takes_json_only(app: TestApp) {
    let code = issue_codes(&app, 1).await.remove(0);
    let ballot = a_valid_ballot(&app).await;
    let body = json!({ "code": code, "ballot": ballot }).to_string();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut request = app
            .client
            .post(format!("{}/api/v1/cycles/1/ballots", app.address))
            .body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.expect("POST");
        assert_eq!(response.status().as_u16(), 415, "{content_type:?}");
        let answer: serde_json::Value = response.json().await.expect("JSON");
        assert!(
            answer["error"]
                .as_str()
                .unwrap_or_default()
                .contains("Content-Type: application/json"),
            "{answer}"
        );
    }
    let cast = app
        .client
        .post(format!("{}/api/v1/cycles/1/ballots", app.address))
        .header("content-type", "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .expect("POST");
    assert_eq!(cast.status().as_u16(), 201, "the same code still casts");
}
