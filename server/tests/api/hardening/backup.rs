//! `pebble backup` while two hundred clients cast: the copy, served by a
//! fresh server, holds every ballot whose receipt was issued before the
//! backup began, at its index, and its log re-verifies.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use pebble_domain::Phase;
use pebble_server::{Application, DatabaseConfig, ServeConfig};
use serde_json::{Value, json};

use crate::ballot_api::{a_valid_ballot, issue_codes};
use crate::helpers::{Engine, spawn_app_in};

/// A receipt and when it came back.
struct Issued {
    leaf: String,
    index: u64,
    at: Instant,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_holds_every_receipt_issued_before_it_began() {
    // PostgreSQL is copied with pg_dump (docs/deploy.md), not by Pebble.
    let app = Arc::new(spawn_app_in(Engine::Sqlite, Phase::Voting).await);
    let ballot = a_valid_ballot(&app).await;
    let codes = issue_codes(&app, 600).await;
    let issued: Arc<Mutex<Vec<Issued>>> = Arc::default();
    let mut clients = Vec::new();
    for mine in codes.chunks(3).map(<[String]>::to_vec) {
        let (app, ballot, issued) = (app.clone(), ballot.clone(), issued.clone());
        clients.push(tokio::spawn(async move {
            for code in mine {
                let (status, receipt) = app
                    .post_json(
                        "/api/v1/cycles/1/ballots",
                        &json!({ "code": code, "ballot": ballot }),
                    )
                    .await;
                assert_eq!(status, 201, "{receipt}");
                let leaf = receipt["leaf_hash"].as_str().expect("leaf").to_owned();
                let index = receipt["index"].as_u64().expect("index");
                let at = Instant::now();
                issued
                    .lock()
                    .expect("lock")
                    .push(Issued { leaf, index, at });
            }
        }));
    }
    assert_eq!(clients.len(), 200);
    // Once some ballots are in, take the backup while the rest are cast.
    while issued.lock().expect("lock").len() < 150 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let folder = tempfile::tempdir().expect("folder");
    let copy = folder.path().join("backup.db");
    let began = Instant::now();
    let (ok, out, err) = {
        let (app, copy) = (app.clone(), copy.clone());
        tokio::task::spawn_blocking(move || {
            app.pebble(&["backup", "--out", copy.to_str().expect("utf-8")])
        })
        .await
        .expect("backup")
    };
    assert!(ok, "{out}{err}");
    for client in clients {
        client.await.expect("a client");
    }
    let issued = std::mem::take(&mut *issued.lock().expect("lock"));
    let before: Vec<&Issued> = issued.iter().filter(|r| r.at < began).collect();
    let during = issued.len() - before.len();
    assert!(
        before.len() >= 150 && during > 0,
        "{} before, {during} after",
        before.len()
    );

    let restored = DatabaseConfig {
        database_url: format!("sqlite://{}?mode=rwc", copy.display()),
        database_schema: None,
    };
    let db = restored.open().await.expect("the copy opens");
    let addr = "127.0.0.1:0".parse().expect("address");
    let server = Application::build(&ServeConfig::local(addr, folder.path()), db)
        .await
        .expect("bind");
    let address = format!("http://{}", server.local_addr().expect("address"));
    let running = tokio::spawn(server.run()).abort_handle();
    for receipt in &before {
        let answer: Value = app
            .client
            .get(format!(
                "{address}/api/v1/cycles/1/log/leaf/{}",
                receipt.leaf
            ))
            .send()
            .await
            .expect("GET")
            .json()
            .await
            .expect("JSON");
        assert_eq!(answer["index"], receipt.index, "{answer}");
    }
    running.abort();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_pebble"))
        .args(["check-log", "--cycle", "1"])
        .env("PEBBLE_DATABASE_URL", &restored.database_url)
        .env_remove("PEBBLE_DATABASE_SCHEMA")
        .output()
        .expect("check-log runs");
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && said.starts_with("OK"), "{said}");
}

crate::on_both_engines!(phase Voting: check_log_names_what_a_database_administrator_changed);

async fn check_log_names_what_a_database_administrator_changed(app: crate::helpers::TestApp) {
    use pebble_db::entity::{log_entry, log_node};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let ballots = vec![a_valid_ballot(&app).await; 5];
    crate::voting::cast(&app, &ballots).await;
    let (ok, out, err) = app.pebble(&["check-log", "--cycle", "1"]);
    assert!(ok && out.contains("holds 5 entries"), "{out}{err}");
    let db = app.database.open().await.expect("database");
    log_node::Entity::update_many()
        .col_expr(log_node::Column::Hash, Expr::value("00".repeat(32)))
        .filter(log_node::Column::CycleId.eq(1))
        .filter(log_node::Column::Level.eq(1))
        .filter(log_node::Column::Idx.eq(0))
        .exec(&db)
        .await
        .expect("edit a node");
    log_entry::Entity::delete_many()
        .filter(log_entry::Column::CycleId.eq(1))
        .filter(log_entry::Column::Idx.eq(4))
        .exec(&db)
        .await
        .expect("drop an entry");
    let (ok, out, err) = app.pebble(&["check-log", "--cycle", "1"]);
    assert!(!ok, "{out}");
    for said in [
        "node (level 1, index 0) is stored with another hash",
        "the log's head says 5 entries; 4 are stored",
        "node (level 0, index 4) is stored but lies beyond",
    ] {
        assert!(err.contains(said), "{said} in {err}");
    }
}
