//! The committee members' part, played as their browsers play it: their
//! key (from the demo's key files) derives the tie-break secret and signs
//! decisions; the server only ever receives what the key made.

use counting::record::certification::note_text_for;
use counting::record::{Decision, Record};
use pebble_db::committee;
use pebble_db::entity::count_record;
use sea_orm::EntityTrait;

use crate::helpers::{As, TestApp};

/// The count desk of cycle 1.
pub const DESK: &str = "/committee/count?cycle=1";

/// The record hash stored for cycle `cycle`.
pub async fn record_hash(app: &TestApp, cycle: i32) -> String {
    let db = app.database.open().await.expect("database");
    count_record::Entity::find_by_id(cycle)
        .one(&db)
        .await
        .expect("query")
        .expect("a record")
        .record_hash
}

/// `username`'s tie-break secret for cycle `cycle`, as their key derives
/// it from the salt the server shows them.
pub async fn secret(app: &TestApp, cycle: i32, username: &str) -> String {
    let db = app.database.open().await.expect("database");
    let account = pebble_db::accounts::find_by_username(&db, username)
        .await
        .expect("query")
        .expect("an account");
    let made = committee::commitment_of(&db, cycle, account.id)
        .await
        .expect("query")
        .expect("a commitment");
    counting::merkle::to_hex(&app.member_key(username).tiebreak_secret(&made.salt))
}

/// `username` (signed in as `who`) reveals their secret for cycle 1 with a
/// plain form post; the status and `Location`.
pub async fn reveal(app: &TestApp, who: &As, username: &str) -> (u16, String) {
    let secret = secret(app, 1, username).await;
    let form = [("cycle", "1"), ("secret", secret.as_str())];
    app.form_post(who, DESK, "/api/reveal-secret", &form).await
}

/// Both demo members reveal; the last reveal runs the count.
pub async fn reveal_all(app: &TestApp) {
    for name in ["okafor", "lindqvist"] {
        let who = app.sign_in(name).await;
        let (status, location) = reveal(app, &who, name).await;
        assert_eq!(status, 302, "{name} reveals: {location}");
    }
}

/// The note `username`'s key signs for `decision` on cycle `cycle`'s
/// record with hash `hash`, at `at`.
pub async fn note(
    app: &TestApp,
    cycle: i32,
    username: &str,
    hash: &str,
    decision: Decision,
    at: &str,
    reason: &str,
) -> String {
    let db = app.database.open().await.expect("database");
    let frozen = pebble_db::frozen::frozen(&db, cycle)
        .await
        .expect("query")
        .expect("frozen")
        .manifest;
    let key = app.member_key(username);
    let member = frozen
        .election
        .members
        .iter()
        .position(|m| m.key == key.public_key())
        .expect("a seat");
    let origin = frozen.election.log_origin();
    let hash = counting::merkle::from_hex(hash).expect("hex");
    key.signer(&format!("{origin}/committee/{member}"))
        .expect("a signer")
        .sign(&note_text_for(&origin, &hash, decision, at, reason))
        .expect("signed")
}

/// Now, as RFC 3339 UTC to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `username` (signed in as `who`) decides on cycle 1's stored record
/// with a plain form post of their signed note; status and `Location`.
pub async fn decide(
    app: &TestApp,
    who: &As,
    username: &str,
    decision: Decision,
    reason: &str,
) -> (u16, String) {
    decide_in(app, 1, who, username, decision, reason).await
}

/// [`decide`] on cycle `cycle`.
pub async fn decide_in(
    app: &TestApp,
    cycle: i32,
    who: &As,
    username: &str,
    decision: Decision,
    reason: &str,
) -> (u16, String) {
    let hash = record_hash(app, cycle).await;
    let note = note(app, cycle, username, &hash, decision, &now(), reason).await;
    let cycle = cycle.to_string();
    let desk = format!("/committee/count?cycle={cycle}");
    let form = [("cycle", cycle.as_str()), ("note", note.as_str())];
    app.form_post(who, &desk, "/api/decide-record", &form).await
}

/// Reveals, then both members certify: cycle 1 publishes. Its record.
pub async fn certify_all(app: &TestApp) -> Record {
    reveal_all(app).await;
    for name in ["okafor", "lindqvist"] {
        let who = app.sign_in(name).await;
        let (status, location) = decide(app, &who, name, Decision::Certify, "").await;
        assert_eq!(status, 302, "{name} certifies: {location}");
    }
    let (status, json) = app.get("/api/v1/cycles/1/record").await;
    assert_eq!(status, 200, "published: {json}");
    serde_json::from_str(&json).expect("a record")
}

/// The password the member of another cycle chose.
pub const OTHER_MEMBER_PASSWORD: &str = "a password only its owner knows";

/// A committee member of another cycle only: an admin makes the account
/// (its one-time password), its owner chooses their own password, and
/// the admin puts them on a new cycle's committee. Their session.
pub async fn member_of_another_cycle(app: &TestApp) -> As {
    let admin = app.sign_in("admin").await;
    let form = [
        ("username", "other.member"),
        ("display_name", "Mx. Other"),
        ("role", "committee"),
    ];
    let (status, body) = app.call(&admin, "/api/create-account", &form).await;
    assert_eq!(status, 200, "{body}");
    let created: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let once = created["password"].as_str().expect("a password");
    let member = app
        .sign_in_with("other.member", once)
        .await
        .expect("the one-time password signs in");
    let chosen = OTHER_MEMBER_PASSWORD;
    let form = [("new", chosen), ("again", chosen)];
    let (status, body) = app.call(&member, "/api/change-password", &form).await;
    assert_eq!(status, 200, "{body}");
    let (_, who) = app.call(&member, "/api/whoami", &[]).await;
    let who: serde_json::Value = serde_json::from_str(&who).expect("JSON");
    let id = who["id"].as_i64().expect("an id").to_string();
    let seat = format!("settings[committee][{id}]");
    let mut form: Vec<(&str, &str)> = crate::cycles::NEW_CYCLE
        .iter()
        .copied()
        .filter(|(name, _)| {
            !name.starts_with("settings[committee]") && *name != "settings[certify_k]"
        })
        .collect();
    form.extend([(seat.as_str(), id.as_str()), ("settings[certify_k]", "1")]);
    let (status, body) = app.call(&admin, "/api/create-cycle", &form).await;
    assert_eq!(
        status, 200,
        "another cycle with them on its committee: {body}"
    );
    member
}
