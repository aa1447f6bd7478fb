//! `spawn_app()`: the real server on a free port with a fresh database.

use std::net::SocketAddr;

use counting::committee::{KeyFile, MemberKey};
use pebble_db::seed::{DemoCredential, DemoKeyFile};
use pebble_domain::Phase;
use pebble_server::{Application, DatabaseConfig};
use rand::Rng;
use sea_orm::ConnectionTrait;

/// Which engine a test runs on.
pub enum Engine {
    /// A fresh SQLite file in a temporary folder.
    Sqlite,
    /// A fresh schema in the PostgreSQL database named by the URL.
    Postgres(String),
}

impl Engine {
    /// PostgreSQL, when `PEBBLE_TEST_POSTGRES_URL` names a database. The
    /// test command always sets it and `PEBBLE_REQUIRE_POSTGRES=1`, so the
    /// PostgreSQL half is only ever skipped in a bare `cargo test`.
    pub fn postgres() -> Option<Engine> {
        match std::env::var("PEBBLE_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => Some(Engine::Postgres(url)),
            _ => {
                assert!(
                    std::env::var("PEBBLE_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                    "PEBBLE_REQUIRE_POSTGRES=1 but PEBBLE_TEST_POSTGRES_URL is not set"
                );
                eprintln!("PEBBLE_TEST_POSTGRES_URL is not set: skipping the PostgreSQL case");
                None
            }
        }
    }
}

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// The metrics listener, `http://127.0.0.1:PORT` (another port).
    pub metrics_address: String,
    /// An HTTP client that never goes through a proxy.
    pub client: reqwest::Client,
    /// The database configuration the server uses.
    pub database: DatabaseConfig,
    /// The demo accounts' sign-in details.
    pub credentials: Vec<DemoCredential>,
    /// The demo committee members' key files, as their owners keep them.
    pub key_files: Vec<DemoKeyFile>,
    /// The passphrase they are sealed under.
    pub key_passphrase: String,
    server: tokio::task::AbortHandle,
    _folder: tempfile::TempDir,
}

impl Drop for TestApp {
    // Stops the server, so that its database connections go back to
    // PostgreSQL when a test starts many apps one after another.
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Who sends a request: nobody, or a signed-in demo account.
#[derive(Clone, Debug)]
pub enum As {
    /// No session cookie.
    Anonymous,
    /// The `Cookie` header of a signed-in session.
    Session(String),
}

impl TestApp {
    /// The engine this app runs on, for a second app beside it.
    pub fn engine(&self) -> Engine {
        match self.database.database_schema {
            Some(_) => Engine::Postgres(self.database.database_url.clone()),
            None => Engine::Sqlite,
        }
    }

    /// GET `path` and return the status and body text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// GET `path` as a browser offering language `lang`.
    pub async fn get_lang(&self, path: &str, lang: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .header("accept-language", lang)
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// POST a form to `path` and return the status and body text.
    pub async fn post_form(&self, path: &str, body: &str) -> (u16, String) {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

impl TestApp {
    /// Runs the `pebble` binary on this app's database; returns whether
    /// it succeeded, its stdout and its stderr.
    pub fn pebble(&self, args: &[&str]) -> (bool, String, String) {
        let output = self.pebble_command(args).output().expect("pebble runs");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// The `pebble` binary with `args`, set to this app's database.
    pub fn pebble_command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pebble"));
        command
            .args(args)
            .env("PEBBLE_DATABASE_URL", &self.database.database_url)
            .env_remove("PEBBLE_DATABASE_SCHEMA");
        if let Some(schema) = &self.database.database_schema {
            command.env("PEBBLE_DATABASE_SCHEMA", schema);
        }
        command
    }

    /// The certification key of committee member `username`, opened
    /// from their key file as their browser would.
    pub fn member_key(&self, username: &str) -> MemberKey {
        let file = self
            .key_files
            .iter()
            .find(|f| f.username == username)
            .unwrap_or_else(|| panic!("no demo key for {username}"));
        KeyFile::parse(&file.text)
            .and_then(|f| f.open(&self.key_passphrase))
            .expect("the demo key opens")
    }

    /// The demo password of `username`.
    pub fn password(&self, username: &str) -> String {
        self.credentials
            .iter()
            .find(|c| c.username == username)
            .unwrap_or_else(|| panic!("no demo account {username}"))
            .password
            .clone()
    }

    /// Signs `username` in and returns the session to send requests as.
    pub async fn sign_in(&self, username: &str) -> As {
        let password = self.password(username);
        self.sign_in_with(username, &password)
            .await
            .unwrap_or_else(|| panic!("{username} signs in"))
    }

    /// Signs `username` in with `password`: the session, or `None` when
    /// the sign-in is refused.
    pub async fn sign_in_with(&self, username: &str, password: &str) -> Option<As> {
        let response = self
            .client
            .post(format!("{}/api/sign-in", self.address))
            .header("accept", "application/json")
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .expect("POST /api/sign-in");
        if response.status().as_u16() != 200 {
            return None;
        }
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("pebble_session=") || v.starts_with("__Host-pebble_session="))
            .expect("a session cookie")
            .to_owned();
        Some(As::Session(
            cookie.split(';').next().unwrap_or_default().to_owned(),
        ))
    }

    /// POSTs `form` to a server function as `who`, as the app's own
    /// JavaScript does; returns the status and body.
    pub async fn call(&self, who: &As, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let mut request = self
            .client
            .post(format!("{}{path}", self.address))
            .header("accept", "application/json")
            .form(form);
        if let As::Session(cookie) = who {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("POST");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// POSTs `form` as a browser with JavaScript off does (a plain form
    /// from `page`); returns the status and the `Location` header.
    pub async fn form_post(
        &self,
        who: &As,
        page: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let request = self
            .client
            .post(format!("{}{path}", self.address))
            .form(form);
        let (status, _, location) = self.send(who, Some(page), request).await;
        (status, location)
    }

    /// POSTs a multipart form (an upload) as `who`; `page` set means as a
    /// browser's plain form post from that page. Returns the status, the
    /// body and the `Location` header.
    pub async fn upload(
        &self,
        who: &As,
        page: Option<&str>,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> (u16, String, String) {
        let request = self
            .client
            .post(format!("{}{path}", self.address))
            .multipart(form);
        self.send(who, page, request).await
    }

    /// Sends `request` as `who`, as a plain form post from `page` if set,
    /// else as the app's JavaScript does; returns status, body, `Location`.
    async fn send(
        &self,
        who: &As,
        page: Option<&str>,
        mut request: reqwest::RequestBuilder,
    ) -> (u16, String, String) {
        request = match page {
            Some(page) => request
                .header("accept", "text/html,application/xhtml+xml")
                .header("referer", format!("{}{page}", self.address)),
            None => request.header("accept", "application/json"),
        };
        if let As::Session(cookie) = who {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("POST");
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, response.text().await.expect("body"), location)
    }

    /// GETs `path` as `who`; returns the status and body.
    pub async fn get_as(&self, who: &As, path: &str) -> (u16, String) {
        let mut request = self.client.get(format!("{}{path}", self.address));
        if let As::Session(cookie) = who {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("GET");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

/// Starts the server on a fresh database with the demo cycle loaded.
pub async fn spawn_app(engine: Engine) -> TestApp {
    spawn_app_in(engine, Phase::Deliberation).await
}

/// Starts the server on a fresh database with the demo cycle in `phase`.
pub async fn spawn_app_in(engine: Engine, phase: Phase) -> TestApp {
    spawn_app_with(engine, phase, None).await
}

/// Starts the server on a fresh database with the demo cycle in `phase`
/// and, with `past`, last year's certified cycle counted by that rule.
pub async fn spawn_app_with(
    engine: Engine,
    phase: Phase,
    past: Option<pebble_db::seed::PastRule>,
) -> TestApp {
    spawn_app_configured(engine, phase, past, |_| {}).await
}

/// Starts the server as [`spawn_app_with`] does, with its settings changed
/// by `configure` first (a public URL, trusted proxies).
pub async fn spawn_app_configured(
    engine: Engine,
    phase: Phase,
    past: Option<pebble_db::seed::PastRule>,
    configure: impl FnOnce(&mut pebble_server::ServeConfig),
) -> TestApp {
    let folder = tempfile::tempdir().expect("temporary folder");
    let database = match engine {
        Engine::Sqlite => DatabaseConfig {
            database_url: format!("sqlite://{}/pebble.db?mode=rwc", folder.path().display()),
            database_schema: None,
        },
        Engine::Postgres(url) => {
            let schema = format!("t_{:016x}", rand::rng().random::<u64>());
            let admin = pebble_db::connect(&url, None)
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
                .await
                .expect("create schema");
            DatabaseConfig {
                database_url: url,
                database_schema: Some(schema),
            }
        }
    };
    let db = database
        .open()
        .await
        .expect("open and migrate the test database");
    let demo = pebble_db::seed::demo_with_past(&db, phase, Default::default(), past)
        .await
        .expect("seed")
        .expect("a fresh database takes the demo");
    let addr: SocketAddr = "127.0.0.1:0".parse().expect("address");
    let mut config = pebble_server::ServeConfig::local(addr, folder.path());
    config.metrics_addr = Some(addr);
    configure(&mut config);
    let app = Application::build(&config, db).await.expect("bind");
    let address = format!("http://{}", app.local_addr().expect("local address"));
    let metrics_address = format!("http://{}", app.metrics_addr().expect("metrics address"));
    let server = tokio::spawn(app.run()).abort_handle();
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        // A stuck request fails its test instead of stalling the suite.
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("client");
    TestApp {
        address,
        metrics_address,
        client,
        database,
        credentials: demo.credentials,
        key_files: demo.key_files,
        key_passphrase: demo.key_passphrase,
        server,
        _folder: folder,
    }
}

/// Defines, for each named `async fn(TestApp)`, a test on SQLite and one on
/// PostgreSQL. Tests run on a multi-threaded runtime, as `pebble serve` does.
#[macro_export]
macro_rules! on_both_engines {
    (phase $phase:ident: $($name:ident),* $(,)?) => {$(
        mod $name {
            use $crate::helpers::{Engine, spawn_app_in};
            use pebble_domain::Phase;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_sqlite() {
                super::$name(spawn_app_in(Engine::Sqlite, Phase::$phase).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_postgres() {
                if let Some(engine) = Engine::postgres() {
                    super::$name(spawn_app_in(engine, Phase::$phase).await).await;
                }
            }
        }
    )*};
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use $crate::helpers::{Engine, spawn_app};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_sqlite() {
                super::$name(spawn_app(Engine::Sqlite).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn on_postgres() {
                if let Some(engine) = Engine::postgres() {
                    super::$name(spawn_app(engine).await).await;
                }
            }
        }
    )*};
}
