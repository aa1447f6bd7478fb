//! A compact, validated form of the ballots that the rules read.

use crate::{Ballot, BallotError, BallotKind, BallotRules, Manifest};

/// One ballot entry: a project (index into the manifest's projects) and its
/// weight: 1 for approval, the points for allocation, the Borda score
/// `k − position + 1` for ranked (entries then stay in rank order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub project: u32,
    pub weight: u64,
}

/// Validated ballots, stored flat: 1,000,000 ballots of ten entries take
/// about 170 MB.
#[derive(Clone, Debug)]
pub struct Profile {
    kind: BallotKind,
    offsets: Vec<usize>,
    entries: Vec<Entry>,
}

impl Profile {
    /// An empty profile for `manifest`'s ballot kind.
    pub fn new(manifest: &Manifest) -> Profile {
        Profile {
            kind: crate::ballot::rules_kind(&manifest.ballot),
            offsets: vec![0],
            entries: Vec::new(),
        }
    }

    /// Validates `ballot` against `manifest` and adds it.
    pub fn push(&mut self, manifest: &Manifest, ballot: &Ballot) -> Result<(), BallotError> {
        ballot.validate(manifest)?;
        self.add(manifest, ballot);
        Ok(())
    }

    /// Adds `ballot` as it was cast, for an election held elsewhere (a
    /// pabulib file): it must be of the manifest's kind and name only its
    /// projects, each once and with points above zero, but it may break
    /// the manifest's limits (cost, length, points), which ballots cast in
    /// Pebble never do.
    pub fn push_as_cast(
        &mut self,
        manifest: &Manifest,
        ballot: &Ballot,
    ) -> Result<(), BallotError> {
        ballot.validate_shape(manifest)?;
        self.add(manifest, ballot);
        Ok(())
    }

    /// Adds `ballot`, which [`Ballot::validate`] accepted for `manifest`.
    pub(crate) fn push_valid(&mut self, manifest: &Manifest, ballot: &Ballot) {
        self.add(manifest, ballot);
    }

    fn add(&mut self, manifest: &Manifest, ballot: &Ballot) {
        let index = |id| manifest.index_of(id).map(|i| i as u32).unwrap_or(u32::MAX);
        match ballot {
            Ballot::Approval(ids) => {
                self.entries.extend(ids.iter().map(|id| Entry {
                    project: index(id),
                    weight: 1,
                }));
            }
            Ballot::Allocation(points) => {
                self.entries
                    .extend(points.iter().map(|(id, &weight)| Entry {
                        project: index(id),
                        weight,
                    }));
            }
            Ballot::Ranked(order) => {
                let k = match manifest.ballot {
                    BallotRules::Ranked { max_ranks } => u64::from(max_ranks),
                    _ => order.len() as u64,
                };
                // A ballot cast elsewhere may rank more than k: the places
                // past k score nothing.
                self.entries.extend(
                    order
                        .iter()
                        .enumerate()
                        .map(|(pos, id)| Entry {
                            project: index(id),
                            weight: k.saturating_sub(pos as u64),
                        })
                        .filter(|entry| entry.weight > 0),
                );
            }
        }
        self.offsets.push(self.entries.len());
    }

    /// Number of ballots.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether there are no ballots.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind of ballots.
    pub fn kind(&self) -> BallotKind {
        self.kind
    }

    /// Ballot `i`'s entries.
    pub(crate) fn ballot(&self, i: usize) -> &[Entry] {
        &self.entries[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Every ballot's entries, in input order.
    pub(crate) fn ballots(&self) -> impl Iterator<Item = &[Entry]> {
        self.offsets.windows(2).map(|w| &self.entries[w[0]..w[1]])
    }

    /// Total weight per project: approvals, points or Borda score.
    pub(crate) fn scores(&self, projects: usize) -> Vec<u128> {
        let mut scores = vec![0u128; projects];
        for entry in &self.entries {
            scores[entry.project as usize] += u128::from(entry.weight);
        }
        scores
    }
}
