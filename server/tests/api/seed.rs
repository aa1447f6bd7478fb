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
