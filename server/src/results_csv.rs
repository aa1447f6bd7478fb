//! `results.csv`: one row per project of a certified cycle, in manifest
//! order: `project_id,title,cost,supporters,score,funded,funded_order`.
//! Written with the `csv` crate (RFC 4180 quoting); and since a school
//! opens it in a spreadsheet, a cell that a spreadsheet would run as a
//! formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is written with a `'` before it, as OWASP's "CSV Injection"
//! page advises: a proposal titled `=HYPERLINK(…)` stays text.

use counting::FrozenManifest;
use counting::record::Record;
use counting::record::export::{ballots, project_tallies};

/// The header row.
const HEADER: [&str; 7] = [
    "project_id",
    "title",
    "cost",
    "supporters",
    "score",
    "funded",
    "funded_order",
];

/// `cell` as a spreadsheet will show it, never run it.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes `rows` under `header` as CSV (CRLF line ends), every cell made
/// [`spreadsheet_safe`].
pub fn write_rows<R, C>(header: &[&str], rows: R) -> Result<String, csv::Error>
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(
            row.iter()
                .map(|cell| spreadsheet_safe(cell.as_ref()).into_owned()),
        )?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The results of `record` as CSV; `None` when one of its entries does
/// not decode.
pub fn results(frozen: &FrozenManifest, record: &Record) -> Option<String> {
    let ballots = ballots(frozen, record)?;
    let tallies = project_tallies(frozen, &ballots);
    let rows = frozen
        .projects()
        .zip(tallies)
        .map(|((project, title), tally)| {
            let order = record.outcome.winners.iter().position(|w| w == &project.id);
            vec![
                project.id.as_str().to_owned(),
                title.to_owned(),
                counting::pabulib::write_amount(project.cost.minor_units(), 2),
                tally.supporters.to_string(),
                tally.score.to_string(),
                if order.is_some() { "yes" } else { "no" }.to_owned(),
                order.map(|o| (o + 1).to_string()).unwrap_or_default(),
            ]
        });
    write_rows(&HEADER, rows).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_quote_first() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(spreadsheet_safe(formula), format!("'{formula}"));
        }
        for text in ["Shade sails", "1250.00", "", "a=b"] {
            assert_eq!(spreadsheet_safe(text), text);
        }
    }

    #[test]
    fn rows_are_quoted_as_rfc_4180_asks_and_end_in_crlf() {
        let text = write_rows(
            &["id", "title"],
            [
                vec!["1", "Benches, two"],
                vec!["2", "The \"quiet\" room"],
                vec!["3", "=HYPERLINK(\"http://evil.example\",\"Vote here\")"],
            ],
        )
        .expect("written");
        assert_eq!(
            text,
            "id,title\r\n1,\"Benches, two\"\r\n2,\"The \"\"quiet\"\" room\"\r\n3,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Vote here\"\")\"\r\n"
        );
    }
}
