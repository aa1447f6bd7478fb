//! `pebble codes issue`: codes printed once, only digests stored, a group
//! made on first use, and bad requests refused with nothing written.

use pebble_db::entity::{code_group, cycle, voter_code};
use pebble_domain::{Phase, VoterCode};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, PaginatorTrait};

use crate::helpers::TestApp;

fn issue(app: &TestApp, cycle: &str, group: &str, count: &str) -> (bool, String, String) {
    app.pebble(&[
        "codes", "issue", "--cycle", cycle, "--group", group, "--count", count,
    ])
}

async fn codes_are_printed_once_and_only_their_digests_are_kept(app: TestApp) {
    let (ok, out, err) = issue(&app, "1", "Class 7B", "5");
    assert!(ok, "{err}");
    let codes: Vec<VoterCode> = out
        .lines()
        .map(|line| line.parse().expect("each line is a code"))
        .collect();
    assert_eq!(codes.len(), 5);
    assert!(
        err.contains("Issued 5 codes for group \"Class 7B\" of cycle 1"),
        "{err}"
    );

    let db = app.database.open().await.expect("database");
    let mut stored: Vec<String> = voter_code::Entity::find()
        .all(&db)
        .await
        .expect("codes")
        .into_iter()
        .map(|row| {
            assert!(!row.used);
            row.digest
        })
        .collect();
    let mut expected: Vec<String> = codes
        .iter()
        .map(|code| counting::merkle::to_hex(&code.digest(1)))
        .collect();
    stored.sort();
    expected.sort();
    assert_eq!(stored, expected, "digests only, of exactly these codes");
    for code in &codes {
        let text = code.to_string();
        assert!(stored.iter().all(|d| !d.contains(&text.replace('-', ""))));
    }

    // The same group again grows it; a new name makes another group.
    let (ok, out, err) = issue(&app, "1", "  Class 7B ", "3");
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 3);
    assert!(err.contains("(the group now has 8)"), "{err}");
    assert!(issue(&app, "1", "Families, year 9", "2").0);
    assert_eq!(
        code_group::Entity::find().count(&db).await.expect("groups"),
        2
    );
    assert_eq!(
        voter_code::Entity::find().count(&db).await.expect("codes"),
        10
    );
}

async fn bad_requests_are_refused_in_words_and_write_nothing(app: TestApp) {
    for (args, says) in [
        (
            ["1", "Class 7B", "0"],
            "--count must be from 1 to 10000, not 0",
        ),
        (
            ["1", "Class 7B", "10001"],
            "--count must be from 1 to 10000",
        ),
        (["1", "   ", "5"], "a group needs a name"),
        (["9", "Class 7B", "5"], "there is no cycle number 9"),
        (["0", "Class 7B", "5"], "there is no cycle number 0"),
    ] {
        let (ok, _, err) = issue(&app, args[0], args[1], args[2]);
        assert!(!ok, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let db = app.database.open().await.expect("database");
    let mut counting_phase: cycle::ActiveModel = cycle::Entity::find_by_id(1)
        .one(&db)
        .await
        .expect("query")
        .expect("the demo cycle")
        .into();
    counting_phase.phase = Set(Phase::Counting.into());
    counting_phase.update(&db).await.expect("phase set");
    let (ok, _, err) = issue(&app, "1", "Class 7B", "5");
    assert!(!ok);
    assert!(err.contains("cycle 1 is in counting"), "{err}");
    assert_eq!(
        voter_code::Entity::find().count(&db).await.expect("codes"),
        0
    );
    assert_eq!(
        code_group::Entity::find().count(&db).await.expect("groups"),
        0
    );
}

async fn an_admin_issues_codes_on_the_web_and_they_cast(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let form = [("cycle_id", "1"), ("group", "Grade 9"), ("count", "3")];
    let (status, body) = app.call(&admin, "/api/issue-codes", &form).await;
    assert_eq!(status, 200, "{body}");
    let issued: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let codes: Vec<String> = issued["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|card| card["code"].as_str().expect("a code").to_owned())
        .collect();
    let link = issued["cards"][0]["link"].as_str().expect("a link");
    // The code rides in the fragment, which browsers never send.
    assert!(link.contains("/vote?cycle=1#code="), "{link}");
    assert_eq!((codes.len(), issued["in_group"].as_u64()), (3, Some(3)));
    let ballot = crate::ballot_api::a_valid_ballot(&app).await;
    let cast = serde_json::json!({ "code": codes[0], "ballot": ballot });
    let (status, receipt) = app.post_json("/api/v1/cycles/1/ballots", &cast).await;
    assert_eq!(status, 201, "{receipt}");

    let student = app.sign_in("maya.r").await;
    let (status, _) = app.call(&student, "/api/issue-codes", &form).await;
    assert_eq!(status, 403, "only an admin issues codes");
    for (count, words) in [
        ("0", "1 to 10000"),
        ("many", "1 to 10000"),
        ("10001", "1 to 10000"),
    ] {
        let form = [("cycle_id", "1"), ("group", "Grade 9"), ("count", count)];
        let (status, body) = app.call(&admin, "/api/issue-codes", &form).await;
        assert_eq!(status, 400, "{count}: {body}");
        assert!(body.contains(words), "{count}: {body}");
    }
    let form = [("cycle_id", "1"), ("group", ""), ("count", "3")];
    assert_eq!(app.call(&admin, "/api/issue-codes", &form).await.0, 400);
    let form = [("cycle_id", "9"), ("group", "Grade 9"), ("count", "3")];
    assert_eq!(app.call(&admin, "/api/issue-codes", &form).await.0, 404);

    let db = app.database.open().await.expect("database");
    let moved = pebble_db::transitions::advance(&db, 1, Phase::Voting)
        .await
        .expect("query");
    assert_eq!(moved, Ok(Phase::Counting));
    let (status, body) = app
        .call(
            &admin,
            "/api/issue-codes",
            &[("cycle_id", "1"), ("group", "Late"), ("count", "1")],
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("end of voting"), "{body}");
    assert_eq!(
        voter_code::Entity::find().count(&db).await.expect("count"),
        3
    );
}

crate::on_both_engines!(
    codes_are_printed_once_and_only_their_digests_are_kept,
    bad_requests_are_refused_in_words_and_write_nothing,
);
crate::on_both_engines!(phase Voting: an_admin_issues_codes_on_the_web_and_they_cast);
