//! Re-checking a record with nothing but the record: the manifest hash,
//! the log against its sealed checkpoint and key (and the witnesses'
//! cosignatures the manifest's policy asks for), the seed (every reveal
//! against its member's commitment in the manifest), the count
//! (outcome and transcript byte for byte), the turnout's arithmetic, the
//! record hash and every certification. The first discrepancy is
//! returned with where in the record it is.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::canonical::Body;
use super::certification::note_text;
use super::compile::{CompileError, check_reveals, decode_entries};
use super::{Decision, RECORD_FORMAT, Record, Source};
use crate::checkpoint::Checkpoint;
use crate::encoding::decode_frozen;
use crate::merkle::{self, Hash, to_hex};
use crate::tiebreak::Reveals;
use crate::{CountError, FrozenManifest, ProjectId, Seed, count};

/// The first thing found wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discrepancy {
    /// Where in the record (a JSON path such as `log.entries[3]`).
    pub at: String,
    /// What is wrong there.
    pub what: String,
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

fn wrong<T>(at: impl Into<String>, what: impl Into<String>) -> Result<T, Discrepancy> {
    Err(Discrepancy {
        at: at.into(),
        what: what.into(),
    })
}

/// What a record that checks out says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The record hash, recomputed.
    pub record_hash: Hash,
    /// The frozen manifest, decoded.
    pub frozen: FrozenManifest,
    /// Ballots cast online.
    pub online: usize,
    /// Paper ballots in the log.
    pub paper: usize,
    /// Votes imported from a pabulib file.
    pub imported: usize,
    /// The winners, recounted.
    pub winners: Vec<ProjectId>,
    /// Names of the members whose latest decision certifies.
    pub certified_by: Vec<String>,
    /// Names of the members whose latest decision objects.
    pub objected_by: Vec<String>,
}

impl Verified {
    /// Whether k members certify and none objects.
    pub fn certified(&self) -> bool {
        self.objected_by.is_empty()
            && self.certified_by.len() as u64 >= u64::from(self.frozen.election.threshold)
    }
}

/// Re-checks `record`; see the module's doc for what, in which order.
pub fn verify(record: &Record) -> Result<Verified, Discrepancy> {
    if record.format != RECORD_FORMAT {
        return wrong("format", format!("expected {RECORD_FORMAT:?}"));
    }
    let (frozen, manifest_bytes) = manifest(record)?;
    let election = &frozen.election;
    let log_key = election.log_verifier().map_err(|e| Discrepancy {
        at: "manifest".into(),
        what: e.to_string(),
    })?;
    if record.log.public_key != log_key.to_string() {
        return wrong(
            "log.public_key",
            format!("is not the manifest's log key, {log_key}"),
        );
    }
    let sealed = Checkpoint::open(&record.log.checkpoint, &log_key).map_err(|e| Discrepancy {
        at: "log.checkpoint".into(),
        what: format!("not signed by the manifest's log key: {e}"),
    })?;
    if let Some(policy) = election.witness_policy() {
        // A split view (the log showing others another history) would
        // leave the sealed checkpoint without the witnesses' cosignatures.
        policy
            .and_then(|policy| policy.check(&record.log.checkpoint))
            .map_err(|e| Discrepancy {
                at: "log.checkpoint".into(),
                what: format!("not witnessed as the manifest's policy asks: {e}"),
            })?;
    }
    let entries = entries(record)?;
    let manifest_hash = frozen.hash();
    let ballots = decode_entries(&entries, &manifest_hash).map_err(|e| match e {
        CompileError::Entry { index, reason } => Discrepancy {
            at: format!("log.entries[{index}]"),
            what: reason,
        },
        other => Discrepancy {
            at: "log.entries".into(),
            what: other.to_string(),
        },
    })?;
    if sealed.head.size != entries.len() as u64 {
        return wrong(
            "log.entries",
            format!(
                "{} entries, but the sealed checkpoint covers {}",
                entries.len(),
                sealed.head.size
            ),
        );
    }
    let leaves: Vec<Hash> = entries.iter().map(|(e, _)| merkle::leaf_hash(e)).collect();
    let root = merkle::root(&leaves);
    if root != sealed.head.root {
        return wrong(
            "log.entries",
            format!(
                "their tree's root {} is not the sealed checkpoint's {} (an entry was changed, replaced or moved)",
                to_hex(&root),
                to_hex(&sealed.head.root)
            ),
        );
    }
    let (seed, reveals) = check_seed(record, &frozen, &root)?;
    recount(record, &frozen, &ballots, seed)?;
    let online = entries.iter().filter(|(_, s)| *s == Source::Online).count();
    check_turnout(record, online)?;
    let record_hash = Body {
        manifest: &manifest_bytes,
        entries: &entries,
        checkpoint: &record.log.checkpoint,
        reveals: &reveals,
        turnout: &record.turnout,
        spoiled_paper: record.spoiled_paper,
        winners: &record.outcome.winners,
        spent: record.outcome.spent,
        transcript: &record.transcript,
    }
    .hash();
    if to_hex(&record_hash) != record.record_hash {
        return wrong(
            "record_hash",
            format!(
                "the record's canonical bytes hash to {}",
                to_hex(&record_hash)
            ),
        );
    }
    let (certified_by, objected_by) = certifications(record, &frozen, &record_hash)?;
    Ok(Verified {
        record_hash,
        winners: record.outcome.winners.clone(),
        online,
        paper: entries.iter().filter(|(_, s)| *s == Source::Paper).count(),
        imported: entries
            .iter()
            .filter(|(_, s)| *s == Source::Imported)
            .count(),
        certified_by,
        objected_by,
        frozen,
    })
}

fn manifest(record: &Record) -> Result<(FrozenManifest, Vec<u8>), Discrepancy> {
    let Ok(bytes) = STANDARD.decode(&record.manifest.bytes) else {
        return wrong("manifest.bytes", "not base64");
    };
    let frozen = decode_frozen(&bytes).map_err(|e| Discrepancy {
        at: "manifest.bytes".into(),
        what: format!("not a frozen manifest (byte {}: {})", e.offset, e.reason),
    })?;
    let hash = to_hex(&frozen.hash());
    if hash != record.manifest.hash {
        return wrong(
            "manifest.hash",
            format!("the manifest's bytes hash to {hash}"),
        );
    }
    Ok((frozen, bytes))
}

pub(super) fn entries(record: &Record) -> Result<Vec<(Vec<u8>, Source)>, Discrepancy> {
    record
        .log
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| match STANDARD.decode(&e.entry) {
            Ok(bytes) => Ok((bytes, e.source)),
            Err(_) => wrong(format!("log.entries[{i}].entry"), "not base64"),
        })
        .collect()
}

fn check_seed(
    record: &Record,
    frozen: &FrozenManifest,
    root: &Hash,
) -> Result<(Seed, Reveals), Discrepancy> {
    if record.seed.sealed_root != to_hex(root) {
        return wrong(
            "seed.sealed_root",
            format!("the sealed root is {}", to_hex(root)),
        );
    }
    let members = &frozen.election.members;
    for (i, reveal) in record.seed.reveals.iter().enumerate() {
        let named = members.get(i).map(|m| m.name.as_str());
        if reveal.member as usize != i || named != Some(reveal.name.as_str()) {
            return wrong(
                format!("seed.reveals[{i}]"),
                format!(
                    "is not member {i} of the manifest's committee ({})",
                    named.unwrap_or("none")
                ),
            );
        }
    }
    let Some(reveals) = record.seed.secrets() else {
        return wrong("seed.reveals", "a secret is not 32 bytes of hex");
    };
    check_reveals(frozen, &reveals).map_err(|what| Discrepancy {
        at: "seed.reveals".into(),
        what,
    })?;
    let seed = Seed::from_reveals(root, &reveals);
    if record.seed.seed != to_hex(&seed.0) {
        return wrong(
            "seed",
            format!(
                "SHA-256(\"pebble/tiebreak\" ‖ sealed root ‖ reveals) is {}, not the record's seed (a reveal or the seed was changed)",
                to_hex(&seed.0)
            ),
        );
    }
    Ok((seed, reveals))
}

fn recount(
    record: &Record,
    frozen: &FrozenManifest,
    ballots: &[crate::Ballot],
    seed: Seed,
) -> Result<(), Discrepancy> {
    let outcome = count(&frozen.manifest, ballots, seed).map_err(|e| match e {
        CountError::InvalidBallot { index, error } => Discrepancy {
            at: format!("log.entries[{index}]"),
            what: format!("the ballot is invalid: {error}"),
        },
        other => Discrepancy {
            at: "outcome".into(),
            what: other.to_string(),
        },
    })?;
    let names = |ids: &[ProjectId]| {
        ids.iter()
            .map(ProjectId::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if outcome.winners != record.outcome.winners {
        return wrong(
            "outcome.winners",
            format!(
                "the record has [{}], the recount gives [{}]",
                names(&record.outcome.winners),
                names(&outcome.winners)
            ),
        );
    }
    if outcome.spent != record.outcome.spent {
        return wrong(
            "outcome.spent",
            format!(
                "the record has {}, the recount gives {}",
                record.outcome.spent, outcome.spent
            ),
        );
    }
    let text = outcome.to_string();
    if text != record.transcript {
        let (mut ours, mut theirs) = (text.split('\n'), record.transcript.split('\n'));
        for line in 1.. {
            let (a, b) = (ours.next(), theirs.next());
            if a != b {
                return wrong(
                    format!("transcript line {line}"),
                    format!(
                        "the record has {:?}, the recount gives {:?}",
                        b.unwrap_or("(nothing)"),
                        a.unwrap_or("(nothing)")
                    ),
                );
            }
        }
    }
    if let Some(at) = (0..outcome.rounds.len().max(record.outcome.rounds.len()))
        .find(|&i| outcome.rounds.get(i) != record.outcome.rounds.get(i))
    {
        return wrong(
            format!("outcome.rounds[{at}]"),
            "differs from the recount's round",
        );
    }
    Ok(())
}

fn check_turnout(record: &Record, online: usize) -> Result<(), Discrepancy> {
    for (i, group) in record.turnout.iter().enumerate() {
        if group.used > group.issued {
            return wrong(
                format!("turnout[{i}]"),
                format!(
                    "{}: {} codes used of {} issued",
                    group.group, group.used, group.issued
                ),
            );
        }
    }
    let used: u64 = record.turnout.iter().map(|g| g.used).sum();
    if used != online as u64 {
        return wrong(
            "turnout",
            format!("{used} codes used, but the log holds {online} online ballots"),
        );
    }
    Ok(())
}

/// Checks every decision's signature and text; returns the names of the
/// members whose latest decision certifies and of those who object.
fn certifications(
    record: &Record,
    frozen: &FrozenManifest,
    record_hash: &Hash,
) -> Result<(Vec<String>, Vec<String>), Discrepancy> {
    let election = &frozen.election;
    let mut seen = std::collections::BTreeSet::new();
    for (i, c) in record.certifications.iter().enumerate() {
        if !seen.insert(c.member) {
            return wrong(
                format!("certifications[{i}]"),
                format!(
                    "member {} decided twice; a record keeps each member's latest decision only",
                    c.member
                ),
            );
        }
        let index = usize::try_from(c.member).unwrap_or(usize::MAX);
        let Some(Ok(verifier)) = election.member_verifier(index) else {
            return wrong(
                format!("certifications[{i}]"),
                format!("the manifest has no committee member {}", c.member),
            );
        };
        let at = format!("certifications[{i}] ({})", c.name);
        if c.name != election.members[index].name {
            return wrong(
                at,
                format!("member {} is {}", c.member, election.members[index].name),
            );
        }
        let signed = verifier.open(&c.note).map_err(|e| Discrepancy {
            at: at.clone(),
            what: format!("not signed with this member's certification key: {e}"),
        })?;
        let hash_line = signed.split('\n').nth(2).unwrap_or_default();
        if hash_line != to_hex(record_hash) {
            return wrong(
                at,
                format!("signed for record hash {hash_line}, not this record's"),
            );
        }
        let expected = note_text(election, record_hash, c.decision, &c.at, &c.reason);
        if signed != expected {
            return wrong(
                at,
                format!("the signed note says {signed:?}, the record's fields say {expected:?}"),
            );
        }
    }
    let mut certified_by = Vec::new();
    let mut objected_by = Vec::new();
    for c in record.latest_decisions().values() {
        match c.decision {
            Decision::Certify => certified_by.push(c.name.clone()),
            Decision::Object => objected_by.push(c.name.clone()),
        }
    }
    Ok((certified_by, objected_by))
}
