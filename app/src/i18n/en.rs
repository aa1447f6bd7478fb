//! English.

use super::Strings;
use super::messages::Thing;
use crate::domain::problem::Problem;
use crate::domain::{Action, Phase};

/// English UI strings.
pub const STRINGS: Strings = Strings {
    skip_to_content: "Skip to content",
    tagline: "Participatory budgeting for schools",
    footer: "Pebble: students propose, the school community decides, anyone can verify the count.",
    account_menu: "Account and language",
    signed_in_as: "Signed in as",
    sign_in: "Sign in",
    sign_out: "Sign out",
    sign_in_help: "Accounts are created by your school's Pebble admin. Voting never needs an account: it uses a voter code.",
    username: "Username",
    password: "Password",
    language: "Language",
    change_language: "Change",
    admin_link: "Admin",
    proposals_heading: "Proposals",
    budget: "Budget",
    phase: "Phase",
    sort_label: "Sort proposals",
    sort_newest: "In order submitted",
    sort_cost: "Cheapest first",
    by: "by",
    comment_one: "comment",
    comment_many: "comments",
    loading: "Loading…",
    no_cycle: "No budget cycle has been set up yet.",
    load_failed: "This page could not be loaded. Please try again in a moment.",
    not_found: "Page not found",
    back_home: "Back to the home page",
    new_proposal: "Submit a proposal",
    proposals_closed: "Proposals can be submitted in the ideas phase. This cycle is now in the phase:",
    students_propose: "Students submit proposals.",
    title_label: "Title",
    summary_label: "Summary (one paragraph)",
    description_label: "Description",
    category_label: "Category",
    cost_label: "Estimated cost",
    submit_proposal: "Submit proposal",
    ballot_cost: "Cost on the ballot",
    merged_into: "Merged into",
    committee_note: "Committee's note",
    edit_proposal: "Edit your proposal",
    save_changes: "Save changes",
    review_heading: "Committee review",
    verdict: "Verdict",
    verdict_feasible: "Feasible: put it on the ballot",
    verdict_not_feasible: "Not feasible",
    verdict_merged: "Duplicate: merge into another proposal",
    merge_into: "Number of the proposal it duplicates",
    public_note: "Public note",
    save_review: "Save review",
    thread_heading: "Discussion",
    no_comments: "No comments yet. Be the first to say what you think.",
    thread_closed: "This discussion is closed: the cycle's results are certified.",
    sign_in_to_comment: "to join the discussion.",
    your_comment: "Your comment",
    post_comment: "Post comment",
    reply: "Reply",
    your_reply: "Your reply",
    post_reply: "Post reply",
    edit: "Edit",
    edit_comment: "Edit your comment",
    edited: "(edited)",
    report: "Report",
    report_reason: "What is wrong with this comment?",
    send_report: "Send report",
    reports: "reports",
    hide: "Hide",
    hide_reason: "Public reason for hiding it",
    hide_comment: "Hide comment",
    hidden_by_committee: "Hidden by the committee:",
    former_member: "Former member",
    thread_pages: "Discussion pages",
    previous: "Previous",
    next: "Next",
    admin_heading: "Cycle administration",
    admins_only: "Only an admin can manage the cycle. Sign in with an admin account.",
    move_to: "Move to the next phase:",
    last_phase: "This cycle is certified; it has no further phase.",
    filter_status: "Status",
    filter_all: "All",
    search: "Search",
    apply_filters: "Filter",
    no_matches: "No proposals match these filters.",
    clear_filters: "Show all proposals",
    role: "Role",
    role_student: "Student",
    role_family: "Family member",
    role_committee: "Committee member",
    role_admin: "Admin",
    display_name: "Display name",
    create_account: "Create an account",
    account_created: "Created",
    shown_once: "(shown only this once)",
    import_roster: "Import a roster",
    roster_help: "One account per line: username,display_name,role (student, family or committee). Each row is created or rejected on its own.",
    roster_csv: "Roster (CSV)",
    roster_report: "What happened to each row",
    line: "Line",
    result: "Result",
    rejected: "Rejected:",
    invite_codes: "Invite codes",
    make_invite: "Make an invite code",
    invite_made: "Invite code:",
    join: "Join with an invite code",
    invite_code: "Invite code",
    cycles_heading: "Cycles",
    new_cycle: "New cycle",
    cycle_settings: "Settings",
    draft_private: "Drafts are seen only by admins until they move to ideas.",
    cycle_name: "Name",
    school_name: "School or community",
    cycle_description: "What the budget is for",
    currency: "Currency (three letters, e.g. USD)",
    total_budget: "Total budget",
    ballot_heading: "Ballot",
    ballot_kind: "Ballot type",
    kind_approval: "Approval: pick projects within the budget",
    kind_ranked: "Ranked: put projects in order",
    kind_allocation: "Allocation: share out points",
    approval_limits: "Approval ballots",
    min_projects: "Fewest projects",
    max_projects: "Most projects (blank: no limit)",
    min_budget_percent: "Least share of the budget, in %",
    ranked_limits: "Ranked ballots",
    max_ranks: "Most projects ranked",
    allocation_limits: "Allocation ballots",
    points: "Points per voter",
    must_use_all: "Every point must be used",
    counting_heading: "Counting",
    rule: "Rule",
    rule_greedy: "Greedy: most votes first, while money lasts",
    rule_mes: "Method of Equal Shares",
    rule_irv: "Instant runoff (one winner)",
    rule_stv: "Single transferable vote (several seats)",
    completion: "Completion (equal shares only)",
    seats: "Seats (STV only)",
    tie_break: "Tie-break",
    tie_cheapest: "Cheaper project, then a seeded draw",
    tie_previous: "Earlier rounds, then a seeded draw (IRV, STV)",
    tie_id: "Project number (for cross-checks)",
    committee_heading: "Committee",
    no_committee_accounts: "There are no committee accounts yet: create them on the admin page first.",
    certify_k: "Signatures needed to certify (k of the members ticked)",
    create_cycle: "Create the cycle",
    save_settings: "Save settings",
    settings_saved: "Settings saved.",
    settings_frozen: "Voting has opened: the budget, ballot, rule, tie-break and committee are frozen. Only the name, school and description can still change.",
    save_text: "Save name and description",
    cycle_final: "This cycle is certified: its settings are final.",
    back_to_admin: "Back to cycle administration",
    image_heading: "Image",
    image_file: "Image file (PNG, JPEG or WebP)",
    image_hint: "At most 2 MB. A photo or drawing of the idea helps people picture it.",
    image_description: "Describe the image for people who cannot see it",
    upload_image: "Upload image",
    replace_image: "Replace image",
    remove_image: "Remove image",
    field_labels: [
        "The title",
        "The summary",
        "The description",
        "The category",
        "The estimated cost",
        "The ballot cost",
        "The comment",
        "The reason",
        "The public note",
        "The image description",
        "The display name",
    ],
    describe,
    // English messages name phases by their stored names.
    phase_words: Phase::SLUGS,
    phase_refusal,
    role_words: ["student", "family member", "committee member", "admin"],
    role_cannot: |role| format!("A {role} cannot do this."),
    sign_in_first: "Please sign in first.",
    enter_both: "Enter both your username and your password.",
    credentials_too_long: "That username or password is too long.",
    wrong_password: "That username and password do not match. Check both and try again.",
    too_many_attempts: |minutes| {
        format!(
            "Too many wrong passwords for this username. Wait {minutes} minutes and try again, or ask your school's Pebble admin."
        )
    },
    comment_rate: |n| format!("You can post {n} comments a minute; please wait a moment."),
    proposal_rate: |n| {
        format!(
            "You can submit {n} proposals an hour; please wait a while, or improve one you have sent."
        )
    },
    only_author_proposal: "Only the author can edit a proposal.",
    only_author_comment: "Only the author can edit a comment, and not once it is hidden.",
    edit_window: |minutes| {
        format!("Comments can be edited for {minutes} minutes after posting; reply instead.")
    },
    no_such: |thing, id| {
        let what = match thing {
            Thing::Proposal => "proposal",
            Thing::Comment => "comment",
            Thing::CommentInThread => "comment in this thread",
            Thing::Cycle => "cycle",
        };
        format!("There is no {what} number {id}.")
    },
    reply_to_number: |raw| format!("The comment to reply to must be a number, not '{raw}'."),
    internal_error: "Something went wrong on our side. Please try again in a moment.",
    form_unreadable: |detail| {
        format!(
            "The form could not be read ({detail}). Fill in every field with the kind of value it asks for."
        )
    },
    invite_unknown: "That invite code is not valid or was already used. Check it with whoever gave it to you.",
    username_taken: |name| format!("The username '{name}' is taken; choose another."),
    phases: [
        "Draft",
        "Ideas",
        "Review",
        "Deliberation",
        "Voting",
        "Counting",
        "Certified",
    ],
    statuses: ["Submitted", "Feasible", "Not feasible", "Merged", "Hidden"],
};

fn describe(problem: &Problem, label: &str) -> String {
    match problem {
        Problem::Required(_) => format!("{label} is required."),
        Problem::TooLong { length, max, .. } => {
            format!("{label} is {length} characters long; the limit is {max}.")
        }
        Problem::ControlCharacter(_) => format!("{label} contains a control character; remove it."),
        Problem::NotPositive(_) => format!("{label} must be more than zero."),
        Problem::AboveMax { max, .. } => format!("{label} is more than {max}."),
        Problem::NotAnAmount { raw, .. } => {
            format!("{label} must be an amount such as 1250 or 1250.50, not '{raw}'.")
        }
        Problem::NoImage => "Choose an image file to upload.".to_owned(),
        Problem::ImageTooBig { tenths_of_mb: t } => format!(
            "The image is {}.{} MB; the limit is 2 MB. Make it smaller and try again.",
            t / 10,
            t % 10
        ),
        Problem::NotAnImage => "That file is not a PNG, JPEG or WebP image.".to_owned(),
        Problem::UsernameLength { min, max, length } => {
            format!("The username must be {min} to {max} characters long, not {length}.")
        }
        Problem::UsernameCharacter(bad) => {
            format!("The username may use letters a–z, digits, '.', '_' and '-', not '{bad}'.")
        }
        Problem::PasswordLength { min, max } => {
            format!("The password must be {min} to {max} characters long.")
        }
    }
}

fn phase_refusal(action: Action, phase: &str) -> String {
    match action {
        Action::SubmitProposal => format!(
            "Proposals can only be submitted in the ideas phase; this cycle is in the {phase} phase."
        ),
        Action::EditOwnProposal => format!(
            "Proposals can only be edited in the ideas phase; this cycle is in the {phase} phase."
        ),
        Action::ReviewProposal => format!(
            "Proposals are reviewed in the review phase; this cycle is in the {phase} phase."
        ),
        Action::Comment | Action::ReportComment | Action::ModerateComment => {
            format!("Threads are read-only in the {phase} phase.")
        }
        Action::MovePhase | Action::ManageAccounts => format!("The {phase} phase is the last one."),
        Action::EditCycle => {
            format!("A cycle in the {phase} phase can no longer be edited: its record is final.")
        }
    }
}
