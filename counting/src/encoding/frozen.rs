//! The canonical bytes of a [`FrozenManifest`], version 5.
//!
//! ```text
//! frozen   = version:u8=5  tag:"pebble frozen manifest" (22 bytes)
//!            election_id:16  cycle:u64  name:text  currency:3 (ASCII A–Z)
//!            log_key:32  threshold:u32  committee:u32
//!            member * committee                  (versions 3, 4 and 5)
//!            witnesses:text                      (version 5 only)
//!            manifest_len:u32  manifest          (version 1, see the parent module)
//!            title:text * (the manifest's project count, in its order)
//! member   = name:text  certification_key:32
//!            committed:u8 (0 or 1)  [commitment:32 when 1]   (versions 4 and 5)
//! text     = length:u16  UTF-8 bytes
//! ```
//!
//! `commitment` is the member's tie-break commitment
//! ([`crate::committee`]); `witnesses` the witness policy
//! ([`crate::policy`], canonical, without `log` lines: the log is this
//! election's). An election encodes as the lowest version that holds it:
//! version 2 without members (manifests frozen before certification
//! keys), version 3 with members of whom none committed (imported
//! training cycles, and manifests frozen before commit–reveal), version 4
//! with commitments, version 5 with a witness policy; so no manifest's
//! hash ever changes, and a version-4 manifest in which no member
//! committed, or a version-5 policy that is not canonical, is refused.
//! The published manifest hash is `SHA-256(frozen)`. Nothing may follow
//! the last title.

use super::reader::Reader;
use super::{DecodeError, decode_manifest, encode_manifest};
use crate::Currency;
use crate::election::{CommitteeMember, Election, FrozenManifest};

/// The frozen manifest format's version.
pub const FROZEN_VERSION: u8 = 5;

/// The version with commitments and no witness policy.
const FROZEN_VERSION_NO_WITNESSES: u8 = 4;

/// The version whose members have no commitments.
const FROZEN_VERSION_NO_COMMITMENTS: u8 = 3;

/// The version without committee members.
const FROZEN_VERSION_NO_MEMBERS: u8 = 2;

fn version_of(election: &Election) -> u8 {
    if election.witnesses.is_some() && !election.members.is_empty() {
        FROZEN_VERSION
    } else if election.members.is_empty() {
        FROZEN_VERSION_NO_MEMBERS
    } else if election.members.iter().all(|m| m.commitment.is_none()) {
        FROZEN_VERSION_NO_COMMITMENTS
    } else {
        FROZEN_VERSION_NO_WITNESSES
    }
}

/// Whether members of this version carry a commitment flag.
fn has_commitments(version: u8) -> bool {
    version == FROZEN_VERSION || version == FROZEN_VERSION_NO_WITNESSES
}

/// The domain tag after the version byte.
pub const FROZEN_TAG: &[u8] = b"pebble frozen manifest";

pub(crate) fn encode(frozen: &FrozenManifest) -> Vec<u8> {
    let election = &frozen.election;
    let manifest = encode_manifest(&frozen.manifest);
    let mut out = Vec::with_capacity(128 + manifest.len());
    let version = version_of(election);
    out.push(version);
    out.extend_from_slice(FROZEN_TAG);
    out.extend_from_slice(&election.id);
    out.extend_from_slice(&election.cycle.to_be_bytes());
    put_text(&mut out, &election.name);
    out.extend_from_slice(election.currency.code().as_bytes());
    out.extend_from_slice(&election.log_key);
    out.extend_from_slice(&election.threshold.to_be_bytes());
    if election.members.is_empty() {
        out.extend_from_slice(&election.committee.to_be_bytes());
    } else {
        let count = u32::try_from(election.members.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&count.to_be_bytes());
        for member in &election.members {
            put_text(&mut out, &member.name);
            out.extend_from_slice(&member.key);
            if has_commitments(version) {
                match &member.commitment {
                    Some(commitment) => {
                        out.push(1);
                        out.extend_from_slice(commitment);
                    }
                    None => out.push(0),
                }
            }
        }
    }
    if version == FROZEN_VERSION {
        put_text(&mut out, election.witnesses.as_deref().unwrap_or_default());
    }
    let len = u32::try_from(manifest.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&manifest);
    for title in &frozen.titles {
        put_text(&mut out, title);
    }
    out
}

/// `text` as `length:u16 ‖ UTF-8 bytes`. Texts longer than 65,535 bytes
/// are cut at a character boundary; the server's forms allow far less.
pub(crate) fn put_text(out: &mut Vec<u8>, text: &str) {
    let mut end = text.len().min(usize::from(u16::MAX));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    out.extend_from_slice(&u16::try_from(end).unwrap_or(u16::MAX).to_be_bytes());
    out.extend_from_slice(&text.as_bytes()[..end]);
}

/// Decodes a frozen manifest, refusing any bytes [`FrozenManifest::encode`]
/// would not write.
pub fn decode_frozen(bytes: &[u8]) -> Result<FrozenManifest, DecodeError> {
    let mut r = Reader::new(bytes);
    let version = r.u8()?;
    if ![
        FROZEN_VERSION,
        FROZEN_VERSION_NO_WITNESSES,
        FROZEN_VERSION_NO_COMMITMENTS,
        FROZEN_VERSION_NO_MEMBERS,
    ]
    .contains(&version)
    {
        return r.fail_at(0, "unsupported frozen manifest version");
    }
    if r.take(FROZEN_TAG.len())? != FROZEN_TAG {
        return r.fail_at(1, "not a frozen manifest");
    }
    let mut id = [0u8; 16];
    id.copy_from_slice(r.take(16)?);
    let cycle = r.u64()?;
    let name = r.text()?;
    let at = r.at();
    let currency = std::str::from_utf8(r.take(3)?)
        .ok()
        .and_then(|code| Currency::try_from(code.to_owned()).ok());
    let Some(currency) = currency else {
        return r.fail_at(at, "the currency is not three letters A–Z");
    };
    let mut log_key = [0u8; 32];
    log_key.copy_from_slice(r.take(32)?);
    let threshold = r.u32()?;
    let at = r.at();
    let committee = r.u32()?;
    let mut members = Vec::new();
    if version != FROZEN_VERSION_NO_MEMBERS {
        if committee == 0 {
            return r.fail_at(at, "a version 3, 4 or 5 manifest names at least one member");
        }
        for _ in 0..committee {
            let name = r.text()?;
            let mut key = [0u8; 32];
            key.copy_from_slice(r.take(32)?);
            let commitment = if has_commitments(version) {
                let flag_at = r.at();
                match r.u8()? {
                    0 => None,
                    1 => {
                        let mut commitment = [0u8; 32];
                        commitment.copy_from_slice(r.take(32)?);
                        Some(commitment)
                    }
                    _ => return r.fail_at(flag_at, "a member's commitment flag is not 0 or 1"),
                }
            } else {
                None
            };
            members.push(CommitteeMember {
                name,
                key,
                commitment,
            });
        }
        if version == FROZEN_VERSION_NO_WITNESSES && members.iter().all(|m| m.commitment.is_none())
        {
            return r.fail_at(
                0,
                "a version 4 manifest in which no member committed is written as version 3",
            );
        }
    }
    let witnesses = if version == FROZEN_VERSION {
        let at = r.at();
        let text = r.text()?;
        let canonical = crate::policy::Policy::parse(&text)
            .is_ok_and(|policy| policy.logs.is_empty() && policy.text() == text);
        if !canonical {
            return r.fail_at(
                at,
                "the witness policy is not a canonical policy without log lines",
            );
        }
        Some(text)
    } else {
        None
    };
    let len = usize::try_from(r.u32()?).unwrap_or(usize::MAX);
    let start = r.at();
    let manifest = decode_manifest(r.take(len)?).map_err(|e| DecodeError {
        offset: start + e.offset,
        reason: e.reason,
    })?;
    let titles = (0..manifest.projects.len())
        .map(|_| r.text())
        .collect::<Result<Vec<_>, _>>()?;
    r.finish()?;
    Ok(FrozenManifest {
        election: Election {
            id,
            cycle,
            name,
            currency,
            log_key,
            threshold,
            committee,
            members,
            witnesses,
        },
        manifest,
        titles,
    })
}

#[cfg(test)]
mod tests;
