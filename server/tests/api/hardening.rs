//! A school's real server: security headers, requests from other sites,
//! HTTPS cookies and links, clients behind one proxy, sessions.

mod backup;
mod headers;
mod origin;
mod proxies;
mod sessions;
