//! Lower-case hexadecimal, the form every stored hash and byte string
//! takes (portable across SQLite and PostgreSQL as plain text).

/// `bytes` as lower-case hex.
pub(crate) fn encode(bytes: &[u8]) -> String {
    counting::merkle::to_hex(bytes)
}

/// The bytes of `text`, if it is hex: an even number of hex digits.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    counting::merkle::bytes_from_hex(text)
}

/// A stored Ed25519 secret (32 bytes of hex) of `table`; anything else is
/// a corrupt row.
pub(crate) fn seed(table: &'static str, text: &str) -> Result<[u8; 32], crate::DbError> {
    decode(text)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| crate::DbError::InvalidValue {
            table,
            column: "secret",
            value: "not 32 bytes of hex".to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_anything_else_is_refused() {
        assert_eq!(encode(&[0, 0xab, 0x7f]), "00ab7f");
        assert_eq!(decode("00ab7f"), Some(vec![0, 0xab, 0x7f]));
        assert_eq!(decode("00AB7F"), Some(vec![0, 0xab, 0x7f]));
        assert_eq!(decode(""), Some(vec![]));
        for bad in ["0", "abc", "zz", "é0", "+1"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }
}
