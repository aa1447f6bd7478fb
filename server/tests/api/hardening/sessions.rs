//! Sign-ins on shared class laptops: an idle one ends, one can end them
//! all, a new password ends the others, guessable passwords are refused,
//! and one invite cannot list the school's usernames.

use chrono::{Duration, Utc};
use pebble_db::entity::session;
use sea_orm::sea_query::Expr;
use sea_orm::{EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    a_sign_in_left_idle_ends_and_a_used_one_lasts,
    signing_out_everywhere_ends_every_device,
    a_new_password_signs_out_every_other_device,
    a_guessable_password_is_refused_with_words,
    one_invite_tells_only_five_taken_usernames,
);

async fn whoami(app: &TestApp, who: &As) -> String {
    app.call(who, "/api/whoami", &[]).await.1
}

async fn a_sign_in_left_idle_ends_and_a_used_one_lasts(app: TestApp) {
    let laptop = app.sign_in("maya.r").await;
    let phone = app.sign_in("maya.r").await;
    assert!(whoami(&app, &laptop).await.contains("Maya"));
    // The laptop was last used thirteen hours ago (the default idle
    // limit is twelve); the phone an hour ago.
    let db = app.database.open().await.expect("database");
    let token = |who: &As| match who {
        As::Session(cookie) => cookie.split_once('=').expect("pair").1.to_owned(),
        As::Anonymous => unreachable!(),
    };
    for (who, hours) in [(&laptop, 13), (&phone, 1)] {
        let hash = sha2_hex(&token(who));
        session::Entity::update_many()
            .col_expr(
                session::Column::LastSeenAt,
                Expr::value(Utc::now() - Duration::hours(hours)),
            )
            .filter(sea_orm::ColumnTrait::eq(&session::Column::TokenHash, hash))
            .exec(&db)
            .await
            .expect("update");
    }
    assert_eq!(
        whoami(&app, &laptop).await,
        "null",
        "the idle laptop is signed out"
    );
    assert!(
        whoami(&app, &phone).await.contains("Maya"),
        "the phone is not"
    );
}

fn sha2_hex(token: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn signing_out_everywhere_ends_every_device(app: TestApp) {
    let laptop = app.sign_in("maya.r").await;
    let phone = app.sign_in("maya.r").await;
    let other = app.sign_in("devon.t").await;
    let (status, body) = app.call(&phone, "/api/sign-out-everywhere", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(whoami(&app, &laptop).await, "null");
    assert_eq!(whoami(&app, &phone).await, "null");
    assert!(whoami(&app, &other).await.contains("Devon"), "others stay");
    let db = app.database.open().await.expect("database");
    let left = session::Entity::find().count(&db).await.expect("count");
    assert_eq!(left, 1, "only Devon's session is left");
    let (status, _) = app
        .call(&As::Anonymous, "/api/sign-out-everywhere", &[])
        .await;
    assert_eq!(status, 401);
}

async fn a_new_password_signs_out_every_other_device(app: TestApp) {
    let laptop = app.sign_in("maya.r").await;
    let phone = app.sign_in("maya.r").await;
    let current = app.password("maya.r");
    let new = "plum kettle orbit saffron";
    let form = [("current", current.as_str()), ("new", new), ("again", new)];
    let (status, body) = app.call(&phone, "/api/change-password", &form).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        whoami(&app, &phone).await.contains("Maya"),
        "this device stays"
    );
    assert_eq!(
        whoami(&app, &laptop).await,
        "null",
        "the other is signed out"
    );
    assert!(app.sign_in_with("maya.r", new).await.is_some());
}

async fn a_guessable_password_is_refused_with_words(app: TestApp) {
    let me = app.sign_in("maya.r").await;
    let current = app.password("maya.r");
    for weak in ["0123456789", "password1234", "qwertyuiop"] {
        let form = [
            ("current", current.as_str()),
            ("new", weak),
            ("again", weak),
        ];
        let (status, body) = app.call(&me, "/api/change-password", &form).await;
        assert_eq!(status, 400, "{weak}: {body}");
        assert!(body.contains("too easy to guess"), "{body}");
    }
    assert!(
        app.sign_in_with("maya.r", &current).await.is_some(),
        "unchanged"
    );
}

async fn one_invite_tells_only_five_taken_usernames(app: TestApp) {
    let admin = app.sign_in("admin").await;
    let (_, body) = app
        .call(&admin, "/api/create-invite", &[("role", "family")])
        .await;
    let code: String = serde_json::from_str(&body).expect("a code");
    let join = |username: &'static str| {
        let (app, code) = (&app, code.clone());
        async move {
            let form = [
                ("code", code.as_str()),
                ("username", username),
                ("display_name", "A parent"),
                ("password", "plum kettle orbit saffron"),
            ];
            app.call(&As::Anonymous, "/api/join", &form).await
        }
    };
    for taken in ["maya.r", "devon.t", "okafor", "lindqvist", "admin"] {
        let (status, body) = join(taken).await;
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("taken"), "{taken}: {body}");
    }
    for name in ["maya.r", "free.name"] {
        let (status, body) = join(name).await;
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("takes no more"), "{name}: {body}");
    }
}
