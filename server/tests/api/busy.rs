//! A database too busy to answer: a server function that must write
//! while another connection holds SQLite's write lock answers 503 with
//! `Retry-After` and words that say nothing was saved, not a 500; once
//! the lock is gone the same request succeeds. (SQLite only: the write
//! lock is SQLite's; PostgreSQL's row locks wait instead, and its
//! serialization failures map to the same answer by `DbError::is_busy`.)

use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::helpers::{Engine, spawn_app};

#[tokio::test]
async fn a_busy_database_is_a_503_that_says_to_try_again_not_a_500() {
    let app = spawn_app(Engine::Sqlite).await;
    let db = app.database.open().await.expect("database");
    let holder = db.begin().await.expect("a transaction");
    holder
        .execute_unprepared("UPDATE cycle SET name = name")
        .await
        .expect("the write lock");
    let password = app.password("admin");
    let response = app
        .client
        .post(format!("{}/api/sign-in", app.address))
        .header("accept", "application/json")
        .form(&[("username", "admin"), ("password", password.as_str())])
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    let body = response.text().await.expect("body");
    assert!(body.contains("nothing was saved"), "{body}");
    holder.rollback().await.expect("rolled back");
    assert!(
        app.sign_in_with("admin", &password).await.is_some(),
        "the same request succeeds once the lock is gone"
    );
}
