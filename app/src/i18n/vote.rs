//! The words of the voting pages (code, ballot, review, receipt), one
//! [`VoteStrings`] per language beside the site's [`super::Strings`].

mod en;
mod es;

use counting::receipt::Failure;
use counting::{BallotError, Cents, ProjectId};
use pebble_domain::CodeError;
use pebble_domain::ballot_form::FormError;

use super::Lang;

/// How a message names a project (its title) and an amount (with the
/// cycle's currency).
pub struct Namer<'a> {
    /// A project's title by id.
    pub project: &'a dyn Fn(&ProjectId) -> String,
    /// An amount of money.
    pub money: &'a dyn Fn(Cents) -> String,
}

/// The voting pages' text in one language.
#[derive(Debug)]
pub struct VoteStrings {
    /// The voting page's title and heading.
    pub vote_title: &'static str,
    /// On the home page while voting is open.
    pub voting_open: &'static str,
    /// The home page's link to the ballot.
    pub vote_now: &'static str,
    /// The code field's label.
    pub code_label: &'static str,
    /// Under the code field.
    pub code_help: &'static str,
    /// Live feedback once a whole code is typed without a typo.
    pub code_looks_right: &'static str,
    /// The button that opens the ballot.
    pub open_ballot: &'static str,
    /// Why a typed code cannot be a voter code.
    pub code_error: fn(&CodeError) -> String,
    /// When no cycle is in voting.
    pub no_voting: &'static str,
    /// Above the list of cycles in voting.
    pub choose_cycle: &'static str,
    /// The notice that stays until the ballot is cast.
    pub not_cast_yet: &'static str,
    /// How to fill an approval ballot, given the budget.
    pub approval_help: fn(&str) -> String,
    /// How to fill a ranked ballot, given k.
    pub ranked_help: fn(u32) -> String,
    /// How to fill an allocation ballot, given the points and whether
    /// all must be used.
    pub allocation_help: fn(u64, bool) -> String,
    /// The budget meter: spent and left.
    pub spent_left: fn(&str, &str) -> String,
    /// Projects picked against the limits (count, min, max).
    pub picked_count: fn(usize, u32, Option<u32>) -> String,
    /// The least share of the budget: percent, amount, whether met.
    pub least_share: fn(u8, &str, bool) -> String,
    /// A project that no longer fits what is left.
    pub does_not_fit: &'static str,
    /// Points left, of all.
    pub points_left: fn(u64, u64) -> String,
    /// The label of a project's points field, given its title.
    pub points_for: fn(&str) -> String,
    /// Points given beyond all there are: over, all.
    pub points_over: fn(u64, u64) -> String,
    /// Steppers' names for screen readers, given the title.
    pub more_points: fn(&str) -> String,
    /// See above.
    pub fewer_points: fn(&str) -> String,
    /// A project's rank field (JavaScript off), given its title.
    pub rank_for: fn(&str) -> String,
    /// A ranked item for screen readers: title, position, how many.
    pub ranked_item: fn(&str, usize, usize) -> String,
    /// How to reorder the ranking from the keyboard.
    pub ranking_keys: &'static str,
    /// The ranking is full, given the most ranks.
    pub ranking_full: fn(usize) -> String,
    /// Heading of the ranking so far.
    pub your_ranking: &'static str,
    /// When nothing is ranked yet.
    pub nothing_ranked: &'static str,
    /// Heading of the projects not ranked.
    pub not_ranked: &'static str,
    /// Buttons of the ranking, given the title.
    pub rank_it: fn(&str) -> String,
    /// See above.
    pub move_up: fn(&str) -> String,
    /// See above.
    pub move_down: fn(&str) -> String,
    /// See above.
    pub unrank: fn(&str) -> String,
    /// Said to screen readers after a move: title, position, how many.
    pub now_at: fn(&str, usize, usize) -> String,
    /// Said after a project leaves the ranking.
    pub left_ranking: fn(&str) -> String,
    /// The link to a project's proposal and thread.
    pub read_more: &'static str,
    /// The button to the review step.
    pub review: &'static str,
    /// The review's heading.
    pub review_title: &'static str,
    /// Approval summary: count, spent, budget.
    pub funding: fn(usize, &str, &str) -> String,
    /// Ranked summary: count.
    pub ranking: fn(usize) -> String,
    /// Allocation summary: given, all.
    pub giving: fn(u128, u64) -> String,
    /// Back from the review to the ballot.
    pub change: &'static str,
    /// The button that casts.
    pub cast: &'static str,
    /// While the cast is on its way.
    pub casting: &'static str,
    /// Before a ballot's problem.
    pub cannot_cast: &'static str,
    /// Why the form's fields are not a ballot.
    pub form_error: fn(&FormError, &Namer) -> String,
    /// Why a ballot breaks the cycle's limits.
    pub ballot_error: fn(&BallotError, &Namer) -> String,
    /// The refusal of a code that is unknown or used.
    pub code_refused: &'static str,
    /// Too many refused codes from this address, given seconds to wait.
    pub too_many_tries: fn(u64) -> String,
    /// Voting is closed.
    pub voting_closed: &'static str,
    /// The log is busy; try again.
    pub busy: &'static str,
    /// The same entry is already in the log.
    pub duplicate: &'static str,
    /// A receipt that names no entry of the log.
    pub receipt_unknown: &'static str,
    /// A cast to a cycle that does not exist.
    pub no_such_cycle: &'static str,
    /// After a refusal: nothing was written.
    pub nothing_recorded: &'static str,
    /// Something failed on the server.
    pub internal: &'static str,
    /// A nonce that is not 16 bytes of hex.
    pub bad_nonce: &'static str,
    /// After casting.
    pub cast_title: &'static str,
    /// Under it.
    pub receipt_intro: &'static str,
    /// Receipt fields.
    pub log_index: &'static str,
    /// See above.
    pub tracker: &'static str,
    /// See above.
    pub leaf_hash: &'static str,
    /// See above.
    pub checkpoint: &'static str,
    /// Receipt actions.
    pub download_receipt: &'static str,
    /// See above.
    pub print_receipt: &'static str,
    /// See above.
    pub check_receipt: &'static str,
    /// Shared-device mode's notice.
    pub shared_notice: &'static str,
    /// The button that clears the page for the next voter.
    pub next_voter: &'static str,
    /// The idle warning, given seconds left.
    pub clearing_in: fn(u64) -> String,
    /// The button that keeps the ballot.
    pub still_here: &'static str,
    /// Said when the ballot was cleared.
    pub cleared: &'static str,
    /// A ballot page reloaded in a tab that holds no code.
    pub enter_code_first: &'static str,
    /// After a cast whose answer was lost and not found in the log.
    pub try_again_safely: &'static str,
    /// On the code step, when this tab cast a ballot in the cycle.
    pub voted_in_tab: &'static str,
    /// The link to that receipt.
    pub see_receipt: &'static str,
    /// A plain-form voting page reached without its form.
    pub not_sent: &'static str,
    /// A receipt shown again after a reload or Back.
    pub cast_before: &'static str,
    /// The receipt page's heading.
    pub receipt_title: &'static str,
    /// Under it.
    pub receipt_help: &'static str,
    /// The receipt field's label.
    pub receipt_label: &'static str,
    /// Or a file.
    pub receipt_file: &'static str,
    /// The button that checks.
    pub check: &'static str,
    /// While checking.
    pub checking: &'static str,
    /// A verified receipt's heading.
    pub receipt_ok: &'static str,
    /// Each thing the check established.
    pub verified_signature: &'static str,
    /// See above.
    pub verified_inclusion: fn(u64, u64) -> String,
    /// See above.
    pub verified_consistency: fn(u64, u64) -> String,
    /// See above.
    pub verified_manifest: &'static str,
    /// Heading above the ballot the log holds.
    pub ballot_in_log: &'static str,
    /// Heading of a rejected receipt.
    pub receipt_rejected: &'static str,
    /// A pasted text that is not a receipt.
    pub receipt_unreadable: &'static str,
    /// The link that saves a passed check as a `.tlog-proof` file.
    pub save_proof: &'static str,
    /// What that file is, and how to check it.
    pub save_proof_help: &'static str,
    /// Under the receipt field: what it takes.
    pub receipt_text_help: &'static str,
    /// The cycle chooser's label.
    pub cycle_label: &'static str,
    /// A tracker code or serial with no cycle chosen.
    pub choose_cycle_to_check: &'static str,
    /// When this server ran the check (JavaScript off).
    pub checked_by_server: &'static str,
    /// How to check without trusting this server.
    pub check_independently: &'static str,
    /// A verified entry whose ballot is not at hand yet.
    pub ballot_published_later: &'static str,
    /// Why a receipt did not check out.
    pub receipt_problem: fn(Failure) -> String,
    /// Compare this checkpoint with the one posted at school.
    pub compare_checkpoint: &'static str,
    /// The browser could not load the receipt check's module.
    pub verifier_unavailable: &'static str,
}

impl Lang {
    /// The voting pages' strings in this language.
    pub fn vote(self) -> &'static VoteStrings {
        match self {
            Lang::En => &en::VOTE,
            Lang::Es => &es::VOTE,
        }
    }
}

/// The page's voting strings.
pub fn tv() -> &'static VoteStrings {
    super::use_lang().vote()
}
