//! The ballot log as tiles (c2sp.org/tlog-tiles): the Merkle tree served
//! as static resources that any web host or cache can hold, instead of
//! proofs computed on request. A hash tile at level `l` holds up to 256
//! consecutive Merkle tree hashes of subtrees of `256^l` entries, which
//! are exactly the log's stored complete-subtree nodes at height `8·l`
//! ([`crate::merkle::stored`]); an entry bundle holds up to 256 entries,
//! each behind its length as a big-endian `u16`. A client fetches the
//! tiles it needs and computes any root or proof itself.
//!
//! Tiles are addressed `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`,
//! where `<N>` is written in three-digit groups, all but the last with an
//! `x` before them (`1234067` is `x001/x234/067`), and `.p/<W>` marks a
//! partial tile of `W` hashes (1–255) at the log's right edge.

use std::fmt;

mod read;

pub use read::{TileNodes, node_source};

/// Hashes (or entries) in a full tile: 2^8.
pub const FULL: u16 = 256;

/// What a tile holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Merkle tree hashes at this tile level (0: the leaf hashes).
    Hashes(u8),
    /// The entries themselves.
    Entries,
}

/// One tile: what it holds, its index within its level, and its width
/// ([`FULL`] for a full tile).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TileId {
    /// Hashes of a level, or entries.
    pub kind: Kind,
    /// Its index within the level.
    pub index: u64,
    /// How many hashes or entries it holds, 1 to 256.
    pub width: u16,
}

/// Why a path names no tile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TilePathError(&'static str);

impl TileId {
    /// Whether it holds 256 hashes or entries.
    pub fn is_full(&self) -> bool {
        self.width == FULL
    }

    /// Entries each of its hashes spans: `256^level` (an entry bundle's
    /// entries span one each). `None` past `u64`.
    fn span(&self) -> Option<u64> {
        match self.kind {
            Kind::Hashes(level) => 256u64.checked_pow(u32::from(level)),
            Kind::Entries => Some(1),
        }
    }

    /// Whether a log of `size` entries holds this tile: every hash in it
    /// is the root of a complete subtree of those entries (a partial
    /// tile's content never changes once the log reaches it).
    pub fn within(&self, size: u64) -> bool {
        let end = self
            .index
            .checked_mul(u64::from(FULL))
            .and_then(|first| first.checked_add(u64::from(self.width)))
            .and_then(|last| last.checked_mul(self.span()?));
        (1..=FULL).contains(&self.width) && end.is_some_and(|end| end <= size)
    }

    /// The positions its hashes or entries come from, in order: for a hash
    /// tile the stored nodes `(8·level, index·256 + i)`, for an entry bundle
    /// the entries' indexes `(0, index·256 + i)`.
    pub fn positions(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        let height = match self.kind {
            Kind::Hashes(level) => 8 * u32::from(level),
            Kind::Entries => 0,
        };
        let first = self.index.saturating_mul(u64::from(FULL));
        (0..u64::from(self.width)).map(move |i| (height, first.saturating_add(i)))
    }

    /// Its path, from `tile/`.
    pub fn path(&self) -> String {
        let level = match self.kind {
            Kind::Hashes(level) => level.to_string(),
            Kind::Entries => "entries".to_owned(),
        };
        let partial = if self.is_full() {
            String::new()
        } else {
            format!(".p/{}", self.width)
        };
        format!("tile/{level}/{}{partial}", index_path(self.index))
    }

    /// The tile a path names (`tile/0/x001/234.p/7`, `tile/entries/000`);
    /// only the canonical spelling is accepted, so one tile has one path.
    pub fn parse(path: &str) -> Result<TileId, TilePathError> {
        let rest = path
            .strip_prefix("tile/")
            .ok_or(TilePathError("a tile's path starts with tile/"))?;
        let (level, rest) = rest
            .split_once('/')
            .ok_or(TilePathError("a tile's path is tile/<level>/<index>"))?;
        let kind = if level == "entries" {
            Kind::Entries
        } else {
            let level = canonical_number(level)
                .filter(|l| *l <= 63)
                .ok_or(TilePathError("a tile level is a number from 0 to 63"))?;
            Kind::Hashes(u8::try_from(level).map_err(|_| TilePathError("level"))?)
        };
        let (index, width) = match rest.split_once(".p/") {
            Some((index, width)) => {
                let width = canonical_number(width)
                    .filter(|w| (1..u64::from(FULL)).contains(w))
                    .ok_or(TilePathError(
                        "a partial tile's width is a number from 1 to 255",
                    ))?;
                (
                    index,
                    u16::try_from(width).map_err(|_| TilePathError("width"))?,
                )
            }
            None => (rest, FULL),
        };
        let index = parse_index(index).ok_or(TilePathError(
            "a tile index is written in groups of three digits, all but the last after an x (x001/x234/067)",
        ))?;
        Ok(TileId { kind, index, width })
    }
}

impl fmt::Display for TileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

/// A decimal number with no sign and no leading zeros.
fn canonical_number(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

/// `index` as three-digit groups: `x001/x234/067`.
fn index_path(index: u64) -> String {
    let mut groups = vec![format!("{:03}", index % 1000)];
    let mut rest = index / 1000;
    while rest > 0 {
        groups.push(format!("x{:03}", rest % 1000));
        rest /= 1000;
    }
    groups.reverse();
    groups.join("/")
}

fn parse_index(text: &str) -> Option<u64> {
    let groups: Vec<&str> = text.split('/').collect();
    let (last, leading) = groups.split_last()?;
    let mut index: u64 = 0;
    for (at, group) in leading.iter().enumerate() {
        let digits = group.strip_prefix('x')?;
        // The first group may not be x000: the index would have a second
        // spelling without it.
        if at == 0 && digits == "000" {
            return None;
        }
        index = index
            .checked_mul(1000)?
            .checked_add(three_digits(digits)?)?;
    }
    index.checked_mul(1000)?.checked_add(three_digits(last)?)
}

fn three_digits(text: &str) -> Option<u64> {
    (text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Every tile of a log of `size` entries: at each level the full tiles,
/// and the partial one at the right edge if there is one; then the entry
/// bundles the same way. What a static copy of the log holds.
pub fn tiles_of(size: u64) -> Vec<TileId> {
    let mut tiles = Vec::new();
    let mut push_level = |kind: Kind, hashes: u64| {
        let full = hashes / u64::from(FULL);
        tiles.extend((0..full).map(|index| TileId {
            kind,
            index,
            width: FULL,
        }));
        let partial = u16::try_from(hashes % u64::from(FULL)).unwrap_or(0);
        if partial > 0 {
            tiles.push(TileId {
                kind,
                index: full,
                width: partial,
            });
        }
    };
    let mut hashes = size;
    let mut level = 0u8;
    while hashes > 0 {
        push_level(Kind::Hashes(level), hashes);
        hashes /= u64::from(FULL);
        level += 1;
    }
    push_level(Kind::Entries, size);
    tiles
}

/// An entry bundle: each entry behind its length as a big-endian `u16`.
/// `None` if an entry is longer than 65,535 bytes (a Pebble entry is a
/// few hundred).
pub fn bundle<'a>(entries: impl IntoIterator<Item = &'a [u8]>) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for entry in entries {
        out.extend_from_slice(&u16::try_from(entry.len()).ok()?.to_be_bytes());
        out.extend_from_slice(entry);
    }
    Some(out)
}

/// The entries of a bundle, or `None` if it is cut short.
pub fn unbundle(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut entries = Vec::new();
    while !bytes.is_empty() {
        let (length, rest) = bytes.split_at_checked(2)?;
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        let (entry, rest) = rest.split_at_checked(length)?;
        entries.push(entry);
        bytes = rest;
    }
    Some(entries)
}

/// Every tile of the log of `entries`, with its bytes: a static copy of
/// the log that any file server can serve (hash tiles from the nodes the
/// entries make, [`crate::merkle::stored::audit::all_nodes`]). `None` if
/// an entry is too long for a bundle.
pub fn static_tiles(entries: &[Vec<u8>]) -> Option<Vec<(TileId, Vec<u8>)>> {
    let leaves: Vec<crate::merkle::Hash> = entries
        .iter()
        .map(|entry| crate::merkle::leaf_hash(entry))
        .collect();
    let nodes = crate::merkle::stored::audit::all_nodes(&leaves);
    let size = u64::try_from(entries.len()).ok()?;
    tiles_of(size)
        .into_iter()
        .map(|tile| {
            let bytes = match tile.kind {
                Kind::Hashes(_) => tile
                    .positions()
                    .map(|(height, index)| nodes.get(&(height, index)).copied())
                    .collect::<Option<Vec<_>>>()?
                    .concat(),
                Kind::Entries => bundle(tile.positions().map(|(_, index)| {
                    usize::try_from(index)
                        .ok()
                        .and_then(|i| entries.get(i))
                        .map_or(&[][..], Vec::as_slice)
                }))?,
            };
            Some((tile, bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests;
