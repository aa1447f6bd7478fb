//! The security headers on every response (OWASP's HTTP Headers Cheat
//! Sheet): a Content Security Policy that allows exactly what Pebble's
//! pages load, with a fresh nonce for the islands' bootstrap script; no
//! framing; no MIME sniffing; referrers kept on the site (none at all
//! from the voting pages); nothing stored by a browser or a cache unless
//! a route says otherwise (every page may show who is signed in, and
//! many show codes, receipts, passwords or admin data); and, over
//! HTTPS, HSTS (RFC 6797).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::TryRngCore;

/// The nonce of one response's CSP; the server's Leptos context hands it
/// to the page, whose inline scripts carry it.
#[derive(Clone, Debug)]
pub struct CspNonce(pub Arc<str>);

impl CspNonce {
    /// 128 bits from the operating system, base64url (CSP3 §2.3.1 asks
    /// for at least 128 bits, freshly made for each response).
    fn fresh() -> CspNonce {
        let mut bytes = [0u8; 16];
        if let Err(error) = rand::rngs::OsRng.try_fill_bytes(&mut bytes) {
            // Without a nonce no inline script runs: pages still work
            // without JavaScript, as they must anyway.
            tracing::error!(%error, "no random CSP nonce");
        }
        CspNonce(URL_SAFE_NO_PAD.encode(bytes).into())
    }
}

/// What the headers depend on.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeaderPolicy {
    /// Served over HTTPS (its public URL is `https://`): send HSTS.
    pub https: bool,
}

/// The Content Security Policy with `nonce` (CSP Level 3). Scripts: the
/// site's own files, the islands' inline bootstrap by its nonce, and
/// compiling wasm (`'wasm-unsafe-eval'`, which allows no JavaScript
/// `eval`). Images: the site's own and the QR codes drawn as `data:` SVG
/// on code cards and paper ballots.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Whether `path` is a voting page, which sends no referrer at all: not
/// even the site's own pages need to know a voter came from there.
fn is_voting_page(path: &str) -> bool {
    ["/vote", "/receipt"]
        .iter()
        .any(|page| path == *page || path.starts_with(&format!("{page}/")))
}

/// Adds the headers to every response; the nonce goes into the request
/// first, for the page to use.
pub async fn secure(
    State(policy): State<HeaderPolicy>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = CspNonce::fresh();
    request.extensions_mut().insert(nonce.clone());
    let voting = is_voting_page(request.uri().path());
    let mut response = next.run(request).await;
    add(response.headers_mut(), policy, &nonce.0, voting);
    response
}

fn add(headers: &mut HeaderMap, policy: HeaderPolicy, nonce: &str, voting: bool) {
    let mut set = |name: HeaderName, value: &str, replace: bool| {
        if (replace || !headers.contains_key(&name))
            && let Ok(value) = HeaderValue::from_str(value)
        {
            headers.insert(name, value);
        }
    };
    // A route's own policy stands (an image is served sandboxed).
    set(
        header::CONTENT_SECURITY_POLICY,
        &content_security_policy(nonce),
        false,
    );
    set(header::X_FRAME_OPTIONS, "DENY", true);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff", true);
    let referrer = if voting { "no-referrer" } else { "same-origin" };
    set(header::REFERRER_POLICY, referrer, true);
    // Content-hashed files and images say how they may be kept.
    set(header::CACHE_CONTROL, "no-store", false);
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
        true,
    );
    if policy.https {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000", true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_for(policy: HeaderPolicy, voting: bool, before: &[(HeaderName, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in before {
            headers.insert(name.clone(), HeaderValue::from_str(value).expect("value"));
        }
        add(&mut headers, policy, "abc", voting);
        headers
    }

    fn get(headers: &HeaderMap, name: HeaderName) -> &str {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    #[test]
    fn every_answer_gets_the_policy_with_its_nonce_and_is_not_stored() {
        let headers = headers_for(HeaderPolicy::default(), false, &[]);
        let csp = get(&headers, header::CONTENT_SECURITY_POLICY);
        for part in [
            "default-src 'self'",
            "'nonce-abc'",
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(part), "{part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert_eq!(get(&headers, header::CACHE_CONTROL), "no-store");
        assert_eq!(get(&headers, header::REFERRER_POLICY), "same-origin");
        assert_eq!(get(&headers, header::X_FRAME_OPTIONS), "DENY");
        assert!(headers.get(header::STRICT_TRANSPORT_SECURITY).is_none());
    }

    #[test]
    fn a_routes_own_caching_and_policy_stand() {
        let headers = headers_for(
            HeaderPolicy::default(),
            false,
            &[
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; sandbox",
                ),
            ],
        );
        assert_eq!(
            get(&headers, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            get(&headers, header::CONTENT_SECURITY_POLICY),
            "default-src 'none'; sandbox"
        );
    }

    #[test]
    fn voting_pages_send_no_referrer_and_https_adds_hsts() {
        let headers = headers_for(HeaderPolicy { https: true }, true, &[]);
        assert_eq!(get(&headers, header::REFERRER_POLICY), "no-referrer");
        assert_eq!(
            get(&headers, header::STRICT_TRANSPORT_SECURITY),
            "max-age=31536000"
        );
    }

    #[test]
    fn the_voting_pages_are_vote_and_receipt_and_what_is_under_them() {
        assert!(is_voting_page("/vote") && is_voting_page("/vote/ballot"));
        assert!(is_voting_page("/receipt"));
        assert!(!is_voting_page("/voters") && !is_voting_page("/"));
    }

    #[test]
    fn nonces_are_fresh_and_128_bits() {
        let (a, b) = (CspNonce::fresh(), CspNonce::fresh());
        assert_ne!(a.0, b.0);
        assert_eq!(
            URL_SAFE_NO_PAD
                .decode(a.0.as_bytes())
                .expect("base64")
                .len(),
            16
        );
    }
}
