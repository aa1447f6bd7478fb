//! Tracker codes: a short, readable name for a receipt's leaf, for a voter
//! to note down and find again on the published log.
//!
//! The tracker is the first 40 bits of the leaf hash in Crockford's base
//! 32 (<https://www.crockford.com/base32.html>: digits and letters without
//! I, L, O and U), eight symbols in two groups of four: `K7QX-M2PA`. It
//! names a leaf for people; the leaf hash is what proofs use.

use crate::merkle::Hash;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The tracker code of the leaf `leaf`.
pub fn tracker(leaf: &Hash) -> String {
    let bits = leaf[..5]
        .iter()
        .fold(0u64, |acc, &byte| (acc << 8) | u64::from(byte));
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        let symbol = (bits >> (35 - 5 * i)) & 31;
        out.push(char::from(ALPHABET[symbol as usize]));
    }
    out
}

/// The leaf hash's first 40 bits, as 10 lowercase hex digits, that a
/// tracker code spells (its eight symbols, the dash and case ignored;
/// `O` read as 0, `I` and `L` as 1, as Crockford's base 32 reads them);
/// `None` if it is not a tracker code.
pub fn leaf_prefix(tracker: &str) -> Option<String> {
    let mut bits = 0u64;
    let mut symbols = 0;
    for c in tracker.chars().filter(|c| *c != '-' && !c.is_whitespace()) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let value = ALPHABET.iter().position(|&a| char::from(a) == c)?;
        bits = (bits << 5) | value as u64;
        symbols += 1;
    }
    (symbols == 8).then(|| format!("{bits:010x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tracker_reads_back_to_its_leafs_first_forty_bits() {
        let leaf = [0xab; 32];
        let code = tracker(&leaf);
        assert_eq!(leaf_prefix(&code).as_deref(), Some("ababababab"));
        assert_eq!(
            leaf_prefix(&code.to_lowercase().replace('-', " ")).as_deref(),
            Some("ababababab")
        );
        assert_eq!(leaf_prefix("0000-000"), None);
        assert_eq!(leaf_prefix("0000-000U"), None, "U is not a symbol");
        assert_eq!(
            leaf_prefix("OOOO-IIII").as_deref(),
            leaf_prefix("0000-1111").as_deref()
        );
    }

    #[test]
    fn the_tracker_spells_the_first_forty_bits_in_crockford_base32() {
        assert_eq!(tracker(&[0; 32]), "0000-0000");
        assert_eq!(tracker(&[0xff; 32]), "ZZZZ-ZZZZ");
        // 0x0842108421 = 00001 00001 ... : every symbol is 1.
        let mut leaf = [0u8; 32];
        leaf[..5].copy_from_slice(&[0x08, 0x42, 0x10, 0x84, 0x21]);
        assert_eq!(tracker(&leaf), "1111-1111");
    }

    #[test]
    fn bits_past_the_fortieth_do_not_change_the_tracker() {
        let mut leaf = [0x5a; 32];
        let before = tracker(&leaf);
        leaf[5] ^= 0xff;
        assert_eq!(tracker(&leaf), before);
        leaf[4] ^= 1;
        assert_ne!(tracker(&leaf), before);
    }
}
