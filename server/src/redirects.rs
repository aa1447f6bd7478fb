//! After a plain form post, `server_fn` sends the browser back to the page
//! it came from, taking its own error parameters out of the address but
//! leaving the `?` they were under (`/proposals/1?`). This drops an empty
//! query from every redirect, so the address bar shows the page's own
//! address.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::LOCATION;
use axum::middleware::Next;
use axum::response::Response;

/// Removes a trailing `?` from a response's `Location`.
pub async fn without_empty_query(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let tidied = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_suffix('?'))
        .and_then(|v| HeaderValue::from_str(v).ok());
    if let Some(location) = tidied {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    async fn location_after(target: &'static str) -> String {
        let app =
            Router::new()
                .route(
                    "/",
                    get(move || async move {
                        (StatusCode::FOUND, [(LOCATION, target)]).into_response()
                    }),
                )
                .layer(axum::middleware::from_fn(without_empty_query));
        let request = Request::builder()
            .uri("/")
            .body(Body::empty())
            .expect("request");
        let response = app.oneshot(request).await.expect("response");
        response.headers()[LOCATION]
            .to_str()
            .expect("text")
            .to_owned()
    }

    #[tokio::test]
    async fn an_empty_query_is_dropped_and_a_real_one_kept() {
        assert_eq!(
            location_after("http://x/proposals/1?").await,
            "http://x/proposals/1"
        );
        assert_eq!(location_after("/?sort=cost").await, "/?sort=cost");
        assert_eq!(location_after("/admin").await, "/admin");
    }
}
