//! What `pebble serve` tells the app about where it runs: the public
//! address its links and cookies are made for, how long an idle sign-in
//! lasts, and who each request came from (after trusted proxies).

use std::net::IpAddr;
use std::time::Duration;

use pebble_domain::PublicUrl;

/// How long a sign-in may sit unused by default: a school day, so a
/// shared class laptop left signed in is signed out by the next morning.
pub const DEFAULT_SESSION_IDLE: Duration = Duration::from_secs(12 * 60 * 60);

/// The server's settings the pages need, in every request's context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteSettings {
    /// The origin of printed and QR links and of the cookie rules.
    pub public_url: PublicUrl,
    /// A sign-in unused this long ends.
    pub session_idle: Duration,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            public_url: PublicUrl::local(std::net::SocketAddr::from(([127, 0, 0, 1], 3000))),
            session_idle: DEFAULT_SESSION_IDLE,
        }
    }
}

impl SiteSettings {
    /// The settings in the current request's context (the defaults in a
    /// render with none, such as listing the routes).
    #[cfg(feature = "ssr")]
    pub fn current() -> SiteSettings {
        leptos::prelude::use_context::<SiteSettings>().unwrap_or_default()
    }
}

/// The client a request came from, as the server decided it: the socket's
/// peer, or what a trusted proxy said. The server puts it in every
/// request's extensions; the guessing limit keys on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);
