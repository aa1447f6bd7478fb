use crate::helpers::TestApp;

crate::on_both_engines!(seeding_and_migrating_again_changes_nothing);

async fn seeding_and_migrating_again_changes_nothing(app: TestApp) {
    let db = app
        .database
        .open()
        .await
        .expect("migrations run again cleanly");
    let again = pebble_db::seed::demo_if_empty(&db).await.expect("seed");
    assert!(
        again.is_none(),
        "a second seed must not load a second demo cycle"
    );
    let (_, body) = app.post_form("/api/home", "").await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["cycle"]["proposals"].as_array().map(Vec::len), Some(9));
}

#[test]
fn the_demo_in_voting_prints_twenty_codes_once() {
    use pebble_domain::VoterCode;
    let seed = |phase: &str| {
        let folder = tempfile::tempdir().expect("folder");
        let url = format!("sqlite://{}/demo.db?mode=rwc", folder.path().display());
        // The key files go in the test's own folder, not the crate's.
        let keys = folder.path().join("demo-keys");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_pebble"))
            .args(["seed-demo", "--phase", phase, "--keys-dir"])
            .arg(&keys)
            .env("PEBBLE_DATABASE_URL", &url)
            .env_remove("PEBBLE_DATABASE_SCHEMA")
            .output()
            .expect("pebble runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let printed = seed("voting");
    let codes: Vec<VoterCode> = printed
        .lines()
        .skip_while(|line| !line.starts_with("Voter codes"))
        .skip(1)
        .map(|line| line.trim().parse().expect("a code"))
        .collect();
    assert_eq!(codes.len(), 20, "{printed}");
    assert!(!seed("deliberation").contains("Voter codes"));
}
