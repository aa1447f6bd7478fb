//! The address a school's community reaches Pebble at
//! (`PEBBLE_PUBLIC_URL`, e.g. `https://pb.riverside.example`): the origin
//! of every printed or QR link and of the session cookie's rules, never
//! taken from a request's `Host` or `Origin` header, which whoever sends
//! the request chooses.

use std::fmt;
use std::str::FromStr;

/// A parsed `http://` or `https://` origin: a scheme, a host and perhaps
/// a port, with no path, query, fragment or user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    https: bool,
    /// `host` or `host:port`, lowercase.
    authority: String,
}

/// Why a public URL cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PublicUrlError {
    /// Neither `http://` nor `https://`.
    #[error(
        "the public URL must start with https:// (or http:// for a test server), as in https://pb.school.example"
    )]
    Scheme,
    /// Nothing after the scheme, or characters a host cannot hold.
    #[error(
        "the public URL must name a host, as in https://pb.school.example, with letters, digits, dots, hyphens and an optional :port only"
    )]
    Host,
    /// A path, query or fragment after the host.
    #[error(
        "the public URL is the site's origin only: leave out any path, query or fragment (https://pb.school.example, not https://pb.school.example/vote)"
    )]
    Path,
}

impl PublicUrl {
    /// Whether the site is served over HTTPS: cookies are then `Secure`
    /// and `__Host-`, and browsers are told to keep to HTTPS (HSTS).
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The origin, as a browser sends it in `Origin` (RFC 6454 §6.1):
    /// `https://pb.school.example` or `http://127.0.0.1:3000`.
    pub fn origin(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.authority)
    }

    /// The address for a local server listening on `addr` (used when no
    /// public URL is set).
    pub fn local(addr: std::net::SocketAddr) -> PublicUrl {
        PublicUrl {
            https: false,
            authority: addr.to_string(),
        }
    }
}

impl FromStr for PublicUrl {
    type Err = PublicUrlError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let (https, rest) = if let Some(rest) = strip_prefix_ignore_case(text, "https://") {
            (true, rest)
        } else if let Some(rest) = strip_prefix_ignore_case(text, "http://") {
            (false, rest)
        } else {
            return Err(PublicUrlError::Scheme);
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#']) {
            return Err(PublicUrlError::Path);
        }
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b);
        if authority.is_empty() || authority.starts_with(':') || !authority.bytes().all(allowed) {
            return Err(PublicUrlError::Host);
        }
        Ok(PublicUrl {
            https,
            authority: authority.to_ascii_lowercase(),
        })
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origin())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_https_origin_parses_with_or_without_a_trailing_slash() {
        for text in [
            "https://pb.riverside.example",
            "HTTPS://PB.Riverside.example/",
        ] {
            let url: PublicUrl = text.parse().expect("valid");
            assert!(url.is_https());
            assert_eq!(url.origin(), "https://pb.riverside.example");
        }
    }

    #[test]
    fn a_port_and_an_ipv6_host_are_kept() {
        let url: PublicUrl = "http://[::1]:3000".parse().expect("valid");
        assert!(!url.is_https());
        assert_eq!(url.origin(), "http://[::1]:3000");
    }

    #[test]
    fn paths_queries_users_and_other_schemes_are_refused() {
        assert_eq!("ftp://x".parse::<PublicUrl>(), Err(PublicUrlError::Scheme));
        assert_eq!(
            "pb.example".parse::<PublicUrl>(),
            Err(PublicUrlError::Scheme)
        );
        assert_eq!(
            "https://pb.example/vote".parse::<PublicUrl>(),
            Err(PublicUrlError::Path)
        );
        assert_eq!(
            "https://pb.example?x=1".parse::<PublicUrl>(),
            Err(PublicUrlError::Path)
        );
        assert_eq!(
            "https://user@pb.example".parse::<PublicUrl>(),
            Err(PublicUrlError::Host)
        );
        assert_eq!("https://".parse::<PublicUrl>(), Err(PublicUrlError::Host));
        assert_eq!(
            "https://:443".parse::<PublicUrl>(),
            Err(PublicUrlError::Host)
        );
    }

    #[test]
    fn a_local_address_is_plain_http() {
        let url = PublicUrl::local("127.0.0.1:3000".parse().expect("address"));
        assert_eq!(url.to_string(), "http://127.0.0.1:3000");
    }
}
