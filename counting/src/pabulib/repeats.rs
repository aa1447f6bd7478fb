//! Voter ids named on more than one vote, found without hashing a million
//! strings where the ids are plain numbers (they usually are).

use std::collections::HashSet;

/// The lines, in order, of the votes whose voter id an earlier vote
/// already named. `voters` holds each vote's non-empty voter id and line,
/// in file order.
pub(super) fn repeated_lines(voters: &[(&str, usize)]) -> Vec<usize> {
    let mut numbers = Vec::with_capacity(voters.len());
    for (id, _) in voters {
        match number(id) {
            Some(n) => numbers.push(n),
            None => return by_hash(voters),
        }
    }
    numeric(&numbers, voters)
}

/// `id` as a number if it is one written the one way: digits, no leading
/// zero (`"07"` and `"7"` are different ids).
fn number(id: &str) -> Option<u64> {
    let canonical = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && (id.len() == 1 || !id.starts_with('0'));
    if canonical { id.parse().ok() } else { None }
}

fn numeric(numbers: &[u64], voters: &[(&str, usize)]) -> Vec<usize> {
    let largest = numbers.iter().copied().max().unwrap_or(0);
    let dense = usize::try_from(largest).is_ok_and(|l| l / 8 <= numbers.len() + 1024);
    if dense {
        // One bit per possible id, met in file order.
        let mut seen = vec![0u64; usize::try_from(largest / 64 + 1).unwrap_or(0)];
        let mut repeated = Vec::new();
        for (&n, &(_, line)) in numbers.iter().zip(voters) {
            let (word, bit) = ((n / 64) as usize, 1u64 << (n % 64));
            if seen[word] & bit != 0 {
                repeated.push(line);
            }
            seen[word] |= bit;
        }
        return repeated;
    }
    let mut order: Vec<(u64, usize)> = numbers
        .iter()
        .zip(voters)
        .map(|(&n, &(_, line))| (n, line))
        .collect();
    order.sort_unstable();
    let mut repeated: Vec<usize> = order
        .windows(2)
        .filter(|pair| pair[0].0 == pair[1].0)
        .map(|pair| pair[1].1)
        .collect();
    repeated.sort_unstable();
    repeated
}

fn by_hash(voters: &[(&str, usize)]) -> Vec<usize> {
    // A lookup only, never iterated: the order of a hash set cannot leak.
    let mut seen: HashSet<&str> = HashSet::with_capacity(voters.len());
    voters
        .iter()
        .filter(|(id, _)| !seen.insert(id))
        .map(|&(_, line)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ids: &[&str]) -> Vec<usize> {
        let voters: Vec<(&str, usize)> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i + 10))
            .collect();
        repeated_lines(&voters)
    }

    #[test]
    fn every_later_vote_of_a_voter_is_a_repeat_whatever_the_ids_look_like() {
        assert_eq!(lines(&["1", "2", "1", "3", "1"]), [12, 14]);
        assert_eq!(lines(&["a", "b", "a", "b"]), [12, 13]);
        // Sparse numbers take the sorting path.
        assert_eq!(
            lines(&["18446744073709551615", "5", "18446744073709551615", "5"]),
            [12, 13]
        );
        assert_eq!(lines(&["1", "2", "3"]), Vec::<usize>::new());
    }

    #[test]
    fn numbers_written_differently_are_different_ids() {
        assert_eq!(lines(&["7", "07", "7"]), [12]);
        assert_eq!(lines(&["0", "00"]), Vec::<usize>::new());
    }
}
