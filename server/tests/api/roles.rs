//! The role × action table: every server function and every `/api/v1`
//! route, tried by nobody, by each role, and by a committee member of
//! another cycle, with the demo cycle in a phase that allows the action.
//! Whoever may act gets the row's answer; anyone else a 401 (nobody
//! signed in) or a 403 that explains itself, and nothing changes.

mod api_v1;
mod functions;

use pebble_db::seed::PastRule;
use pebble_domain::Phase;

use crate::helpers::{As, Engine, TestApp, spawn_app_with};
use crate::members::{OTHER_MEMBER_PASSWORD, member_of_another_cycle};

/// Who tries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    /// Nobody signed in.
    Anonymous,
    /// A student.
    Student,
    /// A family member.
    Family,
    /// A member of the demo cycle's committee.
    Committee,
    /// A committee member of another cycle only.
    OtherCommittee,
    /// The admin.
    Admin,
}

use Person::{Admin, Anonymous, Committee, Family, OtherCommittee, Student};

/// Everyone, in the order they try.
pub const EVERYONE: &[Person] = &[Anonymous, Student, Family, Committee, OtherCommittee, Admin];
/// Everyone signed in.
pub const SIGNED_IN: &[Person] = &[Student, Family, Committee, OtherCommittee, Admin];
/// Both committee accounts, whichever cycle they sit on.
pub const COMMITTEE_ACCOUNTS: &[Person] = &[Committee, OtherCommittee];
/// The demo cycle's committee.
pub const MEMBERS: &[Person] = &[Committee];
/// The admin.
pub const ADMIN: &[Person] = &[Admin];
/// Nobody of the six (the action is its author's, who is not among them).
pub const NOBODY: &[Person] = &[];

impl Person {
    fn username(self) -> Option<&'static str> {
        match self {
            Anonymous | OtherCommittee => None,
            Student => Some("devon.t"),
            Family => Some("parent.chen"),
            Committee => Some("okafor"),
            Admin => Some("admin"),
        }
    }
}

/// How a row is called.
pub enum Call {
    /// A server function: a form POST as the app's JavaScript sends it.
    /// `$PASSWORD` in a value stands for the caller's own password.
    Post(&'static str, &'static [(&'static str, &'static str)]),
    /// A GET of a path (a GET server function, or an `/api/v1` route).
    Get(&'static str),
    /// A multipart upload of a one-pixel PNG for proposal 1.
    Upload(&'static str),
    /// A JSON POST to an `/api/v1` route.
    PostJson(&'static str, &'static str),
}

/// One action.
pub struct Row {
    /// What it does, in words.
    pub action: &'static str,
    /// The demo cycle's phase.
    pub phase: Phase,
    /// With last year's certified cycle (cycle 2) beside it.
    pub past: bool,
    /// The call.
    pub call: Call,
    /// Who may: they get `ok`.
    pub allowed: &'static [Person],
    /// The status the allowed get.
    pub ok: u16,
}

async fn session(app: &TestApp, person: Person, other: &As) -> As {
    match (person, person.username()) {
        (OtherCommittee, _) => other.clone(),
        (_, Some(name)) => app.sign_in(name).await,
        (_, None) => As::Anonymous,
    }
}

fn password(app: &TestApp, person: Person) -> String {
    match (person, person.username()) {
        (OtherCommittee, _) => OTHER_MEMBER_PASSWORD.to_owned(),
        (_, Some(name)) => app.password(name),
        (_, None) => String::new(),
    }
}

async fn send(app: &TestApp, who: &As, person: Person, call: &Call) -> (u16, String) {
    match call {
        Call::Post(path, form) => {
            let own = password(app, person);
            let form: Vec<(&str, &str)> = form
                .iter()
                .map(|&(name, value)| {
                    (
                        name,
                        if value == "$PASSWORD" {
                            own.as_str()
                        } else {
                            value
                        },
                    )
                })
                .collect();
            app.call(who, path, &form).await
        }
        Call::Get(path) => app.get_as(who, path).await,
        Call::PostJson(path, body) => {
            let mut request = app
                .client
                .post(format!("{}{path}", app.address))
                .header("content-type", "application/json")
                .body(*body);
            if let As::Session(cookie) = who {
                request = request.header("cookie", cookie);
            }
            let response = request.send().await.expect("POST");
            let status = response.status().as_u16();
            (status, response.text().await.expect("body"))
        }
        Call::Upload(path) => {
            let form = crate::images::upload_form(
                "1",
                crate::images::PIXEL_PNG.to_vec(),
                "a.png",
                "A pixel",
            );
            let (status, body, _) = app.upload(who, None, path, form).await;
            (status, body)
        }
    }
}

async fn run(engine: impl Fn() -> Option<Engine>, table: &[Row]) {
    for row in table {
        // A fresh demo per action. Within one, the tries do not disturb
        // each other: a refusal changes nothing, and each action is allowed
        // to one person or is one that any number of people may take.
        let Some(engine) = engine() else { return };
        let past = row.past.then_some(PastRule::Mes);
        let app = spawn_app_with(engine, row.phase, past).await;
        let other = member_of_another_cycle(&app).await;
        let mut public_bodies = Vec::new();
        for &person in EVERYONE {
            let who = session(&app, person, &other).await;
            let (status, body) = send(&app, &who, person, &row.call).await;
            let allowed = row.allowed.contains(&person);
            let expected = match (allowed, person) {
                (true, _) => row.ok,
                (false, Anonymous) => 401,
                (false, _) => 403,
            };
            assert_eq!(status, expected, "{person:?} may {}? {body}", row.action);
            if !allowed {
                assert!(
                    body.contains("sign in") || body.contains(" can") || body.contains("Only "),
                    "{person:?} / {}: the refusal explains itself: {body}",
                    row.action
                );
            }
            if let Call::Get(path) = row.call
                && path.starts_with("/api/v1/")
            {
                public_bodies.push(body);
            }
        }
        public_bodies.dedup();
        assert!(
            public_bodies.len() <= 1,
            "{}: the public API answers everyone alike: {public_bodies:?}",
            row.action
        );
    }
}

async fn every_server_function(engine: impl Fn() -> Option<Engine>) {
    run(engine, functions::TABLE).await;
}

async fn every_api_route(engine: impl Fn() -> Option<Engine>) {
    run(engine, api_v1::TABLE).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_by_person_on_sqlite() {
    every_server_function(|| Some(Engine::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_by_person_on_postgres() {
    every_server_function(Engine::postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_route_by_person_on_sqlite() {
    every_api_route(|| Some(Engine::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_route_by_person_on_postgres() {
    every_api_route(Engine::postgres).await;
}

#[test]
fn the_table_names_every_server_function_of_the_app() {
    let source_root = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src");
    let mut endpoints = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(source_root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the app's sources") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                for line in text
                    .lines()
                    .filter(|l| l.trim_start().starts_with("#[server("))
                {
                    let name = line
                        .split("endpoint = \"")
                        .nth(1)
                        .and_then(|r| r.split('"').next());
                    endpoints.push(format!("/api/{}", name.expect("an endpoint")));
                }
            }
        }
    }
    let tried: Vec<&str> = functions::TABLE
        .iter()
        .map(|row| match row.call {
            Call::Post(path, _) | Call::Upload(path) | Call::PostJson(path, _) => path,
            Call::Get(path) => path.split('?').next().unwrap_or(path),
        })
        .collect();
    let missing: Vec<&String> = endpoints
        .iter()
        .filter(|e| !tried.contains(&e.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions missing from the table: {missing:?}"
    );
}

crate::on_both_engines!(phase Ideas: only_the_author_edits_a_proposal);

async fn only_the_author_edits_a_proposal(app: TestApp) {
    let form = [
        ("id", "1"),
        ("title", "Water bottle refill stations (two)"),
        ("summary", "Two filtered bottle-fillers."),
        ("description", "By the gym and the science wing."),
        ("category", "Environment"),
        ("estimated_cost", "2800"),
    ];
    let other = app.sign_in("devon.t").await;
    let (status, body) = app.call(&other, "/api/edit-proposal", &form).await;
    assert_eq!(status, 403, "{body}");
    let author = app.sign_in("maya.r").await;
    let (status, body) = app.call(&author, "/api/edit-proposal", &form).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = app
        .call(&As::Anonymous, "/api/proposal", &[("id", "1")])
        .await;
    assert!(body.contains("(two)"), "{body}");
}
