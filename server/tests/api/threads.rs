//! Threads: comments, nested replies, edits, reports, moderation, limits.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    comments_and_replies_appear_nested_in_the_thread,
    a_hidden_comment_keeps_its_slot_and_reason_but_not_its_text,
    bad_comments_are_refused_and_nothing_is_written,
    a_sixth_comment_within_a_minute_is_refused,
    long_threads_are_paginated,
    text_is_escaped_never_markup,
);
crate::on_both_engines!(phase Certified: threads_are_read_only_once_certified);

async fn thread(app: &TestApp, who: &As, proposal: &str, page: &str) -> serde_json::Value {
    let (status, body) = app
        .call(
            who,
            "/api/thread",
            &[("proposal_id", proposal), ("page", page)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("JSON")
}

fn bodies(thread: &serde_json::Value) -> Vec<(u64, String)> {
    thread["comments"]
        .as_array()
        .expect("comments")
        .iter()
        .map(|c| {
            (
                c["depth"].as_u64().unwrap_or(99),
                c["body"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

async fn comments_and_replies_appear_nested_in_the_thread(app: TestApp) {
    let family = app.sign_in("parent.chen").await;
    let student = app.sign_in("maya.r").await;
    let (status, _) = app
        .call(
            &family,
            "/api/post-comment",
            &[("proposal_id", "3"), ("body", "Manga too, please.")],
        )
        .await;
    assert_eq!(status, 200);
    let top = thread(&app, &As::Anonymous, "3", "1").await;
    let id = top["comments"][0]["id"]
        .as_i64()
        .expect("an id")
        .to_string();
    app.call(
        &student,
        "/api/post-comment",
        &[
            ("proposal_id", "3"),
            ("parent_id", &id),
            ("body", "Agreed!"),
        ],
    )
    .await;
    let after = thread(&app, &As::Anonymous, "3", "1").await;
    assert_eq!(
        bodies(&after),
        vec![
            (0, "Manga too, please.".to_owned()),
            (1, "Agreed!".to_owned())
        ]
    );
    assert_eq!(after["comments"][0]["author"], "Wei Chen (parent)");
}

async fn a_hidden_comment_keeps_its_slot_and_reason_but_not_its_text(app: TestApp) {
    // The demo's second comment on proposal 2 was hidden by the committee.
    let public = thread(&app, &As::Anonymous, "2", "1").await;
    let hidden = &public["comments"][1];
    assert_eq!(hidden["body"], serde_json::Value::Null);
    assert!(
        hidden["hidden_reason"]
            .as_str()
            .is_some_and(|r| r.contains("insult"))
    );
    let committee = app.sign_in("okafor").await;
    let seen = thread(&app, &committee, "2", "1").await;
    assert!(
        seen["comments"][1]["body"]
            .as_str()
            .is_some_and(|b| b.contains("losers"))
    );
    let (_, html) = app.get("/proposals/2").await;
    assert!(html.contains("Hidden by the committee:") && !html.contains("losers"));

    let first = public["comments"][0]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let (status, body) = app
        .call(
            &committee,
            "/api/hide-comment",
            &[("comment_id", &first), ("reason", "Testing.")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = thread(&app, &As::Anonymous, "2", "1").await;
    assert_eq!(after["comments"][0]["hidden_reason"], "Testing.");
}

/// A server function path, its form, the expected status and message.
type Case = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    u16,
    &'static str,
);

async fn bad_comments_are_refused_and_nothing_is_written(app: TestApp) {
    let student = app.sign_in("devon.t").await;
    let before = thread(&app, &As::Anonymous, "1", "1").await["comments"]
        .as_array()
        .map_or(0, Vec::len);
    let long: &'static str = Box::leak("y".repeat(4001).into_boxed_str());
    let cases: Vec<Case> = vec![
        (
            "/api/post-comment",
            vec![("proposal_id", "1"), ("body", " ")],
            400,
            "comment is required",
        ),
        (
            "/api/post-comment",
            vec![("proposal_id", "1"), ("body", long)],
            400,
            "limit is 4000",
        ),
        (
            "/api/post-comment",
            vec![("proposal_id", "999"), ("body", "Hi")],
            404,
            "no proposal number 999",
        ),
        (
            "/api/post-comment",
            vec![("proposal_id", "1"), ("parent_id", "x"), ("body", "Hi")],
            400,
            "must be a number",
        ),
        (
            "/api/post-comment",
            vec![("proposal_id", "1"), ("parent_id", "3"), ("body", "Hi")],
            404,
            "comment in this thread",
        ),
        (
            "/api/report-comment",
            vec![("comment_id", "1"), ("reason", "")],
            400,
            "reason is required",
        ),
        (
            "/api/report-comment",
            vec![("comment_id", "999"), ("reason", "Spam")],
            404,
            "no comment number 999",
        ),
        (
            "/api/edit-comment",
            vec![("comment_id", "2"), ("body", "Changed")],
            403,
            "Only the author",
        ),
    ];
    for (path, form, status, message) in cases {
        let (got, body) = app.call(&student, path, &form).await;
        assert_eq!(got, status, "{path} {form:?}: {body}");
        assert!(body.contains(message), "{path} {form:?}: {body}");
    }
    let after = thread(&app, &As::Anonymous, "1", "1").await["comments"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(after, before, "nothing was written");
}

async fn a_sixth_comment_within_a_minute_is_refused(app: TestApp) {
    // An author with no demo comment (those were written a moment ago).
    let student = app.sign_in("lucia.m").await;
    for n in 0..5 {
        let body = format!("Point {n}");
        let (status, _) = app
            .call(
                &student,
                "/api/post-comment",
                &[("proposal_id", "4"), ("body", &body)],
            )
            .await;
        assert_eq!(status, 200);
    }
    let (status, body) = app
        .call(
            &student,
            "/api/post-comment",
            &[("proposal_id", "4"), ("body", "One more")],
        )
        .await;
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("wait"), "{body}");
}

async fn long_threads_are_paginated(app: TestApp) {
    let db = app.database.open().await.expect("db");
    for n in 0..25 {
        pebble_db::threads::post(&db, 5, 1, None, format!("Comment {n}"))
            .await
            .expect("insert");
    }
    let first = thread(&app, &As::Anonymous, "5", "1").await;
    assert_eq!(first["pages"], 2);
    assert_eq!(first["comments"].as_array().map(Vec::len), Some(20));
    let second = thread(&app, &As::Anonymous, "5", "2").await;
    assert_eq!(
        bodies(&second).last().map(|(_, b)| b.as_str()),
        Some("Comment 24")
    );
    let (_, html) = app.get("/proposals/5?page=2").await;
    assert!(html.contains("Comment 24") && !html.contains("Comment 3<"));
}

async fn text_is_escaped_never_markup(app: TestApp) {
    let student = app.sign_in("maya.r").await;
    let (status, _) = app
        .call(
            &student,
            "/api/post-comment",
            &[
                ("proposal_id", "1"),
                ("body", "<script>alert(1)</script> <b>hi</b>"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    let (_, html) = app.get("/proposals/1").await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<b>hi</b>"));
}

async fn threads_are_read_only_once_certified(app: TestApp) {
    let family = app.sign_in("parent.chen").await;
    let (status, body) = app
        .call(
            &family,
            "/api/post-comment",
            &[("proposal_id", "1"), ("body", "Late!")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("read-only in the certified phase"), "{body}");
}
