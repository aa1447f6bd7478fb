//! A request body over the limit gets a 413 from `RequestBodyLimitLayer`
//! with an empty body; this gives it a message, in the request's language,
//! that says what to do (the only body that large is an image upload).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// Gives a 413 a message that says what to do.
pub async fn explain_too_large(request: Request, next: Next) -> Response {
    let lang = pebble_app::i18n::lang_of(request.headers());
    let response = next.run(request).await;
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Response::from_parts(parts, Body::from(lang.strings().upload_far_too_large))
}
