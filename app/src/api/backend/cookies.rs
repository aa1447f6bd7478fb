//! The two cookies Pebble sets, the session and the language, read and
//! written with the `cookie` crate (RFC 6265): one home for their names
//! and attributes.

use cookie::{Cookie, SameSite};
use http::header::{COOKIE, SET_COOKIE};
use leptos::prelude::*;

use crate::i18n::{LANG_COOKIE, Lang};

/// The session cookie's name over plain HTTP (a local or test server).
pub const SESSION_COOKIE: &str = "pebble_session";

/// The session cookie's name over HTTPS: the `__Host-` prefix makes the
/// browser refuse it unless it is `Secure`, has `Path=/` and no `Domain`,
/// so no sibling site or plain-HTTP page can plant or overwrite it
/// (RFC 6265bis §4.1.3.2).
pub const SECURE_SESSION_COOKIE: &str = "__Host-pebble_session";

/// How long the language choice is remembered: a year.
const LANG_MAX_AGE_SECONDS: i64 = 365 * 24 * 60 * 60;

/// The session cookie's name on this site: [`SECURE_SESSION_COOKIE`]
/// when its public URL is `https://`.
pub fn session_cookie_name() -> &'static str {
    if crate::site::SiteSettings::current().public_url.is_https() {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The value of cookie `name` in the request being answered, if sent.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_in(&parts.headers, name)
}

/// Every cookie `headers` sent, in order; pairs that do not parse are
/// skipped.
fn sent(headers: &http::HeaderMap) -> impl Iterator<Item = Cookie<'_>> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
}

/// The value of cookie `name` among `headers`, if sent (the first, when a
/// browser sends several).
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    sent(headers)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// A request `Cookie` header with `cookie` in place of any cookie of its
/// name that `headers` sent (so a request can be answered as if the
/// browser had already stored it).
pub fn sent_with(headers: &http::HeaderMap, cookie: &Cookie<'_>) -> String {
    sent(headers)
        .filter(|sent| sent.name() != cookie.name())
        .chain([cookie.clone().into_owned()])
        .map(|pair| pair.stripped().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Adds `cookie` to the response being made, as a `Set-Cookie` header.
pub fn set_cookie(cookie: &Cookie<'_>) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = http::HeaderValue::from_str(&cookie.to_string())
    {
        response.append_header(SET_COOKIE, value);
    }
}

/// The cookie that carries a session token (or, with `None`, removes it):
/// `HttpOnly`, `SameSite=Lax`, and over HTTPS `Secure` with the `__Host-`
/// name.
pub fn session_cookie(token: Option<&str>) -> Cookie<'static> {
    let name = session_cookie_name();
    let (value, age) = match token {
        Some(token) => (
            token.to_owned(),
            pebble_db::sessions::LIFETIME_DAYS * 24 * 60 * 60,
        ),
        None => (String::new(), 0),
    };
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::seconds(age))
        .secure(name == SECURE_SESSION_COOKIE)
        .build()
}

/// The cookie that remembers the visitor's language for a year.
pub fn lang_cookie(lang: Lang) -> Cookie<'static> {
    Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::seconds(LANG_MAX_AGE_SECONDS))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookies: &[&str]) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        for value in cookies {
            headers.append(COOKIE, value.parse().expect("a header value"));
        }
        headers
    }

    #[test]
    fn a_cookie_is_found_among_several_headers_and_pairs() {
        let sent = headers(&["a=1; pebble_lang=es", "pebble_session=tok3n"]);
        assert_eq!(cookie_in(&sent, "pebble_lang").as_deref(), Some("es"));
        assert_eq!(cookie_in(&sent, "pebble_session").as_deref(), Some("tok3n"));
        assert_eq!(cookie_in(&sent, "pebble"), None);
        assert_eq!(cookie_in(&headers(&["; ;=x; bare"]), "bare"), None);
    }

    #[test]
    fn a_request_sent_with_a_new_cookie_keeps_the_others() {
        let sent = headers(&["a=1; pebble_lang=en", "pebble_session=tok3n"]);
        assert_eq!(
            sent_with(&sent, &lang_cookie(Lang::Es)),
            "a=1; pebble_session=tok3n; pebble_lang=es"
        );
        assert_eq!(
            sent_with(&headers(&[]), &lang_cookie(Lang::Es)),
            "pebble_lang=es"
        );
    }

    #[test]
    fn the_language_cookie_lasts_a_year_for_the_whole_site() {
        let text = lang_cookie(Lang::Es).to_string();
        for part in [
            "pebble_lang=es",
            "Path=/",
            "SameSite=Lax",
            "Max-Age=31536000",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert!(!text.contains("HttpOnly"), "{text}");
    }
}
