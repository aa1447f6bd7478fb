//! Who a request came from. Behind a school's reverse proxy every
//! connection comes from the proxy, which names the client in
//! `X-Forwarded-For` or `Forwarded` (RFC 7239); anyone else could write
//! those headers too, so they are read only from the proxies the operator
//! lists (`PEBBLE_TRUSTED_PROXIES`), and then from the right: each
//! trusted hop appends the address it saw, and the first address that is
//! not a trusted proxy is the client. The answer goes into the request's
//! extensions as [`ClientAddress`], which the guessing limit keys on.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use pebble_app::site::ClientAddress;

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Believes the proxies in `blocks`.
    pub fn new(blocks: Vec<IpNet>) -> TrustedProxies {
        TrustedProxies(blocks)
    }

    fn trust(&self, address: IpAddr) -> bool {
        self.0.iter().any(|block| block.contains(&address))
    }

    /// The client of a request from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = plain(peer);
        if !self.trust(peer) {
            return peer;
        }
        let hops = forwarded_for(headers);
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Some(hop) = hop else {
                // An obfuscated or unknown hop: nothing further left is
                // known, and the last known address stands.
                break;
            };
            client = plain(*hop);
            if !self.trust(client) {
                break;
            }
        }
        client
    }
}

/// An IPv4 address mapped into IPv6 (`::ffff:192.0.2.1`) as the IPv4
/// address it is, so the two spellings are one client.
fn plain(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// The addresses the hops named, left (the first) to right (the last
/// proxy's peer); `None` for a hop that gave none. `X-Forwarded-For` when
/// sent, else the `for=` of each `Forwarded` element.
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|item| item.trim().to_owned())
            .collect()
    };
    let xff = values("x-forwarded-for");
    if !xff.is_empty() {
        return xff.iter().map(|item| address_of(item)).collect();
    }
    values("forwarded")
        .iter()
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(key, _)| key.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, value)| address_of(value))
        })
        .collect()
}

/// An address as a forwarding header writes it: `192.0.2.1`,
/// `192.0.2.1:4711`, `2001:db8::1`, `"[2001:db8::1]:4711"`.
fn address_of(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .and_then(|inner| inner.parse().ok())
}

/// Puts the request's [`ClientAddress`] into its extensions. A request
/// with no connection (in-process) gets `0.0.0.0`.
pub async fn decide(
    State(proxies): State<Arc<TrustedProxies>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = match peer {
        Some(peer) => proxies.client(peer, request.headers()),
        None => IpAddr::from([0, 0, 0, 0]),
    };
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(blocks: &[&str]) -> TrustedProxies {
        TrustedProxies::new(blocks.iter().map(|b| b.parse().expect("block")).collect())
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().expect("value"));
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
        let forged = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            proxies(&[]).client(ip("198.51.100.7"), &forged),
            ip("198.51.100.7")
        );
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(ip("198.51.100.7"), &forged),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_last_untrusted_hop_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8"]);
        // A client that writes its own X-Forwarded-For gets it appended to,
        // not believed: the proxy adds the address it saw at the right.
        let sent = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.0.2")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &sent), ip("203.0.113.9"));
    }

    #[test]
    fn the_forwarded_header_is_read_when_x_forwarded_for_is_absent() {
        let trusted = proxies(&["127.0.0.1/32"]);
        let sent = headers(&[(
            "forwarded",
            r#"for=192.0.2.60;proto=https, for="[2001:db8:cafe::17]:4711""#,
        )]);
        assert_eq!(
            trusted.client(ip("127.0.0.1"), &sent),
            ip("2001:db8:cafe::17")
        );
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(trusted.client(ip("127.0.0.1"), &hidden), ip("127.0.0.1"));
    }

    #[test]
    fn a_mapped_ipv4_address_is_the_ipv4_address() {
        assert_eq!(
            proxies(&[]).client(ip("::ffff:192.0.2.1"), &HeaderMap::new()),
            ip("192.0.2.1")
        );
    }
}
