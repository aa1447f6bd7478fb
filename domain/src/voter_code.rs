//! Voter codes: what a voter types to cast one ballot.
//!
//! A code is 17 random symbols and one check symbol, shown in three
//! groups of six (`7KQ3-MX9T4B-...` style, with dashes). The alphabet has
//! 29 symbols, none that reads like another: the digits 2–9 and the
//! capital letters without I, L, O, U (which read as 1, 1, 0, V) and Z
//! (which reads as 2). 17 symbols carry 17 × log2 29 ≈ 82.6 bits.
//!
//! The check symbol makes Σ (i + 1) × vᵢ ≡ 0 (mod 29) over the 18 symbol
//! values v₀…v₁₇. As 29 is prime and every weight is below it, changing
//! one symbol always changes the sum, and swapping two neighbours changes
//! it by their difference: every single mistyped symbol and every swap of
//! two different neighbours is caught before any lookup (the scheme of
//! ISO 7064's pure systems, with a prime modulus equal to the alphabet).
//!
//! Only a digest of the code is stored:
//! `SHA-256("pebble voter code v1" ‖ 0x00 ‖ cycle id as 8 bytes big-endian
//! ‖ the 18 symbols)`, so the same code in two cycles is two digests.

use std::fmt;

use sha2::{Digest, Sha256};

/// The symbols, in value order.
pub const ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTVWXY";

/// Random symbols in a code.
pub const RANDOM_SYMBOLS: usize = 17;

/// Symbols in a code, the check symbol last.
pub const SYMBOLS: usize = RANDOM_SYMBOLS + 1;

const MODULUS: u32 = 29;

/// 18 × 21 ≡ 1 (mod 29): dividing by the check symbol's weight.
const INVERSE_OF_LAST_WEIGHT: u32 = 21;

/// The domain tag of a code's digest.
const DIGEST_TAG: &[u8] = b"pebble voter code v1";

/// A voter code whose check symbol is right.
#[derive(Clone, PartialEq, Eq)]
pub struct VoterCode([u8; SYMBOLS]);

/// Why a text is not a voter code, in words a voter can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Too few or too many symbols.
    #[error("a voter code has {SYMBOLS} letters and digits; this one has {0}")]
    Length(usize),
    /// A character no code uses.
    #[error("'{0}' is never part of a voter code: check that character")]
    Character(char),
    /// The check symbol does not match: a typo somewhere.
    #[error("this code has a typo: check it letter by letter")]
    Typo,
}

fn value_of(symbol: u8) -> Option<u32> {
    ALPHABET.iter().position(|&s| s == symbol).map(|v| v as u32)
}

/// The weighted sum of `values` (the first weighs 1), mod 29.
fn weighted(values: impl Iterator<Item = u32>) -> u32 {
    values.zip(1u32..).map(|(v, w)| v * w).sum::<u32>() % MODULUS
}

impl VoterCode {
    /// A new code from `random_byte`, a source of uniformly random bytes
    /// (the server passes its operating system's generator). Each symbol
    /// takes a byte below 232 = 8 × 29, so every symbol is equally likely.
    pub fn generate(mut random_byte: impl FnMut() -> u8) -> VoterCode {
        let mut values = [0u32; SYMBOLS];
        for value in values.iter_mut().take(RANDOM_SYMBOLS) {
            *value = loop {
                let byte = random_byte();
                if byte < 232 {
                    break u32::from(byte) % MODULUS;
                }
            };
        }
        let sum = weighted(values.iter().copied().take(RANDOM_SYMBOLS));
        values[RANDOM_SYMBOLS] = (MODULUS - sum) % MODULUS * INVERSE_OF_LAST_WEIGHT % MODULUS;
        VoterCode(values.map(|v| ALPHABET[v as usize]))
    }

    /// The code's digest for the cycle `cycle`: all that is stored.
    pub fn digest(&self, cycle: u64) -> [u8; 32] {
        let mut hash = Sha256::new();
        hash.update(DIGEST_TAG);
        hash.update([0u8]);
        hash.update(cycle.to_be_bytes());
        hash.update(self.0);
        hash.finalize().into()
    }
}

impl std::str::FromStr for VoterCode {
    type Err = CodeError;

    /// Reads a code as typed: any case, with or without spaces and dashes.
    fn from_str(text: &str) -> Result<VoterCode, CodeError> {
        let typed: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if typed.len() != SYMBOLS {
            return Err(CodeError::Length(typed.len()));
        }
        let mut symbols = [0u8; SYMBOLS];
        for (slot, &c) in symbols.iter_mut().zip(&typed) {
            *slot = u8::try_from(c)
                .ok()
                .filter(|&b| value_of(b).is_some())
                .ok_or(CodeError::Character(c))?;
        }
        let sum = weighted(symbols.iter().filter_map(|&s| value_of(s)));
        if sum != 0 {
            return Err(CodeError::Typo);
        }
        Ok(VoterCode(symbols))
    }
}

impl fmt::Display for VoterCode {
    /// In three groups of six, dash-separated, for reading aloud.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.0.chunks(6).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl fmt::Debug for VoterCode {
    /// Never the code itself: it is a secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VoterCode(…)")
    }
}

/// The name of a group of codes within a cycle ("Class 7B", "Families,
/// year 9"): 1 to 80 characters after trimming, no control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupName(String);

/// Most characters in a group's name.
pub const GROUP_NAME_MAX: usize = 80;

impl std::str::FromStr for GroupName {
    type Err = String;

    fn from_str(text: &str) -> Result<GroupName, String> {
        let name = text.trim();
        if name.is_empty() {
            return Err("a group needs a name, such as a class".to_owned());
        }
        if name.chars().count() > GROUP_NAME_MAX {
            return Err(format!(
                "a group's name has at most {GROUP_NAME_MAX} characters"
            ));
        }
        if name.chars().any(char::is_control) {
            return Err("a group's name cannot hold tabs or line breaks".to_owned());
        }
        Ok(GroupName(name.to_owned()))
    }
}

impl GroupName {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests;
