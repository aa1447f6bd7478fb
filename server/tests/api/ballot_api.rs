//! The public JSON API, black-box: a ballot cast over HTTP comes back as
//! a receipt whose checkpoint, entry and proofs verify against the
//! published manifest and log key; every refusal is JSON, says what to
//! fix and writes nothing.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::checkpoint::Checkpoint;
use counting::encoding::Entry;
use counting::merkle::stored::TreeHead;
use counting::merkle::{from_hex, leaf_hash};
use counting::note::NoteVerifier;
use pebble_db::entity::voter_code;
use pebble_domain::Phase;
use pebble_domain::VoterCode;
use pebble_domain::voter_code::GroupName;
use rand::Rng;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::TestApp;

/// Issues `count` fresh codes for cycle 1 and returns them as printed.
pub async fn issue_codes(app: &TestApp, count: usize) -> Vec<String> {
    let db = app.database.open().await.expect("database");
    let codes: Vec<VoterCode> = (0..count)
        .map(|_| VoterCode::generate(|| rand::rng().random()))
        .collect();
    let digests: Vec<String> = codes
        .iter()
        .map(|c| counting::merkle::to_hex(&c.digest(1)))
        .collect();
    let group: GroupName = "Grade 9".parse().expect("a name");
    pebble_db::codes::issue(&db, 1, &group, &digests)
        .await
        .expect("query")
        .expect("issued");
    codes.iter().map(ToString::to_string).collect()
}

impl TestApp {
    /// POSTs `body` as JSON; the status and the JSON answer.
    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .json(body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON answer"))
    }

    /// The `path` of the proof at `url`, which must be served.
    pub async fn proof(&self, url: &str) -> Vec<[u8; 32]> {
        let (status, proof) = self.get_json(url).await;
        assert_eq!(status, 200, "{url} → {proof}");
        proof["path"]
            .as_array()
            .expect("a path")
            .iter()
            .map(hash)
            .collect()
    }

    /// GETs `path`; the status and the JSON answer.
    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON answer"))
    }
}

/// The demo's ballot: approval of the cheapest project.
pub async fn a_valid_ballot(app: &TestApp) -> Value {
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    let cheapest = manifest["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .min_by_key(|p| p["cost"].as_u64())
        .expect("a project")["id"]
        .clone();
    json!({ "kind": "approval", "choices": [cheapest] })
}

fn hash(value: &Value) -> [u8; 32] {
    from_hex(value.as_str().expect("hex")).expect("a hash")
}

async fn used_codes(app: &TestApp) -> u64 {
    let db = app.database.open().await.expect("database");
    voter_code::Entity::find()
        .filter(voter_code::Column::Used.eq(true))
        .count(&db)
        .await
        .expect("count")
}

async fn a_cast_receipt_verifies_against_the_published_manifest_and_key(app: TestApp) {
    let (status, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    assert_eq!(status, 200, "{manifest}");
    let bytes = STANDARD
        .decode(manifest["manifest"].as_str().expect("bytes"))
        .expect("base64");
    let recomputed: [u8; 32] = Sha256::digest(&bytes).into();
    assert_eq!(recomputed, hash(&manifest["manifest_hash"]));
    assert_eq!(manifest["currency"], "USD");
    let verifier = NoteVerifier::parse(manifest["log_key"].as_str().expect("key")).expect("a key");
    assert_eq!(verifier.name(), manifest["log_origin"]);

    let code = issue_codes(&app, 1).await.remove(0);
    let nonce = STANDARD.encode([9u8; 16]);
    let body = json!({ "code": code, "ballot": a_valid_ballot(&app).await, "nonce": nonce });
    let (status, receipt) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["index"], 0);
    let note = receipt["checkpoint"]["signed_note"].as_str().expect("note");
    let checkpoint = Checkpoint::open(note, &verifier).expect("signed by the log key");
    assert_eq!(checkpoint.head.size, 1);
    let tracker = counting::tracker::tracker(&hash(&receipt["leaf_hash"]));
    assert_eq!(receipt["tracker"], tracker.as_str());

    let (status, entry) = app.get_json("/api/v1/cycles/1/log/entries/0").await;
    assert_eq!(
        status, 403,
        "ballots are published with the results: {entry}"
    );
    let entry_bytes = STANDARD
        .decode(receipt["entry"].as_str().expect("b64"))
        .expect("base64");
    assert_eq!(
        leaf_hash(&entry_bytes),
        hash(&receipt["leaf_hash"]),
        "the receipt carries the voter's own entry"
    );
    let decoded = Entry::decode(&entry_bytes).expect("an entry");
    assert_eq!(decoded.manifest_hash, recomputed);
    assert_eq!(decoded.nonce, [9u8; 16]);
    let (status, found) = app
        .get_json(&format!(
            "/api/v1/cycles/1/log/leaf/{}",
            receipt["leaf_hash"].as_str().expect("hex")
        ))
        .await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["index"], 0);
    assert_eq!(found["tracker"], tracker.as_str());

    let (status, again) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
    assert_eq!(
        status, 409,
        "a retry is not cast again (its receipt is found by its leaf): {again}"
    );

    let more = issue_codes(&app, 4).await;
    for code in &more {
        let body = json!({ "code": code, "ballot": a_valid_ballot(&app).await });
        assert_eq!(
            app.post_json("/api/v1/cycles/1/ballots", &body).await.0,
            201
        );
    }
    let (_, now) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    assert_eq!(now["tree_size"], 5);
    assert_eq!(now["sealed"], false);
    let head = TreeHead {
        size: 5,
        root: hash(&now["root_hash"]),
    };
    let path = app
        .proof("/api/v1/cycles/1/log/inclusion?index=0&tree_size=5")
        .await;
    head.verify_inclusion(0, &hash(&receipt["leaf_hash"]), &path)
        .expect("the receipt's entry is in the log");
    let path = app
        .proof("/api/v1/cycles/1/log/consistency?from=1&to=5")
        .await;
    head.verify_consistency(&checkpoint.head, &path)
        .expect("the log only grew");
    assert_eq!(used_codes(&app).await, 5);
}

async fn refusals_are_json_that_say_what_to_fix_and_write_nothing(app: TestApp) {
    let codes = issue_codes(&app, 2).await;
    let ballot = a_valid_ballot(&app).await;
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    let ids: Vec<Value> = manifest["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    // Swap the first two different neighbours (a swap of equal ones is no typo).
    let mut typo = codes[0].clone().into_bytes();
    let at = (0..typo.len() - 1)
        .find(|&i| typo[i] != typo[i + 1] && typo[i] != b'-' && typo[i + 1] != b'-')
        .expect("a code has two different neighbours");
    typo.swap(at, at + 1);
    let typo = String::from_utf8(typo).expect("ascii");
    let cases = [
        (json!("not an object"), 400, "JSON"),
        (
            json!({ "code": codes[0], "ballot": ballot, "extra": 1 }),
            400,
            "extra",
        ),
        (json!({ "code": typo, "ballot": ballot }), 400, "typo"),
        (
            json!({ "code": codes[0], "ballot": ballot, "nonce": "short" }),
            400,
            "16 bytes",
        ),
        (
            json!({ "code": codes[0], "ballot": { "kind": "ranked", "choices": [ids[0]] } }),
            422,
            "approval",
        ),
        (
            json!({ "code": codes[0], "ballot": { "kind": "approval", "choices": ["999"] } }),
            422,
            "999",
        ),
        (
            json!({ "code": codes[0], "ballot": { "kind": "approval", "choices": ids } }),
            422,
            "budget|at most",
        ),
    ];
    for (body, status, words) in cases {
        let (got, answer) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
        let message = answer["error"].as_str().unwrap_or_default();
        assert_eq!(got, status, "{body} → {answer}");
        assert!(
            words.split('|').any(|w| message.contains(w)),
            "{body} → {message:?} lacks {words:?}"
        );
    }
    let first = json!({ "code": codes[0], "ballot": ballot });
    assert_eq!(
        app.post_json("/api/v1/cycles/1/ballots", &first).await.0,
        201
    );
    let used = app.post_json("/api/v1/cycles/1/ballots", &first).await;
    let stranger = VoterCode::generate(|| 7).to_string();
    let unknown = app
        .post_json(
            "/api/v1/cycles/1/ballots",
            &json!({ "code": stranger, "ballot": ballot }),
        )
        .await;
    assert_eq!(used.0, 403, "{}", used.1);
    assert_eq!(
        used, unknown,
        "a used code and an unknown one are told apart by nothing"
    );
    for (path, status) in [
        ("/api/v1/cycles/1/log/entries/0", 403),
        ("/api/v1/cycles/1/log/entries/x", 403),
        ("/api/v1/cycles/1/log/leaf/x", 400),
        (
            &format!("/api/v1/cycles/1/log/leaf/{}", "ab".repeat(32)),
            404,
        ),
        ("/api/v1/cycles/1/log/inclusion?index=1&tree_size=1", 400),
        ("/api/v1/cycles/1/log/inclusion?index=0&tree_size=2", 400),
        ("/api/v1/cycles/1/log/inclusion?index=0", 400),
        ("/api/v1/cycles/1/log/consistency?from=2&to=1", 400),
        ("/api/v1/cycles/1/log/consistency?from=a&to=1", 400),
        ("/api/v1/cycles/9/manifest", 404),
        ("/api/v1/cycles/x/log/checkpoint", 404),
    ] {
        let (got, answer) = app.get_json(path).await;
        assert_eq!(got, status, "{path} → {answer}");
        assert!(
            answer["error"].as_str().is_some_and(|m| !m.is_empty()),
            "{path}"
        );
    }
    let (_, checkpoint) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    assert_eq!(
        checkpoint["tree_size"], 1,
        "only the one good cast was written"
    );
    assert_eq!(used_codes(&app).await, 1);
}

async fn a_sealed_log_refuses_a_cast_and_writes_nothing(app: TestApp) {
    let codes = issue_codes(&app, 2).await;
    let ballot = a_valid_ballot(&app).await;
    let body = json!({ "code": codes[0], "ballot": ballot });
    assert_eq!(
        app.post_json("/api/v1/cycles/1/ballots", &body).await.0,
        201
    );
    let db = app.database.open().await.expect("database");
    let moved = pebble_db::transitions::advance(&db, 1, Phase::Voting)
        .await
        .expect("query");
    assert_eq!(moved, Ok(Phase::Counting));
    let late = json!({ "code": codes[1], "ballot": ballot });
    let (status, answer) = app.post_json("/api/v1/cycles/1/ballots", &late).await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap_or_default()
            .contains("Voting is not open"),
        "{answer}"
    );
    let (_, checkpoint) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    assert_eq!(
        (
            checkpoint["tree_size"].clone(),
            checkpoint["sealed"].clone()
        ),
        (json!(1), json!(true))
    );
    assert_eq!(used_codes(&app).await, 1, "the late code is still unused");
}

async fn voting_not_open_has_no_manifest_and_takes_no_ballot(app: TestApp) {
    let (status, answer) = app.get_json("/api/v1/cycles/1/manifest").await;
    assert_eq!(status, 404, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap_or_default()
            .contains("not opened")
    );
    let body = json!({ "code": VoterCode::generate(|| 3).to_string(), "ballot": { "kind": "approval", "choices": [] } });
    let (status, answer) = app.post_json("/api/v1/cycles/1/ballots", &body).await;
    assert_eq!(status, 409, "{answer}");
}

async fn many_casts_with_one_code_over_http_make_one_entry(app: TestApp) {
    let code = issue_codes(&app, 1).await.remove(0);
    let ballot = a_valid_ballot(&app).await;
    let casts: Vec<_> = (0..200)
        .map(|_| {
            let (client, url) = (
                app.client.clone(),
                format!("{}/api/v1/cycles/1/ballots", app.address),
            );
            let body = json!({ "code": code, "ballot": ballot });
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&body)
                    .send()
                    .await
                    .expect("request")
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for cast in casts {
        statuses.push(cast.await.expect("task"));
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1);
    assert!(
        statuses.iter().all(|s| [201, 403, 429].contains(s)),
        "{statuses:?}"
    );
    let (_, checkpoint) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    assert_eq!(checkpoint["tree_size"], 1);
}

async fn guessing_codes_is_held_back_and_metrics_show_no_choices(app: TestApp) {
    let ballot = a_valid_ballot(&app).await;
    let mut statuses = Vec::new();
    for seed in 0..12u8 {
        let body = json!({ "code": VoterCode::generate(|| seed).to_string(), "ballot": ballot });
        statuses.push(app.post_json("/api/v1/cycles/1/ballots", &body).await.0);
    }
    assert_eq!(&statuses[..10], &[403; 10]);
    assert_eq!(&statuses[10..], &[429, 429], "{statuses:?}");
    let code = issue_codes(&app, 1).await.remove(0);
    let right = json!({ "code": code, "ballot": ballot, "nonce": "AAAAAAAAAAAAAAAAAAAAAA==" });
    assert_eq!(
        app.post_json("/api/v1/cycles/1/ballots", &right).await.0,
        201,
        "a right code casts while refusals wait"
    );
    assert_eq!(
        app.post_json("/api/v1/cycles/1/ballots", &right).await.0,
        409,
        "the same entry again is a duplicate"
    );
    let metrics = app
        .client
        .get(format!("{}/metrics", app.metrics_address))
        .send()
        .await
        .expect("metrics");
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.expect("text");
    assert!(
        text.contains("pebble_cast_refusals_total{reason=\"code\"} 10"),
        "{text}"
    );
    assert!(text.contains("pebble_casts_total 1"), "{text}");
    assert!(
        text.contains("pebble_cast_refusals_total{reason=\"duplicate\"} 1"),
        "a duplicate is counted as one: {text}"
    );
    assert!(!text.contains("not_voting"), "{text}");
    assert!(
        text.contains("pebble_cast_refusals_total{reason=\"rate_limited\"}"),
        "{text}"
    );
    assert!(text.contains("pebble_cast_seconds_bucket"), "{text}");
    assert!(!text.contains("project"), "no count per project: {text}");
}

crate::on_both_engines!(phase Voting:
    a_cast_receipt_verifies_against_the_published_manifest_and_key,
    refusals_are_json_that_say_what_to_fix_and_write_nothing,
    a_sealed_log_refuses_a_cast_and_writes_nothing,
    many_casts_with_one_code_over_http_make_one_entry,
    guessing_codes_is_held_back_and_metrics_show_no_choices,
);
crate::on_both_engines!(voting_not_open_has_no_manifest_and_takes_no_ballot);
