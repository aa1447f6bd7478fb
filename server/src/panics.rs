//! The last resort: a panic in a handler becomes a logged 500 with a
//! message, never a dropped connection. Bad input is refused long before
//! this (every known panic on bad input has its own guard, such as
//! [`crate::multipart`]); this layer is for the ones nobody found yet.

use std::any::Any;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;

/// What a client is told: the same words as any other failure of ours.
const MESSAGE: &str = "Something went wrong on our side. Please try again in a moment.";

/// The layer that turns a panic into [`answer_panic`]'s response.
pub fn layer() -> CatchPanicLayer<fn(Box<dyn Any + Send + 'static>) -> Response> {
    CatchPanicLayer::custom(answer_panic as fn(Box<dyn Any + Send + 'static>) -> Response)
}

/// Logs the panic's message and answers 500.
pub fn answer_panic(payload: Box<dyn Any + Send + 'static>) -> Response {
    let detail = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = detail, "a handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        MESSAGE,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::extract::Request;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_a_message() {
        async fn broken() -> &'static str {
            let words: Vec<&str> = Vec::new();
            words[1]
        }
        let app = Router::new().route("/", get(broken)).layer(layer());
        let request = Request::builder()
            .uri("/")
            .body(Body::empty())
            .expect("request");
        let response = app
            .oneshot(request)
            .await
            .expect("a response, not a dropped connection");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = to_bytes(response.into_body(), 1024).await.expect("body");
        assert_eq!(body, MESSAGE.as_bytes());
    }
}
