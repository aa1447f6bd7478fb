//! The ballot log as c2sp.org/tlog-tiles, read by an implementation that
//! is not Pebble's: Cloudflare's `tlog_tiles` crate (a port of Go's
//! `sumdb/tlog`). It fetches the tiles it decides it needs, checks them
//! against the checkpoint's root, and proves each receipt's entry in the
//! tree; the same reader then reads a static export served by Python's
//! plain file server.

use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use pebble_domain::Phase;
use serde_json::json;
use tlog_tiles::{
    Checkpoint, HashReader, Tile, TileHashReader, TileReader, check_record, prove_record,
    record_hash, stored_hash_index, tree_hash,
};

use crate::helpers::{TestApp, spawn_app_with};
use crate::voting::{cast, projects_by_cost};

/// Tiles fetched over HTTP from `prefix` (which ends in `/`), their paths
/// written here from the spec, not with Pebble's code.
struct HttpTiles {
    client: reqwest::Client,
    prefix: String,
    runtime: tokio::runtime::Handle,
    fetched: AtomicUsize,
}

/// A tile's path per c2sp.org/tlog-tiles: `tile/<L>/<N>[.p/<W>]`, `N` in
/// three-digit groups, all but the last after an `x`.
fn c2sp_path(tile: &Tile) -> String {
    let mut n = tile.level_index();
    let mut groups = vec![format!("{:03}", n % 1000)];
    n /= 1000;
    while n > 0 {
        groups.push(format!("x{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    let partial = match tile.width() {
        256 => String::new(),
        w => format!(".p/{w}"),
    };
    format!("tile/{}/{}{partial}", tile.level(), groups.join("/"))
}

impl HttpTiles {
    fn new(app: &TestApp, prefix: String) -> HttpTiles {
        HttpTiles {
            client: app.client.clone(),
            prefix,
            runtime: tokio::runtime::Handle::current(),
            fetched: AtomicUsize::new(0),
        }
    }

    fn get(&self, path: &str) -> (u16, Vec<u8>, String) {
        self.runtime.block_on(async {
            let response = self
                .client
                .get(format!("{}{path}", self.prefix))
                .send()
                .await
                .expect("GET");
            let status = response.status().as_u16();
            let cache = response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            (
                status,
                response.bytes().await.expect("body").to_vec(),
                cache,
            )
        })
    }
}

impl TileReader for HttpTiles {
    fn height(&self) -> u8 {
        8
    }

    fn read_tiles(&self, tiles: &[Tile]) -> Result<Vec<Vec<u8>>, tlog_tiles::Error> {
        tiles
            .iter()
            .map(|tile| {
                self.fetched.fetch_add(1, Ordering::Relaxed);
                let (status, bytes, _) = self.get(&c2sp_path(tile));
                (status == 200)
                    .then_some(bytes)
                    .ok_or(tlog_tiles::Error::InvalidTile)
            })
            .collect()
    }

    fn save_tiles(&self, _tiles: &[Tile], _data: &[Vec<u8>]) {}
}

/// The checkpoint at `prefix`, parsed by `tlog_tiles` (its body: the
/// signed note's text before the blank line).
fn checkpoint_of(reader: &HttpTiles) -> Checkpoint {
    let (status, note, _) = reader.get("checkpoint");
    assert_eq!(status, 200);
    let note = String::from_utf8(note).expect("text");
    let body = note.split_once("\n\n").expect("a signed note").0;
    Checkpoint::from_bytes(format!("{body}\n").as_bytes()).expect("a checkpoint")
}

crate::on_both_engines!(phase Voting: an_independent_reader_gets_the_logs_root_and_proves_every_receipt);

async fn an_independent_reader_gets_the_logs_root_and_proves_every_receipt(app: TestApp) {
    let projects = projects_by_cost(&app).await;
    let ballots: Vec<_> = (0..300)
        .map(|i| json!({ "kind": "approval", "choices": [projects[i % 3]] }))
        .collect();
    let receipts = cast(&app, &ballots).await;
    let reader = HttpTiles::new(&app, format!("{}/log/1/", app.address));
    let (_, api) = app.get_json("/api/v1/cycles/1/log/checkpoint").await;
    let (root, checked) = tokio::task::spawn_blocking(move || {
        let checkpoint = checkpoint_of(&reader);
        assert_eq!(checkpoint.size(), 300);
        assert_eq!(
            reader.get("checkpoint").2,
            "no-cache",
            "a checkpoint is not kept"
        );
        let root = *checkpoint.hash();
        let tiles = TileHashReader::new(300, root, &reader);
        assert_eq!(
            tree_hash(300, &tiles).expect("the tiles make the tree"),
            root
        );
        for (index, receipt) in (0u64..).zip(receipts.iter()) {
            let entry = STANDARD
                .decode(receipt["entry"].as_str().expect("entry"))
                .expect("base64");
            let proof = prove_record(300, index, &tiles).expect("a proof from the tiles");
            check_record(&proof, 300, root, index, record_hash(&entry))
                .expect("the receipt's entry is in the tree");
        }
        // A full tile is kept for a year; the partial one at the edge
        // briefly; entry bundles are not served before certification.
        let (status, full, cache) = reader.get("tile/0/000");
        assert_eq!((status, full.len()), (200, 8192));
        assert_eq!(cache, "public, max-age=31536000, immutable");
        let (status, partial, cache) = reader.get("tile/0/001.p/44");
        assert_eq!(
            (status, partial.len(), cache.as_str()),
            (200, 44 * 32, "public, max-age=10")
        );
        assert_eq!(reader.get("tile/0/001.p/45").0, 404, "beyond the log");
        assert_eq!(reader.get("tile/0/001").0, 404, "not full yet");
        assert_eq!(reader.get("tile/entries/000").0, 404, "ballots are secret");
        assert_eq!(
            reader.get("tile/0/x000/001").0,
            404,
            "one spelling per tile"
        );
        (root, reader.fetched.load(Ordering::Relaxed))
    })
    .await
    .expect("the reader");
    assert!(checked >= 2, "the reader fetched tiles");
    assert_eq!(
        api["root_hash"].as_str().expect("root"),
        counting::merkle::to_hex(&root.0),
        "the API and the tiles agree"
    );
}

crate::on_both_engines!(
    a_certified_log_serves_its_entries_and_its_static_copy_verifies_from_a_plain_file_server
);

async fn a_certified_log_serves_its_entries_and_its_static_copy_verifies_from_a_plain_file_server(
    plain: TestApp,
) {
    let engine = plain.engine();
    drop(plain);
    let app = spawn_app_with(
        engine,
        Phase::Deliberation,
        Some(pebble_db::seed::PastRule::Mes),
    )
    .await;
    let folder = tempfile::tempdir().expect("folder");
    let out = folder.path().join("log").join("2");
    let (ok, said, err) = app.pebble(&[
        "export",
        "--cycle",
        "2",
        "--format",
        "tiles",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(ok, "{said}{err}");
    let (ok, _, err) = app.pebble(&[
        "export", "--cycle", "1", "--format", "tiles", "--out", "/tmp/x",
    ]);
    assert!(!ok && err.contains("certifies"), "{err}");
    // Python's plain file server: no Pebble code in the way.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mut python = std::process::Command::new("python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .current_dir(folder.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("python3 runs");
    let static_prefix = format!("http://127.0.0.1:{port}/log/2/");
    for _ in 0..100 {
        if app
            .client
            .get(format!("{static_prefix}checkpoint"))
            .send()
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let served = HttpTiles::new(&app, format!("{}/log/2/", app.address));
    let copied = HttpTiles::new(&app, static_prefix);
    let roots = tokio::task::spawn_blocking(move || {
        let mut roots = Vec::new();
        for reader in [&served, &copied] {
            let checkpoint = checkpoint_of(reader);
            let size = checkpoint.size();
            assert_eq!(size, 300, "the demo's 264 online and 36 paper ballots");
            let root = *checkpoint.hash();
            let tiles = TileHashReader::new(size, root, reader);
            assert_eq!(
                tree_hash(size, &tiles).expect("the tiles make the tree"),
                root
            );
            // Every entry in the bundles hashes to its leaf in the tree.
            let mut index = 0u64;
            for (bundle, width) in [("tile/entries/000", 256u64), ("tile/entries/001.p/44", 44)] {
                let (status, bytes, _) = reader.get(bundle);
                assert_eq!(status, 200, "{bundle}");
                let mut rest = bytes.as_slice();
                for _ in 0..width {
                    let length = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
                    let entry = &rest[2..2 + length];
                    rest = &rest[2 + length..];
                    let leaf = tiles
                        .read_hashes(&[stored_hash_index(0, index)])
                        .expect("the leaf")[0];
                    assert_eq!(leaf, record_hash(entry), "entry {index}");
                    index += 1;
                }
                assert!(rest.is_empty(), "{bundle} holds {width} entries exactly");
            }
            roots.push(root);
        }
        roots
    })
    .await
    .expect("the readers");
    let _ = python.kill();
    let _ = python.wait();
    assert_eq!(roots[0], roots[1], "the static copy is the served log");
    let (_, record) = app.get_json("/api/v1/cycles/2/record").await;
    let sealed = record["log"]["checkpoint"].as_str().expect("sealed");
    assert!(
        sealed.contains(&STANDARD.encode(roots[0].0)),
        "the record's sealed checkpoint names the same root"
    );
}
