//! Amounts as pabulib files write them: whole numbers, or decimals with a
//! `.` (or a `,`, which pabutools also reads). A file's amounts become
//! exact integers in units of 10^−scale, where the scale is the most
//! decimal places any of its amounts uses (trailing zeros do not count:
//! `1500.0` is whole).

/// A decimal amount: `digits` × 10^−`places`, with no trailing zero in
/// its fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Decimal {
    digits: u128,
    places: u32,
}

/// The most decimal places an amount may have.
pub(super) const MAX_PLACES: u32 = 9;

impl Decimal {
    /// Reads `text` (trimmed): digits, then optionally `.` or `,` and
    /// digits. No sign, exponent or thousands separator.
    pub(super) fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (int, frac) = match text.find(['.', ',']) {
            Some(at) => (&text[..at], &text[at + 1..]),
            None => (text, ""),
        };
        let frac = frac.trim_end_matches('0');
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) {
            return None;
        }
        let places = u32::try_from(frac.len())
            .ok()
            .filter(|p| *p <= MAX_PLACES)?;
        let mut digits: u128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            digits = digits.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
        }
        Some(Decimal { digits, places })
    }

    /// Decimal places it needs.
    pub(super) fn places(self) -> u32 {
        self.places
    }

    /// Whether it is zero.
    pub(super) fn is_zero(self) -> bool {
        self.digits == 0
    }

    /// The amount in units of 10^−`scale` (`scale` at least
    /// [`Decimal::places`]), if that fits in 64 bits.
    pub(super) fn scaled(self, scale: u32) -> Option<u64> {
        let factor = 10u128.checked_pow(scale.checked_sub(self.places)?)?;
        u64::try_from(self.digits.checked_mul(factor)?).ok()
    }
}

/// `units` × 10^−`scale` written as a file would (`1234567.89`, `300`).
pub(super) fn write(units: u64, scale: u32) -> String {
    let places = scale as usize;
    let digits = format!("{units:0width$}", width = places + 1);
    let (int, frac) = digits.split_at(digits.len() - places);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_whole_and_decimal_amounts_exactly() {
        let budget = Decimal::parse("1234567.89").expect("a decimal");
        assert_eq!((budget.places(), budget.scaled(2)), (2, Some(123_456_789)));
        assert_eq!(Decimal::parse("1500.0").map(Decimal::places), Some(0));
        assert_eq!(
            Decimal::parse("1500,50").and_then(|d| d.scaled(2)),
            Some(150_050)
        );
        assert_eq!(
            Decimal::parse(" 300 ").and_then(|d| d.scaled(3)),
            Some(300_000)
        );
    }

    #[test]
    fn refuses_what_is_not_an_exact_amount() {
        for bad in ["", "-5", "1e5", "1,000.50", ".5", "abc", "0.0000000001"] {
            assert_eq!(Decimal::parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            Decimal::parse("12.").map(Decimal::places),
            Some(0),
            "12. is 12"
        );
        assert_eq!(
            Decimal::parse("18446744073709551615").and_then(|d| d.scaled(1)),
            None,
            "too large once scaled"
        );
    }

    #[test]
    fn writes_amounts_back_as_the_file_did() {
        assert_eq!(write(123_456_789, 2), "1234567.89");
        assert_eq!(write(150_000, 2), "1500");
        assert_eq!(write(150_050, 2), "1500.5");
        assert_eq!(write(300, 0), "300");
        assert_eq!(write(5, 3), "0.005");
        assert_eq!(write(0, 2), "0");
    }
}
