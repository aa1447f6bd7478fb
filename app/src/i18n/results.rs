//! The words of the results page, one [`ResultsStrings`] per language.
//! Sentences that carry numbers are functions, so each language orders
//! its words as it needs.

mod en;
mod es;

use super::Lang;

/// The results page's text in one language.
#[derive(Debug)]
pub struct ResultsStrings {
    /// Paper ballots keyed as spoiled, given how many.
    pub spoiled: fn(u64) -> String,
    /// The page title: "Results: {cycle}".
    pub title: fn(&str) -> String,
    /// Certified by `k` members of `n`, named.
    pub certified_by: fn(usize, u32, &str) -> String,
    /// The cycle has no published results yet.
    pub not_yet: &'static str,
    /// No such cycle.
    pub no_such_cycle: &'static str,
    /// How a greedy count works, with the score's name.
    pub method_greedy: fn(&str) -> String,
    /// How equal shares works.
    pub method_mes: &'static str,
    /// How instant runoff works.
    pub method_irv: &'static str,
    /// How STV works, with the seats and the quota.
    pub method_stv: fn(u32, &str) -> String,
    /// Heading of what was funded (budgeting rules).
    pub funded_heading: &'static str,
    /// Heading of who was elected (IRV, STV).
    pub elected_heading: &'static str,
    /// Spent of budget, left over.
    pub spent: fn(&str, &str, &str) -> String,
    /// The budget bar's table: project, cost.
    pub budget_columns: [&'static str; 2],
    /// The bar's unspent part.
    pub left_over: &'static str,
    /// Nothing was funded.
    pub nothing_funded: &'static str,
    /// Heading of the table of every project.
    pub projects_heading: &'static str,
    /// Its columns: project, cost, supporters, (score), result, why.
    pub project_columns: [&'static str; 5],
    /// The score's name: approval, allocation, ranked (Borda), runoff.
    pub score_names: [&'static str; 4],
    /// A funded project's result, with its place in the order.
    pub funded_word: fn(usize) -> String,
    /// Funded, in a table cell.
    pub funded_plain: &'static str,
    /// Not funded.
    pub not_funded_word: &'static str,
    /// Eliminated, in a table cell.
    pub eliminated_word: &'static str,
    /// Elected (IRV, STV).
    pub elected_word: &'static str,
    /// Not elected.
    pub not_elected_word: &'static str,
    /// Greedy: funded, with its place and what was left after it.
    pub why_greedy_funded: fn(usize, &str) -> String,
    /// Greedy: skipped, with what was left and its cost.
    pub why_greedy_skipped: fn(&str, &str) -> String,
    /// No ballot supported it.
    pub why_no_support: &'static str,
    /// Equal shares: funded in round r, n supporters paid `each` each.
    pub why_mes_each: fn(u32, u64, &str) -> String,
    /// Equal shares: funded in round r, n supporters paid `per` a point.
    pub why_mes_per_point: fn(u32, u64, &str) -> String,
    /// …of whom m paid all they had left, `paid` together.
    pub why_mes_all_left: fn(u64, &str) -> String,
    /// Equal shares: its n supporters had only `left` for a `cost` project.
    pub why_mes_unaffordable: fn(u64, &str, &str) -> String,
    /// Funded when the rest was handed out by votes, `left` left after it.
    pub why_completion_funded: fn(&str) -> String,
    /// …and in that completion only `left` was left for its `cost`.
    pub why_completion_skipped: fn(&str, &str) -> String,
    /// IRV: won in round r with v votes, p of those still counting.
    pub why_won: fn(u32, &str, &str) -> String,
    /// STV: elected in round r with v votes, at or above the quota.
    pub why_elected: fn(u32, &str, &str) -> String,
    /// Eliminated in round r with v votes.
    pub why_eliminated: fn(u32, &str) -> String,
    /// Still in the count at the end with v votes, not elected.
    pub why_still_in: fn(&str) -> String,
    /// A tie with others, settled by the policy fixed before voting.
    pub why_tie: fn(&str) -> String,
    /// Heading of the rounds.
    pub rounds_heading: &'static str,
    /// Under a chart: the table beside it says the same.
    pub chart_table_note: &'static str,
    /// Greedy's chart caption, with the score's name.
    pub greedy_caption: fn(&str) -> String,
    /// Greedy's table: place, project, (score), cost, result, left after.
    pub greedy_columns: [&'static str; 5],
    /// Skipped.
    pub skipped_word: &'static str,
    /// Equal shares: each of n voters started with `per`.
    pub mes_start: fn(u64, &str) -> String,
    /// Add-one: the per-voter money the kept outcome used.
    pub mes_add_one: fn(&str) -> String,
    /// Equal shares' chart caption.
    pub mes_caption: &'static str,
    /// Its table: round, project, cost, paid in full, paid all they had.
    pub mes_columns: [&'static str; 5],
    /// n supporters paying `total` in full.
    pub mes_in_full: fn(u64, &str) -> String,
    /// m supporters paying all they had left, `total`.
    pub mes_all_left: fn(u64, &str) -> String,
    /// Heading of the completion by votes.
    pub completion_heading: &'static str,
    /// The completion's caption.
    pub completion_caption: &'static str,
    /// A runoff round's heading.
    pub round_heading: fn(u32) -> String,
    /// Its table: project, votes, share, change.
    pub runoff_columns: [&'static str; 4],
    /// Ballots no longer counting for anyone.
    pub exhausted: &'static str,
    /// STV: votes kept by elected projects.
    pub kept: &'static str,
    /// `who` was eliminated; its ballots went `where`.
    pub moved_eliminated: fn(&str, &str) -> String,
    /// `who` was elected with v votes.
    pub moved_elected: fn(&str, &str) -> String,
    /// `who` was elected; its surplus went `where`.
    pub moved_surplus: fn(&str, &str) -> String,
    /// n to `project`.
    pub went_to: fn(&str, &str) -> String,
    /// n exhausted.
    pub went_exhausted: fn(&str) -> String,
    /// Heading of ties and the seed.
    pub ties_heading: &'static str,
    /// No tie was broken.
    pub no_ties: &'static str,
    /// The word joining the last two names of a list ("and").
    pub and: &'static str,
    /// `tied` were tied; the policy chose `chosen`.
    pub tie: fn(&str, &str, &str) -> String,
    /// Each policy in words: cheapest then seeded, previous round then
    /// seeded, by id.
    pub policies: [&'static str; 3],
    /// What the seed is.
    pub seed_help: &'static str,
    /// Labels: sealed root, the members who revealed, seed.
    pub seed_labels: [&'static str; 3],
    /// Heading of turnout.
    pub turnout_heading: &'static str,
    /// Ballots: total, online, paper.
    pub ballots: fn(u64, u64, u64) -> String,
    /// Imported votes.
    pub imported: fn(u64) -> String,
    /// The groups' table: group, codes used, share.
    pub turnout_columns: [&'static str; 3],
    /// u of i codes used.
    pub used_of: fn(u64, u64) -> String,
    /// What turnout counts and what it never says.
    pub turnout_help: &'static str,
    /// Heading of downloads and verification.
    pub downloads_heading: &'static str,
    /// The three downloads: record, ballots, results.
    pub downloads: [&'static str; 3],
    /// How to verify, before the command.
    pub verify_help: &'static str,
    /// After the command.
    pub verify_after: &'static str,
    /// The record hash's label.
    pub hash_label: &'static str,
}

impl Lang {
    /// The results page's strings in this language.
    pub fn results(self) -> &'static ResultsStrings {
        match self {
            Lang::En => &en::RESULTS,
            Lang::Es => &es::RESULTS,
        }
    }
}

/// The page's results strings.
pub fn tr() -> &'static ResultsStrings {
    super::use_lang().results()
}
