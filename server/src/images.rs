//! `GET /proposals/{id}/image`: a proposal's image, with the type it was
//! checked to be on upload. Hidden proposals' images are not served, and
//! nothing here can be read as a page (no sniffing, no script).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pebble_db::DatabaseConnection;
use pebble_domain::Status;

/// The image of proposal `id`, or 404; 304 when the browser has it.
pub async fn proposal_image(
    State(db): State<DatabaseConnection>,
    Path(id): Path<i32>,
    request_headers: HeaderMap,
) -> Response {
    let visible = match pebble_db::proposals::find(&db, id).await {
        Ok(found) => found.is_some_and(|f| *f.proposal.status != Status::Hidden),
        Err(error) => return failed(&error),
    };
    let image = match pebble_db::proposal_images::get(&db, id).await {
        Ok(image) => image.filter(|_| visible),
        Err(error) => return failed(&error),
    };
    let Some(image) = image else {
        return (StatusCode::NOT_FOUND, "This proposal has no image.").into_response();
    };
    let etag = format!("\"{}\"", image.sha256);
    let cached = request_headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes());
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    if cached {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if let Ok(value) = HeaderValue::from_str(&image.content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    (headers, image.bytes).into_response()
}

fn failed(error: &pebble_db::DbError) -> Response {
    tracing::error!(%error, "reading a proposal image failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Please try again in a moment.",
    )
        .into_response()
}
