//! Uploads are multipart form posts. A body of any other type sent to an
//! upload endpoint would reach `server_fn`'s multipart decoder, which
//! panics on a content type without a boundary (server_fn 0.8.13,
//! `codec/multipart.rs`: `expect("couldn't parse boundary")`). This layer
//! answers such a request itself, with a 415 that says what to send,
//! before the decoder runs.

use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use pebble_app::api::proposal_images::UploadProposalImage;

/// The server functions that read a multipart body.
const MULTIPART_ENDPOINTS: [&str; 1] = [UploadProposalImage::PATH];

/// Refuses a request to an upload endpoint whose body is not
/// `multipart/form-data` with a boundary.
pub async fn multipart_or_refuse(request: Request, next: Next) -> Response {
    if !MULTIPART_ENDPOINTS.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    let has_boundary = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| multer::parse_boundary(ct).is_ok_and(|b| !b.is_empty()));
    if has_boundary {
        return next.run(request).await;
    }
    let words = pebble_app::i18n::lang_of(request.headers()).strings();
    (
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        words.upload_not_multipart,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::routing::post;
    use tower::ServiceExt;

    use super::*;

    async fn status_for(content_type: Option<&str>) -> StatusCode {
        let app = Router::new()
            .route(UploadProposalImage::PATH, post(|| async { "decoded" }))
            .layer(axum::middleware::from_fn(multipart_or_refuse));
        let mut request = Request::builder()
            .method("POST")
            .uri(UploadProposalImage::PATH);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = app
            .oneshot(request.body(Body::from("x")).expect("request"))
            .await
            .expect("response");
        response.status()
    }

    #[tokio::test]
    async fn only_multipart_bodies_with_a_boundary_reach_the_decoder() {
        assert_eq!(
            status_for(Some("multipart/form-data; boundary=zz")).await,
            StatusCode::OK
        );
        for bad in [
            None,
            Some("multipart/form-data"),
            Some("multipart/form-data; boundary="),
            Some("application/x-www-form-urlencoded"),
            Some("text/plain; boundary=zz"),
            Some("garbage;;=="),
        ] {
            assert_eq!(
                status_for(bad).await,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{bad:?}"
            );
        }
    }
}
