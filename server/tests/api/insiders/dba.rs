//! The database administrator: reads every column of every table, and
//! writes whatever they like. No column holds a committee member's
//! signing key or tie-break secret (nor any value that works as one), so
//! certifications they sign themselves fail `pebble verify`; and a whole
//! other election they make, consistent with itself, fails it against
//! the manifest hash published when voting opened.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use counting::committee::{MemberKey, commitment};
use counting::merkle::{from_hex, to_hex};
use counting::record::sample::Sample;
use counting::record::{Certification, Decision, GroupTurnout, Record, Source};
use counting::{Ballot, ProjectId};
use rand::Rng;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::helpers::TestApp;
use crate::members::{decide, now, reveal_all, secret};
use crate::voting::{cast, close_voting, projects_by_cost, published_manifest_hash};

crate::on_both_engines!(phase Voting: the_database_administrator_cannot_certify);

/// A value as stored: text, or bytes.
enum Stored {
    Text(String),
    Bytes(Vec<u8>),
}

async fn raw(db: &DatabaseConnection, sql: &str) -> Vec<sea_orm::QueryResult> {
    let backend = db.get_database_backend();
    db.query_all_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(backend, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Every text and byte value of every column of every table.
async fn dump(db: &DatabaseConnection) -> Vec<(String, Stored)> {
    let tables = match db.get_database_backend() {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        _ => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = current_schema()"
        }
    };
    let mut values = Vec::new();
    for table in raw(db, tables).await {
        let table: String = table.try_get("", "name").expect("a table name");
        for column in crate::casting::columns(db, &table).await {
            let where_ = format!("{table}.{column}");
            for row in raw(db, &format!("SELECT \"{column}\" FROM \"{table}\"")).await {
                if let Ok(Some(text)) = row.try_get_by_index::<Option<String>>(0) {
                    values.push((where_.clone(), Stored::Text(text)));
                } else if let Ok(Some(bytes)) = row.try_get_by_index::<Option<Vec<u8>>>(0) {
                    values.push((where_.clone(), Stored::Bytes(bytes)));
                }
            }
        }
    }
    assert!(values.len() > 100, "the dump reads the database");
    values
}

/// Every 32-byte value a column could be hiding: hex and base64 tokens
/// of text, and every 32-byte window of bytes.
fn candidates(values: &[(String, Stored)]) -> Vec<(String, [u8; 32])> {
    let mut found = Vec::new();
    for (at, value) in values {
        match value {
            Stored::Bytes(bytes) => {
                for window in bytes.windows(32) {
                    found.push((at.clone(), window.try_into().expect("32 bytes")));
                }
            }
            Stored::Text(text) => {
                let tokens =
                    text.split(|c: char| !(c.is_ascii_alphanumeric() || "+/=_-".contains(c)));
                for token in tokens.filter(|t| t.len() >= 43) {
                    let decoded = from_hex(token).map(Vec::from).or_else(|| {
                        [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                            .iter()
                            .find_map(|engine| engine.decode(token).ok())
                    });
                    if let Some(bytes) = decoded.filter(|b| b.len() == 32) {
                        found.push((at.clone(), bytes.try_into().expect("32 bytes")));
                    }
                }
            }
        }
    }
    found
}

/// Asserts that no stored value is, or works as, `username`'s signing
/// key or tie-break secret.
async fn holds_no_secret_of(app: &TestApp, db: &DatabaseConnection, username: &str) {
    let key = app.member_key(username);
    let tiebreak = from_hex(&secret(app, 1, username).await).expect("hex");
    let values = dump(db).await;
    let texts: Vec<String> = [key.seed(), &tiebreak]
        .iter()
        .flat_map(|bytes| {
            [
                to_hex(bytes.as_slice()),
                to_hex(bytes.as_slice()).to_uppercase(),
                STANDARD.encode(bytes),
                STANDARD_NO_PAD.encode(bytes),
                URL_SAFE_NO_PAD.encode(bytes),
            ]
        })
        .collect();
    for (at, value) in &values {
        let Stored::Text(text) = value else { continue };
        for secret in &texts {
            assert!(
                !text.contains(secret.as_str()),
                "{at} holds a secret of {username}"
            );
        }
    }
    let public = key.public_key();
    let db_commitment = counting::committee::commitment(&tiebreak);
    for (at, candidate) in candidates(&values) {
        assert_ne!(candidate, *key.seed(), "{at} holds {username}'s key");
        assert_ne!(
            MemberKey::from_seed(candidate).public_key(),
            public,
            "{at} works as {username}'s key"
        );
        assert_ne!(
            candidate, tiebreak,
            "{at} holds {username}'s tie-break secret"
        );
        assert_ne!(
            commitment(&candidate),
            db_commitment,
            "{at} opens {username}'s commitment"
        );
    }
}

/// Runs `pebble verify` on `record`, pinned to `manifest` if given: whether
/// it passed, and what it printed.
fn verify(app: &TestApp, record: &str, manifest: Option<&str>) -> (bool, String) {
    let file = tempfile::NamedTempFile::new().expect("a file");
    std::fs::write(file.path(), record).expect("written");
    let path = file.path().to_str().expect("a path");
    let mut args = vec!["verify", path];
    if let Some(hash) = manifest {
        args.extend(["--manifest", hash]);
    }
    let (ok, out, err) = app.pebble(&args);
    (ok, format!("{out}{err}"))
}

async fn the_database_administrator_cannot_certify(app: TestApp) {
    let published = published_manifest_hash(&app).await;
    let cheapest = projects_by_cost(&app).await.remove(0);
    let ballot = serde_json::json!({ "kind": "approval", "choices": [cheapest] });
    cast(&app, &[ballot.clone(), ballot.clone(), ballot]).await;
    let db = app.database.open().await.expect("database");
    for member in ["okafor", "lindqvist"] {
        holds_no_secret_of(&app, &db, member).await;
    }
    close_voting(&app).await;
    reveal_all(&app).await;
    let stored: String = raw(&db, "SELECT record FROM count_record WHERE cycle_id = 1").await[0]
        .try_get_by_index(0)
        .expect("the counted record");
    let record: Record = serde_json::from_str(&stored).expect("a record");
    let frozen = pebble_db::frozen::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen")
        .manifest;

    // They sign both members' certifications with a key of their own,
    // store them, and mark the cycle certified: the server publishes it,
    // and the verifier refuses it.
    let theirs = MemberKey::from_seed(rand::rng().random());
    let hash = from_hex(&record.record_hash).expect("hex");
    let okafor = pebble_db::accounts::find_by_username(&db, "okafor")
        .await
        .expect("query")
        .expect("okafor")
        .id;
    for member in 0..2u32 {
        let at = now();
        let forged = Certification::sign(
            &frozen.election,
            member,
            &theirs,
            &hash,
            Decision::Certify,
            &at,
            "",
        )
        .expect("signed");
        execute(
            &db,
            &format!(
                "INSERT INTO certification (cycle_id, member, account_id, record_hash, decision, reason, at, note) \
                 VALUES (1, {member}, {okafor}, '{}', 'certify', '', '{at}', '{}')",
                record.record_hash,
                forged.note.replace('\'', "''")
            ),
        )
        .await;
    }
    execute(&db, "UPDATE cycle SET phase = 'certified' WHERE id = 1").await;
    let (status, forged) = app.get("/api/v1/cycles/1/record").await;
    assert_eq!(
        status, 200,
        "the server publishes what its database says: {forged}"
    );
    for pin in [None, Some(published.as_str())] {
        let (ok, said) = verify(&app, &forged, pin);
        assert!(!ok, "their certifications are refused: {said}");
        assert!(
            said.contains("not signed with this member's certification key"),
            "{said}"
        );
    }

    // They make a whole election of their own (their keys, their log),
    // consistent with itself: refused against the published manifest.
    let titles = frozen.titles.clone();
    let names: Vec<&str> = frozen
        .election
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let sample = Sample::new(
        1,
        &frozen.election.name,
        "USD",
        frozen.manifest.clone(),
        titles,
        &names,
        2,
    )
    .expect("their election");
    let id: ProjectId = cheapest.parse().expect("an id");
    let ballots = vec![(Ballot::Approval([id].into()), Source::Online); 3];
    let turnout = vec![GroupTurnout {
        group: "Grade 9".into(),
        issued: 3,
        used: 3,
    }];
    let mut made = Record::compile(sample.parts(ballots, turnout)).expect("compiled");
    for member in 0..2 {
        sample
            .decide(&mut made, member, Decision::Certify, &now(), "")
            .expect("signed");
    }
    let made = serde_json::to_string(&made).expect("JSON");
    let (ok, said) = verify(&app, &made, None);
    assert!(
        ok,
        "consistent with itself, which is why auditors pin the manifest: {said}"
    );
    let (ok, said) = verify(&app, &made, Some(&published));
    assert!(
        !ok && said.contains("DISCREPANCY at manifest.hash"),
        "{said}"
    );

    // Put back, the members certify with their own keys: the same checks
    // pass, so the refusals above were the forgeries'.
    execute(&db, "DELETE FROM certification WHERE cycle_id = 1").await;
    execute(&db, "UPDATE cycle SET phase = 'counting' WHERE id = 1").await;
    for name in ["okafor", "lindqvist"] {
        let who = app.sign_in(name).await;
        let (status, location) = decide(&app, &who, name, Decision::Certify, "").await;
        assert_eq!(status, 302, "{name} certifies: {location}");
    }
    let (status, genuine) = app.get("/api/v1/cycles/1/record").await;
    assert_eq!(status, 200, "{genuine}");
    let (ok, said) = verify(&app, &genuine, Some(&published));
    assert!(ok, "{said}");
}
