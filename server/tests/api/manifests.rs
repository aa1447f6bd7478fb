//! Opening voting freezes the manifest: its canonical bytes and hash are
//! stored once, and read back as the manifest the ballot offered.

use counting::encoding::manifest_hash;
use pebble_db::transitions;
use pebble_domain::Phase;

use crate::helpers::TestApp;

async fn opening_voting_freezes_the_manifest_of_the_feasible_proposals(app: TestApp) {
    let db = app.database.open().await.expect("database");
    assert_eq!(transitions::frozen(&db, 1).await.expect("query"), None);
    let cycle = pebble_db::cycles::find(&db, 1)
        .await
        .expect("query")
        .expect("cycle");
    let offered = transitions::ballot_of(&db, &cycle)
        .await
        .expect("query")
        .expect("a ballot");
    let moved = transitions::advance(&db, 1, Phase::Deliberation)
        .await
        .expect("query");
    assert_eq!(moved, Ok(Phase::Voting));
    let (manifest, hash) = transitions::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    assert_eq!(manifest, offered);
    assert_eq!(hash, manifest_hash(&manifest));
    assert!(!manifest.projects.is_empty());
}

async fn the_demo_in_voting_has_its_manifest_frozen(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let (manifest, hash) = transitions::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    assert_eq!(hash, manifest_hash(&manifest));
}

crate::on_both_engines!(opening_voting_freezes_the_manifest_of_the_feasible_proposals);
crate::on_both_engines!(phase Voting: the_demo_in_voting_has_its_manifest_frozen);
