use proptest::prelude::*;

use super::*;

fn hashes(level: u8, index: u64, width: u16) -> TileId {
    TileId {
        kind: Kind::Hashes(level),
        index,
        width,
    }
}

#[test]
fn the_specs_example_index_is_written_in_three_digit_groups() {
    // c2sp.org/tlog-tiles, "Merkle Tree": index 1234067 is x001/x234/067.
    assert_eq!(hashes(0, 1_234_067, FULL).path(), "tile/0/x001/x234/067");
    assert_eq!(hashes(2, 0, 5).path(), "tile/2/000.p/5");
    let bundle = TileId {
        kind: Kind::Entries,
        index: 1000,
        width: FULL,
    };
    assert_eq!(bundle.path(), "tile/entries/x001/000");
}

#[test]
fn a_log_of_70000_entries_has_the_tiles_the_spec_lists() {
    // c2sp.org/tlog-tiles, "Partial Tiles": 273 full level 0 tiles, a
    // partial one of width 112, one full level 1 tile, a partial one of
    // width 17, and a partial level 2 tile of width 1.
    let tiles = tiles_of(70_000);
    let level =
        |l: u8| -> Vec<&TileId> { tiles.iter().filter(|t| t.kind == Kind::Hashes(l)).collect() };
    assert_eq!(level(0).len(), 274);
    assert!(level(0)[..273].iter().all(|t| t.is_full()));
    assert_eq!(level(0)[273].width, 112);
    assert_eq!(level(1).len(), 2);
    assert_eq!((level(1)[0].width, level(1)[1].width), (FULL, 17));
    assert_eq!(level(2), [&hashes(2, 0, 1)]);
    assert!(level(3).is_empty());
    let bundles = tiles.iter().filter(|t| t.kind == Kind::Entries).count();
    assert_eq!(bundles, 274);
}

#[test]
fn a_log_of_256_entries_has_a_full_tile_and_a_partial_one_above_it() {
    assert_eq!(
        tiles_of(256)
            .into_iter()
            .filter(|t| t.kind != Kind::Entries)
            .collect::<Vec<_>>(),
        [hashes(0, 0, FULL), hashes(1, 0, 1)]
    );
    assert!(tiles_of(0).is_empty());
}

#[test]
fn a_tile_is_within_a_log_only_once_every_hash_in_it_is_complete() {
    assert!(hashes(0, 0, FULL).within(256));
    assert!(!hashes(0, 0, FULL).within(255));
    assert!(hashes(0, 0, 7).within(7) && hashes(0, 0, 7).within(9000));
    assert!(hashes(1, 0, 1).within(256) && !hashes(1, 0, 2).within(511));
    assert!(!hashes(0, 0, 0).within(10));
    assert!(!hashes(63, u64::MAX, FULL).within(u64::MAX), "no overflow");
}

#[test]
fn a_hash_tile_is_made_of_the_stored_nodes_at_eight_times_its_level() {
    let positions: Vec<(u32, u64)> = hashes(1, 2, 3).positions().collect();
    assert_eq!(positions, [(8, 512), (8, 513), (8, 514)]);
}

#[test]
fn only_canonical_paths_name_tiles() {
    for good in [
        "tile/0/000",
        "tile/0/x001/x234/067",
        "tile/entries/003.p/9",
        "tile/63/999.p/255",
    ] {
        let tile = TileId::parse(good).expect(good);
        assert_eq!(tile.path(), good);
    }
    for bad in [
        "tile/00/000",
        "tile/64/000",
        "tile/0/1",
        "tile/0/0001",
        "tile/0/x000/001",
        "tile/0/001/x002",
        "tile/0/000.p/0",
        "tile/0/000.p/256",
        "tile/0/000.p/07",
        "tile/-1/000",
        "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
        "tiles/0/000",
        "tile/0",
        "tile/entries/",
    ] {
        assert!(TileId::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_bundle_holds_each_entry_behind_its_length() {
    let entries: [&[u8]; 3] = [b"ab", b"", b"xyz"];
    let bytes = bundle(entries).expect("small entries");
    assert_eq!(bytes, b"\0\x02ab\0\0\0\x03xyz");
    assert_eq!(unbundle(&bytes), Some(entries.to_vec()));
    assert_eq!(unbundle(&bytes[..bytes.len() - 1]), None, "cut short");
    assert_eq!(bundle([&[0u8; 65_536][..]]), None);
}

#[test]
fn a_static_copy_holds_every_leaf_and_its_top_tile_gives_the_root() {
    use crate::merkle::{leaf_hash, node_hash, root};
    let entries: Vec<Vec<u8>> = (0u32..300).map(|i| i.to_be_bytes().to_vec()).collect();
    let tiles = static_tiles(&entries).expect("small entries");
    let find = |id: TileId| tiles.iter().find(|(t, _)| *t == id).map(|(_, b)| b.clone());
    let level0 = find(hashes(0, 0, FULL)).expect("full level 0 tile");
    assert_eq!(&level0[..32], &leaf_hash(&entries[0]));
    // 300 = 256 + 44: the root is the full tile's subtree hash beside the
    // 44 leaves' tree.
    let top = find(hashes(1, 0, 1)).expect("level 1 partial tile");
    let rest: Vec<_> = entries[256..].iter().map(|e| leaf_hash(e)).collect();
    assert_eq!(
        node_hash(&top[..32].try_into().expect("32"), &root(&rest)),
        root(&entries.iter().map(|e| leaf_hash(e)).collect::<Vec<_>>())
    );
    let bundle = find(TileId {
        kind: Kind::Entries,
        index: 1,
        width: 44,
    })
    .expect("bundle");
    assert_eq!(unbundle(&bundle).expect("whole").len(), 44);
}

proptest! {
    #[test]
    fn every_tile_path_parses_back_to_its_tile(
        level in proptest::option::of(0u8..=63),
        index in any::<u64>(),
        width in 1u16..=256,
    ) {
        let tile = TileId {
            kind: level.map_or(Kind::Entries, Kind::Hashes),
            index,
            width,
        };
        prop_assert_eq!(TileId::parse(&tile.path()), Ok(tile));
    }

    #[test]
    fn the_tiles_of_a_log_are_all_within_it_and_none_of_a_larger_one_are_missing(size in 0u64..200_000) {
        let tiles = tiles_of(size);
        prop_assert!(tiles.iter().all(|t| t.within(size)));
        let leaves: u64 = tiles
            .iter()
            .filter(|t| t.kind == Kind::Hashes(0))
            .map(|t| u64::from(t.width))
            .sum();
        prop_assert_eq!(leaves, size);
    }
}

#[test]
fn every_node_and_proof_reads_back_from_the_tiles_alone() {
    use crate::merkle::stored::{Recorder, TreeHead, consistency_proof, inclusion_proof};
    for size in [1u64, 2, 255, 256, 257, 600, 65_537] {
        let entries: Vec<Vec<u8>> = (0..size).map(|i| i.to_be_bytes().to_vec()).collect();
        let leaves: Vec<_> = entries
            .iter()
            .map(|e| crate::merkle::leaf_hash(e))
            .collect();
        let nodes = crate::merkle::stored::audit::all_nodes(&leaves);
        let mut from_tiles = TileNodes::new(size);
        for (tile, bytes) in static_tiles(&entries).expect("valid test data") {
            if matches!(tile.kind, Kind::Hashes(_)) {
                assert!(from_tiles.add(tile, &bytes));
            }
        }
        assert_eq!(
            TreeHead::of(&from_tiles, size).expect("valid test data"),
            TreeHead::of(&nodes, size).expect("valid test data"),
            "root of {size}"
        );
        for old in [1, size / 3 + 1, size - 1]
            .into_iter()
            .filter(|old| *old >= 1 && *old < size)
        {
            let recorder = Recorder::default();
            let _ = consistency_proof(&recorder, old, size);
            let wanted = from_tiles.tiles_for(&recorder.into_read());
            assert!(wanted.iter().all(|tile| tile.within(size)));
            assert_eq!(
                consistency_proof(&from_tiles, old, size).expect("valid test data"),
                consistency_proof(&nodes, old, size).expect("valid test data")
            );
        }
        assert_eq!(
            inclusion_proof(&from_tiles, size - 1, size).expect("valid test data"),
            inclusion_proof(&nodes, size - 1, size).expect("valid test data")
        );
    }
}

#[test]
fn a_node_the_log_has_not_completed_comes_from_no_tile() {
    assert_eq!(node_source(0, 5, 5), None);
    assert_eq!(node_source(1, 2, 5), None);
    let (tile, range) = node_source(9, 1, 1024).expect("valid test data");
    assert_eq!(
        (tile.kind, tile.index, tile.width, range),
        (Kind::Hashes(1), 0, 4, 2..4)
    );
}
