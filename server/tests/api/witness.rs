//! `pebble witness` as an observer runs it: a real process following a
//! real server's log through its checkpoint and hash tiles, answering
//! add-checkpoint requests (c2sp.org/tlog-witness), and refusing, with
//! evidence kept, once a database administrator forks the stored log.

use std::collections::BTreeMap;
use std::time::Duration;

use counting::checkpoint::Checkpoint;
use counting::cosignature::CosignatureVerifier;
use counting::encoding::Entry;
use counting::merkle::stored::audit::all_nodes;
use counting::merkle::{from_hex, leaf_hash, to_hex};
use counting::witness::AddCheckpoint;
use pebble_db::entity::{log_entry, log_node};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::helpers::TestApp;
use crate::voting::{cast, projects_by_cost};

/// A `pebble witness serve` process, stopped when dropped.
pub struct Running {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`.
    pub address: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

pub async fn start_witness(app: &TestApp, key: &str, state: &str) -> Running {
    start_witness_on(app, key, state, free_port()).await
}

/// [`start_witness`] on `port`.
pub async fn start_witness_on(app: &TestApp, key: &str, state: &str, port: u16) -> Running {
    let log = format!("{}/log/1", app.address);
    let listen = format!("127.0.0.1:{port}");
    let child = app
        .pebble_command(&[
            "witness", "serve", "--key", key, "--state", state, "--log", &log, "--listen", &listen,
            "--every", "1",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("pebble witness runs");
    let running = Running {
        child,
        address: format!("http://{listen}"),
    };
    for _ in 0..100 {
        if app.client.get(&running.address).send().await.is_ok() {
            return running;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the witness did not answer on {listen}");
}

/// Waits until the witness says it cosigned `size` entries of the log.
async fn wait_for_size(app: &TestApp, witness: &Running, size: u64) -> String {
    let mut said = String::new();
    for _ in 0..150 {
        said = app
            .client
            .get(&witness.address)
            .send()
            .await
            .expect("the witness answers")
            .text()
            .await
            .expect("text");
        if said.contains(&format!("cosigned size {size}\n")) {
            return said;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the witness never cosigned size {size}: {said}");
}

async fn add_checkpoint(
    app: &TestApp,
    witness: &Running,
    request: &AddCheckpoint,
) -> (u16, String, String) {
    let answer = app
        .client
        .post(format!("{}/add-checkpoint", witness.address))
        .body(request.body())
        .send()
        .await
        .expect("the witness answers");
    let status = answer.status().as_u16();
    let kind = answer
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, answer.text().await.expect("text"), kind)
}

async fn checkpoint(app: &TestApp) -> String {
    app.get("/log/1/checkpoint").await.1
}

/// What a database administrator does to show a different history: entry
/// 2 replaced by another well-formed ballot (its nonce changed), its leaf
/// and every stored node recomputed from the forged leaves, so the server
/// goes on appending to, and signing, a forked tree whose entries and
/// nodes agree.
pub async fn fork_stored_log(app: &TestApp) {
    let db = app.database.open().await.expect("database");
    let original = log_entry::Entity::find_by_id((1, 2))
        .one(&db)
        .await
        .expect("query")
        .expect("entry 2");
    let bytes = counting::merkle::bytes_from_hex(&original.entry).expect("hex");
    let mut entry = Entry::decode(&bytes).expect("an entry");
    entry.nonce[0] ^= 0xff;
    let forged = entry.encode();
    let leaf = leaf_hash(&forged);
    let mut row: log_entry::ActiveModel = original.into();
    row.entry = Set(to_hex(&forged));
    row.leaf = Set(to_hex(&leaf));
    row.update(&db).await.expect("forge entry 2");
    let stored = log_node::Entity::find()
        .filter(log_node::Column::CycleId.eq(1))
        .all(&db)
        .await
        .expect("nodes");
    let mut leaves: Vec<(i64, String)> = stored
        .iter()
        .filter(|n| n.level == 0)
        .map(|n| (n.idx, n.hash.clone()))
        .collect();
    leaves.sort();
    let mut leaves: Vec<_> = leaves
        .into_iter()
        .map(|(_, hash)| from_hex(&hash).expect("hex"))
        .collect();
    leaves[2] = leaf;
    let forged: BTreeMap<(u32, u64), _> = all_nodes(&leaves);
    for node in stored {
        let hash = forged[&(node.level as u32, node.idx as u64)];
        let mut row: log_node::ActiveModel = node.into();
        row.hash = Set(to_hex(&hash));
        row.update(&db).await.expect("update a node");
    }
}

crate::on_both_engines!(phase Voting: a_witness_follows_the_log_and_refuses_a_forked_one_keeping_the_evidence);

async fn a_witness_follows_the_log_and_refuses_a_forked_one_keeping_the_evidence(app: TestApp) {
    let projects = projects_by_cost(&app).await;
    let ballot = |i: usize| json!({ "kind": "approval", "choices": [projects[i % 3]] });
    cast(&app, &(0..5).map(ballot).collect::<Vec<_>>()).await;
    let folder = tempfile::tempdir().expect("folder");
    let key = folder.path().join("witness.key");
    let key = key.to_str().expect("path");
    let state = folder.path().join("state");
    let state = state.to_str().expect("path");
    let (ok, said, err) = app.pebble(&[
        "witness",
        "keygen",
        "--name",
        "witness.parents.example",
        "--key",
        key,
    ]);
    assert!(ok, "{err}");
    let vkey = said.lines().last().expect("the verifier key").to_owned();
    let verifier = CosignatureVerifier::parse(&vkey).expect("a cosignature key");
    let (again, _, err) = app.pebble(&["witness", "keygen", "--name", "other", "--key", key]);
    assert!(
        !again && err.contains("cannot create"),
        "a key is never overwritten: {err}"
    );

    // It follows the log from its tiles, cosigning as it grows.
    let witness = start_witness(&app, key, state).await;
    wait_for_size(&app, &witness, 5).await;
    cast(&app, &(5..12).map(ballot).collect::<Vec<_>>()).await;
    wait_for_size(&app, &witness, 12).await;

    // Asked directly: the same checkpoint again is cosigned, and the
    // cosignature verifies on it with the witness's published key.
    let note = checkpoint(&app).await;
    let again = AddCheckpoint {
        old_size: 12,
        proof: Vec::new(),
        checkpoint: note.clone(),
    };
    let (status, line, _) = add_checkpoint(&app, &witness, &again).await;
    assert_eq!(status, 200, "{line}");
    assert!(verifier.verify(&format!("{note}{line}")).is_ok(), "{line}");
    // A wrong old size is answered with the size it holds.
    let stale = AddCheckpoint {
        old_size: 5,
        ..again.clone()
    };
    assert_eq!(
        add_checkpoint(&app, &witness, &stale).await,
        (409, "12\n".to_owned(), "text/x.tlog.size".to_owned())
    );
    // A log it does not follow: 404; not a request: 400.
    let other = counting::note::NoteSigner::new("another.example/log", &[5; 32]).expect("signer");
    let stranger = AddCheckpoint {
        old_size: 0,
        proof: Vec::new(),
        checkpoint: Checkpoint::parse(
            "another.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
        )
        .expect("checkpoint")
        .sign(&other),
    };
    assert_eq!(add_checkpoint(&app, &witness, &stranger).await.0, 404);
    let answer = app
        .client
        .post(format!("{}/add-checkpoint", witness.address))
        .body("hello")
        .send()
        .await
        .expect("answer");
    assert_eq!(answer.status().as_u16(), 400);

    // The database administrator forks the log and voting goes on.
    fork_stored_log(&app).await;
    cast(&app, &(12..15).map(ballot).collect::<Vec<_>>()).await;
    let forked = checkpoint(&app).await;
    assert!(forked.contains("\n15\n"), "{forked}");
    // Following, the witness cannot join the forked tree to what it saw.
    let evidence = folder.path().join("state").join("evidence");
    let mut kept = Vec::new();
    for _ in 0..100 {
        kept = std::fs::read_dir(&evidence)
            .expect("evidence folder")
            .collect();
        if !kept.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        !kept.is_empty(),
        "the witness kept the forked checkpoint as evidence"
    );
    let file = kept.remove(0).expect("entry").path();
    let text = std::fs::read_to_string(&file).expect("evidence");
    assert!(
        text.starts_with("# refused: ") && text.contains(forked.trim_end()),
        "{text}"
    );
    wait_for_size(&app, &witness, 12).await;
    // Asked with the server's own proof (made from the forked nodes): 422.
    let (_, proof) = app
        .get_json("/api/v1/cycles/1/log/consistency?from=12&to=15")
        .await;
    let proof = proof["path"]
        .as_array()
        .expect("path")
        .iter()
        .map(|h| from_hex(h.as_str().expect("hex")).expect("hash"))
        .collect();
    let request = AddCheckpoint {
        old_size: 12,
        proof,
        checkpoint: forked,
    };
    let (status, said, _) = add_checkpoint(&app, &witness, &request).await;
    assert_eq!(status, 422, "{said}");
    assert!(said.contains("does not join"), "{said}");
    drop(witness);

    // Restarted on the same state, it still holds 12 and still refuses.
    let witness = start_witness(&app, key, state).await;
    wait_for_size(&app, &witness, 12).await;
    assert_eq!(add_checkpoint(&app, &witness, &request).await.0, 422);
}
