//! The role × action table: every server function that changes
//! something, tried by nobody and by each role, in a phase that allows it.

use crate::helpers::{As, Engine, TestApp, spawn_app_in};
use pebble_domain::Phase;

/// Who tries; `None` is nobody signed in.
const PEOPLE: [(&str, Option<&str>); 5] = [
    ("anonymous", None),
    ("student", Some("devon.t")),
    ("family", Some("parent.chen")),
    ("committee", Some("okafor")),
    ("admin", Some("admin")),
];

struct Row {
    action: &'static str,
    phase: Phase,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    allowed: &'static [&'static str],
}

const TABLE: &[Row] = &[
    Row {
        action: "submit a proposal",
        phase: Phase::Ideas,
        path: "/api/submit-proposal",
        form: &[
            ("cycle_id", "1"),
            ("title", "Bike racks"),
            ("summary", "Covered racks by the gate."),
            ("description", "Twenty spaces."),
            ("category", "Spaces"),
            ("estimated_cost", "1200"),
        ],
        allowed: &["student"],
    },
    Row {
        action: "review a proposal",
        phase: Phase::Review,
        path: "/api/review-proposal",
        form: &[
            ("id", "1"),
            ("verdict", "feasible"),
            ("ballot_cost", "2800"),
            ("note", "Quote checked."),
        ],
        allowed: &["committee"],
    },
    Row {
        action: "comment",
        phase: Phase::Deliberation,
        path: "/api/post-comment",
        form: &[("proposal_id", "1"), ("body", "I agree.")],
        allowed: &["student", "family", "committee", "admin"],
    },
    Row {
        action: "reply",
        phase: Phase::Deliberation,
        path: "/api/post-comment",
        form: &[
            ("proposal_id", "1"),
            ("parent_id", "1"),
            ("body", "Me too."),
        ],
        allowed: &["student", "family", "committee", "admin"],
    },
    Row {
        action: "report a comment",
        phase: Phase::Deliberation,
        path: "/api/report-comment",
        form: &[("comment_id", "1"), ("reason", "Off topic.")],
        allowed: &["student", "family", "committee", "admin"],
    },
    Row {
        action: "hide a comment",
        phase: Phase::Deliberation,
        path: "/api/hide-comment",
        form: &[("comment_id", "1"), ("reason", "Off topic.")],
        allowed: &["committee"],
    },
    Row {
        action: "create an account",
        phase: Phase::Deliberation,
        path: "/api/create-account",
        form: &[
            ("username", "new.person"),
            ("display_name", "New Person"),
            ("role", "family"),
        ],
        allowed: &["admin"],
    },
    Row {
        action: "import a roster",
        phase: Phase::Deliberation,
        path: "/api/import-roster",
        form: &[(
            "csv",
            "username,display_name,role\nrow.one,Row One,student\n",
        )],
        allowed: &["admin"],
    },
    Row {
        action: "make an invite code",
        phase: Phase::Deliberation,
        path: "/api/create-invite",
        form: &[("role", "student")],
        allowed: &["admin"],
    },
    Row {
        action: "create a cycle",
        phase: Phase::Deliberation,
        path: "/api/create-cycle",
        form: crate::cycles::NEW_CYCLE,
        allowed: &["admin"],
    },
    Row {
        action: "change a cycle's settings",
        phase: Phase::Deliberation,
        path: "/api/update-cycle",
        form: crate::cycles::UPDATE_CYCLE,
        allowed: &["admin"],
    },
    Row {
        action: "rename a cycle",
        phase: Phase::Voting,
        path: "/api/rename-cycle",
        form: &[
            ("cycle_id", "1"),
            ("name", "Riverside Budget 2027"),
            ("school", "Riverside High"),
            ("description", "Same budget, shorter name."),
        ],
        allowed: &["admin"],
    },
    Row {
        action: "move the phase",
        phase: Phase::Ideas,
        path: "/api/advance-phase",
        form: &[("cycle_id", "1"), ("from", "ideas")],
        allowed: &["admin"],
    },
];

async fn role_by_action_table(engine: impl Fn() -> Option<Engine>) {
    for row in TABLE {
        // A fresh cycle per action. Within one, the tries do not disturb
        // each other: a refusal changes nothing, and each action is allowed
        // to one role or is one that any number of people may take.
        let Some(engine) = engine() else { return };
        let app: TestApp = spawn_app_in(engine, row.phase).await;
        for (role, username) in PEOPLE {
            let who = match username {
                Some(name) => app.sign_in(name).await,
                None => As::Anonymous,
            };
            let (status, body) = app.call(&who, row.path, row.form).await;
            let expected = if row.allowed.contains(&role) {
                200
            } else if username.is_none() {
                401
            } else {
                403
            };
            assert_eq!(status, expected, "{role} may {}? {body}", row.action);
            if expected != 200 {
                assert!(
                    body.contains("sign in") || body.contains("cannot do this"),
                    "{role} / {}: the refusal explains itself: {body}",
                    row.action
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn role_by_action_table_on_sqlite() {
    role_by_action_table(|| Some(Engine::Sqlite)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn role_by_action_table_on_postgres() {
    role_by_action_table(Engine::postgres).await;
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
