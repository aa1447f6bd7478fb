//! Casting in storage: a code casts once; an entry already in the log is
//! refused as a duplicate whatever code comes with it, and no code is
//! spent or even looked at for it; refusals write nothing, and a code
//! raced by many casts makes one entry.

use counting::merkle::to_hex;
use pebble_db::casting::{self, CastRefusal};
use pebble_db::entity::{log_entry, voter_code};
use pebble_db::log;
use pebble_domain::VoterCode;
use pebble_domain::voter_code::GroupName;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::TestApp;

/// Issues `count` codes for cycle 1 and returns their digests.
async fn codes(db: &pebble_db::DatabaseConnection, count: u8) -> Vec<String> {
    let mut next = 0u8;
    let digests: Vec<String> = (0..count)
        .map(|i| {
            next = i.wrapping_mul(37);
            let code = VoterCode::generate(|| {
                next = next.wrapping_add(1);
                next
            });
            to_hex(&code.digest(1))
        })
        .collect();
    let group: GroupName = "Class 7B".parse().expect("a name");
    pebble_db::codes::issue(db, 1, &group, &digests)
        .await
        .expect("query")
        .expect("issued");
    digests
}

async fn entries(db: &pebble_db::DatabaseConnection) -> u64 {
    log_entry::Entity::find().count(db).await.expect("count")
}

async fn a_code_casts_once_and_a_replayed_entry_says_nothing_of_any_code(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let digests = codes(&db, 3).await;
    let first = casting::cast(&db, 1, &digests[0], b"entry one")
        .await
        .expect("query")
        .expect("cast");
    assert_eq!(first.index, 0);
    let duplicate = Err(CastRefusal::Log(log::AppendRefusal::Duplicate));
    for code in [digests[0].as_str(), digests[1].as_str(), &"0".repeat(64)] {
        let again = casting::cast(&db, 1, code, b"entry one")
            .await
            .expect("query");
        assert_eq!(
            again, duplicate,
            "the same answer for the used code, an unused one and an unknown one"
        );
    }
    let unused = voter_code::Entity::find()
        .filter(voter_code::Column::Digest.eq(digests[1].clone()))
        .one(&db)
        .await
        .expect("query")
        .expect("the code");
    assert!(!unused.used, "a replayed entry spends no code");
    for (code, entry) in [
        (digests[0].as_str(), b"entry two".as_slice()),
        (&"0".repeat(64), b"entry three"),
    ] {
        assert_eq!(
            casting::cast(&db, 1, code, entry).await.expect("query"),
            Err(CastRefusal::Code)
        );
    }
    assert_eq!(entries(&db).await, 1);
    let second = casting::cast(&db, 1, &digests[1], b"entry two")
        .await
        .expect("query")
        .expect("cast");
    assert_eq!(second.index, 1);

    log::seal(&db, 1).await.expect("sealed");
    assert!(matches!(
        casting::cast(&db, 1, &digests[2], b"late")
            .await
            .expect("query"),
        Err(CastRefusal::Log(_))
    ));
    let unused = voter_code::Entity::find()
        .filter(voter_code::Column::Digest.eq(digests[2].clone()))
        .one(&db)
        .await
        .expect("query")
        .expect("the code");
    assert!(!unused.used, "a refused cast leaves its code unused");
    assert_eq!(entries(&db).await, 2);
}

async fn a_cycle_out_of_voting_takes_no_ballot(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let digests = codes(&db, 1).await;
    assert_eq!(
        casting::cast(&db, 1, &digests[0], b"entry")
            .await
            .expect("query"),
        Err(CastRefusal::NotVoting)
    );
    assert_eq!(entries(&db).await, 0);
}

async fn many_casts_with_one_code_make_one_entry(app: TestApp) {
    let db = app.database.open().await.expect("database");
    let digest = codes(&db, 1).await.remove(0);
    let casts: Vec<_> = (0..40u8)
        .map(|i| {
            let (db, digest) = (db.clone(), digest.clone());
            tokio::spawn(async move { casting::cast(&db, 1, &digest, &[i]).await.expect("query") })
        })
        .collect();
    let mut cast = 0;
    for handle in casts {
        match handle.await.expect("task") {
            Ok(_) => cast += 1,
            Err(refusal) => assert_eq!(refusal, CastRefusal::Code),
        }
    }
    assert_eq!(cast, 1);
    assert_eq!(entries(&db).await, 1);
    assert_eq!(log::state(&db, 1).await.expect("state"), (1, false));
}

crate::on_both_engines!(phase Voting:
    a_code_casts_once_and_a_replayed_entry_says_nothing_of_any_code,
    many_casts_with_one_code_make_one_entry,
);
// The demo cycle is in deliberation here.
crate::on_both_engines!(a_cycle_out_of_voting_takes_no_ballot);

/// The columns of `table` as the database has them.
pub async fn columns(db: &pebble_db::DatabaseConnection, table: &str) -> Vec<String> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}')"),
        _ => format!(
            "SELECT column_name AS name FROM information_schema.columns \
             WHERE table_name = '{table}' AND table_schema = current_schema()"
        ),
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("columns");
    let mut names: Vec<String> = rows
        .iter()
        .map(|row| row.try_get::<String>("", "name").expect("a name"))
        .collect();
    names.sort();
    names
}

async fn no_column_links_an_entry_to_a_code_a_voter_or_a_time(app: TestApp) {
    let db = app.database.open().await.expect("database");
    // `source` says online or paper, which the published record shows.
    assert_eq!(
        columns(&db, "log_entry").await,
        ["cycle_id", "entry", "idx", "leaf", "source"]
    );
    assert_eq!(
        columns(&db, "voter_code").await,
        ["digest", "group_id", "used"]
    );
    assert_eq!(columns(&db, "code_group").await, ["cycle_id", "id", "name"]);
    assert_eq!(
        columns(&db, "log_node").await,
        ["cycle_id", "hash", "idx", "level"]
    );
    assert_eq!(
        columns(&db, "ballot_log").await,
        ["cycle_id", "sealed", "sealed_checkpoint", "size"]
    );
    assert_eq!(columns(&db, "log_key").await, ["cycle_id", "secret"]);
}

crate::on_both_engines!(no_column_links_an_entry_to_a_code_a_voter_or_a_time);
