//! A committee member who reveals last, once the others have: they know
//! every other input to the seed and would like to pick theirs. Every
//! secret but the one their commitment (frozen when voting opened) opens
//! is refused and changes nothing, a reveal cannot be replaced, and the
//! seed is the one the commitments fixed.

use counting::merkle::{from_hex, to_hex};
use rand::Rng;
use sha2::{Digest, Sha256};

use crate::helpers::{As, TestApp};
use crate::members::{reveal, secret};
use crate::voting::{cast, close_voting, projects_by_cost};

crate::on_both_engines!(phase Voting: the_last_member_to_reveal_cannot_choose_the_seed);

async fn try_reveal(app: &TestApp, who: &As, secret: &str) -> (u16, String) {
    app.call(
        who,
        "/api/reveal-secret",
        &[("cycle", "1"), ("secret", secret)],
    )
    .await
}

async fn counted(app: &TestApp) -> bool {
    let db = app.database.open().await.expect("database");
    pebble_db::count::stored(&db, 1)
        .await
        .expect("query")
        .is_some()
}

async fn the_last_member_to_reveal_cannot_choose_the_seed(app: TestApp) {
    let cheapest = projects_by_cost(&app).await.remove(0);
    let ballot = serde_json::json!({ "kind": "approval", "choices": [cheapest] });
    cast(&app, &[ballot.clone(), ballot]).await;
    close_voting(&app).await;
    let okafor = app.sign_in("okafor").await;
    assert_eq!(reveal(&app, &okafor, "okafor").await.0, 302);

    let lindqvist = app.sign_in("lindqvist").await;
    let theirs = secret(&app, 1, "lindqvist").await;
    let key = app.member_key("lindqvist");
    let mut tries: Vec<String> = (0..40)
        .map(|_| to_hex(&rand::rng().random::<[u8; 32]>()))
        .collect();
    tries.extend([
        secret(&app, 1, "okafor").await,
        "0".repeat(64),
        to_hex(&key.tiebreak_secret(&[7; 16])),
        theirs
            .to_uppercase()
            .replace(&theirs[..2].to_uppercase(), "FF"),
    ]);
    for other in tries.iter().filter(|t| t.to_lowercase() != theirs) {
        let (status, body) = try_reveal(&app, &lindqvist, other).await;
        assert_eq!(status, 400, "{other}: {body}");
        assert!(body.contains("commitment"), "the refusal says why: {body}");
    }
    assert!(!counted(&app).await, "no refused secret ran the count");

    assert_eq!(reveal(&app, &lindqvist, "lindqvist").await.0, 302);
    assert!(counted(&app).await, "the last reveal runs the count");
    let db = app.database.open().await.expect("database");
    let record = pebble_db::count::stored(&db, 1)
        .await
        .expect("query")
        .expect("a record")
        .record;
    let root = from_hex(&record.seed.sealed_root).expect("hex");
    let mut expected = Sha256::new();
    expected.update(b"pebble/tiebreak");
    expected.update(root);
    for name in ["okafor", "lindqvist"] {
        expected.update([1]);
        expected.update(from_hex(&secret(&app, 1, name).await).expect("hex"));
    }
    let expected = to_hex(&expected.finalize());
    assert_eq!(record.seed.seed, expected, "the seed the commitments fixed");

    for who in [&okafor, &lindqvist] {
        let (status, body) = try_reveal(&app, who, &tries[0]).await;
        assert!(
            matches!(status, 400 | 409),
            "a reveal is not replaced: {body}"
        );
    }
    let again = pebble_db::count::stored(&db, 1)
        .await
        .expect("query")
        .expect("a record")
        .record;
    assert_eq!(again.seed.seed, expected, "nothing changed the seed");
    assert_eq!(again.record_hash, record.record_hash);
}
