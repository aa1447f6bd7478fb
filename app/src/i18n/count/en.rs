//! English.

use super::CountStrings;

/// English.
pub static COUNT: CountStrings = CountStrings {
    title: "The count",
    choose: "Choose the cycle to count:",
    none_counting: "None of your cycles is being counted.",
    reveal_heading: "1. Reveal your tie-break secret",
    reveal_help: "Before voting opened, each member committed to a secret made from their own key. Now that the ballot log is sealed, each reveals it. Ties, if there are any, are broken by a seed made from the sealed log's root and every reveal, so no one could know it while votes were cast, and no one member can choose it: you can only reveal the one secret you committed to.",
    witnesses_heading: "The log's witnesses",
    witness_row: |name, cosigned| {
        if cosigned {
            format!("{name}: cosigned the sealed log")
        } else {
            format!("{name}: not yet")
        }
    },
    witnessed: "The sealed log is cosigned as the cycle's witness policy asks.",
    not_yet_witnessed: "The count waits until the sealed log is cosigned as the cycle's witness policy asks. Pebble asks the witnesses every minute; a witness that refuses was shown a different log.",
    ballots_sealed: |n| {
        let ballots = if n == 1 { "ballot" } else { "ballots" };
        format!("The sealed ballot log holds {n} {ballots}.")
    },
    reveals_status: |revealed, needed| {
        format!(
            "{revealed} revealed; the count needs {needed}. It runs by itself once every member who committed has revealed."
        )
    },
    revealed_word: "revealed",
    not_revealed_word: "not revealed yet",
    no_commitment_word: "nothing to reveal (no commitment)",
    reveal_button: "Reveal my secret",
    secret_label: "Or paste the secret that pebble-verify printed",
    reveal_offline: |salt| {
        format!(
            "Without JavaScript, on your own computer: pebble-verify reveal --key YOUR-KEY.json --salt {salt}"
        )
    },
    you_revealed: "You have revealed your secret.",
    revealed: "Your secret is revealed. The count runs once every member who committed has revealed.",
    start_help: |needed| {
        format!(
            "If a member cannot reveal, the count can run once {needed} have revealed; the record will name who did not."
        )
    },
    start_button: "Count now with the reveals in",
    counted: "The count ran. Review the record below, then certify it or object.",
    review_heading: "2. Review and certify the record",
    review_help: "Your decision is signed with your own committee key, in this browser: the server can check it but never make it. When enough members certify and none objects, the results are published. Nobody outside the committee sees any of this before then.",
    hash_label: "Record hash",
    reveals_label: "Reveals",
    withheld: |names| format!("Did not reveal: {names}."),
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
                " Objections standing: {objections}. Nothing publishes while one does."
            ));
        }
        text
    },
    sign_help: "Each member has one decision: deciding again replaces your earlier one.",
    certify_button: "Certify this record with my key",
    object_summary: "Object to this record instead",
    object_label: "To object, say what is wrong",
    object_button: "Object with my key",
    note_label: "Or paste the signed decision that pebble-verify printed",
    send_note: "Send this decision",
    sign_offline: |address| {
        format!(
            "Without JavaScript, on your own computer: download the record ({address}), then run pebble-verify sign --key YOUR-KEY.json --certify record.json (or --object --reason \"what is wrong\"). It re-checks the whole record before it signs."
        )
    },
    download_record: "Download the record",
    decided_certify: "Your certification is recorded.",
    decided_object: "Your objection is recorded; the committee sees it.",
    published: "That was the last certification needed: the results are published.",
    certified_notice: "This cycle is certified and its results are public.",
    no_such_cycle: "There is no such cycle.",
    not_on_committee: "Only the members of this cycle's committee, as it was when voting opened, count and certify it.",
    already_counted: "The count has already run; review the record below.",
    not_counted: "The count has not run yet: the members reveal their secrets first.",
    stale_hash: "The record changed since this page was loaded. Reload it and review the record again.",
    reason_required: "Say what is wrong to object.",
    not_witnessed: |by| {
        let by = if by.is_empty() {
            "none yet".to_owned()
        } else {
            by.join(", ")
        };
        format!(
            "The count waits for the log's witnesses: the sealed checkpoint is not yet cosigned as the cycle's witness policy asks (cosigned so far by: {by}). Pebble asks them every minute. If a witness refuses, it was shown a different log: ask its operator before going on."
        )
    },
    count_failed: |detail| format!("The count could not run: {detail}."),
    not_counting_yet: "This cycle is not being counted yet: voting has to close first.",
    wrong_secret: "This secret does not open your commitment. Use the key file you committed with.",
    nothing_to_reveal: "You made no tie-break commitment for this cycle, so there is nothing to reveal.",
    already_revealed: "You have already revealed your secret.",
    too_few_reveals: |revealed, needed| {
        format!("{revealed} members have revealed; the count needs {needed}.")
    },
    not_signed: |detail| format!("This decision was not accepted: {detail}."),
    bad_time: "This decision's time is not now: check your computer's clock, then sign again.",
    secret_not_hex: "The secret is 64 hexadecimal digits, as pebble-verify prints it.",
    key_needs_script: "This step uses your key file in your browser and needs JavaScript; without it, use the form below.",
    key_file_label: "Your committee key file",
    passphrase_label: "Its passphrase",
    key_working: "Working…",
    key_not_a_file: "This is not a Pebble committee key file.",
    key_wrong_passphrase: "The passphrase does not open this key file.",
    key_short_passphrase: "Choose a passphrase of at least 12 characters.",
    key_no_random: "This browser cannot make random numbers or read its clock; use another, or pebble-verify.",
    key_not_yours: "This key file is not the key your committee seat holds. Choose your own key file.",
    passphrases_differ: "The two passphrases differ.",
    new_passphrase_label: "A passphrase for your key file",
    new_passphrase_help: "At least 12 characters; four or five unrelated words are easy to remember and hard to guess. Nobody can recover it for you.",
    passphrase_again_label: "The same passphrase again",
    make_key: "Make my key",
    key_made: "Your key is made. Download the file and keep it (and its passphrase) somewhere safe: you need both to commit, reveal and certify. Then register it.",
    download_key: "Download my key file",
    register_key: "I have saved it: register my key",
    keys_title: "Your committee key",
    keys_intro: "As a committee member you certify counts with a key that only you hold. Your browser makes it and seals it in a file under your passphrase; the server keeps only its public half, so nobody who runs the server can certify in your name.",
    key_registered: |when, fingerprint| {
        format!("Your key was registered on {when}. Public key: {fingerprint}")
    },
    no_key: "You have no committee key yet.",
    make_heading: "Make your key",
    replace_heading: "Replace your key",
    replace_help: "A new key replaces the old one for cycles whose voting has not opened yet, and clears your commitments to them (make them again with the new key).",
    public_key_label: "Or paste the public key that pebble-verify printed",
    keygen_offline: |username| {
        format!(
            "Without JavaScript, on your own computer: pebble-verify keygen --owner {username} --out my-committee-key.json"
        )
    },
    register_button: "Register this public key",
    key_saved: "Your committee key is registered.",
    cycles_heading: "Your cycles",
    no_cycles: "You do not sit on any cycle's committee.",
    commit_help: "Before voting opens, commit to a tie-break secret made from your key. Voting cannot open until every member has.",
    committed: "You have committed to your tie-break secret.",
    not_committed: "You have not committed yet.",
    commit_button: "Commit with my key",
    salt_label: "Or paste the salt",
    commitment_label: "and the commitment that pebble-verify printed",
    commit_offline: "Without JavaScript, on your own computer: pebble-verify commit --key my-committee-key.json",
    send_commitment: "Send this commitment",
    committed_notice: "Your commitment is recorded.",
    frozen_notice: "Voting has opened: your key and commitment are frozen in its manifest.",
    go_count: "Go to the count",
    needs_key_first: "Register your committee key first.",
    key_in_use: |cycle| {
        format!(
            "Your key is frozen in cycle {cycle}, which is not certified yet; keep using it until then."
        )
    },
    not_a_public_key: "A public key is 64 hexadecimal digits.",
    not_a_commitment: "The salt is 32 hexadecimal digits and the commitment 64.",
    commit_closed: "Voting has opened in this cycle: its commitments are frozen.",
    not_committee_of: "You do not sit on this cycle's committee.",
    keys_link: "Committee key",
};
