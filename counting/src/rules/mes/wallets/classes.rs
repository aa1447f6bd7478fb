//! A project's supporters in classes: voters with one signature and one
//! utility for the project hold the same money and decide the same.

use super::super::signatures::BROKE;
use super::super::voters::Voters;

/// Voters with one signature and one utility for the project at hand.
#[derive(Clone, Copy, Debug)]
pub(in crate::rules::mes) struct Class {
    /// Their signature.
    pub sig: u32,
    /// Their utility for the project.
    pub utility: u64,
    /// How many voters.
    pub voters: u128,
}

/// Room for gathering one project's classes, reused from one gathering to
/// the next.
#[derive(Debug, Default)]
pub(in crate::rules::mes) struct Scratch {
    /// The classes of the last gathering.
    pub classes: Vec<Class>,
    /// Per supporter of the project (in `Voters::supporters` order), its
    /// class, or `u32::MAX` for a broke group.
    of: Vec<u32>,
    /// Per signature, its class within the current run of one utility.
    bucket: Vec<u32>,
    touched: Vec<u32>,
    /// Per project, what a price search's short classes paid for it
    /// (zero between searches).
    pub paid_for: Vec<u128>,
    /// The project whose classes these are, while no one has paid since.
    pub gathered: Option<usize>,
}

impl Scratch {
    /// Sorts `p`'s supporters who are not broke into classes. Supporters
    /// come sorted by utility, so within each run of one utility a class
    /// is one signature.
    pub fn gather(&mut self, voters: &Voters, group_sig: &[u32], p: usize, signatures: usize) {
        self.classes.clear();
        self.of.clear();
        self.gathered = Some(p);
        if self.bucket.len() < signatures {
            self.bucket.resize(signatures, u32::MAX);
        }
        let mut utility = None;
        for &(g, u) in &voters.supporters[p] {
            if utility != Some(u) {
                self.release_bucket();
                utility = Some(u);
            }
            let sig = group_sig[g as usize];
            if sig == BROKE {
                self.of.push(u32::MAX);
                continue;
            }
            let slot = &mut self.bucket[sig as usize];
            if *slot == u32::MAX {
                *slot = u32::try_from(self.classes.len()).unwrap_or(u32::MAX);
                self.touched.push(sig);
                self.classes.push(Class {
                    sig,
                    utility: u,
                    voters: 0,
                });
            }
            let class = *slot as usize;
            self.classes[class].voters += u128::from(voters.multiplicity[g as usize]);
            self.of.push(*slot);
        }
        self.release_bucket();
    }

    /// The class of the `i`-th supporter of the project last gathered.
    pub fn class_of(&self, i: usize) -> usize {
        self.of[i] as usize
    }

    fn release_bucket(&mut self) {
        for sig in self.touched.drain(..) {
            self.bucket[sig as usize] = u32::MAX;
        }
    }
}
