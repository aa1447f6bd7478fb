//! The committee members as witnesses of the ballot log (the policy's
//! `committee <k>` line), played as their browsers play it: each reads
//! the witness request from their committee page, checks and cosigns it
//! with their own key (`counting::witness::member`, the code the
//! browser runs) and posts the line. The count waits for the sealed
//! log's cosignatures, the record carries them and `pebble verify`
//! checks them; a member shown a forked log refuses, and the server can
//! neither forge nor reuse a member's cosignature.

use counting::note::NoteVerifier;
use counting::policy::Policy;
use counting::witness::AddCheckpoint;
use counting::witness::member::{MemberRefusal, MemberWitness};
use pebble_domain::Phase;
use serde_json::json;

use crate::helpers::{As, Engine, TestApp, spawn_app_configured};
use crate::members::certify_all;
use crate::voting::{cast, close_voting, projects_by_cost};
use crate::witness::fork_stored_log;

/// The text of the page's element with id `id` (a textarea), if shown.
fn textarea(page: &str, id: &str) -> Option<String> {
    let start = page.find(&format!("id=\"{id}\""))?;
    let open = start + page[start..].find('>')? + 1;
    let close = open + page[open..].find("</textarea>")?;
    Some(page[open..close].replace("&amp;", "&"))
}

/// The word after `flag` in the page's offline command.
fn flag(page: &str, flag: &str) -> String {
    let at = page
        .find(flag)
        .unwrap_or_else(|| panic!("{flag} on the page"));
    page[at + flag.len()..]
        .split_whitespace()
        .next()
        .expect("a value")
        .to_owned()
}

/// What `username`'s page at `path` asks their browser to cosign, and
/// the line their key makes (or its refusal).
async fn cosign_from_page(
    app: &TestApp,
    who: &As,
    username: &str,
    path: &str,
) -> (u64, Result<String, MemberRefusal>) {
    let (status, page) = app.get_as(who, path).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("data-task=\"cosign\""),
        "the key tool: {page}"
    );
    let request = textarea(&page, "cosign-1-request").expect("the request");
    let request = AddCheckpoint::parse(&request).expect("a witness request");
    let handed = textarea(&page, "cosign-1-handed");
    let log = NoteVerifier::parse(&flag(&page, "--log-key ")).expect("the log key");
    let name = flag(&page, "--name ");
    let key = app.member_key(username);
    let size = request
        .checkpoint
        .lines()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a size");
    let witness = MemberWitness {
        key: &key,
        name: &name,
        log: &log,
        handed: handed.as_deref(),
        remembered: None,
    };
    (
        size,
        witness
            .cosign(&request, 1_765_000_000)
            .map(|(_, line)| line),
    )
}

async fn post(app: &TestApp, who: &As, page: &str, size: u64, line: &str) -> (u16, String) {
    let size = size.to_string();
    let form = [
        ("cycle", "1"),
        ("size", size.as_str()),
        ("cosignature", line),
    ];
    app.form_post(who, page, "/api/cosign-log", &form).await
}

/// Cycle 1 in voting with both demo members as witnesses, both needed.
async fn committee_witnessed(engine: Engine) -> (TestApp, tempfile::TempDir) {
    let app = spawn_app_configured(engine, Phase::Deliberation, None, |_| {}).await;
    let folder = tempfile::tempdir().expect("folder");
    let file = folder.path().join("policy.txt");
    std::fs::write(&file, "committee 3\nquorum committee\n").expect("policy file");
    let path = file.to_str().expect("path");
    let (ok, _, err) = app.pebble(&["cycle", "witnesses", "--cycle", "1", "--policy", path]);
    assert!(
        !ok && err.contains("policy line 1"),
        "two members, not three: {err}"
    );
    std::fs::write(
        &file,
        "# the whole committee\ncommittee all\nquorum committee\n",
    )
    .expect("policy file");
    let (ok, out, err) = app.pebble(&["cycle", "witnesses", "--cycle", "1", "--policy", path]);
    assert!(ok && out.contains("committee all"), "{out}{err}");
    let (ok, out, err) = app.pebble(&["cycle", "advance", "--cycle", "1"]);
    assert!(ok && out.contains("to voting"), "{out}{err}");
    (app, folder)
}

async fn policy(app: &TestApp) -> Policy {
    let (_, manifest) = app.get_json("/api/v1/cycles/1/manifest").await;
    Policy::parse(manifest["witness_policy"].as_str().expect("a policy")).expect("a policy")
}

async fn ballots(app: &TestApp, n: usize) {
    let projects = projects_by_cost(app).await;
    let ballots: Vec<_> = (0..n)
        .map(|i| json!({ "kind": "approval", "choices": [projects[i % 3]] }))
        .collect();
    cast(app, &ballots).await;
}

const KEYS: &str = "/committee/keys";
const DESK: &str = "/committee/count?cycle=1";

crate::on_both_engines!(
    the_committee_cosigns_the_opening_and_the_sealed_log_and_the_record_carries_it
);

async fn the_committee_cosigns_the_opening_and_the_sealed_log_and_the_record_carries_it(
    plain: TestApp,
) {
    let engine = plain.engine();
    drop(plain);
    let (app, folder) = committee_witnessed(engine).await;
    let frozen = policy(&app).await;
    let names: Vec<&str> = frozen.witnesses.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["committee-0", "committee-1"]);
    assert!(frozen.witnesses.iter().all(|w| w.url.is_none()));

    let okafor = app.sign_in("okafor").await;
    let lindqvist = app.sign_in("lindqvist").await;
    // Lindqvist cosigns the empty log as voting opens.
    let (size, line) = cosign_from_page(&app, &lindqvist, "lindqvist", KEYS).await;
    let line = line.expect("cosigned");
    assert_eq!(size, 0);
    // Okafor's line is not Lindqvist's, and nonsense is refused.
    for bad in ["— nobody AAAA", ""] {
        let (status, body) = app
            .call(
                &okafor,
                "/api/cosign-log",
                &[("cycle", "1"), ("size", "0"), ("cosignature", bad)],
            )
            .await;
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("not yours"), "{body}");
    }
    let (status, body) = app
        .call(
            &okafor,
            "/api/cosign-log",
            &[("cycle", "1"), ("size", "0"), ("cosignature", &line)],
        )
        .await;
    assert_eq!(status, 400, "another member's line: {body}");
    let (status, body) = app
        .call(
            &lindqvist,
            "/api/cosign-log",
            &[("cycle", "1"), ("size", "7"), ("cosignature", &line)],
        )
        .await;
    assert_eq!(status, 400, "a size past the log: {body}");
    let student = app.sign_in("maya.r").await;
    let (status, _) = app
        .call(
            &student,
            "/api/cosign-log",
            &[("cycle", "1"), ("size", "0"), ("cosignature", &line)],
        )
        .await;
    assert_eq!(status, 403, "only the committee witnesses");
    let (status, location) = post(&app, &lindqvist, KEYS, 0, &line).await;
    assert_eq!(
        (status, location.as_str()),
        (302, "/committee/keys?cosigned=1")
    );
    let (_, page) = app.get_as(&lindqvist, KEYS).await;
    assert!(
        page.contains("You have cosigned this checkpoint."),
        "{page}"
    );

    // Okafor comes later, when two ballots are in.
    ballots(&app, 2).await;
    let (size, line) = cosign_from_page(&app, &okafor, "okafor", KEYS).await;
    assert_eq!(size, 2);
    let (status, _) = post(&app, &okafor, KEYS, 2, &line.expect("cosigned")).await;
    assert_eq!(status, 302);
    ballots(&app, 3).await;
    close_voting(&app).await;

    // The count waits for the sealed log's cosignatures.
    let (_, desk) = app.get_as(&okafor, DESK).await;
    assert!(desk.contains("Witness the ballot log"), "{desk}");
    let (status, said) = app
        .call(&okafor, "/api/start-count", &[("cycle", "1")])
        .await;
    assert_eq!(status, 409, "{said}");
    for (who, name) in [(&okafor, "okafor"), (&lindqvist, "lindqvist")] {
        let (size, line) = cosign_from_page(&app, who, name, DESK).await;
        assert_eq!(size, 5);
        let (status, location) = post(
            &app,
            who,
            DESK,
            5,
            &line.expect("the seal extends what they cosigned"),
        )
        .await;
        assert_eq!(
            (status, location.as_str()),
            (302, "/committee/count?cycle=1&cosigned=1")
        );
    }
    let sealed = app.get("/log/1/checkpoint").await.1;
    assert!(frozen.check(&sealed).is_ok(), "met: {sealed}");
    let record = certify_all(&app).await;
    assert_eq!(record.log.checkpoint, sealed);
    let file = folder.path().join("record.json");
    std::fs::write(&file, serde_json::to_string(&record).expect("JSON")).expect("record");
    let (ok, out, err) = app.pebble(&["verify", file.to_str().expect("path")]);
    assert!(ok, "{out}{err}");
    // A record without one member's cosignature fails verification.
    let mut short = record.clone();
    short.log.checkpoint = sealed
        .lines()
        .filter(|l| !l.contains("/committee/1 "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, serde_json::to_string(&short).expect("JSON")).expect("record");
    let (ok, out, _) = app.pebble(&["verify", file.to_str().expect("path")]);
    assert!(!ok, "{out}");
}

crate::on_both_engines!(a_member_shown_a_forked_log_at_the_seal_refuses_to_cosign_it);

async fn a_member_shown_a_forked_log_at_the_seal_refuses_to_cosign_it(plain: TestApp) {
    let engine = plain.engine();
    drop(plain);
    let (app, _folder) = committee_witnessed(engine).await;
    let okafor = app.sign_in("okafor").await;
    ballots(&app, 5).await;
    let (_, line) = cosign_from_page(&app, &okafor, "okafor", KEYS).await;
    let (status, _) = post(&app, &okafor, KEYS, 5, &line.expect("cosigned")).await;
    assert_eq!(status, 302);
    // The database administrator rewrites entry 2 and every node.
    fork_stored_log(&app).await;
    ballots(&app, 3).await;
    close_voting(&app).await;
    let (size, refused) = cosign_from_page(&app, &okafor, "okafor", DESK).await;
    assert_eq!(size, 8);
    // The checkpoint of 5 entries the server hands back is now the
    // forked one: Okafor's cosignature does not verify on it. (A server
    // that kept the honest one to hand back has no consistency proof
    // from it to the fork: `counting::witness::member`'s tests.)
    assert_eq!(refused, Err(MemberRefusal::NotCosigned));
    let (status, _) = app
        .call(&okafor, "/api/start-count", &[("cycle", "1")])
        .await;
    assert_eq!(status, 409, "the count waits");
}
