//! The words of the committee's paper-ballot pages (the desk and the
//! printed ballots), one [`PaperStrings`] per language.

mod en;
mod es;

use pebble_domain::SerialError;

use super::Lang;

/// The paper-ballot pages' text in one language.
#[derive(Debug)]
pub struct PaperStrings {
    /// Spoiled paper ballots, after the tally.
    pub spoiled_tally: fn(u64) -> String,
    /// Heading of the ballots that wait, given how many.
    pub waiting_heading: fn(usize) -> String,
    /// Under it.
    pub waiting_help: &'static str,
    /// A keying of a spoiled paper.
    pub keyed_spoiled: &'static str,
    /// A spoiled paper's status.
    pub status_spoiled: &'static str,
    /// The keying form's instructions to the committee member, per kind.
    pub keys_approval: &'static str,
    /// See above.
    pub keys_ranked: &'static str,
    /// See above.
    pub keys_allocation: &'static str,
    /// The spoiled box.
    pub spoiled_label: &'static str,
    /// Under it.
    pub spoiled_help: &'static str,
    /// After both entries said spoiled.
    pub keyed_spoiled_both: fn(&str) -> String,
    /// The desk's title and heading; the header link.
    pub desk_title: &'static str,
    /// What double entry is, under the heading.
    pub desk_intro: &'static str,
    /// Counts: open, logged, mismatched, voided.
    pub tally: fn(u64, u64, u64, u64) -> String,
    /// Heading of the print form.
    pub print_heading: &'static str,
    /// Under it.
    pub print_help: &'static str,
    /// The count field's label.
    pub print_count: &'static str,
    /// The print button.
    pub print_button: &'static str,
    /// Heading of the keying form.
    pub key_heading: &'static str,
    /// Under it.
    pub key_help: &'static str,
    /// The serial field's label.
    pub serial_label: &'static str,
    /// The save button.
    pub key_button: &'static str,
    /// A first entry saved.
    pub keyed_waiting: fn(&str) -> String,
    /// The second entry matched: in the log at this index.
    pub keyed_logged: fn(&str, u64) -> String,
    /// The second entry differs.
    pub keyed_mismatch: fn(&str) -> String,
    /// A mismatch resolved, rekeyed (`false`) or voided (`true`).
    pub resolved: fn(&str, bool) -> String,
    /// Heading of the member's own entries.
    pub yours_heading: &'static str,
    /// When there are none.
    pub yours_none: &'static str,
    /// A state in words.
    pub status_open: &'static str,
    /// See above.
    pub status_logged: &'static str,
    /// See above.
    pub status_mismatch: &'static str,
    /// See above.
    pub status_voided: &'static str,
    /// Heading of the mismatch queue.
    pub queue_heading: &'static str,
    /// When it is empty.
    pub queue_none: &'static str,
    /// Above one member's entry of a mismatch.
    pub keyed_by: fn(&str) -> String,
    /// The resolution choices.
    pub rekey: &'static str,
    /// See above.
    pub void: &'static str,
    /// The reason field's label.
    pub reason_label: &'static str,
    /// The resolve button.
    pub resolve_button: &'static str,
    /// The count field's refusal.
    pub count_range: fn(u32) -> String,
    /// Why a typed serial is not one.
    pub serial_error: fn(&SerialError) -> String,
    /// No paper ballot of the cycle has this serial.
    pub unknown_serial: &'static str,
    /// The member keyed it already.
    pub keyed_by_you: &'static str,
    /// It is in the log already, at this index.
    pub already_logged: fn(u64) -> String,
    /// It was voided.
    pub already_voided: &'static str,
    /// It waits for the committee.
    pub waits_in_queue: &'static str,
    /// A resolution for a serial not in the queue.
    pub not_in_queue: &'static str,
    /// Not on this cycle's committee.
    pub not_on_committee: &'static str,
    /// The resolution field's refusal.
    pub resolution_choice: &'static str,
    /// No print run of the cycle has this number.
    pub unknown_run: fn(i32) -> String,
    /// The printed page's title, given the run.
    pub run_title: fn(i32) -> String,
    /// How many ballots the run holds and how to print them.
    pub run_help: fn(usize) -> String,
    /// On each paper ballot: how to fill and hand it in.
    pub paper_instructions: &'static str,
    /// On each paper ballot: how to mark a project, by ballot kind.
    pub mark_approval: &'static str,
    /// See above.
    pub mark_ranked: &'static str,
    /// See above.
    pub mark_allocation: &'static str,
    /// The serial's label on the paper.
    pub serial_on_paper: &'static str,
}

impl Lang {
    /// The paper-ballot pages' strings in this language.
    pub fn paper(self) -> &'static PaperStrings {
        match self {
            Lang::En => &en::PAPER,
            Lang::Es => &es::PAPER,
        }
    }
}

/// The page's paper-ballot strings.
pub fn tp() -> &'static PaperStrings {
    super::use_lang().paper()
}
