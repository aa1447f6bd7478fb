//! The outcome of a count and its round-by-round transcript.
//!
//! Everything here is built from ordered vectors and exact numbers, so the
//! same input gives a byte-identical transcript, in JSON or as text.

mod percent;

use std::fmt;

use num_bigint::BigInt;
use num_rational::BigRational;
use serde::{Deserialize, Serialize};

use crate::{Cents, ProjectId, TieBreak};

pub use percent::{percent_text, tenths_of_percent};

/// An exact number in a transcript: an integer, or a fraction `p/q` in
/// lowest terms. Serialised as that text, so no precision is ever lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Exact(pub String);

impl From<u128> for Exact {
    fn from(value: u128) -> Self {
        Exact(value.to_string())
    }
}

impl From<&BigRational> for Exact {
    fn from(value: &BigRational) -> Self {
        if value.denom() == &BigInt::from(1) {
            Exact(value.numer().to_string())
        } else {
            Exact(format!("{}/{}", value.numer(), value.denom()))
        }
    }
}

impl Exact {
    /// The number as a fraction, if it is one (an integer or `p/q`).
    pub fn rational(&self) -> Option<BigRational> {
        self.0.parse().ok()
    }

    /// This number divided by `n`, exactly; `None` if it is not a number
    /// or `n` is zero.
    pub fn divided(&self, n: u64) -> Option<Exact> {
        if n == 0 {
            return None;
        }
        Some(Exact::from(&(self.rational()? / BigInt::from(n))))
    }

    /// The sum of `values`, exactly; `None` if one is not a number.
    pub fn sum<'a>(values: impl IntoIterator<Item = &'a Exact>) -> Option<Exact> {
        let mut total = BigRational::from_integer(BigInt::from(0));
        for value in values {
            total += value.rational()?;
        }
        Some(Exact::from(&total))
    }

    /// This number less `other`, exactly (may be negative).
    pub fn minus(&self, other: &Exact) -> Option<Exact> {
        Some(Exact::from(&(self.rational()? - other.rational()?)))
    }

    /// This number times `n`, exactly.
    pub fn times(&self, n: u64) -> Option<Exact> {
        Some(Exact::from(&(self.rational()? * BigInt::from(n))))
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.0 == "0"
    }

    /// The number with `places` decimals, rounded half away from zero
    /// (`2531/3` with 2 places is `843.67`); integers are written as they
    /// are. For showing STV's fractional votes.
    pub fn decimal(&self, places: u32) -> Option<String> {
        let value = self.rational()?;
        if value.is_integer() {
            return Some(value.numer().to_string());
        }
        let scale = BigInt::from(10u32).pow(places);
        let scaled = (value * &scale).round().to_integer();
        let sign = if scaled < BigInt::from(0) { "-" } else { "" };
        let digits = scaled.magnitude().to_string();
        let places = places as usize;
        let digits = format!("{digits:0>width$}", width = places + 1);
        let (whole, fraction) = digits.split_at(digits.len() - places);
        Some(format!("{sign}{whole}.{fraction}"))
    }

    /// The number rounded to the nearest integer, halves up (for showing
    /// an exact amount of minor units as money); `None` if it is not a
    /// non-negative number that fits.
    pub fn rounded(&self) -> Option<u64> {
        use num_traits::{Signed, ToPrimitive};
        let value = self.rational()?;
        if value.is_negative() {
            return None;
        }
        let half = BigRational::new(BigInt::from(1), BigInt::from(2));
        (value + half).floor().to_integer().to_u64()
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One project's number in a round: score, votes, or MES price per unit
/// of utility.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The project.
    pub project: ProjectId,
    /// Its number this round.
    pub value: Exact,
}

/// Something that happened in a round, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// Funded; `remaining` is the budget left after it.
    Funded {
        /// The project.
        project: ProjectId,
        /// Its cost.
        cost: Cents,
        /// Budget left afterwards.
        remaining: Cents,
    },
    /// Not funded because it does not fit the remaining budget.
    Skipped {
        /// The project.
        project: ProjectId,
        /// Its cost.
        cost: Cents,
        /// Budget left.
        remaining: Cents,
    },
    /// MES: its supporters together have less money left than it costs.
    Unaffordable {
        /// The project.
        project: ProjectId,
        /// Its cost.
        cost: Cents,
        /// How many voters support it.
        supporters: u64,
        /// The money they hold together, in minor units (exact).
        money_left: Exact,
    },
    /// MES: how a funded project's cost was shared among its supporters
    /// (written after its [`Event::Funded`]). Supporters paying in full
    /// paid the round's price ρ times their utility; the others paid all
    /// they had left, which was less. The two sums make the cost.
    Shared {
        /// The project.
        project: ProjectId,
        /// Supporters who paid ρ × their utility.
        in_full: u64,
        /// What they paid together, in minor units (exact).
        in_full_paid: Exact,
        /// Supporters who paid all they had left.
        all_left: u64,
        /// What they paid together, in minor units (exact).
        all_left_paid: Exact,
    },
    /// Elected (IRV, STV).
    Elected {
        /// The project or candidate.
        project: ProjectId,
        /// Its votes when elected.
        votes: Exact,
    },
    /// Eliminated (IRV, STV).
    Eliminated {
        /// The project or candidate.
        project: ProjectId,
        /// Its votes when eliminated.
        votes: Exact,
    },
    /// A tie was broken by the manifest's policy.
    TieBroken {
        /// The tied projects.
        tied: Vec<ProjectId>,
        /// The one the policy chose (funded, elected or eliminated).
        chosen: ProjectId,
        /// The policy.
        policy: TieBreak,
    },
    /// MES add-one completion: the outcome at this per-voter budget.
    BudgetTried {
        /// Each voter's starting budget, in minor units.
        per_voter: Exact,
        /// Projects MES funded with it.
        funded: Vec<ProjectId>,
        /// Their total cost.
        cost: Cents,
        /// What happens next.
        verdict: BudgetVerdict,
    },
    /// MES add-one completion: a run of per-voter budgets, one minor unit
    /// apart, that all gave the same outcome with money left over (each
    /// one [`BudgetVerdict::NotExhaustive`]). Written once instead of once
    /// per budget so that a transcript stays readable however many steps
    /// the completion takes.
    BudgetsTried {
        /// The first per-voter budget of the run.
        from: Exact,
        /// The last one.
        to: Exact,
        /// How many budgets the run holds (`to − from + 1`).
        tries: u64,
        /// Projects MES funded with each of them.
        funded: Vec<ProjectId>,
        /// Their total cost.
        cost: Cents,
    },
}

/// The add-one completion's judgement of one per-voter budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetVerdict {
    /// Money left that another project could use: raise the budget.
    NotExhaustive,
    /// Nothing else fits: this outcome is kept.
    Exhaustive,
    /// Over the budget: the previous outcome is kept.
    OverBudget,
}

/// One round of a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// 1-based round number.
    pub number: u32,
    /// Which stage of the rule (e.g. "mes", "greedy completion").
    pub stage: String,
    /// Each project's number this round, in the order considered.
    pub tallies: Vec<Tally>,
    /// What happened, in order.
    pub events: Vec<Event>,
}

impl Round {
    /// `project`'s number this round, if it was considered.
    pub fn tally_of(&self, project: &ProjectId) -> Option<&Exact> {
        self.tallies
            .iter()
            .find(|t| &t.project == project)
            .map(|t| &t.value)
    }
}

/// The result of a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Funded (budgeting rules) or elected (IRV, STV) projects, in the
    /// order they were funded or elected.
    pub winners: Vec<ProjectId>,
    /// Total cost of the winners.
    pub spent: Cents,
    /// Every round.
    pub rounds: Vec<Round>,
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, Amounts::MinorUnits)
    }
}

impl Event {
    /// Writes the event in words, with amounts as `amounts` says.
    fn write(&self, f: &mut fmt::Formatter<'_>, amounts: Amounts) -> fmt::Result {
        let money = |amount: &Cents| Money(*amount, amounts);
        match self {
            Event::Funded {
                project,
                cost,
                remaining,
            } => {
                write!(
                    f,
                    "funded {project} (cost {}; {} left)",
                    money(cost),
                    money(remaining)
                )
            }
            Event::Skipped {
                project,
                cost,
                remaining,
            } => {
                write!(
                    f,
                    "skipped {project}: does not fit (cost {}; {} left)",
                    money(cost),
                    money(remaining)
                )
            }
            Event::Unaffordable {
                project,
                cost,
                supporters,
                money_left,
            } => {
                write!(
                    f,
                    "dropped {project}: its {supporters} supporters have {} left, less than its cost {}",
                    ExactMoney(money_left, amounts),
                    money(cost)
                )
            }
            Event::Shared {
                project,
                in_full,
                in_full_paid,
                all_left,
                all_left_paid,
            } => {
                write!(
                    f,
                    "shared {project}: {in_full} supporters paid {} in full, {all_left} paid all they had left, {}",
                    ExactMoney(in_full_paid, amounts),
                    ExactMoney(all_left_paid, amounts)
                )
            }
            Event::Elected { project, votes } => write!(f, "elected {project} with {votes} votes"),
            Event::Eliminated { project, votes } => {
                write!(f, "eliminated {project} with {votes} votes")
            }
            Event::TieBroken {
                tied,
                chosen,
                policy,
            } => {
                let tied: Vec<&str> = tied.iter().map(ProjectId::as_str).collect();
                write!(
                    f,
                    "tie between {} broken by {}: {chosen}",
                    tied.join(", "),
                    policy.name()
                )
            }
            Event::BudgetTried {
                per_voter,
                funded,
                cost,
                verdict,
            } => {
                let verdict = match verdict {
                    BudgetVerdict::NotExhaustive => "money left over, raise the budget",
                    BudgetVerdict::Exhaustive => "exhaustive, keep it",
                    BudgetVerdict::OverBudget => "over the budget, keep the previous outcome",
                };
                write!(
                    f,
                    "per-voter budget {per_voter}: {} projects costing {}; {verdict}",
                    funded.len(),
                    money(cost)
                )
            }
            Event::BudgetsTried {
                from,
                to,
                tries,
                funded,
                cost,
            } => {
                write!(
                    f,
                    "per-voter budgets {from} to {to} ({tries} tries, one unit apart): {} projects costing {} each time; money left over, raise the budget",
                    funded.len(),
                    money(cost)
                )
            }
        }
    }
}

/// How a text transcript writes amounts of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amounts {
    /// Minor units as major units with two decimals (`10,000.00`), as
    /// Pebble's cycles keep money.
    MinorUnits,
    /// Units of 10^−places written with that many decimal places, as a
    /// pabulib file writes its amounts (`1000`, `1234567.89`; trailing
    /// zeros dropped). `Decimals(0)` writes whole numbers as they are.
    Decimals(u32),
}

/// An amount written as [`Amounts`] says.
struct Money(Cents, Amounts);

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Amounts::MinorUnits => write!(f, "{}", self.0),
            Amounts::Decimals(places) => {
                f.write_str(&crate::pabulib::write_amount(self.0.minor_units(), places))
            }
        }
    }
}

/// An exact amount of minor units written as [`Amounts`] says: whole
/// amounts as money, fractions as `p/q` of the smallest unit, since no
/// decimal writes them exactly.
struct ExactMoney<'a>(&'a Exact, Amounts);

impl fmt::Display for ExactMoney<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.0.parse::<u64>() {
            Ok(whole) => Money(Cents::new(whole), self.1).fmt(f),
            Err(_) => match self.1 {
                Amounts::MinorUnits => write!(f, "{} minor units", self.0),
                Amounts::Decimals(0) => write!(f, "{}", self.0),
                Amounts::Decimals(places) => write!(f, "{} × 10^-{places}", self.0),
            },
        }
    }
}

/// A plain-text transcript with a choice of how amounts are written; see
/// [`Outcome::text`].
pub struct Text<'a> {
    outcome: &'a Outcome,
    amounts: Amounts,
}

impl Outcome {
    /// The plain-text transcript, one line per tally and event, with
    /// amounts written as `amounts` says.
    pub fn text(&self, amounts: Amounts) -> Text<'_> {
        Text {
            outcome: self,
            amounts,
        }
    }
}

impl fmt::Display for Outcome {
    /// The plain-text transcript, amounts in minor units.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text(Amounts::MinorUnits).fmt(f)
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Text { outcome, amounts } = *self;
        for round in &outcome.rounds {
            writeln!(f, "round {} ({})", round.number, round.stage)?;
            for tally in &round.tallies {
                writeln!(f, "  {:<16} {}", tally.project.as_str(), tally.value)?;
            }
            for event in &round.events {
                write!(f, "  - ")?;
                event.write(f, amounts)?;
                writeln!(f)?;
            }
        }
        let winners: Vec<&str> = outcome.winners.iter().map(ProjectId::as_str).collect();
        writeln!(f, "winners: {}", winners.join(", "))?;
        write!(f, "spent: {}", Money(outcome.spent, amounts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_funded() -> Outcome {
        let id: ProjectId = "p1".parse().expect("an id");
        Outcome {
            winners: vec![id.clone()],
            spent: Cents::new(125_050),
            rounds: vec![Round {
                number: 1,
                stage: "greedy".to_owned(),
                tallies: Vec::new(),
                events: vec![Event::Funded {
                    project: id,
                    cost: Cents::new(125_050),
                    remaining: Cents::new(50),
                }],
            }],
        }
    }

    #[test]
    fn exact_numbers_add_subtract_and_show_decimals() {
        let e = |text: &str| Exact(text.to_owned());
        assert_eq!(Exact::sum(&[e("1/3"), e("2/3"), e("4")]), Some(e("5")));
        assert_eq!(e("3").minus(&e("7/2")), Some(e("-1/2")));
        assert!(e("-1/2").is_negative() && e("0").is_zero());
        assert_eq!(e("5/6").times(3), Some(e("5/2")));
        assert_eq!(e("2531/3").decimal(2).as_deref(), Some("843.67"));
        assert_eq!(e("1/200").decimal(2).as_deref(), Some("0.01"));
        assert_eq!(e("-1/3").decimal(1).as_deref(), Some("-0.3"));
        assert_eq!(e("12").decimal(2).as_deref(), Some("12"));
    }

    #[test]
    fn exact_amounts_round_to_the_nearest_unit_halves_up() {
        let rounded = |text: &str| Exact(text.to_owned()).rounded();
        assert_eq!(rounded("500000/3"), Some(166_667));
        assert_eq!(rounded("5/2"), Some(3));
        assert_eq!(rounded("7/3"), Some(2));
        assert_eq!(rounded("42"), Some(42));
        assert_eq!(rounded("-1/2"), None);
        assert_eq!(rounded("not a number"), None);
    }

    #[test]
    fn cycle_transcripts_write_minor_units_as_money() {
        let text = one_funded().to_string();
        assert!(
            text.contains("funded p1 (cost 1,250.50; 0.50 left)"),
            "{text}"
        );
        assert!(text.ends_with("spent: 1,250.50"), "{text}");
    }

    #[test]
    fn pabulib_transcripts_write_amounts_as_they_are() {
        let text = one_funded().text(Amounts::Decimals(0)).to_string();
        assert!(text.contains("funded p1 (cost 125050; 50 left)"), "{text}");
        assert!(text.ends_with("spent: 125050"), "{text}");
    }
}
