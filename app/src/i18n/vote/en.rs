//! English.

use counting::BallotError as B;
use counting::receipt::Failure;
use pebble_domain::CodeError;
use pebble_domain::ballot_form::FormError as F;

use super::{Namer, VoteStrings};

fn plural(n: impl Into<u128>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn code_error(error: &CodeError) -> String {
    match error {
        CodeError::Length(n) => format!(
            "A voter code has 18 letters and digits; this one has {n}. Check the card again."
        ),
        CodeError::Character(c) => {
            format!("'{c}' is never part of a voter code: check that character.")
        }
        CodeError::Typo => "This code has a typo: check it letter by letter.".to_owned(),
    }
}

fn form_error(error: &F, name: &Namer) -> String {
    match error {
        F::NotAProject(text) => format!("'{text}' is not a project on this ballot."),
        F::NotARank { project, text } => format!(
            "The rank of “{}” must be a whole number from 1 (it is '{text}').",
            (name.project)(project)
        ),
        F::SameRank {
            rank,
            first,
            second,
        } => format!(
            "“{}” and “{}” both have rank {rank}; give each project its own number.",
            (name.project)(first),
            (name.project)(second)
        ),
        F::NotPoints { project, text } => format!(
            "The points for “{}” must be a whole number (they are '{text}').",
            (name.project)(project)
        ),
    }
}

fn ballot_error(error: &B, name: &Namer) -> String {
    let p = name.project;
    let m = name.money;
    match error {
        B::WrongKind { expected, .. } => format!("This cycle uses {expected} ballots."),
        B::UnknownProject(id) => format!("Project {id} is not on this ballot."),
        B::RankedTwice(id) => format!("“{}” is ranked more than once.", p(id)),
        B::OverBudget {
            total,
            budget,
            over,
        } => format!(
            "The projects you picked cost {}, which is {} over the budget of {}. Remove a project.",
            m(*total),
            m(*over),
            m(*budget)
        ),
        B::TooFewProjects { min, got } => format!(
            "Pick at least {} (you picked {got}).",
            plural(*min, "project", "projects")
        ),
        B::TooManyProjects { max, got } => format!(
            "Pick at most {} (you picked {got}).",
            plural(*max, "project", "projects")
        ),
        B::BelowMinimumShare {
            percent,
            needed,
            total,
        } => format!(
            "The projects you pick must cost at least {percent}% of the budget ({}); they cost {}.",
            m(*needed),
            m(*total)
        ),
        B::NothingRanked => "Rank at least one project.".to_owned(),
        B::TooManyRanks { max, got } => format!(
            "Rank at most {} (you ranked {got}).",
            plural(*max, "project", "projects")
        ),
        B::ZeroPoints(id) => format!("“{}” has zero points; leave it out instead.", p(id)),
        B::TooManyPoints { total, limit } => {
            format!("You gave {total} points but have only {limit}.")
        }
        B::MustUseAllPoints { total, limit } => {
            format!("Use all {limit} points (you gave {total}).")
        }
    }
}

/// The English voting strings.
pub static VOTE: VoteStrings = VoteStrings {
    vote_title: "Vote",
    voting_open: "Voting is open. Bring the code from your card (or scan its QR code).",
    vote_now: "Vote now",
    code_label: "Your voter code",
    code_help: "It is on the card you were given: 18 letters and digits. Spaces and dashes do not matter.",
    code_looks_right: "This code is typed correctly.",
    open_ballot: "Open my ballot",
    code_error,
    no_voting: "No cycle is open for voting right now.",
    choose_cycle: "Choose the cycle your code is for",
    not_cast_yet: "Not cast yet: your ballot counts only once you cast it.",
    approval_help: |budget| format!("Pick the projects you want funded, up to {budget} in all."),
    ranked_help: |k| {
        format!(
            "Rank up to {}, your favourite first.",
            plural(k, "project", "projects")
        )
    },
    allocation_help: |points, all| {
        if all {
            format!("Share out all {points} points among the projects you want funded.")
        } else {
            format!("Share out up to {points} points among the projects you want funded.")
        }
    },
    spent_left: |spent, left| format!("Spent {spent} · left {left}"),
    picked_count: |n, min, max| {
        let picked = plural(u32::try_from(n).unwrap_or(u32::MAX), "project", "projects");
        match (min, max) {
            (0, None) => format!("{picked} picked."),
            (0, Some(max)) => format!("{picked} picked (at most {max})."),
            (min, None) => format!("{picked} picked (at least {min})."),
            (min, Some(max)) => format!("{picked} picked (from {min} to {max})."),
        }
    },
    least_share: |percent, needed, met| {
        if met {
            format!("At least {percent}% of the budget ({needed}): reached.")
        } else {
            format!("At least {percent}% of the budget ({needed}): not reached yet.")
        }
    },
    does_not_fit: "Does not fit what is left",
    points_left: |left, all| format!("{left} of {all} points left"),
    points_for: |title| format!("Points for {title}"),
    points_over: |over, all| {
        format!("{over} points over: you have {all} to give. Take {over} off before you review.")
    },
    more_points: |title| format!("One more point for {title}"),
    fewer_points: |title| format!("One point less for {title}"),
    rank_for: |title| format!("Rank of {title} (1 is your first choice)"),
    ranked_item: |title, at, total| format!("{title}, rank {at} of {total}"),
    ranking_keys: "To move a project, focus it and press the up or down arrow (or Alt with an arrow from its buttons).",
    ranking_full: |k| {
        format!(
            "You have ranked the most projects allowed ({k}). Take one out of your ranking to rank another."
        )
    },
    your_ranking: "Your ranking",
    nothing_ranked: "Nothing ranked yet: add projects from the list below.",
    not_ranked: "Projects not ranked",
    rank_it: |title| format!("Rank {title}"),
    move_up: |title| format!("Move {title} up"),
    move_down: |title| format!("Move {title} down"),
    unrank: |title| format!("Remove {title} from the ranking"),
    now_at: |title, at, of| format!("{title} is now number {at} of {of}."),
    left_ranking: |title| format!("{title} was removed from the ranking."),
    read_more: "Proposal and discussion (opens in a new tab)",
    review: "Review my ballot",
    review_title: "Check your ballot before casting it",
    funding: |n, spent, budget| {
        format!(
            "You are funding {} for {spent} of {budget}.",
            plural(u32::try_from(n).unwrap_or(u32::MAX), "project", "projects")
        )
    },
    ranking: |n| {
        format!(
            "You ranked {}:",
            plural(u32::try_from(n).unwrap_or(u32::MAX), "project", "projects")
        )
    },
    giving: |given, all| format!("You gave {given} of your {all} points:"),
    change: "Change my ballot",
    cast: "Cast my ballot",
    casting: "Casting…",
    cannot_cast: "This ballot cannot be cast yet:",
    form_error,
    ballot_error,
    code_refused: "This code cannot vote in this cycle: it is not one of its codes, or it has already been used. Nothing was recorded.",
    too_many_tries: |wait| {
        format!(
            "Too many codes that could not vote were tried from here. Wait {wait} seconds, check your code and try again."
        )
    },
    voting_closed: "Voting is not open in this cycle. Nothing was recorded.",
    busy: "The ballot log is busy right now; nothing was recorded. Please try again.",
    duplicate: "This ballot, with the same nonce, is already in the log: it was cast before, and nothing was recorded twice. Its receipt can be found by its leaf hash.",
    receipt_unknown: "No entry of this cycle's ballot log matches this receipt.",
    no_such_cycle: "There is no such cycle. Check the address or the code card. Nothing was recorded.",
    nothing_recorded: "Nothing was recorded.",
    internal: "Something went wrong on the server; nothing was recorded. Please try again.",
    bad_nonce: "The nonce must be 32 hexadecimal digits (16 bytes), or left out.",
    cast_title: "Your ballot is cast",
    receipt_intro: "This is your receipt. Keep it (print it, save it or write down the tracker code): with it you can check, now or later, that your ballot is in the ballot log, unchanged. It does not say who you are.",
    log_index: "Log index",
    tracker: "Tracker code",
    leaf_hash: "Leaf hash",
    checkpoint: "Checkpoint (signed)",
    download_receipt: "Download the receipt",
    print_receipt: "Print the receipt",
    check_receipt: "Check my receipt",
    shared_notice: "Shared device: after each ballot is cast the page clears itself for the next voter.",
    next_voter: "Done: clear for the next voter",
    clearing_in: |s| {
        let unit = if s == 1 { "second" } else { "seconds" };
        format!(
            "No input for a while: this ballot clears in {s} {unit}. Press \"I am still voting\" to keep it."
        )
    },
    still_here: "I am still voting",
    cleared: "The page was cleared for the next voter.",
    enter_code_first: "This tab holds no ballot. Enter your voter code to open the ballot.",
    try_again_safely: "Your ballot is not in the log. Press \"Cast my ballot\" again: it is safe, the same ballot can only be recorded once.",
    voted_in_tab: "This tab keeps the receipt of the ballot cast here. To vote with another code, type it below.",
    see_receipt: "See its receipt",
    not_sent: "Your ballot was not sent from this page (it was opened directly, or the form expired). Open the ballot again with your code.",
    cast_before: "Your ballot was already cast: this is its receipt. Nothing was recorded twice.",
    receipt_title: "Check my receipt",
    receipt_help: "Paste your receipt (the downloaded file's text) or choose the file. Your browser fetches the ballot log's proof and checks it itself, with the log's public key from the frozen ballot.",
    receipt_label: "Receipt",
    receipt_file: "Or choose the receipt file",
    check: "Check",
    checking: "Checking…",
    receipt_ok: "Your ballot is in the ballot log, unchanged.",
    verified_signature: "The checkpoint is signed with this cycle's log key.",
    verified_inclusion: |index, size| {
        let entries = if size == 1 { "entry" } else { "entries" };
        format!("Entry {index} is in the log of {size} {entries} (inclusion proof verified).")
    },
    verified_consistency: |from, to| {
        format!(
            "The log of {to} {} extends the one of {from} your receipt was given with (consistency proof verified): nothing was removed or changed.",
            if to == 1 { "entry" } else { "entries" }
        )
    },
    verified_manifest: "The entry names this cycle's frozen ballot (manifest hash checked).",
    ballot_in_log: "The ballot the log holds for this receipt",
    receipt_rejected: "This receipt could not be verified",
    receipt_unreadable: "This is not a receipt. Paste the whole text of the downloaded receipt file (it starts with {, or with c2sp.org/tlog-proof@v1 for a .tlog-proof file), or choose the file.",
    save_proof: "Save this check as an offline proof (.tlog-proof)",
    save_proof_help: "The file holds your entry, its place in the log and the log's signed checkpoint with its witnesses' cosignatures: anyone can check it later with no network (pebble-verify receipt).",
    receipt_text_help: "Paste the receipt (the downloaded file's text, or a .tlog-proof file's), or type the tracker code on it (like K7QX-M2PA), or a paper ballot's serial.",
    cycle_label: "Cycle",
    choose_cycle_to_check: "Choose the cycle the tracker code or serial belongs to.",
    checked_by_server: "Your browser is not running JavaScript, so this check was made by this server, not by your browser. A server could lie about its own log: to check independently, open this page with JavaScript on, or run pebble-verify on the published record.",
    check_independently: "To check without trusting this server: open this page with JavaScript on (your browser then checks every proof itself), or, once the results are published, download the election record and run pebble-verify on it.",
    ballot_published_later: "Your entry is in the log. The ballots themselves are published with the results; until then only the receipt file your browser saved shows your own ballot.",
    receipt_problem: |e| {
        match e {
        Failure::Manifest => "The frozen ballot the server sent is damaged.".to_owned(),
        Failure::Checkpoint => "The log's checkpoint is not signed with this cycle's log key.".to_owned(),
        Failure::ReceiptCheckpoint => "The checkpoint on your receipt is not signed with this cycle's log key: the receipt was altered or is not from this cycle.".to_owned(),
        Failure::OtherLeaf => "The log's entry at this index is not the one on your receipt: the receipt was altered, or the log was.".to_owned(),
        Failure::OtherCopy => "The ballot kept with your receipt is not the one its leaf hash names: the receipt file was altered.".to_owned(),
        Failure::Entry => "The log's entry is damaged.".to_owned(),
        Failure::OtherManifest => "The entry was cast on another ballot than this cycle's.".to_owned(),
        Failure::NotIncluded => "The log does not prove that it holds your entry.".to_owned(),
        Failure::NotConsistent => "The log now is not an extension of the log your receipt was given with: something was removed or changed. Tell the budget committee.".to_owned(),
    }
    },
    compare_checkpoint: "Compare this checkpoint with the one posted at school:",
    verifier_unavailable: "Your browser could not load the receipt check. Check your connection and try again.",
};
