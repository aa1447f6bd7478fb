//! Money in integer minor units (cents) with an ISO 4217 currency code.
//!
//! Amounts are never floating point. Parsing accepts what a person types
//! ("10000", "10,000.50", "12.5") and rejects anything that would lose a
//! cent.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A non-negative amount of money in minor units (cents for USD and EUR).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(u64);

/// Why a typed amount is not a valid amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("enter an amount, for example 1,250.00")]
    Empty,
    /// A character that is not a digit, a thousands comma or one decimal point.
    #[error("'{0}' is not allowed in an amount; use digits, commas and one decimal point")]
    InvalidCharacter(char),
    /// More than two digits after the decimal point.
    #[error("amounts have at most two digits after the decimal point")]
    TooPrecise,
    /// Larger than Pebble can count exactly.
    #[error("that amount is too large")]
    TooLarge,
    /// A currency code that is not three capital letters.
    #[error("a currency is a three-letter code such as USD or EUR")]
    InvalidCurrency,
}

impl Cents {
    /// Zero.
    pub const ZERO: Cents = Cents(0);

    /// An amount of `minor` minor units.
    pub const fn new(minor: u64) -> Self {
        Cents(minor)
    }

    /// The amount in minor units.
    pub const fn minor_units(self) -> u64 {
        self.0
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0.checked_add(other.0).map(Cents)
    }

    /// `self - other`, or `None` if `other` is larger.
    pub fn checked_sub(self, other: Cents) -> Option<Cents> {
        self.0.checked_sub(other.0).map(Cents)
    }
}

impl fmt::Display for Cents {
    /// Formats with thousands separators and two decimals: `10,000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{grouped}.{:02}", self.0 % 100)
    }
}

impl FromStr for Cents {
    type Err = MoneyError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let text = input.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        if let Some(bad) = whole.chars().find(|c| !c.is_ascii_digit() && *c != ',') {
            return Err(MoneyError::InvalidCharacter(bad));
        }
        if let Some(bad) = fraction.chars().find(|c| !c.is_ascii_digit()) {
            return Err(MoneyError::InvalidCharacter(bad));
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let digits: String = whole.chars().filter(|c| *c != ',').collect();
        if digits.is_empty() && fraction.is_empty() {
            return Err(MoneyError::Empty);
        }
        let whole_units: u64 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let cents: u64 = format!("{fraction:0<2}")
            .parse()
            .map_err(|_| MoneyError::TooPrecise)?;
        whole_units
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .map(Cents)
            .ok_or(MoneyError::TooLarge)
    }
}

/// An ISO 4217 currency code such as `USD`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

impl Currency {
    /// The three-letter code.
    pub fn code(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Currency(code))
        } else {
            Err(MoneyError::InvalidCurrency)
        }
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_thousands_separators_and_two_decimals() {
        assert_eq!(Cents::new(1_000_000).to_string(), "10,000.00");
        assert_eq!(Cents::new(5).to_string(), "0.05");
        assert_eq!(Cents::new(123_456_789).to_string(), "1,234,567.89");
        assert_eq!(Cents::ZERO.to_string(), "0.00");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!("10000".parse(), Ok(Cents::new(1_000_000)));
        assert_eq!("10,000.50".parse(), Ok(Cents::new(1_000_050)));
        assert_eq!(" 12.5 ".parse(), Ok(Cents::new(1250)));
        assert_eq!(".75".parse(), Ok(Cents::new(75)));
    }

    #[test]
    fn refuses_amounts_that_would_lose_a_cent_or_are_not_numbers() {
        assert_eq!("1.005".parse::<Cents>(), Err(MoneyError::TooPrecise));
        assert_eq!(
            "-5".parse::<Cents>(),
            Err(MoneyError::InvalidCharacter('-'))
        );
        assert_eq!(
            "12e3".parse::<Cents>(),
            Err(MoneyError::InvalidCharacter('e'))
        );
        assert_eq!("".parse::<Cents>(), Err(MoneyError::Empty));
        assert_eq!(".".parse::<Cents>(), Err(MoneyError::Empty));
        assert_eq!(
            "1.2.3".parse::<Cents>(),
            Err(MoneyError::InvalidCharacter('.'))
        );
        assert_eq!(
            "99999999999999999999".parse::<Cents>(),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn formatting_then_parsing_gives_back_the_same_amount() {
        for minor in [
            0,
            1,
            99,
            100,
            101,
            99_999,
            100_000,
            123_456_789,
            u64::MAX / 1000,
        ] {
            let amount = Cents::new(minor);
            assert_eq!(amount.to_string().parse(), Ok(amount));
        }
    }

    #[test]
    fn currency_codes_are_three_capital_letters() {
        assert!(Currency::try_from("USD".to_owned()).is_ok());
        assert_eq!(
            Currency::try_from("usd".to_owned()),
            Err(MoneyError::InvalidCurrency)
        );
        assert_eq!(
            Currency::try_from("DOLLAR".to_owned()),
            Err(MoneyError::InvalidCurrency)
        );
    }
}
