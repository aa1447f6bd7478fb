//! Trust policies in the c2sp.org/tlog-policy format: which logs, which
//! witnesses, and which of them must cosign a checkpoint before anyone
//! trusts it.
//!
//! ```text
//! log <vkey> [<url>]
//! witness <name> <vkey> [<url>]
//! group <name> (all | any | <k>) <name>...
//! quorum <name>                      (exactly one; "none" needs no cosignature)
//! ```
//!
//! Names in a group or the quorum must be defined on an earlier line and
//! appear once per group; blank lines and `#` comments are skipped.
//! Pebble freezes a cycle's policy in its manifest when voting opens, so
//! the server cannot change who must witness the log afterwards;
//! [`Policy::text`] is the policy's canonical text, what the manifest
//! holds.

use std::collections::{BTreeMap, BTreeSet};

use crate::checkpoint::{Checkpoint, CheckpointError};
use crate::cosignature::CosignatureVerifier;
use crate::note::NoteVerifier;

pub mod committee;

/// The most logs, witnesses and groups a policy may name, each (the
/// specification recommends supporting at least 32).
pub const MAX_ITEMS: usize = 64;

/// A witness as the policy names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    /// The name the policy's groups use.
    pub name: String,
    /// The witness's cosigning key.
    pub key: CosignatureVerifier,
    /// Its submission prefix (where `add-checkpoint` is posted), if given.
    pub url: Option<String>,
}

/// What must cosign: one witness, or k of a group's members.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Rule {
    None,
    Witness(usize),
    Group(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Group {
    name: String,
    /// How it was written: "all", "any" or the number.
    threshold_text: String,
    threshold: usize,
    members: Vec<Rule>,
}

/// A parsed policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The logs (with their URLs).
    pub logs: Vec<(NoteVerifier, Option<String>)>,
    /// The witnesses, in the order the policy lists them.
    pub witnesses: Vec<Witness>,
    groups: Vec<Group>,
    quorum: Rule,
}

/// Why a policy, or a checkpoint under it, is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// A line the format does not allow.
    #[error("policy line {line}: {reason}")]
    Line {
        /// The line's number, from 1.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// No quorum line.
    #[error("the policy has no quorum line")]
    NoQuorum,
    /// No log in the policy signed the checkpoint.
    #[error("no log of the policy signed the checkpoint: {0}")]
    Log(CheckpointError),
    /// The cosignatures present do not meet the quorum.
    #[error("the checkpoint's cosignatures do not meet the policy's quorum (cosigned by: {0})")]
    Quorum(String),
}

fn line_error(line: usize, reason: impl Into<String>) -> PolicyError {
    PolicyError::Line {
        line,
        reason: reason.into(),
    }
}

impl Policy {
    /// Reads a policy file.
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let mut policy = Policy {
            logs: Vec::new(),
            witnesses: Vec::new(),
            groups: Vec::new(),
            quorum: Rule::None,
        };
        let mut names: BTreeMap<String, Rule> = BTreeMap::new();
        let mut quorum = None;
        for (at, line) in text.split('\n').enumerate() {
            let n = at + 1;
            if line.bytes().any(|b| b < 0x20 && b != b'\t' || b == 0x7f) {
                return Err(line_error(n, "control characters are not allowed"));
            }
            let words: Vec<&str> = line.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
            let Some((&keyword, rest)) = words.split_first() else {
                continue;
            };
            if keyword.starts_with('#') {
                continue;
            }
            let too_many = |what: &str| line_error(n, format!("more than {MAX_ITEMS} {what}"));
            match (keyword, rest) {
                ("log", [vkey, url @ ..]) if url.len() <= 1 => {
                    let key = NoteVerifier::parse(vkey)
                        .map_err(|e| line_error(n, format!("log key: {e}")))?;
                    if policy
                        .logs
                        .iter()
                        .any(|(k, _)| k.public_key() == key.public_key())
                    {
                        return Err(line_error(n, "the same log key twice"));
                    }
                    if policy.logs.len() == MAX_ITEMS {
                        return Err(too_many("logs"));
                    }
                    policy
                        .logs
                        .push((key, url.first().map(|u| (*u).to_owned())));
                }
                ("witness", [name, vkey, url @ ..]) if url.len() <= 1 => {
                    let key = CosignatureVerifier::parse(vkey)
                        .map_err(|e| line_error(n, format!("witness key: {e}")))?;
                    if policy
                        .witnesses
                        .iter()
                        .any(|w| w.key.public_key() == key.public_key())
                    {
                        return Err(line_error(n, "the same witness key twice"));
                    }
                    if policy.witnesses.len() == MAX_ITEMS {
                        return Err(too_many("witnesses"));
                    }
                    define(&mut names, name, Rule::Witness(policy.witnesses.len()), n)?;
                    policy.witnesses.push(Witness {
                        name: (*name).to_owned(),
                        key,
                        url: url.first().map(|u| (*u).to_owned()),
                    });
                }
                ("group", [name, threshold, members @ ..]) if !members.is_empty() => {
                    let mut seen = BTreeSet::new();
                    let members = members
                        .iter()
                        .map(|member| {
                            if !seen.insert(*member) {
                                return Err(line_error(n, format!("{member} is listed twice")));
                            }
                            match names.get(*member) {
                                Some(rule) => Ok(rule.clone()),
                                None => Err(line_error(
                                    n,
                                    format!("{member} is not defined on an earlier line"),
                                )),
                            }
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let k = match *threshold {
                        "all" => members.len(),
                        "any" => 1,
                        number => number
                            .parse::<usize>()
                            .ok()
                            .filter(|k| (1..=members.len()).contains(k) && !number.starts_with('0'))
                            .ok_or_else(|| {
                                line_error(
                                    n,
                                    "the threshold must be all, any or 1 to the member count",
                                )
                            })?,
                    };
                    if policy.groups.len() == MAX_ITEMS {
                        return Err(too_many("groups"));
                    }
                    define(&mut names, name, Rule::Group(policy.groups.len()), n)?;
                    policy.groups.push(Group {
                        name: (*name).to_owned(),
                        threshold_text: (*threshold).to_owned(),
                        threshold: k,
                        members,
                    });
                }
                ("quorum", [name]) => {
                    if quorum.is_some() {
                        return Err(line_error(n, "a policy has exactly one quorum line"));
                    }
                    quorum = Some(match *name {
                        "none" => Rule::None,
                        name => names.get(name).cloned().ok_or_else(|| {
                            line_error(n, format!("{name} is not defined on an earlier line"))
                        })?,
                    });
                }
                _ => return Err(line_error(n, format!("not a policy line: {line:?}"))),
            }
        }
        policy.quorum = quorum.ok_or(PolicyError::NoQuorum)?;
        Ok(policy)
    }

    /// The canonical text: logs, witnesses, groups, then the quorum, one
    /// space between words, no comments.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (key, url) in &self.logs {
            out.push_str(&format!("log {key}{}\n", url_suffix(url)));
        }
        for w in &self.witnesses {
            out.push_str(&format!(
                "witness {} {}{}\n",
                w.name,
                w.key,
                url_suffix(&w.url)
            ));
        }
        for g in &self.groups {
            let members: Vec<&str> = g.members.iter().map(|m| self.name_of(m)).collect();
            out.push_str(&format!(
                "group {} {} {}\n",
                g.name,
                g.threshold_text,
                members.join(" ")
            ));
        }
        out.push_str(&format!("quorum {}\n", self.name_of(&self.quorum)));
        out
    }

    fn name_of(&self, rule: &Rule) -> &str {
        match rule {
            Rule::None => "none",
            Rule::Witness(i) => &self.witnesses[*i].name,
            Rule::Group(i) => &self.groups[*i].name,
        }
    }

    /// Which witnesses' cosignatures on `note` verify, by policy name. A
    /// cosignature line that carries a witness's name and key id but
    /// does not verify makes the note malformed: that is an error.
    pub fn cosigned_by(&self, note: &str) -> Result<BTreeSet<String>, PolicyError> {
        let mut by = BTreeSet::new();
        for w in &self.witnesses {
            match w.key.verify(note) {
                Ok(_) => {
                    by.insert(w.name.clone());
                }
                Err(crate::note::NoteError::Unsigned(_)) => {}
                Err(e) => return Err(PolicyError::Log(CheckpointError::Note(e))),
            }
        }
        Ok(by)
    }

    /// Whether witnesses `by` (policy names) meet the quorum.
    pub fn met_by(&self, by: &BTreeSet<String>) -> bool {
        self.holds(&self.quorum, by)
    }

    fn holds(&self, rule: &Rule, by: &BTreeSet<String>) -> bool {
        match rule {
            Rule::None => true,
            Rule::Witness(i) => by.contains(&self.witnesses[*i].name),
            Rule::Group(i) => {
                let group = &self.groups[*i];
                group.members.iter().filter(|m| self.holds(m, by)).count() >= group.threshold
            }
        }
    }

    /// Checks a cosigned checkpoint as the policy asks: signed by one of
    /// its logs, cosigned to the quorum. Returns the checkpoint.
    pub fn check(&self, note: &str) -> Result<Checkpoint, PolicyError> {
        let mut last = CheckpointError::Format("the policy lists no log");
        let mut opened = None;
        for (log, _) in &self.logs {
            match Checkpoint::open(note, log) {
                Ok(checkpoint) => {
                    opened = Some(checkpoint);
                    break;
                }
                Err(e) => last = e,
            }
        }
        let checkpoint = opened.ok_or(PolicyError::Log(last))?;
        let by = self.cosigned_by(note)?;
        if !self.met_by(&by) {
            let names: Vec<&str> = by.iter().map(String::as_str).collect();
            return Err(PolicyError::Quorum(if names.is_empty() {
                "no one".into()
            } else {
                names.join(", ")
            }));
        }
        Ok(checkpoint)
    }
}

fn url_suffix(url: &Option<String>) -> String {
    url.as_ref().map(|u| format!(" {u}")).unwrap_or_default()
}

fn define(
    names: &mut BTreeMap<String, Rule>,
    name: &str,
    rule: Rule,
    line: usize,
) -> Result<(), PolicyError> {
    if name == "none" {
        return Err(line_error(line, "none is a reserved name"));
    }
    if names.insert(name.to_owned(), rule).is_some() {
        return Err(line_error(line, format!("{name} is defined twice")));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
