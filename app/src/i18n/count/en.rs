//! English.

use super::CountStrings;

/// English.
pub static COUNT: CountStrings = CountStrings {
    title: "The count",
    choose: "Choose the cycle to count:",
    none_counting: "None of your cycles is being counted.",
    entropy_heading: "1. Enter the public entropy",
    entropy_help: "At the certification meeting, in front of everyone present, roll dice (for example five dice, twice) or take the numbers of a public lottery draw, and type exactly what came out. It decides ties, if there are any: the seed is SHA-256 of the sealed log's root and this text, so nobody could know it while votes were cast. It can be entered once.",
    ballots_sealed: |n| format!("The sealed ballot log holds {n} ballots."),
    entropy_label: "What was rolled or drawn",
    entropy_button: "Run the count",
    counted: "The count ran. Review the record below, then certify it or object.",
    review_heading: "2. Review and certify the record",
    review_help: "Certifying signs the record hash below with your committee key. When enough members certify and none objects, the results are published. Nobody outside the committee sees any of this before then.",
    hash_label: "Record hash",
    entropy_shown: "Entropy entered",
    root_label: "Sealed log root",
    seed_label: "Tie-break seed",
    ballots: |online, paper| {
        format!(
            "{} ballots: {online} online, {paper} on paper.",
            online + paper
        )
    },
    imported: |n| {
        format!("{n} votes imported from a pabulib file (a past election, for training).")
    },
    funded_heading: "Funded",
    spent: |spent, budget| format!("{spent} of {budget} spent."),
    transcript_heading: "Transcript, round by round",
    turnout_heading: "Turnout by group",
    turnout_columns: ["Group", "Codes issued", "Codes used"],
    decisions_heading: "Decisions",
    decisions_none: "No member has decided yet.",
    certified_word: "certified",
    objected_word: "objected",
    progress: |certified, needed, committee, objections| {
        let mut text =
            format!("{certified} of the {needed} certifications needed ({committee} members).");
        if objections > 0 {
            text.push_str(&format!(
                " {objections} objection(s) stand: nothing publishes while one does."
            ));
        }
        text
    },
    certify_button: "Certify this record",
    object_label: "Or object, saying what is wrong",
    object_button: "Object",
    decided_certify: "Your certification is recorded.",
    decided_object: "Your objection is recorded; the committee sees it.",
    published: "That was the last certification needed: the results are published.",
    certified_notice: "This cycle is certified and its results are public.",
    no_such_cycle: "There is no such cycle.",
    not_on_committee: "Only the members of this cycle's committee, as it was when voting opened, count and certify it.",
    already_counted: "The entropy was already entered and the count has run; review the record below.",
    not_counted: "The count has not run yet: enter the public entropy first.",
    stale_hash: "The record changed since this page was loaded. Reload it and review the record again.",
    reason_required: "Say what is wrong to object.",
    count_failed: |detail| format!("The count could not run: {detail}."),
    not_counting_yet: "This cycle is not being counted yet: voting has to close first.",
    bad_decision: "Choose certify or object.",
};
