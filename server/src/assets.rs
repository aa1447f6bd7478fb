//! The compiled site under `/pkg`: CSS, JS and WASM. `scripts/build` names
//! each file after its content's hash and lists the hashes in the site's
//! `hash.txt` (the format Leptos reads: `js: …`, `wasm: …`, plus our
//! `css: …`), and its release build writes brotli and gzip copies beside
//! each file. A hashed name never changes content, so browsers may keep it
//! for a year; the copies save compressing on every request.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The content hashes a build wrote, if it hashed its files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hashes {
    /// Of `pebble.<hash>.js`.
    pub js: String,
    /// Of `pebble.<hash>.wasm`.
    pub wasm: String,
    /// Of `pebble.<hash>.css`.
    pub css: String,
    /// Of the page tools' modules, by `<name>-js` and `<name>-wasm`
    /// (`keytools-js: …`).
    pub modules: std::collections::BTreeMap<String, String>,
}

impl Hashes {
    /// Reads `hash.txt` in `site_root`; `None` when the build did not hash
    /// (the files keep their plain names then).
    pub fn read(site_root: &Path) -> Option<Hashes> {
        let text = std::fs::read_to_string(site_root.join("hash.txt")).ok()?;
        Hashes::parse(&text)
    }

    /// Parses `hash.txt`: one `name: hash` a line; all three are needed.
    pub fn parse(text: &str) -> Option<Hashes> {
        let mut hashes = Hashes::default();
        for line in text.lines() {
            let Some((name, hash)) = line.split_once(':') else {
                continue;
            };
            let hash = hash.trim().to_owned();
            match name.trim() {
                "js" => hashes.js = hash,
                "wasm" => hashes.wasm = hash,
                "css" => hashes.css = hash,
                name if (name.ends_with("-js") || name.ends_with("-wasm"))
                    && hash.bytes().all(|b| b.is_ascii_alphanumeric()) =>
                {
                    hashes.modules.insert(name.to_owned(), hash);
                }
                _ => {}
            }
        }
        let complete = [&hashes.js, &hashes.wasm, &hashes.css]
            .iter()
            .all(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric()));
        complete.then_some(hashes)
    }

    /// The stylesheet's address.
    pub fn stylesheet(&self) -> String {
        format!("/pkg/pebble.{}.css", self.css)
    }

    /// The addresses of page tool `name`'s module and wasm.
    pub fn module(&self, name: &str) -> pebble_app::ModuleFiles {
        let hash = |ext: &str| {
            self.modules
                .get(&format!("{name}-{ext}"))
                .map(String::as_str)
        };
        pebble_app::ModuleFiles::named(name, hash("js"), hash("wasm"))
    }
}

/// `/pkg`, served from `site_root/pkg` with the brotli or gzip copy when
/// the browser takes it, and cached for a year when the names are hashed.
pub fn pkg_routes<S: Clone + Send + Sync + 'static>(site_root: &Path, hashed: bool) -> Router<S> {
    let cache = if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_hash_file_names_the_stylesheet() {
        let hashes = Hashes::parse("js: 0a1b\nwasm: 2c3d\ncss: 4e5f\n").expect("complete");
        assert_eq!(hashes.stylesheet(), "/pkg/pebble.4e5f.css");
        assert_eq!(hashes.wasm, "2c3d");
    }

    #[test]
    fn a_partial_or_odd_hash_file_means_plain_names() {
        assert_eq!(Hashes::parse("js: 0a1b\nwasm: 2c3d\n"), None);
        assert_eq!(Hashes::parse("js: ../x\nwasm: 1\ncss: 2\n"), None);
    }

    #[test]
    fn the_page_tools_are_named_by_their_hashes_when_the_build_wrote_them() {
        let plain = Hashes::parse("js: 1\nwasm: 2\ncss: 3\n").expect("complete");
        let files = plain.module("keytools");
        assert_eq!(
            (files.module.as_str(), files.wasm.as_str()),
            ("/pkg/keytools.js", "/pkg/keytools.wasm")
        );
        let named = Hashes::parse("js: 1\nwasm: 2\ncss: 3\nkeytools-js: 4a\nkeytools-wasm: 5b\n")
            .expect("complete");
        let files = named.module("keytools");
        assert_eq!(
            (files.module.as_str(), files.wasm.as_str()),
            ("/pkg/keytools.4a.js", "/pkg/keytools.5b.wasm")
        );
    }
}
