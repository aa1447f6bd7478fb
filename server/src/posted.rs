//! Pages that answer a form post. The voting forms post (a voter code and
//! a ballot never travel in an address, where browser history, proxies
//! and request logs keep them), and their answer is a page: the ballot,
//! its review, the receipt, a refusal in words on the page it came from.
//! Leptos renders pages for GET; this layer reads the posted form, hands
//! it to the page as a request extension ([`Posted`]), and renders the
//! page's GET route with it. The answer is never stored by a browser or a
//! cache (`Cache-Control: no-store`).
//!
//! A posted `lang` field switches the language (as the header's switch
//! does with its cookie), so that the language switch on a voting page
//! can post the page's own form and keep the voter's code and ticks.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use pebble_app::i18n::Lang;
use pebble_app::pages::vote::posted::{POSTED_PAGES, Posted};

/// The largest posted page form: a ballot of a few hundred projects.
const MAX_FORM: usize = 256 * 1024;

/// Renders a posted voting page as its GET route, with the form.
pub async fn posted_pages(request: Request, next: Next) -> Response {
    let is_posted_page =
        request.method() == Method::POST && POSTED_PAGES.contains(&request.uri().path());
    if !is_posted_page {
        return next.run(request).await;
    }
    let (mut head, body) = request.into_parts();
    let words = pebble_app::i18n::lang_of(&head.headers).strings();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, words.form_too_large).into_response();
    };
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) else {
        return (StatusCode::BAD_REQUEST, words.form_unreadable_page).into_response();
    };
    let posted = Posted(fields);
    let lang = posted.get("lang").and_then(Lang::from_code);
    if let Some(lang) = lang {
        // The page renders in the chosen language now, as it will on the
        // next request with the cookie set below.
        let sent = pebble_app::api::backend::cookies::sent_with(
            &head.headers,
            &pebble_app::api::backend::cookies::lang_cookie(lang),
        );
        if let Ok(value) = HeaderValue::from_str(&sent) {
            head.headers.insert(header::COOKIE, value);
        }
    }
    head.method = Method::GET;
    head.headers.remove(header::CONTENT_TYPE);
    head.headers.remove(header::CONTENT_LENGTH);
    head.extensions.insert(posted);
    let mut response = next.run(Request::from_parts(head, Body::empty())).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(lang) = lang
        && let Ok(value) =
            HeaderValue::from_str(&pebble_app::api::backend::cookies::lang_cookie(lang).to_string())
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}
