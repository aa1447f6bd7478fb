//! Damaged real files: random cuts and insertions (heavy in separators,
//! quotes, section names and numbers) into the fixtures never make the
//! reader or the count panic; a refusal names a line of the file.

use proptest::prelude::*;

use super::fixtures::FILES;
use super::parse;
use crate::{Completion, Rule, Seed, TieBreak, count_profile};

/// Pieces that matter to the reader, to be spliced in.
const PIECES: [&str; 18] = [
    ";",
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r\n",
    "0",
    "-1",
    "1.5",
    "1e9",
    "none",
    "META",
    "PROJECTS",
    "VOTES",
    "vote",
    "project_id;cost",
    "99999999999999999999",
    "ż",
];

/// One change: where (in thousandths of the text), how much to cut, what
/// to put.
fn edits() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
    prop::collection::vec((0usize..1000, 0usize..12, 0usize..PIECES.len() * 2), 1..6)
}

fn damaged(text: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut text = text.to_owned();
    for &(at, cut, piece) in edits {
        let mut start = text.len() * at / 1000;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        // Half the time cut only: an edit may just lose text.
        let put = PIECES.get(piece).copied().unwrap_or("");
        text.replace_range(start..end, put);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_damaged_file_is_read_or_refused_at_a_line_never_a_panic(
        which in 0..FILES.len(),
        edits in edits(),
    ) {
        let (_, text) = FILES[which];
        let text = damaged(text, &edits);
        match parse(&text) {
            Err(e) => prop_assert!(e.line <= text.split('\n').count(), "{e}"),
            Ok(file) => {
                // Without add-one: a damaged cost can make its walk long,
                // and the walk is exercised on whole files elsewhere.
                for rule in [Rule::Greedy, Rule::Mes { completion: Completion::Greedy }] {
                    let Ok(manifest) = file.manifest(rule, TieBreak::default_for(rule)) else {
                        continue;
                    };
                    if let Ok((profile, _)) = file.profile(&manifest) {
                        let _ = count_profile(&manifest, &profile, Seed::default());
                    }
                }
            }
        }
    }
}
