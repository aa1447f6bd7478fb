//! What nobody wrote a form for: random bodies and content types posted to
//! every server function and JSON endpoint, signed in and not. Each must
//! be answered with a 2xx or a 4xx (with a body), never a 5xx or a dropped
//! connection. The run's seed is printed, so a failure can be replayed
//! with `PEBBLE_FUZZ_SEED`.

use leptos::server_fn::axum::server_fn_paths;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::helpers::{As, TestApp};

crate::on_both_engines!(
    random_bodies_never_get_a_5xx_or_a_dropped_connection,
    any_number_in_an_address_gets_a_page_or_a_4xx,
);

/// Numbers no form would send: zero, negative, past 32 and 64 bits, and
/// ids nothing has.
const NUMBERS: [&str; 10] = [
    "0",
    "-1",
    "99",
    "2147483648",
    "9223372036854775807",
    "18446744073709551615",
    "99999999999999999999999",
    "1e3",
    "0x10",
    "%2D1",
];

/// Every address with a number in it, `N` where the number goes.
const NUMBERED: [&str; 26] = [
    "/proposals/N",
    "/proposals/N/image",
    "/proposals/1?page=N",
    "/admin/cycles/N",
    "/cycles/N/results",
    "/committee/count?cycle=N",
    "/committee/paper?cycle=N",
    "/committee/paper/print?cycle=N",
    "/vote?cycle=N",
    "/receipt?cycle=N",
    "/api/v1/cycles/N/manifest",
    "/api/v1/cycles/N/log/checkpoint",
    "/api/v1/cycles/N/log/entries/0",
    "/api/v1/cycles/1/log/entries/N",
    "/api/v1/cycles/2/log/entries/N",
    "/api/v1/cycles/N/log/leaf/00",
    "/api/v1/cycles/2/log/inclusion?index=N&tree_size=N",
    "/api/v1/cycles/2/log/inclusion?index=0&tree_size=N",
    "/api/v1/cycles/2/log/consistency?from=N&to=N",
    "/api/v1/cycles/2/log/consistency?from=1&to=N",
    "/api/v1/cycles/N/record",
    "/api/v1/cycles/N/results.csv",
    "/log/N/checkpoint",
    "/log/N/tile/0/000",
    "/log/2/tile/0/000.p/N",
    "/log/2/tile/N/000",
];

async fn any_number_in_an_address_gets_a_page_or_a_4xx(app: TestApp) {
    let admin = app.sign_in("admin").await;
    for who in [As::Anonymous, admin] {
        for template in NUMBERED {
            for number in NUMBERS {
                let path = template.replace('N', number);
                let (status, body) = app.get_as(&who, &path).await;
                assert!(
                    (200..500).contains(&status),
                    "GET {path} as {who:?}: {status} {body}"
                );
                if status >= 400 {
                    assert!(!body.trim().is_empty(), "GET {path}: a {status} says why");
                }
            }
        }
        for number in NUMBERS {
            let form = [("proposal_id", "1"), ("page", number)];
            let (status, body) = app.call(&who, "/api/thread", &form).await;
            assert!(
                (200..500).contains(&status),
                "thread page {number}: {status} {body}"
            );
        }
    }
    let body =
        serde_json::json!({ "code": "ABCD", "ballot": { "kind": "approval", "choices": [] } });
    for number in NUMBERS {
        let response = app
            .client
            .post(format!("{}/api/v1/cycles/{number}/ballots", app.address))
            .json(&body)
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        assert!(
            (400..500).contains(&status),
            "cast to cycle {number}: {status}"
        );
    }
}

const CONTENT_TYPES: [&str; 10] = [
    "application/x-www-form-urlencoded",
    "application/json",
    "text/plain",
    "multipart/form-data",
    "multipart/form-data; boundary=zz",
    "multipart/form-data; boundary=",
    "application/cbor",
    "image/png",
    "application/x-www-form-urlencoded; charset=utf-16",
    "",
];

const KEYS: [&str; 28] = [
    "id",
    "cycle_id",
    "proposal_id",
    "title",
    "summary",
    "description",
    "category",
    "estimated_cost",
    "body",
    "parent_id",
    "comment_id",
    "reason",
    "username",
    "password",
    "display_name",
    "role",
    "next",
    "from",
    "lang",
    "verdict",
    "ballot_cost",
    "note",
    "csv",
    "settings[budget]",
    "page",
    "index",
    "from_size",
    "cycle",
];

const VALUES: [&str; 21] = [
    "",
    "0",
    "-1",
    "1",
    "99999999999999999999",
    "18446744073709551615",
    "9223372036854775807",
    "2147483648",
    "abc",
    "%ff",
    "%00",
    "<b>x</b>",
    "1.5",
    "true",
    "[]",
    "{}",
    "null",
    "\u{202e}",
    "NaN",
    "../..",
    "//evil.example",
];

/// A random body: a form, a JSON object, or bytes.
fn body(rng: &mut StdRng) -> Vec<u8> {
    match rng.random_range(0..4) {
        0 | 1 => (0..rng.random_range(0..7))
            .map(|_| {
                let key = KEYS[rng.random_range(0..KEYS.len())];
                let value = VALUES[rng.random_range(0..VALUES.len())];
                format!("{key}={}", value.replace('%', "%25").replace('&', "%26"))
            })
            .collect::<Vec<_>>()
            .join("&")
            .into_bytes(),
        2 => {
            let fields: Vec<String> = (0..rng.random_range(0..5))
                .map(|_| {
                    let key = KEYS[rng.random_range(0..KEYS.len())];
                    let value = VALUES[rng.random_range(0..VALUES.len())];
                    format!("{key:?}:{value:?}")
                })
                .collect();
            format!("{{{}}}", fields.join(",")).into_bytes()
        }
        _ => (0..rng.random_range(0..400))
            .map(|_| rng.random())
            .collect(),
    }
}

async fn random_bodies_never_get_a_5xx_or_a_dropped_connection(app: TestApp) {
    let seed = std::env::var("PEBBLE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random::<u64>());
    eprintln!("bad-input seed: {seed} (PEBBLE_FUZZ_SEED={seed} replays it)");
    let mut rng = StdRng::seed_from_u64(seed);
    let mut targets: Vec<String> = server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    targets.sort();
    assert!(
        targets.len() >= 20,
        "every server function is registered: {targets:?}"
    );
    targets.push("/healthz".to_owned());
    let people = [
        As::Anonymous,
        app.sign_in("admin").await,
        app.sign_in("okafor").await,
        app.sign_in("maya.r").await,
    ];
    for round in 0..6 {
        for target in &targets {
            let who = &people[rng.random_range(0..people.len())];
            let content_type = CONTENT_TYPES[rng.random_range(0..CONTENT_TYPES.len())];
            let bytes = body(&mut rng);
            let mut request = app
                .client
                .post(format!("{}{target}", app.address))
                .body(bytes.clone());
            if !content_type.is_empty() {
                request = request.header("content-type", content_type);
            }
            if rng.random_bool(0.5) {
                request = request.header("accept", "application/json");
            }
            if let As::Session(cookie) = who {
                request = request.header("cookie", cookie);
            }
            let what = format!(
                "round {round}, POST {target} as {who:?}, {content_type:?}, body {:?}",
                String::from_utf8_lossy(&bytes)
            );
            let response = request
                .send()
                .await
                .unwrap_or_else(|e| panic!("{what}: no answer ({e})"));
            let status = response.status();
            let text = response
                .text()
                .await
                .unwrap_or_else(|e| panic!("{what}: the body broke off ({e})"));
            assert!(!status.is_server_error(), "{what}: {status} {text}");
            if status.is_client_error() {
                assert!(
                    !text.trim().is_empty(),
                    "{what}: a {status} says what to fix"
                );
            }
        }
    }
}
