//! What a key tool does, apart from the page: make a key file, open one,
//! and use the key for a task, each returning the form fields to post
//! or the [`Problem`] to show. Pure, so it is tested natively.

use counting::committee::{KdfParams, KeyFile, KeyFileError, MemberKey, commitment};
use counting::merkle::stored::TreeHead;
use counting::merkle::{bytes_from_hex, from_hex, to_hex};
use counting::note::NoteVerifier;
use counting::record::Decision;
use counting::record::certification::note_text_for;
use counting::witness::AddCheckpoint;
use counting::witness::member::{MemberRefusal, MemberWitness};

/// Why a key tool could not do its task. The page holds the words for
/// each, in its language, in the attribute [`Problem::attribute`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file is not a Pebble committee key file.
    NotAKeyFile,
    /// The passphrase does not open the file.
    WrongPassphrase,
    /// A new passphrase is shorter than 12 characters.
    ShortPassphrase,
    /// The two new passphrases differ.
    PassphrasesDiffer,
    /// The file opens, but its key is not the one the server holds for
    /// this member.
    NotYours,
    /// The browser gave no random bytes or no clock.
    NoRandom,
    /// An objection without a reason.
    ReasonRequired,
    /// The checkpoint is not signed by the log's key, or does not extend
    /// the one this member cosigned before: the server showed this
    /// member another log.
    NotConsistent,
    /// The server handed back a checkpoint this member never cosigned.
    NotCosigned,
    /// This browser cosigned a later checkpoint than the server handed
    /// back.
    Withheld,
}

impl Problem {
    /// The attribute of the tool's element that holds its words.
    pub fn attribute(self) -> &'static str {
        match self {
            Problem::NotAKeyFile => "data-msg-not-a-file",
            Problem::WrongPassphrase => "data-msg-wrong-passphrase",
            Problem::ShortPassphrase => "data-msg-short-passphrase",
            Problem::PassphrasesDiffer => "data-msg-passphrases-differ",
            Problem::NotYours => "data-msg-not-yours",
            Problem::NoRandom => "data-msg-no-random",
            Problem::ReasonRequired => "data-msg-reason-required",
            Problem::NotConsistent => "data-msg-not-consistent",
            Problem::NotCosigned => "data-msg-not-cosigned",
            Problem::Withheld => "data-msg-withheld",
        }
    }

    fn of_witness(refusal: MemberRefusal) -> Problem {
        match refusal {
            MemberRefusal::Witness(_) | MemberRefusal::Forked(_) => Problem::NotConsistent,
            MemberRefusal::NotCosigned => Problem::NotCosigned,
            MemberRefusal::Withheld { .. } => Problem::Withheld,
        }
    }

    fn of(e: KeyFileError) -> Problem {
        match e {
            KeyFileError::NotKeyFile | KeyFileError::Params => Problem::NotAKeyFile,
            KeyFileError::WrongPassphrase => Problem::WrongPassphrase,
            KeyFileError::ShortPassphrase => Problem::ShortPassphrase,
        }
    }
}

/// What the key is used for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    /// A new tie-break commitment: fields `salt` and `commitment`.
    Commit,
    /// The secret of the commitment made with `salt`: field `secret`.
    Reveal {
        /// The commitment's salt.
        salt: [u8; 16],
    },
    /// A signed decision on a record: field `note`.
    Sign {
        /// The log's name.
        origin: String,
        /// The member's index on the frozen committee.
        member: u32,
        /// The record hash.
        record_hash: [u8; 32],
        /// Certify or object.
        decision: Decision,
    },
    /// A cosignature of the log's checkpoint, as a witness: fields
    /// `cosignature` (the c2sp.org/tlog-cosignature line) and `size`.
    Cosign {
        /// The c2sp.org/tlog-witness `add-checkpoint` request: the size
        /// this member last cosigned, the consistency proof from it and
        /// the signed checkpoint.
        request: AddCheckpoint,
        /// The log's key, from the frozen manifest.
        log: Box<NoteVerifier>,
        /// The member's witness key name.
        name: String,
        /// The checkpoint the member last cosigned, with their
        /// cosignature, as the server hands it back.
        handed: Option<String>,
    },
}

impl Task {
    /// Reads the task from the tool's attributes: `data-task` is
    /// `commit`, `reveal` (with `data-salt`, hex) or `sign` (with
    /// `data-origin`, `data-member`, `data-record-hash` and
    /// `data-decision`, `certify` or `object`) or `cosign` (with
    /// `data-request`, `data-log-key`, `data-key-name` and, once the
    /// member has cosigned, `data-handed`).
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Option<Task> {
        match attribute("data-task")?.as_str() {
            "commit" => Some(Task::Commit),
            "reveal" => {
                let salt = bytes_from_hex(&attribute("data-salt")?)?;
                Some(Task::Reveal {
                    salt: salt.try_into().ok()?,
                })
            }
            "sign" => Some(Task::Sign {
                origin: attribute("data-origin")?,
                member: attribute("data-member")?.parse().ok()?,
                record_hash: from_hex(&attribute("data-record-hash")?)?,
                decision: match attribute("data-decision")?.as_str() {
                    "certify" => Decision::Certify,
                    "object" => Decision::Object,
                    _ => return None,
                },
            }),
            "cosign" => Some(Task::Cosign {
                request: AddCheckpoint::parse(&attribute("data-request")?).ok()?,
                log: Box::new(NoteVerifier::parse(&attribute("data-log-key")?).ok()?),
                name: attribute("data-key-name")?,
                handed: attribute("data-handed").filter(|h| !h.is_empty()),
            }),
            _ => None,
        }
    }
}

/// Makes a key from `seed`, sealed for `owner` under `passphrase` with
/// `salt`: the key file's text and the public key (hex).
pub fn make(
    owner: &str,
    passphrase: &str,
    again: &str,
    seed: [u8; 32],
    salt: [u8; 16],
) -> Result<(String, String), Problem> {
    if passphrase != again {
        return Err(Problem::PassphrasesDiffer);
    }
    let key = MemberKey::from_seed(seed);
    let file =
        KeyFile::seal(&key, owner, passphrase, salt, KdfParams::default()).map_err(Problem::of)?;
    Ok((file.to_text(), to_hex(&key.public_key())))
}

/// Opens the key file `text` with `passphrase`; when the server holds a
/// key for this member (`expected`), it must be that one.
pub fn open(text: &str, passphrase: &str, expected: Option<&str>) -> Result<MemberKey, Problem> {
    let key = KeyFile::parse(text)
        .and_then(|file| file.open(passphrase))
        .map_err(Problem::of)?;
    match expected.map(from_hex) {
        Some(Some(expected)) if expected != key.public_key() => Err(Problem::NotYours),
        _ => Ok(key),
    }
}

/// What the page gives a task besides the key.
#[derive(Clone, Debug, Default)]
pub struct Given<'a> {
    /// Fresh randomness (for a commitment).
    pub salt: [u8; 16],
    /// The time, RFC 3339 UTC (for a decision).
    pub at: &'a str,
    /// The time, POSIX seconds (for a cosignature).
    pub unix: u64,
    /// The form's reason (for a decision).
    pub reason: &'a str,
    /// The checkpoint this browser remembers cosigning last for the
    /// task's log (for a cosignature).
    pub remembered: Option<TreeHead>,
}

/// What a task made: the form fields to post and, for a cosignature,
/// the checkpoint to remember as cosigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    /// The form fields.
    pub fields: Vec<(&'static str, String)>,
    /// The tree head just cosigned.
    pub cosigned: Option<TreeHead>,
}

/// Uses `key` for `task` with what the page `given`.
pub fn perform(task: &Task, key: &MemberKey, given: &Given) -> Result<Made, Problem> {
    let fields = |fields| {
        Ok(Made {
            fields,
            cosigned: None,
        })
    };
    match task {
        Task::Commit => {
            let made = commitment(&key.tiebreak_secret(&given.salt));
            fields(vec![
                ("salt", to_hex(&given.salt)),
                ("commitment", to_hex(&made)),
            ])
        }
        Task::Reveal { salt } => fields(vec![("secret", to_hex(&key.tiebreak_secret(salt)))]),
        Task::Sign {
            origin,
            member,
            record_hash,
            decision,
        } => {
            if *decision == Decision::Object && given.reason.trim().is_empty() {
                return Err(Problem::ReasonRequired);
            }
            let note = key
                .signer(&format!("{origin}/committee/{member}"))
                .and_then(|signer| {
                    signer.sign(&note_text_for(
                        origin,
                        record_hash,
                        *decision,
                        given.at,
                        given.reason,
                    ))
                })
                .map_err(|_| Problem::NotAKeyFile)?;
            fields(vec![("note", note)])
        }
        Task::Cosign {
            request,
            log,
            name,
            handed,
        } => {
            let witness = MemberWitness {
                key,
                name,
                log,
                handed: handed.as_deref(),
                remembered: given.remembered,
            };
            let (checkpoint, line) = witness
                .cosign(request, given.unix)
                .map_err(Problem::of_witness)?;
            Ok(Made {
                fields: vec![
                    ("cosignature", line),
                    ("size", checkpoint.head.size.to_string()),
                ],
                cosigned: Some(checkpoint.head),
            })
        }
    }
}

#[cfg(test)]
mod tests;
