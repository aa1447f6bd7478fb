//! Building and running the HTTP application.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use pebble_app::site::SiteSettings;
use pebble_app::{App, shell};
use pebble_db::DatabaseConnection;
use pebble_domain::PublicUrl;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

use crate::client_address::TrustedProxies;
use crate::config::ServeConfig;
use crate::headers::{CspNonce, HeaderPolicy};
use crate::same_origin::OwnOrigin;

/// The largest request body accepted: room for a 2 MB image and a form
/// around it, so that an image up to this size gets a message about the
/// image limit rather than a bare refusal.
const MAX_REQUEST_BODY: usize = 8 * 1024 * 1024;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos' rendering options.
    pub leptos_options: LeptosOptions,
    /// The database pool.
    pub db: DatabaseConnection,
    /// The JSON API's caches, limiter and metrics.
    pub api: std::sync::Arc<crate::api::Api>,
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    /// `/metrics` on a listener of its own, when configured.
    metrics: Option<(TcpListener, Router)>,
    /// Asking the witnesses ([`crate::witnessing`]).
    witnessing: std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>,
}

impl Application {
    /// Binds `config.addr` (port 0 picks a free port), and the metrics
    /// listener if configured, and builds the routes, serving the
    /// compiled site (CSS, JS, WASM) from `config.site_root`.
    pub async fn build(config: &ServeConfig, db: DatabaseConnection) -> std::io::Result<Self> {
        let listener = TcpListener::bind(config.addr).await?;
        let local = listener.local_addr()?;
        let (router, state) = router(db, config, local);
        let metrics = match config.metrics_addr {
            Some(addr) => Some((
                TcpListener::bind(addr).await?,
                Router::new()
                    .route("/metrics", get(crate::api::metrics::metrics))
                    .with_state(state.clone()),
            )),
            None => None,
        };
        let witnessing = Box::pin(crate::witnessing::run(
            state.db.clone(),
            state.api.ballot_box.clone(),
            std::time::Duration::from_secs(config.witness_every),
        ));
        Ok(Application {
            listener,
            router,
            metrics,
            witnessing,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The metrics listener's address, if there is one.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics
            .as_ref()
            .and_then(|(listener, _)| listener.local_addr().ok())
    }

    /// Serves until Ctrl-C or SIGTERM. The metrics listener and the
    /// witnessing loop run in the same future, so stopping the server (or
    /// aborting its task, as the tests do) stops all three and lets the
    /// database pool go.
    pub async fn run(self) -> std::io::Result<()> {
        use std::future::IntoFuture;
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let site = axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .into_future();
        let served = async move {
            let Some((listener, router)) = self.metrics else {
                return site.await;
            };
            let metrics = axum::serve(listener, router)
                .with_graceful_shutdown(shutdown_signal())
                .into_future();
            let (site, metrics) = tokio::join!(site, metrics);
            if let Err(error) = metrics {
                tracing::error!(%error, "the metrics listener stopped");
            }
            site
        };
        tokio::select! {
            served = served => served,
            () = self.witnessing => Ok(()),
        }
    }
}

fn router(db: DatabaseConnection, config: &ServeConfig, addr: SocketAddr) -> (Router, AppState) {
    let site_root = config.site_root.as_path();
    let hashes = crate::assets::Hashes::read(site_root);
    // Leptos finds its hash file relative to the executable's folder; an
    // absolute path replaces that folder (`Path::join`).
    let hash_file = std::path::absolute(site_root.join("hash.txt"))
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "hash.txt".to_owned());
    let leptos_options = LeptosOptions::builder()
        .output_name("pebble")
        .site_root(site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hashes.is_some())
        .hash_file(hash_file.into())
        .build();
    let mut assets = pebble_app::SiteAssets::default();
    if let Some(hashes) = &hashes {
        assets.stylesheet = hashes.stylesheet();
        assets.keytools = hashes.module("keytools");
        assets.receipt_check = hashes.module("receiptcheck");
    }
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db: db.clone(),
        api: std::sync::Arc::new(crate::api::Api::start(db.clone())),
    };
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| PublicUrl::local(addr));
    let site = SiteSettings {
        public_url: public_url.clone(),
        session_idle: std::time::Duration::from_secs(u64::from(config.session_idle_hours) * 3600),
    };
    let routes = routes();
    let ballot_box = state.api.ballot_box.clone();
    let context = move || {
        provide_context(db.clone());
        provide_context(ballot_box.clone());
        provide_context(assets.clone());
        provide_context(site.clone());
        provide_context(pebble_app::api::backend::auth::ViewerCache::default());
        // The page's inline scripts carry the nonce its CSP header names.
        if let Some(nonce) = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
        {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    };
    let header_policy = HeaderPolicy {
        https: public_url.is_https(),
    };
    let own_origin = Arc::new(OwnOrigin(config.public_url.clone()));
    let proxies = Arc::new(TrustedProxies::new(config.trusted_proxies.clone()));
    let routed = Router::<AppState>::new()
        .merge(crate::assets::pkg_routes(site_root, hashes.is_some()))
        .route("/healthz", get(crate::health::healthz))
        .merge(crate::api::routes())
        .route("/proposals/{id}/image", get(crate::images::proposal_image))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .method_not_allowed_fallback(wrong_method)
        .layer(axum::middleware::from_fn_with_state(
            crate::page_deadline::PAGE_DEADLINE,
            crate::page_deadline::render_within,
        ))
        .layer(axum::middleware::from_fn(
            crate::multipart::multipart_or_refuse,
        ))
        .with_state(state.clone());
    // What runs before routing: a posted voting page is routed as its GET
    // page (axum routes each method separately, and a route's layers only
    // see the methods it has).
    let router = Router::new()
        .fallback_service(routed)
        .layer(axum::middleware::from_fn(crate::posted::posted_pages))
        .layer(axum::middleware::from_fn_with_state(
            own_origin,
            crate::same_origin::only_own_origin,
        ))
        .layer(axum::middleware::from_fn_with_state(
            proxies,
            crate::client_address::decide,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BODY))
        .layer(axum::middleware::from_fn(
            crate::too_large::explain_too_large,
        ))
        .layer(axum::middleware::from_fn(
            crate::redirects::without_empty_query,
        ))
        .layer(CompressionLayer::new())
        .layer(crate::panics::layer())
        .layer(axum::middleware::from_fn_with_state(
            header_policy,
            crate::headers::secure,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(request_span));
    (router, state)
}

/// The span of one request in the logs: the method and the path, and the
/// query only off the voting and receipt pages. A voting address carries
/// no code or ballot, but an old code card's link (`/vote?code=…`) would
/// put one in a query, and request logs must never join a code to an
/// address and a time.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let path = request.uri().path();
    let private = path.starts_with("/vote") || path.starts_with("/receipt");
    let query = if private {
        ""
    } else {
        request.uri().query().unwrap_or_default()
    };
    tracing::debug_span!("request", method = %request.method(), path, query)
}

/// The app's routes, listed once per process. Listing them renders the app
/// with resource loading switched off by a process-wide flag in
/// `leptos_server` (`SuppressResourceLoad`); a page that another server in
/// the same process starts rendering meanwhile waits forever for its data
/// (leptos-rs/leptos#4773). The integration tests start dozens of servers
/// in one process, and an occasional stalled test was exactly this.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// 405 with words, for a method an address does not take (a POST to a
/// page or to `/healthz`).
async fn wrong_method(method: axum::http::Method) -> (axum::http::StatusCode, String) {
    (
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        format!("This address does not take {method} requests."),
    )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
