//! The ballot log's storage: positions taken once each, heads and proofs
//! from stored nodes that verify, refusals that write nothing, a seal.

use counting::merkle::ProofError;
use counting::merkle::stored::{StoredProofError, TreeHead};
use counting::merkle::{from_hex, root};
use pebble_db::entity::log_entry;
use pebble_db::log::{self, AppendRefusal, ProofRefusal};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder, TransactionTrait};

use crate::helpers::TestApp;

async fn append(
    db: &pebble_db::DatabaseConnection,
    payload: &[u8],
) -> Result<log::Appended, AppendRefusal> {
    let txn = db.begin().await.expect("transaction");
    let appended = log::append(&txn, 1, payload).await.expect("append");
    txn.commit().await.expect("commit");
    appended
}

/// The served consistency proof between the first `first` and `second`
/// of `leaves` verifies against roots computed apart.
async fn assert_consistent(
    db: &pebble_db::DatabaseConnection,
    leaves: &[counting::merkle::Hash],
    first: u64,
    second: u64,
) {
    let proof = log::consistency(db, 1, first, second)
        .await
        .expect("query")
        .expect("proof");
    let older = TreeHead {
        size: first,
        root: root(&leaves[..first as usize]),
    };
    let newer = TreeHead {
        size: second,
        root: root(&leaves[..second as usize]),
    };
    assert_eq!(
        newer.verify_consistency(&older, &proof),
        Ok(()),
        "{first} {second}"
    );
}

async fn appended_entries_prove_their_place_and_a_sealed_log_takes_no_more(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let mut leaves = Vec::new();
    for i in 0..150u64 {
        let appended = append(&db, &i.to_be_bytes()).await.expect("appended");
        assert_eq!(appended.index, i);
        leaves.push(appended.leaf);
    }
    let head = log::head(&db, 1).await.expect("head");
    assert_eq!(
        head,
        TreeHead {
            size: 150,
            root: root(&leaves)
        }
    );
    for index in (0..150).step_by(7).chain([149]) {
        let proof = log::inclusion(&db, 1, index, 150)
            .await
            .expect("query")
            .expect("proof");
        assert_eq!(
            head.verify_inclusion(index, &leaves[index as usize], &proof),
            Ok(())
        );
    }
    for (first, second) in [
        (1, 150),
        (37, 64),
        (64, 150),
        (149, 150),
        (150, 150),
        (5, 9),
    ] {
        assert_consistent(&db, &leaves, first, second).await;
    }
    assert_eq!(
        log::inclusion(&db, 1, 150, 150).await.expect("query"),
        Err(ProofRefusal::Proof(StoredProofError::Proof(
            ProofError::IndexOutOfRange {
                index: 150,
                size: 150
            }
        )))
    );
    assert_eq!(
        log::inclusion(&db, 1, 0, 151).await.expect("query"),
        Err(ProofRefusal::BeyondLog {
            size: 151,
            log_size: 150
        })
    );
    assert!(matches!(
        log::consistency(&db, 1, 0, 10).await.expect("query"),
        Err(ProofRefusal::Proof(_))
    ));

    log::seal(&db, 1).await.expect("sealed");
    assert_eq!(append(&db, b"late").await, Err(AppendRefusal::Sealed));
    assert_eq!(log::state(&db, 1).await.expect("state"), (150, true));
    assert_eq!(
        log_entry::Entity::find().count(&db).await.expect("count"),
        150
    );
}

async fn concurrent_appends_take_every_position_once(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let writers: Vec<_> = (0..8u8)
        .map(|writer| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut indices = Vec::new();
                for i in 0..20u8 {
                    let appended = append(&db, &[writer, i]).await.expect("appended");
                    indices.push(appended.index);
                }
                indices
            })
        })
        .collect();
    let mut indices = Vec::new();
    for writer in writers {
        indices.extend(writer.await.expect("writer"));
    }
    indices.sort_unstable();
    assert_eq!(indices, (0..160).collect::<Vec<u64>>());
    let leaves: Vec<_> = log_entry::Entity::find()
        .order_by_asc(log_entry::Column::Idx)
        .all(&db)
        .await
        .expect("entries")
        .into_iter()
        .map(|row| from_hex(&row.leaf).expect("hex"))
        .collect();
    assert_eq!(leaves.len(), 160);
    let head = log::head(&db, 1).await.expect("head");
    assert_eq!(
        head.root,
        root(&leaves),
        "the stored nodes agree with the entries"
    );
}

/// A log of a few thousand entries appended in uneven batches: the head
/// and every index's inclusion proof at the full size verify, and so do
/// consistency proofs between sampled sizes.
async fn every_proof_of_a_log_of_thousands_verifies(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let entries: Vec<Vec<u8>> = (0..3_000u32).map(|i| i.to_be_bytes().to_vec()).collect();
    let mut at = 0;
    for batch in [1usize, 2, 3, 500, 7, 1_024, 463, 1_000] {
        let txn = db.begin().await.expect("transaction");
        let slices: Vec<&[u8]> = entries[at..at + batch].iter().map(Vec::as_slice).collect();
        let appended = log::append_many(&txn, 1, &slices)
            .await
            .expect("append")
            .expect("appended");
        txn.commit().await.expect("commit");
        assert_eq!(appended.first().map(|a| a.index), Some(at as u64));
        at += batch;
    }
    assert_eq!(at, 3_000);
    let leaves: Vec<_> = entries
        .iter()
        .map(|e| counting::merkle::leaf_hash(e))
        .collect();
    let head = log::head(&db, 1).await.expect("head");
    assert_eq!(
        head,
        TreeHead {
            size: 3_000,
            root: root(&leaves)
        }
    );
    for index in 0..3_000u64 {
        let proof = log::inclusion(&db, 1, index, 3_000)
            .await
            .expect("query")
            .expect("proof");
        assert_eq!(
            head.verify_inclusion(index, &leaves[index as usize], &proof),
            Ok(()),
            "{index}"
        );
    }
    let sizes = [
        1u64, 2, 3, 6, 511, 512, 513, 1_024, 1_537, 2_047, 2_999, 3_000,
    ];
    for &first in &sizes {
        for &second in sizes.iter().filter(|&&s| s >= first) {
            assert_consistent(&db, &leaves, first, second).await;
        }
    }
}

crate::on_both_engines!(
    appended_entries_prove_their_place_and_a_sealed_log_takes_no_more,
    concurrent_appends_take_every_position_once,
);
crate::on_both_engines!(phase Voting: every_proof_of_a_log_of_thousands_verifies);
