//! A cycle whose manifest names a witness policy, run whole: Pebble asks
//! two real `pebble witness` processes to cosign as ballots come in and
//! when voting closes, serves the checkpoint with their cosignatures, and
//! counts only once the sealed checkpoint meets the policy; the record
//! carries the cosignatures and `pebble verify` checks them. When a
//! database administrator forks the log, the witnesses refuse, the count
//! waits, and a record made from the forked log anyway fails `pebble
//! verify` (c2sp.org/tlog-witness, c2sp.org/tlog-policy).

use std::time::Duration;

use counting::policy::Policy;
use pebble_domain::Phase;
use serde_json::json;

use crate::helpers::{Engine, TestApp, spawn_app_configured};
use crate::members::{certify_all, reveal};
use crate::voting::{cast, close_voting, projects_by_cost};
use crate::witness::{Running, fork_stored_log, free_port, start_witness_on};

/// A cycle in voting, witnessed by "parents" and "district", both needed.
struct Witnessed {
    app: TestApp,
    witnesses: Vec<Running>,
    folder: tempfile::TempDir,
}

async fn witnessed(engine: Engine) -> Witnessed {
    let app = spawn_app_configured(engine, Phase::Deliberation, None, |config| {
        config.witness_every = 1;
    })
    .await;
    let folder = tempfile::tempdir().expect("folder");
    let path = |name: &str| folder.path().join(name).display().to_string();
    let ports = [free_port(), free_port()];
    let mut keys = Vec::new();
    for name in ["parents", "district"] {
        let key = path(&format!("{name}.key"));
        let (ok, said, err) = app.pebble(&[
            "witness",
            "keygen",
            "--name",
            &format!("{name}.example/witness"),
            "--key",
            &key,
        ]);
        assert!(ok, "{err}");
        keys.push((key, said.lines().last().expect("a verifier key").to_owned()));
    }
    let policy = format!(
        "# both must cosign\nwitness parents {} http://127.0.0.1:{}\nwitness district {} http://127.0.0.1:{}/\ngroup both all parents district\nquorum both\n",
        keys[0].1, ports[0], keys[1].1, ports[1]
    );
    let file = path("policy.txt");
    std::fs::write(&file, &policy).expect("policy file");
    for (bad, said) in [
        (format!("log {}\n{policy}", "x+00000000+AQ=="), "log key"),
        (
            policy.replace(&format!(" http://127.0.0.1:{}\n", ports[0]), "\n"),
            "has no address",
        ),
    ] {
        let wrong = path("wrong.txt");
        std::fs::write(&wrong, bad).expect("policy file");
        let (ok, _, err) = app.pebble(&["cycle", "witnesses", "--cycle", "1", "--policy", &wrong]);
        assert!(!ok && err.contains(said), "{err}");
    }
    let (ok, out, err) = app.pebble(&["cycle", "witnesses", "--cycle", "1", "--policy", &file]);
    assert!(ok && out.contains("quorum both"), "{out}{err}");
    let (ok, out, err) = app.pebble(&["cycle", "advance", "--cycle", "1"]);
    assert!(ok && out.contains("to voting"), "{out}{err}");
    let (ok, _, err) = app.pebble(&["cycle", "witnesses", "--cycle", "1", "--none"]);
    assert!(
        !ok && err.contains("frozen"),
        "voting froze the policy: {err}"
    );
    let mut witnesses = Vec::new();
    for ((key, _), (port, name)) in keys.iter().zip(ports.iter().zip(["parents", "district"])) {
        witnesses.push(start_witness_on(&app, key, &path(name), *port).await);
    }
    Witnessed {
        app,
        witnesses,
        folder,
    }
}

async fn policy(app: &TestApp) -> Policy {
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    Policy::parse(
        manifest["witness_policy"]
            .as_str()
            .expect("the manifest's policy"),
    )
    .expect("a policy")
}

/// Waits until the served checkpoint has `size` entries and meets the
/// policy; the checkpoint.
async fn witnessed_at(app: &TestApp, size: u64) -> String {
    let policy = policy(app).await;
    let mut note = String::new();
    for _ in 0..200 {
        note = app.get("/log/1/checkpoint").await.1;
        if note.contains(&format!("\n{size}\n")) && policy.check(&note).is_ok() {
            return note;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never witnessed at {size}: {note}");
}

async fn ballots(app: &TestApp, range: std::ops::Range<usize>) -> Vec<serde_json::Value> {
    let projects = projects_by_cost(app).await;
    let ballots: Vec<_> = range
        .map(|i| json!({ "kind": "approval", "choices": [projects[i % 3]] }))
        .collect();
    cast(app, &ballots).await
}

/// The receipt's offline proof, as `POST …/log/proof` gives it.
async fn proof_of(app: &TestApp, receipt: &serde_json::Value) -> (u16, String) {
    let answer = app
        .client
        .post(format!("{}/api/v1/cycles/1/log/proof", app.address))
        .json(&json!({ "entry": receipt["entry"] }))
        .send()
        .await
        .expect("an answer");
    (answer.status().as_u16(), answer.text().await.expect("text"))
}

/// The proofs read by a reader written from the C2SP specifications in
/// Python (`scripts/oracle/check_witnessed.py`, Ed25519 from the
/// `cryptography` package): each good proof verifies with the log's and
/// both witnesses' keys, and a proof short of a witness does not.
/// `scripts/test` sets `PEBBLE_ORACLE_PYTHON` to the virtualenv that
/// holds it.
async fn independent_reader_agrees(app: &TestApp, folder: &std::path::Path) {
    let Some(python) = std::env::var_os("PEBBLE_ORACLE_PYTHON") else {
        return;
    };
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    let log_key = manifest["log_key"].as_str().expect("log key").to_owned();
    let witness_keys: Vec<String> = policy(app)
        .await
        .witnesses
        .iter()
        .map(|w| w.key.to_string())
        .collect();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/oracle/check_witnessed.py"
    );
    let run = |files: Vec<String>| {
        let output = std::process::Command::new(&python)
            .arg(script)
            .arg(&log_key)
            .args(&witness_keys)
            .arg("--")
            .args(files)
            .output()
            .expect("python runs");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.success(), said)
    };
    let file = |name: String| folder.join(name).display().to_string();
    let (ok, said) = run((0..5)
        .map(|i| file(format!("receipt-{i}.tlog-proof")))
        .collect());
    assert!(ok && said.starts_with("OK: 5 proofs"), "{said}");
    let (ok, said) = run(vec![file("short-0.tlog-proof".into())]);
    assert!(
        !ok && said.contains("no valid signature by ['parents.example/witness']"),
        "{said}"
    );
}

crate::on_both_engines!(a_witnessed_cycle_is_counted_and_its_record_carries_the_cosignatures);

async fn a_witnessed_cycle_is_counted_and_its_record_carries_the_cosignatures(plain: TestApp) {
    let engine = plain.engine();
    drop(plain);
    let Witnessed {
        app,
        witnesses: _witnesses,
        folder,
    } = witnessed(engine).await;
    let receipts = ballots(&app, 0..5).await;
    witnessed_at(&app, 5).await;
    close_voting(&app).await;
    let sealed = witnessed_at(&app, 5).await;
    assert_eq!(
        sealed.matches('\u{2014}').count(),
        3,
        "the log and two witnesses: {sealed}"
    );
    // Each receipt as an offline proof against the sealed, cosigned
    // checkpoint, checked with the saved manifest and no server.
    let manifest = folder.path().join("manifest.json");
    let published = app.get("/api/v1/cycles/1/manifest").await.1;
    std::fs::write(&manifest, published).expect("manifest file");
    let manifest = manifest.to_str().expect("path");
    for (index, receipt) in receipts.iter().enumerate() {
        let (status, proof) = proof_of(&app, receipt).await;
        assert_eq!(status, 200, "{proof}");
        assert!(
            proof.starts_with("c2sp.org/tlog-proof@v1\nextra "),
            "{proof}"
        );
        assert!(
            proof.ends_with(&sealed),
            "against the cosigned sealed checkpoint: {proof}"
        );
        let file = folder.path().join(format!("receipt-{index}.tlog-proof"));
        let path = file.to_str().expect("path");
        std::fs::write(&file, &proof).expect("proof file");
        let (ok, out, err) = app.pebble(&["verify-receipt", path, "--manifest", manifest]);
        assert!(ok, "{out}{err}");
        assert!(out.contains(&format!("entry {index} of the 5")), "{out}");
        assert!(out.contains("by: district, parents"), "{out}");
        // Without one witness's cosignature, the same proof fails.
        let short: String = proof
            .lines()
            .filter(|line| !line.starts_with("\u{2014} parents.example"))
            .map(|line| format!("{line}\n"))
            .collect();
        let short_file = folder.path().join(format!("short-{index}.tlog-proof"));
        let short_path = short_file.to_str().expect("path");
        std::fs::write(&short_file, short).expect("proof file");
        let (ok, out, _) = app.pebble(&["verify-receipt", short_path, "--manifest", manifest]);
        assert!(!ok && out.contains("REFUSED"), "{out}");
    }
    independent_reader_agrees(&app, folder.path()).await;
    let (status, said) = proof_of(&app, &json!({ "entry": "00ff" })).await;
    assert_eq!(status, 404, "{said}");
    let okafor = app.sign_in("okafor").await;
    let (_, desk) = app.get_as(&okafor, "/committee/count?cycle=1").await;
    for said in [
        "parents: cosigned the sealed log",
        "district: cosigned the sealed log",
        "The sealed log is cosigned as the cycle",
    ] {
        assert!(desk.contains(said), "{said} on the count desk");
    }
    let record = certify_all(&app).await;
    assert_eq!(
        record.log.checkpoint, sealed,
        "the record carries the cosigned checkpoint"
    );
    let file = folder.path().join("record.json");
    std::fs::write(&file, serde_json::to_string(&record).expect("JSON")).expect("record file");
    let (ok, out, err) = app.pebble(&["verify", file.to_str().expect("path")]);
    assert!(ok, "{out}{err}");
}

crate::on_both_engines!(a_forked_log_is_not_witnessed_so_the_count_waits_and_verify_refuses_it);

async fn a_forked_log_is_not_witnessed_so_the_count_waits_and_verify_refuses_it(plain: TestApp) {
    let engine = plain.engine();
    drop(plain);
    let Witnessed {
        app,
        witnesses: _witnesses,
        folder,
    } = witnessed(engine).await;
    ballots(&app, 0..5).await;
    witnessed_at(&app, 5).await;
    fork_stored_log(&app).await;
    ballots(&app, 5..8).await;
    close_voting(&app).await;
    // Each witness keeps the forked checkpoint as evidence and cosigns
    // nothing more.
    for name in ["parents", "district"] {
        let evidence = folder.path().join(name).join("evidence");
        let mut kept = 0;
        for _ in 0..100 {
            kept = std::fs::read_dir(&evidence).map_or(0, |files| files.count());
            if kept > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(kept > 0, "{name} kept evidence");
    }
    let sealed = app.get("/log/1/checkpoint").await.1;
    assert!(sealed.contains("\n8\n"), "{sealed}");
    assert!(
        policy(&app).await.check(&sealed).is_err(),
        "no witness cosigned the fork: {sealed}"
    );
    // The count waits for the witnesses, with words saying so.
    for name in ["okafor", "lindqvist"] {
        let who = app.sign_in(name).await;
        reveal(&app, &who, name).await;
    }
    let okafor = app.sign_in("okafor").await;
    let (_, desk) = app.get_as(&okafor, "/committee/count?cycle=1").await;
    assert!(
        desk.contains("parents: not yet") && desk.contains("district: not yet"),
        "the count desk says who has not cosigned"
    );
    let (status, said) = app
        .call(&okafor, "/api/start-count", &[("cycle", "1")])
        .await;
    assert_eq!(status, 409, "{said}");
    assert!(said.contains("waits for the log's witnesses"), "{said}");
    let (status, _) = app.get("/api/v1/cycles/1/record").await;
    assert_ne!(status, 200, "nothing was counted or published");
    // A record made from the forked log anyway, as a server that ignored
    // its witnesses would publish it: pebble verify refuses it.
    let db = app.database.open().await.expect("database");
    let revealing = pebble_db::count::revealing(&db, 1)
        .await
        .expect("query")
        .expect("counting");
    let parts = pebble_db::count::parts(&db, 1, revealing.reveals)
        .await
        .expect("query")
        .expect("sealed");
    let record = counting::record::Record::compile(parts).expect("compiles");
    let file = folder.path().join("forked.json");
    std::fs::write(&file, serde_json::to_string(&record).expect("JSON")).expect("record file");
    let (ok, out, err) = app.pebble(&["verify", file.to_str().expect("path")]);
    assert!(!ok, "{out}");
    assert!(
        format!("{out}{err}").contains("not witnessed as the manifest's policy asks"),
        "{out}{err}"
    );
}
