//! The words of the committee's count page (entropy, review,
//! certification), one [`CountStrings`] per language.

mod en;
mod es;

use super::Lang;

/// The count page's text in one language.
#[derive(Debug)]
pub struct CountStrings {
    /// The page's title and heading; the header link.
    pub title: &'static str,
    /// Above the list of cycles to choose from.
    pub choose: &'static str,
    /// No cycle of this member is counting.
    pub none_counting: &'static str,
    /// Heading of the entropy step.
    pub entropy_heading: &'static str,
    /// What the entropy is and how to make it.
    pub entropy_help: &'static str,
    /// How many ballots the sealed log holds.
    pub ballots_sealed: fn(u64) -> String,
    /// The entropy field's label.
    pub entropy_label: &'static str,
    /// The button that runs the count.
    pub entropy_button: &'static str,
    /// After the count ran.
    pub counted: &'static str,
    /// Heading of the review.
    pub review_heading: &'static str,
    /// Under it: what certifying means.
    pub review_help: &'static str,
    /// The record hash's label.
    pub hash_label: &'static str,
    /// The entropy's label in the review.
    pub entropy_shown: &'static str,
    /// The sealed root's label.
    pub root_label: &'static str,
    /// The seed's label.
    pub seed_label: &'static str,
    /// Ballots online and on paper.
    pub ballots: fn(u64, u64) -> String,
    /// Votes imported from a pabulib file (shown when there are any).
    pub imported: fn(u64) -> String,
    /// Heading of the funded projects.
    pub funded_heading: &'static str,
    /// Spent of the budget.
    pub spent: fn(&str, &str) -> String,
    /// Heading of the transcript.
    pub transcript_heading: &'static str,
    /// Heading of the turnout table.
    pub turnout_heading: &'static str,
    /// Its columns: group, codes issued, codes used.
    pub turnout_columns: [&'static str; 3],
    /// Heading of the decisions.
    pub decisions_heading: &'static str,
    /// No decision yet.
    pub decisions_none: &'static str,
    /// A certification in the list.
    pub certified_word: &'static str,
    /// An objection in the list.
    pub objected_word: &'static str,
    /// Certified of needed (k) of the committee (n), and objections.
    pub progress: fn(u32, u32, u32, u32) -> String,
    /// The certify button.
    pub certify_button: &'static str,
    /// The objection reason's label.
    pub object_label: &'static str,
    /// The object button.
    pub object_button: &'static str,
    /// After certifying.
    pub decided_certify: &'static str,
    /// After objecting.
    pub decided_object: &'static str,
    /// After the k-th certification.
    pub published: &'static str,
    /// On a certified cycle's desk.
    pub certified_notice: &'static str,
    /// Refusal: no such cycle.
    pub no_such_cycle: &'static str,
    /// Refusal: not on the frozen committee.
    pub not_on_committee: &'static str,
    /// Refusal: the entropy was entered already.
    pub already_counted: &'static str,
    /// Refusal: no record yet.
    pub not_counted: &'static str,
    /// Refusal: the page showed an older record hash.
    pub stale_hash: &'static str,
    /// Refusal: an objection without a reason.
    pub reason_required: &'static str,
    /// Refusal: the count could not run (the detail in English).
    pub count_failed: fn(&str) -> String,
    /// Refusal: the cycle is not counting yet.
    pub not_counting_yet: &'static str,
    /// Refusal: neither certify nor object.
    pub bad_decision: &'static str,
}

impl Lang {
    /// The count page's strings in this language.
    pub fn count(self) -> &'static CountStrings {
        match self {
            Lang::En => &en::COUNT,
            Lang::Es => &es::COUNT,
        }
    }
}

/// The page's count strings.
pub fn tc() -> &'static CountStrings {
    super::use_lang().count()
}
