//! Showing amounts of money.

use counting::Cents;

/// `amount` with its currency's symbol where it has a well-known one
/// (`$10,000.00`), else with its code (`CHF 10,000.00`).
pub fn format_money(amount: Cents, currency: &str) -> String {
    match currency {
        "USD" | "CAD" | "AUD" | "NZD" | "MXN" => format!("${amount}"),
        "EUR" => format!("€{amount}"),
        "GBP" => format!("£{amount}"),
        code => format!("{code} {amount}"),
    }
}

/// `amount` as a form field shows it, without symbol or separators
/// (`1250.50`).
pub fn format_plain(amount: Cents) -> String {
    let minor = amount.minor_units();
    format!("{}.{:02}", minor / 100, minor % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_currencies_get_their_symbol_and_others_their_code() {
        assert_eq!(format_money(Cents::new(1_000_000), "USD"), "$10,000.00");
        assert_eq!(format_money(Cents::new(150), "EUR"), "€1.50");
        assert_eq!(format_money(Cents::new(150), "CHF"), "CHF 1.50");
    }

    #[test]
    fn plain_amounts_read_back_as_the_same_cents() {
        for minor in [0, 5, 150, 123_456_789] {
            let typed = format_plain(Cents::new(minor));
            assert_eq!(typed.parse::<Cents>(), Ok(Cents::new(minor)), "{typed}");
        }
    }
}
