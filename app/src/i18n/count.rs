//! The words of the committee's pages (their key, the tie-break
//! commitment and reveal, the review and certification), one
//! [`CountStrings`] per language.

mod en;
mod es;

use super::Lang;

/// The committee's pages' text (the key page and the count desk) in
/// one language.
#[derive(Debug)]
pub struct CountStrings {
    /// The page's title and heading; the header link.
    pub title: &'static str,
    /// Above the list of cycles to choose from.
    pub choose: &'static str,
    /// No cycle of this member is counting.
    pub none_counting: &'static str,
    /// Heading of the reveal step.
    pub reveal_heading: &'static str,
    /// What revealing is and why.
    pub reveal_help: &'static str,
    /// How many ballots the sealed log holds.
    pub ballots_sealed: fn(u64) -> String,
    /// Heading of the witnesses' list on the reveal step.
    pub witnesses_heading: &'static str,
    /// One witness and whether it cosigned the sealed log.
    pub witness_row: fn(&str, bool) -> String,
    /// The sealed log is cosigned as the policy asks.
    pub witnessed: &'static str,
    /// The sealed log is not yet cosigned as the policy asks.
    pub not_yet_witnessed: &'static str,
    /// Reveals in, of those the count needs.
    pub reveals_status: fn(usize, usize) -> String,
    /// A member who revealed.
    pub revealed_word: &'static str,
    /// A member who has not revealed.
    pub not_revealed_word: &'static str,
    /// A member with nothing to reveal (imported cycle).
    pub no_commitment_word: &'static str,
    /// The reveal button.
    pub reveal_button: &'static str,
    /// The pasted secret's label.
    pub secret_label: &'static str,
    /// Revealing without JavaScript, given the salt.
    pub reveal_offline: fn(&str) -> String,
    /// The viewer has revealed.
    pub you_revealed: &'static str,
    /// After revealing.
    pub revealed: &'static str,
    /// Counting before every reveal is in, given k.
    pub start_help: fn(usize) -> String,
    /// The button that counts with the reveals in.
    pub start_button: &'static str,
    /// After the count ran.
    pub counted: &'static str,
    /// Heading of the review.
    pub review_heading: &'static str,
    /// Under it: what certifying means.
    pub review_help: &'static str,
    /// The record hash's label.
    pub hash_label: &'static str,
    /// The reveals' label in the review.
    pub reveals_label: &'static str,
    /// Members who did not reveal, named.
    pub withheld: fn(&str) -> String,
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
    /// What signing a decision does; one decision per member.
    pub sign_help: &'static str,
    /// The certify button.
    pub certify_button: &'static str,
    /// The summary that opens the objection form.
    pub object_summary: &'static str,
    /// The objection reason's label.
    pub object_label: &'static str,
    /// The object button.
    pub object_button: &'static str,
    /// The pasted signed decision's label.
    pub note_label: &'static str,
    /// The button that sends a pasted decision.
    pub send_note: &'static str,
    /// Signing without JavaScript, given the record's download address.
    pub sign_offline: fn(&str) -> String,
    /// The record download link.
    pub download_record: &'static str,
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
    /// Refusal: the count ran already.
    pub already_counted: &'static str,
    /// Refusal: no record yet.
    pub not_counted: &'static str,
    /// Refusal: the page showed an older record hash.
    pub stale_hash: &'static str,
    /// Refusal: an objection without a reason.
    pub reason_required: &'static str,
    /// Refusal: the sealed log lacks the witnesses' cosignatures; who
    /// gave theirs.
    pub not_witnessed: fn(&[String]) -> String,
    /// Refusal: the count could not run (the detail in English).
    pub count_failed: fn(&str) -> String,
    /// Refusal: the cycle is not counting yet.
    pub not_counting_yet: &'static str,
    /// Refusal: the secret does not open the commitment.
    pub wrong_secret: &'static str,
    /// Refusal: no commitment to open.
    pub nothing_to_reveal: &'static str,
    /// Refusal: revealed already.
    pub already_revealed: &'static str,
    /// Refusal: too few reveals to count, given in and needed.
    pub too_few_reveals: fn(usize, usize) -> String,
    /// Refusal: a decision that is not signed right (the detail in English).
    pub not_signed: fn(&str) -> String,
    /// Refusal: a decision whose time is not now.
    pub bad_time: &'static str,
    /// Refusal: a secret that is not 64 hex digits.
    pub secret_not_hex: &'static str,
    /// Where the key is used, without JavaScript.
    pub key_needs_script: &'static str,
    /// The key file input's label.
    pub key_file_label: &'static str,
    /// The passphrase input's label.
    pub passphrase_label: &'static str,
    /// While the key is unsealed or made.
    pub key_working: &'static str,
    /// Not a key file.
    pub key_not_a_file: &'static str,
    /// The passphrase does not open the file.
    pub key_wrong_passphrase: &'static str,
    /// A new passphrase too short.
    pub key_short_passphrase: &'static str,
    /// The browser gave no random bytes (or no clock).
    pub key_no_random: &'static str,
    /// Another key than the one the server expects.
    pub key_not_yours: &'static str,
    /// The two passphrases differ.
    pub passphrases_differ: &'static str,
    /// A new key's passphrase.
    pub new_passphrase_label: &'static str,
    /// Under it.
    pub new_passphrase_help: &'static str,
    /// The passphrase again.
    pub passphrase_again_label: &'static str,
    /// The button that makes a key.
    pub make_key: &'static str,
    /// After the key is made, before it is registered.
    pub key_made: &'static str,
    /// The key file's download link.
    pub download_key: &'static str,
    /// The button that registers the public key.
    pub register_key: &'static str,
    /// The key page's title.
    pub keys_title: &'static str,
    /// What the key is for.
    pub keys_intro: &'static str,
    /// The registered key: when, and its fingerprint.
    pub key_registered: fn(&str, &str) -> String,
    /// No key yet.
    pub no_key: &'static str,
    /// Heading: make a key.
    pub make_heading: &'static str,
    /// Heading: replace the key.
    pub replace_heading: &'static str,
    /// What replacing does.
    pub replace_help: &'static str,
    /// The pasted public key's label.
    pub public_key_label: &'static str,
    /// Making a key without JavaScript, given the username.
    pub keygen_offline: fn(&str) -> String,
    /// The button that registers a pasted key.
    pub register_button: &'static str,
    /// After a key was registered.
    pub key_saved: &'static str,
    /// Heading of the member's cycles.
    pub cycles_heading: &'static str,
    /// The member sits on no committee.
    pub no_cycles: &'static str,
    /// What committing is.
    pub commit_help: &'static str,
    /// A commitment made for the cycle.
    pub committed: &'static str,
    /// No commitment yet for the cycle.
    pub not_committed: &'static str,
    /// The button that commits with the key.
    pub commit_button: &'static str,
    /// The pasted salt's label.
    pub salt_label: &'static str,
    /// The pasted commitment's label.
    pub commitment_label: &'static str,
    /// Committing without JavaScript.
    pub commit_offline: &'static str,
    /// The button that sends a pasted commitment.
    pub send_commitment: &'static str,
    /// After committing.
    pub committed_notice: &'static str,
    /// A cycle whose voting has opened: frozen.
    pub frozen_notice: &'static str,
    /// Link to the count desk of a cycle being counted.
    pub go_count: &'static str,
    /// Refusal: a commitment before a key.
    pub needs_key_first: &'static str,
    /// Refusal: the key is frozen in an uncertified cycle.
    pub key_in_use: fn(i32) -> String,
    /// Refusal: a public key that is not 64 hex digits.
    pub not_a_public_key: &'static str,
    /// Refusal: a salt or commitment that is not hex of the right length.
    pub not_a_commitment: &'static str,
    /// Refusal: voting has opened.
    pub commit_closed: &'static str,
    /// Refusal: not on this cycle's committee.
    pub not_committee_of: &'static str,
    /// The header link to the key page.
    pub keys_link: &'static str,
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
