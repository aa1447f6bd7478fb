//! The stored log read as tiles (c2sp.org/tlog-tiles, see
//! [`counting::tiles`]): a hash tile is a run of stored complete-subtree
//! nodes at one height, an entry bundle a run of entries. One query each.

use counting::merkle::{Hash, from_hex};
use counting::tiles::{Kind, TileId};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::int;
use crate::DbError;
use crate::entity::{log_entry, log_node};

/// The bytes of `tile` in cycle `cycle`'s log: its hashes one after the
/// other, or its entries as a bundle. `None` when the store lacks one of
/// them (the caller checked that the log holds the tile).
pub async fn tile(
    db: &impl ConnectionTrait,
    cycle: i32,
    tile: &TileId,
) -> Result<Option<Vec<u8>>, DbError> {
    let positions: Vec<(u32, u64)> = tile.positions().collect();
    let (Some(&(height, first)), Some(&(_, last))) = (positions.first(), positions.last()) else {
        return Ok(None);
    };
    match tile.kind {
        Kind::Hashes(_) => {
            let rows = log_node::Entity::find()
                .filter(log_node::Column::CycleId.eq(cycle))
                .filter(log_node::Column::Level.eq(i32::try_from(height).unwrap_or(i32::MAX)))
                .filter(log_node::Column::Idx.between(int(first), int(last)))
                .order_by_asc(log_node::Column::Idx)
                .all(db)
                .await?;
            if rows.len() != positions.len() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(rows.len() * 32);
            for row in rows {
                let hash: Hash = from_hex(&row.hash).ok_or_else(|| DbError::InvalidValue {
                    table: "log_node",
                    column: "hash",
                    value: row.hash.clone(),
                })?;
                out.extend_from_slice(&hash);
            }
            Ok(Some(out))
        }
        Kind::Entries => {
            let rows = log_entry::Entity::find()
                .filter(log_entry::Column::CycleId.eq(cycle))
                .filter(log_entry::Column::Idx.between(int(first), int(last)))
                .order_by_asc(log_entry::Column::Idx)
                .all(db)
                .await?;
            if rows.len() != positions.len() {
                return Ok(None);
            }
            let entries = rows
                .iter()
                .map(|row| {
                    crate::hex::decode(&row.entry).ok_or_else(|| DbError::InvalidValue {
                        table: "log_entry",
                        column: "entry",
                        value: row.entry.clone(),
                    })
                })
                .collect::<Result<Vec<Vec<u8>>, DbError>>()?;
            Ok(counting::tiles::bundle(entries.iter().map(Vec::as_slice)))
        }
    }
}
