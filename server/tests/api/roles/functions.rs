//! Every server function of the app, one row each (the test beside the
//! table fails when a new one is missing).

use pebble_domain::Phase;

use super::{ADMIN, COMMITTEE_ACCOUNTS, Call, EVERYONE, MEMBERS, NOBODY, Row, SIGNED_IN};

const ZEROS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const fn row(
    action: &'static str,
    phase: Phase,
    call: Call,
    allowed: &'static [super::Person],
    ok: u16,
) -> Row {
    Row {
        action,
        phase,
        past: false,
        call,
        allowed,
        ok,
    }
}

/// The table.
pub const TABLE: &[Row] = &[
    // Reading and session.
    row(
        "read the home page",
        Phase::Deliberation,
        Call::Post("/api/home", &[]),
        EVERYONE,
        200,
    ),
    row(
        "say who is signed in",
        Phase::Deliberation,
        Call::Post("/api/whoami", &[]),
        EVERYONE,
        200,
    ),
    row(
        "sign in with a wrong password",
        Phase::Deliberation,
        Call::Post(
            "/api/sign-in",
            &[("username", "nobody.here"), ("password", "not it at all")],
        ),
        EVERYONE,
        401,
    ),
    row(
        "sign out",
        Phase::Deliberation,
        Call::Post("/api/sign-out", &[]),
        EVERYONE,
        200,
    ),
    row(
        "sign out on every device",
        Phase::Deliberation,
        Call::Post("/api/sign-out-everywhere", &[]),
        SIGNED_IN,
        200,
    ),
    row(
        "join with an unknown invite",
        Phase::Deliberation,
        Call::Post(
            "/api/join",
            &[
                ("code", "NOT-A-CODE"),
                ("username", "new.one"),
                ("display_name", "New One"),
                ("password", "a long enough password"),
            ],
        ),
        EVERYONE,
        400,
    ),
    row(
        "choose a language",
        Phase::Deliberation,
        Call::Post("/api/language", &[("lang", "es")]),
        EVERYONE,
        200,
    ),
    row(
        "ask whether to choose a password",
        Phase::Deliberation,
        Call::Post("/api/account-state", &[]),
        SIGNED_IN,
        200,
    ),
    row(
        "change one's password (too short)",
        Phase::Deliberation,
        Call::Post(
            "/api/change-password",
            &[
                ("current", "$PASSWORD"),
                ("new", "short"),
                ("again", "short"),
            ],
        ),
        SIGNED_IN,
        400,
    ),
    // Proposals and threads.
    row(
        "read a proposal",
        Phase::Deliberation,
        Call::Post("/api/proposal", &[("id", "1")]),
        EVERYONE,
        200,
    ),
    row(
        "submit a proposal",
        Phase::Ideas,
        Call::Post(
            "/api/submit-proposal",
            &[
                ("cycle_id", "1"),
                ("title", "Bike racks"),
                ("summary", "Covered racks by the gate."),
                ("description", "Twenty spaces."),
                ("category", "Spaces"),
                ("estimated_cost", "1200"),
            ],
        ),
        &[super::Person::Student],
        200,
    ),
    row(
        "edit another's proposal",
        Phase::Ideas,
        Call::Post(
            "/api/edit-proposal",
            &[
                ("id", "1"),
                ("title", "Water bottle refill stations"),
                ("summary", "Filtered bottle-fillers."),
                ("description", "By the gym."),
                ("category", "Environment"),
                ("estimated_cost", "2800"),
            ],
        ),
        NOBODY,
        200,
    ),
    row(
        "upload another's proposal image",
        Phase::Ideas,
        Call::Upload("/api/proposal-image"),
        NOBODY,
        200,
    ),
    row(
        "remove another's proposal image",
        Phase::Ideas,
        Call::Post("/api/remove-proposal-image", &[("proposal_id", "1")]),
        NOBODY,
        200,
    ),
    row(
        "review a proposal",
        Phase::Review,
        Call::Post(
            "/api/review-proposal",
            &[
                ("id", "1"),
                ("verdict", "feasible"),
                ("ballot_cost", "2800"),
                ("note", "Quote checked."),
            ],
        ),
        MEMBERS,
        200,
    ),
    row(
        "merge a proposal into another",
        Phase::Review,
        Call::Post(
            "/api/review-proposal",
            &[
                ("id", "2"),
                ("verdict", "merged"),
                ("merge_into", "1"),
                ("note", "The same idea."),
            ],
        ),
        MEMBERS,
        200,
    ),
    row(
        "read a thread",
        Phase::Deliberation,
        Call::Post("/api/thread", &[("proposal_id", "1"), ("page", "0")]),
        EVERYONE,
        200,
    ),
    row(
        "comment",
        Phase::Deliberation,
        Call::Post(
            "/api/post-comment",
            &[("proposal_id", "1"), ("body", "I agree.")],
        ),
        SIGNED_IN,
        200,
    ),
    row(
        "reply",
        Phase::Deliberation,
        Call::Post(
            "/api/post-comment",
            &[
                ("proposal_id", "1"),
                ("parent_id", "1"),
                ("body", "Me too."),
            ],
        ),
        SIGNED_IN,
        200,
    ),
    row(
        "edit one's own comment (devon.t wrote comment 1)",
        Phase::Deliberation,
        Call::Post(
            "/api/edit-comment",
            &[("comment_id", "1"), ("body", "Changed.")],
        ),
        &[super::Person::Student],
        200,
    ),
    row(
        "report a comment",
        Phase::Deliberation,
        Call::Post(
            "/api/report-comment",
            &[("comment_id", "1"), ("reason", "Off topic.")],
        ),
        SIGNED_IN,
        200,
    ),
    row(
        "hide a comment",
        Phase::Deliberation,
        Call::Post(
            "/api/hide-comment",
            &[("comment_id", "1"), ("reason", "Off topic.")],
        ),
        MEMBERS,
        200,
    ),
    // Administration.
    row(
        "create an account",
        Phase::Deliberation,
        Call::Post(
            "/api/create-account",
            &[
                ("username", "new.person"),
                ("display_name", "New Person"),
                ("role", "family"),
            ],
        ),
        ADMIN,
        200,
    ),
    row(
        "import a roster",
        Phase::Deliberation,
        Call::Post(
            "/api/import-roster",
            &[(
                "csv",
                "username,display_name,role\nrow.one,Row One,student\n",
            )],
        ),
        ADMIN,
        200,
    ),
    row(
        "make an invite code",
        Phase::Deliberation,
        Call::Post("/api/create-invite", &[("role", "student")]),
        ADMIN,
        200,
    ),
    row(
        "list the cycles",
        Phase::Deliberation,
        Call::Post("/api/cycles", &[]),
        ADMIN,
        200,
    ),
    row(
        "open a cycle's editor",
        Phase::Deliberation,
        Call::Post("/api/cycle-editor", &[("id", "1")]),
        ADMIN,
        200,
    ),
    row(
        "create a cycle",
        Phase::Deliberation,
        Call::Post("/api/create-cycle", crate::cycles::NEW_CYCLE),
        ADMIN,
        200,
    ),
    row(
        "change a cycle's settings",
        Phase::Deliberation,
        Call::Post("/api/update-cycle", crate::cycles::UPDATE_CYCLE),
        ADMIN,
        200,
    ),
    row(
        "rename a cycle",
        Phase::Voting,
        Call::Post(
            "/api/rename-cycle",
            &[
                ("cycle_id", "1"),
                ("name", "Riverside Budget 2027"),
                ("school", "Riverside High"),
                ("description", "Same budget, shorter name."),
            ],
        ),
        ADMIN,
        200,
    ),
    row(
        "move the phase",
        Phase::Ideas,
        Call::Post(
            "/api/advance-phase",
            &[("cycle_id", "1"), ("from", "ideas")],
        ),
        ADMIN,
        200,
    ),
    row(
        "issue voter codes",
        Phase::Voting,
        Call::Post(
            "/api/issue-codes",
            &[("cycle_id", "1"), ("group", "Grade 9"), ("count", "3")],
        ),
        ADMIN,
        200,
    ),
    // Voting and receipts: anyone, no account.
    row(
        "open the code step",
        Phase::Voting,
        Call::Post("/api/vote-start", &[("cycle", "1")]),
        EVERYONE,
        200,
    ),
    row(
        "check a malformed code",
        Phase::Voting,
        Call::Post("/api/check-code", &[("cycle", "1"), ("code", "NOT-A-CODE")]),
        EVERYONE,
        400,
    ),
    row(
        "cast with a malformed code",
        Phase::Voting,
        Call::Post(
            "/api/cast-ballot",
            &[("cycle", "1"), ("code", "NOT-A-CODE")],
        ),
        EVERYONE,
        400,
    ),
    row(
        "find an entry by its leaf",
        Phase::Voting,
        Call::Post("/api/find-entry", &[("cycle", "1"), ("leaf", ZEROS)]),
        EVERYONE,
        200,
    ),
    row(
        "list the cycles with receipts",
        Phase::Voting,
        Call::Post("/api/receipt-cycles", &[]),
        EVERYONE,
        200,
    ),
    row(
        "fetch a receipt's evidence",
        Phase::Voting,
        Call::Post("/api/receipt-evidence", &[("cycle", "1"), ("index", "0")]),
        EVERYONE,
        404,
    ),
    row(
        "look a receipt up",
        Phase::Voting,
        Call::Post(
            "/api/receipt-lookup",
            &[("cycle", "1"), ("lookup", "ABCD-EFGH")],
        ),
        EVERYONE,
        200,
    ),
    Row {
        action: "read last year's results",
        phase: Phase::Deliberation,
        past: true,
        call: Call::Post("/api/cycle-results", &[("cycle", "2")]),
        allowed: EVERYONE,
        ok: 200,
    },
    // The committee's keys and commitments.
    row(
        "open one's committee key page",
        Phase::Deliberation,
        Call::Post("/api/key-desk", &[]),
        COMMITTEE_ACCOUNTS,
        200,
    ),
    row(
        "register a malformed key",
        Phase::Deliberation,
        Call::Post("/api/register-key", &[("public_key", "not a key")]),
        COMMITTEE_ACCOUNTS,
        400,
    ),
    row(
        "commit to a tie-break secret",
        Phase::Deliberation,
        Call::Post(
            "/api/commit-tiebreak",
            &[("cycle", "1"), ("salt", "zz"), ("commitment", "zz")],
        ),
        MEMBERS,
        400,
    ),
    row(
        "cosign the ballot log as a witness (the demo's policy asks none)",
        Phase::Voting,
        Call::Post(
            "/api/cosign-log",
            &[("cycle", "1"), ("size", "0"), ("cosignature", "— x AAAA")],
        ),
        MEMBERS,
        409,
    ),
    // Paper ballots.
    row(
        "open the paper desk",
        Phase::Voting,
        Call::Post("/api/paper-desk", &[("cycle", "1")]),
        MEMBERS,
        200,
    ),
    row(
        "print paper ballots",
        Phase::Voting,
        Call::Post("/api/print-paper", &[("cycle", "1"), ("count", "1")]),
        MEMBERS,
        200,
    ),
    row(
        "open a print run",
        Phase::Voting,
        Call::Post("/api/paper-run", &[("cycle", "1"), ("batch", "99")]),
        MEMBERS,
        404,
    ),
    row(
        "key a paper ballot",
        Phase::Voting,
        Call::Post(
            "/api/key-paper",
            &[("cycle", "1"), ("serial", "AAAA-AAAA-AAAA")],
        ),
        MEMBERS,
        404,
    ),
    row(
        "resolve a paper mismatch",
        Phase::Voting,
        Call::Post(
            "/api/resolve-paper",
            &[
                ("cycle", "1"),
                ("serial", "AAAA-AAAA-AAAA"),
                ("resolution", "void"),
                ("reason", "Torn."),
            ],
        ),
        MEMBERS,
        404,
    ),
    // The count.
    row(
        "open the count desk",
        Phase::Counting,
        Call::Post("/api/count-desk", &[("cycle", "1")]),
        MEMBERS,
        200,
    ),
    row(
        "reveal a secret that opens nothing",
        Phase::Counting,
        Call::Post("/api/reveal-secret", &[("cycle", "1"), ("secret", ZEROS)]),
        MEMBERS,
        400,
    ),
    row(
        "run the count",
        Phase::Counting,
        Call::Post("/api/start-count", &[("cycle", "1")]),
        MEMBERS,
        409,
    ),
    row(
        "decide on the record",
        Phase::Counting,
        Call::Post(
            "/api/decide-record",
            &[("cycle", "1"), ("note", "not a note")],
        ),
        MEMBERS,
        400,
    ),
    row(
        "download the record to sign",
        Phase::Counting,
        Call::Get("/api/committee-record?cycle=1"),
        MEMBERS,
        409,
    ),
];
