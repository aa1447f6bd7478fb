//! The serial printed on a paper ballot: 12 symbols of the voter codes'
//! alphabet (no look-alike characters), about 58 random bits, shown in
//! three groups of four. Committee members key it with the ballot.

use std::fmt;

use crate::voter_code::ALPHABET;

/// Symbols in a serial.
pub const SYMBOLS: usize = 12;

/// A paper ballot's serial.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PaperSerial([u8; SYMBOLS]);

/// Why a typed text is not a serial.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SerialError {
    /// Too few or too many symbols.
    #[error("a paper ballot's serial has {SYMBOLS} letters and digits; this one has {0}")]
    Length(usize),
    /// A character no serial uses.
    #[error("'{0}' is never part of a serial: check that character")]
    Character(char),
}

impl PaperSerial {
    /// A new serial from `random_byte` (a CSPRNG), by rejection sampling
    /// so every symbol is equally likely.
    pub fn generate(mut random_byte: impl FnMut() -> u8) -> PaperSerial {
        let limit = 256 - 256 % ALPHABET.len();
        let mut symbols = [0u8; SYMBOLS];
        for slot in &mut symbols {
            *slot = loop {
                let byte = usize::from(random_byte());
                if byte < limit {
                    break ALPHABET[byte % ALPHABET.len()];
                }
            };
        }
        PaperSerial(symbols)
    }

    /// The serial without separators, as stored.
    pub fn compact(&self) -> String {
        self.0.iter().map(|&b| char::from(b)).collect()
    }
}

impl std::str::FromStr for PaperSerial {
    type Err = SerialError;

    /// Reads a serial as typed: any case, with or without spaces and dashes.
    fn from_str(text: &str) -> Result<PaperSerial, SerialError> {
        let typed: Vec<char> = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if let Some(&c) = typed
            .iter()
            .find(|c| !u8::try_from(**c).is_ok_and(|b| ALPHABET.contains(&b)))
        {
            return Err(SerialError::Character(c));
        }
        let symbols: [u8; SYMBOLS] = typed
            .iter()
            .filter_map(|c| u8::try_from(*c).ok())
            .collect::<Vec<u8>>()
            .try_into()
            .map_err(|_| SerialError::Length(typed.len()))?;
        Ok(PaperSerial(symbols))
    }
}

impl fmt::Display for PaperSerial {
    /// In three groups of four, dash-separated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, group) in self.0.chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl fmt::Debug for PaperSerial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PaperSerial({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> impl FnMut() -> u8 {
        let mut n = 0u8;
        move || {
            n = n.wrapping_add(91);
            n
        }
    }

    #[test]
    fn a_serial_reads_back_however_it_is_typed() {
        let serial = PaperSerial::generate(counter());
        let shown = serial.to_string();
        assert_eq!(shown.len(), 14);
        assert_eq!(shown.parse(), Ok(serial));
        assert_eq!(shown.to_lowercase().replace('-', " ").parse(), Ok(serial));
        assert_eq!(serial.compact().parse(), Ok(serial));
    }

    #[test]
    fn wrong_lengths_and_characters_are_refused() {
        assert_eq!("ABCD".parse::<PaperSerial>(), Err(SerialError::Length(4)));
        assert_eq!(
            "ABCD-EFGH-IJKL".parse::<PaperSerial>(),
            Err(SerialError::Character('I'))
        );
    }

    #[test]
    fn bytes_past_the_last_whole_alphabet_are_skipped() {
        let mut bytes = [255u8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].into_iter();
        let serial = PaperSerial::generate(move || bytes.next().unwrap_or(0));
        assert_eq!(serial.compact(), "23456789ABCD");
    }
}
