//! A certified cycle's results, for everyone: what was funded, every
//! project's support and a plain-language reason, the rounds as chart
//! data, ties and the seed, turnout and the downloads. Everything is
//! worded on the server in the request's language, from the certified
//! election record (`counting::record`), so the page needs no
//! JavaScript.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A funded (or elected) project in the budget bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slice {
    /// Its title.
    pub title: String,
    /// Its cost, as money.
    pub cost: String,
    /// Its cost in minor units (the bar's width).
    pub cost_cents: u64,
}

/// One project in the table of every project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRow {
    /// Its proposal id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its cost, as money.
    pub cost: String,
    /// Ballots that supported it.
    pub supporters: u64,
    /// Its score as the rule used it (votes, points, Borda score, first
    /// choices).
    pub score: String,
    /// Its result: "Funded (#2)", "Not funded", "Elected"…
    pub result: String,
    /// Whether it won.
    pub won: bool,
    /// Why, in a sentence or two.
    pub why: String,
}

/// One project's turn in a greedy count (or a completion by votes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// Its place in the order.
    pub place: usize,
    /// Its title.
    pub title: String,
    /// Its score, as text.
    pub score: String,
    /// Its score (the bar's length).
    pub score_value: u64,
    /// Its cost, as money.
    pub cost: String,
    /// Whether it was funded (else skipped).
    pub funded: bool,
    /// The money left after its turn.
    pub left: String,
}

/// One round of equal shares: a funded project and how it was paid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// The round.
    pub round: u32,
    /// The project.
    pub title: String,
    /// Its cost, as money.
    pub cost: String,
    /// Supporters who paid their full share, and what they paid.
    pub in_full: String,
    /// Its part of the cost in minor units (the bar).
    pub in_full_cents: u64,
    /// Supporters who paid all they had left, and what they paid.
    pub all_left: String,
    /// Its part of the cost in minor units (the bar).
    pub all_left_cents: u64,
}

/// A line of a runoff round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The project, or "Exhausted ballots".
    pub label: String,
    /// Its votes, as text.
    pub votes: String,
    /// Its share of all ballots, in tenths of a percent.
    pub tenths: u32,
    /// The change since the round before ("+12", "−3", or empty).
    pub change: String,
    /// Whether it was elected this round.
    pub elected: bool,
    /// Whether it was eliminated this round.
    pub eliminated: bool,
    /// Whether this is the ballots no longer counting.
    pub aside: bool,
}

/// One round of IRV or STV.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunoffRound {
    /// The round's number.
    pub number: u32,
    /// Each continuing project, then the ballots set aside.
    pub lines: Vec<Line>,
    /// What happened, and where the ballots went, in sentences.
    pub said: Vec<String>,
}

/// The rounds, as the rule ran them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rounds {
    /// Greedy: every project's turn.
    Greedy(Vec<Turn>),
    /// Equal shares: the starting share (and add-one's), the rounds, and
    /// the completion by votes.
    Mes {
        /// Sentences on the voters' money.
        money: Vec<String>,
        /// Each funded project's round.
        shares: Vec<Share>,
        /// The completion's turns (empty if none ran).
        completion: Vec<Turn>,
    },
    /// IRV or STV.
    Runoff(Vec<RunoffRound>),
}

/// A certified cycle's results, worded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleResults {
    /// The cycle.
    pub cycle_id: i32,
    /// Its name.
    pub name: String,
    /// Who certified, in a sentence.
    pub certified: String,
    /// How it was counted, in a sentence.
    pub method: String,
    /// A budgeting rule (else an election of seats).
    pub budgeting: bool,
    /// Spent of budget, in a sentence.
    pub spent: String,
    /// The budget in minor units.
    pub budget_cents: u64,
    /// What is left, as money.
    pub left: String,
    /// The winners in order, for the budget bar.
    pub funded: Vec<Slice>,
    /// The score's name in a sentence ("votes", "points"…).
    pub score_name: String,
    /// The score column's heading.
    pub score_heading: String,
    /// Every project: winners first in order, then by score.
    pub projects: Vec<ProjectRow>,
    /// The rounds.
    pub rounds: Rounds,
    /// Each tie broken, in a sentence.
    pub ties: Vec<String>,
    /// The sealed log root, the entropy and the seed.
    pub seed: [String; 3],
    /// Ballots, in a sentence (and imported votes, if any).
    pub ballots: Vec<String>,
    /// Per roster group: name, "u of i", share in tenths of a percent.
    pub groups: Vec<(String, String, u32)>,
    /// The record hash, hex.
    pub record_hash: String,
}

/// Cycle `cycle`'s certified results in the request's language.
#[server(prefix = "/api", endpoint = "cycle-results")]
pub async fn published_results(cycle: i32) -> Result<CycleResults, AppError> {
    backend::results(cycle).await
}

#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod build;
