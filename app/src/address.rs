//! Addresses on this site: a value put in a query string is
//! percent-encoded (RFC 3986 §2.1) by the `percent-encoding` crate,
//! keeping the unreserved characters and `/`, which a query may hold
//! as it is (§3.4) and which keeps a `next=/cycles/2/results` readable.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but letters, digits, `-`, `_`, `.`, `~` and `/`.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// `text` as a query value.
pub fn query_value(text: &str) -> String {
    utf8_percent_encode(text, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_and_non_ascii_are_encoded_paths_stay_readable() {
        assert_eq!(query_value("Arts & crafts"), "Arts%20%26%20crafts");
        assert_eq!(
            query_value("/cycles/2/results?x=1#y"),
            "/cycles/2/results%3Fx%3D1%23y"
        );
        assert_eq!(query_value("Mañana+1"), "Ma%C3%B1ana%2B1");
        assert_eq!(query_value("a-b_c.d~e"), "a-b_c.d~e");
    }
}
