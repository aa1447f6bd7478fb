//! A witness for Pebble's ballot logs (and any log that signs C2SP
//! checkpoints): it keeps the latest checkpoint it cosigned of each log
//! it follows and cosigns a new one only if it extends that one
//! (c2sp.org/tlog-witness, c2sp.org/tlog-cosignature). An observer runs
//! it with `pebble witness serve`; a split view (the log showing this
//! witness one history and others another) then shows as a refusal and
//! as evidence on disk, signed by the log's own key.
//!
//! It answers `POST /add-checkpoint` for a log that asks, and follows
//! logs itself by reading their checkpoint and hash tiles
//! ([`follow`]); both go through [`Witness::add_checkpoint`], which
//! checks and saves under one lock, so two requests can never roll the
//! state back (the race the specification warns of).

pub mod follow;
pub mod store;

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use counting::checkpoint::Checkpoint;
use counting::cosignature::Cosigner;
use counting::note::NoteVerifier;
use counting::witness::{AddCheckpoint, Refusal};
use store::{LogState, Store};
use tokio::sync::Mutex;

/// The largest request body: 63 proof lines and a checkpoint with a few
/// signatures fit in a few kilobytes.
const MAX_BODY: usize = 16 * 1024;

/// A witness: its key and its state, one request at a time.
pub struct Witness {
    cosigner: Cosigner,
    store: Mutex<Store>,
}

/// What became of a checkpoint offered to the witness.
#[derive(Debug)]
pub enum Outcome {
    /// Cosigned: the signature line.
    Cosigned(String),
    /// Refused, with the specification's status; the path of the evidence
    /// kept when the log showed an inconsistent tree.
    Refused(Refusal, Option<std::path::PathBuf>),
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Witness {
    /// A witness with key `cosigner` and its state in `store`.
    pub fn new(cosigner: Cosigner, store: Store) -> Witness {
        Witness {
            cosigner,
            store: Mutex::new(store),
        }
    }

    /// The witness's verifier key (what policies name).
    pub fn verifier_key(&self) -> String {
        self.cosigner.verifier().to_string()
    }

    /// Starts following a log: pins its key (`log_key`, a verifier key)
    /// under its origin. A log already followed keeps its pinned key;
    /// another key for it is refused.
    pub async fn follow_log(&self, log_key: &str, url: Option<String>) -> Result<String, String> {
        let verifier = NoteVerifier::parse(log_key).map_err(|e| format!("log key: {e}"))?;
        let store = self.store.lock().await;
        let origin = verifier.name().to_owned();
        match store.get(&origin)? {
            Some(held) if held.log_key != log_key => Err(format!(
                "log {origin} is pinned to key {}, not {log_key}",
                held.log_key
            )),
            Some(held) if held.url != url && url.is_some() => {
                store.put(&LogState { url, ..held }).map(|()| origin)
            }
            Some(_) => Ok(origin),
            None => store
                .put(&LogState {
                    origin: origin.clone(),
                    log_key: log_key.to_owned(),
                    url,
                    checkpoint: None,
                })
                .map(|()| origin),
        }
    }

    /// The latest checkpoint cosigned for `origin`, if any.
    pub async fn latest(&self, origin: &str) -> Result<Option<Checkpoint>, String> {
        let store = self.store.lock().await;
        let Some(state) = store.get(origin)? else {
            return Ok(None);
        };
        latest_of(&state)
    }

    /// The tlog-witness `add-checkpoint` operation: check, save, cosign,
    /// under the one lock.
    pub async fn add_checkpoint(&self, request: &AddCheckpoint) -> Result<Outcome, String> {
        let store = self.store.lock().await;
        let origin = request.origin().unwrap_or_default().to_owned();
        let state = store.get(&origin)?;
        let verifier = match &state {
            Some(state) => Some(NoteVerifier::parse(&state.log_key).map_err(|e| e.to_string())?),
            None => None,
        };
        let held = match &state {
            Some(state) => latest_of(state)?,
            None => None,
        };
        let checkpoint = match request.check(verifier.as_ref(), held.as_ref().map(|c| &c.head)) {
            Ok(checkpoint) => checkpoint,
            Err(refusal) => {
                let evidence = match refusal {
                    Refusal::Inconsistent(reason) => {
                        let path = store.evidence(now(), reason, &request.body())?;
                        tracing::error!(%origin, evidence = %path.display(), reason, "the log showed this witness a tree that does not extend the one it cosigned");
                        Some(path)
                    }
                    _ => None,
                };
                return Ok(Outcome::Refused(refusal, evidence));
            }
        };
        let line = self
            .cosigner
            .cosign(&checkpoint.text(), now())
            .map_err(|e| e.to_string())?;
        let Some(state) = state else {
            return Err(format!("log {origin} was checked without a state"));
        };
        store.put(&LogState {
            checkpoint: Some(format!("{}{line}", request.checkpoint)),
            ..state
        })?;
        tracing::info!(%origin, size = checkpoint.head.size, "cosigned");
        Ok(Outcome::Cosigned(line))
    }

    /// The witness's HTTP interface: `POST /add-checkpoint`, and `GET /`
    /// saying who it is and what it follows.
    pub fn router(self: Arc<Self>) -> Router {
        Router::new()
            .route("/add-checkpoint", post(add_checkpoint))
            .route("/", get(about))
            .layer(DefaultBodyLimit::max(MAX_BODY))
            .with_state(self)
    }
}

fn latest_of(state: &LogState) -> Result<Option<Checkpoint>, String> {
    let Some(note) = &state.checkpoint else {
        return Ok(None);
    };
    let verifier = NoteVerifier::parse(&state.log_key).map_err(|e| e.to_string())?;
    Checkpoint::open(note, &verifier).map(Some).map_err(|e| {
        format!(
            "the saved checkpoint of {} does not open: {e}",
            state.origin
        )
    })
}

async fn add_checkpoint(State(witness): State<Arc<Witness>>, body: Bytes) -> Response {
    let text = |status: StatusCode, body: String| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            body,
        )
            .into_response()
    };
    let Ok(body) = std::str::from_utf8(&body) else {
        return text(
            StatusCode::BAD_REQUEST,
            "The request is not UTF-8 text.\n".into(),
        );
    };
    let request = match AddCheckpoint::parse(body) {
        Ok(request) => request,
        Err(refusal) => return text(StatusCode::BAD_REQUEST, format!("{refusal}\n")),
    };
    match witness.add_checkpoint(&request).await {
        Ok(Outcome::Cosigned(line)) => text(StatusCode::OK, line),
        Ok(Outcome::Refused(Refusal::Conflict(size), _)) => (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/x.tlog.size")],
            format!("{size}\n"),
        )
            .into_response(),
        Ok(Outcome::Refused(refusal, _)) => text(
            StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST),
            format!("{refusal}\n"),
        ),
        Err(e) => {
            tracing::error!(error = %e, "the witness could not read or save its state");
            text(
                StatusCode::SERVICE_UNAVAILABLE,
                "The witness cannot reach its state; nothing was cosigned.\n".into(),
            )
        }
    }
}

async fn about(State(witness): State<Arc<Witness>>) -> Response {
    let logs = witness.store.lock().await.all().unwrap_or_default();
    let mut out = format!(
        "A Pebble witness (c2sp.org/tlog-witness).\nkey {}\n",
        witness.verifier_key()
    );
    for log in logs {
        let size = latest_of(&log)
            .ok()
            .flatten()
            .map_or("none yet".to_owned(), |c| c.head.size.to_string());
        out.push_str(&format!("log {} cosigned size {size}\n", log.log_key));
    }
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], out).into_response()
}
