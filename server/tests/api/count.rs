//! The count and its certification, black-box: a cycle voted over HTTP
//! is sealed, counted once its committee's members have revealed their
//! tie-break secrets, certified by k of its n members with notes signed
//! by their own keys, and only then publishes a record that `pebble
//! verify` accepts, a `.pb` and a CSV. Below k, or with an objection
//! standing, nothing publishes; refusals write nothing.

use counting::record::{Decision, Record};
use pebble_db::entity::{certification, count_record};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::ballot_api::a_valid_ballot;
use crate::helpers::{As, TestApp};
use crate::members::{DESK, decide, note, now, record_hash, reveal, reveal_all, secret};
use crate::voting::{cast, close_voting};

crate::on_both_engines!(phase Voting:
    a_cycle_is_counted_certified_and_its_record_verifies,
    below_k_or_with_an_objection_standing_nothing_publishes,
    the_count_refuses_outsiders_bad_input_and_a_second_reveal,
    the_exported_ballots_recounted_by_pabutools_fund_the_records_projects,
);

const PUBLIC: [&str; 3] = [
    "/api/v1/cycles/1/record",
    "/api/v1/cycles/1/ballots.pb",
    "/api/v1/cycles/1/results.csv",
];

/// Casts `count` ballots over the API, then closes voting as the admin.
pub async fn vote_and_close(app: &TestApp, count: usize) {
    let ballot = a_valid_ballot(app).await;
    cast_and_close(app, vec![ballot; count]).await;
}

/// Casts `ballots` over the API, then closes voting as the admin.
async fn cast_and_close(app: &TestApp, ballots: Vec<serde_json::Value>) {
    cast(app, &ballots).await;
    close_voting(app).await;
}

/// Every public results address answers `status`.
async fn public_status(app: &TestApp, status: u16) {
    for path in PUBLIC {
        let (got, body) = app.get(path).await;
        assert_eq!(got, status, "{path}: {body}");
    }
}

async fn a_cycle_is_counted_certified_and_its_record_verifies(app: TestApp) {
    vote_and_close(&app, 5).await;
    public_status(&app, 403).await;
    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    let (_, page) = app.get_as(&okafor, DESK).await;
    assert!(
        page.contains("The sealed ballot log holds 5 ballots."),
        "{page}"
    );

    let (status, location) = reveal(&app, &okafor, "okafor").await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/committee/count?cycle=1&revealed=1")
    );
    let (_, page) = app.get_as(&lindqvist, DESK).await;
    assert!(page.contains("1 revealed; the count needs 2."), "{page}");
    let (status, location) = reveal(&app, &lindqvist, "lindqvist").await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/committee/count?cycle=1&counted=1"),
        "the last reveal runs the count"
    );
    let hash = record_hash(&app, 1).await;
    let (_, page) = app.get_as(&lindqvist, DESK).await;
    assert!(page.contains(&hash[..8]), "{page}");
    assert!(page.contains("5 ballots: 5 online, 0 on paper."), "{page}");
    public_status(&app, 403).await;

    let (status, location) = decide(&app, &okafor, "okafor", Decision::Certify, "").await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/committee/count?cycle=1&decided=certify")
    );
    public_status(&app, 403).await;
    let (_, location) = decide(&app, &lindqvist, "lindqvist", Decision::Certify, "").await;
    assert!(location.ends_with("&published=1"), "{location}");
    public_status(&app, 200).await;

    let (_, json) = app.get(PUBLIC[0]).await;
    let record: Record = serde_json::from_str(&json).expect("a record");
    assert_eq!(record.record_hash, hash);
    assert_eq!(record.seed.reveals.len(), 2);
    assert!(record.seed.withheld_by().is_empty());
    assert_eq!(record.turnout[0].used, 5);
    let report = pebble_verify::verify_record(&record, &pebble_verify::Pinned::default());
    assert!(report.ok, "{}", report.text);
    assert!(
        report
            .text
            .contains("certified by Mr. Okafor, Ms. Lindqvist"),
        "{}",
        report.text
    );

    let (_, pb) = app.get(PUBLIC[1]).await;
    let file = counting::pabulib::parse(&pb).expect("a pabulib file");
    assert_eq!(file.votes.len(), 5);
    let (_, csv) = app.get(PUBLIC[2]).await;
    assert!(csv.starts_with("project_id,title,cost,supporters,score,funded,funded_order\r\n"));

    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("record.json");
    let path = path.to_str().expect("a path");
    let (ok, _, err) = app.pebble(&[
        "export", "--cycle", "1", "--format", "record", "--out", path,
    ]);
    assert!(ok, "{err}");
    let (ok, out, err) = app.pebble(&["verify", path]);
    assert!(ok, "{out}{err}");
    assert!(out.ends_with("OK\n"), "{out}");
}

async fn below_k_or_with_an_objection_standing_nothing_publishes(app: TestApp) {
    vote_and_close(&app, 3).await;
    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    reveal_all(&app).await;
    let hash = record_hash(&app, 1).await;
    let unexplained = note(&app, 1, "okafor", &hash, Decision::Object, &now(), "").await;
    let (status, body) = app
        .call(
            &okafor,
            "/api/decide-record",
            &[("cycle", "1"), ("note", unexplained.as_str())],
        )
        .await;
    assert_eq!(status, 400, "an objection needs a reason: {body}");
    let (_, location) = decide(
        &app,
        &okafor,
        "okafor",
        Decision::Object,
        "The paper box from room 12   is missing",
    )
    .await;
    assert!(location.ends_with("decided=object"), "{location}");
    let (_, location) = decide(&app, &lindqvist, "lindqvist", Decision::Certify, "").await;
    assert!(
        !location.contains("published"),
        "one certification with an objection standing: {location}"
    );
    public_status(&app, 403).await;
    let (_, page) = app.get_as(&lindqvist, DESK).await;
    assert!(
        page.contains("The paper box from room 12 is missing"),
        "{page}"
    );
    assert!(page.contains("Objections standing: 1."), "{page}");
    let (_, location) = decide(&app, &okafor, "okafor", Decision::Certify, "").await;
    assert!(location.ends_with("&published=1"), "{location}");
    public_status(&app, 200).await;
    let (_, json) = app.get(PUBLIC[0]).await;
    let record: Record = serde_json::from_str(&json).expect("a record");
    assert_eq!(
        record.certifications.len(),
        2,
        "one decision per member: the change of mind replaced the objection"
    );
    assert!(pebble_verify::verify_record(&record, &pebble_verify::Pinned::default()).ok);
}

async fn the_count_refuses_outsiders_bad_input_and_a_second_reveal(app: TestApp) {
    let okafor = app.sign_in("okafor").await;
    let okafors = secret(&app, 1, "okafor").await;
    let (status, body) = app
        .call(
            &okafor,
            "/api/reveal-secret",
            &[("cycle", "1"), ("secret", okafors.as_str())],
        )
        .await;
    assert_eq!(status, 409, "voting is still open: {body}");
    vote_and_close(&app, 2).await;
    for who in ["admin", "maya.r"] {
        let outsider = app.sign_in(who).await;
        let (status, body) = app
            .call(
                &outsider,
                "/api/reveal-secret",
                &[("cycle", "1"), ("secret", okafors.as_str())],
            )
            .await;
        assert_eq!(status, 403, "{who}: {body}");
        let (status, _) = app.get_as(&outsider, DESK).await;
        assert_ne!(status, 200, "{who} sees no count desk");
    }
    let (status, body) = app
        .call(
            &As::Anonymous,
            "/api/reveal-secret",
            &[("cycle", "1"), ("secret", okafors.as_str())],
        )
        .await;
    assert_eq!(status, 401, "{body}");
    let lindqvists = secret(&app, 1, "lindqvist").await;
    for (secret, expected) in [
        ("   ", 400),
        ("abc", 400),
        (lindqvists.as_str(), 400),
        (&"0".repeat(64)[..], 400),
    ] {
        let (status, body) = app
            .call(
                &okafor,
                "/api/reveal-secret",
                &[("cycle", "1"), ("secret", secret)],
            )
            .await;
        assert_eq!(status, expected, "{secret:?}: {body}");
    }
    let (status, body) = app
        .call(
            &okafor,
            "/api/reveal-secret",
            &[("cycle", "99"), ("secret", okafors.as_str())],
        )
        .await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = app
        .call(&okafor, "/api/start-count", &[("cycle", "1")])
        .await;
    assert_eq!(status, 409, "no reveal yet, nothing to count with: {body}");
    let db = app.database.open().await.expect("database");
    assert_eq!(
        count_record::Entity::find()
            .count(&db)
            .await
            .expect("count"),
        0
    );

    let (status, _) = reveal(&app, &okafor, "okafor").await;
    assert_eq!(status, 302);
    let (status, body) = app
        .call(
            &okafor,
            "/api/reveal-secret",
            &[("cycle", "1"), ("secret", okafors.as_str())],
        )
        .await;
    assert_eq!(status, 409, "a secret is revealed once: {body}");
    let (status, body) = app
        .call(&okafor, "/api/start-count", &[("cycle", "1")])
        .await;
    assert_eq!(status, 409, "one reveal of the two needed: {body}");
    let lindqvist = app.sign_in("lindqvist").await;
    let (status, _) = reveal(&app, &lindqvist, "lindqvist").await;
    assert_eq!(status, 302);
    let hash = record_hash(&app, 1).await;
    let stale = note(
        &app,
        1,
        "okafor",
        &"ab".repeat(32),
        Decision::Certify,
        &now(),
        "",
    )
    .await;
    let (status, body) = app
        .call(
            &okafor,
            "/api/decide-record",
            &[("cycle", "1"), ("note", stale.as_str())],
        )
        .await;
    assert_eq!(status, 409, "a decision on another record: {body}");
    let by_other_key = note(&app, 1, "lindqvist", &hash, Decision::Certify, &now(), "").await;
    let (status, body) = app
        .call(
            &okafor,
            "/api/decide-record",
            &[("cycle", "1"), ("note", by_other_key.as_str())],
        )
        .await;
    assert_eq!(status, 400, "another member's signature: {body}");
    let late = note(
        &app,
        1,
        "okafor",
        &hash,
        Decision::Certify,
        "2020-01-01T00:00:00Z",
        "",
    )
    .await;
    let (status, body) = app
        .call(
            &okafor,
            "/api/decide-record",
            &[("cycle", "1"), ("note", late.as_str())],
        )
        .await;
    assert_eq!(status, 400, "a decision dated before the count: {body}");
    let (status, body) = app
        .call(
            &okafor,
            "/api/decide-record",
            &[("cycle", "1"), ("note", "certify")],
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        certification::Entity::find()
            .count(&db)
            .await
            .expect("count"),
        0
    );
    public_status(&app, 403).await;
    let (status, _) = app.get("/api/v1/cycles/7/record").await;
    assert_eq!(status, 404);
}

/// Approval ballots over the demo's projects that the voters support
/// unevenly (no two projects alike), each within the budget and the
/// five-project limit.
async fn varied_ballots(app: &TestApp, count: usize) -> Vec<serde_json::Value> {
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    let budget = manifest["budget"].as_u64().expect("budget");
    let projects: Vec<(String, u64)> = manifest["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_owned(),
                p["cost"].as_u64().expect("cost"),
            )
        })
        .collect();
    (0..count)
        .map(|voter| {
            let (mut choices, mut spent) = (Vec::new(), 0);
            for (i, (id, cost)) in projects.iter().enumerate() {
                let likes = (voter * 7 + i * i * 3) % (i + 2) != 0;
                if likes && choices.len() < 5 && spent + cost <= budget {
                    choices.push(id.clone());
                    spent += cost;
                }
            }
            json!({ "kind": "approval", "choices": choices })
        })
        .collect()
}

async fn the_exported_ballots_recounted_by_pabutools_fund_the_records_projects(app: TestApp) {
    // scripts/test sets this to the Python with pabutools it installed.
    let Some(python) = std::env::var_os("PEBBLE_ORACLE_PYTHON") else {
        return;
    };
    cast_and_close(&app, varied_ballots(&app, 40).await).await;
    let record = crate::members::certify_all(&app).await;
    let json = serde_json::to_string(&record).expect("json");
    assert!(
        !record.transcript.contains("tie between"),
        "{}",
        record.transcript
    );
    assert!(record.outcome.winners.len() >= 2, "{}", record.transcript);
    let (_, pb) = app.get(PUBLIC[1]).await;
    let folder = tempfile::tempdir().expect("folder");
    let (record_path, pb_path) = (
        folder.path().join("record.json"),
        folder.path().join("ballots.pb"),
    );
    std::fs::write(&record_path, &json).expect("write");
    std::fs::write(&pb_path, &pb).expect("write");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/oracle/recount_record.py"
    );
    let output = std::process::Command::new(python)
        .arg(script)
        .arg(&record_path)
        .arg(&pb_path)
        .output()
        .expect("python runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(said.contains("same projects, same order"), "{said}");
    println!("{said}");
}
