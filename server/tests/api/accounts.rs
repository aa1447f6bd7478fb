//! Accounts made by an admin, one by one or from a roster, and by invite;
//! an insider's admin-made password works once; everyone changes their own.

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    an_admin_creates_an_account_whose_password_signs_in,
    a_roster_creates_good_rows_and_reports_bad_ones,
    an_invite_code_creates_one_account_only,
    an_admin_made_committee_password_works_once,
    a_student_changes_their_own_password_knowing_the_current_one,
);

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON ({e}): {body}"))
}

async fn signs_in(app: &TestApp, username: &str, password: &str) -> bool {
    let (status, _) = app
        .call(
            &As::Anonymous,
            "/api/sign-in",
            &[("username", username), ("password", password)],
        )
        .await;
    status == 200
}

async fn an_admin_creates_an_account_whose_password_signs_in(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, body) = app
        .call(
            &admin,
            "/api/create-account",
            &[
                ("username", " Ana.P "),
                ("display_name", "Ana P."),
                ("role", "committee"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let created = json(&body);
    assert_eq!(created["username"], "ana.p");
    let password = created["password"].as_str().expect("a password").to_owned();
    assert!(signs_in(&app, "ana.p", &password).await);
    let bad = [
        (
            vec![
                ("username", "ana.p"),
                ("display_name", "Again"),
                ("role", "student"),
            ],
            "is taken",
        ),
        (
            vec![
                ("username", "a b"),
                ("display_name", "X"),
                ("role", "student"),
            ],
            "may use letters",
        ),
        (
            vec![
                ("username", "cc.d"),
                ("display_name", ""),
                ("role", "student"),
            ],
            "display name is required",
        ),
        (
            vec![
                ("username", "cc.d"),
                ("display_name", "C"),
                ("role", "principal"),
            ],
            "role must be one of",
        ),
    ];
    for (form, message) in bad {
        let (status, body) = app.call(&admin, "/api/create-account", &form).await;
        assert_eq!(status, 400, "{form:?}: {body}");
        assert!(body.contains(message), "{form:?}: {body}");
    }
    assert!(
        !signs_in(&app, "cc.d", "anything at all").await,
        "nothing was written"
    );
}

async fn a_roster_creates_good_rows_and_reports_bad_ones(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let csv = "username,display_name,role\n\
               kim.l,Kim L.,student\n\
               kim.l,Kim again,student\n\
               maya.r,Maya Dup,student\n\
               rae.o,Rae O.,headteacher\n\
               jo.f,Jo F. (parent),family\n";
    let (status, body) = app
        .call(&admin, "/api/import-roster", &[("csv", csv)])
        .await;
    assert_eq!(status, 200, "{body}");
    let rows = json(&body);
    let rows = rows.as_array().expect("a report");
    assert_eq!(rows.len(), 5);
    let ok = |i: usize| {
        rows[i]["outcome"]["Ok"]["password"]
            .as_str()
            .map(str::to_owned)
    };
    let err = |i: usize| {
        rows[i]["outcome"]["Err"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(signs_in(&app, "kim.l", &ok(0).expect("created")).await);
    assert!(err(1).contains("earlier in this file"), "{}", err(1));
    assert!(err(2).contains("taken"), "{}", err(2));
    assert!(err(3).contains("role must be one of"), "{}", err(3));
    assert_eq!(rows[3]["line"], 5);
    assert!(signs_in(&app, "jo.f", &ok(4).expect("created")).await);
    let (status, body) = app
        .call(
            &admin,
            "/api/import-roster",
            &[("csv", "name,role\nx,student\n")],
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("'username' is missing"), "{body}");
}

async fn an_invite_code_creates_one_account_only(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (status, body) = app
        .call(&admin, "/api/create-invite", &[("role", "family")])
        .await;
    assert_eq!(status, 200, "{body}");
    let code: String = serde_json::from_str(&body).expect("a code");
    let form = |username: &'static str, code: String| {
        vec![
            ("code", code),
            ("username", username.to_owned()),
            ("display_name", "Sam's dad".to_owned()),
            ("password", "a long enough password".to_owned()),
        ]
    };
    let call = |form: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(&As::Anonymous, "/api/join", &pairs).await
        }
    };
    let (status, body) = call(form("maya.r", code.clone())).await;
    assert_eq!(status, 400, "a taken username: {body}");
    assert!(body.contains("taken"), "{body}");
    let (status, body) = call(form("sam.dad", code.to_lowercase())).await;
    assert_eq!(status, 200, "codes ignore case: {body}");
    assert!(signs_in(&app, "sam.dad", "a long enough password").await);
    let (status, body) = call(form("sam.dad2", code.clone())).await;
    assert_eq!(status, 400, "a used code: {body}");
    assert!(body.contains("not valid or was already used"), "{body}");
    let (status, body) = call(vec![
        ("code", code),
        ("username", "x.y".to_owned()),
        ("display_name", "X".to_owned()),
        ("password", "short".to_owned()),
    ])
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("10 to 256"), "{body}");
}

async fn an_admin_made_committee_password_works_once(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let form = [
        ("username", "ana.p"),
        ("display_name", "Ana P."),
        ("role", "committee"),
    ];
    let (status, body) = app.call(&admin, "/api/create-account", &form).await;
    assert_eq!(status, 200, "{body}");
    let made = json(&body)["password"]
        .as_str()
        .expect("a password")
        .to_owned();
    let ana = app
        .sign_in_with("ana.p", &made)
        .await
        .expect("it signs in once");
    let (_, must) = app.call(&ana, "/api/account-state", &[]).await;
    assert_eq!(
        must, "true",
        "the first sign-in asks for their own password"
    );
    let (status, body) = app.call(&ana, "/api/key-desk", &[]).await;
    assert_eq!(status, 403, "nothing before choosing: {body}");
    assert!(body.contains("Choose your own password first"), "{body}");

    let chosen = "only Ana knows this one";
    let form = [("new", chosen), ("again", "only Ana knows this")];
    let (status, body) = app.call(&ana, "/api/change-password", &form).await;
    assert_eq!(status, 400, "the two must match: {body}");
    let form = [("new", chosen), ("again", chosen)];
    let (status, body) = app.call(&ana, "/api/change-password", &form).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.call(&ana, "/api/key-desk", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        app.sign_in_with("ana.p", &made).await.is_none(),
        "the admin's password is spent"
    );
    assert!(app.sign_in_with("ana.p", chosen).await.is_some());
}

async fn a_student_changes_their_own_password_knowing_the_current_one(app: TestApp) {
    let maya = app.sign_in("maya.r").await;
    let (_, must) = app.call(&maya, "/api/account-state", &[]).await;
    assert_eq!(must, "false");
    let new = "a new passphrase of mine";
    let wrong = [("current", "not my password"), ("new", new), ("again", new)];
    let (status, body) = app.call(&maya, "/api/change-password", &wrong).await;
    assert_eq!(status, 403, "{body}");
    let old = app.password("maya.r");
    let right = [("current", old.as_str()), ("new", new), ("again", new)];
    let (status, body) = app.call(&maya, "/api/change-password", &right).await;
    assert_eq!(status, 200, "{body}");
    assert!(app.sign_in_with("maya.r", &old).await.is_none());
    assert!(app.sign_in_with("maya.r", new).await.is_some());
}
