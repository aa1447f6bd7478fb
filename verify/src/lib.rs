//! Reading an election record file and reporting what `counting`'s
//! verifier finds, for `pebble verify` and the stand-alone
//! `pebble-verify`; and a committee member's offline steps
//! ([`member`], [`cosign`]). The format and every check are in
//! `docs/election-record.md`.

pub mod cosign;
pub mod member;
pub mod receipt;

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

/// What the auditor brings from outside the record. The record alone
/// proves that it is consistent; only a value saved before the count
/// proves that it is *this* election's record. Whoever runs the server
/// holds the log key and could make a whole other election, consistent
/// with itself, whose committee keys are their own: its manifest hash
/// differs from the one published when voting opened (the home page
/// showed it, and every voter's receipt entry begins with it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pinned {
    /// The manifest hash published when voting opened, hex.
    pub manifest_hash: Option<String>,
}

/// Reads the record at `path` and verifies it against `pinned`.
pub fn verify_file(path: &Path, pinned: &Pinned) -> Report {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => return failed(format!("cannot read {}: {e}\n", path.display())),
    };
    match serde_json::from_reader::<_, Record>(std::io::BufReader::new(file)) {
        Ok(record) => verify_record(&record, pinned),
        Err(e) => failed(format!(
            "{} is not an election record: {e} (line {}, column {})\n",
            path.display(),
            e.line(),
            e.column()
        )),
    }
}

/// Verifies `record` against `pinned` and reports.
pub fn verify_record(record: &Record, pinned: &Pinned) -> Report {
    if let Some(expected) = &pinned.manifest_hash {
        let expected = expected.trim().to_ascii_lowercase();
        if record.manifest.hash != expected {
            return failed(format!(
                "DISCREPANCY at manifest.hash: the record is of manifest {}, not of {expected}, the one published when voting opened\n",
                record.manifest.hash
            ));
        }
    }
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
        let report = verify_file(Path::new("/nonexistent/record.json"), &Pinned::default());
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
        let report = verify_file(&path, &Pinned::default());
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
