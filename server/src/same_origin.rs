//! Refuses state-changing requests sent from other sites (cross-site
//! request forgery). The session cookie is `SameSite=Lax`, but that alone
//! lets a sibling subdomain through and rests on every browser doing it;
//! so a POST (or any method but GET, HEAD and OPTIONS) whose `Origin` is
//! not Pebble's own, or that the browser marks `Sec-Fetch-Site:
//! cross-site`, is refused with a 403 that says why (OWASP CSRF
//! Prevention Cheat Sheet, "Verifying origin with standard headers";
//! Fetch Metadata, W3C).
//!
//! Pebble's own origin is its public URL when one is set; otherwise (a
//! local server) the request's own `Host`. A request with neither header
//! (a script, `curl`, the test client) is no browser's and passes: a
//! forged request needs a victim's browser, and browsers send `Origin`
//! on every POST.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pebble_domain::PublicUrl;

/// Whose requests may change things.
#[derive(Clone, Debug, Default)]
pub struct OwnOrigin(pub Option<PublicUrl>);

/// Why a request was refused, if it was.
fn refusal(own: &OwnOrigin, method: &Method, headers: &HeaderMap) -> Option<&'static str> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if text("sec-fetch-site") == Some("cross-site") {
        return Some(
            "This request came from another site, so Pebble did not act on it. Open Pebble's own page and try again there.",
        );
    }
    let origin = text(header::ORIGIN.as_str())?;
    let ours = match &own.0 {
        Some(url) => origin.eq_ignore_ascii_case(&url.origin()),
        None => {
            let host = text(header::HOST.as_str()).unwrap_or_default();
            let origin_host = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            !host.is_empty() && origin_host.is_some_and(|o| o.eq_ignore_ascii_case(host))
        }
    };
    (!ours).then_some(
        "This request came from another site (its Origin is not Pebble's), so Pebble did not act on it. Open Pebble's own page and try again there.",
    )
}

/// The layer: 403 for a forged request, else on to the route.
pub async fn only_own_origin(
    State(own): State<Arc<OwnOrigin>>,
    request: Request,
    next: Next,
) -> Response {
    match refusal(&own, request.method(), request.headers()) {
        Some(message) => (StatusCode::FORBIDDEN, message).into_response(),
        None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().expect("value"));
        }
        map
    }

    fn public(url: &str) -> OwnOrigin {
        OwnOrigin(Some(url.parse().expect("url")))
    }

    #[test]
    fn a_post_from_another_origin_is_refused_and_one_from_ours_passes() {
        let own = public("https://pb.school.example");
        let evil = headers(&[("origin", "https://evil.example")]);
        assert!(refusal(&own, &Method::POST, &evil).is_some());
        let ours = headers(&[("origin", "https://pb.school.example")]);
        assert_eq!(refusal(&own, &Method::POST, &ours), None);
        let sibling = headers(&[("origin", "https://other.school.example")]);
        assert!(refusal(&own, &Method::DELETE, &sibling).is_some());
    }

    #[test]
    fn a_null_origin_is_not_ours() {
        let nothing = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(refusal(&OwnOrigin(None), &Method::POST, &nothing).is_some());
    }

    #[test]
    fn a_browser_marking_a_request_cross_site_is_refused_whatever_its_origin() {
        let marked = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(refusal(&OwnOrigin(None), &Method::POST, &marked).is_some());
    }

    #[test]
    fn without_a_public_url_the_origin_must_match_the_host() {
        let own = OwnOrigin(None);
        let same = headers(&[
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ]);
        assert_eq!(refusal(&own, &Method::POST, &same), None);
        let other = headers(&[
            ("origin", "http://evil.example"),
            ("host", "localhost:3000"),
        ]);
        assert!(refusal(&own, &Method::POST, &other).is_some());
    }

    #[test]
    fn reads_and_requests_from_no_browser_pass() {
        let evil = headers(&[("origin", "https://evil.example")]);
        assert_eq!(refusal(&OwnOrigin(None), &Method::GET, &evil), None);
        assert_eq!(
            refusal(&OwnOrigin(None), &Method::POST, &HeaderMap::new()),
            None
        );
    }
}
