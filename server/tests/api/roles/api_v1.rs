//! Every `/api/v1` route: public, so everyone gets the same answer, and
//! before certification that answer serves no ballot and no count.

use pebble_domain::Phase;

use super::{Call, EVERYONE, Row};

const fn row(action: &'static str, phase: Phase, past: bool, call: Call, ok: u16) -> Row {
    Row {
        action,
        phase,
        past,
        call,
        allowed: EVERYONE,
        ok,
    }
}

/// The table.
pub const TABLE: &[Row] = &[
    row(
        "read the API's OpenAPI document",
        Phase::Voting,
        false,
        Call::Get("/api/v1/openapi.json"),
        200,
    ),
    row(
        "read the API's reference page",
        Phase::Voting,
        false,
        Call::Get("/api/v1/docs"),
        200,
    ),
    row(
        "read the manifest",
        Phase::Voting,
        false,
        Call::Get("/api/v1/cycles/1/manifest"),
        200,
    ),
    row(
        "read the checkpoint",
        Phase::Voting,
        false,
        Call::Get("/api/v1/cycles/1/log/checkpoint"),
        200,
    ),
    row(
        "read an entry while voting",
        Phase::Voting,
        false,
        Call::Get("/api/v1/cycles/1/log/entries/0"),
        403,
    ),
    row(
        "find an unknown leaf",
        Phase::Voting,
        false,
        Call::Get(
            "/api/v1/cycles/1/log/leaf/0000000000000000000000000000000000000000000000000000000000000000",
        ),
        404,
    ),
    row(
        "ask an inclusion proof past the log",
        Phase::Voting,
        false,
        Call::Get("/api/v1/cycles/1/log/inclusion?index=0&tree_size=1"),
        400,
    ),
    row(
        "ask a consistency proof of an empty log",
        Phase::Voting,
        false,
        Call::Get("/api/v1/cycles/1/log/consistency?from=0&to=0"),
        400,
    ),
    row(
        "ask an offline proof of a receipt not in the log",
        Phase::Voting,
        false,
        Call::PostJson("/api/v1/cycles/1/log/proof", r#"{"entry": "00"}"#),
        404,
    ),
    row(
        "read the record while counting",
        Phase::Counting,
        false,
        Call::Get("/api/v1/cycles/1/record"),
        403,
    ),
    row(
        "download the ballots while counting",
        Phase::Counting,
        false,
        Call::Get("/api/v1/cycles/1/ballots.pb"),
        403,
    ),
    row(
        "download the results while counting",
        Phase::Counting,
        false,
        Call::Get("/api/v1/cycles/1/results.csv"),
        403,
    ),
    row(
        "read an entry while counting",
        Phase::Counting,
        false,
        Call::Get("/api/v1/cycles/1/log/entries/0"),
        403,
    ),
    row(
        "read a certified record",
        Phase::Deliberation,
        true,
        Call::Get("/api/v1/cycles/2/record"),
        200,
    ),
    row(
        "download certified ballots",
        Phase::Deliberation,
        true,
        Call::Get("/api/v1/cycles/2/ballots.pb"),
        200,
    ),
    row(
        "download certified results",
        Phase::Deliberation,
        true,
        Call::Get("/api/v1/cycles/2/results.csv"),
        200,
    ),
    row(
        "read a certified entry",
        Phase::Deliberation,
        true,
        Call::Get("/api/v1/cycles/2/log/entries/0"),
        200,
    ),
    row(
        "read the log's tiled checkpoint",
        Phase::Voting,
        false,
        Call::Get("/log/1/checkpoint"),
        200,
    ),
    row(
        "read a certified log's hash tile",
        Phase::Deliberation,
        true,
        Call::Get("/log/2/tile/0/000"),
        200,
    ),
    row(
        "read a certified log's entry bundle",
        Phase::Deliberation,
        true,
        Call::Get("/log/2/tile/entries/000"),
        200,
    ),
    // Metrics have a listener of their own (PEBBLE_METRICS_ADDR), for
    // the operator; the site does not serve them to anyone.
    row(
        "read the metrics",
        Phase::Voting,
        false,
        Call::Get("/metrics"),
        404,
    ),
];
