//! Percentages that add up: a whole shared among parts, shown to a tenth
//! of a percent, by the largest remainder (Hare) method, so a results
//! table never reads 99.9% or 100.1% in all.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use super::Exact;

/// Each part's share of their sum in tenths of a percent, adding up to
/// exactly 1000 (all zero when the sum is zero). Each share is its exact
/// share rounded down, and the tenths left over go to the parts with the
/// largest remainders, earlier parts first among equal remainders.
/// `None` if a part is not a non-negative number.
pub fn tenths_of_percent(parts: &[Exact]) -> Option<Vec<u32>> {
    let values: Vec<BigRational> = parts.iter().map(Exact::rational).collect::<Option<_>>()?;
    if values.iter().any(|v| v < &BigRational::zero()) {
        return None;
    }
    let whole: BigRational = values.iter().sum();
    if whole.is_zero() {
        return Some(vec![0; parts.len()]);
    }
    let thousand = BigRational::from_integer(BigInt::from(1000));
    let exact: Vec<BigRational> = values.iter().map(|v| v * &thousand / &whole).collect();
    let mut shares: Vec<u32> = exact
        .iter()
        .map(|e| e.floor().to_integer().to_u32().unwrap_or(0))
        .collect();
    let given: u32 = shares.iter().sum();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| exact[b].fract().cmp(&exact[a].fract()).then(a.cmp(&b)));
    for &i in order.iter().take(1000u32.saturating_sub(given) as usize) {
        shares[i] += 1;
    }
    Some(shares)
}

/// Tenths of a percent written as a percentage (`417` → `41.7%`).
pub fn percent_text(tenths: u32) -> String {
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(values: &[&str]) -> Vec<Exact> {
        values.iter().map(|v| Exact((*v).to_owned())).collect()
    }

    #[test]
    fn thirds_add_up_to_a_hundred_percent() {
        let shares = tenths_of_percent(&exact(&["1", "1", "1"])).expect("numbers");
        assert_eq!(shares, [334, 333, 333]);
        assert_eq!(shares.iter().sum::<u32>(), 1000);
    }

    #[test]
    fn fractions_share_by_their_exact_values() {
        let shares = tenths_of_percent(&exact(&["53/3", "10", "0"])).expect("numbers");
        assert_eq!(shares, [639, 361, 0]);
        assert_eq!(percent_text(shares[0]), "63.9%");
    }

    #[test]
    fn nothing_shares_nothing_and_nonsense_is_refused() {
        assert_eq!(tenths_of_percent(&exact(&["0", "0"])), Some(vec![0, 0]));
        assert_eq!(tenths_of_percent(&exact(&["-1", "2"])), None);
        assert_eq!(tenths_of_percent(&exact(&["x"])), None);
    }

    proptest::proptest! {
        #[test]
        fn shares_always_add_up(parts in proptest::collection::vec(0u64..10_000, 1..12)) {
            let parts: Vec<Exact> = parts.iter().map(|&p| Exact::from(u128::from(p))).collect();
            let shares = tenths_of_percent(&parts).expect("numbers");
            let sum: u32 = shares.iter().sum();
            proptest::prop_assert!(sum == 1000 || sum == 0);
        }
    }
}
