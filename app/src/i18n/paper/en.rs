//! English.

use pebble_domain::SerialError;

use super::PaperStrings;

fn serial_error(error: &SerialError) -> String {
    match error {
        SerialError::Length(n) => format!(
            "A paper ballot's serial has 12 letters and digits; this one has {n}. Check the top of the ballot."
        ),
        SerialError::Character(c) => {
            format!("'{c}' is never part of a serial: check that character.")
        }
    }
}

/// English.
pub static PAPER: PaperStrings = PaperStrings {
    spoiled_tally: |n| format!("Spoiled: {n}."),
    waiting_heading: |n| format!("Waiting for the committee: {n}"),
    waiting_help: "These paper ballots were keyed once, or their two entries differ. Voting cannot close until each is keyed by a second member or resolved: once the log is sealed it takes nothing more.",
    keyed_spoiled: "Keyed as spoiled.",
    status_spoiled: "spoiled: counted as such, not in the log",
    keys_approval: "Tick each project whose box is marked on the paper ballot.",
    keys_ranked: "Type the number written in each project's box on the paper ballot; leave blank the boxes left blank.",
    keys_allocation: "Type the points written in each project's box on the paper ballot; leave blank the boxes left blank.",
    spoiled_label: "This paper ballot is spoiled",
    spoiled_help: "Marked beyond the ballot's limits (over the budget, too many projects, points over the total) or unreadable. A second member keys it too; if both say spoiled it is counted as spoiled and enters no log.",
    keyed_spoiled_both: |serial| {
        format!(
            "Both entries for {serial} say spoiled: it is counted as spoiled and enters no log."
        )
    },
    desk_title: "Paper ballots",
    desk_intro: "Each paper ballot is keyed twice, by two different committee members who do not see each other's entry. When the two entries match, the ballot goes into the ballot log; when they differ, it waits below for the committee.",
    tally: |open, logged, mismatch, voided| {
        format!(
            "{open} waiting for entries · {logged} in the log · {mismatch} mismatched · {voided} voided"
        )
    },
    print_heading: "Print paper ballots",
    print_help: "Each ballot gets its own random serial. The page that opens holds this print run only; print it from the browser.",
    print_count: "How many ballots",
    print_button: "Make the ballots",
    key_heading: "Key a paper ballot",
    key_help: "Type the serial printed on the ballot and mark exactly what the voter marked. Another member keys the same ballot without seeing your entry.",
    serial_label: "Serial (as printed, for example ABCD-EFGH-JKLM)",
    key_button: "Save my entry",
    keyed_waiting: |serial| {
        format!("Your entry for {serial} is saved. Another committee member keys it next.")
    },
    keyed_logged: |serial, index| {
        format!("Both entries for {serial} match: the ballot is in the log as entry {index}.")
    },
    keyed_mismatch: |serial| {
        format!("The two entries for {serial} differ: it waits in the mismatch queue below.")
    },
    resolved: |serial, voided| {
        if voided {
            format!("{serial} is voided; the reason is kept in the record.")
        } else {
            format!("{serial} is cleared for keying again, twice.")
        }
    },
    yours_heading: "Your entries",
    yours_none: "You have not keyed a paper ballot in this cycle yet.",
    status_open: "waiting for a second entry",
    status_logged: "in the log",
    status_mismatch: "mismatch: waits for the committee",
    status_voided: "voided",
    queue_heading: "Mismatches",
    queue_none: "No mismatch is waiting.",
    keyed_by: |name| format!("Keyed by {name}"),
    rekey: "Key it again (clear both entries)",
    void: "Void this ballot",
    reason_label: "Reason (kept in the record)",
    resolve_button: "Resolve",
    count_range: |max| format!("The number of ballots is a whole number from 1 to {max}."),
    serial_error,
    unknown_serial: "No paper ballot of this cycle has that serial: check it against the ballot.",
    keyed_by_you: "You have keyed this ballot already; another committee member keys it next.",
    already_logged: |index| {
        format!("This ballot is in the log already (entry {index}); a serial is counted once.")
    },
    already_voided: "The committee voided this ballot; it is not keyed again.",
    waits_in_queue: "This ballot's entries differ; the committee resolves it in the mismatch queue first.",
    not_in_queue: "That ballot is not waiting in the mismatch queue.",
    not_on_committee: "Only members of this cycle's committee work on its paper ballots.",
    resolution_choice: "Choose to key the ballot again or to void it.",
    unknown_run: |batch| format!("This cycle has no print run {batch}."),
    run_title: |batch| format!("Paper ballots, print run {batch}"),
    run_help: |n| {
        format!(
            "{n} ballots, one per page. Print them from the browser (A4 or US Letter); this page can be printed again."
        )
    },
    paper_instructions: "Mark your ballot with a pen and hand it to the budget committee. Note the serial: on the \"Check my receipt\" page it finds your ballot in the ballot log (the ballots themselves are published with the results).",
    mark_approval: "Put a cross in the box of each project you want funded.",
    mark_ranked: "Write 1 in the box of your first choice, 2 for your second, and so on.",
    mark_allocation: "Write your points in the box of each project you want funded.",
    serial_on_paper: "Serial",
};
