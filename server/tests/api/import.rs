//! `pebble import`: a real pabulib file becomes a cycle in counting that
//! the committee certifies and `pebble verify` accepts; a file with a
//! vote Pebble could not have taken is refused, naming its line, and
//! writes nothing.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::record::{Record, Source};
use pebble_db::entity::cycle;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::TestApp;
use crate::members::decide_in;

crate::on_both_engines!(
    a_real_file_becomes_a_cycle_the_committee_certifies,
    a_file_with_an_irregular_vote_is_refused_and_writes_nothing,
);

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../counting/fixtures/pabulib/");
const TOULOUSE: &str = "France_Toulouse_2022_19_-_Casselardit_Fontaine-Bayonne_Cartoucherie.pb";

async fn a_real_file_becomes_a_cycle_the_committee_certifies(app: TestApp) {
    let file = format!("{FIXTURES}{TOULOUSE}");
    let (ok, out, err) = app.pebble(&["import", &file, "--rule", "greedy"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("as cycle 2, in counting: 10 projects, 292 ballots"),
        "{out}"
    );
    let desk = "/committee/count?cycle=2";
    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    let (_, page) = app.get_as(&okafor, desk).await;
    assert!(
        page.contains("The sealed ballot log holds 292 ballots."),
        "{page}"
    );
    assert!(
        page.contains("nothing to reveal (no commitment)"),
        "an imported cycle's votes are public history: no commitments: {page}"
    );
    let (status, _) = app
        .form_post(&okafor, desk, "/api/start-count", &[("cycle", "2")])
        .await;
    assert_eq!(status, 302);
    for (who, name) in [(&okafor, "okafor"), (&lindqvist, "lindqvist")] {
        let (status, location) =
            decide_in(&app, 2, who, name, counting::record::Decision::Certify, "").await;
        assert_eq!(status, 302, "{location}");
    }
    let (status, json) = app.get("/api/v1/cycles/2/record").await;
    assert_eq!(status, 200, "{json}");
    let record: Record = serde_json::from_str(&json).expect("a record");
    assert_eq!(record.log.entries.len(), 292);
    assert!(
        record
            .log
            .entries
            .iter()
            .all(|e| e.source == Source::Imported)
    );
    let report = pebble_verify::verify_record(&record, &pebble_verify::Pinned::default());
    assert!(report.ok, "{}", report.text);
    assert!(report.text.contains("292 imported"), "{}", report.text);
    let (_, page) = app.get_as(&okafor, desk).await;
    assert!(
        page.contains("292 votes imported from a pabulib file"),
        "{page}"
    );

    // The same projects as `pebble tally` funds from the file, through the
    // proposals' new ids, when no tie was broken.
    assert!(
        !record.transcript.contains("tie between"),
        "{}",
        record.transcript
    );
    let (ok, ids, err) = app.pebble(&["tally", &file, "--rule", "greedy", "--output", "ids"]);
    assert!(ok, "{err}");
    let bytes = STANDARD.decode(&record.manifest.bytes).expect("base64");
    let frozen = counting::encoding::decode_frozen(&bytes).expect("a manifest");
    let funded: Vec<String> = record
        .outcome
        .winners
        .iter()
        .map(|id| {
            let (_, title) = frozen
                .projects()
                .find(|(p, _)| &p.id == id)
                .expect("on the ballot");
            title.trim_start_matches("Project ").to_owned()
        })
        .collect();
    assert_eq!(funded, ids.lines().collect::<Vec<_>>());
}

async fn a_file_with_an_irregular_vote_is_refused_and_writes_nothing(app: TestApp) {
    let file = format!("{FIXTURES}Poland_Warszawa_2018_rejon_5.pb");
    let (ok, _, err) = app.pebble(&["import", &file]);
    assert!(!ok);
    assert!(err.contains("the vote on line"), "{err}");
    let (ok, _, err) = app.pebble(&["import", "/nonexistent.pb"]);
    assert!(!ok && err.contains("cannot read /nonexistent.pb"), "{err}");
    let db = app.database.open().await.expect("database");
    assert_eq!(cycle::Entity::find().count(&db).await.expect("count"), 1);
}
