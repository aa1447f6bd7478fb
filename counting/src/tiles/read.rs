//! Reading stored nodes back out of hash tiles, so that a client holding
//! only the tiles (a witness, an auditor of a static copy) can compute any
//! root or proof with [`crate::merkle::stored`].
//!
//! Node (level `ℓ`, index `j`) with `ℓ = 8·L + r` is the root of the
//! `2^r` hashes `j·2^r … (j+1)·2^r − 1` of tile level `L`; since
//! `2^r ≤ 128` and the run is aligned, they sit in one tile.

use std::collections::BTreeMap;

use super::{FULL, Kind, TileId};
use crate::merkle::stored::Nodes;
use crate::merkle::{Hash, node_hash};

/// Where node (`level`, `index`) is read from in a log of `size`
/// entries: the tile (as wide as the log makes it) and the range of its
/// hashes to fold. `None` if the log does not complete that node.
pub fn node_source(level: u32, index: u64, size: u64) -> Option<(TileId, std::ops::Range<usize>)> {
    let tile_level = u8::try_from(level / 8).ok()?;
    let r = level % 8;
    let first = index.checked_shl(r)?;
    let count = 1u64 << r;
    let hashes_at_level = size.checked_shr(8 * u32::from(tile_level)).unwrap_or(0);
    if first.checked_add(count)? > hashes_at_level {
        return None;
    }
    let tile_index = first / u64::from(FULL);
    let width = (hashes_at_level - tile_index * u64::from(FULL)).min(u64::from(FULL));
    let start = usize::try_from(first % u64::from(FULL)).ok()?;
    Some((
        TileId {
            kind: Kind::Hashes(tile_level),
            index: tile_index,
            width: u16::try_from(width).ok()?,
        },
        start..start + usize::try_from(count).ok()?,
    ))
}

/// The root of a power-of-two run of hashes, folded pairwise.
fn fold(hashes: &[Hash]) -> Hash {
    match hashes {
        [one] => *one,
        _ => {
            let (left, right) = hashes.split_at(hashes.len() / 2);
            node_hash(&fold(left), &fold(right))
        }
    }
}

/// Nodes of a log of `size` entries read from the hash tiles a client
/// fetched, keyed by [`TileId`] (a tile's bytes: its hashes, 32 bytes
/// each). A tile fetched wider than the log's edge (the log grew) serves
/// too: its first hashes are the same.
#[derive(Debug, Default)]
pub struct TileNodes {
    size: u64,
    tiles: BTreeMap<(Kind, u64), Vec<Hash>>,
}

impl TileNodes {
    /// An empty set for a log of `size` entries.
    pub fn new(size: u64) -> TileNodes {
        TileNodes {
            size,
            tiles: BTreeMap::new(),
        }
    }

    /// The tiles the nodes `wanted` (from a [`crate::merkle::stored::Recorder`])
    /// need, each once.
    pub fn tiles_for(&self, wanted: &[(u32, u64)]) -> Vec<TileId> {
        let mut tiles: Vec<TileId> = wanted
            .iter()
            .filter_map(|&(level, index)| {
                node_source(level, index, self.size).map(|(tile, _)| tile)
            })
            .collect();
        tiles.sort();
        tiles.dedup();
        tiles
    }

    /// Adds a fetched tile's bytes; `false` if they are not whole hashes
    /// or fewer than `tile` holds.
    pub fn add(&mut self, tile: TileId, bytes: &[u8]) -> bool {
        if !bytes.len().is_multiple_of(32) || bytes.len() / 32 < usize::from(tile.width) {
            return false;
        }
        let hashes = bytes
            .chunks_exact(32)
            .filter_map(|chunk| Hash::try_from(chunk).ok())
            .collect();
        self.tiles.insert((tile.kind, tile.index), hashes);
        true
    }
}

impl Nodes for TileNodes {
    fn node(&self, level: u32, index: u64) -> Option<Hash> {
        let (tile, range) = node_source(level, index, self.size)?;
        let hashes = self.tiles.get(&(tile.kind, tile.index))?;
        hashes.get(range).map(fold)
    }
}
