//! Submitting, editing and reviewing proposals: bad input and wrong phases
//! are refused with a message and write nothing.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(phase Ideas:
    a_student_submits_a_proposal_that_appears_in_the_list,
    bad_proposal_forms_are_refused_and_nothing_is_written,
    a_sixth_proposal_within_an_hour_waits,
);

async fn a_sixth_proposal_within_an_hour_waits(app: TestApp) {
    let student = app.sign_in("devon.t").await;
    for n in 1..=5 {
        let (status, body) = app.call(&student, "/api/submit-proposal", &GOOD).await;
        assert_eq!(status, 200, "proposal {n}: {body}");
    }
    let (status, body) = app.call(&student, "/api/submit-proposal", &GOOD).await;
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("5 proposals an hour"), "{body}");
    let (_, home) = app.call(&As::Anonymous, "/api/home", &[]).await;
    assert_eq!(
        home.matches("Bike racks").count(),
        5,
        "the sixth was not stored"
    );
    let other = app.sign_in("maya.r").await;
    let (status, body) = app.call(&other, "/api/submit-proposal", &GOOD).await;
    assert_eq!(status, 200, "another student is not held back: {body}");
}
crate::on_both_engines!(phase Review: the_committee_marks_feasible_merges_and_refuses_bad_reviews);
crate::on_both_engines!(proposals_cannot_be_submitted_outside_the_ideas_phase);

const GOOD: [(&str, &str); 6] = [
    ("cycle_id", "1"),
    ("title", "Bike racks"),
    ("summary", "Covered racks by the gate."),
    ("description", "Twenty spaces, covered."),
    ("category", "Spaces"),
    ("estimated_cost", "1,200.50"),
];

fn with(field: &str, value: &'static str) -> Vec<(&'static str, &'static str)> {
    GOOD.iter()
        .map(|&(k, v)| if k == field { (k, value) } else { (k, v) })
        .collect()
}

async fn proposal_count(app: &TestApp) -> usize {
    let (_, body) = app.call(&As::Anonymous, "/api/home", &[]).await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    json["cycle"]["proposals"].as_array().map_or(0, Vec::len)
}

async fn a_student_submits_a_proposal_that_appears_in_the_list(app: TestApp) {
    let student = app.sign_in("lucia.m").await;
    let before = proposal_count(&app).await;
    let (status, body) = app.call(&student, "/api/submit-proposal", &GOOD).await;
    assert_eq!(status, 200, "{body}");
    let id: i32 = body.parse().expect("the new id");
    let (_, page) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", &id.to_string())])
        .await;
    let json: serde_json::Value = serde_json::from_str(&page).expect("JSON");
    assert_eq!(json["title"], "Bike racks");
    assert_eq!(json["estimated_cost"], 120_050);
    assert_eq!(json["status"], "submitted");
    assert_eq!(json["author"], "Lucía M.");
    assert_eq!(proposal_count(&app).await, before + 1);
    let (status, html) = app.get(&format!("/proposals/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Bike racks") && html.contains("$1,200.50"));
}

async fn bad_proposal_forms_are_refused_and_nothing_is_written(app: TestApp) {
    let student = app.sign_in("lucia.m").await;
    let before = proposal_count(&app).await;
    let long_title: &'static str = Box::leak("x".repeat(121).into_boxed_str());
    let cases = [
        (with("title", ""), 400, "title is required"),
        (with("title", long_title), 400, "limit is 120"),
        (with("estimated_cost", "a lot"), 400, "must be an amount"),
        (with("estimated_cost", "0"), 400, "more than zero"),
        (with("summary", "   "), 400, "summary is required"),
        (with("cycle_id", "999"), 404, "no cycle number 999"),
        (with("cycle_id", "one"), 400, ""),
    ];
    for (form, status, message) in cases {
        let (got, body) = app.call(&student, "/api/submit-proposal", &form).await;
        assert_eq!(got, status, "{form:?}: {body}");
        assert!(body.contains(message), "{form:?}: {body}");
    }
    assert_eq!(proposal_count(&app).await, before, "nothing was written");
}

async fn proposals_cannot_be_submitted_outside_the_ideas_phase(app: TestApp) {
    let student = app.sign_in("lucia.m").await;
    let before = proposal_count(&app).await;
    let (status, body) = app.call(&student, "/api/submit-proposal", &GOOD).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("deliberation phase"), "{body}");
    assert_eq!(proposal_count(&app).await, before);
}

async fn the_committee_marks_feasible_merges_and_refuses_bad_reviews(app: TestApp) {
    let committee = app.sign_in("lindqvist").await;
    let review =
        |id: &'static str, verdict: &'static str, cost: &'static str, merge: &'static str| {
            vec![
                ("id", id),
                ("verdict", verdict),
                ("ballot_cost", cost),
                ("merge_into", merge),
                ("note", "Checked with facilities."),
            ]
        };
    let bad = [
        (
            review("1", "maybe", "", ""),
            400,
            "feasible, not_feasible or merged",
        ),
        (
            review("1", "feasible", "", ""),
            400,
            "ballot cost is required",
        ),
        (
            review("1", "feasible", "12.345", ""),
            400,
            "must be an amount",
        ),
        (review("1", "merged", "", "1"), 400, "not another proposal"),
        (
            review("1", "merged", "", "x"),
            400,
            "number of the proposal",
        ),
        (
            review("999", "not_feasible", "", ""),
            404,
            "no proposal number 999",
        ),
    ];
    for (form, status, message) in bad {
        let (got, body) = app.call(&committee, "/api/review-proposal", &form).await;
        assert_eq!(got, status, "{form:?}: {body}");
        assert!(body.contains(message), "{form:?}: {body}");
    }
    let (_, body) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", "1")])
        .await;
    assert!(
        body.contains(r#""status":"submitted""#),
        "bad reviews wrote nothing: {body}"
    );

    let (status, body) = app
        .call(
            &committee,
            "/api/review-proposal",
            &review("1", "feasible", "2,750", ""),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call(
            &committee,
            "/api/review-proposal",
            &review("9", "merged", "", "1"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", "1")])
        .await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["status"], "feasible");
    assert_eq!(json["ballot_cost"], 275_000);
    assert_eq!(json["review_note"], "Checked with facilities.");
    let (_, body) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", "9")])
        .await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        (json["status"].as_str(), json["merged_into"].as_i64()),
        (Some("merged"), Some(1))
    );
}
