//! The results page and the demo's certified past cycle, on both
//! engines: the page reads what the certified record says, the record
//! verifies offline, and nothing shows before certification.

use pebble_db::seed::PastRule;
use pebble_domain::Phase;

use crate::helpers::{Engine, TestApp, spawn_app_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_s_past_cycle_is_certified_and_its_results_explain_the_count_on_sqlite() {
    past_cycle_results(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_s_past_cycle_is_certified_and_its_results_explain_the_count_on_postgres() {
    if let Some(engine) = Engine::postgres() {
        past_cycle_results(engine).await;
    }
}

async fn past_cycle_results(engine: Engine) {
    let app = spawn_app_with(engine, Phase::Voting, Some(PastRule::Mes)).await;
    let (status, body) = app.get("/api/v1/cycles/2/record").await;
    assert_eq!(status, 200, "{body}");
    let record: counting::record::Record = serde_json::from_str(&body).expect("a record");
    let verified = counting::record::verify(&record).expect("the demo's record verifies");
    assert!(verified.certified());
    let paper = record
        .log
        .entries
        .iter()
        .filter(|e| e.source == counting::record::Source::Paper)
        .count();
    assert!(
        record.log.entries.len() >= 250 && paper > 0,
        "{} ballots",
        record.log.entries.len()
    );

    let (status, page) = app.get("/cycles/2/results").await;
    assert_eq!(status, 200);
    for said in [
        "Results: Riverside Student Budget 2026",
        "Funded in round 1 of equal shares",
        "Not funded: its ",
        "Each of the ",
        "Grade 9",
        "on paper",
        "pebble verify pebble-record-2.json",
        &record.record_hash,
        "Revealed by",
        "class=\"chart\"",
    ] {
        assert!(page.contains(said), "the results page lacks {said:?}");
    }
    let (_, home) = app.get("/").await;
    assert!(
        home.contains("/cycles/2/results"),
        "the home page links last year's results"
    );
    assert!(
        home.contains("Riverside Student Budget 2027"),
        "this year's cycle is featured"
    );
}

crate::on_both_engines!(results_are_refused_until_certified_and_for_nonsense_ids);

async fn results_are_refused_until_certified_and_for_nonsense_ids(app: TestApp) {
    let (status, page) = app.get("/cycles/1/results").await;
    assert_eq!(status, 403);
    assert!(page.contains("not published yet"), "{page}");
    for path in [
        "/cycles/99/results",
        "/cycles/abc/results",
        "/cycles/-1/results",
    ] {
        let (status, _) = app.get(path).await;
        assert_eq!(status, 404, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instant_runoff_cycle_says_where_the_ballots_went_in_spanish_too() {
    let app = spawn_app_with(Engine::Sqlite, Phase::Deliberation, Some(PastRule::Irv)).await;
    let (status, page) = app.get("/cycles/2/results").await;
    assert_eq!(status, 200);
    for said in [
        "Round 1",
        "was eliminated; its ballots went:",
        "Exhausted ballots",
        "Won in round",
    ] {
        assert!(page.contains(said), "the IRV results lack {said:?}");
    }
    let (_, spanish) = app.get_lang("/cycles/2/results", "es").await;
    assert!(
        spanish.contains("quedó eliminado; sus papeletas fueron:"),
        "the Spanish page"
    );
}
