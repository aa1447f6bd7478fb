//! Real `pebble serve` processes on one database: killed with SIGKILL
//! while casting under load, and two replicas casting at once. Afterwards
//! every receipt returned verifies, the log is one consistent tree, and
//! the used codes are exactly the entries.

use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use counting::merkle::from_hex;
use counting::merkle::stored::TreeHead;
use futures::future::join_all;
use pebble_db::entity::voter_code;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use tokio::sync::Mutex;

use crate::ballot_api::issue_codes;
use crate::helpers::TestApp;

/// A `pebble serve` child process, killed when dropped.
struct Served {
    child: Child,
    address: String,
}

impl Served {
    /// Starts `pebble serve` on a free port and waits until it answers.
    async fn start(app: &TestApp) -> Served {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let addr = format!("127.0.0.1:{port}");
        let child = app
            .pebble_command(&["serve", "--addr", &addr, "--site-root", "target/site"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pebble serve starts");
        let served = Served {
            child,
            address: format!("http://{addr}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let up = app
                .client
                .get(format!("{}/healthz", served.address))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success());
            if up {
                return served;
            }
            assert!(Instant::now() < deadline, "pebble serve did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: no shutdown, no flush.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A receipt returned to a client, with what was cast.
struct Receipt {
    index: u64,
    leaf: [u8; 32],
}

/// Casts with `codes` taken from the shared queue against `address`
/// until it runs out or the server goes away; returns the receipts.
async fn cast_from(
    app: &TestApp,
    address: String,
    codes: Arc<Mutex<Vec<String>>>,
    ballot: Value,
) -> Vec<Receipt> {
    let mut receipts = Vec::new();
    loop {
        let Some(code) = codes.lock().await.pop() else {
            return receipts;
        };
        let body = json!({ "code": code, "ballot": ballot });
        let sent = app
            .client
            .post(format!("{address}/api/v1/cycles/1/ballots"))
            .json(&body)
            .timeout(Duration::from_secs(10))
            .send()
            .await;
        let Ok(response) = sent else {
            return receipts;
        };
        match response.status().as_u16() {
            201 => {}
            // Busy: nothing was written; a client tries the same code again.
            503 => {
                codes.lock().await.push(code);
                continue;
            }
            status => panic!("{status}: {}", response.text().await.unwrap_or_default()),
        }
        let Ok(receipt) = response.json::<Value>().await else {
            return receipts;
        };
        receipts.push(Receipt {
            index: receipt["index"].as_u64().expect("an index"),
            leaf: from_hex(receipt["leaf_hash"].as_str().expect("hex")).expect("a hash"),
        });
    }
}

/// Every receipt's entry is in the log at its index and proves its
/// place; the used codes are exactly the entries.
async fn check_log(app: &TestApp, receipts: &[Receipt]) -> u64 {
    let (_, checkpoint) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    let head = TreeHead {
        size: checkpoint["tree_size"].as_u64().expect("a size"),
        root: from_hex(checkpoint["root_hash"].as_str().expect("hex")).expect("a root"),
    };
    for receipt in receipts {
        let url = format!(
            "/api/v1/cycles/1/log/inclusion?index={}&tree_size={}",
            receipt.index, head.size
        );
        let path = app.proof(&url).await;
        head.verify_inclusion(receipt.index, &receipt.leaf, &path)
            .expect("every receipt returned is in the log");
    }
    let db = app.database.open().await.expect("database");
    let used = voter_code::Entity::find()
        .filter(voter_code::Column::Used.eq(true))
        .count(&db)
        .await
        .expect("count");
    assert_eq!(used, head.size, "one used code per entry, no more, no less");
    for receipt in [receipts.first(), receipts.last()].into_iter().flatten() {
        let (status, found) = app
            .get_json(&format!(
                "/api/v1/cycles/1/log/leaf/{}",
                counting::merkle::to_hex(&receipt.leaf)
            ))
            .await;
        assert_eq!(status, 200, "{found}");
        assert_eq!(found["index"], receipt.index, "the leaf is at its index");
    }
    head.size
}

async fn receipts_survive_sigkill_under_load(app: TestApp) {
    let codes = Arc::new(Mutex::new(issue_codes(&app, 600).await));
    let ballot = crate::ballot_api::a_valid_ballot(&app).await;
    let mut receipts = Vec::new();
    for round in 0..4u64 {
        let mut served = Served::start(&app).await;
        let casters: Vec<_> = (0..16)
            .map(|_| {
                let (address, codes, ballot) =
                    (served.address.clone(), codes.clone(), ballot.clone());
                let app = &app;
                async move { cast_from(app, address, codes, ballot).await }
            })
            .collect();
        let killer = async {
            tokio::time::sleep(Duration::from_millis(300 + 150 * round)).await;
            served.kill();
        };
        let (done, ()) = tokio::join!(join_all(casters), killer);
        receipts.extend(done.into_iter().flatten());
    }
    assert!(!receipts.is_empty(), "some casts went through");
    let size = check_log(&app, &receipts).await;
    assert!(size >= receipts.len() as u64);
}

async fn two_replicas_casting_at_once_build_one_log(app: TestApp) {
    let codes = Arc::new(Mutex::new(issue_codes(&app, 300).await));
    let ballot = crate::ballot_api::a_valid_ballot(&app).await;
    let first = Served::start(&app).await;
    let second = Served::start(&app).await;
    let casters: Vec<_> = (0..20)
        .map(|i| {
            let address = if i % 2 == 0 {
                first.address.clone()
            } else {
                second.address.clone()
            };
            let (codes, ballot, app) = (codes.clone(), ballot.clone(), &app);
            async move { cast_from(app, address, codes, ballot).await }
        })
        .collect();
    let receipts: Vec<Receipt> = join_all(casters).await.into_iter().flatten().collect();
    assert_eq!(receipts.len(), 300, "every code cast once");
    let mut indices: Vec<u64> = receipts.iter().map(|r| r.index).collect();
    indices.sort_unstable();
    assert_eq!(indices, (0..300).collect::<Vec<_>>(), "one position each");
    assert_eq!(check_log(&app, &receipts).await, 300);
}

crate::on_both_engines!(phase Voting:
    receipts_survive_sigkill_under_load,
    two_replicas_casting_at_once_build_one_log,
);
