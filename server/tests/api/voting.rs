//! The voters' part and the admin's around it, over HTTP: codes issued,
//! ballots cast through the JSON API, voting closed; the projects of the
//! ballot, cheapest first.

use serde_json::{Value, json};

use crate::ballot_api::issue_codes;
use crate::helpers::TestApp;

/// Casts `ballots` over the JSON API with fresh codes; their receipts.
pub async fn cast(app: &TestApp, ballots: &[Value]) -> Vec<Value> {
    let codes = issue_codes(app, ballots.len()).await;
    let mut receipts = Vec::new();
    for (code, ballot) in codes.into_iter().zip(ballots) {
        let body = json!({ "code": code, "ballot": ballot });
        let (status, receipt) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
        assert_eq!(status, 201, "{receipt}");
        receipts.push(receipt);
    }
    receipts
}

/// The admin closes voting on cycle 1.
pub async fn close_voting(app: &TestApp) {
    let admin = app.sign_in("admin").await;
    let form = [("cycle_id", "1"), ("from", "voting"), ("confirm", "yes")];
    let (status, body) = app.call(&admin, "/api/advance-phase", &form).await;
    assert_eq!(status, 200, "{body}");
}

/// Cycle 1's projects, cheapest first: their ids.
pub async fn projects_by_cost(app: &TestApp) -> Vec<String> {
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    let mut projects: Vec<(u64, String)> = manifest["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| {
            (
                p["cost"].as_u64().expect("a cost"),
                p["id"].as_str().expect("an id").to_owned(),
            )
        })
        .collect();
    projects.sort();
    projects.into_iter().map(|(_, id)| id).collect()
}

/// The manifest hash cycle 1 published when voting opened.
pub async fn published_manifest_hash(app: &TestApp) -> String {
    let (status, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    assert_eq!(status, 200, "{manifest}");
    manifest["manifest_hash"]
        .as_str()
        .expect("a hash")
        .to_owned()
}
