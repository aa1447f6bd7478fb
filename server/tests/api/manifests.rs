//! Opening voting freezes the manifest: its canonical bytes and hash are
//! stored once with a new election id and log key, and read back as the
//! manifest the ballot offered; closing voting seals the log with a
//! signed checkpoint.

use counting::checkpoint::Checkpoint;
use pebble_db::{frozen, log, transitions};
use pebble_domain::Phase;

use crate::helpers::TestApp;

async fn opening_voting_freezes_the_manifest_of_the_feasible_proposals(app: TestApp) {
    let db = app.database.open().await.expect("database");
    assert_eq!(frozen::frozen(&db, 1).await.expect("query"), None);
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
    let frozen = frozen::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    assert_eq!(frozen.manifest.manifest, offered);
    assert_eq!(frozen.hash, frozen.manifest.hash());
    let election = &frozen.manifest.election;
    assert_eq!(election.cycle, 1);
    assert_eq!(election.currency.code(), cycle.currency);
    assert_eq!(frozen.manifest.titles.len(), offered.projects.len());
    assert!(frozen.manifest.titles.iter().all(|t| !t.is_empty()));
    let signer = frozen::signer(&db, &frozen, 1)
        .await
        .expect("query")
        .expect("a log key");
    assert_eq!(signer.public_key(), election.log_key);
}

async fn two_cycles_opened_alike_never_share_a_manifest_hash(app: TestApp) {
    let first = app.database.open().await.expect("database");
    let one = frozen::frozen(&first, 1)
        .await
        .expect("query")
        .expect("frozen");
    let other = crate::helpers::spawn_app_in(app.engine(), Phase::Voting).await;
    let second = other.database.open().await.expect("database");
    let two = frozen::frozen(&second, 1)
        .await
        .expect("query")
        .expect("frozen");
    assert_eq!(
        one.manifest.manifest, two.manifest.manifest,
        "the same demo"
    );
    assert_ne!(one.hash, two.hash);
    assert_ne!(one.manifest.election.log_key, two.manifest.election.log_key);
}

async fn closing_voting_seals_the_log_with_a_signed_checkpoint(app: TestApp) {
    let db = app.database.open().await.expect("database");
    assert_eq!(log::sealed_checkpoint(&db, 1).await.expect("query"), None);
    let moved = transitions::advance(&db, 1, Phase::Voting)
        .await
        .expect("query");
    assert_eq!(moved, Ok(Phase::Counting));
    let note = log::sealed_checkpoint(&db, 1)
        .await
        .expect("query")
        .expect("a sealed checkpoint");
    let frozen = frozen::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    let verifier = frozen.manifest.election.log_verifier().expect("a key");
    let checkpoint = Checkpoint::open(&note, &verifier).expect("signed by the log key");
    assert_eq!(checkpoint.head, log::head(&db, 1).await.expect("head"));
    assert_eq!(log::state(&db, 1).await.expect("state"), (0, true));
}

async fn the_cycle_page_shows_the_manifest_hash_once_voting_opens(app: TestApp) {
    let (_, before) = app.get("/").await;
    assert!(!before.contains("manifest hash"));
    let db = app.database.open().await.expect("database");
    let moved = transitions::advance(&db, 1, Phase::Deliberation)
        .await
        .expect("query");
    assert_eq!(moved, Ok(Phase::Voting));
    let frozen = frozen::frozen(&db, 1)
        .await
        .expect("query")
        .expect("frozen");
    let (status, page) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(page.contains("manifest hash"), "{page}");
    assert!(page.contains(&counting::merkle::to_hex(&frozen.hash)));
}

crate::on_both_engines!(
    opening_voting_freezes_the_manifest_of_the_feasible_proposals,
    the_cycle_page_shows_the_manifest_hash_once_voting_opens,
);
crate::on_both_engines!(phase Voting:
    two_cycles_opened_alike_never_share_a_manifest_hash,
    closing_voting_seals_the_log_with_a_signed_checkpoint,
);
