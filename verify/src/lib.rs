//! Reading an election record file and reporting what `counting`'s
//! verifier finds, for `pebble verify` and the stand-alone
//! `pebble-verify`; and a committee member's offline steps
//! ([`member`]). The format and every check are in
//! `docs/election-record.md`.

pub mod member;

use std::fmt::Write as _;
use std::path::Path;

use counting::merkle::to_hex;
use counting::record::{Record, Verified, verify};

/// What a verification printed, and whether it passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Lines for the terminal, ending in `OK` or the discrepancy.
    pub text: String,
    /// Whether everything checked and the record is certified.
    pub ok: bool,
}

fn failed(text: String) -> Report {
    Report { text, ok: false }
}

/// Reads the record at `path` and verifies it.
pub fn verify_file(path: &Path) -> Report {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => return failed(format!("cannot read {}: {e}\n", path.display())),
    };
    match serde_json::from_reader::<_, Record>(std::io::BufReader::new(file)) {
        Ok(record) => verify_record(&record),
        Err(e) => failed(format!(
            "{} is not an election record: {e} (line {}, column {})\n",
            path.display(),
            e.line(),
            e.column()
        )),
    }
}

/// Verifies `record` and reports.
pub fn verify_record(record: &Record) -> Report {
    match verify(record) {
        Err(discrepancy) => failed(format!("DISCREPANCY at {discrepancy}\n")),
        Ok(verified) => summary(record, &verified),
    }
}

fn summary(record: &Record, v: &Verified) -> Report {
    let election = &v.frozen.election;
    let mut text = String::new();
    let winners: Vec<&str> = v.winners.iter().map(|w| w.as_str()).collect();
    let lines = [
        format!(
            "cycle        {} ({}), election {}",
            election.cycle,
            election.name,
            election.id_hex()
        ),
        format!("manifest     {}", record.manifest.hash),
        format!(
            "log          {} entries ({} online, {} paper, {} imported) make the sealed root {}, signed by the log key",
            v.online + v.paper + v.imported,
            v.online,
            v.paper,
            v.imported,
            record.seed.sealed_root
        ),
        format!(
            "seed         {} from the sealed root and {} reveals, each opening its commitment{}",
            record.seed.seed,
            record
                .seed
                .reveals
                .iter()
                .filter(|r| r.secret.is_some())
                .count(),
            match record.seed.withheld_by().as_slice() {
                [] => String::new(),
                names => format!(" (not revealed: {})", names.join(", ")),
            }
        ),
        format!(
            "count        recounted: winners {}; spent {}; transcript identical ({} lines)",
            winners.join(", "),
            record.outcome.spent,
            record.transcript.lines().count()
        ),
        format!("record hash  {}", to_hex(&v.record_hash)),
        format!(
            "certified by {} (k = {} of n = {})",
            if v.certified_by.is_empty() {
                "nobody".to_owned()
            } else {
                v.certified_by.join(", ")
            },
            election.threshold,
            election.committee
        ),
    ];
    for line in lines {
        let _ = writeln!(text, "{line}");
    }
    if !v.objected_by.is_empty() {
        let _ = writeln!(text, "objected by  {}", v.objected_by.join(", "));
    }
    let ok = v.certified();
    if ok {
        text.push_str("OK\n");
    } else {
        let _ = writeln!(
            text,
            "NOT CERTIFIED: {} of the {} certifications needed{}",
            v.certified_by.len(),
            election.threshold,
            if v.objected_by.is_empty() {
                ""
            } else {
                ", and an objection stands"
            }
        );
    }
    Report { text, ok }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_fails_with_its_name() {
        let report = verify_file(Path::new("/nonexistent/record.json"));
        assert!(!report.ok);
        assert!(
            report
                .text
                .starts_with("cannot read /nonexistent/record.json"),
            "{}",
            report.text
        );
    }

    #[test]
    fn a_file_that_is_not_a_record_fails_with_where_reading_stopped() {
        let path = std::env::temp_dir().join(format!("pebble-verify-{}.json", std::process::id()));
        std::fs::write(&path, "{\"format\": 3}").expect("writes");
        let report = verify_file(&path);
        let _ = std::fs::remove_file(&path);
        assert!(!report.ok);
        assert!(
            report.text.contains("is not an election record"),
            "{}",
            report.text
        );
        assert!(report.text.contains("line 1, column"), "{}", report.text);
    }
}
