//! The [`Strings`] every language file fills in.

use super::messages::Thing;
use crate::domain::problem::Problem;
use crate::domain::{Action, MoveRefusal};

/// The UI's text in one language.
#[derive(Debug)]
pub struct Strings {
    /// Skip link for keyboard and screen-reader users.
    pub skip_to_content: &'static str,
    /// One line under the site name.
    pub tagline: &'static str,
    /// Footer text.
    pub footer: &'static str,
    /// Label of the header's account and language area.
    pub account_menu: &'static str,
    /// Before the signed-in person's name.
    pub signed_in_as: &'static str,
    /// Sign-in link, heading and button.
    pub sign_in: &'static str,
    /// Sign-out button.
    pub sign_out: &'static str,
    /// Under the sign-in form.
    pub sign_in_help: &'static str,
    /// Username field.
    pub username: &'static str,
    /// Password field.
    pub password: &'static str,
    /// Language switch label.
    pub language: &'static str,
    /// Language switch button.
    pub change_language: &'static str,
    /// The button that shows a typed password.
    pub show_password: &'static str,
    /// A live character count, given the count and the limit.
    pub characters_used: fn(usize, usize) -> String,
    /// A field's limit before anything is typed, given the limit.
    pub characters_at_most: fn(usize) -> String,
    /// Link to the admin page.
    pub admin_link: &'static str,
    /// Heading of the proposal list.
    pub proposals_heading: &'static str,
    /// Label before the budget amount.
    pub budget: &'static str,
    /// Label before the phase name.
    pub phase: &'static str,
    /// The voter-code tool's title.
    pub voter_codes: &'static str,
    /// What the voter-code tool does.
    pub voter_codes_help: &'static str,
    /// Label of the roster group field.
    pub code_group: &'static str,
    /// Label of the number of codes.
    pub code_count: &'static str,
    /// The issue button.
    pub issue_codes: &'static str,
    /// After issuing: how many, for which group, how many it holds now.
    pub codes_issued: fn(usize, &str, u64) -> String,
    /// The QR code's alt text on a code card.
    pub code_qr_alt: &'static str,
    /// The button that prints the code sheet.
    pub print_codes: &'static str,
    /// Label before the frozen manifest's hash.
    pub manifest_hash: &'static str,
    /// What the manifest hash is, under it.
    pub manifest_hash_help: &'static str,
    /// The link to a certified cycle's results.
    pub see_results: &'static str,
    /// Heading of the list of earlier cycles' results.
    pub past_results: &'static str,
    /// Label of the sort choices.
    pub sort_label: &'static str,
    /// Sort in submission order.
    pub sort_newest: &'static str,
    /// Sort by cost, cheapest first.
    pub sort_cost: &'static str,
    /// "by" before an author's name.
    pub by: &'static str,
    /// Comment count, singular.
    pub comment_one: &'static str,
    /// Comment count, plural.
    pub comment_many: &'static str,
    /// Shown while data loads.
    pub loading: &'static str,
    /// Shown when there is no cycle yet.
    pub no_cycle: &'static str,
    /// Shown when loading failed.
    pub load_failed: &'static str,
    /// Heading of the not-found page.
    pub not_found: &'static str,
    /// Link back home.
    pub back_home: &'static str,
    /// Link, heading and title of the proposal form.
    pub new_proposal: &'static str,
    /// Why the proposal form is closed; the phase name follows.
    pub proposals_closed: &'static str,
    /// Who may submit proposals.
    pub students_propose: &'static str,
    /// Proposal title field.
    pub title_label: &'static str,
    /// Proposal summary field.
    pub summary_label: &'static str,
    /// Proposal description field.
    pub description_label: &'static str,
    /// Proposal category field.
    pub category_label: &'static str,
    /// Estimated cost field and fact.
    pub cost_label: &'static str,
    /// Proposal form's button.
    pub submit_proposal: &'static str,
    /// The committee's cost for the ballot.
    pub ballot_cost: &'static str,
    /// Label before the proposal a duplicate joined.
    pub merged_into: &'static str,
    /// Heading of the committee's public note.
    pub committee_note: &'static str,
    /// Heading of the author's edit form.
    pub edit_proposal: &'static str,
    /// Button of edit forms.
    pub save_changes: &'static str,
    /// Heading of the committee's review form.
    pub review_heading: &'static str,
    /// Legend of the verdict choices.
    pub verdict: &'static str,
    /// Verdict: feasible.
    pub verdict_feasible: &'static str,
    /// Verdict: not feasible.
    pub verdict_not_feasible: &'static str,
    /// Verdict: duplicate.
    pub verdict_merged: &'static str,
    /// Field for the proposal a duplicate joins.
    pub merge_into: &'static str,
    /// Field for the committee's public note.
    pub public_note: &'static str,
    /// Review form's button.
    pub save_review: &'static str,
    /// Heading of a proposal's thread.
    pub thread_heading: &'static str,
    /// Shown in an empty thread.
    pub no_comments: &'static str,
    /// Shown when the thread is read-only.
    pub thread_closed: &'static str,
    /// After the sign-in link under a thread.
    pub sign_in_to_comment: &'static str,
    /// New comment field.
    pub your_comment: &'static str,
    /// New comment button.
    pub post_comment: &'static str,
    /// Opens the reply form.
    pub reply: &'static str,
    /// Reply field.
    pub your_reply: &'static str,
    /// Reply button.
    pub post_reply: &'static str,
    /// Opens the edit form.
    pub edit: &'static str,
    /// Comment edit field.
    pub edit_comment: &'static str,
    /// Marks an edited comment.
    pub edited: &'static str,
    /// Opens the report form.
    pub report: &'static str,
    /// Report reason field.
    pub report_reason: &'static str,
    /// Report button.
    pub send_report: &'static str,
    /// After the number of reports (committee only).
    pub reports: &'static str,
    /// Opens the moderation form.
    pub hide: &'static str,
    /// Moderation reason field.
    pub hide_reason: &'static str,
    /// Moderation button.
    pub hide_comment: &'static str,
    /// Before the reason in a hidden comment's slot.
    pub hidden_by_committee: &'static str,
    /// Author name of a deleted account.
    pub former_member: &'static str,
    /// Label of the thread's page links.
    pub thread_pages: &'static str,
    /// Previous page.
    pub previous: &'static str,
    /// Next page.
    pub next: &'static str,
    /// Heading of the admin page.
    pub admin_heading: &'static str,
    /// Shown to non-admins on the admin page.
    pub admins_only: &'static str,
    /// Before the next phase's name on the phase button.
    pub move_to: &'static str,
    /// Shown when the cycle is certified.
    pub last_phase: &'static str,
    /// Status filter label.
    pub filter_status: &'static str,
    /// The "any" choice of a filter.
    pub filter_all: &'static str,
    /// Search field label.
    pub search: &'static str,
    /// Filter form button.
    pub apply_filters: &'static str,
    /// When no proposal passes the filters.
    pub no_matches: &'static str,
    /// Link that removes the filters.
    pub clear_filters: &'static str,
    /// Role field label.
    pub role: &'static str,
    /// Role name.
    pub role_student: &'static str,
    /// Role name.
    pub role_family: &'static str,
    /// Role name.
    pub role_committee: &'static str,
    /// Role name.
    pub role_admin: &'static str,
    /// Display name field.
    pub display_name: &'static str,
    /// Heading and button of the one-account form.
    pub create_account: &'static str,
    /// Before a new account's username.
    pub account_created: &'static str,
    /// After a password or code.
    pub shown_once: &'static str,
    /// Heading and button of the roster form.
    pub import_roster: &'static str,
    /// How to write a roster.
    pub roster_help: &'static str,
    /// Roster field.
    pub roster_csv: &'static str,
    /// Caption of the roster report.
    pub roster_report: &'static str,
    /// Column: line number.
    pub line: &'static str,
    /// Column: outcome.
    pub result: &'static str,
    /// Before a rejection reason.
    pub rejected: &'static str,
    /// Heading of the invite form.
    pub invite_codes: &'static str,
    /// Invite form button.
    pub make_invite: &'static str,
    /// Before a new invite code.
    pub invite_made: &'static str,
    /// Join page heading and button.
    pub join: &'static str,
    /// Invite code field.
    pub invite_code: &'static str,
    /// Heading of the admin's cycle list.
    pub cycles_heading: &'static str,
    /// Link and heading for a new cycle.
    pub new_cycle: &'static str,
    /// Link and heading of a cycle's settings.
    pub cycle_settings: &'static str,
    /// Under a draft cycle.
    pub draft_private: &'static str,
    /// Cycle name field.
    pub cycle_name: &'static str,
    /// School field.
    pub school_name: &'static str,
    /// Description field.
    pub cycle_description: &'static str,
    /// Currency field.
    pub currency: &'static str,
    /// Budget field.
    pub total_budget: &'static str,
    /// Ballot fieldset.
    pub ballot_heading: &'static str,
    /// Ballot type field.
    pub ballot_kind: &'static str,
    /// Ballot type.
    pub kind_approval: &'static str,
    /// Ballot type.
    pub kind_ranked: &'static str,
    /// Ballot type.
    pub kind_allocation: &'static str,
    /// Fieldset of approval limits.
    pub approval_limits: &'static str,
    /// Field.
    pub min_projects: &'static str,
    /// Field.
    pub max_projects: &'static str,
    /// Field.
    pub min_budget_percent: &'static str,
    /// Fieldset of ranked limits.
    pub ranked_limits: &'static str,
    /// Field.
    pub max_ranks: &'static str,
    /// Fieldset of allocation limits.
    pub allocation_limits: &'static str,
    /// Field.
    pub points: &'static str,
    /// Checkbox.
    pub must_use_all: &'static str,
    /// Counting fieldset.
    pub counting_heading: &'static str,
    /// Rule field.
    pub rule: &'static str,
    /// Rule.
    pub rule_greedy: &'static str,
    /// Rule.
    pub rule_mes: &'static str,
    /// Rule.
    pub rule_irv: &'static str,
    /// Rule.
    pub rule_stv: &'static str,
    /// Field.
    pub completion: &'static str,
    /// Field.
    pub seats: &'static str,
    /// Field.
    pub tie_break: &'static str,
    /// Policy.
    pub tie_cheapest: &'static str,
    /// Policy.
    pub tie_previous: &'static str,
    /// Policy.
    pub tie_id: &'static str,
    /// Committee fieldset.
    pub committee_heading: &'static str,
    /// When no committee account exists.
    pub no_committee_accounts: &'static str,
    /// Field.
    pub certify_k: &'static str,
    /// Button.
    pub create_cycle: &'static str,
    /// Button.
    pub save_settings: &'static str,
    /// After saving.
    pub settings_saved: &'static str,
    /// When voting has opened.
    pub settings_frozen: &'static str,
    /// Button.
    pub save_text: &'static str,
    /// When certified.
    pub cycle_final: &'static str,
    /// Link.
    pub back_to_admin: &'static str,
    /// Heading of the image form.
    pub image_heading: &'static str,
    /// File field.
    pub image_file: &'static str,
    /// Under the file field.
    pub image_hint: &'static str,
    /// Alt text field.
    pub image_description: &'static str,
    /// Button.
    pub upload_image: &'static str,
    /// Button.
    pub replace_image: &'static str,
    /// Button.
    pub remove_image: &'static str,
    /// Field names as messages use them, in the order of
    /// [`Label::index`](crate::domain::problem::Label::index).
    pub field_labels: [&'static str; 11],
    /// Words a [`Problem`] with its field's name.
    pub describe: fn(&Problem, &str) -> String,
    /// Phase names inside messages, in order draft..certified.
    pub phase_words: [&'static str; 7],
    /// Why a phase refuses an action, given the phase's word.
    pub phase_refusal: fn(Action, &str) -> String,
    /// Roles inside messages: student, family, committee, admin.
    pub role_words: [&'static str; 4],
    /// A role may not take an action, given the role's word.
    pub role_cannot: fn(&str) -> String,
    /// Refusal: nobody is signed in.
    pub sign_in_first: &'static str,
    /// Sign-in with a field left empty.
    pub enter_both: &'static str,
    /// Sign-in with an absurdly long username or password.
    pub credentials_too_long: &'static str,
    /// Sign-in that failed.
    pub wrong_password: &'static str,
    /// Sign-in paused, given the minutes.
    pub too_many_attempts: fn(i64) -> String,
    /// Comment rate limit, given comments per minute.
    pub comment_rate: fn(u64) -> String,
    /// Proposal rate limit, given proposals per hour.
    pub proposal_rate: fn(u64) -> String,
    /// Editing someone else's proposal.
    pub only_author_proposal: &'static str,
    /// Editing someone else's (or a hidden) comment.
    pub only_author_comment: &'static str,
    /// Editing a comment too late, given the minutes.
    pub edit_window: fn(i64) -> String,
    /// An id that names nothing, given what and the number.
    pub no_such: fn(Thing, i32) -> String,
    /// A reply's parent that is not a number, given what was sent.
    pub reply_to_number: fn(&str) -> String,
    /// Something failed on the server's side.
    pub internal_error: &'static str,
    /// The database was too busy to answer; nothing was written.
    pub database_busy: &'static str,
    /// Form arguments that could not be read, given the field the
    /// parser named, if any.
    pub form_unreadable: fn(Option<&str>) -> String,
    /// A server function called with the wrong HTTP method.
    pub wrong_method: &'static str,
    /// The browser could not reach the server or read its answer.
    pub unreachable: &'static str,
    /// A write that lost a race with a phase move.
    pub phase_moved: &'static str,
    /// Why a cycle did not move, given the refusal and the phase words.
    pub move_refusal: fn(&MoveRefusal, &[&'static str; 7]) -> String,
    /// A phase name that names no phase, given what was sent.
    pub not_a_phase: fn(&str) -> String,
    /// A language code Pebble does not offer, given what was sent.
    pub not_a_language: fn(&str) -> String,
    /// An id in an address or form that is not a number.
    pub not_a_proposal_number: fn(&str) -> String,
    /// A merge without a proposal number, given what was sent.
    pub merge_needs_number: fn(&str) -> String,
    /// A merge into a proposal of another cycle (or itself), given its id.
    pub merge_elsewhere: fn(i32) -> String,
    /// A verdict that is not one of the three, given what was sent.
    pub bad_verdict: fn(&str) -> String,
    /// An upload whose multipart body could not be read, given the detail.
    pub upload_unreadable: fn(&str) -> String,
    /// Outcome settings sent after voting froze them, given the phase word.
    pub settings_frozen_in: fn(&str) -> String,
    /// A committee pick that is not a committee account, given its id.
    pub not_committee: fn(i32) -> String,
    /// An upload that is not a multipart form.
    pub upload_not_multipart: &'static str,
    /// Refusal: closing voting without confirming.
    pub confirm_close_voting: &'static str,
    /// Above the close-voting button.
    pub close_voting_warning: &'static str,
    /// The box to tick.
    pub close_voting_confirm: &'static str,
    /// In counting: who moves it on.
    pub committee_certifies: &'static str,
    /// Above the committee's readiness before voting.
    pub committee_readiness: &'static str,
    /// A member with a key and a commitment.
    pub member_ready: &'static str,
    /// A member with a key and no commitment.
    pub member_not_committed: &'static str,
    /// A member with no key.
    pub member_no_key: &'static str,
    /// The account page's title; the header link.
    pub account_title: &'static str,
    /// After a password change.
    pub password_changed: &'static str,
    /// The account page's heading and button for ending every sign-in.
    pub sign_out_everywhere: &'static str,
    /// What that does.
    pub sign_out_everywhere_hint: &'static str,
    /// On the account page after a first sign-in with an admin's password.
    pub choose_own_password: &'static str,
    /// Any other action before that.
    pub choose_own_password_first: &'static str,
    /// The change form's heading and button.
    pub change_password: &'static str,
    /// Its fields.
    pub current_password: &'static str,
    /// See above.
    pub new_password: &'static str,
    /// See above.
    pub new_password_again: &'static str,
    /// Refusal: the current password is wrong.
    pub current_password_wrong: &'static str,
    /// Refusal: the two new passwords differ.
    pub passwords_differ: &'static str,
    /// A committee action by someone not on that cycle's committee.
    pub not_on_this_committee: &'static str,
    /// A posted voting page's form over the size limit.
    pub form_too_large: &'static str,
    /// A posted voting page's form that is not a form.
    pub form_unreadable_page: &'static str,
    /// A request body over the server's limit.
    pub upload_far_too_large: &'static str,
    /// An invite code that is unknown or used.
    pub invite_unknown: &'static str,
    /// An invite that was refused too many taken usernames.
    pub invite_too_many_tries: &'static str,
    /// A username someone already has, given the name.
    pub username_taken: fn(&str) -> String,
    /// Phase names, in order draft..certified.
    pub phases: [&'static str; 7],
    /// Proposal status names: submitted, feasible, not feasible, merged, hidden.
    pub statuses: [&'static str; 5],
}
