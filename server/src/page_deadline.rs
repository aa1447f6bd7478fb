//! A deadline on rendering a page, as a safety net. Leptos has had races
//! in which a server render waits forever for data that has arrived (a
//! lost wake-up in `Suspense`/`Transition`, leptos-rs/leptos#4851 and
//! #4673, narrowed in 0.8.23; a process-wide flag during route listing,
//! #4773, which `startup::routes` avoids). A page normally renders in
//! milliseconds, so a render still running after [`PAGE_DEADLINE`] is
//! dropped and done once more; if that one stalls too, the visitor gets a
//! 503 that says to reload, never a page that loads forever.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// How long one page render may take.
pub const PAGE_DEADLINE: Duration = Duration::from_secs(10);

/// What a visitor is told when both renders stalled.
const STALLED: &str = "This page took too long to prepare. Please reload it.";

/// Renders a GET page with `deadline`, a second time if the first stalls.
/// Server functions (`/api/`) and their side effects are never repeated.
pub async fn render_within(
    State(deadline): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let is_page = request.method() == Method::GET && !request.uri().path().starts_with("/api/");
    if !is_page {
        return next.run(request).await;
    }
    // A GET has no body to replay; the head is all there is.
    let (head, _) = request.into_parts();
    for attempt in 1..=2 {
        let again = Request::from_parts(head.clone(), Body::empty());
        match tokio::time::timeout(deadline, next.clone().run(again)).await {
            Ok(response) => return response,
            Err(_) => tracing::warn!(
                path = head.uri.path(),
                attempt,
                "page render stalled past its deadline; dropped"
            ),
        }
    }
    (StatusCode::SERVICE_UNAVAILABLE, STALLED).into_response()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use axum::Router;
    use axum::routing::{get, post};
    use tower::ServiceExt;

    use super::*;

    /// A router whose `/page` hangs for its first `stalls` calls, and a
    /// counter of all calls.
    fn app(stalls: usize) -> (Router, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let page = move || {
            let counter = Arc::clone(&counter);
            async move {
                if counter.fetch_add(1, Ordering::SeqCst) < stalls {
                    std::future::pending::<()>().await;
                }
                "rendered"
            }
        };
        let router = Router::new()
            .route("/page", get(page.clone()))
            .route("/api/thing", post(page))
            .layer(axum::middleware::from_fn_with_state(
                Duration::from_millis(50),
                render_within,
            ));
        (router, calls)
    }

    async fn send(router: Router, method: Method, path: &str) -> (StatusCode, String) {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .expect("request");
        let response = router.oneshot(request).await.expect("response");
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .expect("body");
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    #[tokio::test]
    async fn a_page_that_stalls_once_is_rendered_again() {
        let (router, calls) = app(1);
        assert_eq!(
            send(router, Method::GET, "/page").await,
            (StatusCode::OK, "rendered".to_owned())
        );
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_page_that_stalls_twice_answers_503_with_a_message() {
        let (router, calls) = app(2);
        let (status, body) = send(router, Method::GET, "/page").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(body.contains("reload"), "{body}");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_page_that_renders_is_rendered_once() {
        let (router, calls) = app(0);
        assert_eq!(send(router, Method::GET, "/page").await.0, StatusCode::OK);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn server_functions_are_never_repeated() {
        let (router, calls) = app(1);
        let call = send(router, Method::POST, "/api/thing");
        let outcome = tokio::time::timeout(Duration::from_millis(300), call).await;
        assert!(outcome.is_err(), "a stalled server function is not retried");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
