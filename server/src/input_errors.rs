//! Server function calls whose arguments do not parse (a missing field, a
//! word where a number belongs) are the caller's mistake: answer 400 with a
//! message that says so, not the framework's 500.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Largest error body inspected; server function errors are short.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// What a request over the body limit is told.
const TOO_LARGE: &str =
    "That upload is far too large: images can be at most 2 MB. Go back and choose a smaller file.";

/// The `server_fn` error variants that mean "the arguments were wrong".
const INPUT_VARIANTS: [&str; 3] = ["Args|", "Deserialization|", "MissingArg|"];

/// Rewrites a 500 from a server function whose arguments failed to parse
/// into a 400 whose message names what was wrong, and gives a 413 (a body
/// over the limit) a message that says what to do.
pub async fn input_errors_are_bad_requests(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    // The request goes to the handler; keep what the message needs.
    let lang = is_api.then(|| pebble_app::i18n::lang_of(request.headers()));
    let response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::from(TOO_LARGE));
    }
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    let text = String::from_utf8_lossy(&bytes);
    let Some(detail) = INPUT_VARIANTS
        .iter()
        .find_map(|variant| text.strip_prefix(variant))
    else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.status = StatusCode::BAD_REQUEST;
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let words = lang.unwrap_or_default().strings();
    let message = format!("ServerError|{}", (words.form_unreadable)(detail));
    Response::from_parts(parts, Body::from(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_argument_errors_count_as_input_errors() {
        let input = |t: &str| INPUT_VARIANTS.iter().any(|v| t.starts_with(v));
        assert!(input("Args|missing field `password`"));
        assert!(input("Deserialization|expected a number"));
        assert!(!input("ServerError|Something went wrong on our side."));
    }
}
