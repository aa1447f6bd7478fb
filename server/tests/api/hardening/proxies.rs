//! A school behind one public address, through its reverse proxy: a class
//! of thirty casts while someone else at that address sprays bad codes,
//! and the proxy's word is taken only from the proxy.

use pebble_domain::{Phase, VoterCode};
use rand::Rng;
use serde_json::{Value, json};

use crate::ballot_api::{a_valid_ballot, issue_codes};
use crate::helpers::{TestApp, spawn_app_configured};

/// The school's one public address, as the proxy names it.
const SCHOOL: &str = "203.0.113.50";

/// POSTs a cast with `forwarded` as X-Forwarded-For; the status.
async fn cast_from(app: &TestApp, forwarded: &str, code: &str, ballot: &Value) -> u16 {
    app.client
        .post(format!("{}/api/v1/cycles/1/ballots", app.address))
        .header("x-forwarded-for", forwarded)
        .json(&json!({ "code": code, "ballot": ballot }))
        .send()
        .await
        .expect("POST")
        .status()
        .as_u16()
}

crate::on_both_engines!(phase Voting:
    a_class_behind_one_address_casts_while_another_client_there_sprays_bad_codes,
);

async fn a_class_behind_one_address_casts_while_another_client_there_sprays_bad_codes(
    plain: TestApp,
) {
    let engine = plain.engine();
    drop(plain);
    let app = spawn_app_configured(engine, Phase::Voting, None, |config| {
        config.trusted_proxies = vec!["127.0.0.0/8".parse().expect("block")];
    })
    .await;
    let ballot = a_valid_ballot(&app).await;
    let class = issue_codes(&app, 30).await;
    let app = std::sync::Arc::new(app);
    let spray = {
        let (app, ballot) = (app.clone(), ballot.clone());
        tokio::spawn(async move {
            let mut statuses = Vec::new();
            for _ in 0..25 {
                let tries = (0..40).map(|_| {
                    let code = VoterCode::generate(|| rand::rng().random()).to_string();
                    let (app, ballot) = (app.clone(), ballot.clone());
                    async move { cast_from(&app, SCHOOL, &code, &ballot).await }
                });
                statuses.extend(futures::future::join_all(tries).await);
            }
            statuses
        })
    };
    // The class starts once the sprayer has used up the school's refusals.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let casts = class.iter().map(|code| {
        let (app, ballot) = (app.clone(), ballot.clone());
        let code = code.clone();
        async move { cast_from(&app, SCHOOL, &code, &ballot).await }
    });
    let class_statuses = futures::future::join_all(casts).await;
    let sprayed = spray.await.expect("the sprayer");
    assert_eq!(sprayed.len(), 1000);
    assert!(
        sprayed.iter().all(|s| [403, 429].contains(s)),
        "{sprayed:?}"
    );
    assert!(
        sprayed.iter().filter(|s| **s == 429).count() > 900,
        "the sprayer is held back"
    );
    assert_eq!(class_statuses, vec![201; 30], "every student cast");
    let (_, checkpoint) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    assert_eq!(checkpoint["tree_size"], 30);
}

crate::on_both_engines!(phase Voting: a_forwarded_address_from_anyone_but_a_trusted_proxy_is_ignored);

async fn a_forwarded_address_from_anyone_but_a_trusted_proxy_is_ignored(app: TestApp) {
    let ballot = a_valid_ballot(&app).await;
    let mut statuses = Vec::new();
    for i in 0..12u8 {
        // A guesser naming a new address each time: with no trusted proxy
        // the connection's own address counts.
        let forged = format!("198.51.100.{i}");
        let code = VoterCode::generate(|| rand::rng().random()).to_string();
        statuses.push(cast_from(&app, &forged, &code, &ballot).await);
    }
    assert_eq!(&statuses[..10], &[403; 10]);
    assert_eq!(&statuses[10..], &[429, 429], "{statuses:?}");
}
