//! Refuses state-changing requests sent from other sites (cross-site
//! request forgery). The session cookie is `SameSite=Lax`, but that alone
//! lets a sibling subdomain through and rests on every browser doing it;
//! so a POST (or any method but GET, HEAD and OPTIONS) whose `Origin` is
//! not Pebble's own, or that the browser marks `Sec-Fetch-Site:
//! cross-site`, is refused with a 403 that says why (OWASP CSRF
//! Prevention Cheat Sheet, "Verifying origin with standard headers";
//! Fetch Metadata, W3C).
//!
//! A browser's `Sec-Fetch-Site` decides where it is sent; otherwise the
//! `Origin` must be Pebble's own: its public URL when one is set, else (a
//! local server) the request's own `Host`. A request with neither header
//! (a script, `curl`, the test client) is no browser's and passes: a
//! forged request needs a victim's browser, and browsers send `Origin`
//! on every POST.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pebble_app::pages::vote::posted::POSTED_PAGES;
use pebble_domain::PublicUrl;

/// Whose requests may change things.
#[derive(Clone, Debug, Default)]
pub struct OwnOrigin(pub Option<PublicUrl>);

/// Why a request was refused, if it was.
fn refusal(
    own: &OwnOrigin,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Option<&'static str> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return None;
    }
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    // Fetch Metadata, where the browser sends it, says it all: only the
    // site's own pages may post ("none" is the visitor's own action).
    match text("sec-fetch-site") {
        Some("same-origin" | "none") => return None,
        Some(_) => return Some(FROM_ANOTHER_SITE),
        None => {}
    }
    let origin = text(header::ORIGIN.as_str())?;
    if origin == "null" {
        // A page with `Referrer-Policy: no-referrer` (the voting pages)
        // posts with `Origin: null` (Fetch §3.1); a browser too old to send
        // Fetch Metadata is let through there only, where the voter's
        // code, not a session, gives the right to act.
        return (!POSTED_PAGES.contains(&path)).then_some(FROM_ANOTHER_SITE);
    }
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
    (!ours).then_some(FROM_ANOTHER_SITE)
}

const FROM_ANOTHER_SITE: &str = "This request came from another site, so Pebble did not act on it. Open Pebble's own page and try again there.";

/// The layer: 403 for a forged request, else on to the route.
pub async fn only_own_origin(
    State(own): State<Arc<OwnOrigin>>,
    request: Request,
    next: Next,
) -> Response {
    match refusal(
        &own,
        request.method(),
        request.uri().path(),
        request.headers(),
    ) {
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
        assert!(refusal(&own, &Method::POST, "/api/x", &evil).is_some());
        let ours = headers(&[("origin", "https://pb.school.example")]);
        assert_eq!(refusal(&own, &Method::POST, "/api/x", &ours), None);
        let sibling = headers(&[("origin", "https://other.school.example")]);
        assert!(refusal(&own, &Method::DELETE, "/api/x", &sibling).is_some());
    }

    #[test]
    fn a_null_origin_is_not_ours() {
        let nothing = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(refusal(&OwnOrigin(None), &Method::POST, "/api/x", &nothing).is_some());
    }

    #[test]
    fn fetch_metadata_decides_where_the_browser_sends_it() {
        for site in ["cross-site", "same-site"] {
            let marked = headers(&[
                ("sec-fetch-site", site),
                ("origin", "http://a"),
                ("host", "a"),
            ]);
            assert!(refusal(&OwnOrigin(None), &Method::POST, "/api/x", &marked).is_some());
        }
        // A no-referrer page posts with a null origin, marked same-origin.
        let own = headers(&[("sec-fetch-site", "same-origin"), ("origin", "null")]);
        assert_eq!(
            refusal(&OwnOrigin(None), &Method::POST, "/api/sign-out", &own),
            None
        );
    }

    #[test]
    fn without_fetch_metadata_a_null_origin_may_post_only_the_voting_pages() {
        let null = headers(&[("origin", "null")]);
        assert_eq!(
            refusal(&OwnOrigin(None), &Method::POST, "/vote/ballot", &null),
            None
        );
        assert!(refusal(&OwnOrigin(None), &Method::POST, "/api/sign-out", &null).is_some());
    }

    #[test]
    fn without_a_public_url_the_origin_must_match_the_host() {
        let own = OwnOrigin(None);
        let same = headers(&[
            ("origin", "http://localhost:3000"),
            ("host", "localhost:3000"),
        ]);
        assert_eq!(refusal(&own, &Method::POST, "/api/x", &same), None);
        let other = headers(&[
            ("origin", "http://evil.example"),
            ("host", "localhost:3000"),
        ]);
        assert!(refusal(&own, &Method::POST, "/api/x", &other).is_some());
    }

    #[test]
    fn reads_and_requests_from_no_browser_pass() {
        let evil = headers(&[("origin", "https://evil.example")]);
        assert_eq!(
            refusal(&OwnOrigin(None), &Method::GET, "/api/x", &evil),
            None
        );
        assert_eq!(
            refusal(&OwnOrigin(None), &Method::POST, "/api/x", &HeaderMap::new()),
            None
        );
    }
}
