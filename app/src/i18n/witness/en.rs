//! English.

use super::WitnessStrings;

/// English.
pub static WITNESS: WitnessStrings = WitnessStrings {
    heading: "Witness the ballot log",
    opening_help: "The cycle's witness policy makes each committee member a witness of the ballot log. Cosign its checkpoint now, while voting is open: your browser checks that the log's own key signed it and signs it with your key. When voting closes you will cosign the sealed log, and your browser will check that it extends this one, so nobody can quietly swap ballots in between.",
    sealed_help: "Cosign the sealed ballot log: your browser checks that it extends the checkpoint you cosigned before (a consistency proof) and signs it with your key. The count waits for the cosignatures the witness policy asks for; your cosignature goes into the record.",
    checkpoint: |size, root| {
        let entries = if size == 1 { "entry" } else { "entries" };
        format!("The log's checkpoint: {size} {entries}, root {root}")
    },
    done: "You have cosigned this checkpoint.",
    last_cosigned: |size| match size {
        Some(size) => format!("You last cosigned the log at {size} entries."),
        None => "You have not cosigned this log yet.".to_owned(),
    },
    button: "Check and cosign with my key",
    offline: |log_key, name| {
        format!("Without JavaScript: save the request below as request.txt, and the checkpoint you cosigned last (if shown) as state.txt unless you kept that file last time; run

pebble-verify cosign --key YOUR-KEY.json --request request.txt --state state.txt --log-key {log_key} --name {name}

and paste the line it prints.")
    },
    request_label: "The witness request (c2sp.org/tlog-witness)",
    handed_label: "The checkpoint you cosigned last",
    line_label: "Your cosignature line",
    send: "Send the cosignature",
    cosigned_notice: "Your cosignature of the ballot log is kept.",
    not_consistent: "Do not cosign: this checkpoint is not signed by the log's key, or does not extend the one you cosigned before. The server showed you a different log. Tell the rest of the committee.",
    not_cosigned: "Do not cosign: the checkpoint the server says you cosigned last carries no cosignature of yours. Tell the rest of the committee.",
    withheld: "Do not cosign: this browser cosigned a later checkpoint of this log than the server hands back. The server is hiding what you cosigned. Tell the rest of the committee.",
    not_a_witness: "This cycle's witness policy does not make you a witness of its log.",
    bad_size: "That is not a size of this log's checkpoint: reload the page and cosign the checkpoint it shows.",
    bad_line: |size| {
        format!(
            "That cosignature is not yours on the log's checkpoint of {size} entries: paste the one line pebble-verify cosign printed, starting with —."
        )
    },
};
