//! Paper ballots: printed serials, double entry by two committee members,
//! one log entry (source `paper`) per serial, and the mismatch queue.

use counting::encoding::Entry;
use pebble_db::entity::{log_entry, paper_ballot, paper_entry, paper_resolution};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::helpers::{As, TestApp};
use crate::voting::projects_by_cost;

crate::on_both_engines!(phase Voting:
    two_matching_entries_log_a_paper_ballot_once,
    a_mismatch_waits_for_the_committee_who_rekey_or_void_it,
    paper_ballots_refuse_outsiders_and_bad_input_and_write_nothing,
);

const DESK: &str = "/committee/paper?cycle=1";

/// Prints `count` ballots as `who`; their serials, as stored.
async fn print(app: &TestApp, who: &As, count: &str) -> Vec<String> {
    let form = [("cycle", "1"), ("count", count)];
    let (status, location) = app.form_post(who, DESK, "/api/print-paper", &form).await;
    assert_eq!(status, 302, "{location}");
    let batch = location
        .split("batch=")
        .nth(1)
        .expect("the run's page")
        .to_owned();
    let (status, page) = app
        .get_as(
            who,
            &format!("/committee/paper/print?cycle=1&batch={batch}"),
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let db = app.database.open().await.expect("database");
    let serials: Vec<String> = paper_ballot::Entity::find()
        .filter(paper_ballot::Column::Batch.eq(batch.parse::<i32>().expect("a number")))
        .order_by_asc(paper_ballot::Column::Serial)
        .all(&db)
        .await
        .expect("serials")
        .into_iter()
        .map(|row| row.serial)
        .collect();
    for serial in &serials {
        let grouped = format!("{}-{}-{}", &serial[..4], &serial[4..8], &serial[8..]);
        assert!(page.contains(&grouped), "the run's page shows {grouped}");
    }
    serials
}

/// Keys an approval of `choices` for `serial` as `who`, as a plain form;
/// the status and where it went.
async fn key(app: &TestApp, who: &As, serial: &str, choices: &[&str]) -> (u16, String) {
    let names: Vec<String> = choices.iter().map(|id| format!("choices[{id}]")).collect();
    let mut form = vec![("cycle", "1"), ("serial", serial)];
    form.extend(names.iter().map(|name| (name.as_str(), "on")));
    app.form_post(who, DESK, "/api/key-paper", &form).await
}

/// Keys as the app's JavaScript would: the status and the body.
async fn key_json(app: &TestApp, who: &As, serial: &str, choices: &[&str]) -> (u16, String) {
    let names: Vec<String> = choices.iter().map(|id| format!("choices[{id}]")).collect();
    let mut form = vec![("cycle", "1"), ("serial", serial)];
    form.extend(names.iter().map(|name| (name.as_str(), "on")));
    app.call(who, "/api/key-paper", &form).await
}

async fn paper_entries(app: &TestApp) -> u64 {
    let db = app.database.open().await.expect("database");
    log_entry::Entity::find()
        .filter(log_entry::Column::Source.eq("paper"))
        .count(&db)
        .await
        .expect("count")
}

async fn two_matching_entries_log_a_paper_ballot_once(app: TestApp) {
    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    let serials = print(&app, &okafor, "3").await;
    assert_eq!(serials.len(), 3);
    let ids = projects_by_cost(&app).await;
    let choice = [ids[0].as_str()];
    let serial = &serials[0];

    let (status, location) = key(&app, &okafor, &serial.to_lowercase(), &choice).await;
    assert_eq!(status, 302);
    assert!(location.contains("keyed=waiting"), "{location}");
    assert_eq!(paper_entries(&app).await, 0, "one entry is not enough");
    let (status, body) = key_json(&app, &okafor, serial, &choice).await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("another committee member keys it next"),
        "{body}"
    );

    let (status, location) = key(&app, &lindqvist, serial, &choice).await;
    assert_eq!(status, 302);
    assert!(location.contains("keyed=logged"), "{location}");
    let index: u64 = location
        .split("index=")
        .nth(1)
        .and_then(|i| i.parse().ok())
        .expect("the log index");
    assert_eq!(paper_entries(&app).await, 1);

    let (status, entry) = app
        .get_json(&format!("/api/v1/cycles/1/log/entries/{index}"))
        .await;
    assert_eq!(
        status, 403,
        "no ballot is public before certification: {entry}"
    );
    let db = app.database.open().await.expect("database");
    let (bytes, _, source) = pebble_db::log::entry(&db, 1, index)
        .await
        .expect("query")
        .expect("the entry");
    assert_eq!(source, "paper");
    let decoded = Entry::decode(&bytes).expect("an entry");
    let frozen = pebble_db::frozen::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    assert_eq!(
        decoded.nonce,
        frozen.manifest.election.paper_nonce(serial),
        "anyone holding the paper finds its entry"
    );
    assert_eq!(decoded.manifest_hash, frozen.hash);

    for who in [&okafor, &lindqvist] {
        let (status, body) = key_json(&app, who, serial, &[ids[1].as_str()]).await;
        assert_eq!(status, 409, "{body}");
        assert!(body.contains("in the log already"), "{body}");
    }
    assert_eq!(paper_entries(&app).await, 1, "a serial enters the log once");

    let (status, desk) = app.get_as(&okafor, DESK).await;
    assert_eq!(status, 200);
    assert!(
        desk.contains("2 waiting for entries · 1 in the log"),
        "{desk}"
    );
}

async fn a_mismatch_waits_for_the_committee_who_rekey_or_void_it(app: TestApp) {
    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    let serials = print(&app, &okafor, "2").await;
    let ids = projects_by_cost(&app).await;
    let (first, second) = ([ids[0].as_str()], [ids[1].as_str()]);

    // Blind: the desk says the serial waits for a second keying, never
    // what the first member keyed from it.
    assert_eq!(key(&app, &okafor, &serials[0], &first).await.0, 302);
    let (_, desk) = app.get_as(&lindqvist, DESK).await;
    let grouped = format!(
        "{}-{}-{}",
        &serials[0][..4],
        &serials[0][4..8],
        &serials[0][8..]
    );
    assert!(desk.contains(&grouped), "the serial waits: {desk}");
    assert!(
        !desk.contains("checked"),
        "lindqvist does not see okafor's entry: {desk}"
    );
    let (_, location) = key(&app, &lindqvist, &serials[0], &second).await;
    assert!(location.contains("keyed=mismatch"), "{location}");
    assert_eq!(paper_entries(&app).await, 0);

    let (_, desk) = app.get_as(&okafor, DESK).await;
    assert!(desk.contains("Keyed by Mr. Okafor"), "{desk}");
    assert!(desk.contains("Keyed by Ms. Lindqvist"), "{desk}");
    let (status, body) = key_json(&app, &okafor, &serials[0], &first).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("mismatch queue"), "{body}");

    let resolve = |serial: &str, how: &'static str, reason: &'static str| {
        let serial = serial.to_owned();
        let app = &app;
        let okafor = &okafor;
        async move {
            let form = [
                ("cycle", "1"),
                ("serial", serial.as_str()),
                ("resolution", how),
                ("reason", reason),
            ];
            app.call(okafor, "/api/resolve-paper", &form).await
        }
    };
    let (status, body) = resolve(&serials[0], "rekey", "").await;
    assert_eq!(status, 400, "a reason is needed: {body}");
    let (status, body) = resolve(&serials[0], "shred", "torn").await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = resolve(&serials[1], "void", "not in the queue").await;
    assert_eq!(status, 409, "{body}");
    let (status, body) = resolve(&serials[0], "rekey", "Lindqvist read the wrong row").await;
    assert!(status < 400, "{status}: {body}");

    assert!(
        key(&app, &lindqvist, &serials[0], &first)
            .await
            .1
            .contains("keyed=waiting")
    );
    assert!(
        key(&app, &okafor, &serials[0], &first)
            .await
            .1
            .contains("keyed=logged")
    );
    assert_eq!(paper_entries(&app).await, 1);

    key(&app, &okafor, &serials[1], &first).await;
    key(&app, &lindqvist, &serials[1], &second).await;
    let (status, body) = resolve(&serials[1], "void", "Two crosses, unreadable").await;
    assert!(status < 400, "{status}: {body}");
    let (status, body) = key_json(&app, &okafor, &serials[1], &first).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("voided"), "{body}");

    let db = app.database.open().await.expect("database");
    let resolutions = paper_resolution::Entity::find()
        .order_by_asc(paper_resolution::Column::Id)
        .all(&db)
        .await
        .expect("resolutions");
    let kept: Vec<(&str, &str)> = resolutions
        .iter()
        .map(|r| (r.action.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        kept,
        [
            ("rekey", "Lindqvist read the wrong row"),
            ("void", "Two crosses, unreadable")
        ]
    );
    assert_eq!(paper_entries(&app).await, 1);
}

async fn paper_ballots_refuse_outsiders_and_bad_input_and_write_nothing(app: TestApp) {
    let okafor = app.sign_in("okafor").await;
    let serials = print(&app, &okafor, "1").await;
    let ids = projects_by_cost(&app).await;
    let every: Vec<&str> = ids.iter().map(String::as_str).collect();
    let one = [ids[0].as_str()];

    let student = app.sign_in("maya.r").await;
    let admin = app.sign_in("admin").await;
    for who in [&student, &admin] {
        assert_eq!(key_json(&app, who, &serials[0], &one).await.0, 403);
        let (status, _) = app
            .call(who, "/api/print-paper", &[("cycle", "1"), ("count", "2")])
            .await;
        assert_eq!(status, 403);
    }
    assert_eq!(
        key_json(&app, &As::Anonymous, &serials[0], &one).await.0,
        401
    );
    let (status, body) = app.get_as(&As::Anonymous, DESK).await;
    assert_eq!(status, 401, "{body}");

    for (serial, status, words) in [
        ("ABC", 400, "has 3"),
        ("ABCD-EFGH-JKM0", 400, "'0' is never part of a serial"),
        (
            "ABCD-EFGH-JKMN",
            404,
            "No paper ballot of this cycle has that serial",
        ),
    ] {
        let (got, body) = key_json(&app, &okafor, serial, &one).await;
        assert_eq!(got, status, "{serial}: {body}");
        assert!(body.contains(words), "{serial}: {body}");
    }
    let (status, body) = key_json(&app, &okafor, &serials[0], &every).await;
    assert_eq!(status, 422, "over the budget: {body}");
    for count in ["0", "many", "2001"] {
        let form = [("cycle", "1"), ("count", count)];
        let (status, body) = app.call(&okafor, "/api/print-paper", &form).await;
        assert_eq!(status, 400, "{count}: {body}");
        assert!(body.contains("1 to 2000"), "{body}");
    }
    let (status, _) = app
        .get_as(&okafor, "/committee/paper/print?cycle=1&batch=9")
        .await;
    assert_eq!(status, 404);

    let db = app.database.open().await.expect("database");
    assert_eq!(
        paper_ballot::Entity::find()
            .count(&db)
            .await
            .expect("count"),
        1
    );
    assert_eq!(
        paper_entry::Entity::find().count(&db).await.expect("count"),
        0
    );
}
