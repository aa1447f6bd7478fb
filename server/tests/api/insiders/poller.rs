//! Someone polling every public route and page, anonymously, while votes
//! are cast and counted. Two servers take the same number of ballots,
//! all for one project on the first and all for another on the second:
//! whatever the poller sees must not tell them apart (once hashes,
//! nonces and times, which differ anyway, are blanked), and no answer
//! holds an entry's bytes. Until the committee certifies, the poller
//! could not say which project either server's voters chose.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use regex::Regex;
use serde_json::Value;

use crate::helpers::{As, Engine, TestApp, spawn_app_in};
use crate::members::reveal_all;
use crate::voting::{cast, close_voting, projects_by_cost};

/// What one poll saw: route → (status, body).
type Seen = BTreeMap<String, (u16, String)>;

const BALLOTS: usize = 4;

/// Blanks what differs between any two servers whatever the votes:
/// hashes, signatures, nonces and keys (hex or base64), tracker codes,
/// dates and times, and the cast-latency metrics.
fn blank(body: &str) -> String {
    static RULES: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
        [
            (r"(?m)^pebble_cast_seconds.*$", "LATENCY"),
            (
                r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?",
                "TIME",
            ),
            (r"\b\d{1,2}:\d{2}(:\d{2})?\b", "TIME"),
            (r"[0-9a-fA-F]{16,}", "HEX"),
            (r"[A-Za-z0-9+/_-]{16,}={0,2}", "B64"),
            (r"\b[0-9A-Z]{4}(-[0-9A-Z]{4})+\b", "TRACKER"),
        ]
        .into_iter()
        .map(|(pattern, with)| (Regex::new(pattern).expect("a pattern"), with))
        .collect()
    });
    RULES.iter().fold(body.to_owned(), |text, (rule, with)| {
        rule.replace_all(&text, *with).into_owned()
    })
}

/// Every public route and page, as an anonymous script calls them.
async fn poll(app: &TestApp, receipts: &[Value]) -> Seen {
    let mut seen = Seen::new();
    let (_, home) = app.call(&As::Anonymous, "/api/home", &[]).await;
    let proposals: Vec<String> = Regex::new(r#""id":(\d+),"title""#)
        .expect("a pattern")
        .captures_iter(&home)
        .map(|c| c[1].to_owned())
        .collect();
    let mut gets: Vec<(String, String)> = [
        "/",
        "/vote",
        "/vote?cycle=1",
        "/vote/ballot",
        "/vote/review",
        "/vote/cast",
        "/receipt",
        "/receipt?cycle=1",
        "/cycles/1/results",
        "/committee/count?cycle=1",
        "/committee/paper?cycle=1",
        "/metrics",
        "/api/v1/cycles/1/manifest",
        "/api/v1/cycles/1/log/checkpoint",
        "/api/v1/cycles/1/record",
        "/api/v1/cycles/1/ballots.pb",
        "/api/v1/cycles/1/results.csv",
    ]
    .map(|path| (path.to_owned(), path.to_owned()))
    .into();
    let size = receipts.len();
    for (i, receipt) in receipts.iter().enumerate() {
        let leaf = receipt["leaf_hash"].as_str().expect("a leaf");
        // Routes are named without the leaf hash, which differs anyway.
        let mut named = |path: String, name: String| gets.push((path, name));
        let entry = format!("/api/v1/cycles/1/log/entries/{i}");
        named(entry.clone(), entry);
        named(
            format!("/api/v1/cycles/1/log/leaf/{leaf}"),
            format!("/api/v1/cycles/1/log/leaf/(entry {i})"),
        );
        let inclusion = format!("/api/v1/cycles/1/log/inclusion?index={i}&tree_size={size}");
        named(inclusion.clone(), inclusion);
        let consistency = format!("/api/v1/cycles/1/log/consistency?from={}&to={size}", i + 1);
        named(consistency.clone(), consistency);
    }
    for id in &proposals {
        let path = format!("/proposals/{id}");
        gets.push((path.clone(), path));
    }
    for (path, name) in gets {
        let answer = app.get(&path).await;
        seen.insert(format!("GET {name}"), answer);
    }
    let mut calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("/api/home", vec![]),
        ("/api/vote-start", vec![("cycle", "1".into())]),
        ("/api/receipt-cycles", vec![]),
        ("/api/cycle-results", vec![("cycle", "1".into())]),
    ];
    for (i, receipt) in receipts.iter().enumerate() {
        let leaf = receipt["leaf_hash"].as_str().expect("a leaf").to_owned();
        let tracker = receipt["tracker"].as_str().expect("a tracker").to_owned();
        calls.push((
            "/api/receipt-evidence",
            vec![("cycle", "1".into()), ("index", i.to_string())],
        ));
        calls.push((
            "/api/receipt-lookup",
            vec![("cycle", "1".into()), ("lookup", tracker)],
        ));
        calls.push((
            "/api/find-entry",
            vec![("cycle", "1".into()), ("leaf", leaf)],
        ));
    }
    for id in &proposals {
        calls.push(("/api/proposal", vec![("id", id.clone())]));
        calls.push((
            "/api/thread",
            vec![("proposal_id", id.clone()), ("page", "0".into())],
        ));
    }
    for (n, (path, form)) in calls.into_iter().enumerate() {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = app.call(&As::Anonymous, path, &form).await;
        seen.insert(format!("POST {path} #{n}"), answer);
    }
    seen
}

/// No answer holds an entry's bytes; no ballot, record or export is
/// served.
fn serves_no_ballot(seen: &Seen, receipts: &[Value], moment: &str) {
    for receipt in receipts {
        let entry = receipt["entry"].as_str().expect("the voter's entry");
        let bytes = STANDARD.decode(entry).expect("base64");
        let hex = counting::merkle::to_hex(&bytes);
        let forms = [entry.to_owned(), hex.to_uppercase(), hex];
        for (route, (_, body)) in seen {
            for form in &forms {
                assert!(
                    !body.contains(form.as_str()),
                    "{moment}: {route} serves an entry"
                );
            }
        }
    }
    for (route, (status, body)) in seen {
        let published_only = ["/record", "/ballots.pb", "/results.csv", "/log/entries/"];
        if published_only.iter().any(|p| route.contains(p)) {
            assert_eq!(
                *status, 403,
                "{moment}: {route} is not published yet: {body}"
            );
        }
        assert!(*status < 500, "{moment}: {route}: {body}");
    }
}

/// The two servers' answers match, blanked.
fn alike(first: &Seen, second: &Seen, moment: &str) {
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (route, (status, body)) in first {
        let (other_status, other_body) = &second[route];
        assert_eq!(status, other_status, "{moment}: {route}");
        let (a, b) = (blank(body), blank(other_body));
        if a != b {
            let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            let from = at.saturating_sub(120);
            panic!(
                "{moment}: {route} tells the two elections apart:\n{}\n---\n{}",
                a.get(from..(at + 120).min(a.len())).unwrap_or(&a),
                b.get(from..(at + 120).min(b.len())).unwrap_or(&b)
            );
        }
    }
}

async fn a_poller_cannot_tell_two_elections_apart(engine: impl Fn() -> Option<Engine>) {
    let (Some(one), Some(two)) = (engine(), engine()) else {
        return;
    };
    let first = spawn_app_in(one, pebble_domain::Phase::Voting).await;
    let second = spawn_app_in(two, pebble_domain::Phase::Voting).await;
    let projects = projects_by_cost(&first).await;
    let mut receipts = Vec::new();
    for (app, project) in [(&first, &projects[0]), (&second, &projects[1])] {
        let ballot = serde_json::json!({ "kind": "approval", "choices": [project] });
        receipts.push(cast(app, &vec![ballot; BALLOTS]).await);
    }
    let moments = [
        "while voting",
        "once voting closed",
        "once counted, before certification",
    ];
    for (step, moment) in moments.into_iter().enumerate() {
        let mut seen = Vec::new();
        for (app, receipts) in [(&first, &receipts[0]), (&second, &receipts[1])] {
            match step {
                1 => close_voting(app).await,
                2 => reveal_all(app).await,
                _ => {}
            }
            let polled = poll(app, receipts).await;
            serves_no_ballot(&polled, receipts, moment);
            seen.push(polled);
        }
        alike(&seen[0], &seen[1], moment);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poller_cannot_tell_two_elections_apart_on_sqlite() {
    a_poller_cannot_tell_two_elections_apart(|| Some(Engine::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poller_cannot_tell_two_elections_apart_on_postgres() {
    a_poller_cannot_tell_two_elections_apart(Engine::postgres).await;
}
