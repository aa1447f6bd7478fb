//! Finding a vote's projects among those listed, by their text.
//!
//! Most ids are short (`12`, `p012`, `A-17`), so an id of up to eight
//! bytes is looked up as one integer, in a small open-addressing table
//! (Knuth's multiplicative hashing, linear probing), and only a longer one
//! is hashed as text: a million votes cost a multiplication each, not
//! string hashing. Ids chosen to collide cannot make this slow: a table
//! with a long probe is given up for a sorted list.

use std::collections::HashMap;

use crate::ProjectId;

/// The listed projects, by id text; each has a number, its place in the
/// list, so that a vote's projects compare as numbers.
pub(super) struct Ids<'a> {
    listed: Vec<&'a ProjectId>,
    /// Ids of up to eight bytes, packed, sorted, with their numbers.
    short: Vec<(u64, u32)>,
    /// The same, by hash (a packed id of 0 marks a free slot); empty if
    /// some id would be more than [`MAX_PROBE`] slots from its hash.
    table: Vec<(u64, u32)>,
    /// How many bits of the hash pick a slot.
    bits: u32,
    /// Longer ids (a lookup only: the map is never iterated).
    long: HashMap<&'a str, u32>,
}

/// The farthest an id may sit from its hash's slot.
const MAX_PROBE: usize = 8;

/// Fibonacci hashing: the top `bits` bits of `word` × 2^64 / φ.
fn slot(word: u64, bits: u32) -> usize {
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// `text` as one integer if it has at most eight bytes, none of them 0
/// (which no project id holds).
fn packed(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.len() > 8 || bytes.contains(&0) {
        return None;
    }
    let mut word = [0u8; 8];
    word[..bytes.len()].copy_from_slice(bytes);
    // A shorter text is padded with zeros, which no packed text holds, so
    // no two texts share one integer.
    Some(u64::from_le_bytes(word))
}

impl<'a> Ids<'a> {
    pub fn new(listed: impl IntoIterator<Item = &'a ProjectId>) -> Self {
        let mut ids = Ids {
            listed: listed.into_iter().collect(),
            short: Vec::new(),
            table: Vec::new(),
            bits: 0,
            long: HashMap::new(),
        };
        for (number, id) in ids.listed.iter().enumerate() {
            let number = u32::try_from(number).unwrap_or(u32::MAX);
            match packed(id.as_str()) {
                Some(word) => ids.short.push((word, number)),
                None => {
                    ids.long.insert(id.as_str(), number);
                }
            }
        }
        ids.short.sort_unstable_by_key(|&(word, _)| word);
        ids.fill_table();
        ids
    }

    fn fill_table(&mut self) {
        let bits = (self.short.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let mut table = vec![(0u64, 0u32); 1 << bits];
        let mask = table.len() - 1;
        for &(word, number) in &self.short {
            let home = slot(word, bits);
            let Some(free) = (0..=MAX_PROBE).find(|k| table[(home + k) & mask].0 == 0) else {
                return;
            };
            table[(home + free) & mask] = (word, number);
        }
        self.table = table;
        self.bits = bits;
    }

    fn find_short(&self, word: u64) -> Option<u32> {
        if self.table.is_empty() {
            let place = self.short.binary_search_by_key(&word, |&(w, _)| w).ok()?;
            return Some(self.short[place].1);
        }
        let (home, mask) = (slot(word, self.bits), self.table.len() - 1);
        for k in 0..=MAX_PROBE {
            match self.table[(home + k) & mask] {
                (0, _) => return None,
                (found, number) if found == word => return Some(number),
                _ => {}
            }
        }
        None
    }

    /// The id numbered `number`.
    pub fn id(&self, number: u32) -> &'a ProjectId {
        self.listed[number as usize]
    }

    /// The number of the listed project whose id is `text`.
    pub fn get(&self, text: &str) -> Option<u32> {
        match packed(text) {
            Some(0) => None,
            Some(word) => self.find_short(word),
            None => self.long.get(text).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_ids_and_nothing_else() {
        let listed: Vec<ProjectId> = ["1", "12", "p012", "2023/KAR/0006", "abcdefgh", "a"]
            .iter()
            .map(|s| s.parse().expect("an id"))
            .collect();
        let ids = Ids::new(&listed);
        for id in &listed {
            assert_eq!(ids.get(id.as_str()).map(|n| ids.id(n)), Some(id));
        }
        for missing in [
            "",
            " ",
            "2",
            "1\0",
            "abcdefg",
            "abcdefghi",
            "2023/KAR/0007",
            "p0120",
        ] {
            assert_eq!(ids.get(missing), None, "{missing:?}");
        }
    }
}

#[cfg(test)]
mod colliding {
    use super::*;

    #[test]
    fn ids_that_crowd_one_slot_are_still_all_found() {
        // Many ids, whatever their slots: some table or the sorted list
        // finds each one.
        let listed: Vec<ProjectId> = (0..5_000)
            .map(|i| i.to_string().parse().expect("an id"))
            .collect();
        let ids = Ids::new(&listed);
        assert!(
            listed
                .iter()
                .all(|id| ids.get(id.as_str()).map(|n| ids.id(n)) == Some(id))
        );
        let mut crowded = Ids::new(&listed);
        crowded.table.clear();
        assert!(
            listed
                .iter()
                .all(|id| crowded.get(id.as_str()).map(|n| ids.id(n)) == Some(id))
        );
        assert_eq!(crowded.get("5000"), None);
    }
}
