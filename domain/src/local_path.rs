//! Where to go after signing in (`?next=`): a path on this site, never
//! another host. A browser resolves `//evil.example` and `/\evil.example`
//! to another host, and drops tabs and newlines from an address before
//! resolving it (WHATWG URL Standard, "basic URL parser"), so `/\t/evil`
//! is `//evil` too. Only a path that starts with exactly one `/` followed
//! by a path character (RFC 3986 §3.3, `pchar`) is taken.

/// A path on this site, checked: only [`LocalPath::parse`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalPath(String);

impl LocalPath {
    /// `raw` if it is a path on this site: `/`, or `/` then a path
    /// character other than an encoded slash or backslash, with nothing
    /// after but URL characters (no backslash, space or control).
    pub fn parse(raw: &str) -> Option<LocalPath> {
        let rest = raw.strip_prefix('/')?;
        if !raw.chars().all(url_character) {
            return None;
        }
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("%2f") || lower.starts_with("%5c") {
            return None;
        }
        match rest.chars().next() {
            None => Some(LocalPath(raw.to_owned())),
            Some(first) if path_character(first) => Some(LocalPath(raw.to_owned())),
            Some(_) => None,
        }
    }

    /// The path.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// RFC 3986 `pchar`: unreserved, `%` of a pct-encoding, sub-delims, `:`, `@`.
fn path_character(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~%!$&'()*+,;=:@".contains(c)
}

/// A character of a path, query or fragment (RFC 3986 §3.3–3.5).
fn url_character(c: char) -> bool {
    path_character(c) || matches!(c, '/' | '?' | '#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_on_this_site_are_kept_as_they_are() {
        for good in [
            "/",
            "/proposals/3",
            "/proposals/3?page=2#thread-heading",
            "/admin",
        ] {
            assert_eq!(
                LocalPath::parse(good).map(|p| p.as_str().to_owned()),
                Some(good.to_owned())
            );
        }
    }

    #[test]
    fn anything_a_browser_could_resolve_to_another_host_is_refused() {
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "/%2F/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            " /evil",
            "https://evil.example/",
            "evil.example",
            "javascript:alert(1)",
            "/ok\\..\\..",
            "",
        ] {
            assert_eq!(LocalPath::parse(bad), None, "{bad:?}");
        }
    }
}
