//! Creating cycles and changing their settings: what an admin
//! sets is what is stored, bad input is refused field by field with
//! nothing written, and voting freezes the settings that decide the outcome.

use crate::helpers::{As, TestApp};

/// A complete new-cycle form; committee members are the demo's two
/// committee accounts (ids 2 and 3).
pub const NEW_CYCLE: &[(&str, &str)] = &[
    ("settings[name]", "Riverside Student Budget 2028"),
    ("settings[school]", "Riverside High School"),
    (
        "settings[description]",
        "Five thousand for next year's ideas.",
    ),
    ("settings[currency]", "usd"),
    ("settings[budget]", "5,000"),
    ("settings[ballot_kind]", "approval"),
    ("settings[min_projects]", "1"),
    ("settings[max_projects]", "3"),
    ("settings[min_budget_percent]", "0"),
    ("settings[rule]", "mes"),
    ("settings[completion]", "add1-greedy"),
    ("settings[tie_break]", "cheapest-then-seeded"),
    ("settings[committee][2]", "2"),
    ("settings[committee][3]", "3"),
    ("settings[certify_k]", "2"),
];

/// The demo cycle switched to a ranked ballot counted by STV.
pub const UPDATE_CYCLE: &[(&str, &str)] = &[
    ("cycle_id", "1"),
    ("settings[name]", "Riverside Student Budget 2027"),
    ("settings[school]", "Riverside High School"),
    (
        "settings[description]",
        "Two seats for the school's garden plan.",
    ),
    ("settings[currency]", "EUR"),
    ("settings[budget]", "12000.50"),
    ("settings[ballot_kind]", "ranked"),
    ("settings[max_ranks]", "4"),
    ("settings[rule]", "stv"),
    ("settings[seats]", "2"),
    ("settings[tie_break]", "previous-round-then-seeded"),
    ("settings[committee][3]", "3"),
    ("settings[certify_k]", "1"),
];

crate::on_both_engines!(
    an_admin_creates_a_draft_cycle_that_stays_off_the_home_page,
    an_admin_changes_every_setting_before_voting,
    each_bad_setting_is_refused_by_name_and_nothing_changes,
    a_plain_form_post_creates_a_cycle_and_goes_to_its_editor,
    admin_pages_tell_anyone_else_they_are_for_admins,
);
crate::on_both_engines!(phase Voting: voting_freezes_the_settings_but_not_the_texts);
crate::on_both_engines!(phase Certified: a_certified_cycle_cannot_be_edited);

async fn editor(app: &TestApp, admin: &As, id: &str) -> serde_json::Value {
    let (status, body) = app.call(admin, "/api/cycle-editor", &[("id", id)]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("JSON")
}

async fn an_admin_creates_a_draft_cycle_that_stays_off_the_home_page(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, body) = app.call(&admin, "/api/create-cycle", NEW_CYCLE).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, "2");
    let json = editor(&app, &admin, "2").await;
    assert_eq!(json["phase"], "draft");
    let form = &json["form"];
    assert_eq!(form["name"], "Riverside Student Budget 2028");
    assert_eq!(form["currency"], "USD", "codes are upper-cased");
    assert_eq!(form["budget"], "5,000.00");
    assert_eq!(form["max_projects"], "3");
    assert_eq!(form["committee"], serde_json::json!(["2", "3"]));
    assert_eq!(form["certify_k"], "2");
    let names: Vec<&str> = json["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .filter_map(|c| c["username"].as_str())
        .collect();
    assert_eq!(names.len(), 2, "the two committee accounts: {names:?}");

    let (_, home) = app.call(&As::Anonymous, "/api/home", &[]).await;
    assert!(home.contains("Riverside Student Budget 2027"), "{home}");
    assert!(!home.contains("2028"), "a draft is not public: {home}");
    let (_, list) = app.call(&admin, "/api/cycles", &[]).await;
    let list: serde_json::Value = serde_json::from_str(&list).expect("JSON");
    assert_eq!(
        list[0]["name"], "Riverside Student Budget 2028",
        "newest first"
    );
    assert_eq!(list[1]["phase"], "deliberation");
}

async fn an_admin_changes_every_setting_before_voting(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, body) = app.call(&admin, "/api/update-cycle", UPDATE_CYCLE).await;
    assert_eq!(status, 200, "{body}");
    let form = editor(&app, &admin, "1").await["form"].clone();
    assert_eq!(form["currency"], "EUR");
    assert_eq!(form["budget"], "12,000.50");
    assert_eq!(form["ballot_kind"], "ranked");
    assert_eq!(form["max_ranks"], "4");
    assert_eq!(form["rule"], "stv");
    assert_eq!(form["seats"], "2");
    assert_eq!(form["tie_break"], "previous-round-then-seeded");
    assert_eq!(form["committee"], serde_json::json!(["3"]));
    assert_eq!(form["certify_k"], "1");
    let (_, home) = app.call(&As::Anonymous, "/api/home", &[]).await;
    let home: serde_json::Value = serde_json::from_str(&home).expect("JSON");
    assert_eq!(
        home["cycle"]["budget"], 1_200_050,
        "the public page follows"
    );
}

/// `UPDATE_CYCLE` with each `(field, value)` of `changes` set (or added).
fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut form: Vec<_> = UPDATE_CYCLE
        .iter()
        .copied()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    form.extend_from_slice(changes);
    form
}

async fn each_bad_setting_is_refused_by_name_and_nothing_changes(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let before = editor(&app, &admin, "1").await;
    let long_name: &'static str = "x".repeat(121).leak();
    let cases = [
        (with(&[("settings[name]", " ")]), 400, "name is required"),
        (with(&[("settings[name]", long_name)]), 400, "limit is 120"),
        (
            with(&[("settings[currency]", "dollars")]),
            400,
            "three-letter code",
        ),
        (with(&[("settings[budget]", "0")]), 400, "more than zero"),
        (with(&[("settings[budget]", "12.345")]), 400, "two digits"),
        (
            with(&[("settings[ballot_kind]", "score")]),
            400,
            "not a ballot type",
        ),
        (
            with(&[("settings[max_ranks]", "0")]),
            400,
            "at least 1 rank",
        ),
        (
            with(&[("settings[max_ranks]", "four")]),
            400,
            "whole number",
        ),
        (
            with(&[("settings[rule]", "mes")]),
            400,
            "cannot be used with the mes rule",
        ),
        (
            with(&[
                ("settings[ballot_kind]", "approval"),
                ("settings[rule]", "irv"),
            ]),
            400,
            "needs ranked ballots",
        ),
        (with(&[("settings[seats]", "")]), 400, "seats is required"),
        (
            with(&[("settings[tie_break]", "cheapest-then-seeded")]),
            400,
            "do not go together",
        ),
        (with(&[("settings[certify_k]", "2")]), 400, "at most 1"),
        (
            with(&[("settings[certify_k]", "0")]),
            400,
            "between 1 and 1",
        ),
        (
            with(&[("settings[committee][4]", "4")]),
            400,
            "not a committee member",
        ),
        (with(&[("cycle_id", "77")]), 404, "no cycle number 77"),
    ];
    for (form, status, message) in cases {
        let (got, body) = app.call(&admin, "/api/update-cycle", &form).await;
        assert_eq!(got, status, "{form:?}: {body}");
        assert!(body.contains(message), "{form:?}: {body}");
    }
    assert_eq!(
        editor(&app, &admin, "1").await,
        before,
        "nothing was written"
    );
}

async fn a_plain_form_post_creates_a_cycle_and_goes_to_its_editor(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, location) = app
        .form_post(&admin, "/admin/cycles/new", "/api/create-cycle", NEW_CYCLE)
        .await;
    assert_eq!(status, 302, "{location}");
    assert!(location.ends_with("/admin/cycles/2"), "{location}");
    let (status, page) = app.get_as(&admin, "/admin/cycles/2").await;
    assert_eq!(status, 200);
    assert!(page.contains("Riverside Student Budget 2028"), "{page}");
    assert!(page.contains(r#"name="settings[committee][2]""#), "{page}");
}

async fn voting_freezes_the_settings_but_not_the_texts(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let before = editor(&app, &admin, "1").await;
    let (status, body) = app.call(&admin, "/api/update-cycle", UPDATE_CYCLE).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("voting phase"), "{body}");
    assert_eq!(
        editor(&app, &admin, "1").await,
        before,
        "nothing was written"
    );
    let rename = [
        ("cycle_id", "1"),
        ("name", "Riverside Budget 2027"),
        ("school", "Riverside High"),
        ("description", "Same budget, shorter name."),
    ];
    let (status, body) = app.call(&admin, "/api/rename-cycle", &rename).await;
    assert_eq!(status, 200, "{body}");
    let after = editor(&app, &admin, "1").await;
    assert_eq!(after["form"]["name"], "Riverside Budget 2027");
    assert_eq!(after["form"]["budget"], before["form"]["budget"]);
    let (_, page) = app.get_as(&admin, "/admin/cycles/1").await;
    assert!(page.contains("frozen"), "the editor says why: {page}");
    assert!(
        !page.contains("settings[budget]"),
        "no budget input: {page}"
    );
}

async fn a_certified_cycle_cannot_be_edited(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let rename = [
        ("cycle_id", "1"),
        ("name", "Renamed"),
        ("school", "Riverside High"),
        ("description", "Too late."),
    ];
    let (status, body) = app.call(&admin, "/api/rename-cycle", &rename).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("certified phase"), "{body}");
    let (status, body) = app.call(&admin, "/api/update-cycle", UPDATE_CYCLE).await;
    assert_eq!(status, 409, "{body}");
}

async fn admin_pages_tell_anyone_else_they_are_for_admins(app: TestApp) {
    let student = app.sign_in("maya.r").await;
    for who in [As::Anonymous, student] {
        for page in ["/admin", "/admin/cycles/1", "/admin/cycles/new"] {
            let (status, body) = app.get_as(&who, page).await;
            assert_eq!(status, 200, "{page} is a page, not a refused call");
            assert!(body.contains("Only an admin"), "{page}: {body}");
            assert!(!body.contains("settings[budget]"), "{page}: no form");
        }
    }
    let (status, _) = app.call(&As::Anonymous, "/api/cycles", &[]).await;
    assert_eq!(status, 401, "the server function itself still refuses");
}
