use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    signing_in_sets_an_httponly_cookie_that_whoami_recognises,
    wrong_or_missing_credentials_are_refused_with_a_message,
    signing_out_ends_the_session_on_the_server,
    without_javascript_signing_in_redirects_and_a_failure_comes_back_to_the_form,
    ten_wrong_passwords_pause_that_username_and_only_that_one,
    signing_in_deletes_expired_sessions,
    after_signing_in_only_a_path_on_this_site_is_followed,
);

async fn signing_in_deletes_expired_sessions(app: TestApp) {
    use pebble_db::entity::session;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let db = app.database.open().await.expect("database");
    let long_ago = chrono::Utc::now() - chrono::Duration::days(40);
    session::ActiveModel {
        token_hash: Set("0".repeat(64)),
        account_id: Set(1),
        created_at: Set(long_ago),
        expires_at: Set(long_ago + chrono::Duration::days(30)),
        last_seen_at: Set(None),
    }
    .insert(&db)
    .await
    .expect("an expired session");
    app.sign_in("admin").await;
    let left = session::Entity::find_by_id("0".repeat(64))
        .one(&db)
        .await
        .expect("query");
    assert!(left.is_none(), "the expired session is gone");
}

async fn ten_wrong_passwords_pause_that_username_and_only_that_one(app: TestApp) {
    let wrong = [("username", "okafor"), ("password", "guess")];
    for attempt in 1..=10 {
        let (status, body) = app.call(&As::Anonymous, "/api/sign-in", &wrong).await;
        assert_eq!(status, 401, "attempt {attempt}: {body}");
    }
    let password = app.password("okafor");
    let right = [("username", "OKAFOR"), ("password", password.as_str())];
    let (status, body) = app.call(&As::Anonymous, "/api/sign-in", &right).await;
    assert_eq!(status, 429, "even the right password waits: {body}");
    assert!(body.contains("Wait 15 minutes"), "{body}");
    app.sign_in("lindqvist").await;
}

async fn signing_in_sets_an_httponly_cookie_that_whoami_recognises(app: TestApp) {
    let response = app
        .client
        .post(format!("{}/api/sign-in", app.address))
        .header("accept", "application/json")
        .form(&[
            ("username", "maya.r"),
            ("password", &app.password("maya.r")),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let session = As::Session(cookie.split(';').next().expect("pair").to_owned());
    let (status, body) = app.call(&session, "/api/whoami", &[]).await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["name"], "Maya R.");
    assert_eq!(json["role"], "student");
    let (_, body) = app.call(&As::Anonymous, "/api/whoami", &[]).await;
    assert_eq!(body, "null");
}

/// A form's fields.
type Form<'a> = &'a [(&'a str, &'a str)];

async fn wrong_or_missing_credentials_are_refused_with_a_message(app: TestApp) {
    let cases: [(Form, u16, &str); 4] = [
        (
            &[("username", "maya.r"), ("password", "wrong")],
            401,
            "do not match",
        ),
        (
            &[("username", "nobody"), ("password", "wrong")],
            401,
            "do not match",
        ),
        (&[("username", ""), ("password", "x")], 400, "Enter both"),
        (&[("username", "maya.r")], 400, ""),
    ];
    for (form, status, message) in cases {
        let (got, body) = app.call(&As::Anonymous, "/api/sign-in", form).await;
        assert_eq!(got, status, "{form:?}: {body}");
        assert!(body.contains(message), "{form:?}: {body}");
    }
}

async fn signing_out_ends_the_session_on_the_server(app: TestApp) {
    let session = app.sign_in("okafor").await;
    let (status, _) = app.call(&session, "/api/sign-out", &[]).await;
    assert_eq!(status, 200);
    // The old cookie no longer signs anyone in, even if a browser kept it.
    let (_, body) = app.call(&session, "/api/whoami", &[]).await;
    assert_eq!(body, "null");
}

async fn without_javascript_signing_in_redirects_and_a_failure_comes_back_to_the_form(
    app: TestApp,
) {
    let password = app.password("admin");
    let (status, location) = app
        .form_post(
            &As::Anonymous,
            "/sign-in",
            "/api/sign-in",
            &[
                ("username", "admin"),
                ("password", &password),
                ("next", "/admin"),
            ],
        )
        .await;
    assert_eq!((status, location.as_str()), (302, "/admin"));
    let (status, location) = app
        .form_post(
            &As::Anonymous,
            "/sign-in",
            "/api/sign-in",
            &[("username", "admin"), ("password", "nope")],
        )
        .await;
    assert_eq!(status, 302);
    assert!(
        location.contains("/sign-in") && location.contains("__err="),
        "{location}"
    );
    let path = location
        .split_once("127.0.0.1")
        .map_or("", |(_, rest)| rest);
    let path = path
        .split_once('/')
        .map_or(String::new(), |(_, p)| format!("/{p}"));
    let (_, html) = app.get(&path).await;
    assert!(
        html.contains("do not match"),
        "the form shows the error: {path}"
    );
}

async fn after_signing_in_only_a_path_on_this_site_is_followed(app: TestApp) {
    let password = app.password("maya.r");
    let sign_in = |next: &'static str| {
        let password = password.clone();
        let app = &app;
        async move {
            app.form_post(
                &As::Anonymous,
                "/sign-in",
                "/api/sign-in",
                &[
                    ("username", "maya.r"),
                    ("password", &password),
                    ("next", next),
                ],
            )
            .await
        }
    };
    for elsewhere in [
        "//evil.example",
        "/\\evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "\t//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
    ] {
        let (status, location) = sign_in(elsewhere).await;
        assert_eq!((status, location.as_str()), (302, "/"), "{elsewhere:?}");
    }
    let (status, location) = sign_in("/proposals/3?page=2#thread-heading").await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/proposals/3?page=2#thread-heading")
    );
}
